"""The first window shows the workspace's OKR tree, read-only."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtGui import QImage

from okrdesk.services.workspace import Workspace
from ui.main_window import MainWindow


def all_texts(window: MainWindow) -> list[str]:
    texts = []
    stack = [window.tree.topLevelItem(i) for i in range(window.tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        texts.append(item.text(0))
        stack.extend(item.child(i) for i in range(item.childCount()))
    return texts


def test_window_shows_teams_objectives_and_key_results(qtbot, demo_file: Path, tmp_path: Path):
    path = tmp_path / "demo.okrdesk"
    shutil.copy(demo_file, path)
    with Workspace.open(path) as ws:
        window = MainWindow(ws)
        qtbot.addWidget(window)
        window.show()
        assert "Kolbenwerk Espresso GmbH" in window.windowTitle()
        texts = all_texts(window)
        assert "Workshop" in texts
        assert any(t.startswith("◎ Always have a rebuilt machine") for t in texts)
        assert any("Raise rebuilt two-group machines" in t for t in texts)
        # Switching the cycle shows the closed quarter's OKRs instead.
        window.cycle_box.setCurrentIndex(window.cycle_box.findData("2026-Q3"))
        assert "2026-Q3" in window.statusBar().currentMessage()
        assert all_texts(window) != texts


def test_screenshot_option_saves_a_picture(tmp_path: Path, demo_file: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "demo.okrdesk"
    shutil.copy(demo_file, path)
    shot = tmp_path / "shot.png"
    result = subprocess.run(
        [sys.executable, "-m", "okrdesk", str(path), "--screenshot", str(shot)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert image.width() >= 800 and image.height() >= 500
