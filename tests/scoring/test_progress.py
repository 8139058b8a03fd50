"""Progress by kind, three-level levels and suggested grades."""

import pytest

from okrdesk.scoring import (
    Direction,
    KeyResultFacts,
    Kind,
    level_reached,
    progress,
    suggested_grade,
)


def metric(start: float, target: float, current: float | None) -> KeyResultFacts:
    direction = "decrease" if target < start else "increase"
    return KeyResultFacts(
        kind="metric", start=start, target=target, current=current, direction=direction
    )


@pytest.mark.parametrize(
    ("start", "target", "current", "expected"),
    [
        # increasing: 20 → 100 customers
        (20, 100, 20, 0.0),
        (20, 100, 60, 0.5),
        (20, 100, 100, 1.0),
        (20, 100, 140, 1.0),  # beyond the target
        (20, 100, 10, 0.0),  # below the start
        (0, 3, 1, 1 / 3),
        (-10, 10, 0, 0.5),  # negative start
        # decreasing: churn 10 % → 4 %
        (10, 4, 10, 0.0),
        (10, 4, 7, 0.5),
        (10, 4, 5.5, 0.75),
        (10, 4, 4, 1.0),
        (10, 4, 1, 1.0),  # better than the target
        (10, 4, 12, 0.0),  # worse than the start
    ],
)
def test_metric_progress(start: float, target: float, current: float, expected: float) -> None:
    assert progress(metric(start, target, current)) == pytest.approx(expected)


def test_metric_without_check_in_has_no_progress() -> None:
    assert progress(metric(0, 100, None)) is None


@pytest.mark.parametrize(
    "kr",
    [
        KeyResultFacts(kind="metric", target=10, current=5),
        KeyResultFacts(kind="metric", start=0, current=5),
    ],
)
def test_metric_without_start_or_target_has_no_progress(kr: KeyResultFacts) -> None:
    assert progress(kr) is None


@pytest.mark.parametrize(
    ("direction", "current", "expected"),
    [
        ("increase", 5, 1.0),  # held the line
        ("increase", 6, 1.0),
        ("increase", 4.9, 0.0),
        ("decrease", 5, 1.0),
        ("decrease", 4, 1.0),
        ("decrease", 5.1, 0.0),
    ],
)
def test_metric_with_target_equal_to_start_is_all_or_nothing(
    direction: Direction, current: float, expected: float
) -> None:
    kr = KeyResultFacts(kind="metric", start=5, target=5, current=current, direction=direction)
    assert progress(kr) == expected


@pytest.mark.parametrize(("done", "expected"), [(True, 1.0), (False, 0.0)])
def test_milestone_is_zero_or_one(done: bool, expected: float) -> None:
    assert progress(KeyResultFacts(kind="milestone", done=done)) == expected


def three_level(current: float | None, direction: Direction = "increase") -> KeyResultFacts:
    # increase: commit 40, target 60, stretch 80; decrease (response hours): 8 / 4 / 2
    if direction == "increase":
        return KeyResultFacts(kind="three_level", commit=40, target=60, stretch=80, current=current)
    return KeyResultFacts(
        kind="three_level", commit=8, target=4, stretch=2, current=current, direction="decrease"
    )


@pytest.mark.parametrize(
    ("direction", "current", "level", "score"),
    [
        ("increase", 0, "below", 0.0),
        ("increase", 39.9, "below", 0.0),
        ("increase", 40, "commit", 0.3),
        ("increase", 59, "commit", 0.3),
        ("increase", 60, "target", 0.7),
        ("increase", 79, "target", 0.7),
        ("increase", 80, "stretch", 1.0),
        ("increase", 500, "stretch", 1.0),
        ("decrease", 12, "below", 0.0),
        ("decrease", 8, "commit", 0.3),
        ("decrease", 5, "commit", 0.3),
        ("decrease", 4, "target", 0.7),
        ("decrease", 2.5, "target", 0.7),
        ("decrease", 2, "stretch", 1.0),
        ("decrease", 0, "stretch", 1.0),
    ],
)
def test_three_level_is_scored_by_the_level_reached(
    direction: str, current: float, level: str, score: float
) -> None:
    kr = three_level(current, direction)
    assert level_reached(kr) == level
    assert progress(kr) == score


def test_three_level_with_equal_thresholds_takes_the_higher_level() -> None:
    kr = KeyResultFacts(kind="three_level", commit=50, target=50, stretch=90, current=50)
    assert level_reached(kr) == "target"
    assert progress(kr) == 0.7


@pytest.mark.parametrize(
    "kr",
    [
        three_level(None),
        KeyResultFacts(kind="three_level", target=60, stretch=80, current=70),
        KeyResultFacts(kind="three_level", commit=40, target=60, current=70),
    ],
)
def test_three_level_without_check_in_or_threshold_has_no_level(kr: KeyResultFacts) -> None:
    assert level_reached(kr) is None
    assert progress(kr) is None


@pytest.mark.parametrize("kind", ["metric", "milestone"])
def test_level_reached_is_only_for_three_level(kind: Kind) -> None:
    with pytest.raises(ValueError, match=f"got kind '{kind}'"):
        level_reached(KeyResultFacts(kind=kind))


@pytest.mark.parametrize(
    ("current", "grade"),
    [
        (0, 0.0),
        (4, 0.0),
        (5, 0.1),  # half up, as people round
        (25, 0.3),
        (35, 0.4),  # 0.35 is not the binary 0.3499… here
        (64, 0.6),
        (65, 0.7),
        (94, 0.9),
        (96, 0.9),  # not done: never suggested as 1.0
        (99.9, 0.9),
        (100, 1.0),
        (150, 1.0),
    ],
)
def test_suggested_grade_is_progress_in_tenths(current: float, grade: float) -> None:
    assert suggested_grade(metric(0, 100, current)) == grade


def test_suggested_grade_for_decreasing_metric() -> None:
    assert suggested_grade(metric(10, 4, 5.5)) == 0.8  # progress 0.75


def test_suggested_grade_without_data_is_none() -> None:
    assert suggested_grade(metric(0, 100, None)) is None


@pytest.mark.parametrize(("current", "grade"), [(30, 0.0), (45, 0.3), (65, 0.7), (90, 1.0)])
def test_suggested_grade_of_three_level_is_its_level_score(current: float, grade: float) -> None:
    assert suggested_grade(three_level(current)) == grade


def test_pace_measures_three_level_results_along_the_start_to_target_line() -> None:
    from okrdesk.scoring import pace_progress

    # 1 → 6 machines, commit 4, stretch 8, now 4: the level score is 0.3 (commit) but
    # along the line from start to target it is 60% of the way, which pace compares.
    kr = KeyResultFacts(kind="three_level", start=1, target=6, current=4, commit=4, stretch=8)
    assert progress(kr) == pytest.approx(0.3)
    assert pace_progress(kr) == pytest.approx(0.6)
    metric = KeyResultFacts(kind="metric", start=10, target=20, current=15)
    assert pace_progress(metric) == progress(metric) == pytest.approx(0.5)
