"""A field saved when the person leaves it: a refused value stays in the field, marked
with a red border, and the reason shows in red below (nothing typed is lost)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit

from okrdesk.errors import OkrDeskError
from ui.guided.fields import ErrorLabel, TextArea

Editable = QLineEdit | TextArea
BORDER = "{ border: 2px solid #b00020; }"


class SavedField:
    """Loads the stored text into `widget`; on leaving it, `save(text)` stores what was typed
    (raising OkrDeskError to refuse it)."""

    def __init__(self, widget: Editable, error: ErrorLabel, save: Callable[[str], None]) -> None:
        self.widget, self.error, self._save = widget, error, save
        self.loaded = ""
        self.refused = False
        widget.editingFinished.connect(self.commit)

    def text(self) -> str:
        return self.widget.text()

    def dirty(self) -> bool:
        return self.text() != self.loaded

    def load(self, text: str, force: bool = False) -> None:
        """Show the stored text, unless the person is typing here or it was refused."""
        if self.dirty() and not force and (self.widget.hasFocus() or self.refused):
            return
        self.loaded = text
        if self.widget.text() != text:
            self.widget.setText(text)
            if isinstance(self.widget, QLineEdit):
                self.widget.setCursorPosition(0)  # a long comment shows its beginning
        self._mark(None)

    def commit(self) -> bool:
        if not self.dirty() or self.widget.isReadOnly():
            return True
        typed = self.text()
        try:
            self._save(typed)
        except OkrDeskError as exc:
            self._mark(str(exc))
            return False
        if self.widget.text() == typed:  # else the refresh after saving already loaded it
            self.loaded = typed
        self._mark(None)
        return True

    def _mark(self, message: str | None) -> None:
        self.refused = message is not None
        kind = "QLineEdit" if isinstance(self.widget, QLineEdit) else "QPlainTextEdit"
        style = f"{kind} {BORDER}" if message else ""
        if self.widget.styleSheet() != style:  # (each new style sheet costs a restyle)
            self.widget.setStyleSheet(style)
        if message:
            self.error.show_error(message)
        else:
            self.error.clear_error()
