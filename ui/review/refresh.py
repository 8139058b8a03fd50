"""The common ground of the end-of-cycle pages: which cycle and team they show, and a
refresh from the database after every change that concerns them (see :mod:`ui.refresh`)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from okrdesk.errors import OkrDeskError
from okrdesk.services import entities
from ui.refresh import REVIEW, Refresher
from ui.review.looks import READ_ONLY_STYLE
from ui.session import Changes, WorkspaceSession


class Refreshing(QWidget):
    """A page that shows what the database holds; subclasses implement :meth:`refresh`."""

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.cycle_id: str | None = None
        self.team_id: str | None = None
        self.setStyleSheet(READ_ONLY_STYLE)
        session.changed.connect(self._heard)  # before the refresher: caches know first
        self.refresher = Refresher(self, session, REVIEW, lambda _changes: self.refresh())
        self.refresher.stale()

    def _heard(self, changes: Changes) -> None:
        self.heard(changes)

    def heard(self, changes: Changes) -> None:
        """Every committed change, shown or not, before the page refreshes: for what it keeps
        (subclasses)."""

    def set_context(self, cycle_id: str | None, team_id: str | None) -> None:
        self.cycle_id, self.team_id = cycle_id or None, team_id or None
        self.refresher.stale()

    def refresh(self) -> None:
        raise NotImplementedError

    def team_name(self) -> str:
        try:
            return str(entities.get(self.session.ws, "team", self.team_id or "")["name"])
        except OkrDeskError:
            return "No team"
