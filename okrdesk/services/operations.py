"""Operations: a service call as one undoable step, and undo and redo as core functions.

:func:`run` calls any service and returns its result with the :class:`Edit` it made
(the rows it wrote, as :meth:`Workspace.write` recorded them). :func:`undo` and
:func:`redo` put those rows back, or forward again, in one transaction that goes
through the same rules as every other write, plus one of their own: **an undo never
takes back what someone else committed since.** If a row is no longer as the edit
left it (another window, the command line, a participant changed it), or taking the
edit back would sweep away rows it did not make (say a key result someone added to
the objective being un-created), the undo is refused with the reason, and nothing
changes.

The UI runs every edit through here (``ui.session.WorkspaceSession.run``); scripts and
tests can undo too.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import JSON

from okrdesk.db import capture
from okrdesk.db.base import Base
from okrdesk.db.capture import Row, RowChange
from okrdesk.errors import ValidationError
from okrdesk.services import entities
from okrdesk.services.changes import Edit, combine
from okrdesk.services.specs import spec_for
from okrdesk.services.workspace import Workspace

T = TypeVar("T")


@dataclass(frozen=True)
class Done(Generic[T]):
    """What an operation returned, and the edit that takes it back."""

    value: T
    edit: Edit


def run(ws: Workspace, label: str, action: Callable[..., T], *args: Any, **kw: Any) -> Done[T]:
    """Call ``action(ws, *args, **kw)`` in one transaction (the services it calls join it)
    and record what it wrote as one edit named `label` (empty: the name the service gave
    its change).

    A refused call raises OkrDeskError and has written nothing.
    """
    with ws.recording() as recording, ws.write(label):
        value = action(ws, *args, **kw)
    return Done(value, Edit(recording.label or "Change", combine(recording.rows)))


def undo(ws: Workspace, edit: Edit) -> None:
    """Take an edit back (each row as it was before), or refuse and change nothing."""
    _replay(ws, edit, backwards=True)


def redo(ws: Workspace, edit: Edit) -> None:
    """Do an undone edit again (each row as it was after), or refuse and change nothing."""
    _replay(ws, edit, backwards=False)


def _replay(ws: Workspace, edit: Edit, *, backwards: bool) -> None:
    if edit.empty:
        return
    verb = "undo" if backwards else "redo"
    with ws.write(f"{verb.capitalize()} {edit.label[:1].lower()}{edit.label[1:]}") as s:
        s.info["restoring"] = True  # rows as they were: a deleted team may come back whole
        con = s.connection()
        plan: list[tuple[RowChange, Row | None]] = []
        for row in edit.rows:
            now, want = (row.after, row.before) if backwards else (row.before, row.after)
            found = capture.current(con, row)
            patched = _patch(row, found, now, want)
            if patched is _CONFLICT:
                raise ValidationError(_conflict(row))
            plan.append((row, patched))
        capture.write_rows(con, plan)
        # An ON DELETE action may have reached rows the edit did not make, or rows it meant
        # to keep (one moved under an item being taken away since): then it is refused.
        written = {(r.table, r.key) for r in capture.collect(con, stop=False)}
        planned = {(r.table, r.key) for r in edit.rows}
        if not written <= planned or any(capture.current(con, r) != i for r, i in plan):
            raise ValidationError("other items were added to it since; delete or move them first")
        _check_entities(s, plan)


_CONFLICT: Any = object()
_ABSENT: Any = object()


def _patch(row: RowChange, found: Row | None, now: Row | None, want: Row | None) -> Any:
    """What the row must become, or _CONFLICT when it is no longer as the edit left it.

    A row the edit created or deleted must be exactly as it left it. A row it updated
    changes back only in the columns the edit changed (others may have moved on since);
    in a settings column (a JSON object) only in the keys the edit changed.
    """
    if row.before is None or row.after is None or found is None or now is None or want is None:
        return want if found == now else _CONFLICT
    patched = dict(found)
    for column in row.changed_columns():
        if _is_json(row.table, column):
            merged = _patch_keys(row, column, found[column], now[column], want[column])
            if merged is _CONFLICT:
                return _CONFLICT
            patched[column] = merged
        elif found[column] != now[column]:
            return _CONFLICT
        else:
            patched[column] = want[column]
    return patched


def _patch_keys(row: RowChange, column: str, found: Any, now: Any, want: Any) -> Any:
    try:
        assert row.before is not None and row.after is not None
        before, after = json.loads(row.before[column]), json.loads(row.after[column])
        current, expected, wanted = json.loads(found), json.loads(now), json.loads(want)
    except (TypeError, ValueError):
        return want if found == now else _CONFLICT
    merged = _merge_keys(before, after, current, expected, wanted)
    return _CONFLICT if merged is _CONFLICT else json.dumps(merged)


def _merge_keys(before: Any, after: Any, current: Any, expected: Any, wanted: Any) -> Any:
    """`current` with the keys the edit changed (before → after) set as `wanted`, at any
    depth of nested objects; _CONFLICT when one of them is no longer as `expected`."""
    if not all(isinstance(d, dict) for d in (before, after, current, expected, wanted)):
        return wanted if current == expected else _CONFLICT
    merged = dict(current)
    for key in {*before, *after}:
        if before.get(key, _ABSENT) == after.get(key, _ABSENT):
            continue
        inner = _merge_keys(
            before.get(key, _ABSENT),
            after.get(key, _ABSENT),
            current.get(key, _ABSENT),
            expected.get(key, _ABSENT),
            wanted.get(key, _ABSENT),
        )
        if inner is _CONFLICT:
            return _CONFLICT
        if inner is _ABSENT:
            merged.pop(key, None)
        else:
            merged[key] = inner
    return merged


def _is_json(table: str, column: str) -> bool:
    return isinstance(Base.metadata.tables[table].c[column].type, JSON)


def _conflict(row: RowChange) -> str:
    label = spec_for(row.table).label if _has_spec(row.table) else row.table.replace("_", " ")
    return (
        f"this {label} was changed since, by someone else or in another window; their change stays"
    )


def _has_spec(kind: str) -> bool:
    try:
        spec_for(kind)
    except ValidationError:
        return False
    return True


def _check_entities(s: Any, plan: list[tuple[RowChange, Row | None]]) -> None:
    """Rows put back must still make sense together: no team under its own sub-team, no
    alignment loop (the world may have moved on since the edit was made)."""
    s.expire_all()
    for row, image in plan:
        if image is not None and row.table in ("team", "alignment_link"):
            entities.check_structure(s, row.table, row.key)
