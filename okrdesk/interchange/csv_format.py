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
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from okrdesk.db import models as m
from okrdesk.db.base import new_id
from okrdesk.errors import InterchangeError, OkrDeskError, RuleError, ValidationError
from okrdesk.interchange.files import new_workspace_file, read_input, write_export
from okrdesk.interchange.formulas import neutralise, restore
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


Cell = str | float | None  # a text, a number, or nothing (an empty number cell)


def export_cycles(ws: Workspace, cycle: str | None = None) -> list[str]:
    """The names of the cycles an export holds: every one, oldest first, or the one named."""
    with ws.read() as s:
        if cycle:
            return [find_cycle(s, cycle).name]
        return list(s.scalars(select(m.Cycle.name).order_by(m.Cycle.start_date)))


def export_rows(ws: Workspace, cycle: str | None = None) -> Iterator[tuple[str, list[Cell]]]:
    """Every cycle (or one), oldest first: (cycle name, one row of COLUMNS per key result,
    or per objective without key results), with the numbers as numbers."""
    for name in export_cycles(ws, cycle):
        for team in okr_tree(ws, cycle=name).teams:
            for o in team.objectives:
                first: list[Cell] = [name, team.name, o.theme or "", o.title]
                if not o.key_results:
                    yield name, [*first, "", None, None, "", ""]
                for kr in o.key_results:
                    yield name, [*first, kr.title, kr.start, kr.target, kr.unit, kr.owner]


def export_csv(ws: Workspace, cycle: str | None = None) -> bytes:
    """Every cycle (or one), one row per key result; UTF-8 with BOM so Excel reads accents.
    A text that a spreadsheet would run as a formula gets a quote in front (formulas.py)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for _cycle, row in export_rows(ws, cycle):
        writer.writerow([neutralise(v) if isinstance(v, str) else number_text(v) for v in row])
    return out.getvalue().encode("utf-8-sig")


def write_csv(ws: Workspace, destination: Path, cycle: str | None = None) -> None:
    write_export(ws, destination, export_csv(ws, cycle))


def number_text(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value.is_integer() else repr(value)


# -- import ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
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
    """Check a header and the records below it, (line, cells) as strings, as a CSV file or
    a workbook's sheet gives them: the rows and the notices. Text cells are read as our CSV
    export writes them (a quote before a formula-like text comes off again). The decimal
    separator is decided once from all the number cells, unless the caller knows it
    (`decimal`: a workbook's numbers written as "2.125" by us, say)."""
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
    given = frozenset(index)
    # The same team, cycle, objective, unit and owner come back row after row: one string
    # each, not one per row (a 100,000-row file held 250 MB of copies).
    texts: dict[str, str] = {}
    filled = [
        (line, [texts.setdefault(c, c) for c in cells])
        for line, cells in records
        if any(c.strip() for c in cells)
    ]
    if not filled:
        raise InterchangeError(f"{source}: no rows below the header")
    decimal = decimal or _decimal_of(filled, index, source)
    rows = [_parse_row(cells, index, given, line, decimal, source) for line, cells in filled]
    return rows, notices


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
    cells: Sequence[str],
    index: dict[str, int],
    given: frozenset[str],
    line: int,
    decimal: str | None,
    source: str,
) -> CsvRow:
    def cell(name: str) -> str:
        i = index.get(name)
        # restore: the quote our export put before a formula-like text comes off again.
        return restore(cells[i].strip()) if i is not None and i < len(cells) else ""

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
        given,
    )


def import_new(source: Path, destination: Path, today: date | None = None) -> CsvReport:
    rows, notices = parse_csv(read_input(source), str(source))
    with new_workspace_file(destination, Path(source).stem) as ws:
        report = apply_rows(ws, rows, str(source), today or date.today())
    report.notices[:0] = notices
    return report


def import_into(source: Path, ws: Workspace, today: date | None = None) -> CsvReport:
    rows, notices = parse_csv(read_input(source), str(source))
    report = apply_rows(ws, rows, str(source), today or date.today())
    report.notices[:0] = notices
    return report


def apply_rows(ws: Workspace, rows: list[CsvRow], source: str, today: date) -> CsvReport:
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
            book.write()
    except RuleError as exc:  # judged at the end: e.g. a row landing in a closed cycle
        raise InterchangeError(f"{source}: {exc}") from None
    return report


@dataclass
class _KeyResult:
    """A key result as the rows leave it: one already stored, or one the file adds."""

    id: str
    start: float | None
    target: float | None
    unit: str
    owner: str
    direction: str
    new: bool
    title: str = ""
    position: int = 0
    objective_id: str = ""


@dataclass
class _CycleContent:
    """What one cycle holds, read once: themes, objectives and key results by their texts,
    and how many of each there are (a new one goes last)."""

    themes: dict[str, str] = field(default_factory=dict)  # name → id
    theme_count: int = 0
    objectives: dict[tuple[str, str], str] = field(default_factory=dict)  # (team, title) → id
    objective_count: dict[str, int] = field(default_factory=dict)  # team → count
    key_results: dict[tuple[str, str], _KeyResult] = field(default_factory=dict)
    key_result_count: dict[str, int] = field(default_factory=dict)  # objective → count


class _Book:
    """Finds or creates the cycles, teams, themes, objectives and key results rows refer to.

    Everything is looked up in memory (each cycle's content is read in three queries the
    first time a row names it), and the new objectives and key results are written in two
    batches at the end, so an import takes time in proportion to its rows: looking each
    row up in the database, counting siblings and flushing the ORM row by row made 4,000
    key results of one objective take a minute. The writes still go through the one road
    (the caller's ``Workspace.write``), recorded and judged by the rules like any other.
    """

    def __init__(self, s: Session, today: date) -> None:
        self.s = s
        self.today = today
        self.cycles = {c.name.casefold(): c.id for c in s.scalars(select(m.Cycle))}
        teams = list(s.scalars(select(m.Team)))
        self.teams = {t.name.casefold(): t.id for t in teams}
        self.root = next((t.id for t in teams if t.parent_id is None and t.kind == "company"), None)
        self.content: dict[str, _CycleContent] = {}
        self.new_objectives: list[dict[str, object]] = []
        self.changed: dict[str, _KeyResult] = {}  # by id: new ones and updated ones

    def add(self, row: CsvRow, report: CsvReport) -> None:
        cycle_id = self._cycle(row.cycle)
        team_id = self._team(row.team)
        content = self._content(cycle_id)
        theme_id = self._theme(cycle_id, content, row.theme) if row.theme else None
        objective_id = content.objectives.get((team_id, row.objective))
        if objective_id is None:
            objective_id = new_id()
            position = content.objective_count.get(team_id, 0)
            self.new_objectives.append(
                {
                    "id": objective_id,
                    "cycle_id": cycle_id,
                    "team_id": team_id,
                    "title": row.objective,
                    "theme_id": theme_id,
                    "position": position,
                }
            )
            content.objectives[team_id, row.objective] = objective_id
            content.objective_count[team_id] = position + 1
            report.objectives += 1
        if not row.key_result:
            return
        kr = content.key_results.get((objective_id, row.key_result))
        if kr is None:
            position = content.key_result_count.get(objective_id, 0)
            kr = _KeyResult(
                new_id(),
                None,
                None,
                "",
                "",
                "increase",
                True,
                row.key_result,
                position,
                objective_id,
            )
            content.key_results[objective_id, row.key_result] = kr
            content.key_result_count[objective_id] = position + 1
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
        self.changed[kr.id] = kr

    def write(self) -> None:
        """The new objectives, then the new key results, then the updated ones, in batches
        (executemany), recorded and judged like any write."""
        fields = ("start", "target", "unit", "owner", "direction")
        new = (
            {
                "id": kr.id,
                "objective_id": kr.objective_id,
                "title": kr.title,
                "position": kr.position,
                **{f: getattr(kr, f) for f in fields},
            }
            for kr in self.changed.values()
            if kr.new
        )
        updated = (
            {"b_id": kr.id, **{f: getattr(kr, f) for f in fields}}
            for kr in self.changed.values()
            if not kr.new
        )
        table = m.KeyResult.__table__
        statements = (
            (insert(m.Objective), iter(self.new_objectives)),
            (insert(m.KeyResult), new),
            (
                update(table)
                .where(table.c.id == bindparam("b_id"))
                .values({f: bindparam(f) for f in fields}),
                updated,
            ),
        )
        con = self.s.connection()
        for statement, rows in statements:
            # A few thousand at a time: one list of 100,000 parameter sets took 200 MB.
            while batch := list(itertools.islice(rows, 5000)):
                con.execute(statement, batch)

    def _content(self, cycle_id: str) -> _CycleContent:
        content = self.content.get(cycle_id)
        if content is not None:
            return content
        content = self.content[cycle_id] = _CycleContent()
        for theme_id, name in self.s.execute(
            select(m.Theme.id, m.Theme.name).filter_by(cycle_id=cycle_id)
        ):
            content.themes.setdefault(name, theme_id)
            content.theme_count += 1
        for objective_id, team_id, title in self.s.execute(
            select(m.Objective.id, m.Objective.team_id, m.Objective.title).filter_by(
                cycle_id=cycle_id
            )
        ):
            content.objectives.setdefault((team_id, title), objective_id)
            content.objective_count[team_id] = content.objective_count.get(team_id, 0) + 1
        key_results = select(
            m.KeyResult.id,
            m.KeyResult.objective_id,
            m.KeyResult.title,
            m.KeyResult.start,
            m.KeyResult.target,
            m.KeyResult.unit,
            m.KeyResult.owner,
            m.KeyResult.direction,
        ).join(m.Objective, m.Objective.id == m.KeyResult.objective_id)
        for kr_id, objective_id, title, *values in self.s.execute(
            key_results.where(m.Objective.cycle_id == cycle_id)
        ):
            content.key_results.setdefault(
                (objective_id, title), _KeyResult(kr_id, *values, new=False, title=title)
            )
            content.key_result_count[objective_id] = (
                content.key_result_count.get(objective_id, 0) + 1
            )
        return content

    def _cycle(self, name: str) -> str:
        if not name:
            name = quarter_of(self.today).name
        found = self.cycles.get(name.casefold())
        if found is not None:
            return found
        quarter = parse_quarter(name)
        # "Q3 2026" finds the cycle "2026-Q3" too, rather than making a second one.
        cycle_id = self.cycles.get(quarter.name.casefold()) if quarter else None
        if cycle_id is None:
            if quarter is None:
                raise InterchangeError(
                    f"no cycle {name!r} in the workspace; create it first or use a quarter "
                    f"name such as {QUARTER_SPELLINGS}"
                )
            cycle_id = new_id()
            self.s.execute(
                insert(m.Cycle).values(
                    id=cycle_id,
                    name=quarter.name,
                    start_date=quarter.start,
                    end_date=quarter.end,
                    kind="quarter",
                )
            )
        self.cycles[name.casefold()] = self.cycles[quarter.name.casefold()] = cycle_id
        return cycle_id

    def _team(self, name: str) -> str:
        team_id = self.teams.get(name.casefold())
        if team_id is None:
            team_id = new_id()
            self.s.execute(
                insert(m.Team).values(
                    id=team_id,
                    name=name,
                    kind="team",
                    parent_id=self.root,
                    position=len(self.teams),
                )
            )
            self.teams[name.casefold()] = team_id
        return team_id

    def _theme(self, cycle_id: str, content: _CycleContent, name: str) -> str:
        theme_id = content.themes.get(name)
        if theme_id is None:
            theme_id = new_id()
            self.s.execute(
                insert(m.Theme).values(
                    id=theme_id, cycle_id=cycle_id, name=name, position=content.theme_count
                )
            )
            content.themes[name] = theme_id
            content.theme_count += 1
        return theme_id
