"""The workshop's bigger actions as undo steps on the workspace session's stack.

Core workshop calls that touch several rows return an :class:`Edit`; :func:`apply`
runs one and pushes a command that reverts or reapplies that record.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from okrdesk.services.workshop_edits import Edit, reapply, revert
from okrdesk.services.workspace import Workspace
from ui.session import WorkspaceSession


class EditCommand(QUndoCommand):
    """An edit that already happened: undo reverts it, redo applies it again."""

    def __init__(self, ws: Workspace, edit: Edit) -> None:
        super().__init__(edit.label)
        self.ws, self.edit = ws, edit
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        reapply(self.ws, self.edit)

    def undo(self) -> None:
        revert(self.ws, self.edit)


def apply(session: WorkspaceSession, action: Callable[..., Edit], *args: Any, **kw: Any) -> Edit:
    """Run a core workshop call (``action(ws, *args)``) as one undo step; returns its edit."""
    edit = action(session.ws, *args, **kw)
    if not edit.empty:
        session.undo_stack.push(EditCommand(session.ws, edit))
    return edit
