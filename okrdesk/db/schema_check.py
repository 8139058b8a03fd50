"""Is a file's schema the one OKR Desk makes? A received file is untrusted input.

A file with the right header may still hold what OKR Desk never makes: a trigger that wipes
rows when a check-in is saved, a view that never ends, a table or index changed. Before a
file is used, every entry of its ``sqlite_master`` (read as plain rows: nothing the file
defines runs) must be one the app's own schema has, defined the same way.

The expected schema is the app's, not a list kept by hand: for the current version it is
what the models create (quick: a few milliseconds, in memory); when a file differs from
that, or is older, it is compared with what the migrations make for its version (slower,
run only then). Either way it is worked out once per process.
"""

from __future__ import annotations

import functools
import sqlite3

from okrdesk.db.header import SCHEMA_REVISIONS, SCHEMA_VERSION

# One entry of sqlite_master: (type, name) → (table it belongs to, its SQL normalised).
Shape = dict[tuple[str, str], tuple[str, tuple[str, ...] | None]]

# What SQLite itself may add to a file a person opened in another tool (ANALYZE): harmless
# statistics for the query planner, never read by us.
_SQLITE_EXTRAS = ("sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4")


def file_shape(con: sqlite3.Connection) -> Shape:
    """The schema a file holds, read from sqlite_master without running any of it."""
    rows = _plain(con).execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return {
        (kind, name): (table, _normal(sql))
        for kind, name, table, sql in rows
        if not (kind == "table" and name in _SQLITE_EXTRAS)
    }


def _normal(sql: str | None) -> tuple[str, ...] | None:
    """The SQL as a sorted set of its lines: the same table written by the models and by the
    migrations lists its constraints in another order."""
    if sql is None:
        return None
    lines = (" ".join(line.split()).rstrip(",").strip() for line in sql.splitlines())
    return tuple(sorted(line for line in lines if line))


def foreign_entry(found: Shape, version: int) -> str | None:
    """What in a schema-`version` file OKR Desk does not make, in words; None if nothing."""
    # Triggers and views first: the dangerous ones, named plainly whatever else differs.
    for kind, name in sorted(found):
        if kind in ("trigger", "view"):
            return f"it holds a {kind} {name[:60]!r} that OKR Desk never makes"
    if version == SCHEMA_VERSION and found == _from_models():
        return None
    return _difference(found, _from_migrations(version))


def _difference(found: Shape, expected: Shape) -> str | None:
    for kind, name in sorted(set(found) - set(expected)):
        return f"it holds an unknown {kind} {name[:60]!r}"
    for kind, name in sorted(set(expected) - set(found)):
        return f"it lacks the {kind} {name[:60]!r}"
    for key in sorted(found):
        if found[key] != expected[key]:
            return f"its {key[0]} {key[1][:60]!r} is not defined as OKR Desk defines it"
    return None


def _shape_of(make: object) -> Shape:
    from sqlalchemy import create_engine

    engine = create_engine("sqlite://")
    try:
        make(engine)  # type: ignore[operator]
        with engine.connect() as con:
            return file_shape(con.connection.driver_connection)  # type: ignore[arg-type]
    finally:
        engine.dispose()


@functools.cache
def _from_models() -> Shape:
    """The current schema as the models create it, with Alembic's version table."""
    from sqlalchemy import Column, MetaData, PrimaryKeyConstraint, String, Table

    from okrdesk.db.models import Base

    # Alembic's own table, defined as Alembic defines it (alembic.runtime.migration).
    versions = Table(
        "alembic_version",
        MetaData(),
        Column("version_num", String(32), nullable=False),
        PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
    )

    def make(engine: object) -> None:
        Base.metadata.create_all(engine)  # type: ignore[arg-type]
        versions.create(engine)  # type: ignore[arg-type]

    return _shape_of(make)


@functools.cache
def _from_migrations(version: int) -> Shape:
    """The schema the migrations make for a schema-`version` file."""
    from okrdesk.db import migrate

    return _shape_of(lambda engine: migrate.upgrade(engine, SCHEMA_REVISIONS[version - 1]))


def recorded_revision(con: sqlite3.Connection) -> str | None:
    """The Alembic revision the file says it is at (its schema was checked first: a table)."""
    rows = _plain(con).execute("SELECT version_num FROM alembic_version").fetchall()
    return rows[0][0] if len(rows) == 1 else None


def no_code(con: sqlite3.Connection) -> bool:
    """No trigger and no view: the quick test for a plain read (the first look)."""
    row = (
        _plain(con)
        .execute("SELECT count(*) FROM sqlite_master WHERE type IN ('trigger', 'view')")
        .fetchone()
    )
    return row == (0,)


def _plain(con: sqlite3.Connection) -> sqlite3.Cursor:
    """A cursor giving tuples, whatever row factory the connection has."""
    cursor = con.cursor()
    cursor.row_factory = None
    return cursor
