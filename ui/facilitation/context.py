"""What every part of the workshop tab works on: the workspace session, the workshop
session chosen, the cycle and team of the moment, and the one clock they share."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from okrdesk.errors import OkrDeskError
from okrdesk.services import workshop
from okrdesk.services.workshop import AgendaItem, SessionInfo
from okrdesk.services.workspace import Workspace
from ui.facilitation.clock import ClockDriver
from ui.session import WorkspaceSession


class WorkshopContext(QObject):
    """The chosen workshop session (or none yet) and its clock."""

    session_changed = Signal()  # another workshop session was chosen, or it went away

    def __init__(
        self,
        session: WorkspaceSession,
        now: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.session_id: str | None = None
        self.cycle_id: str | None = None
        self.team_id: str | None = None
        self.clock = ClockDriver(session.ws, now, self)

    @property
    def ws(self) -> Workspace:
        return self.session.ws

    def choose(self, session_id: str | None) -> None:
        """Work on this workshop session (None: none); the clock saves and reloads."""
        if session_id == self.session_id:
            return
        self.clock.load(None)
        self.session_id = session_id
        self.clock.load(session_id)
        self.session_changed.emit()

    def info(self) -> SessionInfo | None:
        if self.session_id is None:
            return None
        try:
            return workshop.session_info(self.ws, self.session_id)
        except OkrDeskError:  # deleted meanwhile, or the workspace was closed
            return None

    def agenda(self) -> list[AgendaItem]:
        if self.session_id is None:
            return []
        try:
            return workshop.agenda(self.ws, self.session_id)
        except OkrDeskError:  # deleted meanwhile, or the workspace was closed
            return []

    def current_step(self) -> AgendaItem | None:
        steps = self.agenda()
        return steps[self.clock.step] if 0 <= self.clock.step < len(steps) else None

    def plan_cycle(self) -> str | None:
        """The cycle decisions go into: the session's, else the one chosen in the navigator."""
        info = self.info()
        return (info.cycle_id if info else None) or self.cycle_id
