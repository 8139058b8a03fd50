"""Check-in edits as undo steps: each runs one core call and puts one command on the stack.

- :func:`save` records a whole grid (``record_many``, one transaction) as ONE undo step:
  undo deletes the new check-ins and puts back the ones they replaced on the same day;
  redo restores the new ones with their ids.
- :func:`correct` changes one check-in; undo puts the old one back exactly.
- :func:`delete` removes one check-in; undo restores it (same id).

Each raises the core's OkrDeskError (nothing changed, nothing pushed) when refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from okrdesk.services.checkins import (
    CheckInEntry,
    CheckInView,
    Recorded,
    correct_check_in,
    delete_check_in,
    record_many,
    restore_check_in,
)
from okrdesk.services.workspace import Workspace
from ui.session import ServiceCommand, WorkspaceSession


def snapshot_of(view: CheckInView) -> dict[str, Any]:
    """What restore_check_in needs to put a check-in back as it is now."""
    data = asdict(view)
    data["date"] = view.date.isoformat()
    data["created_at"] = view.created_at.isoformat() if view.created_at else None
    return data


class SaveCheckIns(ServiceCommand):
    def __init__(self, ws: Workspace, recorded: Sequence[Recorded], text: str) -> None:
        super().__init__(text)
        self.ws = ws
        self.recorded = list(recorded)
        self.saved = [snapshot_of(r.check_in) for r in self.recorded]

    def revert(self) -> None:
        for rec in reversed(self.recorded):
            if rec.replaced is not None:  # the same row held that day's earlier values
                restore_check_in(self.ws, rec.replaced)
            else:
                delete_check_in(self.ws, rec.check_in.id)

    def apply(self) -> None:
        for snapshot in self.saved:
            restore_check_in(self.ws, snapshot)


class CorrectCheckIn(ServiceCommand):
    def __init__(
        self, ws: Workspace, before: CheckInView, changes: dict[str, Any], text: str
    ) -> None:
        super().__init__(text)
        self.ws, self.before, self.changes = ws, snapshot_of(before), changes

    def revert(self) -> None:
        restore_check_in(self.ws, self.before)

    def apply(self) -> None:
        correct_check_in(self.ws, self.before["id"], **self.changes)


class DeleteCheckIn(ServiceCommand):
    def __init__(self, ws: Workspace, snapshot: dict[str, Any], text: str) -> None:
        super().__init__(text)
        self.ws, self.snapshot = ws, snapshot

    def revert(self) -> None:
        restore_check_in(self.ws, self.snapshot)

    def apply(self) -> None:
        self.snapshot = delete_check_in(self.ws, self.snapshot["id"])


def save(session: WorkspaceSession, entries: Sequence[CheckInEntry], text: str) -> list[Recorded]:
    """Record all entries in one transaction; one undo step. Nothing to save → no step."""
    if not entries:
        return []
    recorded = record_many(session.ws, entries)
    session.push(SaveCheckIns(session.ws, recorded, text))
    return recorded


def correct(session: WorkspaceSession, before: CheckInView, text: str, **changes: Any) -> None:
    correct_check_in(session.ws, before.id, **changes)
    session.push(CorrectCheckIn(session.ws, before, changes, text))


def delete(session: WorkspaceSession, view: CheckInView, text: str) -> None:
    snapshot = delete_check_in(session.ws, view.id)
    session.push(DeleteCheckIn(session.ws, snapshot, text))


__all__ = ["CorrectCheckIn", "DeleteCheckIn", "SaveCheckIns", "correct", "delete", "save"]
