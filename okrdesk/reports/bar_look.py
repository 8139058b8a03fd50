"""What a progress bar on paper says: pace during a cycle, the grade after it.

While a cycle is planned or running, a bar's colour is the key result's status, the
same words the app shows beside it (on track, at risk, off track), and a tick marks
where it should be today. Grading colours (red, amber, green by the workspace's bands)
belong to a cycle in review or closed. A black-and-white printer keeps the status
too: at risk is striped, off track cross-hatched (their tones alone print alike).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from okrdesk.scoring import expected_pace, pace_status
from okrdesk.services.views import CycleView, KeyResultView, ObjectiveView

STATUS_COLOUR = {"on_track": "green", "at_risk": "amber", "off_track": "red"}
STATUS_PATTERN = {"at_risk": "stripes", "off_track": "crosshatch"}


@dataclass(frozen=True)
class BarLook:
    colour: str | None  # a key of styles.BAND_COLOURS
    pattern: str | None = None  # "stripes", "crosshatch" or None (solid)
    mark: float | None = None  # where the bar should be today (0…1), or None


@dataclass(frozen=True)
class Pace:
    """The cycle a sheet prints and the day it is printed: what its bars say."""

    cycle: CycleView
    today: date

    def key_result(self, kr: KeyResultView) -> BarLook:
        return key_result_look(self.cycle, self.today, kr.band, kr.confidence)

    def objective(self, o: ObjectiveView) -> BarLook:
        return objective_look(self.cycle, self.today, o.band, o.score)


def graded(cycle: CycleView) -> bool:
    return cycle.state in ("review", "closed")


def expected_today(cycle: CycleView, today: date) -> float | None:
    """How far along the cycle is on `today`, for a running cycle."""
    if cycle.state != "active":
        return None
    return expected_pace(cycle.start_date, cycle.end_date, today)


def key_result_look(
    cycle: CycleView, today: date, band: str | None, confidence: str | None
) -> BarLook:
    if graded(cycle):
        return BarLook(band)
    return _status_look(confidence, expected_today(cycle, today))


def objective_look(cycle: CycleView, today: date, band: str | None, score: float | None) -> BarLook:
    """An objective has no status of its own: during the cycle its pace decides."""
    if graded(cycle):
        return BarLook(band)
    expected = expected_today(cycle, today)
    status = pace_status(score, expected) if expected is not None else None
    return _status_look(status, expected)


def _status_look(status: str | None, expected: float | None) -> BarLook:
    return BarLook(STATUS_COLOUR.get(status or ""), STATUS_PATTERN.get(status or ""), expected)
