"""Set rules over one team's OKRs in one cycle, and check_all tagging every finding."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from okrdesk.coach import KeyResultInput, ObjectiveInput, SetFinding, check_all, check_set


def kr(
    id: str,
    title: str | None = None,
    kind: str = "metric",
    start: float | None = 18,
    target: float | None = 25,
    stretch: float | None = None,
) -> KeyResultInput:
    title = title or f"Raise repeat orders ({id}) from 18% to 25%"
    return KeyResultInput(id, title, kind, start, target, stretch)


def objective(
    id: str,
    title: str = "Delight first-time buyers",
    owner: str | None = "Ana",
    kind: str = "committed",
    key_results: Sequence[KeyResultInput] | None = None,
) -> ObjectiveInput:
    if key_results is None:
        key_results = [
            kr(f"{id}-a", f"Raise repeat orders in {id} from 18% to 25%"),
            kr(f"{id}-b", f"Cut refunds in {id} from 6% to 4%", start=6, target=4),
        ]
    return ObjectiveInput(id, title, owner, kind, key_results)


def healthy(count: int) -> list[ObjectiveInput]:
    return [objective(f"o{i}", f"Delight buyers in region {chr(65 + i)}") for i in range(count)]


def rules(found: list[SetFinding]) -> list[tuple[str | None, str, str, str]]:
    return [(f.item_id, f.item_kind, f.finding.rule, f.finding.severity) for f in found]


@pytest.mark.parametrize("count", [1, 2, 3])
def test_a_focused_healthy_set_has_no_findings(count: int) -> None:
    assert check_set(healthy(count)) == []
    assert check_all(healthy(count)) == []


def test_four_objectives_is_info() -> None:
    assert rules(check_set(healthy(4))) == [(None, "set", "set-four-objectives", "info")]


@pytest.mark.parametrize("count", [5, 7])
def test_five_or_more_objectives_is_a_warning(count: int) -> None:
    found = check_set(healthy(count))
    assert rules(found) == [(None, "set", "set-too-many-objectives", "warning")]
    assert str(count) in found[0].finding.message


def test_key_result_counts_per_objective() -> None:
    objectives = [
        objective("none", "Win hospitals", key_results=[]),
        objective("one", "Win clinics", key_results=[kr("k1")]),
        objective(
            "four",
            "Win pharmacies",
            key_results=[kr(f"p{i}", f"KR {i} from 1 to 2") for i in range(4)],
        ),
        objective(
            "five",
            "Win labs",
            key_results=[kr(f"l{i}", f"Lab KR {i} from 1 to 2") for i in range(5)],
        ),
    ]
    found = [f for f in rules(check_set(objectives)) if f[1] == "objective"]
    assert found == [
        ("none", "objective", "objective-no-key-results", "warning"),
        ("one", "objective", "objective-one-key-result", "info"),
        ("five", "objective", "objective-too-many-key-results", "warning"),
    ]


@pytest.mark.parametrize("owner", [None, "", "   "])
def test_objective_without_owner_is_a_warning(owner: str | None) -> None:
    found = check_set([objective("o1", owner=owner)])
    assert rules(found) == [("o1", "objective", "objective-no-owner", "warning")]


@pytest.mark.parametrize(
    ("start", "target", "missing"),
    [(None, 25, "start"), (18, None, "target"), (None, None, "start and target")],
)
def test_metric_key_result_without_start_or_target_is_a_warning(
    start: float | None, target: float | None, missing: str
) -> None:
    found = check_set(
        [objective("o1", key_results=[kr("k1", start=start, target=target), kr("k2")])]
    )
    assert rules(found) == [("k1", "key-result", "key-result-missing-values", "warning")]
    assert f"no {missing} value" in found[0].finding.message


@pytest.mark.parametrize("kind", ["milestone", "three_level"])
def test_missing_values_only_matter_for_metric_key_results(kind: str) -> None:
    key_results = [
        kr("k1", "Sign the ministry contract", kind=kind, start=None, target=None),
        kr("k2"),
    ]
    assert check_set([objective("o1", key_results=key_results)]) == []


def test_target_equal_to_start_is_an_error() -> None:
    found = check_set(
        [
            objective(
                "o1",
                key_results=[
                    kr("k1", "Hold repeat orders at 40%", start=40, target=40),
                    kr("k2", "Other from 1 to 2", start=1, target=2),
                ],
            )
        ]
    )
    assert rules(found) == [("k1", "key-result", "key-result-target-equals-start", "error")]
    assert "40" in found[0].finding.message


def test_milestone_with_equal_values_is_not_flagged() -> None:
    key_results = [kr("k1", "Open the Leeds site", kind="milestone", start=0, target=0), kr("k2")]
    assert check_set([objective("o1", key_results=key_results)]) == []


def test_duplicates_ignore_case_spacing_and_final_full_stop() -> None:
    objectives = [
        objective("o1", "Delight first-time buyers"),
        objective("o2", "  delight   FIRST-TIME buyers. "),
        objective(
            "o3",
            "Win clinics",
            key_results=[
                kr("k1", "Grow sign-ups from 1 to 2", start=1, target=2),
                kr("k2", "grow sign-ups  from 1 to 2", start=1, target=2),
            ],
        ),
    ]
    found = rules(check_set(objectives))
    assert found == [
        ("o2", "objective", "set-duplicate-statement", "warning"),
        ("k2", "key-result", "set-duplicate-statement", "warning"),
    ]


def test_different_statements_are_not_duplicates() -> None:
    objectives = [
        objective("o1", "Delight first-time buyers"),
        objective("o2", "Delight repeat buyers"),
    ]
    assert check_set(objectives) == []


def test_committed_objective_with_stretch_levels_is_info() -> None:
    key_results = [kr("k1", kind="three_level", start=18, target=25, stretch=30), kr("k2")]
    found = check_set([objective("o1", kind="committed", key_results=key_results)])
    assert rules(found) == [("o1", "objective", "objective-committed-stretch", "info")]
    assert check_set([objective("o1", kind="aspirational", key_results=key_results)]) == []
    flat = [kr("k1", kind="three_level", start=18, target=25, stretch=25), kr("k2")]
    assert check_set([objective("o1", kind="committed", key_results=flat)]) == []


def test_check_all_tags_statement_findings_with_their_items() -> None:
    objectives = [
        objective(
            "o1",
            "Increase revenue by 20%",
            key_results=[
                kr("k1", "Launch 3 campaigns", start=0, target=3),
                kr("k2", "Improve customer satisfaction", start=None, target=None),
            ],
        )
    ]
    found = rules(check_all(objectives))
    assert found == [
        ("o1", "objective", "objective-has-number", "warning"),
        ("k1", "key-result", "key-result-is-activity", "warning"),
        ("k2", "key-result", "key-result-not-measurable", "error"),
        ("k2", "key-result", "key-result-missing-values", "warning"),
    ]


def test_check_all_trusts_a_stored_start_as_the_baseline() -> None:
    without_start = [
        objective(
            "o1", key_results=[kr("k1", "Raise conversion to 4%", start=None, target=4), kr("k2")]
        )
    ]
    with_start = [
        objective(
            "o1", key_results=[kr("k1", "Raise conversion to 4%", start=2.5, target=4), kr("k2")]
        )
    ]
    assert ("k1", "key-result", "key-result-no-baseline", "info") in rules(check_all(without_start))
    assert check_all(with_start) == []


def test_check_all_uses_the_key_result_kind() -> None:
    milestone = kr(
        "k1", "Sign the contract with the ministry", kind="milestone", start=None, target=None
    )
    assert check_all([objective("o1", key_results=[milestone, kr("k2")])]) == []


def test_set_finding_to_dict() -> None:
    (found,) = check_set([objective("o1", owner=None)])
    assert found.to_dict() == {
        "item_id": "o1",
        "item_kind": "objective",
        "rule": "objective-no-owner",
        "severity": "warning",
        "message": found.finding.message,
        "hint": found.finding.hint,
    }


def test_a_sentence_stating_other_numbers_than_the_stored_ones_is_a_warning() -> None:
    carried = kr("k1", "Cut Year 9 absence from 38 to 20 students", start=27, target=20)
    found = check_set([objective("o1", key_results=[carried, kr("k2")])])
    assert rules(found) == [("k1", "key-result", "key-result-numbers-disagree", "warning")]
    assert found[0].finding.message == (
        "The sentence says start 38, but the key result's numbers say start 27."
    )
    levels = kr("k1", "Raise readers from 10 to 30", kind="three_level", start=15, target=30)
    found = check_set([objective("o1", key_results=[levels, kr("k2")])])
    assert rules(found) == [("k1", "key-result", "key-result-numbers-disagree", "warning")]
    both = kr("k1", "Cut Year 9 absence from 38 to 20 students", start=27, target=15)
    (finding,) = check_all([objective("o1", key_results=[both, kr("k2")])])
    assert "start 38, target 20" in finding.finding.message
    assert "start 27, target 15" in finding.finding.message


@pytest.mark.parametrize(
    "key_result",
    [
        kr("k1", "Cut Year 9 absence from 38 to 20 students", start=38, target=20),
        kr("k1", "Cut Year 9 absence to 20 students", start=38, target=20),  # silent on start
        kr("k1", "Open 3 new reading rooms", kind="milestone", start=0, target=1),
    ],
)
def test_a_sentence_agreeing_with_or_silent_on_its_numbers_is_fine(
    key_result: KeyResultInput,
) -> None:
    found = check_set([objective("o1", key_results=[key_result, kr("k2")])])
    assert "key-result-numbers-disagree" not in [f.finding.rule for f in found]
