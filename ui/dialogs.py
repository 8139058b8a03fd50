"""The few questions the app asks, in one place so tests can answer them.

Tests replace these functions (monkeypatch) instead of clicking modal dialogs.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

FILE_FILTER = "OKR Desk workspaces (*.okrdesk);;All files (*)"


def tell_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, defaultButton=QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def choose_open_path(parent: QWidget | None, folder: str = "") -> str:
    return QFileDialog.getOpenFileName(parent, "Open workspace", folder, FILE_FILTER)[0]


def choose_save_path(parent: QWidget | None, title: str, suggestion: str = "") -> str:
    path = QFileDialog.getSaveFileName(parent, title, suggestion, FILE_FILTER)[0]
    if path and not path.endswith(".okrdesk"):
        path += ".okrdesk"
    return path


def choose_one(
    parent: QWidget | None, title: str, label: str, options: list[tuple[str, str]]
) -> str | None:
    """Pick one of (id, text) options; the id, or None when cancelled."""
    texts = [text for _id, text in options]
    text, ok = QInputDialog.getItem(parent, title, label, texts, 0, False)
    if not ok:
        return None
    return options[texts.index(text)][0]


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    answer, ok = QInputDialog.getText(parent, title, label, text=text)
    return answer if ok else None


def choose_pdf_path(parent: QWidget | None, suggestion: str) -> str:
    path = QFileDialog.getSaveFileName(parent, "Export as PDF", suggestion, "PDF (*.pdf)")[0]
    if path and not path.lower().endswith(".pdf"):
        path += ".pdf"
    return path


WORKBOOK_FILTER = "Excel workbooks (*.xlsx);;All files (*)"


def choose_workbook_to_open(parent: QWidget | None, folder: str = "") -> str:
    return QFileDialog.getOpenFileName(parent, "Import Excel workbook", folder, WORKBOOK_FILTER)[0]


def choose_workbook_to_save(parent: QWidget | None, suggestion: str) -> str:
    path = QFileDialog.getSaveFileName(
        parent, "Export as Excel workbook", suggestion, WORKBOOK_FILTER
    )[0]
    if path and not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    return path


def open_in_viewer(path: str) -> None:
    """Show a written file in the system's viewer."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(path))
