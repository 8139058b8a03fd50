"""Objective scores (weighted mean of key results) and team/cycle rollups."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from okrdesk.scoring._checks import require_fraction
from okrdesk.scoring.inputs import KeyResultFacts
from okrdesk.scoring.progress import progress


@dataclass(frozen=True)
class ObjectiveSummary:
    """An objective's score together with how much of it rests on real data.

    ``score`` is None only when the objective has no key results.
    ``without_data`` counts the key results that had no score (no check-in yet
    or an incomplete definition) and were counted as 0.0, so a screen can say
    "2 of 5 key results have no check-ins yet" next to a low score.
    """

    score: float | None
    key_results: int
    without_data: int


def summarize_objective(
    krs: Sequence[KeyResultFacts], scores: Sequence[float | None] | None = None
) -> ObjectiveSummary:
    """Score an objective from its key results; see :func:`objective_score` for the rules."""
    if scores is None:
        kr_scores = [progress(kr) for kr in krs]
    else:
        if len(scores) != len(krs):
            raise ValueError(
                f"scores must give one value per key result: {len(scores)} scores "
                f"for {len(krs)} key results"
            )
        kr_scores = [
            None if s is None else require_fraction(f"scores[{i}]", s) for i, s in enumerate(scores)
        ]
    without_data = sum(1 for s in kr_scores if s is None)
    if without_data == len(krs):  # nothing measured yet (a plan): no score, not 0
        return ObjectiveSummary(score=None, key_results=len(krs), without_data=without_data)
    values = [0.0 if s is None else s for s in kr_scores]
    weights = [kr.weight for kr in krs]
    if not any(w > 0 for w in weights):
        # Nobody weighted anything: treat the key results as equally important
        # rather than leaving the objective without a score.
        weights = [1.0] * len(krs)
    # fsum: no error build-up over many key results. The last-bit noise that remains
    # (0.7, 0.7, 0.7 → 0.6999999999999998) is forgiven where scores meet thresholds.
    # Relative to the largest weight, so tiny weights cannot underflow to zero.
    largest = max(weights)
    weights = [w / largest for w in weights]
    total = math.fsum(w * v for w, v in zip(weights, values, strict=True))
    score = total / math.fsum(weights)
    return ObjectiveSummary(score=score, key_results=len(krs), without_data=without_data)


def objective_score(
    krs: Sequence[KeyResultFacts], scores: Sequence[float | None] | None = None
) -> float | None:
    """An objective's score: the weighted mean of its key results' scores.

    - Each key result contributes :func:`progress`, or ``scores[i]`` when
      ``scores`` is given (e.g. the grades from a review; one per key result,
      same order, each within 0.0–1.0; they replace the computed progress).
    - A key result without a score (None) counts as 0.0: an objective does not
      look better because its weakest key result was never checked in.
      :func:`summarize_objective` also reports how many those are. When none of
      them has a score yet (a cycle still in planning), the objective has none.
    - Weights of zero take no part in the mean; if every weight is zero, the
      plain unweighted mean is used.
    - No key results → None.
    """
    return summarize_objective(krs, scores).score


def rollup(objective_scores: Sequence[float | None]) -> float | None:
    """A team's or cycle's score: the plain mean of its objectives' scores.

    None entries are left out, because an objective's score is None only when
    it has no key results yet, or none measured yet — there is nothing to
    measure, which is not a failure. All None (or an empty list) → None.
    Objectives are not weighted: each objective is one of the few things the team chose to focus on.
    """
    present = [
        require_fraction(f"objective_scores[{i}]", s)
        for i, s in enumerate(objective_scores)
        if s is not None
    ]
    if not present:
        return None
    return math.fsum(present) / len(present)
