"""The participants: names and roles. Type or paste "Name, role" one a line."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from okrdesk.errors import OkrDeskError
from okrdesk.services import workshop
from ui.facilitation import undo
from ui.facilitation.context import WorkshopContext


class PeoplePanel(QWidget):
    def __init__(self, ctx: WorkshopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ids: list[str] = []
        self._filling = False
        self.entry = QLineEdit()
        self.entry.setObjectName("participantEntry")
        self.entry.setPlaceholderText("Name, role — Enter adds")
        self.entry.returnPressed.connect(self.add_typed)
        self.add_button = QPushButton("Add")
        self.add_button.clicked.connect(self.add_typed)
        self.paste_button = QPushButton("Paste a list")
        self.paste_button.setToolTip("Add the names on the clipboard, one a line")
        self.paste_button.clicked.connect(lambda: self.add_lines(QApplication.clipboard().text()))
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("participantTable")
        self.table.setHorizontalHeaderLabels(["Name", "Role"])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(self._edited)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = QLabel()
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.entry, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.paste_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def refresh(self) -> None:
        people = (
            workshop.participants(self.ctx.ws, self.ctx.session_id) if self.ctx.session_id else []
        )
        self.setEnabled(self.ctx.session_id is not None)
        self._filling = True
        self.ids = [p.id for p in people]
        self.table.setRowCount(len(people))
        for row, person in enumerate(people):
            self.table.setItem(row, 0, QTableWidgetItem(person.name))
            self.table.setItem(row, 1, QTableWidgetItem(person.role))
        self._filling = False

    def add_typed(self) -> None:
        if self.add_lines(self.entry.text()):
            self.entry.clear()

    def add_lines(self, text: str) -> bool:
        """Add "Name, role" lines as one undo step; False when refused or empty."""
        if not text.strip() or self.ctx.session_id is None:
            return False
        try:
            undo.apply(self.ctx.session, workshop.add_participants, self.ctx.session_id, text)
        except OkrDeskError as exc:
            self.message.setText(str(exc))
            return False
        self.message.clear()
        return True

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.ctx.session.delete("participant", self.ids[row])

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.row() >= len(self.ids):
            return
        field = "name" if item.column() == 0 else "role"
        try:
            self.ctx.session.update("participant", self.ids[item.row()], **{field: item.text()})
            self.message.clear()
        except OkrDeskError as exc:
            self.message.setText(str(exc))
            self.refresh()
