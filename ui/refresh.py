"""The one way a view follows the workspace: refresh when a change concerns it.

Every committed change, whether made in this window, another window on the same file,
the command line or a participant's phone, reaches the session's ``changed`` signal as
a :class:`~okrdesk.services.changes.Changes`. A view says which kinds of item it shows;
it refreshes when a change touches one of them and it is on screen, and catches up once
when it is shown again. Changes heard while hidden are merged into one refresh.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QWidget

from okrdesk.services.changes import Changes
from ui.session import WorkspaceSession

# Kinds of item (table names) that views show, in groups.
ORGANISATION = frozenset({"workspace", "team", "cycle", "theme"})
OKRS = ORGANISATION | {
    "objective",
    "key_result",
    "initiative",
    "initiative_key_result",
    "alignment_link",
    "check_in",  # a key result shows its latest check-in
    "key_result_grade",
    "objective_grade",
}
REVIEW = OKRS | {"retrospective", "carry_decision", "kpi", "kpi_value"}
WORKSHOP = frozenset(
    {"workshop_session", "agenda_step", "participant", "candidate", "vote", "parking_lot_item"}
)
# Retry a refresh this much later while the person is in the middle of something.
BUSY_RETRY_MS = 300


class Refresher(QObject):
    """Calls ``refresh(changes)`` for a view when a change of one of `kinds` (None: any)
    was committed: at once while the view is visible (after `delay_ms`, when given, so a
    burst refreshes once), otherwise when it is next shown. While ``busy()`` is true (say
    a cell is being edited) the refresh waits."""

    def __init__(
        self,
        view: QWidget,
        session: WorkspaceSession,
        kinds: Iterable[str] | None,
        refresh: Callable[[Changes], object],
        *,
        delay_ms: int | None = None,
        busy: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(view)
        self.view, self.kinds = view, None if kinds is None else frozenset(kinds)
        self._busy = busy if busy is not None else lambda: typing_in_cell(view)
        self._refresh, self._delay = refresh, delay_ms
        self._pending: Changes | None = None
        self._timer = QTimer(self, singleShot=True, interval=delay_ms or 0)
        self._timer.timeout.connect(self.flush)
        view.installEventFilter(self)
        session.changed.connect(self._heard)

    @property
    def pending(self) -> bool:
        """A change was heard and the view has not caught up with it yet."""
        return self._pending is not None

    def caught_up(self) -> None:
        """The view has just refreshed everything itself: nothing is pending any more."""
        self._pending = None
        self._timer.stop()

    def stale(self) -> None:
        """Refresh everything (the view's context changed): now if shown, else when shown."""
        self._heard(Changes.all())

    def renew(self) -> None:
        """The view shows something else now (another team): refresh it at once if it is on
        screen, whatever its delay (a person who picked a team waits for it), else when it
        is next shown (a hidden view costs nothing)."""
        if self.view.isVisible():
            self.caught_up()
            self._refresh(Changes.all())
        else:
            self._heard(Changes.all())

    def _heard(self, changes: Changes) -> None:
        if self.kinds is not None and not changes.touches(self.kinds):
            return
        self._pending = changes if self._pending is None else self._pending.merged(changes)
        if not self.view.isVisible():
            return
        if self._delay is None and not self._is_busy():
            self.flush()
        else:
            self._timer.start(self._delay or 0)

    def flush(self) -> None:
        """Refresh now if a change is pending and the view is shown."""
        if self._pending is None or not self.view.isVisible():
            return
        if self._is_busy():
            self._timer.start(BUSY_RETRY_MS)
            return
        self._timer.stop()
        changes, self._pending = self._pending, None
        self._refresh(changes)

    def _is_busy(self) -> bool:
        return self._busy()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Show and self._pending:
            self.flush()  # before the view is painted: it never shows what was
        return False


def typing_in_cell(view: QWidget) -> bool:
    """Whether a cell editor inside `view` holds typing not saved yet. An editor that only
    opened (Tab moves on into the next cell's editor) holds nothing to lose."""
    editing = QAbstractItemView.State.EditingState
    for items in view.findChildren(QAbstractItemView):
        if items.state() != editing:
            continue
        editors = [w for w in items.viewport().children() if isinstance(w, QWidget)]
        if any(not isinstance(e, QLineEdit) or e.isModified() for e in editors if e.isVisible()):
            return True
    return False
