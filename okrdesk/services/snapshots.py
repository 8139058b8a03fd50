"""Snapshots of an item and everything that hangs below it, so a delete can be undone.

The foreign keys say what a delete takes along (ON DELETE CASCADE) and what it
merely unlinks (ON DELETE SET NULL); a snapshot records both, and restoring it
puts the rows back with their ids and re-links what was unlinked.

Restoring into a closed cycle is refused, as deleting from it is (see
:mod:`okrdesk.services.lifecycle`); a whole cycle or team comes back as it went.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Table, select, text, tuple_, update
from sqlalchemy.orm import Session

from okrdesk.db.models import Base
from okrdesk.services.lifecycle import guard as guard_closed_cycle
from okrdesk.services.specs import spec_for
from okrdesk.services.workspace import Change, Workspace


@dataclass
class Snapshot:
    kind: str
    item_id: str
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # (table, primary key values, column, value) of references a delete set to NULL.
    unlinked: list[tuple[str, tuple[Any, ...], str, Any]] = field(default_factory=list)

    @property
    def row_count(self) -> int:
        return sum(len(rows) for rows in self.rows.values())


def _dependants(table: Table) -> list[tuple[Table, str, str, str]]:
    """(child table, child column, parent column, ondelete) for every FK into `table`."""
    found = []
    for child in Base.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is table:
                found.append((child, fk.parent.name, fk.column.name, fk.ondelete or ""))
    return found


def take(ws: Workspace, kind: str, item_id: str) -> Snapshot:
    """Everything a delete of this item would remove or unlink."""
    table = spec_for(kind).model.__table__
    snapshot = Snapshot(kind, item_id)
    with ws.read() as s:
        _collect(s, table, [item_id], "id", snapshot, seen=defaultdict(set))
    return snapshot


def _collect(
    s: Session,
    table: Table,
    values: list[Any],
    column: str,
    snap: Snapshot,
    seen: dict[str, set[tuple[Any, ...]]],
) -> None:
    pk = [c.name for c in table.primary_key.columns]
    rows = [dict(r) for r in s.execute(select(table).where(table.c[column].in_(values))).mappings()]
    fresh = [r for r in rows if tuple(r[c] for c in pk) not in seen[table.name]]
    if not fresh:
        return
    for row in fresh:
        seen[table.name].add(tuple(row[c] for c in pk))
    snap.rows.setdefault(table.name, []).extend(fresh)
    for child, child_col, parent_col, ondelete in _dependants(table):
        keys = [r[parent_col] for r in fresh]
        if ondelete.upper() == "CASCADE":
            _collect(s, child, keys, child_col, snap, seen)
        elif ondelete.upper() == "SET NULL":
            child_pk = [c.name for c in child.primary_key.columns]
            for r in s.execute(select(child).where(child.c[child_col].in_(keys))).mappings():
                snap.unlinked.append(
                    (child.name, tuple(r[c] for c in child_pk), child_col, r[child_col])
                )


def restore(ws: Workspace, snapshot: Snapshot) -> None:
    """Put back what a delete removed, with the same ids, in one transaction."""
    table_name = spec_for(snapshot.kind).model.__table__.name
    root = next(
        (r for r in snapshot.rows.get(table_name, []) if r.get("id") == snapshot.item_id), None
    )
    with ws.write(Change(snapshot.kind, (snapshot.item_id,), "create")) as s:
        if root is not None:  # where the item goes back to must be open
            guard_closed_cycle(s, snapshot.kind, SimpleNamespace(**root))
        s.execute(text("PRAGMA defer_foreign_keys = ON"))
        for table in Base.metadata.sorted_tables:
            rows = snapshot.rows.get(table.name)
            if rows:
                s.execute(table.insert(), rows)
        for table_name, key, column, value in snapshot.unlinked:
            table = Base.metadata.tables[table_name]
            pk = list(table.primary_key.columns)
            s.execute(update(table).where(tuple_(*pk) == tuple_(*key)).values({column: value}))
