"""The parking lot: ideas set aside, kept in the workspace beyond the session. Tick an
item when it has been dealt with."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QListWidget, QListWidgetItem, QWidget

from okrdesk.errors import OkrDeskError
from okrdesk.services import workshop
from ui.facilitation.context import WorkshopContext
from ui.facilitation.list_panel import ListPanel


class ParkingPanel(ListPanel):
    kind = "parking_lot_item"

    def __init__(self, ctx: WorkshopContext, parent: QWidget | None = None) -> None:
        view = QListWidget()
        super().__init__(
            ctx,
            view,
            entry_name="parkingEntry",
            placeholder="An idea to come back to — Enter parks it",
            add_label="Park",
            parent=parent,
        )
        self.park_button = self.add_button
        self.list = view
        self.list.setObjectName("parkingList")
        self.list.itemChanged.connect(self._ticked)
        self.all_sessions = QCheckBox("Show the parking lot of every session")
        self.all_sessions.toggled.connect(lambda _on: self.refresh())
        self.footer.insertWidget(0, self.all_sessions)
        self.footer.insertStretch(1, 1)
        self.layout().addWidget(self.message)

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

    def add_text(self, text: str) -> bool:
        text = text.strip()
        if not text:
            return False
        try:
            self.ctx.session.create("parking_lot_item", text=text, session_id=self.ctx.session_id)
        except OkrDeskError as exc:
            self.message.setText(str(exc))
            return False
        return True

    def selected_ids(self) -> list[str]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()]

    def _ticked(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        resolved = item.checkState() == Qt.CheckState.Checked
        self.ctx.session.update(
            "parking_lot_item", item.data(Qt.ItemDataRole.UserRole), resolved=resolved
        )
