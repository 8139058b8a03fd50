"""The workspace window: navigator, the OKRs of a team, the detail editor and the coach."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QSettings, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from okrdesk.errors import OkrDeskError
from ui import dialogs, undo_keys, workbooks

# Qt's own namespace (Qt.AlignmentFlag, ...) takes ~40 ms to load: the empty frame does
# without it, and the methods that need it import it once the window is on screen.
if TYPE_CHECKING:
    from PySide6.QtCore import Qt

    from okrdesk.services.changes import Changes
    from okrdesk.services.first_look import FirstLook
    from okrdesk.services.workspace import Workspace
    from ui.alignment_view import AlignmentView
    from ui.guided.widget import GuidedSessionWidget
    from ui.lazy_page import LazyPage
    from ui.pages import ChoosesContext, ShowsObjectives, TabPage
    from ui.session import Outcome, WorkspaceSession
    from ui.team_picker import TeamPicker

T = TypeVar("T")

SHORTCUTS = [
    ("Ctrl+N", "New workspace"),
    ("Ctrl+O", "Open a workspace"),
    ("Ctrl+Shift+S", "Save a copy as…"),
    ("Ctrl+E", "Export sheets, a booklet or a retrospective report as PDF"),
    ("Ctrl+W", "Close the window"),
    ("Ctrl+Z", "Undo (the Edit menu says what)"),
    ("Ctrl+Shift+Z", "Redo"),
    ("Ctrl+Shift+O", "Add an objective"),
    ("Ctrl+K", "Add a key result"),
    ("Ctrl+I", "Add an initiative"),
    ("Enter", "In the OKR list or a key result's title: add the next key result"),
    ("Delete", "Delete the selected item (undoable)"),
    ("Alt+Up / Alt+Down", "Move it up or down"),
    ("Ctrl+M", "Move it to another team or objective"),
    ("Ctrl+1 … Ctrl+6", "OKRs / Alignment / Planning session / Workshop / Review / Check-ins"),
    ("Ctrl+S / Ctrl+Enter", "Check-ins tab: save the check-in (one undo step)"),
    ("F5", "Workshop tab: present on the room's screen (Esc leaves)"),
    ("F1", "This list"),
]


# After start-up, the hidden tabs are built one at a time once the app has been idle this long.
WARM_UP_IDLE_MS = 1500
# The tabs after "OKRs" (built when first shown) and the menus, by title.
LAZY_TABS = ("Alignment", "Planning session", "Workshop", "Review", "Check-ins")
MENU_TITLES = ("&File", "&Edit", "&View", "&Help")


def heading_text(team: str, cycle: str, start: date, end: date, state: str) -> str:
    """The OKR page's heading: "Riverside School · 2027-Q1 (01 Jan – 31 Mar 2027, planning)"."""
    return f"{team} · {cycle} ({start:%d %b} – {end:%d %b %Y}, {state})"


class MainWindow(QMainWindow):
    """One window per open workspace. `opener` opens another file (new window).

    The window is built in two steps so that it is on screen at once: the constructor
    makes the empty frame (Qt only, cheap to import), and `attach` fills it with the
    workspace. Importing the data layer and the widgets costs most of the start-up,
    so `attach` imports them.
    """

    closed = Signal()

    def __init__(
        self,
        settings: QSettings,
        opener: Callable[[str, QWidget | None], object] | None = None,
    ) -> None:
        super().__init__()
        self.session: WorkspaceSession | None = None
        self.settings = settings
        self.remember_layout = True  # off for a --screenshot run: a picture is no session
        self.opener = opener
        self.setObjectName("MainWindow")
        self.resize(1366, 768)
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._placeholder = QLabel("Opening…")
        self._placeholder.setStyleSheet(
            "font-size: 13pt; color: palette(mid); qproperty-alignment: AlignCenter;"
        )
        self.setCentralWidget(self._placeholder)
        self.setWindowTitle("OKR Desk")
        self._first_look: tuple[TeamPicker, QWidget] | None = None  # (team picker, OKR tree)
        self._warm_timer: QTimer | None = None  # builds hidden tabs while the app is idle

    def show_opening(self, what: str) -> None:
        """Say what the empty frame is waiting for (a file name, "the demo workspace")."""
        self._placeholder.setText(f"Opening {what}…")
        self.setWindowTitle(f"{what} — OKR Desk")

    def show_first_look(self, look: FirstLook) -> None:
        """Before the data layer is loaded: the navigator and the team's OKRs, drawn by the
        same widgets and rows as the full window, which `attach` then takes over in place.
        Nothing can be changed yet (the OKR actions wait)."""
        from PySide6.QtWidgets import QTreeView

        from ui.okr_rows import ProgressDelegate, clear_rows, fill_rows, size_columns
        from ui.team_picker import TeamPicker

        picker = TeamPicker()
        picker.show_cycles(look.cycles, look.cycle_id)
        picker.show_teams(look.teams, look.team_id)
        view = QTreeView()
        model = QStandardItemModel(view)
        clear_rows(model)
        fill_rows(model, look.tree.teams[0])
        view.setModel(model)
        view.setItemDelegateForColumn(1, ProgressDelegate(view))
        view.setAlternatingRowColors(True)
        view.setUniformRowHeights(True)
        size_columns(view.header())
        view.expandAll()
        self._build_frame(view, picker, QWidget(), QWidget())
        self._first_look = (picker, view)
        for action in self.okr_actions:
            action.setEnabled(False)
        for title in LAZY_TABS:
            self.tabs.setTabEnabled(self.tabs.addTab(QWidget(), title), False)
        team, cycle = look.tree.teams[0], look.tree.cycle
        self.heading.setText(
            heading_text(team.name, cycle.name, cycle.start_date, cycle.end_date, cycle.state)
        )
        self._lay_out_docks()

    def attach(self, session: WorkspaceSession) -> None:
        """Fill the frame with the workspace's views, menus and docks (taking over from the
        first look, when one is on screen)."""
        from ui.coach_summary import CoachSummary
        from ui.editors import DetailEditor
        from ui.lazy_page import LazyPage
        from ui.navigator import Navigator
        from ui.okr_view import OkrView
        from ui.refresh import OKRS, Refresher

        self.session = session
        self.navigator = Navigator(session)
        self.okr_view = OkrView(session)
        self.editor = DetailEditor(session)
        self.coach = CoachSummary(session)
        taking_over = self._first_look is not None
        if self._first_look is not None:
            picker, _view = self._first_look
            # Keep what the person picked or typed while the data layer loaded.
            self.navigator.select(picker.cycle_id(), picker.team_id())
            self.navigator.filter_box.setText(picker.filter_box.text())
            while self.tabs.count() > 1:
                self.tabs.widget(1).deleteLater()
                self.tabs.removeTab(1)
            for action in self.okr_actions:
                action.setEnabled(True)
        self._build_frame(self.okr_view, self.navigator, self.editor, self.coach)
        self._first_look = None
        self._build_menus()
        # The other tabs are built, and their modules imported, when first shown.
        self.alignment_page: LazyPage[ShowsObjectives] = LazyPage(
            lambda: _alignment(session), self._follow_and_reveal
        )
        self.add_page(self.alignment_page, "Alignment", "Ctrl+2")
        # The planning session keeps its own team and cycle (it resumes where it was left);
        # when it moves to another, the navigator and the OKR view follow.
        self.planning_page: LazyPage[ChoosesContext] = LazyPage(
            lambda: _planning(session),
            lambda page: page.context_changed.connect(self.navigator.select),
        )
        self.add_page(self.planning_page, "Planning session", "Ctrl+3")
        self.workshop_page: LazyPage[TabPage] = LazyPage(
            lambda: _workshop(session), self._follow_navigator
        )
        self.add_page(self.workshop_page, "Workshop", "Ctrl+4")
        self.review_page: LazyPage[ShowsObjectives] = LazyPage(
            lambda: _review(session), self._follow_and_reveal
        )
        self.add_page(self.review_page, "Review", "Ctrl+5")
        self.checkins_page: LazyPage[TabPage] = LazyPage(
            lambda: _checkins(session), self._follow_navigator
        )
        self.add_page(self.checkins_page, "Check-ins", "Ctrl+6")
        self.tabs.currentChanged.connect(self._tab_changed)
        self._tab_changed(self.tabs.currentIndex())

        self.navigator.selection_changed.connect(self.show_team)
        self.navigator.cycle_created.connect(self._plan_in_new_cycle)
        self.okr_view.item_selected.connect(self.editor.show_item)
        self.okr_view.add_next_key_result.connect(self.add_key_result)
        self.editor.editors["key_result"].add_next.connect(self.add_key_result)  # type: ignore[attr-defined]
        self.refresher = Refresher(self, session, OKRS, self._after_change)
        session.refused.connect(lambda reason: self.statusBar().showMessage(reason, 12000))
        session.undo_stack.cleanChanged.connect(lambda _c: self._update_title())
        self._update_title()
        if session.ws.reading_only:  # said for as long as the window is open
            from okrdesk.services.workspace import READ_ONLY_NOTICE

            note = QLabel("Read-only: changes cannot be saved here")
            note.setObjectName("readOnlyNote")
            note.setToolTip(READ_ONLY_NOTICE)
            self.statusBar().addPermanentWidget(note)
        self.show_team(self.navigator.cycle_id(), self.navigator.team_id())
        if not taking_over:  # a first look has laid the docks out already
            self._lay_out_docks()

    def _lay_out_docks(self) -> None:
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        if self.isVisible():  # filling a frame already on screen
            QTimer.singleShot(0, self._size_docks)  # once the docks are laid out

    # -- construction --------------------------------------------------------------------------

    def _build_frame(
        self, okrs: QWidget, navigator: QWidget, details: QWidget, coach: QWidget
    ) -> None:
        """The tabs with the OKR page and the three docks around them, holding these widgets.
        Called again by `attach` after a first look: the same tabs and docks get the full
        widgets in place, so nothing on screen moves."""
        from PySide6.QtCore import Qt

        if self._first_look is not None:
            _picker, view = self._first_look
            self.okr_page.layout().replaceWidget(view, okrs)
            view.deleteLater()
            for dock, widget in zip(self._docks, (navigator, details, coach), strict=True):
                dock.widget().deleteLater()
                dock.setWidget(widget)
            return
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.okr_page = self._okr_page(okrs)
        self.tabs.addTab(self.okr_page, "OKRs")
        self.setCentralWidget(self.tabs)
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self._docks = (
            self._dock("Navigator", navigator, left),
            self._dock("Details", details, right),
            self._dock("Coach", coach, right),
        )
        self._docks_sized = False
        self._hidden_docks: list[QDockWidget] = []
        for title in MENU_TITLES:  # filled by _build_menus; here so nothing shifts later
            self.menuBar().addMenu(title)

    def _okr_page(self, okrs: QWidget) -> QWidget:
        page = QWidget()
        self.heading = QLabel()
        self.heading.setObjectName("teamHeading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600; padding: 6px 4px;")
        self.heading.setWordWrap(True)  # a school's long name must not widen the window
        from PySide6.QtCore import Qt

        bar = QToolBar("OKR actions")
        self.add_objective_action = self._action(
            "Add &objective", self.add_objective, "Ctrl+Shift+O"
        )
        self.add_kr_action = self._action("Add &key result", self.add_key_result_here, "Ctrl+K")
        self.add_initiative_action = self._action("Add &initiative", self.add_initiative, "Ctrl+I")
        self.delete_action = self._action(
            "&Delete", self.delete_selected, QKeySequence.StandardKey.Delete
        )
        self.up_action = self._action("Move &up", lambda: self.okr_view.move_current(-1), "Alt+Up")
        self.move_to_action = self._action("Move &to…", self.move_selected_to, "Ctrl+M")
        self.down_action = self._action(
            "Move do&wn", lambda: self.okr_view.move_current(1), "Alt+Down"
        )
        self.okr_actions = (
            self.add_objective_action,
            self.add_kr_action,
            self.add_initiative_action,
            self.delete_action,
            self.up_action,
            self.down_action,
            self.move_to_action,
        )
        for action in self.okr_actions:
            bar.addAction(action)
            # Delete, Alt+Up/Down, ... act on the OKR list only, not inside other tabs.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            page.addAction(action)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(bar)
        layout.addWidget(okrs, 1)
        return page

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{title}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        if self.isVisible():  # the frame is on screen: show it now, not on the next turn
            dock.show()
        return dock

    def _action(self, text: str, slot: Callable[[], object], shortcut: object = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))  # type: ignore[arg-type]
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        self.menuBar().clear()  # the titles a first look showed
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self._action("&New workspace…", self.new_workspace, "Ctrl+N"))
        self.new_cycle_action = self._action("New c&ycle…", self.navigator.new_cycle)
        file_menu.addAction(self.new_cycle_action)
        file_menu.addAction(self._action("&Open…", self.open_workspace, "Ctrl+O"))
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self._action("Save a &copy as…", self.save_copy, "Ctrl+Shift+S"))
        file_menu.addAction(self._action("&Export as PDF…", self.export_pdf, "Ctrl+E"))
        file_menu.addAction(
            self._action("&Import Excel workbook…", lambda: workbooks.import_workbook(self))
        )
        file_menu.addAction(
            self._action("Export as Excel &workbook…", lambda: workbooks.export_workbook(self))
        )
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Close", self.close, "Ctrl+W"))

        edit = self.menuBar().addMenu("&Edit")
        undo_keys.install()  # Ctrl+Z in a field with nothing of its own to undo: this Undo
        self.undo_action = self.session.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.session.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        for action in self.okr_actions:
            edit.addAction(action)

        self.view_menu = self.menuBar().addMenu("&View")
        self.view_menu.addAction(
            self._action("&OKRs", lambda: self.tabs.setCurrentIndex(0), "Ctrl+1")
        )

        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self._action("&Keyboard shortcuts", self.show_shortcuts, "F1"))
        help_menu.addAction(self._action("&About OKR Desk", self.show_about))

    def add_page(self, widget: QWidget, title: str, shortcut: str) -> None:
        """Mount another view (alignment, planning session) as a tab with a View menu entry."""
        index = self.tabs.addTab(widget, title)
        self.view_menu.addAction(
            self._action(title, lambda: self.tabs.setCurrentIndex(index), shortcut)
        )

    # -- what is shown -------------------------------------------------------------------------

    def _tab_changed(self, index: int) -> None:
        """Planning and workshop are modes of their own: side panels step aside for them
        (the workshop keeps the navigator, which picks the team decisions go to)."""
        page = self.tabs.widget(index)
        # Only the tab on show sets the window's minimum size: a wide hidden tab (the
        # workshop) would otherwise push the window past a laptop's screen.
        for other in map(self.tabs.widget, range(self.tabs.count())):
            policy = QSizePolicy.Policy.Preferred if other is page else QSizePolicy.Policy.Ignored
            other.setSizePolicy(policy, policy)
        # Let the new minimum take effect before docks come back, so they shrink the tab
        # rather than widen the window.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        aside: list[QDockWidget] = []
        if page is self.planning_page:
            aside = list(self._docks)
        elif page in (self.workshop_page, self.review_page, self.checkins_page):
            aside = list(self._docks[1:])
        for dock in self._hidden_docks:
            if dock not in aside:
                dock.show()
        self._hidden_docks = [d for d in self._hidden_docks if d in aside]
        for dock in aside:
            if dock.isVisible():
                dock.hide()
                self._hidden_docks.append(dock)

    def _follow_and_reveal(self, page: ShowsObjectives) -> None:
        """Alignment and review: follow the navigator; double-clicking an objective
        shows it in the OKR view."""
        self._follow_navigator(page)
        page.objective_activated.connect(self.reveal_objective)

    def _plan_in_new_cycle(self, cycle_id: str) -> None:
        """A cycle made by New cycle… is where the planning session goes on (same team)."""
        if self.planning_page.content is not None:
            self.planning_page.content.set_context(cycle_id, None)

    def _follow_navigator(self, page: TabPage) -> None:
        """A page built late starts on the navigator's team and cycle, then follows it."""
        page.set_context(self.navigator.cycle_id() or None, self.navigator.team_id() or None)
        self.navigator.selection_changed.connect(page.set_context)

    def warm_up(self, idle_ms: int = WARM_UP_IDLE_MS) -> None:
        """Build the tabs not shown yet, one at a time while the person reads, so that
        opening one later is immediate. At 1,000 teams the Alignment and Review tabs
        take about a third of a second to build; a built tab that is hidden does not
        refresh until it is shown again (ui.refresh), so this costs nothing later."""
        self._warm_timer = QTimer(self, singleShot=True, interval=idle_ms)
        self._warm_timer.timeout.connect(self._warm_next)
        self._warm_timer.start()

    def _warm_next(self) -> None:
        from PySide6.QtCore import Qt

        if self.session is None or not self.isVisible():
            return  # closed meanwhile
        busy = QApplication.mouseButtons() != Qt.MouseButton.NoButton
        if busy or QApplication.activeModalWidget() or QApplication.activePopupWidget():
            self._warm_timer.start()  # not while the person is clicking or answering
            return
        cold = [page for page in self._lazy_pages() if page.content is None]
        if cold:
            cold[0].build()
        if len(cold) > 1:
            self._warm_timer.start()

    def _lazy_pages(self) -> list[LazyPage]:
        return [p for p in map(self.tabs.widget, range(self.tabs.count())) if hasattr(p, "build")]

    @property
    def planning(self) -> GuidedSessionWidget:
        """The planning session (built now if it was not shown yet)."""
        from ui.guided.widget import GuidedSessionWidget

        page = self.planning_page.build()
        assert isinstance(page, GuidedSessionWidget)
        return page

    @property
    def alignment(self) -> AlignmentView:
        """The alignment map (built now if it was not shown yet)."""
        from ui.alignment_view import AlignmentView

        page = self.alignment_page.build()
        assert isinstance(page, AlignmentView)
        return page

    def show_view(self, name: str) -> None:
        """Open on a tab by name: "okrs", "alignment" or "planning"."""
        pages = {
            "okrs": 0,
            "alignment": self.tabs.indexOf(self.alignment_page),
            "planning": self.tabs.indexOf(self.planning_page),
            "workshop": self.tabs.indexOf(self.workshop_page),
            "review": self.tabs.indexOf(self.review_page),
            "checkins": self.tabs.indexOf(self.checkins_page),
        }
        self.tabs.setCurrentIndex(pages[name])

    def show_team(self, cycle_id: str, team_id: str) -> None:
        # The OKR view selects the team's first objective (into the editor) when it shows
        # the team: at once on the OKRs tab, else when that tab is next shown.
        self.editor.clear()
        self.okr_view.show_team(cycle_id, team_id)
        self.coach.show_team(cycle_id, team_id)
        self._show_heading(cycle_id, team_id)
        self.add_objective_action.setEnabled(bool(cycle_id and team_id))

    def show_team_named(self, name: str) -> bool:
        """Show the team of this name (any case) or id; False when there is none."""
        from okrdesk.services.view_data import is_named

        for node in self.navigator.nodes:
            if is_named(node, name):
                self.navigator.select(team_id=node.id)
                return True
        return False

    def _show_heading(self, cycle_id: str | None, team_id: str | None) -> None:
        """The heading of a team in a cycle, read afresh."""
        from okrdesk.services import entities

        try:
            c = entities.get(self.session.ws, "cycle", cycle_id) if cycle_id else None
            team = entities.get(self.session.ws, "team", team_id) if team_id else None
        except OkrDeskError:
            c = team = None
        if c is None or team is None:
            self.heading.setText("No cycle or team yet — start the planning session")
            return
        self.heading.setText(
            heading_text(team["name"], c["name"], c["start_date"], c["end_date"], c["state"])
        )

    def reveal_objective(self, objective_id: str) -> None:
        """Show an objective in the OKR view: its cycle and team, selected."""
        from okrdesk.services import entities

        try:
            objective = entities.get(self.session.ws, "objective", objective_id)
        except OkrDeskError:
            return
        self.navigator.select(objective["cycle_id"], objective["team_id"])
        self.tabs.setCurrentIndex(0)
        self.okr_view.select("objective", objective_id)

    def _after_change(self, changes: Changes) -> None:
        if not changes.local:
            self.statusBar().showMessage("Updated with changes made elsewhere", 5000)
        if changes.touches(("workspace",)):
            self._update_title()
        if changes.touches(("cycle", "team")):  # a cycle's state or dates, a team's name
            self._show_heading(self.navigator.cycle_id(), self.navigator.team_id())
        if self.editor.current:  # an editor shows more than its item (links, themes, ...)
            self.editor.show_item(*self.editor.current)

    def _update_title(self) -> None:
        try:
            name = self.session.ws.info().name
        except OkrDeskError:
            name = "Workspace"
        read_only = " (read-only)" if self.session.ws.reading_only else ""
        self.setWindowTitle(f"{name} — {self.session.ws.path.name}{read_only} — OKR Desk")

    # -- editing -------------------------------------------------------------------------------

    def _try(self, action: Callable[[], T]) -> Outcome[T]:
        """Run an edit; a refusal is said in the status bar (and nothing else is claimed)."""
        from ui.session import attempt

        outcome = attempt(action)
        if not outcome.done:
            self.statusBar().showMessage(f"Not done: {outcome.reason}", 10000)
        return outcome

    def add_objective(self) -> None:
        cycle_id, team_id = self.navigator.cycle_id(), self.navigator.team_id()
        if not (cycle_id and team_id):
            return
        made = self._try(
            lambda: self.session.create(
                "objective", cycle_id=cycle_id, team_id=team_id, title="New objective"
            )
        )
        if made.done:
            self._select_and_edit("objective", str(made.value))

    def add_key_result_here(self) -> None:
        current = self.okr_view.current_item()
        objective = self.okr_view.objective_of(*current) if current else None
        if objective:
            self.add_key_result(objective)

    def add_key_result(self, objective_id: str) -> None:
        made = self._try(
            lambda: self.session.create(
                "key_result", objective_id=objective_id, title="New key result"
            )
        )
        if made.done:
            self._select_and_edit("key_result", str(made.value))

    def add_initiative(self) -> None:
        current = self.okr_view.current_item()
        objective = self.okr_view.objective_of(*current) if current else None
        if not objective:
            return
        from okrdesk.services import entities

        # Added under the selected key result: it moves that one (one undo step).
        links = [current[1]] if current and current[0] == "key_result" else []

        def add(ws: Workspace) -> str:
            new_id = entities.create(
                ws, "initiative", objective_id=objective, title="New initiative"
            )
            if links:
                entities.link_key_results(ws, new_id, links)
            return new_id

        made = self._try(lambda: self.session.run("Add initiative", add))
        if made.done:
            self._select_and_edit("initiative", str(made.value))

    def delete_selected(self) -> None:
        current = self.okr_view.current_item()
        if current and self._try(lambda: self.session.delete(*current)).done:
            self.statusBar().showMessage("Deleted — Ctrl+Z brings it back", 6000)

    def move_selected_to(self) -> None:
        """Move an objective to another team, or a key result/initiative to another objective."""
        current = self.okr_view.current_item()
        if not current:
            return
        from okrdesk.services import entities
        from okrdesk.services.views import team_nodes

        kind, item_id = current
        ws = self.session.ws
        if kind == "objective":
            here = self.navigator.team_id()
            options = [(t.id, "   " * t.depth + t.name) for t in team_nodes(ws) if t.id != here]
            label = "Move the objective to team:"
        else:
            mine = self.okr_view.objective_of(kind, item_id)
            options = [
                (o["id"], o["title"])
                for o in entities.list_items(ws, "objective", cycle_id=self.navigator.cycle_id())
                if o["id"] != mine
            ]
            label = f"Move the {kind.replace('_', ' ')} to objective:"
        if not options:
            return
        target = dialogs.choose_one(self, "Move to", label, options)
        if target and self._try(lambda: self.session.move(kind, item_id, target)).done:
            self.statusBar().showMessage("Moved — Ctrl+Z moves it back", 6000)

    def _select_and_edit(self, kind: str, item_id: str) -> None:
        self.okr_view.select(kind, item_id)
        editor = self.editor.editors[kind]
        self.editor.show_item(kind, item_id)
        title = editor.fields["title"]
        title.setFocus()
        title.selectAll()  # type: ignore[attr-defined]

    # -- files ---------------------------------------------------------------------------------

    def start_folder(self) -> Path:
        """Where file dialogs open: beside the workspace on screen, or the home folder for
        the demo (kept in the app's own data folder) and before any file is open."""
        if self.session is None:
            return Path.home()
        folder = self.session.ws.path.resolve().parent
        app_data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        return Path.home() if folder == Path(app_data).resolve() else folder

    def new_workspace(self) -> None:
        suggestion = self.start_folder() / "organisation.okrdesk"
        path = dialogs.choose_save_path(self, "New workspace", str(suggestion))
        if path and self.opener:
            self.opener(path, self)  # the opener creates it when it does not exist

    def open_workspace(self) -> None:
        path = dialogs.choose_open_path(self, str(self.start_folder()))
        if path and self.opener:
            self.opener(path, self)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in recent_files(self.settings):
            self.recent_menu.addAction(
                self._action(path, lambda p=path: self.opener and self.opener(p, self))
            )
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("(none yet)").setEnabled(False)

    def save_copy(self) -> None:
        path = dialogs.choose_save_path(
            self, "Save a copy as", str(self.session.ws.path.with_name("copy.okrdesk"))
        )
        if not path:
            return
        try:
            self.session.ws.save_copy(path)
        except OkrDeskError as exc:
            dialogs.tell_error(self, "Copy not saved", str(exc))
            return
        self.statusBar().showMessage(f"Copy saved to {path}", 8000)

    def export_pdf(self) -> None:
        # ReportLab loads only when someone exports: it would add ~0.2 s to every start.
        from ui.export import run_export

        if self.navigator.cycle_id():
            run_export(self, self.session, self.navigator.cycle_id(), self.navigator.team_id())

    def show_shortcuts(self) -> None:
        rows = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in SHORTCUTS)
        QMessageBox.information(self, "Keyboard shortcuts", f"<table>{rows}</table>")

    def show_about(self) -> None:
        from okrdesk import __version__

        QMessageBox.about(
            self,
            "About OKR Desk",
            f"OKR Desk {__version__}<br>Plan, track and print OKRs, offline.",
        )

    # -- layout --------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.session is not None:
            self._size_docks()

    def _size_docks(self) -> None:
        from PySide6.QtCore import Qt

        if not self._docks_sized and self.settings.value("window/state") is None:
            # Sizes only take once the window exists; a remembered layout wins.
            nav, details, coach = self._docks
            self.resizeDocks([nav, details], [230, 360], Qt.Orientation.Horizontal)
            self.resizeDocks([details, coach], [470, 250], Qt.Orientation.Vertical)
        self._docks_sized = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._warm_timer is not None:
            self._warm_timer.stop()
        if self.session is None:  # closed while still opening
            self.closed.emit()
            super().closeEvent(event)
            return
        for page in self._lazy_pages():
            if page.content is not None:  # what is still being typed, the workshop clock
                page.content.commit_pending()
        focused = self.focusWidget()
        if focused is not None:
            focused.clearFocus()  # leaving a detail field saves it
        for dock in self._hidden_docks:  # remember the layout as the OKRs tab shows it
            dock.show()
        if self.remember_layout:
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.settings.setValue("window/state", self.saveState())
        self.session.close()
        self.closed.emit()
        super().closeEvent(event)


# The tabs behind LazyPage: each module is imported when its tab is first shown (together
# they take ~0.4 s to import, most of it the workshop's presentation and the charts).


def _alignment(session: WorkspaceSession) -> ShowsObjectives:
    from ui.alignment_view import AlignmentView

    return AlignmentView(session)


def _planning(session: WorkspaceSession) -> ChoosesContext:
    from ui.guided.widget import GuidedSessionWidget

    return GuidedSessionWidget(session)


def _workshop(session: WorkspaceSession) -> TabPage:
    from ui.facilitation import FacilitationWidget

    return FacilitationWidget(session)


def _review(session: WorkspaceSession) -> ShowsObjectives:
    from ui.review import CycleReviewWidget

    return CycleReviewWidget(session)


def _checkins(session: WorkspaceSession) -> TabPage:
    from ui.checkins import CheckInPage

    return CheckInPage(session)


MAX_RECENT = 8


def recent_files(settings: QSettings) -> list[str]:
    paths = settings.value("recent_files", [], type=list) or []
    return [p for p in paths if Path(p).exists()][:MAX_RECENT]


def remember_recent(settings: QSettings, path: Path) -> None:
    text = str(path.resolve())
    paths = [p for p in recent_files(settings) if p != text]
    settings.setValue("recent_files", [text, *paths][:MAX_RECENT])
    settings.setValue("last_workspace", text)


__all__ = ["MainWindow", "recent_files", "remember_recent"]
