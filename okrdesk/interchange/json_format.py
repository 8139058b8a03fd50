"""The lossless JSON interchange format: every table, every column, deterministic output.

Layout (documented in the README)::

    {"format": "okrdesk", "version": 1,
     "workspace": [...], "team": [...], "cycle": [...], ...}

Each key after ``format`` and ``version`` is a table; each row is an object with
every column. Rows are sorted by their primary key and keys are sorted, so
export → import → export gives byte-identical text.
"""

from __future__ import annotations

import functools
import io
import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import JSON as JSONType
from sqlalchemy import Boolean, Connection, Date, DateTime, Float, Integer, Table, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from okrdesk.db.models import Base
from okrdesk.errors import InterchangeError, RuleError, ValidationError
from okrdesk.interchange.files import new_workspace_file, read_input, write_export_with
from okrdesk.parsing.dates import iso_day
from okrdesk.services.workspace import Workspace

FORMAT = "okrdesk"
VERSION = 1
# Parents before children, so a reader can follow the references top down.
TABLES = (
    "workspace",
    "team",
    "cycle",
    "theme",
    "objective",
    "key_result",
    "alignment_link",
    "initiative",
    "initiative_key_result",
    "check_in",
    "kpi",
    "kpi_value",
    "key_result_grade",
    "objective_grade",
    "retrospective",
    "carry_decision",
    "workshop_session",
    "agenda_step",
    "participant",
    "candidate",
    "vote",
    "parking_lot_item",
)


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def export_document(ws: Workspace) -> dict[str, Any]:
    """The whole export as one object (it holds every row: for small workspaces and tests;
    writing streams instead, see :func:`write_json`)."""
    document: dict[str, Any] = json.loads(export_json(ws))
    return document


def export_json(ws: Workspace) -> bytes:
    buffer = io.BytesIO()
    _write_document(ws, buffer)
    return buffer.getvalue()


def write_json(ws: Workspace, destination: Path) -> None:
    """Write the export atomically, a few thousand rows at a time: memory stays small
    however large the workspace."""
    write_export_with(ws, destination, lambda out: _write_document(ws, out))


# The text is exactly what json.dumps(document, ensure_ascii=False, indent=2,
# sort_keys=True) gives, plus a newline (tests hold it to that), written as it is read.
_CHUNK = 500  # rows read and written at a time


def _write_document(ws: Workspace, out: BinaryIO) -> None:
    sections: list[str] = sorted(["format", "version", *TABLES])
    out.write(b"{\n")
    with ws.read() as s:
        con = s.connection()
        for n, key in enumerate(sections):
            end = "\n" if n == len(sections) - 1 else ",\n"
            if key == "format":
                out.write(f'  "format": {encode_basestring(FORMAT)}{end}'.encode())
            elif key == "version":
                out.write(f'  "version": {VERSION}{end}'.encode())
            else:
                _write_table(con, key, out, end)
    out.write(b"}\n")


def _write_table(con: Connection, name: str, out: BinaryIO, end: str) -> None:
    table = _table(name)
    result = con.execute(select(table).order_by(*table.primary_key.columns))
    keys = list(result.keys())
    order = sorted(range(len(keys)), key=lambda i: keys[i])
    prefixes = [f"      {encode_basestring(keys[i])}: " for i in order]
    opening = f"  {encode_basestring(name)}: ["
    first = True
    while rows := result.fetchmany(_CHUNK):
        texts = [
            "    {\n"
            + ",\n".join([p + _value(row[i]) for p, i in zip(prefixes, order, strict=True)])
            + "\n    }"
            for row in rows
        ]
        lead = opening + "\n" if first else ",\n"
        out.write((lead + ",\n".join(texts)).encode("utf-8"))
        first = False
    out.write((f"{opening}]" if first else "\n  ]").encode() + end.encode())


def _value(value: Any) -> str:
    """One value as json.dumps writes it at a row's depth."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if kind is float:
        if value != value:
            return "NaN"
        if value in (math.inf, -math.inf):
            return "Infinity" if value > 0 else "-Infinity"
        return float.__repr__(value)
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return int.__repr__(value)
    if kind is datetime or kind is date:
        return encode_basestring(value.isoformat())
    # A JSON column (settings): nested, indented as deep as the row's fields.
    nested = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)
    return nested.replace("\n", "\n      ")


# -- reading ---------------------------------------------------------------------------------


def parse_document(data: bytes, source: str) -> dict[str, list[dict[str, Any]]]:
    """Check a JSON document completely; return rows ready to insert, or refuse it."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InterchangeError(f"{source}: not UTF-8 text (byte {exc.start})") from None
    try:
        document = json.loads(
            text, parse_constant=_refuse_constant, object_pairs_hook=_object_of_unique_keys
        )
    except json.JSONDecodeError as exc:
        raise InterchangeError(
            f"{source}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except ValueError as exc:
        raise InterchangeError(f"{source}: {exc}") from None
    except RecursionError:
        raise InterchangeError(f"{source}: not valid JSON (nested too deeply)") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InterchangeError(f'{source}: not an OKR Desk export (no "format": "okrdesk")')
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise InterchangeError(f'{source}: "version" must be a whole number')
    if version > VERSION:
        raise InterchangeError(
            f"{source}: made by a newer OKR Desk (format version {version}; "
            f"this version reads up to {VERSION}); please update OKR Desk"
        )
    unknown = set(document) - {"format", "version", *TABLES}
    if unknown:
        raise InterchangeError(f"{source}: unknown section {sorted(unknown)[0]!r}")
    rows: dict[str, list[dict[str, Any]]] = {}
    for name in TABLES:
        entries = document.get(name, [])
        if not isinstance(entries, list):
            raise InterchangeError(f"{source}: {name!r} must be a list")
        rows[name] = [_parse_row(name, i, entry, source) for i, entry in enumerate(entries)]
        _refuse_duplicates(name, rows[name], source)
    if len(rows["workspace"]) > 1:
        raise InterchangeError(f"{source}: more than one workspace record")
    return rows


def _refuse_duplicates(name: str, rows: list[dict[str, Any]], source: str) -> None:
    keys = [c.key for c in _table(name).primary_key.columns]
    seen: set[tuple[Any, ...]] = set()
    for index, row in enumerate(rows):
        key = tuple(row[k] for k in keys)
        if key in seen:
            raise InterchangeError(f"{source}: {name}[{index}]: the same entry appears twice")
        seen.add(key)


def _object_of_unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object, refused if a key appears twice in it (json.loads would keep the last)."""
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"the key {key[:40]!r} appears twice in one object")
            seen.add(key)
    return found


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number OKR Desk accepts")


@dataclass(frozen=True)
class _Field:
    """What reading one column of a table's entries needs, worked out once a table."""

    key: str
    required: bool  # must be present (a key, or no default and not nullable)
    nullable: bool
    decode: Callable[[Any], Any]
    is_id: bool  # an id or a reference: only the canonical UUID spelling


@functools.cache
def _fields(name: str) -> tuple[tuple[_Field, ...], frozenset[str]]:
    table = _table(name)
    fields = tuple(
        _Field(
            column.key,
            column.primary_key or not (column.nullable or column.default is not None),
            bool(column.nullable),
            _decoder(column.type),
            column.key == "id" or bool(column.foreign_keys),
        )
        for column in table.columns
    )
    return fields, frozenset(table.columns.keys())


def _parse_row(name: str, index: int, entry: Any, source: str) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise InterchangeError(f"{source}: {name}[{index}] must be an object")
    fields, known = _fields(name)
    if not known.issuperset(entry):
        unknown = sorted(set(entry) - known)[0]
        raise InterchangeError(f"{source}: {name}[{index}]: unknown field {unknown!r}")
    row: dict[str, Any] = {}
    for field in fields:
        key = field.key
        if key not in entry:
            if not field.required:
                continue
            raise InterchangeError(f"{source}: {name}[{index}]: field {key!r} is missing")
        value = entry[key]
        if value is None:
            if not field.nullable:
                raise InterchangeError(f"{source}: {name}[{index}]: field {key!r} cannot be empty")
            row[key] = None
            continue
        try:
            row[key] = field.decode(value)
        except (TypeError, ValueError) as exc:
            raise InterchangeError(f"{source}: {name}[{index}]: field {key!r} {exc}") from None
        if field.is_id and not (isinstance(value, str) and _CANONICAL_UUID.fullmatch(value)):
            where = f"{source}: {name}[{index}]: field {key!r}"
            raise InterchangeError(f"{where} is not a valid id: {value[:40]!r}")
    return row


# Only the canonical spelling (what str(uuid.UUID(…)) gives), so that one entity cannot
# arrive under two ids.
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _decode(kind: Any, value: Any) -> Any:
    return _decoder(kind)(value)


def _decoder(kind: Any) -> Callable[[Any], Any]:
    """The function that checks and converts a JSON value for a column of type `kind`."""
    if isinstance(kind, Boolean):
        return _boolean
    if isinstance(kind, Integer):
        return _integer
    if isinstance(kind, Float):
        return _float
    if isinstance(kind, DateTime):
        return _moment
    if isinstance(kind, Date):
        return _day
    if isinstance(kind, JSONType):
        return _object
    return functools.partial(_text, getattr(kind, "length", None))


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError("must be true or false")
    return value


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("must be a whole number")
    if abs(value) > 2**62:
        raise ValueError("is out of range")
    return value


def _float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError("must be a number")
    try:
        number = float(value)
    except OverflowError:  # a whole number too big for a float
        raise ValueError("is out of range") from None
    if not math.isfinite(number):
        raise ValueError("must be a finite number")
    return number


def _moment(value: Any) -> datetime:
    if not isinstance(value, str):
        raise TypeError("must be a date and time")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"must be a date and time, not {value[:40]!r}") from None
    # Stored naive, in UTC by convention (see okrdesk.db.base.utc_now).
    if moment.tzinfo is not None:
        try:
            moment = moment.astimezone(UTC).replace(tzinfo=None)
        except OverflowError:  # 0001-01-01T00:00+14:00 is before the first day in UTC
            raise ValueError(f"is out of range: {value[:40]!r}") from None
    return moment


def _day(value: Any) -> date:
    if not isinstance(value, str):
        raise TypeError("must be a date")
    try:
        return iso_day(value)  # not the other forms fromisoformat takes ("20260331")
    except ValueError:
        raise ValueError(f"must be a date like 2026-03-31, not {value[:40]!r}") from None


def _object(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError("must be an object")
    if not _is_unicode(json.dumps(value, ensure_ascii=False)):
        raise ValueError("contains a lone surrogate (e.g. \\ud800), which is not text")
    return value


def _text(length: int | None, value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("must be text")
    if length is not None and len(value) > length:
        raise ValueError(f"is too long ({len(value)} characters; at most {length})")
    if "\x00" in value:
        raise ValueError("contains a NUL character")
    if not value.isascii() and not _is_unicode(value):
        raise ValueError("contains a lone surrogate (e.g. \\ud800), which is not text")
    return value


def _is_unicode(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# -- importing -------------------------------------------------------------------------------


def import_new(source: Path, destination: Path) -> None:
    """Create `destination` from a JSON export; all or nothing."""
    rows = parse_document(read_input(source), str(source))
    name = rows["workspace"][0]["name"] if rows["workspace"] else Path(source).stem
    with new_workspace_file(destination, name) as ws:
        _insert(ws, rows, replace_workspace=True, source=str(source))


def import_into(source: Path, ws: Workspace) -> None:
    """Merge a JSON export into an open workspace: same id → updated, new id → added."""
    rows = parse_document(read_input(source), str(source))
    _insert(ws, rows, replace_workspace=False, source=str(source))


def _insert(
    ws: Workspace, rows: dict[str, list[dict[str, Any]]], *, replace_workspace: bool, source: str
) -> None:
    try:
        with ws.write() as s:
            # References may point forward (a team's parent, a grouped candidate): check at commit.
            s.execute(text("PRAGMA defer_foreign_keys = ON"))
            _check_references(s, rows, source, merging=not replace_workspace)
            if replace_workspace and rows["workspace"]:
                s.execute(_table("workspace").delete())
            for name in TABLES:
                if name == "workspace" and not replace_workspace:
                    continue
                upserts: dict[tuple[str, ...], Any] = {}  # built once per set of fields: fast
                for start, fields, run in _runs(rows[name]):
                    if fields not in upserts:
                        upserts[fields] = _upsert(_table(name), fields)
                    _write_run(s, upserts[fields], run, start, name, source)
            _refuse_team_loops(s, source)
    except RuleError as exc:  # e.g. an entry in a closed cycle
        raise InterchangeError(f"{source}: {exc}") from None
    except ValidationError as exc:  # deferred foreign keys fail at commit
        raise InterchangeError(
            f"{source}: an entry refers to something that is not in the file or the workspace "
            f"({exc})"
        ) from None


def _runs(
    rows: list[dict[str, Any]],
) -> Iterator[tuple[int, tuple[str, ...], list[dict[str, Any]]]]:
    """Consecutive entries with the same fields, in file order: (first index, fields, rows)."""
    start = 0
    while start < len(rows):
        fields = tuple(rows[start])
        end = start + 1
        while end < len(rows) and end - start < _RUN and tuple(rows[end]) == fields:
            end += 1
        yield start, fields, rows[start:end]
        start = end


_RUN = 1000  # entries written with one executemany


def _write_run(
    s: Session, upsert: Any, run: list[dict[str, Any]], start: int, name: str, source: str
) -> None:
    """Write entries with one statement; when one is refused, name it: the run is written
    again one entry at a time (those already written are written again, unchanged) up to
    the entry refused."""
    try:
        s.execute(upsert, run)
        return
    except IntegrityError as exc:
        failed = exc
    for offset, row in enumerate(run):
        try:
            s.execute(upsert, row)
        except IntegrityError as exc:
            raise _refusal(f"{source}: {name}[{start + offset}]", name, exc) from None
    raise _refusal(f"{source}: {name}[{start}…{start + len(run) - 1}]", name, failed) from None


def _upsert(table: Table, fields: tuple[str, ...]) -> Any:
    """INSERT …; an entry whose id is already there updates the fields it carries."""
    keys = [c.key for c in table.primary_key.columns]
    statement = sqlite_insert(table)
    updates = {k: statement.excluded[k] for k in fields if k not in keys}
    if not updates:
        return statement.on_conflict_do_nothing(index_elements=keys)
    return statement.on_conflict_do_update(index_elements=keys, set_=updates)


def _check_references(
    s: Session, rows: dict[str, list[dict[str, Any]]], source: str, *, merging: bool
) -> None:
    """Name the first entry whose reference leads nowhere, before anything is written."""
    known = {name: {row["id"] for row in rows[name] if "id" in row} for name in TABLES}
    elsewhere = "in the file or the workspace" if merging else "in the file"
    for name in TABLES:
        for column in _table(name).columns:
            for foreign_key in column.foreign_keys:
                target = foreign_key.column.table
                for index, row in enumerate(rows[name]):
                    value = row.get(column.key)
                    if value is None or value in known[target.name]:
                        continue
                    if not merging or s.scalar(select(target.c.id).filter_by(id=value)) is None:
                        raise InterchangeError(
                            f"{source}: {name}[{index}]: field {column.key!r} refers to "
                            f"{target.name} {value}, which is not {elsewhere}"
                        )
                    known[target.name].add(value)


def _refuse_team_loops(s: Session, source: str) -> None:
    team = _table("team")
    teams = s.execute(select(team.c.id, team.c.parent_id, team.c.name)).all()
    parents: dict[str, str | None] = {row.id: row.parent_id for row in teams}
    for start in teams:
        seen, current = set(), start.id
        while current is not None:
            if current in seen:
                raise InterchangeError(
                    f"{source}: team {start.name!r} is placed under itself or its own sub-teams"
                )
            seen.add(current)
            current = parents.get(current)


def _refusal(where: str, name: str, exc: IntegrityError) -> InterchangeError:
    reason = str(exc.orig)
    if reason.startswith("UNIQUE constraint failed:"):
        columns = ", ".join(c.split(".")[-1] for c in reason.split(":", 1)[1].split(","))
        return InterchangeError(f"{where}: another {name} already has this {columns.strip()}")
    if reason.startswith("CHECK constraint failed:"):
        rule = reason.split(":", 1)[1].strip().removeprefix(f"ck_{name}_")
        return InterchangeError(f"{where}: a value breaks the rule {rule!r}")
    return InterchangeError(f"{where}: refused ({reason})")
