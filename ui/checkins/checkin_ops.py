"""Check-in edits, each one operation on the session (one undo step, see ui.session):

- :func:`save` records a whole grid (``record_many``, one transaction) as ONE undo step:
  undo takes the new check-ins back and puts back the values they replaced that day.
- :func:`correct` changes one check-in; :func:`delete` removes one.

Each raises the core's OkrDeskError (nothing changed, nothing pushed) when refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from okrdesk.services.checkins import (
    CheckInEntry,
    CheckInView,
    Recorded,
    correct_check_in,
    delete_check_in,
    record_many,
)
from ui.session import WorkspaceSession


def save(session: WorkspaceSession, entries: Sequence[CheckInEntry], text: str) -> list[Recorded]:
    """Record all entries in one transaction; one undo step. Nothing to save → no step."""
    if not entries:
        return []
    return session.run(text, record_many, entries)


def correct(session: WorkspaceSession, before: CheckInView, text: str, **changes: Any) -> None:
    session.run(text, correct_check_in, before.id, **changes)


def delete(session: WorkspaceSession, view: CheckInView, text: str) -> None:
    session.run(text, delete_check_in, view.id)


__all__ = ["correct", "delete", "save"]
