"""The open workspace as the UI sees it: every edit runs through :meth:`run` as one undo
step, and every committed change, wherever it came from, is the :attr:`changed` signal
that views refresh from (:mod:`ui.refresh`).

The core does the work (:mod:`okrdesk.services.operations`): a service call, recorded
row by row, undone and redone through the same rules. This module only puts those
steps on Qt's undo stack and says so when one is refused.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThread, QThreadPool, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QUndoCommand, QUndoStack

from okrdesk.errors import NotFoundError, OkrDeskError, ValidationError
from okrdesk.services import entities, operations
from okrdesk.services.changes import Changes, Edit
from okrdesk.services.workspace import Workspace

T = TypeVar("T")

# How often the file is asked whether another window or process committed something:
# often while OKR Desk is the active application, seldom while the person is elsewhere
# (coming back asks at once).
POLL_MS, POLL_INACTIVE_MS = 400, 3000
# Reads remembered between two changes (see WorkspaceSession.remembered).
REMEMBERED_READS = 16


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """Whether an action was done, its value, and the reason when it was refused."""

    done: bool
    value: T | None = None
    reason: str = ""


def attempt(action: Callable[[], T]) -> Outcome[T]:
    """Run an action; a refusal becomes an outcome to report, not an exception."""
    try:
        return Outcome(True, action())
    except OkrDeskError as exc:
        return Outcome(False, reason=str(exc))


class WorkspaceSession(QObject):
    """Every user edit goes through here: one operation, one undo step."""

    changed = Signal(object)  # okrdesk.services.changes.Changes
    refused = Signal(str)  # an undo or redo the core would not do, and why
    _relay = Signal(object)  # a change committed on a worker thread, on its way here

    def __init__(self, ws: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.undo_stack = QUndoStack(self)
        self._heard_count = 0  # changes heard so far: a remembered read is of one of them
        self._remembered: dict[Hashable, tuple[int, Any]] = {}
        self._relay.connect(self.changed, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = ws.subscribe(self._heard)
        self._background: list[_Worker] = []
        ws.poll_changes()  # from now on, what others commit is heard
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(ws.poll_changes)
        self._poll.start()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._app_state)

    def _app_state(self, state: Qt.ApplicationState) -> None:
        active = state == Qt.ApplicationState.ApplicationActive
        self._poll.setInterval(POLL_MS if active else POLL_INACTIVE_MS)
        if active and not self.ws.closed:
            self.ws.poll_changes()

    def _heard(self, changes: Changes) -> None:
        # Counted first (on whichever thread committed), so no view refreshing on this
        # change can be given a read made before it.
        self._heard_count += 1
        # Views live on the UI thread: a change committed elsewhere reaches them there.
        if QThread.currentThread() is self.thread():
            self.changed.emit(changes)
        else:
            self._relay.emit(changes)

    @property
    def changes_heard(self) -> int:
        """How many changes were heard so far: what was read at the same count is current."""
        return self._heard_count

    def remembered(self, key: Hashable, read: Callable[[], T]) -> T:
        """What `read()` returns, read once between two changes: the views that show the
        same data (the OKR list and the coach show one team's OKRs) share one read per
        change instead of each reading it again. Every change heard, from this window,
        another or another process, makes every remembered read stale."""
        heard = self._heard_count  # before reading: a change committed meanwhile wins
        found = self._remembered.get(key)
        if found is not None and found[0] == heard:
            return found[1]
        value = read()
        self._remembered = {k: v for k, v in self._remembered.items() if v[0] == heard}
        if len(self._remembered) >= REMEMBERED_READS:
            self._remembered.pop(next(iter(self._remembered)))
        self._remembered[key] = (heard, value)
        return value

    def close(self) -> None:
        self._poll.stop()
        self._unsubscribe()
        self.undo_stack.clear()
        self.ws.close()

    # -- the one road ------------------------------------------------------------------------

    def run(self, label: str, action: Callable[..., T], *args: Any, **kw: Any) -> T:
        """Run ``action(ws, *args, **kw)`` as one undo step named `label` (empty: the
        name the service gives its change). Raises OkrDeskError when refused: then
        nothing changed and nothing went on the stack."""
        done = operations.run(self.ws, label, action, *args, **kw)
        self._push(done.edit)
        return done.value

    def run_in_background(
        self,
        label: str,
        action: Callable[..., T],
        *args: Any,
        done: Callable[[T], None],
        refused: Callable[[str], None],
        **kw: Any,
    ) -> None:
        """:meth:`run` on a worker thread, for what may take a while; `done` or `refused`
        is called on the UI thread afterwards (with the value, or the reason)."""
        worker = _Worker(lambda: operations.run(self.ws, label, action, *args, **kw))
        self._background.append(worker)

        def finished(result: object) -> None:
            self._background.remove(worker)
            if isinstance(result, OkrDeskError):
                refused(str(result))
                return
            if isinstance(result, Exception):  # a defect: say so, and show the trace
                refused(f"it stopped on an unexpected error ({result!r})")
                traceback.print_exception(result)
                return
            assert isinstance(result, operations.Done)
            self._push(result.edit)
            done(result.value)

        worker.signals.finished.connect(finished)
        QThreadPool.globalInstance().start(worker)

    def _push(self, edit: Edit) -> None:
        if not edit.empty:
            self.undo_stack.push(OperationCommand(self, edit))

    # -- the usual edits, each one operation ---------------------------------------------------

    def create(self, kind: str, /, **values: Any) -> str:
        return self.run("", entities.create, kind, **values)

    def update(self, kind: str, item_id: str, /, **values: Any) -> None:
        self.run("", entities.update, kind, item_id, **values)

    def delete(self, kind: str, item_id: str, *, with_contents: bool = True) -> None:
        self.run("", entities.delete, kind, item_id, with_contents=with_contents)

    def reorder(self, kind: str, ids: list[str]) -> None:
        self.run("", entities.reorder, kind, ids)

    def move(
        self, kind: str, item_id: str, parent_id: str | None, position: int | None = None
    ) -> None:
        self.run("", entities.move, kind, item_id, parent_id, position)

    def link_key_results(self, initiative_id: str, key_result_ids: list[str]) -> None:
        self.run("", entities.link_key_results, initiative_id, key_result_ids)


class OperationCommand(QUndoCommand):
    """The one undo command: an edit that already happened. Undo and redo replay it in the
    core. When the core refuses for good (someone changed it since, the cycle was closed),
    the reason is said and the command leaves the stack. When it could not for a moment
    (the file locked by another program), the reason is said and the command stays where
    it was, to try again. Either way the stack stays true to the file."""

    def __init__(self, session: WorkspaceSession, edit: Edit) -> None:
        super().__init__(edit.label)
        self.session, self.edit = session, edit
        self._skip = True  # pushing: the operation has just run

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._replay("redo", operations.redo, back=self.session.undo_stack.undo)

    def undo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._replay("undo", operations.undo, back=self.session.undo_stack.redo)

    def _replay(
        self, verb: str, step: Callable[[Workspace, Edit], None], back: Callable[[], None]
    ) -> None:
        try:
            step(self.session.ws, self.edit)
        except OkrDeskError as exc:
            what = self.edit.label[:1].lower() + self.edit.label[1:]
            self.session.refused.emit(f"Could not {verb} {what}: {exc}")
            if isinstance(exc, ValidationError | NotFoundError):
                self.setObsolete(True)
            else:  # nothing changed: step the stack back over this command, doing nothing
                self._skip = True
                QTimer.singleShot(0, back)


class _WorkerSignals(QObject):
    finished = Signal(object)  # operations.Done, or the exception that stopped it


class _Worker(QRunnable):
    def __init__(self, job: Callable[[], object]) -> None:
        super().__init__()
        self.job, self.signals = job, _WorkerSignals()
        self.setAutoDelete(False)  # the session holds it until its result is in

    def run(self) -> None:
        try:
            result = self.job()
        except Exception as exc:  # always answer: the page waits for it
            result = exc
        self.signals.finished.emit(result)


__all__ = ["Changes", "OperationCommand", "Outcome", "WorkspaceSession", "attempt"]
