"""Finding cycles and teams by what a person types: a name (any case) or an id."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from okrdesk.db import models as m
from okrdesk.errors import NotFoundError
from okrdesk.services.quarters import parse_quarter
from okrdesk.services.view_data import current_cycle, is_named

__all__ = ["current_cycle", "find_cycle", "find_team"]  # current_cycle lives in view_data


def find_cycle(s: Session, wanted: str | None, today: date | None = None) -> m.Cycle:
    """The cycle named or identified by `wanted`; without one, the current cycle."""
    cycles = list(s.scalars(select(m.Cycle).order_by(m.Cycle.start_date)))
    if not cycles:
        raise NotFoundError("the workspace has no cycles yet")
    if wanted:
        quarter = parse_quarter(wanted)  # "Q4 2026" finds "2026-Q4", as imports do
        for cycle in cycles:
            if wanted in (cycle.id, cycle.name) or cycle.name.casefold() == wanted.casefold():
                return cycle
        for cycle in cycles:
            if quarter is not None and parse_quarter(cycle.name) == quarter:
                return cycle
        names = ", ".join(c.name for c in cycles)
        raise NotFoundError(f"no cycle {wanted!r} (cycles: {names})")
    return current_cycle(cycles, today or date.today())


def find_team(s: Session, wanted: str) -> m.Team:
    """The team with id `wanted` (one look-up by primary key: views ask this on every
    team switch), else the team of that name in any case."""
    by_id = s.get(m.Team, wanted)
    if by_id is not None:
        return by_id
    names = s.execute(select(m.Team.id, m.Team.name)).all()
    for row in names:
        if is_named(row, wanted):
            return s.get_one(m.Team, row.id)
    listed = ", ".join(sorted(name for _id, name in names)) or "none yet"
    raise NotFoundError(f"no team {wanted!r} (teams: {listed})")
