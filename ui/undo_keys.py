"""Ctrl+Z in a text field: the field's own typing first, then the workspace's last change.

A text field claims the undo and redo keys for itself even when it has nothing to undo,
so once a field's edit was saved (and reloaded, which clears its own history) Ctrl+Z in it
did nothing although the Edit menu offered "Undo edit …". This filter lets the keys through
to the window's Undo and Redo whenever the focused field has nothing of its own to take back.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

UNDO, REDO = QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo


def has_own(widget: QObject, key: QKeyEvent) -> bool | None:
    """Whether `widget` has its own undo (or redo) for this key; None: not a text field."""
    redo = key.matches(REDO)
    if not (key.matches(UNDO) or redo):
        return None
    if isinstance(widget, QLineEdit):
        return widget.isRedoAvailable() if redo else widget.isUndoAvailable()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        document = widget.document()
        return document.isRedoAvailable() if redo else document.isUndoAvailable()
    return None


class UndoKeys(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        override = event.type() == QEvent.Type.ShortcutOverride
        if override and isinstance(event, QKeyEvent) and has_own(watched, event) is False:
            event.ignore()  # not the field's: the window's Undo/Redo shortcut fires
            return True
        return False


_installed: UndoKeys | None = None


def install() -> None:
    """Route the undo keys for the whole application (once)."""
    global _installed
    app = QApplication.instance()
    if _installed is None and app is not None:
        _installed = UndoKeys(app)
        app.installEventFilter(_installed)
