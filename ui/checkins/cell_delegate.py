"""The check-in grid's cell editors: a value (or done / not done), a confidence, a note.

Enter commits and moves on like Tab; any typing or choosing marks the row as typed in,
even when the result equals what was there ("still 7%").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.checkins.format import DONE, NOT_DONE
from ui.checkins.grid_rows import CONFIDENCE, LEVEL_WORDS, VALUE

if TYPE_CHECKING:
    from ui.checkins.grid import CheckInGrid


class CellDelegate(QStyledItemDelegate):
    """Editors per column; Enter commits and moves on like Tab; marks the row typed-in."""

    def __init__(self, grid: CheckInGrid) -> None:
        super().__init__(grid)
        self.grid = grid

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        row = self.grid.row_at(index.row())
        column = index.column()
        editor: QWidget
        if row is not None and column == VALUE and row.kr.kind == "milestone":
            editor = QComboBox(parent)
            editor.addItems([NOT_DONE, DONE])
        elif column == CONFIDENCE and self.grid.scale == "1-10":
            editor = QSpinBox(parent)
            editor.setRange(0, 10)
            editor.setSpecialValueText("—")
        elif column == CONFIDENCE:
            editor = QComboBox(parent)
            editor.addItems(LEVEL_WORDS)
        else:
            editor = super().createEditor(parent, option, index)
        editor.setProperty("typed", False)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        text = index.data() or ""
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findText(text)))
            editor.currentIndexChanged.connect(lambda _i: editor.setProperty("typed", True))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(text) if text.isdigit() else 0)
            editor.valueChanged.connect(lambda _v: editor.setProperty("typed", True))
        else:
            super().setEditorData(editor, index)
            if isinstance(editor, QLineEdit) and not editor.property("wired"):
                editor.setProperty("wired", True)
                editor.textEdited.connect(lambda _t: editor.setProperty("typed", True))
                if index.column() == VALUE:
                    persistent = QPersistentModelIndex(index)
                    editor.textEdited.connect(
                        lambda text: self.grid.value_typed.emit(persistent.row(), text)
                    )

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            text = editor.currentText()
        elif isinstance(editor, QSpinBox):
            text = str(editor.value()) if editor.value() else ""
        elif isinstance(editor, QLineEdit):
            text = editor.text()
        else:
            return
        self.grid.cell_committed(index.row(), index.column(), text, bool(editor.property("typed")))

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if isinstance(editor, QWidget):
                    self.commitData.emit(editor)
                    self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)
                return True
        return super().eventFilter(editor, event)


__all__ = ["CellDelegate"]
