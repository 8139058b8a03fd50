"""The shape the parking lot and the participants share: a line to type into (Enter or the
add button adds what was typed) above a list of the items, Remove and a message below."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.facilitation.context import WorkshopContext


class ListPanel(QWidget):
    """Subclasses name the ``kind`` of item, fill the list (``refresh``), add what was
    typed (``add_text``) and say which items are selected (``selected_ids``). They arrange
    the rest around ``entry_row`` (the entry and its buttons) and ``footer`` (Remove at its
    end)."""

    kind = ""  # the entity kind Remove deletes

    def __init__(
        self,
        ctx: WorkshopContext,
        view: QAbstractItemView,
        *,
        entry_name: str,
        placeholder: str,
        add_label: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._filling = False  # True while refresh fills the view: no edits to save
        self.entry = QLineEdit()
        self.entry.setObjectName(entry_name)
        self.entry.setPlaceholderText(placeholder)
        self.entry.returnPressed.connect(self.add_typed)
        self.add_button = QPushButton(add_label)
        self.add_button.clicked.connect(self.add_typed)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.entry_row = QHBoxLayout()
        self.entry_row.addWidget(self.entry, 1)
        self.entry_row.addWidget(self.add_button)
        self.footer = QHBoxLayout()
        self.footer.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.entry_row)
        layout.addWidget(view, 1)
        layout.addLayout(self.footer)

    def refresh(self) -> None:
        raise NotImplementedError

    def add_text(self, text: str) -> bool:
        """Add what was typed; False when there was nothing to add or it was refused."""
        raise NotImplementedError

    def selected_ids(self) -> list[str]:
        raise NotImplementedError

    def add_typed(self) -> None:
        if self.add_text(self.entry.text()):
            self.entry.clear()

    def remove_selected(self) -> None:
        for item_id in self.selected_ids():
            self.ctx.session.delete(self.kind, item_id)
