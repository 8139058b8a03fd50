"""The participants: names and roles. Type or paste "Name, role" (or "Name; role") one a
line."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from okrdesk.errors import OkrDeskError
from okrdesk.services import workshop
from ui.facilitation.context import WorkshopContext
from ui.facilitation.list_panel import ListPanel


class PeoplePanel(ListPanel):
    kind = "participant"

    def __init__(self, ctx: WorkshopContext, parent: QWidget | None = None) -> None:
        view = QTableWidget(0, 2)
        super().__init__(
            ctx,
            view,
            entry_name="participantEntry",
            placeholder="Name, role (or Name; role) — Enter adds",
            add_label="Add",
            parent=parent,
        )
        self.ids: list[str] = []
        self.table = view
        self.table.setObjectName("participantTable")
        self.table.setHorizontalHeaderLabels(["Name", "Role"])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(self._edited)
        self.paste_button = QPushButton("Paste a list")
        self.paste_button.setToolTip("Add the names on the clipboard, one a line")
        self.paste_button.clicked.connect(self.paste)
        self.entry_row.addWidget(self.paste_button)
        self.footer.insertWidget(0, self.message, 1)

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

    def add_lines(self, text: str) -> bool:
        """Add "Name, role" lines as one undo step; False when refused or empty."""
        if not text.strip() or self.ctx.session_id is None:
            return False
        try:
            self.ctx.session.run("", workshop.add_participants, self.ctx.session_id, text)
        except OkrDeskError as exc:
            self.message.setText(str(exc))
            return False
        self.message.clear()
        return True

    add_text = add_lines

    def paste(self) -> bool:
        """Add the names on the clipboard; say so when there are none."""
        text = QApplication.clipboard().text()
        if not text.strip():
            self.message.setText(
                "The clipboard is empty: copy the list of names first, one a line "
                "(“Name, role” or “Name; role”)."
            )
            return False
        return self.add_lines(text)

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        return [self.ids[row] for row in rows]

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
