"""Plain, read-only view data built from the database for the CLI, the UI and reports
(the data itself is defined in :mod:`okrdesk.services.view_data`).

Scores come with their band, coloured by the workspace's own bands (setting ``bands``):
screens and printouts only map a band to a colour, they never decide one.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from okrdesk.db import models as m
from okrdesk.scoring import Bands
from okrdesk.services.facts import workspace_bands
from okrdesk.services.lookup import current_cycle, find_cycle, find_team
from okrdesk.services.view_data import (
    CycleView,
    InitiativeView,
    KeyResultView,
    ObjectiveView,
    OkrTree,
    TeamNode,
    TeamView,
    grouped,
    in_tree_order,
    objective_view,
    team_view,
)
from okrdesk.services.workspace import Workspace

# The views' data is defined in view_data (it needs no database); callers import it here.
__all__ = [
    "CycleView",
    "InitiativeView",
    "KeyResultView",
    "ObjectiveView",
    "OkrTree",
    "TeamNode",
    "TeamView",
    "current_cycle_id",
    "okr_tree",
    "team_nodes",
]


def okr_tree(
    ws: Workspace, cycle: str | None = None, team: str | None = None, today: date | None = None
) -> OkrTree:
    """The teams (in tree order) with their objectives, key results and initiatives; with
    `team` (an id or a name), that team alone, read without the rest of the organisation."""
    with ws.read() as s:
        the_cycle = find_cycle(s, cycle, today)
        if team is not None:
            teams: list[tuple[Any, int]] = [(find_team(s, team), 0)]
            only: list[str] | None = [teams[0][0].id]
        else:
            teams, only = _teams_in_tree_order(s), None
        bands = workspace_bands(s)
        objectives = _objectives_by_team(s, the_cycle.id, bands, only)
        info = s.scalars(select(m.WorkspaceInfo)).one()
        themes = s.scalars(
            select(m.Theme.name).where(m.Theme.cycle_id == the_cycle.id).order_by(m.Theme.position)
        ).all()
        return OkrTree(
            organisation=info.name,
            cycle=CycleView(
                the_cycle.id,
                the_cycle.name,
                the_cycle.start_date,
                the_cycle.end_date,
                the_cycle.state,
                tuple(themes),
            ),
            teams=tuple(
                team_view(t, depth, tuple(objectives.get(t.id, ())), bands) for t, depth in teams
            ),
        )


def _teams_in_tree_order(s: Session) -> list[tuple[Any, int]]:
    """(team row, depth) in tree order; plain rows, not ORM objects: this runs on every edit."""
    rows = s.execute(
        select(m.Team.id, m.Team.name, m.Team.kind, m.Team.parent_id).order_by(
            m.Team.position, m.Team.name
        )
    ).all()
    return in_tree_order(rows)


def _objectives_by_team(
    s: Session, cycle_id: str, bands: Bands, team_ids: list[str] | None = None
) -> dict[str, list[ObjectiveView]]:
    """The objectives of a cycle (of some teams), loaded in a handful of queries."""
    in_scope = m.Objective.cycle_id == cycle_id
    if team_ids is not None:
        in_scope = in_scope & m.Objective.team_id.in_(team_ids)
    objectives = s.scalars(select(m.Objective).where(in_scope).order_by(m.Objective.position)).all()
    ids = [o.id for o in objectives]
    krs = grouped(
        s.scalars(
            select(m.KeyResult).join(m.Objective).where(in_scope).order_by(m.KeyResult.position)
        ),
        "objective_id",
    )
    initiatives = grouped(
        s.scalars(
            select(m.Initiative).join(m.Objective).where(in_scope).order_by(m.Initiative.position)
        ),
        "objective_id",
    )
    links: dict[str, list[str]] = defaultdict(list)
    for initiative_id, kr_id in s.execute(
        select(m.InitiativeKeyResult.initiative_id, m.InitiativeKeyResult.key_result_id)
        .join(m.Initiative)
        .join(m.Objective)
        .where(in_scope)
    ):
        links[initiative_id].append(kr_id)
    supports = _supports(s, ids)
    themes = {
        theme_id: name
        for theme_id, name in s.execute(
            select(m.Theme.id, m.Theme.name).where(m.Theme.cycle_id == cycle_id)
        )
    }
    by_team: dict[str, list[ObjectiveView]] = defaultdict(list)
    for o in objectives:
        by_team[o.team_id].append(
            objective_view(
                o, krs.get(o.id, []), initiatives.get(o.id, []), links, supports, themes, bands
            )
        )
    return by_team


def _supports(s: Session, objective_ids: list[str]) -> dict[str, list[tuple[str, str]]]:
    result: dict[str, list[tuple[str, str]]] = defaultdict(list)
    if not objective_ids:
        return result
    parent = m.Objective.__table__.alias("parent")
    rows = s.execute(
        select(m.AlignmentLink.objective_id, parent.c.id, parent.c.title)
        .join(parent, parent.c.id == m.AlignmentLink.parent_objective_id)
        .where(m.AlignmentLink.objective_id.in_(objective_ids))
    ).all()
    rows += s.execute(
        select(m.AlignmentLink.objective_id, m.KeyResult.id, m.KeyResult.title)
        .join(m.KeyResult, m.KeyResult.id == m.AlignmentLink.parent_key_result_id)
        .where(m.AlignmentLink.objective_id.in_(objective_ids))
    ).all()
    for child, parent_id, title in rows:
        result[child].append((parent_id, title))
    return result


def team_nodes(ws: Workspace, cycle: str | None = None) -> list[TeamNode]:
    """The team tree in order, with each team's number of objectives in the cycle (cheap)."""
    with ws.read() as s:
        counts = _objective_counts(s, cycle) if cycle else {}
        return [
            TeamNode(t.id, t.name, t.kind, t.parent_id, depth, counts.get(t.id, 0))
            for t, depth in _teams_in_tree_order(s)
        ]


def objective_counts(ws: Workspace, cycle: str) -> dict[str, int]:
    """Team id → its number of objectives in the cycle (teams without any left out)."""
    with ws.read() as s:
        return _objective_counts(s, cycle)


def _objective_counts(s: Session, cycle: str) -> dict[str, int]:
    the_cycle = find_cycle(s, cycle)
    return {
        team_id: n
        for team_id, n in s.execute(
            select(m.Objective.team_id, func.count())
            .where(m.Objective.cycle_id == the_cycle.id)
            .group_by(m.Objective.team_id)
        )
    }


def current_cycle_id(ws: Workspace, today: date | None = None) -> str | None:
    """The cycle running today (see lookup.current_cycle), or None without cycles."""
    with ws.read() as s:
        cycles = list(s.scalars(select(m.Cycle).order_by(m.Cycle.start_date)))
        return current_cycle(cycles, today or date.today()).id if cycles else None
