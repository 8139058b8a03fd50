"""The guided planning session: the workshop flow step by step, for one team in one cycle.

A step list on the left says where we are and what is done; the page of the current step
sits in the middle with Back and Next below it (Alt+Left / Alt+Right). The step, the team and
the cycle are saved on every move, so the session resumes exactly where it was left.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from okrdesk.errors import OkrDeskError
from okrdesk.services import planning
from okrdesk.services.changes import Changes
from okrdesk.services.planning import STEPS, PlanningState
from ui.guided.alignment import AlignmentPage
from ui.guided.context import PlanningContext
from ui.guided.contextbar import ContextBar
from ui.guided.foundation import FoundationPage
from ui.guided.initiatives import InitiativesPage
from ui.guided.key_results import KeyResultsPage
from ui.guided.objectives import ObjectivesPage
from ui.guided.page import ItemPage, StepPage
from ui.guided.review import ReviewPage
from ui.guided.steps import StepList
from ui.guided.themes import ThemesPage
from ui.refresh import OKRS, Refresher
from ui.session import WorkspaceSession

PAGES: tuple[type[StepPage], ...] = (
    FoundationPage,
    ThemesPage,
    ObjectivesPage,
    KeyResultsPage,
    InitiativesPage,
    AlignmentPage,
    ReviewPage,
)


class GuidedSessionWidget(QWidget):
    """The guided planning session, to be mounted as a tab of the main window."""

    # (cycle_id, team_id) after the session created or switched its cycle or team.
    context_changed = Signal(str, str)

    def __init__(
        self,
        session: WorkspaceSession,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.session = session
        state = planning.progress(session.ws, today())
        self.ctx = PlanningContext(session, state.cycle_id, state.team_id, today)
        self.step = state.step
        self._stale: set[int] = set(range(len(STEPS)))

        self.bar = ContextBar(self.ctx)
        self.bar.team_chosen.connect(lambda team_id: self.switch(team_id=team_id))
        self.bar.cycle_chosen.connect(lambda cycle_id: self.switch(cycle_id=cycle_id))
        self.bar.team_created.connect(self._team_created)

        self.steps = StepList()
        self.steps.setFixedWidth(260)
        self.steps.step_clicked.connect(self.go_to)

        self.header = QLabel()
        self.header.setObjectName("stepHeader")
        font = QFont(self.header.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.header.setFont(font)
        self.purpose = QLabel()
        self.purpose.setObjectName("stepPurpose")
        self.purpose.setWordWrap(True)
        self.where = QLabel()
        self.where.setObjectName("stepWhere")
        self.where.setStyleSheet("color: #35608f;")
        self.where.setTextFormat(Qt.TextFormat.PlainText)

        self.pages: list[StepPage] = [page(self.ctx) for page in PAGES]
        self.stack = QStackedWidget()
        for page in self.pages:
            self.stack.addWidget(page)
            if isinstance(page, ReviewPage):  # step 7's findings lead to their item
                page.item_chosen.connect(self.show_item)

        self.back_button = QPushButton()
        self.back_button.setObjectName("backButton")
        self.back_button.setToolTip("Previous step (Alt+Left)")
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton()
        self.next_button.setObjectName("nextButton")
        self.next_button.setToolTip("Next step (Alt+Right)")
        self.next_button.setDefault(False)
        self.next_button.clicked.connect(self.next)
        self.nav_message = QLabel()
        self.nav_message.setStyleSheet("color: #b00020;")
        self.nav_message.setTextFormat(Qt.TextFormat.PlainText)
        nav = QHBoxLayout()
        nav.addWidget(self.nav_message, 1)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)

        for keys, slot in (("Alt+Left", self.back), ("Alt+Right", self.next)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        main = QVBoxLayout()
        main.setContentsMargins(8, 0, 0, 0)
        main.addWidget(self.header)
        main.addWidget(self.where)
        main.addWidget(self.purpose)
        main.addSpacing(6)
        main.addWidget(self.stack, 1)
        main.addLayout(nav)
        body = QHBoxLayout()
        body.addWidget(self.steps)
        body.addLayout(main, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        layout.addLayout(body, 1)

        self.refresher = Refresher(self, session, OKRS, self._refresh_later, delay_ms=0)
        if not self.ctx.ready:
            self.step = 0
        self.refresh()
        self.pages[self.step].entered()

    # -- public ------------------------------------------------------------------------------

    @property
    def state(self) -> PlanningState:
        return PlanningState(self.step, self.ctx.cycle_id, self.ctx.team_id)

    @property
    def current_page(self) -> StepPage:
        return self.pages[self.step]

    def set_context(self, cycle_id: str | None, team_id: str | None) -> None:
        """Work on this cycle and team (None keeps the current one); stays on the same step."""
        self.switch(cycle_id=cycle_id, team_id=team_id, announce=False)

    def switch(
        self, cycle_id: str | None = None, team_id: str | None = None, announce: bool = True
    ) -> bool:
        """Change the cycle and/or team; saves typing first, then the progress."""
        cycle_id = cycle_id or self.ctx.cycle_id
        team_id = team_id or self.ctx.team_id
        if (cycle_id, team_id) == (self.ctx.cycle_id, self.ctx.team_id):
            self.bar.refresh(lists=False)
            return True
        if not self.current_page.commit():
            self.bar.refresh(lists=False)  # the pickers go back to what is still shown
            return False
        self.ctx.cycle_id, self.ctx.team_id = cycle_id, team_id
        self._save_progress()
        self._stale = set(range(len(STEPS)))
        self.refresh(lists=False)
        if announce and cycle_id and team_id:
            self.context_changed.emit(cycle_id, team_id)
        return True

    @property
    def refresh_pending(self) -> bool:
        """A change was heard and the view will catch up once the event loop runs."""
        return self.refresher.pending

    def commit_pending(self) -> bool:
        """Save what is being typed on the current page (call before closing the workspace)."""
        return self.current_page.commit()

    def next(self) -> bool:
        return self.go_to(self.step + 1)

    def back(self) -> bool:
        return self.go_to(self.step - 1)

    def show_item(self, step: int, item_id: str) -> None:
        """Go to the step where an item is written, chosen, with the cursor in its title."""
        if step != self.step and not self.go_to(step):
            return
        page = self.current_page
        if isinstance(page, ItemPage) and page.select_item(item_id):
            page.editor.title_edit.setFocus()

    def go_to(self, index: int) -> bool:
        """Move to a step, saving the current page first; False (and stay) if that fails."""
        if not 0 <= index < len(STEPS) or index == self.step:
            self._show_state()
            return False
        self.nav_message.clear()
        if not self.current_page.commit():
            self.nav_message.setText("Fix the field marked in red first.")
            self._show_state()
            return False
        if index > 0 and not self.ctx.ready and not self._set_up():
            self._show_state()
            return False
        self.step = index
        self._save_progress()
        self._show_page()
        self.current_page.entered()
        return True

    def refresh(self, lists: bool = True) -> None:
        """Show the database as it is now: bar, step list, and the current page (`lists`:
        the bar's teams and cycles too, when they may have changed)."""
        lists = lists or self.refresher.pending  # a change not shown yet may be a new team
        self.refresher.caught_up()
        if not self._context_exists():
            self.ctx.cycle_id = planning.default_cycle_id(self.ctx.ws)
            self.ctx.team_id = planning.company_id(self.ctx.ws)
            if not self.ctx.ready:
                self.step = 0
        self._stale = set(range(len(STEPS)))
        self.bar.refresh(lists=lists)
        self._show_page()

    # -- internals ---------------------------------------------------------------------------

    def _refresh_later(self, changes: Changes) -> None:
        try:
            self.refresh(lists=changes.touches(("team", "cycle")))
        except OkrDeskError as exc:  # e.g. the workspace was closed meanwhile: say so, no trace
            self.nav_message.setText(str(exc))

    def _team_created(self, team_id: str) -> None:
        """A new team starts planning with its objectives (step 3), cursor in the title."""
        if not self.switch(team_id=team_id):
            return
        objectives = planning.step_for("objectives").index
        if not self.go_to(objectives) and self.step == objectives:
            self.current_page.entered()

    def _context_exists(self) -> bool:
        return (self.ctx.cycle_id is None or self.ctx.cycle() is not None) and (
            self.ctx.team_id is None or self.ctx.team() is not None
        )

    def _set_up(self) -> bool:
        """From the foundation on an empty workspace: create the company and the cycle of
        the period chosen on the page."""
        foundation = self.pages[0]
        assert isinstance(foundation, FoundationPage)
        try:
            period = foundation.chosen_period()
        except OkrDeskError as exc:  # custom dates that end before they start
            foundation.period_error.show_error(str(exc))
            return False
        try:
            cycle_id, team_id = self.session.run(
                "",
                planning.ensure_cycle_and_company,
                foundation.organisation_name(),
                self.ctx.today(),
                period,
            )
        except OkrDeskError as exc:
            foundation.bindings["name"].error.show_error(str(exc))
            return False
        self.ctx.cycle_id, self.ctx.team_id = cycle_id, team_id
        self.context_changed.emit(cycle_id, team_id)
        return True

    def _save_progress(self) -> None:
        try:
            planning.save_progress(self.ctx.ws, self.state)
        except OkrDeskError as exc:  # never lose the session over a bookmark
            self.nav_message.setText(f"The step could not be saved: {exc}")

    def _show_page(self) -> None:
        self.stack.setCurrentIndex(self.step)
        if self.step in self._stale:
            self._stale.discard(self.step)
            self.current_page.refresh()
        self._show_state()

    def _show_state(self) -> None:
        step = STEPS[self.step]
        self.header.setText(f"Step {step.index + 1} of {len(STEPS)} — {step.title}")
        self.purpose.setText(step.purpose)
        if self.ctx.ready:
            self.where.setText(f"{self.ctx.team_name()}  ·  {self.ctx.cycle_name()}")
        else:
            self.where.setText("A new workspace: start with the organisation")
        tree = self.ctx.team_okrs() if self.ctx.ready else None
        statuses = planning.step_status(self.ctx.ws, self.ctx.cycle_id, self.ctx.team_id, tree)
        reachable = len(STEPS) if self.ctx.ready else 1
        self.steps.show_state(statuses, self.step, reachable)
        if self.step > 0:
            self.back_button.setText(f"← Back: {STEPS[self.step - 1].title}")
        else:
            self.back_button.setText("← Back")
        self.back_button.setEnabled(self.step > 0)
        if self.step < len(STEPS) - 1:
            self.next_button.setText(f"Next: {STEPS[self.step + 1].title} →")
            self.next_button.setEnabled(True)
        else:
            self.next_button.setText("Last step")
            self.next_button.setEnabled(False)
