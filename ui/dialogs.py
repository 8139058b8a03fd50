"""The few questions the app asks, in one place so tests can answer them.

Tests replace these functions (monkeypatch) instead of clicking modal dialogs.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

FILE_FILTER = "OKR Desk workspaces (*.okrdesk);;All files (*)"


def tell_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, defaultButton=QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def choose_open_path(parent: QWidget | None) -> str:
    return QFileDialog.getOpenFileName(parent, "Open workspace", "", FILE_FILTER)[0]


def choose_save_path(parent: QWidget | None, title: str, suggestion: str = "") -> str:
    path = QFileDialog.getSaveFileName(parent, title, suggestion, FILE_FILTER)[0]
    if path and not path.endswith(".okrdesk"):
        path += ".okrdesk"
    return path
