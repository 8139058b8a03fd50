"""CSV export never hands a spreadsheet a formula, and reading it back gives the text again.

Excel runs a cell starting with =, +, -, @ (tab and carriage return too, in some
programs): OKR text written verbatim would run `=HYPERLINK(…)` or a DDE payload when the
file is opened. The export puts a quote in front (OWASP's advice); the import takes that
quote, and only that one, off again.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from okrdesk.db import models as m
from okrdesk.interchange import csv_format
from okrdesk.interchange.formulas import TRIGGERS, neutralise, restore
from okrdesk.services.views import okr_tree
from okrdesk.services.workspace import Workspace

TODAY = date(2026, 11, 20)
HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\tx",
    "\rx",
    "'=already quoted",  # a person's own quote before a trigger survives too
]


def hostile_workspace(path: Path, hostile: list[str] = HOSTILE) -> None:
    """Every text column of the CSV holds a formula-like text; numbers include -5.

    Written as rows (a JSON import or another program can store them so): the editor's
    fields trim leading whitespace, and a tab or carriage return must be tried too."""
    with Workspace.create(path, "Hostile") as ws, ws.write() as s:
        cycle = m.Cycle(name="2026-Q4", start_date=date(2026, 10, 1), end_date=date(2026, 12, 31))
        s.add(cycle)
        s.flush()
        for n, text in enumerate(hostile):
            team = m.Team(name=f"{text} team {n}", position=n)
            theme = m.Theme(cycle_id=cycle.id, name=f"{text} theme", position=n)
            s.add_all([team, theme])
            s.flush()
            objective = m.Objective(
                cycle_id=cycle.id, team_id=team.id, theme_id=theme.id, title=text, position=0
            )
            s.add(objective)
            s.flush()
            s.add(
                m.KeyResult(
                    objective_id=objective.id,
                    title=f"{text} kr",
                    start=-5.0,
                    target=-2.5,
                    direction="increase",
                    unit=f"{text}u",
                    owner=text,
                )
            )


def texts(path: Path) -> list[tuple]:
    with Workspace.open(path, read_only=True) as ws:
        return sorted(
            (team.name, o.theme, o.title, kr.title, kr.start, kr.target, kr.unit, kr.owner)
            for team in okr_tree(ws, cycle="2026-Q4").teams
            for o in team.objectives
            for kr in o.key_results
        )


def test_export_neutralises_text_cells_and_import_restores_them(tmp_path: Path) -> None:
    original = tmp_path / "hostile.okrdesk"
    hostile_workspace(original)
    with Workspace.open(original, read_only=True) as ws:
        data = csv_format.export_csv(ws)
    records = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    header, rows = records[0], records[1:]
    assert len(rows) == len(HOSTILE)
    numeric = {header.index("start"), header.index("target")}
    for row in rows:
        for column, value in enumerate(row):
            if column in numeric:
                assert value in ("-5", "-2.5")  # numbers stay numbers, unquoted
            else:
                assert not value.startswith(TRIGGERS), (header[column], value)
    exported = tmp_path / "hostile.csv"
    exported.write_bytes(data)
    again = tmp_path / "again.okrdesk"
    csv_format.import_new(exported, again, today=TODAY)
    assert texts(again) == texts(original)
    assert {t[2] for t in texts(again)} == set(HOSTILE)  # the titles, tab and CR included


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("'=1+1", "''=1+1"),
        ("'hello", "'hello"),  # no trigger after the quote: written and read as it is
        ("plain", "plain"),
        ("", ""),
        ("a=b", "a=b"),
    ],
)
def test_only_our_quote_comes_off(text: str, cell: str) -> None:
    assert neutralise(text) == cell
    assert restore(cell) == text


def test_a_person_typed_quote_before_a_formula_reads_as_text(tmp_path: Path) -> None:
    """A sheet someone wrote with '=x (Excel's own way to type text) imports as =x."""
    source = tmp_path / "typed.csv"
    source.write_text("team,objective,key_result\nSales,'=x,'-3 complaints\n", encoding="utf-8")
    target = tmp_path / "typed.okrdesk"
    csv_format.import_new(source, target, today=TODAY)
    with Workspace.open(target, read_only=True) as ws:
        (team,) = okr_tree(ws, cycle="2026-Q4").teams
    assert [(o.title, [k.title for k in o.key_results]) for o in team.objectives] == [
        ("=x", ["-3 complaints"])
    ]
