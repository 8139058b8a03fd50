"""Generated rows, and writing them fast: the synthetic workspaces' bulk layer.

Rows are plain tuples in the column order given by :data:`COLUMNS`, which names every
column of each table (a model that gains a column fails here, not with a silent NULL).
They are written with one ``executemany`` a table on the driver's own cursor: SQLAlchemy's
per-row parameter handling cost more than SQLite's own work here. The values are first
put in the form SQLAlchemy would store them (its own bind processors: dates as text, for
instance), so the file is the same as one written through SQLAlchemy.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Table

from okrdesk.db import models as m

Row = tuple[Any, ...]

# Tables in the order they are written (parents before children), with their columns.
COLUMNS: dict[Table, tuple[str, ...]] = {
    m.Team.__table__: ("id", "name", "kind", "parent_id", "position", "description"),
    m.Cycle.__table__: ("id", "name", "kind", "start_date", "end_date", "state"),
    m.Theme.__table__: ("id", "cycle_id", "name", "description", "position"),
    m.Objective.__table__: (
        "id",
        "cycle_id",
        "team_id",
        "theme_id",
        "title",
        "why",
        "owner",
        "kind",
        "status",
        "position",
        "created_at",
    ),
    m.KeyResult.__table__: (
        "id",
        "objective_id",
        "title",
        "kind",
        "start",
        "target",
        "current",
        "unit",
        "direction",
        "done",
        "commit_level",
        "stretch_level",
        "owner",
        "confidence",
        "confidence_score",
        "weight",
        "position",
        "created_at",
    ),
    m.AlignmentLink.__table__: (
        "id",
        "objective_id",
        "parent_objective_id",
        "parent_key_result_id",
        "weight",
    ),
    m.Initiative.__table__: (
        "id",
        "objective_id",
        "title",
        "status",
        "owner",
        "due_date",
        "position",
    ),
    m.InitiativeKeyResult.__table__: ("initiative_id", "key_result_id"),
    m.CheckIn.__table__: (
        "id",
        "key_result_id",
        "date",
        "value",
        "confidence",
        "confidence_score",
        "note",
        "created_at",
    ),
    m.KeyResultGrade.__table__: ("id", "key_result_id", "score", "comment"),
    m.ObjectiveGrade.__table__: ("id", "objective_id", "score", "comment"),
    m.Retrospective.__table__: (
        "id",
        "team_id",
        "cycle_id",
        "achieved",
        "missed",
        "process",
        "keep_doing",
        "stop_doing",
        "start_doing",
    ),
    m.CarryDecision.__table__: (
        "id",
        "retrospective_id",
        "objective_id",
        "key_result_id",
        "decision",
        "note",
    ),
}

for _table, _columns in COLUMNS.items():
    assert set(_columns) == set(_table.columns.keys()), f"{_table.name}: columns changed"


def new_rows() -> dict[Table, list[Row]]:
    return {table: [] for table in COLUMNS}


def new_id(rng: random.Random) -> str:
    """A version-4 UUID as text drawn from `rng`: the same text as
    ``str(uuid.UUID(int=rng.getrandbits(128), version=4))``, a third of the time."""
    n = rng.getrandbits(128)
    n = (n & ~(0xC000 << 48) | 0x8000 << 48) & ~(0xF000 << 64) | 4 << 76
    h = f"{n:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def write_rows(con: Connection, rows: dict[Table, list[Row]]) -> None:
    """Insert the rows table by table, in :data:`COLUMNS` order."""
    for table, columns in COLUMNS.items():
        batch = rows.get(table)
        if not batch:
            continue
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" * len(columns))
        stored = _stored(con, table, columns, batch)
        con.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', stored)


def _stored(con: Connection, table: Table, columns: tuple[str, ...], batch: list[Row]) -> list[Row]:
    """The rows with each value as SQLAlchemy would bind it (a date as ISO text, …)."""
    converters: list[tuple[int, Callable[[Any], Any]]] = []
    for index, name in enumerate(columns):
        process = table.c[name].type.dialect_impl(con.dialect).bind_processor(con.dialect)
        if process is not None:
            converters.append((index, process))
    if not converters:
        return batch
    by_column = list(zip(*batch, strict=True))
    for index, process in converters:
        # Column by column, each distinct value once: dates and stamps repeat a lot.
        values = by_column[index]
        stored = {value: process(value) for value in set(values)}
        by_column[index] = tuple(map(stored.__getitem__, values))
    return list(zip(*by_column, strict=True))
