"""The navigator's widgets: the cycle list and the organisation's team tree.

No data layer here: the navigator (:mod:`ui.navigator`) fills them from the workspace,
and start-up fills the very same widgets from its first look (:mod:`ui.first_look`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from okrdesk.services.view_data import TeamNode

ID_ROLE = Qt.ItemDataRole.UserRole


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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        label = QLabel("&Cycle")
        label.setBuddy(self.cycle_box)
        layout.addWidget(label)
        layout.addWidget(self.cycle_box)
        teams_label = QLabel("&Teams")
        teams_label.setBuddy(self.teams)
        layout.addWidget(teams_label)
        layout.addWidget(self.teams, 1)

    def cycle_id(self) -> str:
        return self.cycle_box.currentData() or ""

    def team_id(self) -> str:
        item = self.teams.currentItem()
        return item.data(0, ID_ROLE) if item else ""

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
        items: dict[str, QTreeWidgetItem] = {}
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

    def _items(self) -> list[QTreeWidgetItem]:
        top = self.teams.topLevelItemCount()
        found, stack = [], [self.teams.topLevelItem(i) for i in range(top)]
        while stack:
            item = stack.pop()
            found.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return found
