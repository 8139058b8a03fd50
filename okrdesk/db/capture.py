"""What one transaction wrote, row by row: the record that undo, redo and views work from.

SQLite tells no one what a statement changed, so each connection that writes gets
temporary triggers (in its own ``temp`` schema: nothing is added to the file). While a
recorded transaction runs they note every row it inserts, updates or deletes, including
rows removed or unlinked by ``ON DELETE`` actions, and keep each row's first image. At
the end, :func:`collect` pairs those images with the rows as they are now.

Values are kept exactly as SQLite stores them (no JSON, no type conversion), so that
putting a row back gives the very same bytes, and comparing rows is exact.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table

from okrdesk.db.models import Base

Row = Mapping[str, Any]
KEY_SEPARATOR = "\x1f"  # joins the columns of a composite primary key into one text
NOT_RECORDED = frozenset({"change_log", "alembic_version"})


@dataclass(frozen=True, slots=True)
class RowChange:
    """One row's state before and after: None before = created, None after = deleted."""

    table: str
    key: str  # the primary key's value (composite keys joined with KEY_SEPARATOR)
    before: Row | None
    after: Row | None

    @property
    def action(self) -> str:
        if self.before is None:
            return "create"
        return "delete" if self.after is None else "update"

    def changed_columns(self) -> list[str]:
        assert self.before is not None and self.after is not None
        return [c for c in self.after if self.before.get(c) != self.after[c]]


@functools.cache
def tables() -> tuple[Table, ...]:
    """The recorded tables, parents before children (sorted once: every write asks)."""
    return tuple(t for t in Base.metadata.sorted_tables if t.name not in NOT_RECORDED)


def key_columns(table: Table) -> list[str]:
    return [c.name for c in table.primary_key.columns]


def _key_sql(table: Table, alias: str) -> str:
    parts = [f'{alias}."{c}"' for c in key_columns(table)]
    return f" || char({ord(KEY_SEPARATOR)}) || ".join(parts)


def _columns(table: Table) -> list[str]:
    return [c.name for c in table.columns]


def _touch_sql(table: Table, row: str, op: str) -> str:
    """Note that a row was touched, with what happened first to it (i, u or d).

    "Only the first time" is spelled out with NOT EXISTS: INSERT OR IGNORE inside a
    trigger takes the conflict policy of the statement that fired it (an upsert).
    """
    t, key = table.name, _key_sql(table, row)
    return (
        f"INSERT INTO okr_cap_touched (tbl, key, first_op) SELECT '{t}', {key}, '{op}' "
        f"WHERE NOT EXISTS (SELECT 1 FROM okr_cap_touched WHERE tbl = '{t}' AND key = {key});"
    )


def _keep_old_sql(table: Table) -> str:
    """Keep a row's image from before the transaction touched it (the first one only)."""
    t, cols = table.name, _columns(table)
    quoted = ", ".join(f'"{c}"' for c in cols)
    old = ", ".join(f'OLD."{c}"' for c in cols)
    first = " AND ".join(f'b."{c}" = OLD."{c}"' for c in key_columns(table))
    return (
        f"INSERT INTO okr_cap_before_{t} ({quoted}) SELECT {old} WHERE NOT EXISTS "
        f"(SELECT 1 FROM okr_cap_before_{t} AS b WHERE {first});"
    )


def _install_sql() -> list[str]:
    on = "WHEN EXISTS (SELECT 1 FROM temp.okr_cap_on)"
    sql = [
        "CREATE TEMP TABLE IF NOT EXISTS okr_cap_on (x)",
        "CREATE TEMP TABLE IF NOT EXISTS okr_cap_touched ("
        " seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, key TEXT NOT NULL, first_op TEXT,"
        " UNIQUE (tbl, key))",
    ]
    for table in tables():
        t = table.name
        quoted = ", ".join(f'"{c}"' for c in _columns(table))
        keys = ", ".join(f'"{c}"' for c in key_columns(table))
        # Untyped columns: values keep the storage class they had in the table.
        sql.append(
            f"CREATE TEMP TABLE IF NOT EXISTS okr_cap_before_{t} ({quoted}, PRIMARY KEY ({keys}))"
        )
        keep_old = _keep_old_sql(table)
        # An update that changes nothing (a merge of identical rows) is not noted at all.
        changed = " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in _columns(table))
        sql += [
            f'CREATE TEMP TRIGGER IF NOT EXISTS okr_cap_{t}_i AFTER INSERT ON main."{t}" {on} '
            f"BEGIN {_touch_sql(table, 'NEW', 'i')} END",
            f'CREATE TEMP TRIGGER IF NOT EXISTS okr_cap_{t}_u AFTER UPDATE ON main."{t}" '
            f"{on} AND ({changed}) BEGIN {_touch_sql(table, 'OLD', 'u')} {keep_old} "
            f"{_touch_sql(table, 'NEW', 'i')} END",
            f'CREATE TEMP TRIGGER IF NOT EXISTS okr_cap_{t}_d AFTER DELETE ON main."{t}" {on} '
            f"BEGIN {_touch_sql(table, 'OLD', 'd')} {keep_old} END",
        ]
    return sql


_INSTALL = _install_sql()


def begin(con: Connection) -> None:
    """Begin a recorded write transaction: what it writes from now on is noted.

    It takes the write lock at once (BEGIN IMMEDIATE), so that what is read before
    writing stays true until the commit; another writer waits, up to the busy timeout.
    """
    info = con.connection.info  # lives as long as the database connection itself
    if not info.get("okr_capture_installed"):
        # Before the transaction, so that a rollback cannot take the triggers away.
        # In memory: temporary objects never become files beside the workspace.
        con.exec_driver_sql("PRAGMA temp_store = MEMORY")
        for statement in _INSTALL:
            con.exec_driver_sql(statement)
        info["okr_capture_installed"] = True
    con.exec_driver_sql("BEGIN IMMEDIATE")
    # The notes are empty here: the last transaction cleared them (collect), or rolled back.
    _raw(con).execute("INSERT INTO temp.okr_cap_on VALUES (1)")


def collect(con: Connection, *, stop: bool = True) -> list[RowChange]:
    """The rows the transaction changed so far, in the order first touched; no-ops left out.

    ``stop=False`` looks without ending the recording (to check a replay before commit).
    """
    raw = _raw(con)  # a dozen small statements a write: without SQLAlchemy's overhead
    # One copy of each text: a large import repeats its keys, kinds, units, owners, parents'
    # ids and times across the notes and the rows (100,000 rows held ~80 MB of copies).
    texts: dict[str, str] = {}
    touched: dict[str, list[tuple[str, str]]] = {}
    for tbl, key, first_op in raw.execute(
        "SELECT tbl, key, first_op FROM temp.okr_cap_touched ORDER BY seq"
    ):
        touched.setdefault(tbl, []).append((texts.setdefault(key, key), first_op))
    by_table = {t.name: t for t in tables()}
    changes: list[RowChange] = []
    for name, keys in touched.items():
        table = by_table[name]
        before = _rows(raw, table, f"temp.okr_cap_before_{name}", all_rows=True, texts=texts)
        after = _rows(raw, table, f'main."{name}"', all_rows=False, texts=texts)
        for key, first_op in keys:
            old = None if first_op == "i" else before.get(key)
            new = after.get(key)
            if old != new:
                changes.append(RowChange(name, key, old, new))
    if stop:
        raw.execute("DELETE FROM temp.okr_cap_on")
        for name in touched:
            raw.execute(f"DELETE FROM temp.okr_cap_before_{name}")
        raw.execute("DELETE FROM temp.okr_cap_touched")
    return changes


def _raw(con: Connection) -> sqlite3.Connection:
    return con.connection.driver_connection  # type: ignore[return-value]


def _rows(
    raw: sqlite3.Connection, table: Table, source: str, *, all_rows: bool, texts: dict[str, str]
) -> dict[str, Row]:
    cols = _columns(table)
    quoted = ", ".join(f'r."{c}"' for c in cols)
    query = f"SELECT {_key_sql(table, 'r')}, {quoted} FROM {source} AS r"
    if not all_rows:  # only the touched rows of the (large) table itself
        query += (
            f" WHERE {_key_sql(table, 'r')} IN "
            f"(SELECT key FROM temp.okr_cap_touched WHERE tbl = '{table.name}')"
        )
    return {
        texts.setdefault(row[0], row[0]): {
            c: texts.setdefault(v, v) if isinstance(v, str) else v
            for c, v in zip(cols, row[1:], strict=True)
        }
        for row in raw.execute(query)
    }


# -- putting rows back ---------------------------------------------------------------------------


def current(con: Connection, change: RowChange) -> Row | None:
    """The row as it is in the database now (None: there is no such row)."""
    table = Base.metadata.tables[change.table]
    cols = _columns(table)
    where, params = _where_key(table, change.key)
    quoted = ", ".join(f'"{c}"' for c in cols)
    row = con.exec_driver_sql(
        f'SELECT {quoted} FROM main."{change.table}" WHERE {where}', params
    ).first()
    return None if row is None else dict(zip(cols, row, strict=True))


def write_rows(con: Connection, changes: Iterable[tuple[RowChange, Row | None]]) -> None:
    """Make each row look like the given image (None: absent), with raw values.

    Rows that stay are updated first (so a row pointing at one about to go is pointed
    away before an ON DELETE action can reach it), then rows go (children first), then
    rows come back (parents first). Foreign keys are checked at commit.
    """
    order = {t.name: n for n, t in enumerate(tables())}
    pending = [(c, i, current(con, c)) for c, i in changes]
    con.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    for change, image, found in pending:
        if image is not None and found is not None:
            cols = list(image)
            where, params = _where_key(Base.metadata.tables[change.table], change.key)
            sets = ", ".join(f'"{c}" = ?' for c in cols)
            con.exec_driver_sql(
                f'UPDATE main."{change.table}" SET {sets} WHERE {where}',
                (*[image[c] for c in cols], *params),
            )
    for change, image, found in sorted(pending, key=lambda p: -order[p[0].table]):
        if image is None and found is not None:
            where, params = _where_key(Base.metadata.tables[change.table], change.key)
            con.exec_driver_sql(f'DELETE FROM main."{change.table}" WHERE {where}', params)
    for change, image, found in sorted(pending, key=lambda p: order[p[0].table]):
        if image is not None and found is None:
            names = ", ".join(f'"{c}"' for c in image)
            marks = ", ".join("?" for _ in image)
            con.exec_driver_sql(
                f'INSERT INTO main."{change.table}" ({names}) VALUES ({marks})',
                tuple(image.values()),
            )


def _where_key(table: Table, key: str) -> tuple[str, tuple[str, ...]]:
    columns = key_columns(table)
    values = tuple(key.split(KEY_SEPARATOR)) if len(columns) > 1 else (key,)
    return " AND ".join(f'"{c}" = ?' for c in columns), values
