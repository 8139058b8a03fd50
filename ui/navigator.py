"""The left navigator: which cycle, and which team of the organisation tree (with a
filter: an organisation of a thousand teams is found by typing, not by scrolling)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from okrdesk.errors import OkrDeskError
from okrdesk.services import entities
from okrdesk.services.changes import Changes
from okrdesk.services.views import current_cycle_id, objective_counts, team_nodes
from ui import dialogs
from ui.refresh import Refresher
from ui.session import WorkspaceSession

ID_ROLE = Qt.ItemDataRole.UserRole


def folded(text: str) -> str:
    """Text as the filter compares it: any case, with or without accents ("zurich" finds
    "Zürich")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class Navigator(QWidget):
    """Emits `selection_changed(cycle_id, team_id)` when the person picks a cycle or team."""

    selection_changed = Signal(str, str)
    cycle_created = Signal(str)  # after New cycle…: the new cycle's id (it is selected)

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.cycle_dialog: QDialog | None = None  # New cycle…, while it is open
        self._announced: tuple[str, str] | None = None
        self.cycle_box = QComboBox()
        self.cycle_box.setAccessibleName("Cycle")
        self.teams = QTreeWidget()
        self.teams.setHeaderLabels(["Team", "Obj."])
        self.teams.header().setStretchLastSection(False)
        self.teams.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.teams.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.teams.setAccessibleName("Teams")
        self._items_by_id: dict[str, QTreeWidgetItem] = {}
        self._folded_names: dict[str, str] = {}
        self._counts: dict[str, int] = {}  # the objective counts shown, by team id
        self._context_items: list[QTreeWidgetItem] = []  # greyed: shown for a sub-team
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText("Filter teams (Ctrl+F)")
        self.filter_box.setAccessibleName("Filter teams")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self._apply_filter)
        self.filter_box.installEventFilter(self)
        self.no_match = QLabel()
        self.no_match.setWordWrap(True)
        self.no_match.setStyleSheet("color: palette(mid);")
        self.no_match.setVisible(False)
        find = QAction("Filter teams", self)
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(self.focus_filter)
        self.addAction(find)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        label = QLabel("&Cycle")
        label.setBuddy(self.cycle_box)
        layout.addWidget(label)
        layout.addWidget(self.cycle_box)
        teams_label = QLabel("&Teams")
        teams_label.setBuddy(self.teams)
        layout.addWidget(teams_label)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.no_match)
        layout.addWidget(self.teams, 1)
        self.cycle_box.currentIndexChanged.connect(self._cycle_picked)
        self.teams.currentItemChanged.connect(lambda *_: self._emit())
        self.refresher = Refresher(self, session, ("cycle", "team", "objective"), self._on_change)
        self.teams.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for text, slot in (
            ("New team…", self.new_team),
            ("Rename team…", self.rename_team),
            ("Delete team…", self.delete_team),
            ("New cycle…", self.new_cycle),
        ):
            action = QAction(text, self.teams)
            action.triggered.connect(lambda _checked=False, run=slot: run())
            self.teams.addAction(action)
        self.reload()

    # -- state ---------------------------------------------------------------------------------

    def cycle_id(self) -> str:
        return self.cycle_box.currentData() or ""

    def team_id(self) -> str:
        item = self.teams.currentItem()
        return item.data(0, ID_ROLE) if item else ""

    def select(self, cycle_id: str | None = None, team_id: str | None = None) -> None:
        if cycle_id:
            index = self.cycle_box.findData(cycle_id)
            if index < 0:  # made a moment ago, before the change reached this list
                self.reload()
                index = self.cycle_box.findData(cycle_id)
            if index >= 0:
                self.cycle_box.setCurrentIndex(index)
        if team_id:
            item = self._items_by_id.get(team_id)
            if item is not None:
                self.teams.setCurrentItem(item)

    # -- managing teams and cycles (each one undoable step) ---------------------------------

    def _report(self, action: Callable[[], object]) -> object | None:
        try:
            return action()
        except OkrDeskError as exc:
            dialogs.tell_error(self, "Not done", str(exc))
            return None

    def new_team(self) -> None:
        name = dialogs.ask_text(self, "New team", "Name of the new team (under the selected one):")
        if name and name.strip():
            parent = self.team_id() or None
            kind = "team" if parent else "company"
            new_id = self._report(
                lambda: self.session.create("team", name=name, parent_id=parent, kind=kind)
            )
            if new_id:
                self.select(team_id=str(new_id))

    def rename_team(self) -> None:
        item = self.teams.currentItem()
        if item is None:
            return
        name = dialogs.ask_text(self, "Rename team", "New name:", item.text(0))
        if name and name.strip():
            self._report(lambda: self.session.update("team", self.team_id(), name=name))

    def delete_team(self) -> None:
        item = self.teams.currentItem()
        if item is None:
            return
        question = (
            f"Delete the team “{item.text(0)}” with its sub-teams and all their "
            "objectives in every cycle? Edit → Undo brings everything back."
        )
        if dialogs.confirm(self, "Delete team", question):
            self._report(lambda: self.session.delete("team", self.team_id()))

    def new_cycle(self, today: Callable[[], date] = date.today) -> None:
        """Ask which period to plan for (window-modal, the suggested one chosen); the cycle is
        created and selected when the person says "Create"."""
        from ui.new_cycle_dialog import NewCycleDialog  # built when asked, not at start-up

        dialog = NewCycleDialog(self.session, today, self.window())
        dialog.created.connect(self._cycle_made)
        dialog.finished.connect(lambda _result: setattr(self, "cycle_dialog", None))
        dialog.finished.connect(dialog.deleteLater)
        self.cycle_dialog = dialog
        dialog.open()

    def _cycle_made(self, cycle_id: str) -> None:
        self.select(cycle_id=cycle_id)
        self.cycle_created.emit(cycle_id)

    # -- building ------------------------------------------------------------------------------

    def reload(self) -> None:
        keep_cycle, keep_team = self.cycle_id(), self.team_id()
        self.cycle_box.blockSignals(True)
        self.cycle_box.clear()
        cycles = sorted(
            entities.list_items(self.session.ws, "cycle"), key=lambda c: c["start_date"]
        )
        for cycle in cycles:
            self.cycle_box.addItem(f"{cycle['name']}  ({cycle['state']})", cycle["id"])
        if cycles:
            current = keep_cycle or current_cycle_id(self.session.ws)
            self.cycle_box.setCurrentIndex(max(0, self.cycle_box.findData(current)))
        self.cycle_box.blockSignals(False)
        self._fill_teams(keep_team)
        self._emit()

    def _fill_teams(self, keep_team: str) -> None:
        self.teams.blockSignals(True)
        self.teams.clear()
        self._context_items = []
        teams = team_nodes(self.session.ws, self.cycle_id() or None)
        items: dict[str, QTreeWidgetItem] = {}
        self._items_by_id = items
        self._folded_names = {team.id: folded(team.name) for team in teams}
        self._counts = {team.id: team.objective_count for team in teams if team.objective_count}
        for team in teams:
            item = QTreeWidgetItem([team.name, str(team.objective_count)])
            item.setData(0, ID_ROLE, team.id)
            holder = items.get(team.parent_id or "")
            if holder is None:
                self.teams.addTopLevelItem(item)
            else:
                holder.addChild(item)
            items[team.id] = item
        self.teams.expandAll()
        chosen = items.get(keep_team) or (self.teams.topLevelItem(0) if teams else None)
        if chosen is not None:
            self.teams.setCurrentItem(chosen)
        self.teams.blockSignals(False)
        if self.filter_box.text():
            self._apply_filter(self.filter_box.text())

    def _items(self) -> list[QTreeWidgetItem]:
        top = self.teams.topLevelItemCount()
        found, stack = [], [self.teams.topLevelItem(i) for i in range(top)]
        while stack:
            item = stack.pop()
            found.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return found

    def _cycle_picked(self) -> None:
        self._fill_teams(self.team_id())
        self._emit()

    def _on_change(self, changes: Changes) -> None:
        if changes.touches(("cycle", "team")):
            self.reload()
        else:
            self._update_counts()  # objectives came or went: the tree itself did not change

    def _update_counts(self) -> None:
        counts = objective_counts(self.session.ws, self.cycle_id()) if self.cycle_id() else {}
        for team_id in self._counts.keys() | counts.keys():
            item = self._items_by_id.get(team_id)
            if item is not None and self._counts.get(team_id, 0) != counts.get(team_id, 0):
                item.setText(1, str(counts.get(team_id, 0)))
        self._counts = counts

    # -- the filter ----------------------------------------------------------------------------

    def focus_filter(self) -> None:
        self.filter_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_box.selectAll()

    def matching_ids(self) -> list[str]:
        """The teams whose name matches the filter, in tree order (all without a filter)."""
        wanted = folded(self.filter_box.text().strip())
        return [i for i, name in self._folded_names.items() if wanted in name]

    def _apply_filter(self, text: str) -> None:
        """Show the teams whose name holds the text, with their parents (greyed) for
        context; an empty filter shows the whole tree again. The selection stays."""
        for item in self._context_items:
            item.setData(0, Qt.ItemDataRole.ForegroundRole, None)
        self._context_items = []
        wanted = folded(text.strip())
        self.teams.setUpdatesEnabled(False)
        try:
            if not wanted:
                for item in self._items_by_id.values():
                    if item.isHidden():
                        item.setHidden(False)
                self.no_match.setVisible(False)
                return
            shown: set[str] = set()
            context: set[str] = set()
            for team_id, name in self._folded_names.items():
                if wanted in name:
                    shown.add(team_id)
            for team_id in shown:
                parent = self._items_by_id[team_id].parent()
                while parent is not None and parent.data(0, ID_ROLE) not in context:
                    context.add(parent.data(0, ID_ROLE))
                    parent = parent.parent()
            for team_id, item in self._items_by_id.items():
                hide = team_id not in shown and team_id not in context
                if item.isHidden() != hide:
                    item.setHidden(hide)
            for team_id in context - shown:
                item = self._items_by_id[team_id]
                item.setForeground(0, self.palette().placeholderText())
                self._context_items.append(item)
            self.no_match.setText(f"No team’s name holds “{text.strip()}”.")
            self.no_match.setVisible(not shown)
        finally:
            self.teams.setUpdatesEnabled(True)

    def _choose_first_match(self) -> None:
        """Enter or Down in the filter: the first matching team (unless the chosen one
        matches), and the keyboard goes on in the tree."""
        matches = self.matching_ids()
        if not matches:
            return
        if self.team_id() not in matches:
            self.select(team_id=matches[0])
        self.teams.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter_box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape and self.filter_box.text():
                self.filter_box.clear()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
                self._choose_first_match()
                return True
        return super().eventFilter(watched, event)

    def _emit(self) -> None:
        chosen = (self.cycle_id(), self.team_id())
        if chosen != self._announced:  # a reload that keeps the selection is not a change
            self._announced = chosen
            self.selection_changed.emit(*chosen)
