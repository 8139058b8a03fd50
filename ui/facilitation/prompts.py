"""The few questions the workshop tab asks, in one place so tests can answer them.

Tests replace these functions (monkeypatch) instead of clicking modal dialogs, as with
:mod:`ui.dialogs`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget


def choose_folder(parent: QWidget | None, title: str) -> str:
    """A folder to write the handouts into; "" when cancelled."""
    return QFileDialog.getExistingDirectory(parent, title)


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    answer, ok = QInputDialog.getText(parent, title, label, text=text)
    return answer if ok else None


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
