"""Reading check-ins: find a key result, its history, what changed, what pace suggests.

- :func:`find_key_result` — a key result by id, or by title (any case, a unique prefix)
  in a cycle; ambiguity is refused with the matches named.
- :func:`last_check_in` and :func:`history` — the latest check-in; all of them by date
  with the ideal pace line, for a chart.
- :func:`changes_since_last` — per key result of a team, the latest check-in against
  the one before it (value change, confidence trend).
- :func:`suggested_status` — the confidence the pace suggests for a value on a day,
  which the check-in grid pre-fills; :func:`pace_suggestion` the same for a key result
  already read (the grid asks for every row on every keystroke: no database).

Recording, correcting and deleting check-ins is :mod:`okrdesk.services.checkins`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import func, select

from okrdesk.db import models as m
from okrdesk.errors import NotFoundError, ValidationError
from okrdesk.scoring import (
    KeyResultFacts,
    expected_pace,
    ideal_value,
    pace_progress,
    pace_status,
)
from okrdesk.scoring.pace import PaceStatus
from okrdesk.services.checkins import (
    DAY,
    CheckInView,
    cycle_of,
    latest_row,
    load_key_result,
    parse_value_of_kind,
    short_title,
    view_of,
)
from okrdesk.services.facts import key_result_facts
from okrdesk.services.lookup import find_cycle, find_team
from okrdesk.services.views import KeyResultView
from okrdesk.services.workspace import Workspace
from okrdesk.vocabulary import CONFIDENCES


@dataclass(frozen=True)
class KeyResultHistory:
    key_result_id: str
    title: str
    kind: str
    unit: str
    start: float | None
    target: float | None
    cycle_start: date
    cycle_end: date
    points: tuple[CheckInView, ...]
    # The ideal pace line at the cycle's first and last day and on each check-in's day.
    ideal: tuple[tuple[date, float], ...]


@dataclass(frozen=True)
class KeyResultChange:
    """What changed for a key result between its last two check-ins (None: not there yet)."""

    key_result_id: str
    title: str
    objective: str
    unit: str
    previous: CheckInView | None
    latest: CheckInView | None
    change: float | None  # latest value − previous value
    confidence_trend: str | None  # "better" | "worse" | "same"; None without two confidences


@dataclass(frozen=True)
class KeyResultRef:
    id: str
    title: str
    kind: str
    unit: str
    objective_id: str
    objective: str
    team: str
    cycle_id: str
    cycle: str


# -- finding a key result ----------------------------------------------------------------------


def find_key_result(
    ws: Workspace, ref: str, cycle: str | None = None, today: date | None = None
) -> KeyResultRef:
    """A key result by id (any cycle) or by title in `cycle` (default: the current cycle).

    The title may be given in any case, and a unique prefix is enough; an exact title
    wins over longer ones it is the start of. Ambiguity is refused with the matches named.
    """
    wanted = ref.strip()
    if not wanted:
        raise ValidationError("name a key result by its id or title")
    with ws.read() as s:
        query = _ref_query()
        by_id = s.execute(query.where(m.KeyResult.id == wanted)).first()
        if by_id is not None:
            return KeyResultRef(*by_id)
        the_cycle = find_cycle(s, cycle, today)
        rows = s.execute(query.where(m.Objective.cycle_id == the_cycle.id)).all()
    key = wanted.casefold()
    exact = [r for r in rows if r[1].casefold() == key]
    matches = exact or [r for r in rows if r[1].casefold().startswith(key)]
    if not matches:
        raise NotFoundError(f"no key result {wanted!r} in cycle {the_cycle.name}")
    if len(matches) > 1:
        named = "; ".join(f"{short_title(r[1])} ({r[6]})" for r in matches[:4])
        more = f"; and {len(matches) - 4} more" if len(matches) > 4 else ""
        raise ValidationError(
            f"{wanted!r} matches {len(matches)} key results: {named}{more} — "
            "type more of the title or use the id"
        )
    return KeyResultRef(*matches[0])


def _ref_query():
    return (
        select(
            m.KeyResult.id,
            m.KeyResult.title,
            m.KeyResult.kind,
            m.KeyResult.unit,
            m.Objective.id,
            m.Objective.title,
            m.Team.name,
            m.Cycle.id,
            m.Cycle.name,
        )
        .join(m.Objective, m.Objective.id == m.KeyResult.objective_id)
        .join(m.Team, m.Team.id == m.Objective.team_id)
        .join(m.Cycle, m.Cycle.id == m.Objective.cycle_id)
        .order_by(m.Team.name, m.Objective.position, m.KeyResult.position)
    )


# -- reading -----------------------------------------------------------------------------------


def last_check_in(ws: Workspace, key_result_id: str) -> CheckInView | None:
    with ws.read() as s:
        load_key_result(s, key_result_id)
        row = latest_row(s, key_result_id)
        return view_of(row) if row is not None else None


def suggested_status(
    ws: Workspace, key_result_id: str, value: Any, on: date | str | None = None
) -> PaceStatus | None:
    """The confidence pace suggests for `value` on a day (default today); None without data."""
    with ws.read() as s:
        kr = load_key_result(s, key_result_id)
        cycle = cycle_of(s, kr)
        return _suggestion(
            kr.kind, key_result_facts(kr), value, cycle.start_date, cycle.end_date, on
        )


def pace_suggestion(
    kr: KeyResultView, value: Any, cycle_start: date, cycle_end: date, on: date | str | None = None
) -> PaceStatus | None:
    """:func:`suggested_status` for a key result read a moment ago (in its cycle's dates)."""
    return _suggestion(kr.kind, kr.facts(), value, cycle_start, cycle_end, on)


def _suggestion(
    kind: str, facts: KeyResultFacts, value: Any, start: date, end: date, on: date | str | None
) -> PaceStatus | None:
    day = DAY.coerce("date", on) if on not in (None, "") else date.today()
    number = parse_value_of_kind(kind, value)
    try:  # a draft with inconsistent numbers has no pace to speak of
        if kind == "milestone":
            facts = replace(facts, done=number == 1.0)
        else:
            facts = replace(facts, current=number)
        reached = pace_progress(facts)
    except ValueError:
        return None
    return pace_status(reached, expected_pace(start, end, day))


def history(ws: Workspace, key_result_id: str) -> KeyResultHistory:
    """Dated values and the ideal pace line, for a chart."""
    with ws.read() as s:
        kr = load_key_result(s, key_result_id)
        cycle = cycle_of(s, kr)
        rows = s.scalars(
            select(m.CheckIn)
            .filter_by(key_result_id=kr.id)
            .order_by(m.CheckIn.date, m.CheckIn.created_at)
        ).all()
        points = tuple(view_of(r) for r in rows)
        ideal: tuple[tuple[date, float], ...] = ()
        if kr.kind != "milestone" and kr.start is not None and kr.target is not None:
            days = sorted({cycle.start_date, cycle.end_date, *(p.date for p in points)})
            ideal = tuple(
                (d, ideal_value(kr.start, kr.target, cycle.start_date, cycle.end_date, d))
                for d in days
            )
        return KeyResultHistory(
            key_result_id=kr.id,
            title=kr.title,
            kind=kr.kind,
            unit=kr.unit,
            start=kr.start,
            target=kr.target,
            cycle_start=cycle.start_date,
            cycle_end=cycle.end_date,
            points=points,
            ideal=ideal,
        )


def changes_since_last(
    ws: Workspace, team: str, cycle: str | None = None, today: date | None = None
) -> list[KeyResultChange]:
    """Per key result of a team: the latest check-in against the one before it."""
    with ws.read() as s:
        the_team, the_cycle = find_team(s, team), find_cycle(s, cycle, today)
        krs = s.execute(
            select(m.KeyResult.id, m.KeyResult.title, m.KeyResult.unit, m.Objective.title)
            .join(m.Objective, m.Objective.id == m.KeyResult.objective_id)
            .where(m.Objective.cycle_id == the_cycle.id, m.Objective.team_id == the_team.id)
            .order_by(m.Objective.position, m.KeyResult.position)
        ).all()
        by_kr = _latest_two(s, [kr_id for kr_id, *_rest in krs])
    result = []
    for kr_id, title, unit, objective in krs:
        latest, previous = [*by_kr.get(kr_id, []), None, None][:2]
        change = trend = None
        if latest is not None and previous is not None:
            if latest.value is not None and previous.value is not None:
                change = latest.value - previous.value
            a, b = _confidence_rank(previous), _confidence_rank(latest)
            if a is not None and b is not None:
                trend = "same" if a == b else "better" if b < a else "worse"
        result.append(
            KeyResultChange(kr_id, title, objective, unit, previous, latest, change, trend)
        )
    return result


def _latest_two(s: Any, kr_ids: list[str]) -> dict[str, list[CheckInView | None]]:
    """Each key result's latest check-in and the one before it (newest first): only those
    two are read, however long the history."""
    if not kr_ids:
        return {}
    newest_first = (
        m.CheckIn.date.desc(),
        m.CheckIn.created_at.desc(),
        m.CheckIn.id.desc(),
    )
    ranked = (
        select(
            m.CheckIn.id,
            m.CheckIn.key_result_id,
            m.CheckIn.date,
            m.CheckIn.value,
            m.CheckIn.confidence,
            m.CheckIn.confidence_score,
            m.CheckIn.note,
            m.CheckIn.created_at,
            func.row_number()
            .over(partition_by=m.CheckIn.key_result_id, order_by=newest_first)
            .label("rank"),
        )
        .where(m.CheckIn.key_result_id.in_(kr_ids))
        .subquery()
    )
    found: dict[str, list[CheckInView | None]] = {}
    for row in s.execute(select(ranked).where(ranked.c.rank <= 2).order_by(ranked.c.rank)):
        found.setdefault(row.key_result_id, []).append(view_of(row))
    return found


def _confidence_rank(row: CheckInView) -> float | None:
    """Lower is better: on_track 0 … off_track 2, or −score on the 1–10 scale."""
    if row.confidence_score is not None:
        return -float(row.confidence_score)
    return None if row.confidence is None else float(CONFIDENCES.index(row.confidence))


__all__ = [
    "KeyResultChange",
    "KeyResultHistory",
    "KeyResultRef",
    "changes_since_last",
    "find_key_result",
    "history",
    "last_check_in",
    "pace_suggestion",
    "suggested_status",
]
