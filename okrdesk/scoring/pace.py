"""Pace: how far along a key result should be today, and how it compares.

The ideal line runs straight from the start value on the cycle's first day
to the target on its last day. Dates are points in time: on ``cycle_start``
0% of the cycle has elapsed, on ``cycle_end`` 100%.
"""

from __future__ import annotations

from datetime import date

from okrdesk.scoring._checks import reaches, require_finite, require_fraction
from okrdesk.vocabulary import Confidence as PaceStatus

ON_TRACK_AT = 0.95
OFF_TRACK_BELOW = 0.75
# In the first days of a cycle the ideal is so small that one missing check-in
# would flag everything; until 5% of the cycle has passed, all is on track.
GRACE_UNTIL = 0.05


def expected_pace(cycle_start: date, cycle_end: date, today: date) -> float:
    """The fraction of the cycle elapsed on ``today``, clamped to 0.0…1.0.

    Before the cycle → 0.0, after it → 1.0. A zero-length cycle (end ==
    start) is 0.0 before that day and 1.0 from that day on. Raises ValueError
    if the cycle ends before it starts. Works with ``datetime`` too (all three
    arguments of the same type), giving fractions of a day.
    """
    if cycle_end < cycle_start:
        raise ValueError(f"the cycle ends ({cycle_end}) before it starts ({cycle_start})")
    if today <= cycle_start:
        return 1.0 if today == cycle_end else 0.0
    if today >= cycle_end:
        return 1.0
    return (today - cycle_start) / (cycle_end - cycle_start)


def ideal_value(start: float, target: float, cycle_start: date, cycle_end: date, on: date) -> float:
    """The value the ideal pace line has on date ``on`` (for charts).

    ``start`` on the first day, ``target`` on the last, straight in between;
    the start value before the cycle and the target after it.
    """
    start = require_finite("start", start)
    target = require_finite("target", target)
    return start + (target - start) * expected_pace(cycle_start, cycle_end, on)


def pace_ratio(progress: float | None, expected: float) -> float | None:
    """Progress as a share of the ideal pace: 1.0 is exactly on the line.

    Above 1.0 means ahead. None when there is no progress yet (None) or no
    pace to compare against (``expected`` is 0.0, i.e. the cycle has not
    started). Both arguments must lie within 0.0…1.0.
    """
    expected = require_fraction("expected", expected)
    if progress is None:
        return None
    progress = require_fraction("progress", progress)
    if expected == 0.0:
        return None
    return progress / expected


def pace_status(
    progress: float | None,
    expected: float,
    on_track_at: float = ON_TRACK_AT,
    off_track_below: float = OFF_TRACK_BELOW,
    grace_until: float = GRACE_UNTIL,
) -> PaceStatus | None:
    """The confidence to suggest from pace alone.

    With ``ratio = progress / expected``:

    - ``ratio ≥ on_track_at`` (default 0.95) → "on_track";
    - ``off_track_below ≤ ratio < on_track_at`` (0.75…0.95) → "at_risk";
    - ``ratio < off_track_below`` (under 0.75) → "off_track".

    A key result at 1.0 is always on track, and so is everything while
    ``expected < grace_until`` (the first 5% of the cycle). None when there
    is no progress (no check-in yet): nothing to suggest from.
    """
    _check_thresholds(on_track_at, off_track_below, grace_until)
    ratio = pace_ratio(progress, expected)
    if progress is None:
        return None
    if expected < grace_until or progress >= 1.0 or ratio is None:
        return "on_track"
    if reaches(ratio, on_track_at):
        return "on_track"
    if reaches(ratio, off_track_below):
        return "at_risk"
    return "off_track"


def is_behind_pace(
    progress: float | None,
    expected: float,
    threshold: float = ON_TRACK_AT,
    grace_until: float = GRACE_UNTIL,
) -> bool:
    """True when a key result is under ``threshold`` of the ideal pace.

    Meant for flags and reminders. Unlike :func:`pace_status`, a key result
    without a check-in counts as 0.0 progress here: an unmeasured key result
    halfway through the cycle is exactly what a reminder should catch. Never
    behind during the grace period (``expected < grace_until``). With the
    default threshold it agrees with ``pace_status(...) != "on_track"``.
    """
    threshold = require_finite("threshold", threshold)
    if threshold < 0.0:
        raise ValueError(f"threshold must not be negative, got {threshold!r}")
    grace_until = require_fraction("grace_until", grace_until)
    expected = require_fraction("expected", expected)
    value = 0.0 if progress is None else require_fraction("progress", progress)
    if expected < grace_until or expected == 0.0 or value >= 1.0:
        return False
    return not reaches(value / expected, threshold)


def _check_thresholds(on_track_at: float, off_track_below: float, grace_until: float) -> None:
    on_track_at = require_finite("on_track_at", on_track_at)
    off_track_below = require_finite("off_track_below", off_track_below)
    require_fraction("grace_until", grace_until)
    if not 0.0 <= off_track_below <= on_track_at:
        raise ValueError(
            "pace thresholds must satisfy 0 ≤ off_track_below ≤ on_track_at; got "
            f"off_track_below={off_track_below!r}, on_track_at={on_track_at!r}"
        )
