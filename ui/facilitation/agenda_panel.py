"""The agenda editor: timed steps that follow the guided session; add, remove, reorder,
change minutes and what each step shows. Double-click a step to go to it. A step the
clock moved past without running it says "skipped" where its time would be."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from okrdesk.errors import OkrDeskError
from okrdesk.services import workshop
from okrdesk.services.planning import STEPS
from okrdesk.services.workshop_clock import duration
from ui.facilitation.context import WorkshopContext

SHOWS = [("", "Agenda"), *((s.key, s.title) for s in STEPS)]
SHOW_TITLES = dict(SHOWS)
COL_MARK, COL_TITLE, COL_SHOWS, COL_MINUTES, COL_ACTUAL = range(5)
SKIPPED = "skipped"
SKIPPED_TIP = "Moved past without running it: left out of the ahead/behind figure"
MUTED = QColor("#555555")


class AgendaPanel(QWidget):
    def __init__(self, ctx: WorkshopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._filling = False
        self.ids: list[str] = []
        self.actuals: list[str] = []  # the time each step took, as saved ("" for none)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("agendaTable")
        self.table.setHorizontalHeaderLabels(["", "Step", "Shows", "Min", "Actual"])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for col in (COL_MARK, COL_SHOWS, COL_MINUTES, COL_ACTUAL):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setItemDelegateForColumn(COL_SHOWS, ShowsDelegate(self.table))
        self.table.itemChanged.connect(self._edited)
        self.table.cellDoubleClicked.connect(self._double_clicked)
        self.total = QLabel()
        self.total.setObjectName("agendaTotal")
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)

        self.default_button = QPushButton("Use the two-hour default agenda")
        self.default_button.setObjectName("defaultAgenda")
        self.default_button.clicked.connect(self.add_default)
        self.add_button = QPushButton("Add step")
        self.add_button.clicked.connect(self.add_step)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self.remove_step)
        self.up_button = QPushButton("↑")
        self.up_button.setToolTip("Move the step up")
        self.up_button.clicked.connect(lambda: self.move_step(-1))
        self.down_button = QPushButton("↓")
        self.down_button.setToolTip("Move the step down")
        self.down_button.clicked.connect(lambda: self.move_step(1))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        layout.addLayout(buttons)
        layout.addWidget(self.default_button)
        layout.addWidget(self.message)
        ctx.clock.step_changed.connect(lambda _i: self._mark_current())

    # -- showing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        steps = self.ctx.agenda()
        selected = self.selected_row()
        self._filling = True
        self.ids = [s.id for s in steps]
        self.actuals = [
            "" if s.actual_seconds is None else duration(s.actual_seconds) for s in steps
        ]
        self.table.setRowCount(len(steps))
        for row, step in enumerate(steps):
            mark = QTableWidgetItem()
            mark.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(row, COL_MARK, mark)
            self.table.setItem(row, COL_TITLE, QTableWidgetItem(step.title))
            minutes = QTableWidgetItem(str(step.planned_minutes))
            minutes.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, COL_MINUTES, minutes)
            actual = QTableWidgetItem(self.actuals[row])
            actual.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            actual.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, COL_ACTUAL, actual)
            shows = QTableWidgetItem(SHOW_TITLES.get(step.guided_step, step.guided_step))
            shows.setData(Qt.ItemDataRole.UserRole, step.guided_step)
            shows.setToolTip("What the room's screen shows in this step (double-click to change)")
            self.table.setItem(row, COL_SHOWS, shows)
        self._filling = False
        total = sum(s.planned_minutes for s in steps)
        self.total.setText(f"{len(steps)} steps · {total} min planned ({duration(total * 60)})")
        if selected is not None and selected < len(steps):
            self.table.selectRow(selected)
        self._mark_current()
        enabled = self.ctx.session_id is not None
        self.default_button.setVisible(enabled and not steps)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setEnabled(enabled)

    def _mark_current(self) -> None:
        current = self.ctx.clock.step
        skipped = set(self.ctx.clock.reading().skipped)
        self._filling = True
        for row in range(self.table.rowCount()):
            here = row == current
            mark = self.table.item(row, COL_MARK)
            if mark is not None:
                mark.setText("▶" if here else "")
            actual = self.table.item(row, COL_ACTUAL)
            if actual is not None and row < len(self.actuals):
                passed_over = row in skipped
                actual.setText(SKIPPED if passed_over else self.actuals[row])
                actual.setToolTip(SKIPPED_TIP if passed_over else "")
                actual.setForeground(QBrush(MUTED) if passed_over else QBrush())
            for col in (COL_TITLE, COL_MINUTES):
                item = self.table.item(row, col)
                if item is not None:
                    font = QFont(item.font())
                    font.setBold(here)
                    item.setFont(font)
        self._filling = False

    def _double_clicked(self, row: int, column: int) -> None:
        if column in (COL_MARK, COL_ACTUAL):
            self.ctx.clock.go_to(row)

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    # -- editing -----------------------------------------------------------------------------

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.row() >= len(self.ids):
            return
        step_id = self.ids[item.row()]
        if item.column() == COL_TITLE:
            self._update(step_id, title=item.text())
        elif item.column() == COL_SHOWS:
            self._update(step_id, guided_step=item.data(Qt.ItemDataRole.UserRole) or "")
        elif item.column() == COL_MINUTES:
            self._update(step_id, planned_minutes=item.text().strip())

    def _update(self, step_id: str, **values: object) -> None:
        self.message.clear()
        try:
            self.ctx.session.update("agenda_step", step_id, **values)
        except OkrDeskError as exc:
            self.message.setText(str(exc))
            self.refresh()

    def add_step(self) -> None:
        if self.ctx.session_id is None:
            return
        self.message.clear()
        self.ctx.session.create(
            "agenda_step", session_id=self.ctx.session_id, title="New step", planned_minutes=10
        )

    def add_default(self) -> None:
        if self.ctx.session_id is None:
            return
        try:
            self.ctx.session.run("", workshop.add_default_agenda, self.ctx.session_id)
        except OkrDeskError as exc:
            self.message.setText(str(exc))

    def remove_step(self) -> None:
        row = self.selected_row()
        if row is None or row >= len(self.ids):
            self.message.setText("Choose the step to remove first.")
            return
        self.message.clear()
        self.ctx.session.delete("agenda_step", self.ids[row])

    def move_step(self, offset: int) -> None:
        row = self.selected_row()
        if row is None or not 0 <= row + offset < len(self.ids):
            return
        ids = list(self.ids)
        ids[row], ids[row + offset] = ids[row + offset], ids[row]
        self.ctx.session.reorder("agenda_step", ids)
        self.refresh()
        self.table.selectRow(row + offset)


class ShowsDelegate(QStyledItemDelegate):
    """Chooses what a step shows from a list (the key is kept in the item's user data)."""

    def createEditor(self, parent: QWidget, _option, _index: QModelIndex) -> QWidget:
        box = QComboBox(parent)
        for value, label in SHOWS:
            box.addItem(label, value)
        # Choosing is one click: commit as soon as an entry is picked.
        box.activated.connect(lambda _i: self.commitData.emit(box))
        box.activated.connect(lambda _i: self.closeEditor.emit(box))
        return box

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.UserRole))))
        editor.showPopup()

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.blockSignals(True)  # one change, announced once (by the key below)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)
        model.blockSignals(False)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.UserRole)
