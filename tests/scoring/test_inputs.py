"""Validation of KeyResultFacts: bad data fails loudly, naming the field."""

import math

import pytest

from okrdesk.scoring import Direction, KeyResultFacts


@pytest.mark.parametrize("field", ["start", "target", "current", "commit", "stretch", "weight"])
@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_non_finite_numbers_are_refused_with_the_field_name(field: str, bad: float) -> None:
    with pytest.raises(ValueError, match=rf"^{field} must be a finite number"):
        KeyResultFacts(kind="milestone", **{field: bad})


@pytest.mark.parametrize("bad", ["10", True])
def test_non_numbers_are_refused(bad: object) -> None:
    with pytest.raises(ValueError, match=r"^target must be a number"):
        KeyResultFacts(kind="metric", start=0, target=bad)  # type: ignore[arg-type]


def test_unknown_kind_lists_the_valid_kinds() -> None:
    with pytest.raises(ValueError, match="metric, milestone, three_level; got 'kpi'"):
        KeyResultFacts(kind="kpi")  # type: ignore[arg-type]


def test_unknown_direction_is_refused() -> None:
    with pytest.raises(ValueError, match="direction must be one of increase, decrease"):
        KeyResultFacts(kind="metric", direction="up")  # type: ignore[arg-type]


def test_done_must_be_a_bool() -> None:
    with pytest.raises(ValueError, match="done must be True or False"):
        KeyResultFacts(kind="milestone", done=1)  # type: ignore[arg-type]


def test_negative_weight_is_refused() -> None:
    with pytest.raises(ValueError, match="weight must not be negative"):
        KeyResultFacts(kind="milestone", weight=-1.0)


def test_zero_weight_is_allowed() -> None:
    assert KeyResultFacts(kind="milestone", weight=0.0).weight == 0.0


@pytest.mark.parametrize(
    ("start", "target", "direction", "message"),
    [
        (10, 4, "increase", "direction is 'increase', but the target 4 is below the start 10"),
        (0, 5, "decrease", "direction is 'decrease', but the target 5 is above the start 0"),
    ],
)
def test_metric_direction_must_agree_with_start_and_target(
    start: float, target: float, direction: Direction, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        KeyResultFacts(kind="metric", start=start, target=target, direction=direction)


@pytest.mark.parametrize("direction", ["increase", "decrease"])
def test_target_equal_to_start_is_accepted_in_either_direction(direction: Direction) -> None:
    kr = KeyResultFacts(kind="metric", start=5, target=5, direction=direction)
    assert kr.target == kr.start


def test_incomplete_facts_are_accepted() -> None:
    # Draft key results have no target yet; scoring answers None for them.
    assert KeyResultFacts(kind="metric").target is None
    assert KeyResultFacts(kind="three_level", target=10).commit is None


@pytest.mark.parametrize(
    ("commit", "target", "stretch", "direction", "message"),
    [
        (50, 40, 60, "increase", "commit ≤ target .* got commit=50, target=40"),
        (10, 20, 15, "increase", "target ≤ stretch .* got target=20, stretch=15"),
        (10, 20, 5, "decrease", "commit ≥ target .* got commit=10, target=20"),
        (30, None, 40, "decrease", "commit ≥ stretch .* got commit=30, stretch=40"),
    ],
)
def test_three_level_thresholds_must_be_ordered_by_direction(
    commit: float, target: float | None, stretch: float, direction: Direction, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        KeyResultFacts(
            kind="three_level",
            commit=commit,
            target=target,
            stretch=stretch,
            direction=direction,
        )


def test_facts_are_immutable() -> None:
    kr = KeyResultFacts(kind="milestone")
    with pytest.raises(AttributeError):
        kr.done = True  # type: ignore[misc]
