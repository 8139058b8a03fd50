"""Precision and recall on statements we wrote ourselves (tests/coach/statements.csv).

A statement counts as flagged weak when the coach gives it any warning or error; info never
counts. Both classes must reach 0.90 precision and recall: misses let weak OKRs through,
false alarms teach people to switch the coach off.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from okrdesk.coach import RULES, Finding, check_initiative, check_key_result, check_objective

DATA = Path(__file__).with_name("statements.csv")
THRESHOLD = 0.90
CHECKS: dict[str, Callable[[str], list[Finding]]] = {
    "objective": check_objective,
    "key-result": check_key_result,
    "initiative": check_initiative,
}


@dataclass(frozen=True)
class Row:
    kind: str
    text: str
    label: str
    rule: str
    domain: str


def load() -> list[Row]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        return [Row(**row) for row in csv.DictReader(handle)]


ROWS = load()


def flagged_weak(row: Row) -> bool:
    return any(finding.severity != "info" for finding in CHECKS[row.kind](row.text))


def precision_recall(rows: list[Row], label: str) -> tuple[float, float]:
    predicted = {id(row) for row in rows if ("weak" if flagged_weak(row) else "sound") == label}
    actual = {id(row) for row in rows if row.label == label}
    hits = len(predicted & actual)
    return hits / len(predicted), hits / len(actual)


def test_data_set_is_large_balanced_and_well_formed() -> None:
    assert len(ROWS) >= 120
    weak = sum(row.label == "weak" for row in ROWS)
    assert 0.4 <= weak / len(ROWS) <= 0.6
    assert {row.kind for row in ROWS} == set(CHECKS)
    assert {row.label for row in ROWS} == {"sound", "weak"}
    assert all(row.rule in RULES for row in ROWS if row.rule)
    assert all(row.rule == "" for row in ROWS if row.label == "sound")
    texts = [row.text.casefold() for row in ROWS]
    assert len(texts) == len(set(texts)), "duplicate statements"
    assert len({row.domain.split(" (")[0] for row in ROWS}) >= 10


@pytest.mark.parametrize("label", ["weak", "sound"])
def test_precision_and_recall(label: str, coach_report: list[str]) -> None:
    precision, recall = precision_recall(ROWS, label)
    line = (
        f"{label:>5} statements: precision {precision:.3f}, recall {recall:.3f} "
        f"({len(ROWS)} labelled statements)"
    )
    print(line)
    coach_report.append(line)
    assert precision >= THRESHOLD, line
    assert recall >= THRESHOLD, line


def test_weak_statements_are_flagged_by_the_expected_rule(coach_report: list[str]) -> None:
    expected = [row for row in ROWS if row.rule]
    wrong = [
        row
        for row in expected
        if row.rule not in {finding.rule for finding in CHECKS[row.kind](row.text)}
    ]
    share = 1 - len(wrong) / len(expected)
    line = f"expected rule fired for {share:.3f} of {len(expected)} weak statements"
    coach_report.append(line)
    coach_report.extend(f"  not flagged as {row.rule}: {row.text}" for row in wrong)
    assert share >= THRESHOLD, line
