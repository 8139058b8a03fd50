"""The navigator's widgets: the cycle list and the organisation's team tree, with a filter
to find a team by name among hundreds.

No data layer here: the navigator (:mod:`ui.navigator`) fills them from the workspace,
and start-up fills the very same widgets from its first look (:mod:`ui.first_look`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from okrdesk.services.view_data import TeamNode

ID_ROLE = Qt.ItemDataRole.UserRole


def folded(text: str) -> str:
    """Text as the filter compares it: any case, with or without accents ("zurich" finds
    "Zürich")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class TeamPicker(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cycle_box = QComboBox()
        self.cycle_box.setAccessibleName("Cycle")
        self.teams = QTreeWidget()
        self.teams.setHeaderLabels(["Team", "Obj."])
        self.teams.header().setStretchLastSection(False)
        self.teams.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.teams.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.teams.setAccessibleName("Teams")
        self.nodes: list[TeamNode] = []  # what the tree shows, in tree order
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

    def cycle_id(self) -> str:
        return self.cycle_box.currentData() or ""

    def team_id(self) -> str:
        item = self.teams.currentItem()
        return item.data(0, ID_ROLE) if item else ""

    def select_team(self, team_id: str) -> None:
        item = self._items_by_id.get(team_id)
        if item is not None:
            self.teams.setCurrentItem(item)

    def show_cycles(self, cycles: Sequence[tuple[str, str, str]], current: str) -> None:
        """(id, name, state) in order; `current` chosen (else the first)."""
        self.cycle_box.blockSignals(True)
        self.cycle_box.clear()
        for cycle_id, name, state in cycles:
            self.cycle_box.addItem(f"{name}  ({state})", cycle_id)
        if cycles:
            self.cycle_box.setCurrentIndex(max(0, self.cycle_box.findData(current)))
        self.cycle_box.blockSignals(False)

    def show_teams(self, teams: Sequence[TeamNode], keep_team: str) -> None:
        """The tree, all expanded, `keep_team` chosen (else the top of the tree)."""
        self.nodes = list(teams)
        self.teams.blockSignals(True)
        self.teams.clear()
        self._context_items = []
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

    def show_counts(self, counts: dict[str, int]) -> None:
        """New objective counts (team id → count); only the ones that changed are redrawn."""
        for team_id in self._counts.keys() | counts.keys():
            item = self._items_by_id.get(team_id)
            if item is not None and self._counts.get(team_id, 0) != counts.get(team_id, 0):
                item.setText(1, str(counts.get(team_id, 0)))
        self._counts = counts

    def _items(self) -> list[QTreeWidgetItem]:
        top = self.teams.topLevelItemCount()
        found, stack = [], [self.teams.topLevelItem(i) for i in range(top)]
        while stack:
            item = stack.pop()
            found.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return found

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
            self.select_team(matches[0])
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
