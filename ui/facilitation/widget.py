"""Facilitation mode: the facilitator's workshop tab.

The agenda with its clock and the notes of the current step on the left; brainstorm,
vote and promotion, the parking lot and the participants on the right; at the top the
workshop session, the screen to present on, Present (F5) and Finish. The room sees the
:class:`PresentationWindow`; this tab keeps the editing controls.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from okrdesk.errors import OkrDeskError
from okrdesk.services import entities, workshop
from okrdesk.services.changes import Changes
from ui.facilitation import prompts
from ui.facilitation.agenda_panel import AgendaPanel
from ui.facilitation.brainstorm_panel import BrainstormPanel
from ui.facilitation.clock_panel import ClockPanel
from ui.facilitation.context import WorkshopContext
from ui.facilitation.finishing import what_was_written
from ui.facilitation.notes_panel import NotesPanel
from ui.facilitation.parking_panel import ParkingPanel
from ui.facilitation.people_panel import PeoplePanel
from ui.facilitation.ranking_panel import RankingPanel
from ui.facilitation.screens import projector_screen
from ui.facilitation.vote_panel import VotePanel
from ui.refresh import OKRS, WORKSHOP, Refresher
from ui.session import WorkspaceSession

if TYPE_CHECKING:
    from okrdesk.reports.session_summary import Finished
    from ui.facilitation.presentation import PresentationWindow


class FacilitationWidget(QWidget):
    """The workshop tab; mount with ``add_page(FacilitationWidget(session), "Workshop", …)``.

    ``now`` is the clock's time source (``time.monotonic``; tests pass a fake clock).
    """

    def __init__(
        self,
        session: WorkspaceSession,
        parent: QWidget | None = None,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.ctx = WorkshopContext(session, now, self)
        self.presentation: PresentationWindow | None = None

        self.sessions = QComboBox()
        self.sessions.setObjectName("workshopSessions")
        # Long workshop names and the "decisions go to" line must not widen the window
        # past a laptop's screen: the combo box elides, the line is clipped (full text in
        # its tooltip).
        self.sessions.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.sessions.setMinimumContentsLength(24)
        self.sessions.activated.connect(self._session_chosen)
        self.new_button = QPushButton("New workshop…")
        self.new_button.setObjectName("newWorkshop")
        self.new_button.clicked.connect(self.new_session)
        self.delete_button = QPushButton("Delete…")
        self.delete_button.clicked.connect(self.delete_session)
        self.where = QLabel()
        self.where.setObjectName("workshopWhere")
        self.where.setMinimumWidth(40)
        self.screens = QComboBox()
        self.screens.setObjectName("presentScreen")
        self.screens.setToolTip("The screen the room sees")
        self.present_button = QPushButton("Present (F5)")
        self.present_button.setObjectName("presentButton")
        self.present_button.clicked.connect(self.toggle_presentation)
        self.finish_button = QPushButton("Finish: print summary and OKR sheets…")
        self.finish_button.setObjectName("finishButton")
        self.finish_button.clicked.connect(self.finish)
        self.message = QLabel()
        self.message.setObjectName("workshopMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        # Two lines, always: a message that comes and goes must not move the clock's
        # buttons under the pointer.
        self.message.setFixedHeight(self.message.fontMetrics().lineSpacing() * 2 + 4)
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        self.clock_panel = ClockPanel(self.ctx)
        self.agenda_panel = AgendaPanel(self.ctx)
        self.notes_panel = NotesPanel(self.ctx)
        self.brainstorm = BrainstormPanel(self.ctx)
        self.vote = VotePanel(self.ctx)
        self.ranking = RankingPanel(self.ctx)
        self.parking = ParkingPanel(self.ctx)
        self.people = PeoplePanel(self.ctx)
        self.brainstorm.kind_changed.connect(self.vote.set_kind)
        self.brainstorm.kind_changed.connect(self.ranking.set_kind)
        self.panels = (
            self.agenda_panel,
            self.notes_panel,
            self.brainstorm,
            self.vote,
            self.ranking,
            self.parking,
            self.people,
        )

        top = QHBoxLayout()
        top.addWidget(QLabel("Workshop:"))
        top.addWidget(self.sessions)
        top.addWidget(self.new_button)
        top.addWidget(self.delete_button)
        top.addWidget(self.where, 1)
        top.addWidget(self.screens)
        top.addWidget(self.present_button)
        top.addWidget(self.finish_button)

        left = QSplitter(Qt.Orientation.Vertical)
        clock_box = QWidget()
        clock_layout = QVBoxLayout(clock_box)
        clock_layout.setContentsMargins(0, 0, 0, 0)
        clock_layout.addWidget(self.clock_panel)
        clock_layout.addWidget(self.agenda_panel, 1)
        left.addWidget(clock_box)
        left.addWidget(self.notes_panel)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)
        ideas = QSplitter(Qt.Orientation.Vertical)
        ideas.addWidget(self.brainstorm)
        ideas.addWidget(self.vote)
        ideas.addWidget(self.ranking)
        for n, stretch in enumerate((3, 3, 2)):
            ideas.setStretchFactor(n, stretch)
        self.tabs = QTabWidget()
        self.tabs.addTab(ideas, "Brainstorm and vote")
        self.tabs.addTab(self.parking, "Parking lot")
        self.tabs.addTab(self.people, "Participants")
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(left)
        body.addWidget(self.tabs)
        body.setStretchFactor(0, 2)
        body.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(body, 1)

        # The keys of a presenter remote work whenever this tab shows, wherever the focus
        # is (a window shortcut only fires while its widget is visible, so not on other
        # tabs); the presentation window handles them itself while it has the focus.
        self._key(("F5",), self.toggle_presentation)
        self._key(("PgDown",), self.ctx.clock.next)
        self._key(("PgUp",), self.ctx.clock.previous)
        self.presenting_keys = (
            self._key(("B", "."), self._toggle_blank),
            self._key(("Esc",), self._leave_presentation),
        )
        for shortcut in self.presenting_keys:
            shortcut.setEnabled(False)
        # The room's decisions land as objectives and key results: those matter here too.
        self.refresher = Refresher(self, session, WORKSHOP | OKRS, self._refresh_later, delay_ms=0)
        self.ctx.session_changed.connect(self.refresh)
        self.ctx.clock.save_failed.connect(self.message.setText)
        self.ctx.clock.step_changed.connect(lambda _i: self.message.clear())
        self.clock_panel.start_button.clicked.connect(self.message.clear)
        self._fill_screens()
        # A projector plugged in after the start shows up in the list (and becomes the default).
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._screens_changed)
            app.screenRemoved.connect(self._screens_changed)
        newest = workshop.sessions(session.ws)
        self.ctx.choose(newest[0].id if newest else None)
        self.refresh()

    # -- context -----------------------------------------------------------------------------

    def set_context(self, cycle_id: str | None, team_id: str | None) -> None:
        """The cycle and team chosen in the navigator: decisions go to that team."""
        self.ctx.cycle_id = cycle_id or None
        self.ctx.team_id = team_id or None
        self._show_where()
        if self.presentation is not None and self.presentation.isVisible():
            self.presentation.refresh()

    def commit_pending(self) -> bool:
        """Save the notes being typed and the clock's time so far (before the workspace
        closes); False when the notes were refused."""
        self.ctx.clock.save()
        return self.notes_panel.commit()

    @property
    def refresh_pending(self) -> bool:
        return self.refresher.pending

    def refresh(self) -> None:
        self.refresher.caught_up()
        chosen = self.ctx.session_id
        all_sessions = workshop.sessions(self.session.ws)
        if chosen is not None and chosen not in {s.id for s in all_sessions}:
            self.ctx.choose(None)  # deleted (or undone): fall back to the newest
            self.ctx.choose(all_sessions[0].id if all_sessions else None)
            return
        if chosen is None and all_sessions:
            self.ctx.choose(all_sessions[0].id)
            return
        self.sessions.clear()
        for s in all_sessions:
            label = s.title + (f" · {s.cycle_name}" if s.cycle_name else "")
            self.sessions.addItem(f"{label} · {s.created_at:%d %b %Y}", s.id)
        if not all_sessions:
            self.sessions.addItem("No workshop yet — start one", None)
        self.sessions.setCurrentIndex(max(0, self.sessions.findData(chosen)))
        has = chosen is not None
        for widget in (self.delete_button, self.present_button, self.finish_button):
            widget.setEnabled(has)
        self.ctx.clock.sync_agenda()
        for panel in self.panels:
            panel.refresh()
        self.clock_panel.show_reading(self.ctx.clock.reading())
        self._show_where()

    def _show_where(self) -> None:
        team = self._name("team", self.ctx.team_id)
        cycle = self._name("cycle", self.ctx.plan_cycle())
        if team and cycle:
            self.where.setText(f"Decisions go to {team} · {cycle}")
            self.where.setToolTip(self.where.text())
        else:
            self.where.setText("Choose a team in the navigator: decisions go to it")
            self.where.setToolTip(self.where.text())

    def _name(self, kind: str, item_id: str | None) -> str:
        if not item_id:
            return ""
        try:
            item = entities.get(self.session.ws, kind, item_id)
        except OkrDeskError:
            return ""
        return item.get("name") or ""

    def _refresh_later(self, _changes: Changes) -> None:
        try:
            self.refresh()
        except OkrDeskError as exc:  # e.g. the workspace closed meanwhile
            self.message.setText(str(exc))

    # -- sessions ----------------------------------------------------------------------------

    def new_session(self) -> str | None:
        """Start a workshop session with the two-hour default agenda; its id, or None."""
        cycle = self._name("cycle", self.ctx.cycle_id)
        suggestion = f"{self._name('team', self.ctx.team_id) or 'Planning'} workshop"
        suggestion += f" {cycle}" if cycle else ""
        title = prompts.ask_text(self, "New workshop", "Title of the workshop:", suggestion)
        if title is None:
            return None
        try:
            session_id = self.session.run("", workshop.start_session, title, self.ctx.cycle_id)
        except OkrDeskError as exc:
            self.message.setText(str(exc))
            return None
        self.ctx.choose(session_id)
        self.message.setText("A two-hour agenda is ready: edit it, then press Start.")
        return session_id

    def choose_session(self, session_id: str | None) -> None:
        self.notes_panel.commit()
        self.ctx.choose(session_id)

    def _session_chosen(self, index: int) -> None:
        self.choose_session(self.sessions.itemData(index))

    def delete_session(self) -> None:
        info = self.ctx.info()
        if info is None:
            return
        if not prompts.confirm(
            self,
            "Delete the workshop",
            f"Delete “{info.title}” with its agenda, participants, candidates and votes?\n\n"
            "Its parking lot stays in the workspace. Ctrl+Z brings the workshop back.",
        ):
            return
        self.ctx.choose(None)
        self.session.delete("workshop_session", info.id)

    # -- presenting --------------------------------------------------------------------------

    def _key(self, keys: tuple[str, ...], slot: Callable[[], object]) -> QShortcut:
        shortcut = QShortcut(self)
        shortcut.setKeys([QKeySequence(k) for k in keys])
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    def _toggle_blank(self) -> None:
        if self.presentation is not None and self.presentation.isVisible():
            self.presentation.set_blank(not self.presentation.blank)

    def _leave_presentation(self) -> None:
        if self.presentation is not None and self.presentation.isVisible():
            self.presentation.close()

    def _presenting(self, on: bool) -> None:
        """Blank and Escape belong to the presentation: only while there is one."""
        self.present_button.setText("Leave presentation (F5)" if on else "Present (F5)")
        for shortcut in self.presenting_keys:
            shortcut.setEnabled(on)

    def _fill_screens(self) -> None:
        self.screens.clear()
        default = projector_screen(self)
        for n, screen in enumerate(QGuiApplication.screens(), 1):
            size = screen.geometry().size()
            self.screens.addItem(f"Screen {n}: {size.width()}×{size.height()}", n - 1)
            if screen is default:
                self.screens.setCurrentIndex(n - 1)
        self.screens.setVisible(self.screens.count() > 1)

    def _screens_changed(self, _screen: object) -> None:
        self._fill_screens()

    def toggle_presentation(self) -> PresentationWindow | None:
        """Present on the chosen screen; pressed again while presenting, leave it."""
        if self.presentation is not None and self.presentation.isVisible():
            self.presentation.close()
            return None
        if self.ctx.session_id is None:
            self.message.setText("Start a workshop first.")
            return None
        if self.presentation is None:
            # The room's window (its slides and their layout) loads when first presented:
            # it was more than half of what opening the Workshop tab imported.
            from ui.facilitation.presentation import PresentationWindow

            self.presentation = PresentationWindow(self.ctx)
            self.presentation.closed.connect(lambda: self._presenting(False))
        screens = QGuiApplication.screens()
        index = self.screens.currentData()
        screen = screens[index] if isinstance(index, int) and index < len(screens) else None
        # With one screen the room's view covers the facilitator's own: say so, and how out.
        alone = (screen or projector_screen(self)) is self.screen()
        self.presentation.present(screen, alone=alone)
        self._presenting(True)
        if alone:
            self.message.setText("Presenting on this screen, the only one: Esc or F5 leaves.")
        else:
            self.message.clear()
        return self.presentation

    # -- finishing ---------------------------------------------------------------------------

    def finish(self) -> Finished | None:
        """Write the one-page summary and the teams' draft OKR sheets into a chosen folder."""
        # ReportLab loads only when handouts are printed (it would slow every start).
        from okrdesk.reports.session_summary import finish

        if self.ctx.session_id is None:
            return None
        self.notes_panel.commit()
        self.ctx.clock.pause()
        folder = prompts.choose_folder(
            self,
            "Where should the summary and OKR sheets go?",
            str(self.session.ws.path.resolve().parent),  # beside the workspace, to begin with
        )
        if not folder:
            return None
        teams = (self.ctx.team_id,) if self.ctx.team_id else ()
        try:
            done = finish(self.session.ws, self.ctx.session_id, Path(folder), teams)
        except OkrDeskError as exc:
            prompts.tell_error(self, "The handouts could not be written", str(exc))
            return None
        self.ctx.clock.finish()  # closed: no "paused · +0:35 over" left on the clock
        notices = "".join(f"\n\n{n}" for n in done.notices)
        self.message.setText(
            f"Workshop finished. Written to {folder}: " + ", ".join(p.name for p in done.paths)
        )
        prompts.tell(self, "Workshop finished", what_was_written(folder, done) + notices)
        return done

    def hideEvent(self, event) -> None:
        self.notes_panel.commit()
        super().hideEvent(event)
