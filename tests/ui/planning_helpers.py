"""Shared by the planning-session UI tests: a session shown at a laptop's size, and
typing as a person does (each key to wherever the focus is at that moment)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from okrdesk.services.workspace import Workspace
from ui.guided import GuidedSessionWidget
from ui.session import WorkspaceSession


def show_planning(qtbot, ws: Workspace) -> tuple[WorkspaceSession, GuidedSessionWidget]:
    """The planning session on `ws`, shown at 1366 × 768 and exposed."""
    session = WorkspaceSession(ws)
    widget = GuidedSessionWidget(session)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return session, widget


def type_as_a_person(qtbot, window: QWidget, text: str) -> None:
    """Each key goes where the window's keyboard focus is at that moment, as on a keyboard."""
    for char in text:
        focus = window.focusWidget()
        assert focus is not None
        qtbot.keyClicks(focus, char)
