"""The dialog that picks what an objective supports (used by the alignment view)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from okrdesk.errors import OkrDeskError
from okrdesk.services.alignment import AlignmentMap, CandidateParent, candidates_in
from ui.typed_numbers import shown, typed

ERROR_STYLE = "background:#fde7e9; color:#8a1020; border:1px solid #e8a3ab; padding:6px;"


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


class LinkDialog(QDialog):
    """Pick what an objective supports: suggestions from the teams above first, a filter,
    an optional weight. Errors appear inside the dialog, which then stays open."""

    def __init__(
        self,
        amap: AlignmentMap,
        objective_id: str,
        apply: Callable[[CandidateParent, float | None, str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.amap, self.objective_id, self._apply = amap, objective_id, apply
        me = amap.objective(objective_id)
        self.setWindowTitle("Link to a higher objective")
        self.resize(720, 520)
        intro = QLabel(f"<b>{escape(me.title)}</b> ({escape(me.team_name)}) supports:")
        intro.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter by title or team")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.list = QListWidget()
        self.list.setAlternatingRowColors(True)
        self.list.itemSelectionChanged.connect(self._update_ok)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.use_weight = QCheckBox("Contribution weight")
        # A typed number, saved as typed (a spin box would round 0.125 to its decimals).
        self.weight = QLineEdit(shown(1.0))
        self.weight.setMaximumWidth(90)
        self.weight.setAccessibleName("Contribution weight")
        self.weight.setEnabled(False)
        self.use_weight.toggled.connect(self.weight.setEnabled)
        weight_row = QHBoxLayout()
        weight_row.addWidget(self.use_weight)
        weight_row.addWidget(self.weight)
        weight_row.addStretch(1)
        self.error = QLabel()
        self.error.setObjectName("linkError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Link")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addLayout(weight_row)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._fill(candidates_in(amap, objective_id), me.team_name)
        self._update_ok()
        self.filter.setFocus()

    def _fill(self, candidates: tuple[CandidateParent, ...], team: str) -> None:
        self._headers: list[tuple[QListWidgetItem, bool]] = []
        for suggested, title in (
            (True, f"Suggested: the teams above {team}"),
            (False, f"Other objectives of {self.amap.cycle_name}"),
        ):
            group = [c for c in candidates if c.suggested == suggested]
            if not group:
                continue
            header = QListWidgetItem(title)
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)  # readable, not selectable
            header.setBackground(QBrush(QColor("#e4e9f0")))
            font = QFont(header.font())
            font.setBold(True)
            header.setFont(font)
            self.list.addItem(header)
            self._headers.append((header, suggested))
            for c in group:
                if c.is_key_result:
                    text = f"        KR  {c.title}"
                else:
                    text = f"◎ {c.title}  —  {c.team_name}"
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, c)
                item.setToolTip(f"{c.objective_title} ({c.team_name})")
                self.list.addItem(item)
        if not candidates:
            empty = QListWidgetItem("Nothing this objective could support in this cycle.")
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(empty)

    def candidates(self, visible_only: bool = True) -> list[QListWidgetItem]:
        items = [self.list.item(i) for i in range(self.list.count())]
        return [
            item
            for item in items
            if item.data(Qt.ItemDataRole.UserRole) is not None
            and not (visible_only and item.isHidden())
        ]

    def _apply_filter(self, text: str) -> None:
        words = text.casefold().split()
        shown = {True: False, False: False}
        for item in self.candidates(visible_only=False):
            c: CandidateParent = item.data(Qt.ItemDataRole.UserRole)
            haystack = f"{c.title} {c.objective_title} {c.team_name}".casefold()
            visible = all(word in haystack for word in words)
            item.setHidden(not visible)
            shown[c.suggested] |= visible
        for header, suggested in self._headers:
            header.setHidden(not shown[suggested])
        selected = self.list.selectedItems()
        if selected and selected[0].isHidden():
            self.list.clearSelection()
        self._update_ok()

    def choice(self) -> CandidateParent | None:
        items = self.list.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.choice() is not None)

    def accept(self) -> None:
        choice = self.choice()
        if choice is None:
            return
        try:
            weight = (
                typed("Contribution weight", self.weight.text(), "weight")
                if self.use_weight.isChecked()
                else None
            )
            reason = self._apply(choice, weight, self.objective_id)
        except OkrDeskError as exc:
            reason = str(exc)
        if reason:
            self.error.setText("✖ " + reason)
            self.error.setVisible(True)
            return
        super().accept()
