"""The common ground of the end-of-cycle pages: which cycle and team they show, and a
refresh from the database after every committed change (deferred while hidden)."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from okrdesk.errors import OkrDeskError
from okrdesk.services import entities
from ui.review.looks import READ_ONLY_STYLE
from ui.session import WorkspaceSession


class Refreshing(QWidget):
    """A page that shows what the database holds; subclasses implement :meth:`refresh`."""

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.cycle_id: str | None = None
        self.team_id: str | None = None
        self._stale = True
        self.setStyleSheet(READ_ONLY_STYLE)
        session.changed.connect(self._changed)

    def set_context(self, cycle_id: str | None, team_id: str | None) -> None:
        self.cycle_id, self.team_id = cycle_id or None, team_id or None
        self._changed()

    def refresh(self) -> None:
        raise NotImplementedError

    def team_name(self) -> str:
        try:
            return str(entities.get(self.session.ws, "team", self.team_id or "")["name"])
        except OkrDeskError:
            return "No team"

    def _changed(self, _change: object = None) -> None:
        if self.isVisible():
            self._stale = False
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()
