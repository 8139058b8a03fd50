"""The workshop clock in the app: the core :class:`Clock` ticked by a timer.

``now`` is injected: ``time.monotonic`` in the app, a fake clock in tests (which call
:meth:`ClockDriver.tick` after moving it). The time per step is saved into the agenda
whenever the clock pauses or moves on while running; paging through the steps with the
clock paused previews them and writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from okrdesk.errors import NotFoundError, OkrDeskError
from okrdesk.services import workshop
from okrdesk.services.workshop_clock import Clock, ClockStep, Reading
from okrdesk.services.workspace import Workspace

TICK_MS = 250


class ClockDriver(QObject):
    ticked = Signal(object)  # a Reading, at least every TICK_MS while running
    step_changed = Signal(int)
    time_up = Signal()  # once per step, when its time runs out
    save_failed = Signal(str)

    def __init__(self, ws: Workspace, now: Callable[[], float], parent: QObject | None = None):
        super().__init__(parent)
        self.ws = ws
        self.now = now
        self.sound = False  # a beep at time up, besides the visual signal
        self.session_id: str | None = None
        self.finished = False  # the workshop was finished: the clock is closed, not paused
        self.clock = Clock([], now)
        self.timer = QTimer(self, interval=TICK_MS)
        self.timer.timeout.connect(self.tick)

    # -- state -------------------------------------------------------------------------------

    @property
    def step(self) -> int:
        return self.clock.step

    @property
    def running(self) -> bool:
        return self.clock.running

    def reading(self) -> Reading:
        return self.clock.reading()

    # -- loading -----------------------------------------------------------------------------

    def load(self, session_id: str | None) -> None:
        """Save the clock of the session shown so far, then take up this one's as saved."""
        if self.session_id is not None:
            self.pause()
        self.session_id = session_id
        self.finished = False
        self.timer.stop()
        if session_id is None:
            self.clock = Clock([], self.now)
        else:
            try:
                info = workshop.session_info(self.ws, session_id)
                steps = workshop.agenda(self.ws, session_id)
            except NotFoundError:
                self.session_id, steps, info = None, [], None
            spent = {s.id: float(s.actual_seconds) for s in steps if s.actual_seconds}
            self.clock = Clock(
                [ClockStep(s.id, s.planned_seconds) for s in steps],
                self.now,
                step=info.current_step if info else 0,
                spent=spent,
            )
        self.step_changed.emit(self.clock.step)
        self.ticked.emit(self.clock.reading())

    def sync_agenda(self) -> None:
        """Follow edits of the agenda (steps added, removed, moved, minutes changed)."""
        if self.session_id is None:
            return
        try:
            steps = workshop.agenda(self.ws, self.session_id)
        except NotFoundError:
            self.load(None)
            return
        plan = tuple(ClockStep(s.id, s.planned_seconds) for s in steps)
        if plan == self.clock.steps:
            return
        before = self.clock.step
        self.clock.replan(plan)
        if self.clock.step != before:
            self.step_changed.emit(self.clock.step)
        self.ticked.emit(self.clock.reading())

    # -- control -----------------------------------------------------------------------------

    def start(self) -> None:
        if self.clock.steps:
            self.finished = False  # carrying on after all
            self.clock.start()
            self.timer.start()
            self.tick()

    def pause(self) -> None:
        if self.clock.running:
            self.clock.pause()
            self.timer.stop()
            self.save()
        self.ticked.emit(self.clock.reading())

    def finish(self) -> None:
        """Stop the clock for good (Start carries on after all): it reads "finished"."""
        self.pause()
        self.finished = True
        self.ticked.emit(self.clock.reading())

    def toggle(self) -> None:
        if self.clock.running:
            self.pause()
        else:
            self.start()

    def next(self) -> bool:
        return self._moved(self.clock.next())

    def previous(self) -> bool:
        return self._moved(self.clock.previous())

    def go_to(self, index: int) -> bool:
        return self._moved(self.clock.go_to(index))

    def tick(self) -> None:
        if self.clock.time_up():
            if self.sound:
                QApplication.beep()
            self.time_up.emit()
        self.ticked.emit(self.clock.reading())

    def save(self) -> None:
        """Write the time per step and the current step into the workspace."""
        if self.session_id is None or not self.clock.steps:
            return
        try:
            workshop.record_time(
                self.ws, self.session_id, self.clock.spent(), self.clock.clock_step
            )
        except NotFoundError:  # the session or a step was deleted meanwhile: nothing to keep
            return
        except OkrDeskError as exc:  # never stop the workshop over a bookkeeping write
            self.save_failed.emit(f"The clock could not be saved: {exc}")

    def _moved(self, moved: bool) -> bool:
        if moved:
            if self.clock.running:  # paging with the clock paused is a preview: no record
                self.save()
            self.step_changed.emit(self.clock.step)
            self.tick()
        return moved
