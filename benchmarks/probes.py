"""Small programs the benchmark runs in fresh processes (start-up, memory).

Each prints numbers on its last line: seconds from process start to the first
paint of the window (and, for OKR Desk, to the first paint with the workspace
shown), or the peak resident memory in MB.
"""

from __future__ import annotations

import os
import sys
import time

STARTED = time.perf_counter()  # as close to interpreter start as Python code gets

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

from benchmarks.peak import peak_mib  # noqa: E402


class FirstPaint(QObject):
    def __init__(self, on_paint) -> None:
        super().__init__()
        self.on_paint = on_paint

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.on_paint is not None:
            callback, self.on_paint = self.on_paint, None
            QTimer.singleShot(0, callback)
        return False


def until_painted(make_window) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = make_window()
    done = FirstPaint(lambda: (print(f"{time.perf_counter() - STARTED:.4f}"), app.quit()))
    window.installEventFilter(done)
    window.show()
    app.exec()


def bare() -> None:
    until_painted(QMainWindow)


def okrdesk(path: str, *options: str) -> None:
    """`okrdesk PATH` as a person starts it, timed at the moments the app names
    (`ui.app.milestone`): its window's empty frame painted, a team's OKRs on screen,
    and the full window painted and answering. Prints the three times."""
    import ui.app
    from okrdesk.cli import main

    times: dict[str, float] = {}

    def reached(name: str) -> None:
        times[name] = time.perf_counter() - STARTED
        if name == "workspace ready":
            shown = times.get("workspace shown", times[name])
            print(f"{times['frame']:.4f} {shown:.4f} {times[name]:.4f}")
            QApplication.instance().quit()

    ui.app.milestone = reached
    main([path, *options])


def memory(path: str) -> None:
    from ui.app import Windows

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = Windows().open(path)
    # Show the largest team, the alignment map and the planning session once each.
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        app.processEvents()
    print(f"{peak_mib():.1f}")


if __name__ == "__main__":
    {"bare": bare, "okrdesk": okrdesk, "memory": memory}[sys.argv[1]](*sys.argv[2:])
