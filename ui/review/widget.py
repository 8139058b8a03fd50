"""The end-of-cycle tab: Review, Retrospective and KPIs as inner tabs, all following the
navigator's cycle and team. The Retrospective and KPI pages (and their modules) are made when
first shown or asked for: the Review tab opens on the review."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.review.review_page import ReviewPage
from ui.session import WorkspaceSession

if TYPE_CHECKING:
    from ui.review.kpi_page import KpiPage
    from ui.review.retro_page import RetrospectivePage


class _Later(QWidget):
    """An inner tab whose page is made when the tab is first shown (or asked for)."""

    def __init__(self, make: Callable[[], QWidget]) -> None:
        super().__init__()
        self._make = make
        self.page: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def build(self) -> QWidget:
        if self.page is None:
            self.page = self._make()
            self.layout().addWidget(self.page)
            if self.isVisible():
                self.page.show()  # now (it refreshes as it is shown), not on the next event
        return self.page

    def showEvent(self, event: QShowEvent) -> None:
        self.build()
        super().showEvent(event)


class CycleReviewWidget(QWidget):
    """Mount with ``add_page(CycleReviewWidget(session), "Review", "Ctrl+5")``."""

    objective_activated = Signal(str)  # an objective to show in the OKR view

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._context: tuple[str | None, str | None] = (None, None)
        self.review = ReviewPage(session)
        self._retrospective = _Later(self._make_retrospective)
        self._kpis = _Later(self._make_kpis)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reviewTabs")
        self.tabs.addTab(self.review, "Review")
        self.tabs.addTab(self._retrospective, "Retrospective")
        self.tabs.addTab(self._kpis, "KPIs")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    @property
    def retrospective(self) -> RetrospectivePage:
        page = self._retrospective.build()
        assert type(page).__name__ == "RetrospectivePage"
        return page  # type: ignore[return-value]

    @property
    def kpis(self) -> KpiPage:
        page = self._kpis.build()
        assert type(page).__name__ == "KpiPage"
        return page  # type: ignore[return-value]

    def _make_retrospective(self) -> QWidget:
        from ui.review.retro_page import RetrospectivePage

        page = RetrospectivePage(self.session)
        page.objective_activated.connect(self.objective_activated)
        page.set_context(*self._context)
        return page

    def _make_kpis(self) -> QWidget:
        from ui.review.kpi_page import KpiPage

        page = KpiPage(self.session)
        page.objective_activated.connect(self.objective_activated)
        page.set_context(*self._context)
        return page

    def set_context(self, cycle_id: str | None, team_id: str | None) -> None:
        self._context = (cycle_id, team_id)
        self.review.set_context(cycle_id, team_id)
        for later in (self._retrospective, self._kpis):
            if later.page is not None:
                later.page.set_context(cycle_id, team_id)  # type: ignore[attr-defined]

    def commit_pending(self) -> bool:
        """Save the retrospective answer still being typed."""
        if self._retrospective.page is None:
            return True  # never shown: nothing typed
        return all([field.commit() for field in self.retrospective.answers.values()])

    def show_part(self, name: str) -> None:
        """Open on "review", "retrospective" or "kpis"."""
        pages = {"review": self.review, "retrospective": self._retrospective, "kpis": self._kpis}
        self.tabs.setCurrentWidget(pages[name])
