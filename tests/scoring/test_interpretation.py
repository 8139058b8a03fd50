"""What a score means for committed and aspirational objectives."""

import pytest

from okrdesk.scoring import ObjectiveKind, Outcome, interpret


@pytest.mark.parametrize(
    ("score", "kind", "outcome"),
    [
        (1.0, "committed", Outcome.MET),
        (0.9, "committed", Outcome.MISSED),  # a promise kept at 90 % is a miss
        (0.0, "committed", Outcome.MISSED),
        (0.7, "aspirational", Outcome.SUCCESS),
        (1.0, "aspirational", Outcome.SUCCESS),
        (0.6, "aspirational", Outcome.SHORTFALL),
        ((0.7 + 0.7 + 0.7) / 3, "aspirational", Outcome.SUCCESS),  # float noise forgiven
        (None, "committed", None),
        (None, "aspirational", None),
    ],
)
def test_interpret(score: float | None, kind: ObjectiveKind, outcome: Outcome | None) -> None:
    assert interpret(score, kind) is outcome


def test_aspirational_success_threshold_is_a_parameter() -> None:
    assert interpret(0.6, "aspirational", aspirational_success_from=0.6) is Outcome.SUCCESS


@pytest.mark.parametrize(
    ("outcome", "label", "is_success"),
    [
        (Outcome.MET, "Met", True),
        (Outcome.MISSED, "Missed", False),
        (Outcome.SUCCESS, "Success", True),
        (Outcome.SHORTFALL, "Short of success", False),
    ],
)
def test_outcome_labels(outcome: Outcome, label: str, is_success: bool) -> None:
    assert outcome.label == label
    assert outcome.is_success is is_success


def test_outcome_values_are_stable_strings_for_storage() -> None:
    assert [o.value for o in Outcome] == ["met", "missed", "success", "shortfall"]
    assert Outcome("success") is Outcome.SUCCESS


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="'committed' or 'aspirational', got 'roofshot'"):
        interpret(0.5, "roofshot")  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [1.2, -0.5, float("nan")])
def test_scores_outside_zero_to_one_are_refused(bad: float) -> None:
    with pytest.raises(ValueError, match="score must be"):
        interpret(bad, "committed")
