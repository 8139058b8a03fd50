"""The domain's words live once, in okrdesk.vocabulary, and the database agrees with them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import text

from okrdesk import vocabulary as v
from okrdesk.services.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]

# (table, column) → the values its CHECK constraint allows, as the frozen migrations built it
CONSTRAINED = {
    ("key_result", "kind"): v.KEY_RESULT_KINDS,
    ("key_result", "direction"): v.DIRECTIONS,
    ("key_result", "confidence"): v.CONFIDENCES,
    ("check_in", "confidence"): v.CONFIDENCES,
    ("objective", "kind"): v.OBJECTIVE_KINDS,
    ("objective", "status"): v.OBJECTIVE_STATUSES,
    ("initiative", "status"): v.INITIATIVE_STATUSES,
    ("cycle", "state"): v.CYCLE_STATES,
    ("cycle", "kind"): v.CYCLE_KINDS,
    ("team", "kind"): v.TEAM_KINDS,
    ("carry_decision", "decision"): v.CARRY_DECISIONS,
    ("candidate", "kind"): v.CANDIDATE_KINDS,
    ("candidate", "status"): v.CANDIDATE_STATUSES,
}
WORDS = [
    (v.KEY_RESULT_KINDS, v.KEY_RESULT_KIND_WORDS),
    (v.KEY_RESULT_KINDS, v.KEY_RESULT_KIND_HINTS),
    (v.DIRECTIONS, v.DIRECTION_WORDS),
    (v.CONFIDENCES, v.CONFIDENCE_WORDS),
    (v.OBJECTIVE_KINDS, v.OBJECTIVE_KIND_WORDS),
    (v.OBJECTIVE_KINDS, v.OBJECTIVE_KIND_HINTS),
    (v.OBJECTIVE_STATUSES, v.OBJECTIVE_STATUS_WORDS),
    (v.INITIATIVE_STATUSES, v.INITIATIVE_STATUS_WORDS),
    (v.CYCLE_STATES, v.CYCLE_STATE_WORDS),
    (v.CYCLE_STATES, v.CYCLE_STATE_HINTS),
    (v.CYCLE_KINDS, v.CYCLE_KIND_WORDS),
    (v.TEAM_KINDS, v.TEAM_KIND_WORDS),
    (v.ORGANISATION_KINDS, v.ORGANISATION_KIND_WORDS),
    (v.CARRY_DECISIONS, v.CARRY_DECISION_WORDS),
    (v.CARRY_DECISIONS, v.CARRY_DECISION_HINTS),
    (v.BANDS, v.BAND_WORDS),
    (v.CANDIDATE_KINDS, v.CANDIDATE_KIND_WORDS),
    (v.CANDIDATE_STATUSES, v.CANDIDATE_STATUS_WORDS),
]
# Places that spell the same words for something else.
NOT_COPIES = {
    ("okrdesk/interchange/csv_format.py", "CANDIDATE_KINDS"),  # CSV columns
    ("okrdesk/interchange/json_format.py", "CANDIDATE_KINDS"),  # table names
    ("ui/refresh.py", "CANDIDATE_KINDS"),  # table names
    ("okrdesk/services/review_totals.py", "CANDIDATE_KINDS"),  # table names
    ("okrdesk/services/alignment_update.py", "CANDIDATE_KINDS"),  # table names
}


def test_the_schema_allows_exactly_the_vocabulary(tmp_path: Path) -> None:
    """Migrations keep literal copies (frozen history); this says when they drift apart."""
    with Workspace.create(tmp_path / "v.okrdesk") as ws, ws.bulk_engine().connect() as con:
        rows = con.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
        tables = {name: sql for name, sql in rows}
    for (table, column), values in CONSTRAINED.items():
        found = re.search(rf"\b{column} IN \(([^)]*)\)", tables[table])
        assert found, f"{table}.{column} has no CHECK constraint"
        allowed = tuple(re.findall(r"'([^']*)'", found.group(1)))
        assert allowed == values, f"{table}.{column}"


@pytest.mark.parametrize(("values", "words"), WORDS)
def test_every_value_has_words_people_read(values: tuple[str, ...], words: dict) -> None:
    assert tuple(words) == values  # the same values, in the order choices are offered
    for word in words.values():
        assert word.strip() and "_" not in word
        assert word[0].islower()  # read inside a sentence; a label capitalises it


def test_confidence_from_what_people_write_and_from_a_score() -> None:
    assert v.confidence_of_words("At-risk") == "at_risk"
    assert v.confidence_of_words(" on track ") == "on_track"
    assert v.confidence_of_words("off_track") == "off_track"
    assert v.confidence_of_words("7") is None
    assert v.confidence_of_words("on trak") is None
    assert [v.confidence_of_score(n) for n in (10, 7, 6, 4, 3, 1)] == [
        "on_track",
        "on_track",
        "at_risk",
        "at_risk",
        "off_track",
        "off_track",
    ]
    assert v.CARRIED == ("carry", "modify") and set(v.CARRIED) <= set(v.CARRY_DECISIONS)


def test_no_module_spells_an_enumeration_again() -> None:
    """A list of all of an enumeration's values outside the vocabulary is a second copy."""
    tuples = {n: t for n, t in vars(v).items() if n.isupper() and isinstance(t, tuple)}
    sources = [
        p
        for folder in ("okrdesk", "ui")
        for p in (ROOT / folder).rglob("*.py")
        if p.name != "vocabulary.py" and "migrations" not in p.parts  # migrations: frozen
    ]
    copies = []
    for path in sources:
        code, name = path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix()
        for enumeration, values in tuples.items():
            spelled = r"\s*,\s*".join(f"[\"']{re.escape(x)}[\"']" for x in values)
            if (name, enumeration) not in NOT_COPIES and re.search(spelled, code):
                copies.append(f"{name}: {enumeration}")
    assert copies == []
