"""Which period to plan for: the choices a new cycle offers on a given day, and the one to
suggest.

A quarter that is nearly over is a poor cycle to start planning: in December the current
quarter ends in a few weeks. From :data:`NEARLY_OVER` before its end on, the next quarter is
suggested instead (and the next year instead of this one). Pure functions of the day and of
the cycles that already exist; creating the chosen cycle is :func:`create_cycle`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from okrdesk.errors import ValidationError
from okrdesk.formatting import counted
from okrdesk.services import entities
from okrdesk.services.organisation import set_organisation_kind
from okrdesk.services.quarters import Quarter, quarter_of
from okrdesk.services.workspace import Workspace
from okrdesk.vocabulary import CycleKind

# Less time than this left in a quarter (or year): plan for the next one.
NEARLY_OVER = timedelta(weeks=6)


@dataclass(frozen=True)
class Period:
    """A period a cycle can cover: what the choice is called, the cycle's name and dates."""

    key: str  # "this_quarter", "next_quarter", "later_quarter", "year", "custom"
    label: str  # "Next quarter"
    name: str  # "2027-Q1"
    kind: CycleKind
    start: date
    end: date
    taken: bool = False  # a cycle of this name exists already

    @property
    def dates(self) -> str:
        """E.g. 01 Jan – 31 Mar 2027 (the year once when both ends share it)."""
        if self.start.year == self.end.year:
            return f"{self.start:%d %b} – {self.end:%d %b %Y}"
        return f"{self.start:%d %b %Y} – {self.end:%d %b %Y}"

    def days_left(self, today: date) -> int:
        return (self.end - today).days + 1


@dataclass(frozen=True)
class PeriodChoices:
    options: tuple[Period, ...]  # the ready-made periods, in the order to show them
    suggested: Period  # one of the options
    reason: str  # why that one, in a short sentence ("" when it is simply the current quarter)


def period_choices(today: date, existing: Iterable[str] = ()) -> PeriodChoices:
    """This quarter, the next quarter and a year, with the one to plan for suggested;
    `existing` are the names of the cycles the workspace has.

    The next quarter is suggested when the current one is nearly over; a year is the current
    one unless it is nearly over too. A period whose cycle exists already is marked taken and
    never suggested: then the first free quarter after it is, offered as "Later quarter".
    """
    taken = {name.casefold() for name in existing}
    this = quarter_of(today)
    options = [
        _quarter("this_quarter", "This quarter", this, taken),
        _quarter("next_quarter", "Next quarter", this.next(), taken),
    ]
    year_left = (date(today.year, 12, 31) - today).days + 1
    year = today.year + 1 if year_left < NEARLY_OVER.days else today.year
    options.append(
        Period(
            "year",
            "This year" if year == today.year else "Next year",
            str(year),
            "year",
            date(year, 1, 1),
            date(year, 12, 31),
            str(year) in taken,
        )
    )
    nearly_over = options[0].days_left(today) < NEARLY_OVER.days
    preferred = options[1] if nearly_over else options[0]
    reason = ""
    if nearly_over:
        reason = (
            f"{this.name} ends in {_time_left(options[0].days_left(today))}: "
            "the next quarter is suggested."
        )
    if preferred.taken:
        start = quarter_of(preferred.start)
        quarter = _first_free_quarter(start, taken)
        if quarter == this.next():
            preferred = options[1]
        else:
            later = _quarter("later_quarter", "Later quarter", quarter, taken)
            options.insert(2, later)  # beside the other quarters, before the year
            preferred = later
        reason = f"{_names(start, quarter)} exists already: {preferred.name} is suggested."
    return PeriodChoices(tuple(options), preferred, reason)


def custom_period(start: date, end: date, name: str = "") -> Period:
    """A period of one's own dates (a school year, a half year); named after its months
    unless a name is given."""
    if end <= start:
        raise ValidationError(
            f"The cycle must end after it starts ({start:%d %b %Y} → {end:%d %b %Y})", "end_date"
        )
    name = name.strip() or _name_of_range(start, end)
    return Period("custom", "Custom dates", name, "custom", start, end)


def quarter_period(quarter: Quarter) -> Period:
    """A calendar quarter as a period (e.g. 2026-Q4)."""
    return _quarter("quarter", "Quarter", quarter, set())


def create_cycle(ws: Workspace, period: Period, organisation_kind: str | None = None) -> str:
    """Create the cycle for a period, and with the first cycle say what kind of organisation
    plans in it; the cycle's id. One transaction (refused: a name taken)."""
    with ws.write(f"New cycle {period.name}"):
        if organisation_kind is not None:
            set_organisation_kind(ws, organisation_kind)
        return entities.create(
            ws,
            "cycle",
            name=period.name,
            kind=period.kind,
            start_date=period.start,
            end_date=period.end,
        )


def cycle_names(ws: Workspace) -> list[str]:
    """The names of the workspace's cycles (for :func:`period_choices`)."""
    return [c["name"] for c in entities.list_items(ws, "cycle")]


# -- internals ---------------------------------------------------------------------------------


def _quarter(key: str, label: str, quarter: Quarter, taken: set[str]) -> Period:
    return Period(
        key,
        label,
        quarter.name,
        "quarter",
        quarter.start,
        quarter.end,
        quarter.name.casefold() in taken,
    )


def _first_free_quarter(start: Quarter, taken: set[str]) -> Quarter:
    quarter = start
    while quarter.name.casefold() in taken:  # ends: only so many names are taken
        quarter = quarter.next()
    return quarter


def _names(first: Quarter, free: Quarter) -> str:
    """ "2027-Q1" or "2027-Q1 to 2027-Q3": the taken quarters before the free one."""
    last = free.previous()
    return first.name if last == first else f"{first.name} to {last.name}"


def _time_left(days: int) -> str:
    if days < 14:
        return counted(days, "day")
    return f"{days // 7} weeks"


def _name_of_range(start: date, end: date) -> str:
    if start.year == end.year:
        return f"{start:%b} – {end:%b %Y}"
    return f"{start:%b %Y} – {end:%b %Y}"


__all__ = [
    "NEARLY_OVER",
    "Period",
    "PeriodChoices",
    "create_cycle",
    "custom_period",
    "cycle_names",
    "period_choices",
    "quarter_period",
]
