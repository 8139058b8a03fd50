"""What one workshop call wrote, kept so that it can be taken back and done again.

The workshop's bigger actions (adding a pasted list, grouping duplicates, a vote, a
promotion) touch several rows in one transaction. Each returns an :class:`Edit`: the
rows it created, changed and deleted. :func:`revert` and :func:`reapply` replay that
record backwards or forwards, each in one transaction, so the UI can offer the action
as one undo step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, text, update
from sqlalchemy.orm import Session

from okrdesk.db.models import Base
from okrdesk.services.workspace import Change, Workspace

Row = tuple[str, dict[str, Any]]  # (table name, every column's value)


@dataclass(frozen=True)
class Edit:
    """The rows one call created, changed (before → after) and deleted."""

    label: str
    change: Change
    created: tuple[Row, ...] = ()
    updated: tuple[tuple[str, str, dict[str, Any], dict[str, Any]], ...] = ()
    deleted: tuple[Row, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.created or self.updated or self.deleted)

    def created_ids(self, table: str) -> list[str]:
        return [row["id"] for name, row in self.created if name == table]


@dataclass
class Recorder:
    """Makes the changes of one transaction through an ORM session, noting each of them."""

    session: Session
    created: list[Row] = field(default_factory=list)
    deleted: list[Row] = field(default_factory=list)
    _updated: dict[tuple[str, str], tuple[dict[str, Any], dict[str, Any]]] = field(
        default_factory=dict
    )

    def add(self, item: Base) -> Any:
        self.session.add(item)
        self.session.flush()
        self.created.append((item.__table__.name, _row(item)))
        return item

    def set(self, item: Base, **values: Any) -> None:
        key = (item.__table__.name, item.id)  # type: ignore[attr-defined]
        before, after = self._updated.get(key, ({}, {}))
        for name, value in values.items():
            if getattr(item, name) == value and name not in after:
                continue
            before.setdefault(name, getattr(item, name))
            after[name] = value
            setattr(item, name, value)
        if after:
            self._updated[key] = (before, after)

    def remove(self, item: Base) -> None:
        self.deleted.append((item.__table__.name, _row(item)))
        self.session.delete(item)
        self.session.flush()

    def edit(self, label: str, change: Change) -> Edit:
        self.session.flush()
        created_keys = {(name, row["id"]) for name, row in self.created}
        updated = tuple(
            (table, item_id, before, after)
            for (table, item_id), (before, after) in self._updated.items()
            if (table, item_id) not in created_keys and before != after
        )
        # A row made in this call carries its final values: refresh the record of it.
        created = tuple(
            (name, {**row, **self._updated.get((name, row["id"]), ({}, {}))[1]})
            for name, row in self.created
        )
        return Edit(label, change, created, updated, tuple(self.deleted))


def _row(item: Base) -> dict[str, Any]:
    return {c.key: getattr(item, c.key) for c in item.__table__.columns}


def revert(ws: Workspace, edit: Edit) -> None:
    """Take an edit back: put deleted rows back, restore old values, remove created rows."""
    with ws.write(edit.change) as s:
        s.execute(text("PRAGMA defer_foreign_keys = ON"))
        _insert(s, edit.deleted)
        for table, item_id, before, _after in edit.updated:
            _set(s, table, item_id, before)
        _delete(s, edit.created)


def reapply(ws: Workspace, edit: Edit) -> None:
    """Do an edit again after :func:`revert`: the same rows, the same ids."""
    with ws.write(edit.change) as s:
        s.execute(text("PRAGMA defer_foreign_keys = ON"))
        _insert(s, edit.created)
        for table, item_id, _before, after in edit.updated:
            _set(s, table, item_id, after)
        _delete(s, edit.deleted)


def _insert(s: Session, rows: tuple[Row, ...]) -> None:
    order = {t.name: n for n, t in enumerate(Base.metadata.sorted_tables)}
    for name, row in sorted(rows, key=lambda r: order[r[0]]):
        s.execute(Base.metadata.tables[name].insert().values(**row))


def _set(s: Session, name: str, item_id: str, values: dict[str, Any]) -> None:
    table = Base.metadata.tables[name]
    s.execute(update(table).where(table.c.id == item_id).values(**values))


def _delete(s: Session, rows: tuple[Row, ...]) -> None:
    order = {t.name: n for n, t in enumerate(Base.metadata.sorted_tables)}
    for name, row in sorted(reversed(rows), key=lambda r: -order[r[0]]):
        table = Base.metadata.tables[name]
        s.execute(delete(table).where(table.c.id == row["id"]))
