"""Ctrl+Z in a text field: the field's own typing first, then the workspace's last change.

A text field claims the undo and redo keys for itself even when it has nothing to undo,
so once a field's edit was saved (and reloaded, which clears its own history) Ctrl+Z in it
did nothing although the Edit menu offered "Undo edit …". This filter lets the keys through
to the window's Undo and Redo whenever the focused field has nothing of its own to take back.
A field whose typing was just saved forgets that typing (`saved`): from then on it is the
workspace's to undo, as one step with the rest of the Edit menu's history.
Ctrl+Y redoes too, wherever the platform's own Redo key is only Ctrl+Shift+Z.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

UNDO, REDO = QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo
CTRL_Y = QKeySequence("Ctrl+Y")


def is_ctrl_y(key: QKeyEvent) -> bool:
    return key.keyCombination().toCombined() == CTRL_Y[0].toCombined()


def has_own(widget: QObject, key: QKeyEvent) -> bool | None:
    """Whether `widget` has its own undo (or redo) for this key; None: not a text field."""
    redo = key.matches(REDO) or is_ctrl_y(key)
    if not (key.matches(UNDO) or redo):
        return None
    if isinstance(widget, QLineEdit):
        return widget.isRedoAvailable() if redo else widget.isUndoAvailable()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        document = widget.document()
        return document.isRedoAvailable() if redo else document.isUndoAvailable()
    return None


def saved(widget: QObject) -> None:
    """The field's typing is stored now: forget it, so Ctrl+Z there undoes the stored edit
    (through the workspace) rather than retyping the old text into the field."""
    if isinstance(widget, QLineEdit) and (widget.isUndoAvailable() or widget.isRedoAvailable()):
        cursor, blocked = widget.cursorPosition(), widget.blockSignals(True)
        widget.setText(widget.text())  # the one way to clear a line edit's history
        widget.setCursorPosition(cursor)
        widget.blockSignals(blocked)
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        widget.document().clearUndoRedoStacks()


class UndoKeys(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent):
            return False
        own = has_own(watched, event)
        if event.type() == QEvent.Type.ShortcutOverride and own is False:
            event.ignore()  # not the field's: the window's Undo/Redo shortcut fires
            return True
        if own and is_ctrl_y(event) and not event.matches(REDO):
            # Ctrl+Y is the window's Redo here, not the field's: claim it for the field.
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                watched.redo()  # type: ignore[attr-defined]
                return True
        return False


_installed: UndoKeys | None = None


def install() -> None:
    """Route the undo keys for the whole application (once)."""
    global _installed
    app = QApplication.instance()
    if _installed is None and app is not None:
        _installed = UndoKeys(app)
        # On the widget that has the focus, not on the whole application: an application-wide
        # filter in Python sees every event of every object, those being deleted included,
        # and the test runs crashed in it now and then. The keys go to the focus widget.
        app.focusChanged.connect(_follow_focus)
        if app.focusWidget() is not None:
            app.focusWidget().installEventFilter(_installed)


def _follow_focus(_old: QWidget | None, new: QWidget | None) -> None:
    if new is not None and _installed is not None:
        new.installEventFilter(_installed)
