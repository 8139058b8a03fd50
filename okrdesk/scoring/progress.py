"""Progress of one key result (0.0–1.0) and the grade suggested from it."""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Final, Literal

from okrdesk.scoring.inputs import KeyResultFacts

Level = Literal["below", "commit", "target", "stretch"]

# Google-style grading anchors: 0.3 is what ordinary effort would have given
# (the commit), 0.7 is the target a good stretch goal should reach, 1.0 the
# stretch. So "target reached" is exactly where the green band starts.
LEVEL_SCORES: Final[dict[Level, float]] = {
    "below": 0.0,
    "commit": 0.3,
    "target": 0.7,
    "stretch": 1.0,
}


def pace_progress(kr: KeyResultFacts) -> float | None:
    """Progress as pace sees it: along the straight line from start to target.

    The ideal pace line runs from start to target, so a three-level key result is
    measured along that line here, not by its stepped level score (commit 0.3,
    target 0.7): one exactly on the line is on pace. Other kinds: :func:`progress`.
    """
    if kr.kind == "three_level":
        return progress(replace(kr, kind="metric", commit=None, stretch=None))
    return progress(kr)


def progress(kr: KeyResultFacts) -> float | None:
    """How far the key result is, from 0.0 to 1.0; None when it has no score yet.

    Rules by kind:

    - metric: ``(current − start) / (target − start)`` clamped to 0…1. The same
      formula serves increases and decreases (for a decrease both differences
      are negative). Beyond the target gives 1.0; behind the start (below it
      for an increase, above it for a decrease) gives 0.0.
      If ``target == start`` (a "hold the line" value; planning validation
      normally forbids it) there is no distance to cover: 1.0 if ``current``
      is at the target or on the good side of it per ``direction``, else 0.0.
    - milestone: 1.0 if done, else 0.0 (never None: "not done" is known
      from day one).
    - three_level: the score of the highest level reached, see
      :data:`LEVEL_SCORES` and :func:`level_reached` (steps, not a line).

    None means "no check-in yet" (``current`` is None) or an incomplete
    definition (a metric without start or target, a three-level key result
    without all three thresholds). Screens show "—"; rollups count it as 0.0
    and report how many key results have no data (see
    :func:`okrdesk.scoring.summarize_objective`).
    """
    if kr.kind == "milestone":
        return 1.0 if kr.done else 0.0
    if kr.kind == "three_level":
        level = level_reached(kr)
        return None if level is None else LEVEL_SCORES[level]
    if kr.current is None or kr.start is None or kr.target is None:
        return None
    if kr.target == kr.start:
        return 1.0 if _at_or_past(kr.current, kr.target, kr) else 0.0
    raw = (kr.current - kr.start) / (kr.target - kr.start)
    return min(1.0, max(0.0, raw))


def level_reached(kr: KeyResultFacts) -> Level | None:
    """The highest level a three-level key result has reached.

    "below" under the commit, then "commit", "target", "stretch". A level
    counts as reached when ``current`` is at its threshold or on the good side
    of it (at or above for an increase, at or below for a decrease). If two
    thresholds are equal, the higher level wins. None when there is no
    check-in yet or a threshold is missing. Raises ValueError for other kinds,
    since asking for a level there is a programming mistake.
    """
    if kr.kind != "three_level":
        raise ValueError(f"level_reached needs a three_level key result, got kind {kr.kind!r}")
    if kr.current is None or kr.commit is None or kr.target is None or kr.stretch is None:
        return None
    if _at_or_past(kr.current, kr.stretch, kr):
        return "stretch"
    if _at_or_past(kr.current, kr.target, kr):
        return "target"
    if _at_or_past(kr.current, kr.commit, kr):
        return "commit"
    return "below"


def suggested_grade(kr: KeyResultFacts) -> float | None:
    """The end-of-cycle grade to suggest: progress rounded to a tenth.

    OKR grades are given in tenths. Rounding is half up, as people round by
    hand (0.25 → 0.3, 0.35 → 0.4, 0.05 → 0.1), except that a key result that
    has not reached its target never rounds up to 1.0 (0.96 → 0.9): a grade of
    1.0 always means "done", which is what decides whether a committed
    objective was met. None when progress is None.
    """
    value = progress(kr)
    if value is None:
        return None
    # Round the shortest decimal form (repr), so 0.35 is treated as 0.35 and
    # not as the binary 0.34999999999999997.
    grade = float(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    if grade == 1.0 and value < 1.0:
        return 0.9
    return grade


def _at_or_past(value: float, threshold: float, kr: KeyResultFacts) -> bool:
    """True if ``value`` is at ``threshold`` or on its good side for ``kr``'s direction."""
    return value >= threshold if kr.direction == "increase" else value <= threshold
