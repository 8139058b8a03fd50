"""The few questions the workshop tab asks, in one place so tests can answer them.

Tests replace these functions (monkeypatch) instead of clicking modal dialogs, as with
:mod:`ui.dialogs`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget


def choose_folder(parent: QWidget | None, title: str, start: str = "") -> str:
    """A folder to write the handouts into; "" when cancelled."""
    return QFileDialog.getExistingDirectory(parent, title, start)


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    dialog = text_dialog(parent, title, label, text)
    return dialog.textValue() if dialog.exec() == QInputDialog.DialogCode.Accepted else None


def text_dialog(parent: QWidget | None, title: str, label: str, text: str) -> QInputDialog:
    """A one-line question whose box shows its suggested answer whole (Qt's default box
    cut "Café Sales workshop 2026-Q4" short)."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    box = dialog.findChild(QLineEdit)
    if box is not None:
        room = box.fontMetrics().horizontalAdvance(text + "MMMM")  # and a little to spare
        box.setMinimumWidth(min(max(room, 320), 900))
    return dialog


def choose_one(
    parent: QWidget | None, title: str, label: str, options: list[tuple[str, str]]
) -> str | None:
    """Pick one of (id, text) options; the id, or None when cancelled."""
    texts = [text for _id, text in options]
    text, ok = QInputDialog.getItem(parent, title, label, texts, 0, False)
    if not ok:
        return None
    return options[texts.index(text)][0]


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, defaultButton=QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def tell(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def tell_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)
