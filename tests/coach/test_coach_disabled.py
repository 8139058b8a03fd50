"""Rules a workspace switched off produce nothing, and do not hide the rules behind them."""

from __future__ import annotations

import pytest

from okrdesk.coach import (
    RULES,
    KeyResultInput,
    ObjectiveInput,
    check_all,
    check_initiative,
    check_key_result,
    check_objective,
    check_set,
)

# One example that fires each statement rule.
STATEMENT_EXAMPLES = {
    "objective-empty": (check_objective, ""),
    "objective-has-number": (check_objective, "Increase revenue by 20%"),
    "objective-is-task": (check_objective, "Finish the CRM migration"),
    "objective-is-vague": (check_objective, "Improve things"),
    "objective-too-long": (check_objective, "Delight buyers. Grow the brand."),
    "key-result-empty": (check_key_result, ""),
    "key-result-not-measurable": (check_key_result, "Reduce churn"),
    "key-result-is-activity": (check_key_result, "Launch 3 campaigns"),
    "key-result-is-kpi": (check_key_result, "Keep uptime above 99.9%"),
    "key-result-no-baseline": (check_key_result, "Raise conversion to 4%"),
    "initiative-empty": (check_initiative, ""),
    "initiative-is-result": (check_initiative, "Increase NPS from 30 to 45"),
}


def crowded_set() -> list[ObjectiveInput]:
    """A set that breaks every set rule at least once."""
    stretch = KeyResultInput("s1", "Grow trials from 10 to 20", "three_level", 10, 20, 30)
    same = KeyResultInput("s2", "Grow trials from 10 to 20", "metric", 10, 10)
    gaps = KeyResultInput("s3", "Grow demos from 1 to 2", "metric", None, 2)
    many = [KeyResultInput(f"m{i}", f"KR {i} from 1 to 2", "metric", 1, 2) for i in range(5)]
    return [
        ObjectiveInput("a", "Win clinics", None, "committed", [stretch, same, gaps]),
        ObjectiveInput("b", "Win labs", "Ana", "aspirational", []),
        ObjectiveInput("c", "Win pharmacies", "Ana", "aspirational", many[:1]),
        ObjectiveInput("d", "Win dentists", "Ana", "aspirational", many),
        ObjectiveInput("e", "Win vets", "Ana", "aspirational", many[:2]),
    ]


def test_every_rule_has_a_firing_example_here() -> None:
    set_rules = {f.finding.rule for f in check_set(crowded_set())}
    set_rules |= {f.finding.rule for f in check_set(crowded_set()[:4])}
    assert set(STATEMENT_EXAMPLES) | set_rules == set(RULES)


@pytest.mark.parametrize("rule_id", sorted(STATEMENT_EXAMPLES))
def test_disabling_a_statement_rule_silences_it(rule_id: str) -> None:
    check, text = STATEMENT_EXAMPLES[rule_id]
    assert rule_id in [f.rule for f in check(text)]
    assert rule_id not in [f.rule for f in check(text, disabled={rule_id})]


@pytest.mark.parametrize(
    "rule_id", sorted(rule.id for rule in RULES.values() if rule.applies_to == "set")
)
def test_disabling_a_set_rule_silences_it(rule_id: str) -> None:
    objectives = crowded_set() if rule_id != "set-four-objectives" else crowded_set()[:4]
    assert rule_id in [f.finding.rule for f in check_set(objectives)]
    assert rule_id not in [f.finding.rule for f in check_set(objectives, disabled=[rule_id])]
    assert rule_id not in [f.finding.rule for f in check_all(objectives, disabled=(rule_id,))]


def test_disabled_rule_does_not_hide_the_next_word_rule() -> None:
    # "Keep … above" reads as a KPI first; with that rule off, the no-baseline info shows.
    text = "Keep uptime above 99.9%"
    assert [f.rule for f in check_key_result(text)] == ["key-result-is-kpi"]
    assert [f.rule for f in check_key_result(text, disabled={"key-result-is-kpi"})] == [
        "key-result-no-baseline"
    ]
    assert [f.rule for f in check_objective("Do better at planning", {"objective-is-vague"})] == []


def test_disabling_everything_leaves_nothing() -> None:
    everything = set(RULES)
    for check, text in STATEMENT_EXAMPLES.values():
        assert check(text, disabled=everything) == []
    assert check_all(crowded_set(), disabled=everything) == []
