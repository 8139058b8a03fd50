"""CSV for spreadsheets: one row per key result.

Columns: cycle, team, theme, objective, key_result, start, target, unit, owner.
Only team, objective and key_result must be in the header; an empty key_result
cell stands for an objective that has no key results yet, and a column the file
lacks leaves what the workspace holds alone. Other columns are ignored with a
notice. The encodings and delimiters Excel writes are read (reading.py); the
decimal separator is decided once per file from all its numbers, and a number
that still reads two ways is refused (okrdesk.parsing.numbers).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from okrdesk.db import models as m
from okrdesk.errors import InterchangeError, OkrDeskError, RuleError, ValidationError
from okrdesk.interchange.files import new_workspace_file, read_input, write_export
from okrdesk.interchange.reading import column_name, read_table
from okrdesk.parsing.dates import QUARTER_SPELLINGS
from okrdesk.parsing.numbers import decide_decimal, file_number
from okrdesk.services.lookup import find_cycle
from okrdesk.services.quarters import parse_quarter, quarter_of
from okrdesk.services.views import okr_tree
from okrdesk.services.workspace import Workspace

COLUMNS = ("cycle", "team", "theme", "objective", "key_result", "start", "target", "unit", "owner")
REQUIRED = ("team", "objective", "key_result")
NUMBER_COLUMNS = ("start", "target")


@dataclass
class CsvReport:
    objectives: int = 0
    key_results: int = 0
    notices: list[str] = field(default_factory=list)


# -- export ----------------------------------------------------------------------------------


def export_csv(ws: Workspace, cycle: str | None = None) -> bytes:
    """Every cycle (or one), one row per key result; UTF-8 with BOM so Excel reads accents."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    with ws.read() as s:
        cycles = (
            [find_cycle(s, cycle)]
            if cycle
            else list(s.scalars(select(m.Cycle).order_by(m.Cycle.start_date)))
        )
        cycle_names = [c.name for c in cycles]
    for name in cycle_names:
        tree = okr_tree(ws, cycle=name)
        for team in tree.teams:
            for o in team.objectives:
                if not o.key_results:
                    writer.writerow([name, team.name, o.theme or "", o.title, "", "", "", "", ""])
                for kr in o.key_results:
                    writer.writerow(
                        [
                            name,
                            team.name,
                            o.theme or "",
                            o.title,
                            kr.title,
                            _number(kr.start),
                            _number(kr.target),
                            kr.unit,
                            kr.owner,
                        ]
                    )
    return out.getvalue().encode("utf-8-sig")


def write_csv(ws: Workspace, destination: Path, cycle: str | None = None) -> None:
    write_export(ws, destination, export_csv(ws, cycle))


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value.is_integer() else repr(value)


# -- import ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CsvRow:
    line: int
    cycle: str
    team: str
    theme: str
    objective: str
    key_result: str
    start: float | None
    target: float | None
    unit: str
    owner: str
    given: frozenset[str]  # the columns the file has: the others leave stored values alone


def parse_csv(data: bytes, source: str) -> tuple[list[CsvRow], list[str]]:
    """Read and check every row before anything is written; return rows and notices."""
    table = read_table(data, source, COLUMNS)  # any encoding and delimiter Excel writes
    return parse_records(table.header, table.records, source)


def parse_records(
    header: Sequence[str],
    records: Iterable[tuple[int, Sequence[str]]],
    source: str,
    decimal: str | None = None,
) -> tuple[list[CsvRow], list[str]]:
    """Check a header and the records below it, (line, cells) as strings: the rows and the
    notices. The decimal separator is decided once from all the number cells, unless the
    caller knows it (`decimal`: a workbook's numbers written as "2.125" by us, say)."""
    header = [column_name(h) for h in header]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InterchangeError(
            f"{source}: line 1: the header lacks the column(s) {', '.join(missing)} "
            f"(expected {', '.join(COLUMNS)})"
        )
    duplicates = sorted({h for h in header if header.count(h) > 1 and h in COLUMNS})
    if duplicates:
        raise InterchangeError(f"{source}: line 1: column {duplicates[0]!r} appears twice")
    notices = []
    ignored = [h for h in header if h not in COLUMNS]
    if ignored:
        notices.append(f"ignored column(s): {', '.join(h or '(unnamed)' for h in ignored)}")
    index = {name: header.index(name) for name in COLUMNS if name in header}
    filled = [(line, cells) for line, cells in records if any(c.strip() for c in cells)]
    if not filled:
        raise InterchangeError(f"{source}: no rows below the header")
    decimal = decimal or _decimal_of(filled, index, source)
    return [_parse_row(cells, index, line, decimal, source) for line, cells in filled], notices


def _decimal_of(
    records: list[tuple[int, Sequence[str]]], index: dict[str, int], source: str
) -> str | None:
    """The file's decimal separator, from all its start and target cells at once."""
    columns = [(name, index[name]) for name in NUMBER_COLUMNS if name in index]
    cells = (
        (f"line {line}, field {name}", cells[i])
        for line, cells in records
        for name, i in columns
        if i < len(cells)
    )
    try:
        return decide_decimal(cells)
    except ValidationError as exc:
        raise InterchangeError(f"{source}: {exc}") from None


def _parse_row(
    cells: Sequence[str], index: dict[str, int], line: int, decimal: str | None, source: str
) -> CsvRow:
    def cell(name: str) -> str:
        i = index.get(name)
        return cells[i].strip() if i is not None and i < len(cells) else ""

    def fail(name: str, message: str) -> InterchangeError:
        return InterchangeError(f"{source}: line {line}, field {name}: {message}")

    limits = {
        "team": 120,
        "objective": 300,
        "key_result": 300,
        "unit": 40,
        "owner": 120,
        "theme": 120,
        "cycle": 80,
    }
    for name, limit in limits.items():
        if len(cell(name)) > limit:
            raise fail(name, f"too long ({len(cell(name))} characters; at most {limit})")
    for name in ("team", "objective"):
        if not cell(name):
            raise fail(name, "cannot be empty")
    numbers: dict[str, float | None] = {}
    for name in NUMBER_COLUMNS:
        try:
            numbers[name] = file_number(cell(name).rstrip("%"), decimal)
        except ValidationError as exc:
            raise fail(name, str(exc)) from None
    if not cell("key_result") and (numbers["start"] is not None or numbers["target"] is not None):
        raise fail("key_result", "cannot be empty when a start or target is given")
    return CsvRow(
        line,
        cell("cycle"),
        cell("team"),
        cell("theme"),
        cell("objective"),
        cell("key_result"),
        numbers["start"],
        numbers["target"],
        cell("unit"),
        cell("owner"),
        frozenset(index),
    )


def import_new(source: Path, destination: Path, today: date | None = None) -> CsvReport:
    rows, notices = parse_csv(read_input(source), str(source))
    with new_workspace_file(destination, Path(source).stem) as ws:
        report = _apply(ws, rows, str(source), today or date.today())
    report.notices[:0] = notices
    return report


def import_into(source: Path, ws: Workspace, today: date | None = None) -> CsvReport:
    rows, notices = parse_csv(read_input(source), str(source))
    report = _apply(ws, rows, str(source), today or date.today())
    report.notices[:0] = notices
    return report


def _apply(ws: Workspace, rows: list[CsvRow], source: str, today: date) -> CsvReport:
    report = CsvReport()
    try:
        with ws.write() as s:
            book = _Book(s, today)
            for row in rows:
                try:
                    book.add(row, report)
                except OkrDeskError as exc:
                    field_name = getattr(exc, "field", None) or "cycle"
                    raise InterchangeError(
                        f"{source}: line {row.line}, field {field_name}: {exc}"
                    ) from None
    except RuleError as exc:  # judged at the end: e.g. a row landing in a closed cycle
        raise InterchangeError(f"{source}: {exc}") from None
    return report


class _Book:
    """Finds or creates the cycles, teams, themes and objectives rows refer to."""

    def __init__(self, s: Session, today: date) -> None:
        self.s = s
        self.today = today
        self.cycles = {c.name.casefold(): c for c in s.scalars(select(m.Cycle))}
        self.teams = {t.name.casefold(): t for t in s.scalars(select(m.Team))}
        self.root = next(
            (t for t in self.teams.values() if t.parent_id is None and t.kind == "company"), None
        )

    def add(self, row: CsvRow, report: CsvReport) -> None:
        cycle = self._cycle(row.cycle)
        team = self._team(row.team)
        theme = self._theme(cycle, row.theme) if row.theme else None
        objective = self.s.scalars(
            select(m.Objective).filter_by(cycle_id=cycle.id, team_id=team.id, title=row.objective)
        ).first()
        if objective is None:
            objective = m.Objective(
                cycle_id=cycle.id,
                team_id=team.id,
                title=row.objective,
                theme_id=theme.id if theme else None,
                position=self._count(m.Objective, cycle_id=cycle.id, team_id=team.id),
            )
            self.s.add(objective)
            self.s.flush()
            report.objectives += 1
        if not row.key_result:
            return
        kr = self.s.scalars(
            select(m.KeyResult).filter_by(objective_id=objective.id, title=row.key_result)
        ).first()
        if kr is None:
            kr = m.KeyResult(
                objective_id=objective.id,
                title=row.key_result,
                position=self._count(m.KeyResult, objective_id=objective.id),
            )
            self.s.add(kr)
            report.key_results += 1
        for name in ("start", "target", "unit", "owner"):
            if name in row.given:
                setattr(kr, name, getattr(row, name))
        if kr.start is not None and kr.target is not None:
            if kr.start == kr.target:
                raise ValidationError(
                    f"must differ from the start (both are {kr.start:g})", "target"
                )
            kr.direction = "decrease" if kr.target < kr.start else "increase"
        self.s.flush()

    def _count(self, model: type[m.Base], **where: str) -> int:
        return len(self.s.scalars(select(model.id).filter_by(**where)).all())  # type: ignore[attr-defined]

    def _cycle(self, name: str) -> m.Cycle:
        if not name:
            name = quarter_of(self.today).name
        quarter = parse_quarter(name)
        # "Q3 2026" finds the cycle "2026-Q3" too, rather than making a second one.
        cycle = self.cycles.get(name.casefold()) or (
            self.cycles.get(quarter.name.casefold()) if quarter else None
        )
        if cycle is None:
            if quarter is None:
                raise InterchangeError(
                    f"no cycle {name!r} in the workspace; create it first or use a quarter "
                    f"name such as {QUARTER_SPELLINGS}"
                )
            cycle = m.Cycle(
                name=quarter.name, start_date=quarter.start, end_date=quarter.end, kind="quarter"
            )
            self.s.add(cycle)
            self.s.flush()
            self.cycles[name.casefold()] = self.cycles[quarter.name.casefold()] = cycle
        return cycle

    def _team(self, name: str) -> m.Team:
        team = self.teams.get(name.casefold())
        if team is None:
            team = m.Team(
                name=name,
                kind="team",
                parent_id=self.root.id if self.root else None,
                position=len(self.teams),
            )
            self.s.add(team)
            self.s.flush()
            self.teams[name.casefold()] = team
        return team

    def _theme(self, cycle: m.Cycle, name: str) -> m.Theme:
        theme = self.s.scalars(select(m.Theme).filter_by(cycle_id=cycle.id, name=name)).first()
        if theme is None:
            theme = m.Theme(
                cycle_id=cycle.id, name=name, position=self._count(m.Theme, cycle_id=cycle.id)
            )
            self.s.add(theme)
            self.s.flush()
        return theme
