"""The open workspace as the UI sees it: service calls as undoable commands, and a
Qt signal for every committed change so that views refresh from the database."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from okrdesk.errors import OkrDeskError
from okrdesk.services import entities, snapshots
from okrdesk.services.specs import spec_for
from okrdesk.services.workspace import Change, Workspace


class WorkspaceSession(QObject):
    """Every user edit goes through here: one service call, one undo step."""

    changed = Signal(object)  # a okrdesk.services.workspace.Change
    refused = Signal(str)  # an undo or redo the services would not do, and why

    def __init__(self, ws: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.undo_stack = QUndoStack(self)
        self._unsubscribe = ws.subscribe(self.changed.emit)

    def push(self, command: ServiceCommand) -> None:
        """Put a command that already did its work on the undo stack (see ServiceCommand)."""
        command.report = self.refused.emit
        self.undo_stack.push(command)

    def close(self) -> None:
        self._unsubscribe()
        self.undo_stack.clear()
        self.ws.close()

    # -- edits (each raises OkrDeskError with a clear message and changes nothing) -----------

    def create(self, kind: str, /, **values: Any) -> str:
        command = _Create(self.ws, kind, values)
        self.push(command)
        return command.item_id

    def update(self, kind: str, item_id: str, /, **values: Any) -> None:
        before = entities.get(self.ws, kind, item_id)
        old = {k: before[k] for k in values}
        entities.update(self.ws, kind, item_id, **values)
        after = entities.get(self.ws, kind, item_id)
        new = {k: after[k] for k in values}
        if new != old:
            self.push(_Update(self.ws, kind, item_id, old, new, _label(after)))

    def delete(self, kind: str, item_id: str, *, with_contents: bool = True) -> None:
        command = _Delete(self.ws, kind, item_id, with_contents)
        self.push(command)

    def reorder(self, kind: str, ids: list[str]) -> None:
        spec = spec_for(kind)
        first = entities.get(self.ws, kind, ids[0])
        group = {c: first[c] for c in spec.siblings}
        old = [x["id"] for x in entities.list_items(self.ws, kind, **group)]
        if old != ids:
            entities.reorder(self.ws, kind, ids)
            self.push(_Reorder(self.ws, kind, old, ids))

    def move(
        self, kind: str, item_id: str, parent_id: str | None, position: int | None = None
    ) -> None:
        spec = spec_for(kind)
        before = entities.get(self.ws, kind, item_id)
        entities.move(self.ws, kind, item_id, parent_id, position)
        self.push(
            _Move(
                self.ws,
                kind,
                item_id,
                before[spec.parent or ""],
                before["position"],
                parent_id,
                position,
            )
        )

    def link_key_results(self, initiative_id: str, key_result_ids: list[str]) -> None:
        old = [x["key_result_id"] for x in entities.initiative_links(self.ws, initiative_id)]
        entities.link_key_results(self.ws, initiative_id, key_result_ids)
        self.push(_Links(self.ws, initiative_id, old, key_result_ids))


def _label(item: dict[str, Any]) -> str:
    text = item.get("title") or item.get("name") or item.get("text") or ""
    return text if len(text) <= 40 else text[:39] + "…"


class ServiceCommand(QUndoCommand):
    """A command whose first redo already happened (the service call that could fail).

    Undo and redo can be refused later (say the cycle was closed meanwhile): then the
    reason is reported and the command leaves the stack, which stays true to the file.
    """

    report: Callable[[str], object]

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._guarded(self.apply)

    def undo(self) -> None:
        self._guarded(self.revert)

    def _guarded(self, action: Callable[[], None]) -> None:
        try:
            action()
        except OkrDeskError as exc:
            self.setObsolete(True)
            self.report(f"Could not {self.text().lower()}: {exc}")

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class _Create(ServiceCommand):
    def __init__(self, ws: Workspace, kind: str, values: dict[str, Any]) -> None:
        self.ws, self.kind = ws, kind
        self.item_id = entities.create(ws, kind, **values)
        self.snapshot: snapshots.Snapshot | None = None
        label = _label(entities.get(ws, kind, self.item_id))
        super().__init__(f"Add {spec_for(kind).label} “{label}”")

    def revert(self) -> None:
        self.snapshot = snapshots.take(self.ws, self.kind, self.item_id)
        entities.delete(self.ws, self.kind, self.item_id, with_contents=True)

    def apply(self) -> None:
        assert self.snapshot is not None
        snapshots.restore(self.ws, self.snapshot)


class _Update(ServiceCommand):
    def __init__(
        self,
        ws: Workspace,
        kind: str,
        item_id: str,
        old: dict[str, Any],
        new: dict[str, Any],
        label: str,
    ) -> None:
        self.ws, self.kind, self.item_id, self.old, self.new = ws, kind, item_id, old, new
        super().__init__(f"Edit {spec_for(kind).label} “{label}”")

    def revert(self) -> None:
        entities.update(self.ws, self.kind, self.item_id, **self.old)

    def apply(self) -> None:
        entities.update(self.ws, self.kind, self.item_id, **self.new)


class _Delete(ServiceCommand):
    def __init__(self, ws: Workspace, kind: str, item_id: str, with_contents: bool) -> None:
        self.ws, self.kind, self.item_id, self.with_contents = ws, kind, item_id, with_contents
        label = _label(entities.get(ws, kind, item_id))
        self.snapshot: snapshots.Snapshot
        self.apply()
        super().__init__(f"Delete {spec_for(kind).label} “{label}”")

    def revert(self) -> None:
        snapshots.restore(self.ws, self.snapshot)

    def apply(self) -> None:
        self.snapshot = snapshots.take(self.ws, self.kind, self.item_id)
        entities.delete(self.ws, self.kind, self.item_id, with_contents=self.with_contents)


class _Reorder(ServiceCommand):
    def __init__(self, ws: Workspace, kind: str, old: list[str], new: list[str]) -> None:
        self.ws, self.kind, self.old, self.new = ws, kind, old, new
        super().__init__(f"Reorder {spec_for(kind).label}s")

    def revert(self) -> None:
        entities.reorder(self.ws, self.kind, self.old)

    def apply(self) -> None:
        entities.reorder(self.ws, self.kind, self.new)


class _Move(ServiceCommand):
    def __init__(
        self,
        ws: Workspace,
        kind: str,
        item_id: str,
        old_parent: str | None,
        old_position: int,
        new_parent: str | None,
        new_position: int | None,
    ) -> None:
        self.ws, self.kind, self.item_id = ws, kind, item_id
        self.old = (old_parent, old_position)
        self.new = (new_parent, new_position)
        super().__init__(f"Move {spec_for(kind).label}")

    def revert(self) -> None:
        entities.move(self.ws, self.kind, self.item_id, *self.old)

    def apply(self) -> None:
        entities.move(self.ws, self.kind, self.item_id, *self.new)


class _Links(ServiceCommand):
    def __init__(self, ws: Workspace, initiative_id: str, old: list[str], new: list[str]) -> None:
        self.ws, self.initiative_id, self.old, self.new = ws, initiative_id, old, new
        super().__init__("Change the key results an initiative moves")

    def revert(self) -> None:
        entities.link_key_results(self.ws, self.initiative_id, self.old)

    def apply(self) -> None:
        entities.link_key_results(self.ws, self.initiative_id, self.new)


__all__ = ["Change", "ServiceCommand", "WorkspaceSession"]
