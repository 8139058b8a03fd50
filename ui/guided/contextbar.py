"""The bar at the top of the guided session: which team, which cycle; add a team or a cycle."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from okrdesk.errors import OkrDeskError
from okrdesk.services import entities
from okrdesk.services.views import TeamNode, team_nodes
from ui.guided.context import PlanningContext
from ui.guided.fields import ErrorLabel
from ui.new_cycle_dialog import NewCycleDialog

DEPTH_ROLE = Qt.ItemDataRole.UserRole + 1
EMPTY = "— set up in step 1 —"


class _IndentDelegate(QStyledItemDelegate):
    """Indents each team under its parent in the open picker; the closed picker shows the name."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        depth = index.data(DEPTH_ROLE) or 0
        option.text = "\u2003" * (2 * depth) + option.text


def teams_in_tree_order(ctx: PlanningContext) -> list[tuple[TeamNode, int]]:
    """Every team with its depth, in tree order (plain rows: a thousand teams are read
    in a few milliseconds)."""
    return [(team, team.depth) for team in team_nodes(ctx.ws)]


class ContextBar(QWidget):
    team_chosen = Signal(str)
    cycle_chosen = Signal(str)
    team_created = Signal(str)

    def __init__(self, ctx: PlanningContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.team_box = QComboBox()
        self.team_box.setObjectName("teamPicker")
        self.team_box.setMinimumContentsLength(22)
        self.team_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.team_box.setItemDelegate(_IndentDelegate(self.team_box))
        self.team_box.activated.connect(lambda _i: self._chosen(self.team_box, self.team_chosen))
        self.new_team_button = QPushButton("＋ New team…")
        self.new_team_button.setObjectName("newTeamButton")
        self.new_team_button.clicked.connect(self.start_new_team)
        self.cycle_box = QComboBox()
        self.cycle_box.setObjectName("cyclePicker")
        self.cycle_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.cycle_box.activated.connect(lambda _i: self._chosen(self.cycle_box, self.cycle_chosen))
        self.cycle_info = QLabel()
        self.cycle_info.setStyleSheet("color: #555;")
        self.new_cycle_button = QPushButton("＋ New cycle…")
        self.new_cycle_button.setObjectName("newCycleButton")
        self.new_cycle_button.setToolTip("Plan for another period: a quarter, a year, any dates")
        self.new_cycle_button.clicked.connect(self.start_new_cycle)
        self.cycle_dialog: NewCycleDialog | None = None  # while it is open
        self._filled = False  # the pickers hold the teams and cycles

        self.new_team_row = QWidget()
        self.new_team_label = QLabel()
        self.new_team_label.setTextFormat(Qt.TextFormat.PlainText)
        self.new_team_name = QLineEdit()
        self.new_team_name.setObjectName("newTeamName")
        self.new_team_name.setPlaceholderText("Name of the new team")
        self.new_team_name.returnPressed.connect(self.add_team)
        self.add_team_button = QPushButton("Add team")
        self.add_team_button.setObjectName("addTeamButton")
        self.add_team_button.clicked.connect(self.add_team)
        cancel = QPushButton("Cancel")
        cancel.clicked.connect(self.cancel_new_team)
        self.new_team_error = ErrorLabel()
        new_row = QHBoxLayout(self.new_team_row)
        new_row.setContentsMargins(0, 0, 0, 0)
        new_row.addWidget(self.new_team_label)
        new_row.addWidget(self.new_team_name, 1)
        new_row.addWidget(self.add_team_button)
        new_row.addWidget(cancel)
        new_row.addWidget(self.new_team_error, 1)
        self.new_team_row.setVisible(False)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("Team:"))
        row.addWidget(self.team_box)
        row.addWidget(self.new_team_button)
        row.addSpacing(24)
        row.addWidget(QLabel("Cycle:"))
        row.addWidget(self.cycle_box)
        row.addWidget(self.cycle_info)
        row.addWidget(self.new_cycle_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.new_team_row)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def refresh(self, lists: bool = True) -> None:
        """Show the team and cycle of the moment; with `lists`, read the pickers' teams and
        cycles again first (a change to teams or cycles: not every edit, as the whole
        organisation is in the team picker)."""
        if lists or not self._filled:
            self._fill_lists()
        self.team_box.setCurrentIndex(self.team_box.findData(self.ctx.team_id))
        self.cycle_box.setCurrentIndex(self.cycle_box.findData(self.ctx.cycle_id))
        self.team_box.setEnabled(self.team_box.count() > 0)
        self.cycle_box.setEnabled(self.cycle_box.count() > 0)
        self.new_team_button.setEnabled(self.ctx.team_id is not None)
        self.new_cycle_button.setEnabled(self.ctx.ready)  # the first cycle: in step 1
        for box in (self.team_box, self.cycle_box):
            if box.count() == 0 or box.itemData(0) is None:
                if box.count() == 0:
                    box.addItem(EMPTY)
                box.setEnabled(False)
        cycle = self.ctx.cycle()
        self.cycle_info.setText(
            f"{cycle['start_date']:%d %b} – {cycle['end_date']:%d %b %Y}" if cycle else ""
        )

    def _fill_lists(self) -> None:
        self._filled = True
        self.team_box.clear()
        for team, depth in teams_in_tree_order(self.ctx):
            self.team_box.addItem(team.name, team.id)
            self.team_box.setItemData(self.team_box.count() - 1, depth, DEPTH_ROLE)
        self.cycle_box.clear()
        cycles = sorted(entities.list_items(self.ctx.ws, "cycle"), key=lambda c: c["start_date"])
        for cycle in cycles:
            self.cycle_box.addItem(f"{cycle['name']}  ({cycle['state']})", cycle["id"])

    def _chosen(self, box: QComboBox, signal: Signal) -> None:
        data = box.currentData()
        if data:
            signal.emit(data)

    # -- a new cycle -------------------------------------------------------------------------

    def start_new_cycle(self) -> None:
        """Ask for the period (window-modal); the session switches to the cycle once made."""
        dialog = NewCycleDialog(self.ctx.session, self.ctx.today, self.window())
        dialog.created.connect(self.cycle_chosen)
        dialog.finished.connect(lambda _result: setattr(self, "cycle_dialog", None))
        dialog.finished.connect(dialog.deleteLater)
        self.cycle_dialog = dialog
        dialog.open()

    # -- a new team ---------------------------------------------------------------------------

    def start_new_team(self) -> None:
        self.new_team_label.setText(f"New team under {self.ctx.team_name()}:")
        self.new_team_row.setVisible(True)
        self.new_team_error.clear_error()
        self.new_team_name.setFocus()

    def cancel_new_team(self) -> None:
        self.new_team_name.clear()
        self.new_team_error.clear_error()
        self.new_team_row.setVisible(False)

    def add_team(self) -> None:
        try:
            team_id = self.ctx.session.create(
                "team", name=self.new_team_name.text(), kind="team", parent_id=self.ctx.team_id
            )
        except OkrDeskError as exc:
            self.new_team_error.show_error(str(exc))
            return
        self.cancel_new_team()
        self.team_created.emit(team_id)
