"""Scoring: progress, objective scores, pace, bands and grades — pure functions.

Plain data in (:class:`KeyResultFacts`, floats, dates), plain values out; no
database, no Qt. The services build the facts from the workspace.

Conventions
-----------
Progress of a key result, 0.0–1.0 (:func:`progress`):

- Metric: ``(current − start) / (target − start)``, clamped to 0…1. It works
  for decreases too (target below start). Past the target → 1.0; behind the
  start → 0.0. If target equals start, 1.0 once the value is at the target
  (or on its good side), else 0.0.
- Milestone: 1.0 when done, else 0.0.
- Three-level (commit / target / stretch): scored by the level reached, in
  steps — below commit 0.0, commit 0.3, target 0.7, stretch 1.0 — so reaching
  the target is where green starts. For a decrease, lower is better.
- No check-in yet (or an incomplete definition) → ``None``: screens show "—".
  Objective scores count it as 0.0 and report how many key results have no
  data (:func:`summarize_objective`).

Objective score (:func:`objective_score`): the weighted mean of its key
results (or of given review grades). Zero weights take no part; if all weights
are zero, the plain mean. No key results → ``None``.
Team / cycle rollup (:func:`rollup`): the plain mean of objective scores,
leaving out objectives without a score; none at all → ``None``.

Pace (:mod:`okrdesk.scoring.pace`): the ideal line runs straight from the start
value on the cycle's first day to the target on its last. Expected progress is
the fraction of the cycle elapsed, clamped 0…1 (a zero-length cycle is 0.0
before its day and 1.0 from it). Suggested status from ``progress / expected``:
≥ 0.95 on track, 0.75 up to 0.95 at risk, under 0.75 off track; during the
first 5% of the cycle, and once a key result is at 1.0, always on track.

Bands (:class:`Bands`, configurable per workspace): red below 0.4, amber from
0.4 below 0.7, green from 0.7 (0.0–0.3 red, 0.4–0.6 amber, 0.7–1.0 green;
scores in the gaps fall to the lower colour).

Meaning (:func:`interpret`): a committed objective is met only at 1.0, anything
less is a miss; an aspirational objective succeeds from 0.7.

Suggested grade (:func:`suggested_grade`): progress rounded half up to a tenth
(grades are given in tenths), but never up to 1.0 unless the target was reached.

Bad input — NaN or infinite numbers, a negative weight, an unknown kind,
thresholds in the wrong order, a cycle that ends before it starts — raises
ValueError with a message naming the value; scores are never silently NaN.
Comparisons against thresholds forgive float noise (1e-9), so 0.7, 0.7 and
0.7 average to a green, successful 0.7.
"""

from okrdesk.scoring.aggregate import (
    ObjectiveSummary,
    objective_score,
    rollup,
    summarize_objective,
)
from okrdesk.scoring.bands import DEFAULT_BANDS, Band, Bands, band
from okrdesk.scoring.inputs import Direction, KeyResultFacts, Kind
from okrdesk.scoring.interpretation import ObjectiveKind, Outcome, interpret
from okrdesk.scoring.pace import (
    PaceStatus,
    expected_pace,
    ideal_value,
    is_behind_pace,
    pace_ratio,
    pace_status,
)
from okrdesk.scoring.progress import (
    LEVEL_SCORES,
    Level,
    level_reached,
    pace_progress,
    progress,
    suggested_grade,
)

__all__ = [
    "DEFAULT_BANDS",
    "LEVEL_SCORES",
    "Band",
    "Bands",
    "Direction",
    "KeyResultFacts",
    "Kind",
    "Level",
    "ObjectiveKind",
    "ObjectiveSummary",
    "Outcome",
    "PaceStatus",
    "band",
    "expected_pace",
    "ideal_value",
    "interpret",
    "is_behind_pace",
    "level_reached",
    "objective_score",
    "pace_progress",
    "pace_ratio",
    "pace_status",
    "progress",
    "rollup",
    "suggested_grade",
    "summarize_objective",
]
