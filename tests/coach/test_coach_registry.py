"""The rule registry, the finding shape and the generated rules document."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from okrdesk.coach import RULES, Finding
from okrdesk.coach.docs import render_markdown
from okrdesk.coach.rules import make_finding

DOC = Path(__file__).resolve().parents[2] / "docs" / "COACH_RULES.md"


def test_rule_ids_are_stable_kebab_case_and_match_their_keys() -> None:
    for key, rule in RULES.items():
        assert key == rule.id
        assert re.fullmatch(r"[a-z]+(?:-[a-z0-9]+)+", rule.id), rule.id
        assert rule.severity in ("error", "warning", "info")
        assert rule.applies_to in ("objective", "key-result", "initiative", "set")
        assert rule.title and rule.explanation.endswith((".", '"'))


def test_make_finding_takes_its_severity_from_the_registry() -> None:
    finding = make_finding("objective-has-number", "msg", "hint")
    assert finding.severity == RULES["objective-has-number"].severity == "warning"
    with pytest.raises(KeyError):
        make_finding("no-such-rule", "msg", "hint")


def test_finding_to_dict_has_exactly_the_four_fields() -> None:
    finding = Finding("key-result-is-kpi", "warning", "What is wrong.", "How to fix it.")
    assert finding.to_dict() == {
        "rule": "key-result-is-kpi",
        "severity": "warning",
        "message": "What is wrong.",
        "hint": "How to fix it.",
    }


def test_rules_document_lists_every_rule() -> None:
    text = render_markdown()
    for rule in RULES.values():
        assert f"`{rule.id}`" in text
        assert rule.explanation in text


def test_committed_rules_document_is_up_to_date() -> None:
    assert DOC.exists(), "run: python -m okrdesk.coach.docs > docs/COACH_RULES.md"
    assert DOC.read_text(encoding="utf-8") == render_markdown(), (
        "docs/COACH_RULES.md is stale; run: python -m okrdesk.coach.docs > docs/COACH_RULES.md"
    )
