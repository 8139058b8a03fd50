"""The end-of-cycle tab: Review, Retrospective and KPIs as inner tabs, all following the
navigator's cycle and team."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.review.kpi_page import KpiPage
from ui.review.retro_page import RetrospectivePage
from ui.review.review_page import ReviewPage
from ui.session import WorkspaceSession


class CycleReviewWidget(QWidget):
    """Mount with ``add_page(CycleReviewWidget(session), "Review", "Ctrl+5")``."""

    objective_activated = Signal(str)  # an objective to show in the OKR view

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review = ReviewPage(session)
        self.retrospective = RetrospectivePage(session)
        self.kpis = KpiPage(session)
        self.retrospective.objective_activated.connect(self.objective_activated)
        self.kpis.objective_activated.connect(self.objective_activated)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reviewTabs")
        self.tabs.addTab(self.review, "Review")
        self.tabs.addTab(self.retrospective, "Retrospective")
        self.tabs.addTab(self.kpis, "KPIs")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def set_context(self, cycle_id: str | None, team_id: str | None) -> None:
        self.review.set_context(cycle_id, team_id)
        self.retrospective.set_context(cycle_id, team_id)
        self.kpis.set_context(cycle_id, team_id)

    def commit_pending(self) -> bool:
        """Save the retrospective answer still being typed."""
        return all([field.commit() for field in self.retrospective.answers.values()])

    def show_part(self, name: str) -> None:
        """Open on "review", "retrospective" or "kpis"."""
        pages = {"review": self.review, "retrospective": self.retrospective, "kpis": self.kpis}
        self.tabs.setCurrentWidget(pages[name])
