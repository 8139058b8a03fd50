"""Start-up: the window's frame is painted first, the workspace fills it right after."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ui.app import run
from ui.main_window import MainWindow


class PaintLog(QObject):
    """Records, for each paint of an OKR Desk window, whether a workspace was in it;
    closes the window (which ends `run`) once it has been painted with one."""

    def __init__(self) -> None:
        super().__init__()
        self.with_workspace: list[bool] = []

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
            window = obj.window()
            if isinstance(window, MainWindow):
                self.with_workspace.append(window.session is not None)
                if window.session is not None and window.isVisible():
                    QTimer.singleShot(0, window.close)
        return False


def test_the_frame_is_painted_before_the_workspace_fills_it(qapp, demo_copy: Path) -> None:
    log = PaintLog()
    qapp.installEventFilter(log)
    try:
        assert run(str(demo_copy)) == 0
    finally:
        qapp.removeEventFilter(log)
    assert log.with_workspace[0] is False  # the empty frame came first
    assert True in log.with_workspace  # and then the workspace, in the same window
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]


def test_the_launcher_does_not_load_the_data_layer_before_the_window() -> None:
    """What the window's frame needs must not pull in SQLAlchemy, the services, ReportLab
    or the subcommands (okrdesk.cli.*): they are what made start-up slow."""
    probe = (
        "import sys, okrdesk.cli, ui.app; "
        "print(sorted({m.split('.')[0] if m.startswith(('sqlalchemy', 'reportlab')) else m "
        "for m in sys.modules if m.startswith(('sqlalchemy', 'reportlab', 'okrdesk.cli.', "
        "'okrdesk.services.workspace', 'okrdesk.db', 'ui.session', 'ui.navigator'))}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_file_refused_at_start_up_exits_2_and_is_left_as_it_was(tmp_path: Path) -> None:
    foreign = tmp_path / "notes.okrdesk"
    foreign.write_bytes(b"This is a shopping list, not a workspace.\n" * 50)
    before = hashlib.sha256(foreign.read_bytes()).hexdigest()
    result = subprocess.run(
        [sys.executable, "-m", "okrdesk", str(foreign), "--screenshot", str(tmp_path / "x.png")],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)},
    )
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "okrdesk: " in result.stderr and "left exactly as it was" in result.stderr
    assert hashlib.sha256(foreign.read_bytes()).hexdigest() == before
    assert not (tmp_path / "x.png").exists()
