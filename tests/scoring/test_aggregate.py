"""Objective scores (weighted means) and team/cycle rollups."""

import math

import pytest

from okrdesk.scoring import (
    KeyResultFacts,
    ObjectiveSummary,
    objective_score,
    rollup,
    summarize_objective,
)


def kr_at(value: float | None, weight: float = 1.0) -> KeyResultFacts:
    """A metric 0 → 100 whose progress is ``value`` (None: no check-in yet)."""
    current = None if value is None else value * 100
    return KeyResultFacts(kind="metric", start=0, target=100, current=current, weight=weight)


def test_equal_weights_give_the_plain_mean() -> None:
    assert objective_score([kr_at(0.2), kr_at(0.5), kr_at(0.8)]) == pytest.approx(0.5)


def test_weights_shift_the_mean() -> None:
    # 3 × 1.0 and 1 × 0.0 → 0.75
    assert objective_score([kr_at(1.0, weight=3), kr_at(0.0, weight=1)]) == pytest.approx(0.75)


def test_kinds_mix_in_one_objective() -> None:
    krs = [
        kr_at(0.5),
        KeyResultFacts(kind="milestone", done=True),
        KeyResultFacts(kind="three_level", commit=1, target=2, stretch=3, current=2),
    ]
    assert objective_score(krs) == pytest.approx((0.5 + 1.0 + 0.7) / 3)


def test_zero_weight_key_results_take_no_part() -> None:
    krs = [kr_at(0.8), kr_at(0.0, weight=0), kr_at(None, weight=0)]
    assert objective_score(krs) == pytest.approx(0.8)


def test_all_zero_weights_fall_back_to_the_plain_mean() -> None:
    krs = [kr_at(0.2, weight=0), kr_at(0.6, weight=0)]
    assert objective_score(krs) == pytest.approx(0.4)


def test_no_key_results_means_no_score() -> None:
    assert objective_score([]) is None
    assert summarize_objective([]) == ObjectiveSummary(score=None, key_results=0, without_data=0)


def test_key_results_without_check_ins_count_as_zero_and_are_reported() -> None:
    summary = summarize_objective([kr_at(0.9), kr_at(None), kr_at(0.6), kr_at(None)])
    assert summary.score == pytest.approx(1.5 / 4)
    assert summary.key_results == 4
    assert summary.without_data == 2


def test_objective_with_no_data_at_all_has_no_score_yet() -> None:
    # A plan not started has measured nothing: "—", not a red 0 % beside every "—".
    summary = summarize_objective([kr_at(None), kr_at(None)])
    assert summary.score is None
    assert summary.without_data == 2
    assert rollup([summary.score, None]) is None


def test_given_scores_replace_computed_progress() -> None:
    # e.g. review grades: the reviewer judged 0.7 and 0.4 whatever the numbers say
    krs = [kr_at(1.0, weight=2), kr_at(0.0, weight=1)]
    assert objective_score(krs, scores=[0.7, 0.4]) == pytest.approx((2 * 0.7 + 0.4) / 3)


def test_given_none_score_counts_as_zero_and_is_reported() -> None:
    summary = summarize_objective([kr_at(1.0), kr_at(1.0)], scores=[0.8, None])
    assert summary.score == pytest.approx(0.4)
    assert summary.without_data == 1


def test_scores_must_match_the_key_results() -> None:
    with pytest.raises(ValueError, match="2 scores for 3 key results"):
        objective_score([kr_at(0.1)] * 3, scores=[0.5, 0.5])


@pytest.mark.parametrize("bad", [1.2, -0.1, math.nan, math.inf])
def test_given_scores_must_be_grades(bad: float) -> None:
    with pytest.raises(ValueError, match=r"scores\[1\] must be"):
        objective_score([kr_at(0.1)] * 2, scores=[0.5, bad])


def test_mean_of_equal_grades_is_that_grade() -> None:
    score = objective_score([kr_at(1.0)] * 3, scores=[0.7, 0.7, 0.7])
    assert score == pytest.approx(0.7)


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([0.2, 0.4, 0.9], 0.5),
        ([0.6, None, 0.8], 0.7),  # an objective without key results is left out
        ([0.0], 0.0),
        ([None, None], None),
        ([], None),
    ],
)
def test_rollup_is_the_mean_of_scored_objectives(
    scores: list[float | None], expected: float | None
) -> None:
    assert rollup(scores) == pytest.approx(expected)


@pytest.mark.parametrize("bad", [math.nan, 1.5])
def test_rollup_refuses_bad_scores(bad: float) -> None:
    with pytest.raises(ValueError, match=r"objective_scores\[1\] must be"):
        rollup([0.5, bad])
