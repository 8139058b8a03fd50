"""Properties that must hold for any input, checked with generated data."""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from okrdesk.scoring import KeyResultFacts, objective_score, progress

values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


def metric(
    start: float, target: float, current: float, *, mirrored: bool = False
) -> KeyResultFacts:
    direction = "decrease" if target < start else "increase"
    if mirrored:  # flipping the signs flips the direction, also when target == start
        start, target, current = -start, -target, -current
        direction = "increase" if direction == "decrease" else "decrease"
    return KeyResultFacts(
        kind="metric", start=start, target=target, current=current, direction=direction
    )


@given(values, values, values)
def test_metric_progress_is_always_between_zero_and_one(
    start: float, target: float, current: float
) -> None:
    result = progress(metric(start, target, current))
    assert result is not None
    assert 0.0 <= result <= 1.0


@given(values, values, values, values)
def test_moving_towards_the_target_never_lowers_progress(
    start: float, target: float, a: float, b: float
) -> None:
    # "towards the target" is up for an increase and down for a decrease
    nearer, farther = (max(a, b), min(a, b)) if target >= start else (min(a, b), max(a, b))
    result_nearer = progress(metric(start, target, nearer))
    result_farther = progress(metric(start, target, farther))
    assert result_nearer is not None and result_farther is not None
    assert result_nearer >= result_farther


@given(values, values, values)
def test_a_decrease_scores_like_the_mirrored_increase(
    start: float, target: float, current: float
) -> None:
    result = progress(metric(start, target, current))
    mirrored = progress(metric(start, target, current, mirrored=True))
    assert result == pytest.approx(mirrored)


scores = st.floats(min_value=0.0, max_value=1.0)
weights = st.floats(min_value=0.0, max_value=100.0)


@given(st.lists(st.tuples(scores, weights), min_size=1, max_size=12))
@example([(0.5, 5e-324)])  # a subnormal weight once underflowed the weighted sum to 0
def test_objective_score_lies_between_its_key_results(pairs: list[tuple[float, float]]) -> None:
    krs = [KeyResultFacts(kind="milestone", weight=w) for _, w in pairs]
    given_scores = [s for s, _ in pairs]
    result = objective_score(krs, scores=given_scores)
    assert result is not None
    assert min(given_scores) - 1e-9 <= result <= max(given_scores) + 1e-9
