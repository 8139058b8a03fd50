"""What a person waits for in the window, timed until the window has settled.

An action counts the work it starts later too: a debounced refresh (the coach's,
the review's totals) is run at once when the action is over, so its work is part of
the figure and its deliberate wait is not.

`python -m benchmarks.actions PATH` prints the table for one workspace.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET = 0.050  # seconds: what "immediate" means for every action here
TABS = ("Alignment", "Planning session", "Workshop", "Review", "Check-ins")


def settle(app: Any, window: Any) -> None:
    """Process events, then run at once the window's pending one-shot timers (their
    work belongs to the action that started them), until nothing is left."""
    from PySide6.QtCore import QTimer

    for _ in range(20):
        app.processEvents()
        pending = [t for t in window.findChildren(QTimer) if t.isActive() and t.isSingleShot()]
        if not pending:
            return
        for timer in pending:
            timer.stop()
            timer.timeout.emit()


def timed(app: Any, window: Any, action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    settle(app, window)
    return time.perf_counter() - started


class Actions:
    """One workspace open in the real window, and the things a person does in it."""

    def __init__(self, path: Path) -> None:
        from PySide6.QtWidgets import QApplication

        from ui.app import Windows

        self.app = QApplication.instance() or QApplication([])
        started = time.perf_counter()
        self.window = Windows().open(path)
        assert self.window is not None, path
        self.window.resize(1366, 768)
        settle(self.app, self.window)
        self.opened = time.perf_counter() - started
        nodes = self.team_nodes()
        self.teams = [n.id for n in nodes if n.kind == "team"]
        self.largest = max(nodes, key=lambda n: n.objective_count).id
        self.turn = 0

    def team_nodes(self) -> list[Any]:
        from okrdesk.services.views import team_nodes

        return team_nodes(self.window.session.ws, self.window.navigator.cycle_id())

    def time(self, action: Callable[[], object]) -> float:
        return timed(self.app, self.window, action)

    def median(self, runs: int, action: Callable[[], object]) -> float:
        return statistics.median(self.time(action) for _ in range(runs))

    def next_team(self) -> None:
        """Another team each time (a team shown a moment ago may be cached)."""
        self.turn += 1
        team = self.teams[(self.turn * 37) % len(self.teams)]
        self.window.navigator.select(team_id=team)

    def show_tab(self, title: str) -> None:
        tabs = self.window.tabs
        index = next(i for i in range(tabs.count()) if tabs.tabText(i) == title)
        tabs.setCurrentIndex(index)

    def add_objective(self) -> None:
        self.window.add_objective_action.trigger()

    def undo(self) -> None:
        self.window.session.undo_stack.undo()

    def check_in(self) -> None:
        """Type a new value into the first key result of the grid and save (Ctrl+S)."""
        from ui.checkins.grid_rows import VALUE

        page = self.window.checkins_page.build()
        grid = page.grid
        index = next(i for i, row in enumerate(grid.rows) if row is not None)
        row = grid.rows[index]
        value = (row.kr.current if row.kr.current is not None else row.kr.start) or 0
        grid.cell_committed(index, VALUE, f"{value + 1:g}", True)
        page.save()

    def filter_teams(self, text: str) -> None:
        self.window.navigator.filter_box.setText(text)


def measure(path: Path, runs: int = 7) -> list[tuple[str, float]]:
    """(what, median seconds) for every action, on the workspace at `path`."""
    a = Actions(path)
    rows = [("Open the workspace and show its largest team (in process)", a.opened)]
    a.window.navigator.select(team_id=a.largest)
    settle(a.app, a.window)
    rows.append(("Switch team (OKRs tab)", a.median(runs, a.next_team)))
    a.window.navigator.select(team_id=a.largest)
    settle(a.app, a.window)
    adds, undos = [], []
    for _ in range(runs):
        adds.append(a.time(a.add_objective))
        undos.append(a.time(a.undo))
    rows.append(("Add an objective", statistics.median(adds)))
    rows.append(("Undo it", statistics.median(undos)))
    if hasattr(a.window.navigator, "filter_box"):

        def filter_once() -> float:
            a.filter_teams("")  # else the same text again changes nothing and costs nothing
            settle(a.app, a.window)
            return a.time(lambda: a.filter_teams("7"))

        filtered = statistics.median(filter_once() for _ in range(runs))
        rows.append(("Filter the teams (type a name)", filtered))
        a.filter_teams("")
        settle(a.app, a.window)
    for tab in TABS:
        a.show_tab("OKRs")
        settle(a.app, a.window)
        rows.append((f"{tab} tab: first shown", a.time(lambda tab=tab: a.show_tab(tab))))
        rows.append((f"{tab} tab: switching team while on it", a.median(runs, a.next_team)))

        def back_after_switch(tab: str = tab) -> float:
            a.show_tab("OKRs")
            a.next_team()
            settle(a.app, a.window)
            return a.time(lambda: a.show_tab(tab))

        after = statistics.median(back_after_switch() for _ in range(runs))
        rows.append((f"{tab} tab: shown again after a team switch", after))
        if tab == "Check-ins":
            rows.append(("Save a check-in (typed in the grid, saved)", a.median(runs, a.check_in)))
    a.window.session.undo_stack.clear()
    a.window.close()
    return rows


def scratch_copy(path: Path) -> Path:
    """A copy to act on (the actions save check-ins), taken consistently even from a file
    open elsewhere; settings go to a scratch folder too."""
    import sqlite3
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="okrdesk-actions-"))
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    copy = folder / path.name
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as source:
        target = sqlite3.connect(copy)
        source.backup(target)
        target.close()
    return copy


def main(argv: list[str]) -> int:
    path = scratch_copy(Path(argv[0]))
    for what, seconds in measure(path, runs=int(argv[1]) if len(argv) > 1 else 7):
        flag = "" if seconds < TARGET else "  > 50 ms"
        print(f"{seconds * 1000:9.1f} ms  {what}{flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
