"""The parking lot: ideas set aside, kept in the workspace beyond the session. Tick an
item when it has been dealt with."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from okrdesk.errors import OkrDeskError
from okrdesk.services import workshop
from ui.facilitation.context import WorkshopContext


class ParkingPanel(QWidget):
    def __init__(self, ctx: WorkshopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._filling = False
        self.entry = QLineEdit()
        self.entry.setObjectName("parkingEntry")
        self.entry.setPlaceholderText("An idea to come back to — Enter parks it")
        self.entry.returnPressed.connect(self.park_typed)
        self.park_button = QPushButton("Park")
        self.park_button.clicked.connect(self.park_typed)
        self.all_sessions = QCheckBox("Show the parking lot of every session")
        self.all_sessions.toggled.connect(lambda _on: self.refresh())
        self.list = QListWidget()
        self.list.setObjectName("parkingList")
        self.list.itemChanged.connect(self._ticked)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = QLabel()
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.entry, 1)
        row.addWidget(self.park_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.all_sessions)
        bottom.addStretch(1)
        bottom.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        everything = self.all_sessions.isChecked() or self.ctx.session_id is None
        items = workshop.parking_lot(self.ctx.ws, None if everything else self.ctx.session_id)
        self._filling = True
        self.list.clear()
        for entry in items:
            text = entry.text
            if everything:
                text += f"   — {entry.session_title or 'a deleted session'}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if entry.resolved else Qt.CheckState.Unchecked)
            item.setToolTip("Ticked: dealt with")
            self.list.addItem(item)
        self._filling = False
        open_items = sum(1 for i in items if not i.resolved)
        self.message.setText(f"{open_items} open, {len(items) - open_items} dealt with")

    def park_typed(self) -> None:
        text = self.entry.text().strip()
        if not text:
            return
        try:
            self.ctx.session.create("parking_lot_item", text=text, session_id=self.ctx.session_id)
        except OkrDeskError as exc:
            self.message.setText(str(exc))
            return
        self.entry.clear()

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.ctx.session.delete("parking_lot_item", item.data(Qt.ItemDataRole.UserRole))

    def _ticked(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        resolved = item.checkState() == Qt.CheckState.Checked
        self.ctx.session.update(
            "parking_lot_item", item.data(Qt.ItemDataRole.UserRole), resolved=resolved
        )
