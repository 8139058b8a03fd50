"""Small field helpers for the guided pages: a multi-line text field that says when editing
is finished, a red inline error, and a binding that saves a field through the session."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QWidget

from okrdesk.errors import OkrDeskError, ValidationError
from ui import undo_keys

ERROR_STYLE = "color: #b00020;"


class TextArea(QPlainTextEdit):
    """A few lines of text; emits ``editingFinished`` when it loses focus, like QLineEdit."""

    editingFinished = Signal()

    def __init__(self, lines: int = 3, grow: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        height = self.fontMetrics().lineSpacing() * lines + 14
        if grow:  # at least `lines` high, taller when there is room
            self.setMinimumHeight(height)
        else:
            self.setFixedHeight(height)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()


class ErrorLabel(QLabel):
    """A red message next to a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inlineError")
        self.setTextFormat(Qt.TextFormat.PlainText)  # messages quote what people typed
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setVisible(False)

    def show_error(self, message: str) -> None:
        self.setText(f"✖ {message}")
        self.setVisible(True)

    def clear_error(self) -> None:
        self.setText("")
        self.setVisible(False)


Editable = QLineEdit | TextArea


class Binding:
    """One field of one item: loads the stored text, saves what the person typed.

    ``save`` receives the typed text and raises OkrDeskError to refuse it; the typed text then
    stays in the field (never a lost edit) and the reason shows in red beside it.
    """

    def __init__(
        self,
        name: str,
        widget: Editable,
        error: ErrorLabel,
        save: Callable[[str, str], None],
        show: Callable[[Any], str] = lambda v: "" if v is None else str(v),
        route: Callable[[OkrDeskError], ErrorLabel | None] | None = None,
    ) -> None:
        self.name, self.widget, self.error, self._save, self.show = name, widget, error, save, show
        self.route = route
        self.loaded = ""
        widget.editingFinished.connect(self.commit)

    def value(self) -> str:
        return self.widget.text()

    def dirty(self) -> bool:
        return self.value() != self.loaded

    def load(self, value: Any, force: bool = False) -> None:
        """Show the stored value, unless the person has unsaved typing here (and not forced)."""
        if self.dirty() and not force:
            return
        text = self.show(value)
        self.loaded = text
        if self.widget.text() != text:
            self.widget.setText(text)
        self.error.clear_error()

    def commit(self) -> bool:
        if not self.dirty():
            return True
        try:
            self._save(self.name, self.value())
        except OkrDeskError as exc:
            label = (self.route(exc) if self.route else None) or self.error
            label.show_error(str(exc))
            return False
        self.loaded = self.value()
        self.error.clear_error()
        undo_keys.saved(self.widget)  # Ctrl+Z here now takes back the saved edit
        return True


def error_field(exc: OkrDeskError) -> str | None:
    return exc.field if isinstance(exc, ValidationError) else None
