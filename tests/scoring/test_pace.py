"""Expected pace, the ideal line and the pace-based status suggestion."""

import math
from datetime import date, datetime

import pytest

from okrdesk.scoring import expected_pace, ideal_value, is_behind_pace, pace_ratio, pace_status

Q_START = date(2025, 1, 1)
Q_END = date(2025, 4, 1)  # 90 days later


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2024, 12, 1), 0.0),  # before the cycle
        (Q_START, 0.0),
        (date(2025, 1, 10), 9 / 90),
        (date(2025, 2, 15), 45 / 90),
        (Q_END, 1.0),
        (date(2025, 6, 30), 1.0),  # after the cycle
    ],
)
def test_expected_pace_is_the_elapsed_fraction(today: date, expected: float) -> None:
    assert expected_pace(Q_START, Q_END, today) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("today", "expected"),
    [(date(2025, 2, 28), 0.0), (date(2025, 3, 1), 1.0), (date(2025, 3, 2), 1.0)],
)
def test_zero_length_cycle_is_due_on_its_day(today: date, expected: float) -> None:
    day = date(2025, 3, 1)
    assert expected_pace(day, day, today) == expected


def test_cycle_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match=r"ends \(2025-01-01\) before it starts \(2025-04-01\)"):
        expected_pace(Q_END, Q_START, Q_START)


def test_expected_pace_accepts_datetimes() -> None:
    start = datetime(2025, 1, 1, 0, 0)
    assert expected_pace(start, datetime(2025, 1, 3), datetime(2025, 1, 1, 12)) == 0.25


@pytest.mark.parametrize(
    ("start", "target", "on", "expected"),
    [
        (20, 110, date(2024, 12, 31), 20.0),
        (20, 110, Q_START, 20.0),
        (20, 110, date(2025, 1, 31), 50.0),
        (20, 110, Q_END, 110.0),
        (20, 110, date(2025, 5, 1), 110.0),
        (10, 1, date(2025, 2, 15), 5.5),  # decrease: halfway from 10 to 1
    ],
)
def test_ideal_value_runs_straight_from_start_to_target(
    start: float, target: float, on: date, expected: float
) -> None:
    assert ideal_value(start, target, Q_START, Q_END, on) == pytest.approx(expected)


def test_ideal_value_refuses_non_finite_values() -> None:
    with pytest.raises(ValueError, match="target must be a finite number"):
        ideal_value(0, math.inf, Q_START, Q_END, Q_START)


@pytest.mark.parametrize(
    ("progress", "expected", "ratio"),
    [
        (0.5, 0.5, 1.0),
        (0.25, 0.5, 0.5),
        (0.6, 0.3, 2.0),  # ahead
        (None, 0.5, None),  # no check-in yet
        (0.1, 0.0, None),  # cycle not started: nothing to compare with
    ],
)
def test_pace_ratio(progress: float | None, expected: float, ratio: float | None) -> None:
    assert pace_ratio(progress, expected) == pytest.approx(ratio)


@pytest.mark.parametrize(
    ("progress", "expected"), [(math.nan, 0.5), (0.5, math.nan), (1.5, 0.5), (0.5, -0.1)]
)
def test_pace_ratio_refuses_bad_fractions(progress: float, expected: float) -> None:
    with pytest.raises(ValueError, match="must be"):
        pace_ratio(progress, expected)


@pytest.mark.parametrize(
    ("progress", "expected", "status"),
    [
        (0.5, 0.5, "on_track"),
        (0.95, 1.0, "on_track"),  # exactly 95 % of the ideal
        (0.9499, 1.0, "at_risk"),
        (0.75, 1.0, "at_risk"),  # exactly 75 %
        (0.7499, 1.0, "off_track"),
        (0.0, 0.5, "off_track"),
        (0.4, 0.5, "at_risk"),  # 80 % of the ideal
        (0.3, 0.5, "off_track"),  # 60 % of the ideal
        (1.0, 1.0, "on_track"),
        (0.9, 0.4, "on_track"),  # ahead
        (0.0, 0.049, "on_track"),  # grace period: first 5 % of the cycle
        (0.0, 0.05, "off_track"),  # grace is over
        (0.0, 0.0, "on_track"),  # cycle not started
        (None, 0.5, None),  # no check-in: nothing to suggest from
    ],
)
def test_pace_status(progress: float | None, expected: float, status: str | None) -> None:
    assert pace_status(progress, expected) == status


def test_finished_key_result_is_on_track_even_with_strict_thresholds() -> None:
    assert pace_status(1.0, 1.0, on_track_at=1.5, off_track_below=1.2) == "on_track"


@pytest.mark.parametrize(
    ("progress", "status"), [(0.45, "on_track"), (0.35, "at_risk"), (0.2, "off_track")]
)
def test_pace_thresholds_are_parameters(progress: float, status: str) -> None:
    # a team that only wants 90 % / 50 % of the ideal pace, half way through
    assert pace_status(progress, 0.5, on_track_at=0.9, off_track_below=0.5) == status


def test_grace_period_is_a_parameter() -> None:
    assert pace_status(0.0, 0.1, grace_until=0.2) == "on_track"
    assert pace_status(0.0, 0.01, grace_until=0.0) == "off_track"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"on_track_at": 0.7, "off_track_below": 0.8}, "0 ≤ off_track_below ≤ on_track_at"),
        ({"off_track_below": -0.1}, "0 ≤ off_track_below ≤ on_track_at"),
        ({"on_track_at": math.nan}, "on_track_at must be a finite number"),
        ({"grace_until": 2.0}, "grace_until must be between 0.0 and 1.0"),
    ],
)
def test_bad_pace_thresholds_are_refused(kwargs: dict[str, float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        pace_status(0.5, 0.5, **kwargs)


@pytest.mark.parametrize(
    ("progress", "expected", "behind"),
    [
        (0.5, 0.5, False),
        (0.95, 1.0, False),
        (0.9, 1.0, True),
        (0.2, 0.5, True),
        (None, 0.5, True),  # no check-in half way through: remind
        (None, 0.02, False),  # ... but not in the first days
        (0.0, 0.0, False),
        (1.0, 1.0, False),
    ],
)
def test_is_behind_pace(progress: float | None, expected: float, behind: bool) -> None:
    assert is_behind_pace(progress, expected) is behind


def test_is_behind_pace_threshold_is_a_parameter() -> None:
    assert is_behind_pace(0.4, 0.5, threshold=0.9) is True
    assert is_behind_pace(0.4, 0.5, threshold=0.8) is False


def test_is_behind_pace_refuses_negative_threshold() -> None:
    with pytest.raises(ValueError, match="threshold must not be negative"):
        is_behind_pace(0.4, 0.5, threshold=-1)


@pytest.mark.parametrize("progress", [i / 10 for i in range(11)])
@pytest.mark.parametrize("expected", [i / 10 for i in range(11)])
def test_is_behind_pace_agrees_with_pace_status(progress: float, expected: float) -> None:
    assert is_behind_pace(progress, expected) == (pace_status(progress, expected) != "on_track")


def test_a_quarter_walked_through_by_date() -> None:
    # 20 → 110 signups; on 15 Feb the ideal is 65 (half way), the team is at 50.
    today = date(2025, 2, 15)
    expected = expected_pace(Q_START, Q_END, today)
    assert ideal_value(20, 110, Q_START, Q_END, today) == pytest.approx(65)
    progress = (50 - 20) / (110 - 20)  # 1/3, i.e. 67 % of the ideal pace
    assert pace_status(progress, expected) == "off_track"
    assert is_behind_pace(progress, expected)
