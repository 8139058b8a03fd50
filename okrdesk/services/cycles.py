"""Cycle-level use cases: copying what is still open into the next cycle."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from okrdesk.db import models as m
from okrdesk.errors import ValidationError
from okrdesk.services.facts import progress_of
from okrdesk.services.lookup import find_cycle
from okrdesk.services.workspace import Change, Workspace


def _is_open(kr: m.KeyResult) -> bool:
    """Not yet achieved: a milestone not done, a metric short of its target, or no data."""
    value = progress_of(kr)
    return value is None or value < 1.0


def copy_open_okrs(ws: Workspace, from_cycle: str, to_cycle: str) -> list[str]:
    """Copy every objective with an unfinished key result into `to_cycle`, as drafts.

    Only the open key results come along; each starts where the old one stands
    (its current value becomes the new start). Initiatives tied to them and the
    objectives' alignment links come too. Returns the new objectives' ids.
    """
    with ws.write() as s:
        source, target = find_cycle(s, from_cycle), find_cycle(s, to_cycle)
        if source.id == target.id:
            raise ValidationError("choose a different cycle to copy into")
        created: list[str] = []
        objectives = s.scalars(
            select(m.Objective)
            .where(m.Objective.cycle_id == source.id)
            .order_by(m.Objective.position)
        ).all()
        for old in objectives:
            krs = s.scalars(
                select(m.KeyResult)
                .where(m.KeyResult.objective_id == old.id)
                .order_by(m.KeyResult.position)
            ).all()
            open_krs = [kr for kr in krs if _is_open(kr)]
            if not open_krs:
                continue
            position = len(
                s.scalars(
                    select(m.Objective.id).filter_by(cycle_id=target.id, team_id=old.team_id)
                ).all()
            )
            new = m.Objective(
                cycle_id=target.id,
                team_id=old.team_id,
                title=old.title,
                why=old.why,
                owner=old.owner,
                kind=old.kind,
                status="draft",
                position=position,
            )
            s.add(new)
            s.flush()
            created.append(new.id)
            kr_map = {}
            for n, kr in enumerate(open_krs):
                copy = m.KeyResult(
                    objective_id=new.id,
                    title=kr.title,
                    kind=kr.kind,
                    start=kr.current if kr.current is not None else kr.start,
                    target=kr.target,
                    unit=kr.unit,
                    direction=kr.direction,
                    commit_level=kr.commit_level,
                    stretch_level=kr.stretch_level,
                    owner=kr.owner,
                    weight=kr.weight,
                    position=n,
                )
                if (
                    copy.start == copy.target
                ):  # reached exactly yet counted open: keep the old start
                    copy.start = kr.start
                s.add(copy)
                s.flush()
                kr_map[kr.id] = copy.id
            _copy_initiatives(s, old.id, new.id, kr_map)
            for link in s.scalars(select(m.AlignmentLink).filter_by(objective_id=old.id)):
                s.add(
                    m.AlignmentLink(
                        objective_id=new.id,
                        parent_objective_id=link.parent_objective_id,
                        parent_key_result_id=link.parent_key_result_id,
                        weight=link.weight,
                    )
                )
    ws.notify(Change("objective", tuple(created), "create"))
    return created


def _copy_initiatives(
    s: Session, old_objective: str, new_objective: str, kr_map: dict[str, str]
) -> None:
    for initiative in s.scalars(
        select(m.Initiative).filter_by(objective_id=old_objective).order_by(m.Initiative.position)
    ):
        if initiative.status in ("done", "dropped"):
            continue
        linked = s.scalars(
            select(m.InitiativeKeyResult.key_result_id).filter_by(initiative_id=initiative.id)
        ).all()
        moved = [kr_map[k] for k in linked if k in kr_map]
        if linked and not moved:
            continue
        copy = m.Initiative(
            objective_id=new_objective,
            title=initiative.title,
            status=initiative.status,
            owner=initiative.owner,
            due_date=None,
            position=initiative.position,
        )
        s.add(copy)
        s.flush()
        for kr_id in moved:
            s.add(m.InitiativeKeyResult(initiative_id=copy.id, key_result_id=kr_id))
