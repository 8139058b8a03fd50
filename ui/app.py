"""Starting the desktop app: pick the workspace, show the window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from okrdesk.demo import build_demo
from okrdesk.errors import OkrDeskError
from okrdesk.services.workspace import Workspace
from ui.main_window import MainWindow

ORGANISATION, APPLICATION = "OKR Desk", "OKR Desk"


def settings() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)


def demo_path() -> Path:
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "demo.okrdesk"


def choose_workspace(path: str | None) -> Path:
    """The file named on the command line, else the last one opened, else the demo."""
    if path:
        return Path(path)
    last = settings().value("last_workspace", "", type=str)
    if last and Path(last).exists():
        return Path(last)
    demo = demo_path()
    if not demo.exists():
        build_demo(demo)
    return demo


def run(path: str | None = None, screenshot: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    try:
        ws = Workspace.open(choose_workspace(path))
    except OkrDeskError as exc:
        print(f"okrdesk: {exc}", file=sys.stderr)
        if screenshot is None:
            QMessageBox.critical(None, "OKR Desk", f"This file cannot be opened.\n\n{exc}")
        return 2
    settings().setValue("last_workspace", str(ws.path.resolve()))
    window = MainWindow(ws)
    window.show()
    if screenshot:
        QTimer.singleShot(300, lambda: (window.grab().save(screenshot), app.quit()))
    try:
        return app.exec()
    finally:
        ws.close()
