"""Opening a workspace in the window and only looking leaves the file as it was: every
byte and its modification time (a sync tool would upload it again; a backup copy it)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtWidgets import QApplication

from okrdesk.services.views import okr_tree
from ui.app import Windows


def _state(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), os.stat(path).st_mtime_ns


def test_opening_looking_around_and_closing_changes_no_byte(qtbot, demo_copy: Path) -> None:
    before = _state(demo_copy)
    window = Windows().open(demo_copy)
    assert window is not None
    qtbot.addWidget(window)
    for index in range(window.tabs.count()):  # every tab, as a person looks around
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
    window.session.ws.poll_changes()  # the watch for other programs' changes reads only
    window.close()

    assert _state(demo_copy) == before
    assert list(demo_copy.parent.glob(f"{demo_copy.name}-*")) == []  # no log left beside it


def test_a_refused_change_in_the_window_changes_no_byte(qtbot, demo_copy: Path) -> None:
    window = Windows().open(demo_copy)
    assert window is not None
    qtbot.addWidget(window)
    closed = okr_tree(window.session.ws, cycle="2026-Q3")  # the demo's closed quarter
    window.navigator.select(closed.cycle.id, closed.teams[0].id)
    before = _state(demo_copy)
    window.add_objective()  # refused: a closed cycle is read-only

    assert "closed" in window.statusBar().currentMessage()
    window.close()
    assert _state(demo_copy) == before
