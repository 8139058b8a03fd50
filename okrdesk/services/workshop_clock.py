"""The workshop clock: a countdown per agenda step, pause and resume, a running total.

A pure state machine over an injected ``now()`` (seconds, monotonic): the app passes
``time.monotonic`` and ticks it from a timer; tests pass a fake clock they move by hand.
Time is counted per step (by step id), so going back to a step adds to its time, and
the agenda can be edited while the clock runs (:meth:`Clock.replan`).

The plan comparison ("3 min behind plan") covers the steps moved past that ran, plus
the overtime of the current step (and of any later step already visited). A step the
clock ran past without running it (less than :data:`SKIP_SECONDS` on it while a later
step has time) is *skipped*: it is neither done in no time nor counted as run, but
counted apart ("1 step skipped (10 min)"), so skipping never makes a session look ahead
of plan. Paging through the steps while the clock is paused (previewing the slides)
changes nothing of that record: only time on the clock does.

The workshop's total is one figure wherever it shows (the clock, the printed summary):
:func:`total_seconds` over the seconds per step, written by :func:`run_of_plan`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

WARN_SECONDS = 60  # the last minute of a step is shown as a warning
# A step left after less time than this was passed over (e.g. two clicks on "Next"), not run.
SKIP_SECONDS = 10

ClockState = Literal["paused", "running", "ending", "over"]


@dataclass(frozen=True)
class ClockStep:
    id: str
    planned: int  # seconds


@dataclass(frozen=True)
class Reading:
    """What the clock shows at one moment."""

    step: int
    count: int  # number of steps
    running: bool
    elapsed: float  # on the current step
    planned: int
    total_elapsed: float
    total_planned: int
    behind: float  # seconds behind the plan on the steps run so far (negative: ahead)
    skipped: tuple[int, ...] = ()  # indices of the steps before this one that were not run
    skipped_planned: int = 0  # their planned seconds, left out of ``behind``

    @property
    def remaining(self) -> float:
        """Seconds left on this step; negative in overtime."""
        return self.planned - self.elapsed

    @property
    def overtime(self) -> float:
        return max(0.0, self.elapsed - self.planned)

    @property
    def state(self) -> ClockState:
        if self.overtime > 0:
            return "over"
        if not self.running:
            return "paused"
        return "ending" if self.remaining <= WARN_SECONDS else "running"

    @property
    def countdown(self) -> str:
        """ "12:05" while time is left, "+2:10" in overtime."""
        if self.overtime > 0:
            return "+" + duration(self.overtime)
        return duration(self.remaining, round_up=True)

    @property
    def status(self) -> str:
        """The clock's state in words, so that colour is never the only cue."""
        words = []
        if self.overtime > 0:
            words.append(f"+{duration(self.overtime)} over")
        elif self.remaining <= WARN_SECONDS:
            words.append("last minute" if self.remaining > 0 else "time is up")
        if not self.running:
            words.append("paused")
        return " · ".join(words)

    @property
    def schedule(self) -> str:
        """ "Total 0:47:10 of 2:00:00 · 3 min behind plan · 1 step skipped (10 min)"."""
        text = f"Total {run_of_plan(self.total_elapsed, self.total_planned)}"
        minutes = round(abs(self.behind) / 60)
        if minutes == 0:
            text += " · on plan"
        else:
            text += f" · {minutes} min {'behind' if self.behind > 0 else 'ahead of'} plan"
        return text + (f" · {self.skipped_words}" if self.skipped else "")

    @property
    def skipped_words(self) -> str:
        """ "2 steps skipped (25 min)", or "" when none was."""
        if not self.skipped:
            return ""
        count = len(self.skipped)
        steps = "step" if count == 1 else "steps"
        return f"{count} {steps} skipped ({round(self.skipped_planned / 60)} min)"


def duration(seconds: float, *, round_up: bool = False, hours: bool = False) -> str:
    """Seconds as m:ss, or h:mm:ss from an hour on (always, with ``hours``)."""
    whole = int(-(-seconds // 1)) if round_up else int(seconds)
    whole = max(0, whole)
    hh, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hh}:{minutes:02d}:{secs:02d}" if hh or hours else f"{minutes}:{secs:02d}"


def ran(seconds: float) -> bool:
    """Whether a step with this time on it ran (rather than was passed over)."""
    return round(seconds) >= SKIP_SECONDS


def total_seconds(per_step: Iterable[float | None]) -> int:
    """The workshop's time so far: whole seconds per step, added (the clock and the
    printed summary both count with this, from the same seconds)."""
    return sum(round(seconds or 0) for seconds in per_step)


def run_of_plan(run: float, planned: float) -> str:
    """ "0:04:21 of 2:00:00": both in one format (h:mm:ss once either reaches an hour)."""
    hours = max(run, planned) >= 3600
    return f"{duration(run, hours=hours)} of {duration(planned, hours=hours)}"


class Clock:
    """Counts time on the current step while running; moves between steps."""

    def __init__(
        self,
        steps: Sequence[ClockStep],
        now: Callable[[], float] = time.monotonic,
        *,
        step: int = 0,
        spent: dict[str, float] | None = None,
    ) -> None:
        self._now = now
        self._steps: list[ClockStep] = list(steps)
        self._spent: dict[str, float] = dict(spent or {})
        self._index = self._clamp(step)  # the step shown
        # The step the clock stands on: where it last ran. Paging with the clock paused
        # moves only the step shown (a preview); starting the clock brings it there.
        self._at = self._index
        self._since: float | None = None  # when the clock was last started, while running
        self._signalled: set[str] = {
            s.id for s in self._steps if self._spent.get(s.id, 0) > s.planned
        }

    # -- state -------------------------------------------------------------------------------

    @property
    def steps(self) -> tuple[ClockStep, ...]:
        return tuple(self._steps)

    @property
    def step(self) -> int:
        return self._index

    @property
    def running(self) -> bool:
        return self._since is not None

    def elapsed(self, index: int | None = None) -> float:
        """Seconds spent on a step (the current one by default), including the running part."""
        if not self._steps:
            return 0.0
        index = self._index if index is None else index
        step = self._steps[index]
        spent = self._spent.get(step.id, 0.0)
        if index == self._index and self._since is not None:
            spent += max(0.0, self._now() - self._since)
        return spent

    def ran(self, index: int) -> bool:
        """Whether a step has run: it had :data:`SKIP_SECONDS` or more on the clock."""
        return ran(self.elapsed(index))

    def spent(self) -> dict[str, int]:
        """Whole seconds per step id, for every step the clock counted on: all of the
        workshop's time is saved (the printed total is the clock's); a step passed over
        in less than :data:`SKIP_SECONDS` still reads as not run when reopened."""
        return {
            s.id: round(self.elapsed(n))
            for n, s in enumerate(self._steps)
            if round(self.elapsed(n)) > 0
        }

    def reading(self) -> Reading:
        if not self._steps:
            return Reading(0, 0, self.running, 0.0, 0, 0.0, 0, 0.0)
        times = [self.elapsed(n) for n in range(len(self._steps))]
        current = self._steps[self._index]
        # The plan so far: the steps moved past that ran, against their minutes; this step
        # and any later one already visited only once they run over (they are not done, so
        # finishing early is not counted yet). A step moved past without running is not
        # done in no time: it is left out and counted apart.
        # Done or skipped is measured from the step the clock stands on, not the one
        # shown: paging ahead with the clock paused is a preview and changes nothing.
        behind = 0.0
        skipped: list[int] = []
        for n, step in enumerate(self._steps):
            if n >= self._at:
                behind += max(0.0, times[n] - step.planned)
            elif self.ran(n):
                behind += times[n] - step.planned
            else:
                skipped.append(n)
        return Reading(
            step=self._index,
            count=len(self._steps),
            running=self.running,
            elapsed=times[self._index],
            planned=current.planned,
            total_elapsed=total_seconds(times),
            total_planned=sum(s.planned for s in self._steps),
            behind=behind,
            skipped=tuple(skipped),
            skipped_planned=sum(self._steps[n].planned for n in skipped),
        )

    # -- control -----------------------------------------------------------------------------

    @property
    def clock_step(self) -> int:
        """The step the clock stands on (the one shown, unless paged to while paused)."""
        return self._at

    def start(self) -> None:
        """Start (or resume) counting on the current step (the one shown)."""
        if self._since is None and self._steps:
            self._at = self._index
            self._since = self._now()

    resume = start

    def pause(self) -> None:
        if self._since is not None:
            self._bank()
            self._since = None

    def toggle(self) -> bool:
        """Pause when running, else start; returns whether it runs now."""
        if self.running:
            self.pause()
        else:
            self.start()
        return self.running

    def go_to(self, index: int) -> bool:
        """Move to a step (keeps running if it was); False when already there or out of range."""
        index = self._clamp(index)
        if index == self._index or not self._steps:
            return False
        was_running = self.running
        self.pause()
        self._index = index
        if was_running:
            self.start()
        return True

    def next(self) -> bool:
        return self._index + 1 < len(self._steps) and self.go_to(self._index + 1)

    def previous(self) -> bool:
        return self._index > 0 and self.go_to(self._index - 1)

    def time_up(self) -> bool:
        """True once per step, the first time it is found over its time (for the signal)."""
        if not self._steps:
            return False
        step = self._steps[self._index]
        if step.id in self._signalled or self.elapsed() < step.planned:
            return False
        self._signalled.add(step.id)
        return True

    def replan(self, steps: Sequence[ClockStep]) -> None:
        """The agenda changed: keep the time per step, stay on the same step if it is left."""
        current = self._steps[self._index].id if self._steps else None
        at = self._steps[self._at].id if self._steps else None
        was_running = self.running
        self.pause()
        self._steps = list(steps)
        ids = [s.id for s in self._steps]
        self._index = ids.index(current) if current in ids else self._clamp(self._index)
        self._at = ids.index(at) if at in ids else self._clamp(self._at)
        self._signalled = {
            sid
            for sid in self._signalled
            if sid in ids and self._planned(sid) <= self._spent_of(sid)
        }
        if was_running:
            self.start()

    # -- helpers -----------------------------------------------------------------------------

    def _bank(self) -> None:
        if self._since is None or not self._steps:
            return
        now = self._now()
        step = self._steps[self._index]
        self._spent[step.id] = self._spent.get(step.id, 0.0) + max(0.0, now - self._since)
        self._since = now

    def _clamp(self, index: int) -> int:
        return max(0, min(index, len(self._steps) - 1)) if self._steps else 0

    def _planned(self, step_id: str) -> int:
        return next(s.planned for s in self._steps if s.id == step_id)

    def _spent_of(self, step_id: str) -> float:
        return self._spent.get(step_id, 0.0)
