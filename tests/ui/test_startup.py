"""Start-up: the window's frame is painted first, the workspace fills it right after."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QTimer
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


def rows_of(model: QAbstractItemModel) -> list[str]:
    """Every row's cells, parents before children, as text."""
    found, stack = [], [(model.index(r, 0), 0) for r in range(model.rowCount())]
    while stack:
        index, depth = stack.pop(0)
        cells = [index.siblingAtColumn(c).data() or "" for c in range(model.columnCount())]
        found.append("  " * depth + " | ".join(cells))
        stack.extend((model.index(r, 0, index), depth + 1) for r in range(model.rowCount(index)))
    return found


def the_window() -> MainWindow:
    """The window on screen (earlier tests' windows are closed, not yet deleted)."""
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    return next(w for w in shown if w.isVisible())


def start_and_watch(monkeypatch, path: Path, at_first_look, **options) -> MainWindow:
    """Start the app on `path`; call `at_first_look(window)` when a team's OKRs are first
    on screen (before the data layer is loaded); return the full window once it is ready."""
    import ui.app

    seen: dict[str, MainWindow] = {}

    def reached(name: str) -> None:
        window = the_window()
        if name == "workspace shown":
            at_first_look(window)
        if name == "workspace ready":
            seen["ready"] = window
            window.remember_layout = False
            QTimer.singleShot(0, window.close)

    monkeypatch.setattr(ui.app, "milestone", reached)
    assert run(str(path), **options) == 0
    return seen["ready"]


def test_the_first_look_is_the_full_window_before_it_can_be_used(
    qapp, monkeypatch, demo_copy: Path
) -> None:
    first: dict[str, object] = {}

    def look(window: MainWindow) -> None:
        _picker, view = window._first_look
        first["rows"] = rows_of(view.model())
        first["place"] = view.geometry()
        first["heading"] = window.heading.text()
        first["usable"] = [window.add_objective_action.isEnabled()] + [
            window.tabs.isTabEnabled(i) for i in range(1, window.tabs.count())
        ]
        first["session"] = window.session

    ready = start_and_watch(monkeypatch, demo_copy, look)
    assert first["session"] is None  # nothing could be changed yet
    assert first["usable"] == [False] * 6
    assert len(first["rows"]) > 5
    assert rows_of(ready.okr_view.model()) == first["rows"]  # the same rows, same order
    assert ready.okr_view.geometry() == first["place"]  # in the same place
    assert ready.heading.text() == first["heading"]
    assert ready.add_objective_action.isEnabled()
    assert all(ready.tabs.isTabEnabled(i) for i in range(ready.tabs.count()))


def test_a_team_picked_during_the_first_look_stays_picked(
    qapp, monkeypatch, demo_copy: Path
) -> None:
    picked: dict[str, str] = {}

    def pick_the_last_team(window: MainWindow) -> None:
        picker, _view = window._first_look
        last = max(picker._items(), key=lambda item: item.text(0))
        picker.teams.setCurrentItem(last)
        picked["name"] = last.text(0)

    ready = start_and_watch(monkeypatch, demo_copy, pick_the_last_team)
    assert ready.okr_view.tree.teams[0].name == picked["name"]
    assert ready.heading.text().startswith(picked["name"])


def test_team_option_opens_on_that_team(qapp, monkeypatch, demo_copy: Path) -> None:
    shown: dict[str, str] = {}

    def heading(window: MainWindow) -> None:
        shown["first"] = window.heading.text()

    ready = start_and_watch(monkeypatch, demo_copy, heading, team="café sales")
    assert ready.okr_view.tree.teams[0].name == "Café Sales"
    assert shown["first"].startswith("Café Sales ·")
