"""Issue 15, item 12: numbers are never scaled by a thousand by guessing.

A point or a comma followed by exactly three digits ("2,125", "0,125", "1.250") reads two
ways. Typed, the person's locale decides only when the separator is its decimal one; in a
file, every number cell together decides the file's decimal separator, once; what stays
ambiguous is refused, naming the cell or the field, and nothing is written.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from okrdesk.errors import InterchangeError, ValidationError
from okrdesk.interchange import csv_format
from okrdesk.parsing.numbers import decide_decimal, file_number, typed_number
from okrdesk.services import checkin_views, checkins, entities
from okrdesk.services.views import okr_tree
from okrdesk.services.workspace import Workspace

TODAY = date(2026, 5, 14)


# -- typed values --------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["0,125", "2,125", "1,250", "-0,125"])
def test_a_comma_and_three_digits_typed_with_a_decimal_point_locale_is_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="could be"):
        typed_number(text, ".")


@pytest.mark.parametrize(
    ("text", "decimal", "value"),
    [
        ("0,125", ",", 0.125),  # a German typing 0,125 means 0.125
        ("2,125", ",", 2.125),
        ("2.125", ".", 2.125),
        ("12,5", ".", 12.5),  # can only be twelve and a half, whatever the locale
        ("1,234.5", ",", 1234.5),  # both separators: the last one is decimal
        ("1.234,5", ".", 1234.5),
        ("1,234,567", ".", 1234567),  # twice: thousands
        ("2 500", ".", 2500),
        ("\u22123.5", ".", -3.5),
        (".125", ",", 0.125),
    ],
)
def test_what_reads_one_way_is_read(text: str, decimal: str, value: float) -> None:
    assert typed_number(text, decimal) == value


@pytest.mark.parametrize("text", ["2.000", "1.250", "0.125"])
def test_a_point_and_three_digits_typed_with_a_decimal_comma_locale_is_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="could be"):
        typed_number(text, ",")


@pytest.mark.parametrize("text", ["1,2,3", "12.5.1", "1,23,456.5", "0,125.5", "n/a", "1e999"])
def test_what_is_no_number_is_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="not a number"):
        typed_number(text, ".")


def _one_key_result(path: Path) -> str:
    with Workspace.create(path, "Co") as ws:
        cycle = entities.create(
            ws, "cycle", name="2026-Q2", start_date="2026-04-01", end_date="2026-06-30"
        )
        team = entities.create(ws, "team", name="Ops")
        objective = entities.create(ws, "objective", cycle_id=cycle, team_id=team, title="Calm")
        return entities.create(
            ws, "key_result", objective_id=objective, title="Cut pages", start=0, target=1
        )


def test_a_check_in_of_0_125_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    path = tmp_path / "ws.okrdesk"
    kr = _one_key_result(path)
    with Workspace.open(path) as ws:
        with pytest.raises(ValidationError, match=re.escape("0.125 or 125")):
            checkins.record_check_in(ws, kr, "0,125", on="2026-05-01")
        assert not checkin_views.history(ws, kr).points


def test_a_key_result_target_of_2_125_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ws.okrdesk"
    kr = _one_key_result(path)
    with Workspace.open(path) as ws:
        with pytest.raises(ValidationError, match=re.escape("2.125 or 2125")) as refused:
            entities.update(ws, "key_result", kr, target="2,125")
        assert refused.value.field == "target"
        assert entities.get(ws, "key_result", kr)["target"] == 1


# -- files: one decision per file ----------------------------------------------------------


def test_the_decision_takes_every_cell_into_account() -> None:
    assert decide_decimal([("a", "1,250"), ("b", "12,5")]) == ","
    assert decide_decimal([("a", "2.000"), ("b", "1.234,5")]) == ","
    assert decide_decimal([("a", "1,250"), ("b", "7")]) is None
    assert decide_decimal([("a", "1,250.5"), ("b", "2,000")]) == "."
    with pytest.raises(
        ValidationError, match=re.escape("b: '12,5' has a decimal comma but a: '2.5'")
    ):
        decide_decimal([("a", "2.5"), ("b", "12,5")])


def test_a_cell_is_read_as_the_file_decided() -> None:
    assert file_number("1,250", ",") == 1.25
    assert file_number("1,250", ".") == 1250
    assert file_number("2.000", ",") == 2000
    with pytest.raises(ValidationError, match=re.escape("could be 1.25 or 1250")):
        file_number("1,250", None)
    with pytest.raises(ValidationError, match="not a number written with a decimal point"):
        file_number("0,125", ".")  # 0,125 groups no thousands


def _import(tmp_path: Path, data: bytes) -> dict[str, tuple[float | None, float | None]]:
    source = tmp_path / "in.csv"
    source.write_bytes(data)
    target = tmp_path / "new.okrdesk"
    csv_format.import_new(source, target, today=TODAY)
    with Workspace.open(target) as ws:
        tree = okr_tree(ws, cycle="2026-Q2")
        return {
            kr.title: (kr.start, kr.target)
            for team in tree.teams
            for o in team.objectives
            for kr in o.key_results
        }


def test_a_comma_file_with_a_decimal_comma_reads_1_250_as_1_25(tmp_path: Path) -> None:
    data = (
        b"team,objective,key_result,start,target\n"
        b'Ops,Calm,Cut pages,"1,250",0\n'
        b'Ops,Calm,Sleep,"12,5",20\n'
    )
    assert _import(tmp_path, data) == {"Cut pages": (1.25, 0), "Sleep": (12.5, 20)}


def test_a_semicolon_file_reads_2_000_beside_1_234_5_as_two_thousand(tmp_path: Path) -> None:
    data = b"team;objective;key_result;start;target\nOps;Calm;Cut pages;2.000;1.234,5\n"
    assert _import(tmp_path, data) == {"Cut pages": (2000, 1234.5)}


def test_a_file_using_a_decimal_point_reads_thousands_with_commas(tmp_path: Path) -> None:
    data = b'team,objective,key_result,start,target\nOps,Calm,Cut pages,"1,250",2.5\n'
    assert _import(tmp_path, data) == {"Cut pages": (1250, 2.5)}


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            b'team,objective,key_result,start,target\nOps,Calm,Cut pages,3,"0,125"\n',
            "line 2, field target: '0,125' could be 0.125 or 125",
        ),
        (
            b"team;objective;key_result;start;target\nOps;Calm;Cut pages;2.000;1\n",
            "line 2, field start: '2.000' could be 2 or 2000",
        ),
        (
            b"team;objective;key_result;start;target\nOps;Calm;A;2.5;1\nOps;Calm;B;1;12,5\n",
            "line 3, field target: '12,5' has a decimal comma but line 2, field start",
        ),
    ],
)
def test_what_stays_ambiguous_is_refused_naming_the_cell(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(data)
    target = tmp_path / "new.okrdesk"
    with pytest.raises(InterchangeError) as refused:
        csv_format.import_new(source, target, today=TODAY)
    assert reason in str(refused.value)
    assert "\n" not in str(refused.value)
    assert not target.exists()


def test_a_caller_that_knows_the_decimal_separator_is_not_asked_to_guess() -> None:
    """A workbook's number cells, written out as text with a point, are not ambiguous."""
    header = ["team", "objective", "key_result", "start", "target"]
    records = [(2, ["Ops", "Calm", "Cut pages", "2.125", "1250"])]
    with pytest.raises(InterchangeError, match="could be"):
        csv_format.parse_records(header, records, "book.xlsx")
    rows, _notices = csv_format.parse_records(header, records, "book.xlsx", decimal=".")
    assert (rows[0].start, rows[0].target) == (2.125, 1250)
