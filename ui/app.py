"""Starting the desktop app: choose the workspace, open it safely, show its window.

Start-up paints the window's empty frame first and fills it in right after: the
data layer (SQLAlchemy, the services, the widgets) takes most of a second to
import, and a window that appears at once is what a person waiting sees.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QSize, QStandardPaths, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from okrdesk.errors import OkrDeskError
from ui import dialogs
from ui.main_window import MainWindow, remember_recent

ORGANISATION, APPLICATION = "OKR Desk", "OKR Desk"
ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"


def app_icon() -> QIcon:
    """OKR Desk's icon, from resources/icons (beside ui/ in a checkout and in the bundle)."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(ICONS / f"okrdesk-{size}.png"), QSize(size, size))
    return icon


def settings() -> QSettings:
    # This constructor honours QSettings.setDefaultFormat (the tests point it elsewhere);
    # QSettings(organisation, application) would always use the native store.
    return QSettings(
        QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )


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
    return demo_path()


def ensure_demo(target: Path) -> None:
    """On the very first start, write the demo workspace the app opens on."""
    if target == demo_path() and not target.exists():
        from okrdesk.demo import build_demo

        build_demo(target)


class Windows:
    """The open workspace windows of this process (one per file)."""

    def __init__(self) -> None:
        self.windows: list[MainWindow] = []

    def open(
        self, path: str | Path, parent: QWidget | None = None, frame: MainWindow | None = None
    ) -> MainWindow | None:
        """Open (or create, when missing) a workspace in a window; None when refused.

        `frame` is an empty window already on screen to fill (start-up); otherwise a
        new window is made."""
        from okrdesk.services.workspace import Workspace
        from ui.session import WorkspaceSession

        path = Path(path)
        for window in self.windows:
            if window.session.ws.path.resolve() == path.resolve():
                window.raise_()
                window.activateWindow()
                return window
        # Another OKR Desk may have the file open too: each window shows the other's
        # changes within a second (see ui.session), so there is nothing to warn about.
        parent = parent or frame
        try:
            ws = Workspace.open(path) if path.exists() else Workspace.create(path, path.stem)
        except OkrDeskError as exc:
            dialogs.tell_error(
                parent,
                "This file cannot be opened",
                f"{exc}\n\nThe file was left exactly as it was.",
            )
            return None
        window = frame or MainWindow(settings(), opener=self.open)
        window.attach(WorkspaceSession(ws))
        window.closed.connect(lambda: self._forget(window))
        remember_recent(window.settings, path)
        for notice in ws.report.notices:
            window.statusBar().showMessage(notice, 15000)
        window.show()
        self.windows.append(window)
        return window

    def _forget(self, window: MainWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)


def milestone(name: str) -> None:
    """Start-up reached a moment a person sees: "frame" (the empty window is painted),
    "workspace shown" (a team's OKRs are on screen) and "workspace ready" (the full
    window answers). The benchmark listens here; the app itself needs nothing."""


def run(
    path: str | None = None,
    screenshot: str | None = None,
    view: str = "okrs",
    size: tuple[int, int] | None = None,
    team: str | None = None,
) -> int:
    # A process of its own (not a test's, which starts it in a shared QApplication): only
    # then are its spare moments and its garbage collector the app's to arrange.
    own_process = QApplication.instance() is None
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("okrdesk")  # Wayland: the compositor shows okrdesk.desktop's icon
    if screenshot:
        # Headless: never ask, never block; a refused file is a one-line error.
        dialogs.tell_error = lambda _p, _t, text: print(f"okrdesk: {text}", file=sys.stderr)
        dialogs.confirm = lambda *_a: True
    windows = Windows()
    target = choose_workspace(path)
    frame = MainWindow(settings(), opener=windows.open)
    if size:  # before the workspace's panels are laid out, so they are laid out at it
        frame.resize(*size)
    frame.show_opening(target.name)

    def first_look() -> None:
        """Show a team's OKRs read with plain sqlite3 (milliseconds), then load the rest."""
        milestone("frame")
        from okrdesk.services.first_look import first_look

        look = first_look(target, team) if view == "okrs" else None
        if look is None:  # a new, damaged, older or odd file: the full open deals with it
            fill()
            return
        frame.show_first_look(look)
        after_first_paint(frame.centralWidget(), lambda: (milestone("workspace shown"), fill()))

    def fill() -> None:
        from PySide6.QtCore import Qt  # ~40 ms: after the first paint

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            ensure_demo(target)
            window = windows.open(target, frame=frame)
        finally:
            QApplication.restoreOverrideCursor()
        if window is None:
            frame.close()
            app.exit(2)
            return
        if team and not window.show_team_named(team):
            window.statusBar().showMessage(f"There is no team called “{team}”.", 15000)
        window.show_view(view)
        if size:
            window.resize(*size)
        content = window.centralWidget() or window
        after_first_paint(content, lambda: milestone("workspace ready"))
        if own_process and not screenshot:
            window.warm_up()  # the other tabs, built while the person reads this one
            QTimer.singleShot(0, settle_memory)
        content.update()
        if screenshot:
            window.remember_layout = False  # the size and panels as last used stay

            def capture() -> None:
                window.grab().save(screenshot)
                window.close()
                app.quit()

            # Once the full window is painted: the picture shows what a person then sees.
            after_first_paint(content, capture)

    after_first_paint(frame, first_look)
    frame.show()
    return app.exec()


def settle_memory() -> None:
    """Once the workspace is up: collect what start-up left, then leave the objects that
    stay (modules, the window, its models) out of every later collection. A full pass
    over them cost 80–110 ms in the middle of an action at 1,000 teams."""
    gc.collect()
    gc.freeze()


class _FirstPaint(QObject):
    def __init__(self, callback: Callable[[], None]) -> None:
        super().__init__()
        self.callback: Callable[[], None] | None = callback

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.callback is not None:
            callback, self.callback = self.callback, None
            QTimer.singleShot(0, callback)  # once the paint is done and on screen
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call back once `widget` has been painted for the first time."""
    watcher = _FirstPaint(callback)
    watcher.setParent(widget)
    widget.installEventFilter(watcher)
