"""Retrospectives per team and cycle: the answers, and what to carry into the next cycle.

A retrospective answers: what we achieved and why, what we missed and why, how working
with OKRs served us (``process``), and what to keep, stop and start doing.

Carry-forward decisions (one per objective or key result of the team in the cycle):
carry, modify, drop or done, each with an optional note. What they do is described in,
and done by, :mod:`okrdesk.services.carry_forward`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from okrdesk.db import models as m
from okrdesk.errors import NotFoundError, ValidationError
from okrdesk.services import fields as f
from okrdesk.services.facts import progress_of
from okrdesk.services.lifecycle import ensure_editable
from okrdesk.services.lookup import find_cycle, find_team
from okrdesk.services.workspace import Workspace
from okrdesk.vocabulary import CARRY_DECISIONS, CarryDecision

ANSWERS = ("achieved", "missed", "process", "keep_doing", "stop_doing", "start_doing")
ALIASES = {"continue": "keep_doing", "stop": "stop_doing", "start": "start_doing"}
TEXT = f.text("Answer", 20_000)
# Workspace setting: retrospective id → {"into": cycle id, "made": {old id: new id}}.
CARRIED_FORWARD = "carried_forward"


@dataclass(frozen=True)
class CarryItem:
    kind: str  # "objective" | "key_result"
    id: str
    title: str
    objective_id: str
    progress: float | None
    decision: CarryDecision | None
    note: str


@dataclass(frozen=True)
class RetrospectiveView:
    id: str | None  # None until something was saved
    team_id: str
    team: str
    cycle_id: str
    cycle: str
    answers: dict[str, str]
    items: tuple[CarryItem, ...]  # the team's objectives, each followed by its key results
    carried_into: str | None  # the next cycle's name while drafts carried there still exist


def load_retrospective(ws: Workspace, team: str, cycle: str | None = None) -> RetrospectiveView:
    with ws.read() as s:
        the_team, the_cycle = find_team(s, team), find_cycle(s, cycle)
        return _view(s, the_team, the_cycle)


def save_retrospective(
    ws: Workspace, team: str, cycle: str | None = None, **answers: str
) -> RetrospectiveView:
    """Save some answers (achieved, missed, process, keep_doing/continue, stop_doing/stop,
    start_doing/start); the others keep what they had."""
    clean: dict[str, str] = {}
    for key, text in answers.items():
        name = ALIASES.get(key, key)
        if name not in ANSWERS:
            raise ValidationError(f"a retrospective has no question {key!r}")
        clean[name] = TEXT.coerce(name, text)
    with ws.write() as s:
        the_team, the_cycle = find_team(s, team), find_cycle(s, cycle)
        ensure_editable(s, the_cycle.id)
        retro = retrospective_of(s, the_team, the_cycle, create=True)
        assert retro is not None
        for name, text in clean.items():
            setattr(retro, name, text)
        s.flush()
        view = _view(s, the_team, the_cycle)
    return view


def set_carry_decisions(
    ws: Workspace,
    team: str,
    cycle: str | None,
    decisions: Mapping[str, str | tuple[str, str] | None],
) -> RetrospectiveView:
    """Decide for objectives and key results (by id): carry, modify, drop or done, optionally
    as (decision, note); None removes a decision. All in one transaction."""
    with ws.write() as s:
        the_team, the_cycle = find_team(s, team), find_cycle(s, cycle)
        ensure_editable(s, the_cycle.id)
        retro = retrospective_of(s, the_team, the_cycle, create=True)
        assert retro is not None
        items = {i.id: i for i in _items(s, the_team, the_cycle, {})}
        for item_id, choice in decisions.items():
            item = items.get(item_id)
            if item is None:
                raise NotFoundError(
                    f"{item_id} is not an objective or key result of {the_team.name} "
                    f"in {the_cycle.name}"
                )
            column = "objective_id" if item.kind == "objective" else "key_result_id"
            row = s.scalars(select(m.CarryDecision).filter_by(**{column: item_id})).first()
            if choice is None:
                if row is not None:
                    s.delete(row)
                continue
            decision, note = (choice, "") if isinstance(choice, str) else choice
            if decision not in CARRY_DECISIONS:
                raise ValidationError(
                    f"a decision is one of {', '.join(CARRY_DECISIONS)} (got {decision!r})"
                )
            if row is None:
                row = m.CarryDecision(retrospective_id=retro.id, **{column: item_id})
                s.add(row)
            row.retrospective_id, row.decision = retro.id, decision
            row.note = TEXT.coerce("note", note)
        s.flush()
        view = _view(s, the_team, the_cycle)
    # Decisions belong to the retrospective: its screen refreshes from one change.
    return view


# -- reading (the first three shared with carry_forward) --------------------------------------


def retrospective_of(
    s: Session, team: m.Team, cycle: m.Cycle, create: bool
) -> m.Retrospective | None:
    retro = s.scalars(select(m.Retrospective).filter_by(team_id=team.id, cycle_id=cycle.id)).first()
    if retro is None and create:
        retro = m.Retrospective(team_id=team.id, cycle_id=cycle.id)
        s.add(retro)
        s.flush()
    return retro


def team_objectives(s: Session, team: m.Team, cycle: m.Cycle) -> list[m.Objective]:
    return list(
        s.scalars(
            select(m.Objective)
            .filter_by(team_id=team.id, cycle_id=cycle.id)
            .order_by(m.Objective.position)
        )
    )


def decisions_of(s: Session, retro_id: str | None) -> dict[str, m.CarryDecision]:
    """A retrospective's decisions by the id of their objective or key result."""
    if retro_id is None:
        return {}
    rows = s.scalars(select(m.CarryDecision).filter_by(retrospective_id=retro_id))
    return {(d.objective_id or d.key_result_id): d for d in rows}  # type: ignore[misc]


def carried_drafts_exist(s: Session, record: Mapping[str, Any] | None) -> bool:
    """Whether any objective a carry-forward made (its record in the workspace settings)
    still exists: deleting them, or undoing the carry, takes the carry back."""
    made = list((record or {}).get("made", {}).values())
    return bool(made) and bool(s.scalar(select(func.count()).where(m.Objective.id.in_(made))))


def _items(
    s: Session, team: m.Team, cycle: m.Cycle, decisions: dict[str, m.CarryDecision]
) -> list[CarryItem]:
    items = []
    for o in team_objectives(s, team, cycle):
        d = decisions.get(o.id)
        items.append(
            CarryItem(
                "objective",
                o.id,
                o.title,
                o.id,
                None,
                d.decision if d else None,
                d.note if d else "",
            )
        )
        for kr in s.scalars(
            select(m.KeyResult).filter_by(objective_id=o.id).order_by(m.KeyResult.position)
        ):
            d = decisions.get(kr.id)
            items.append(
                CarryItem(
                    "key_result",
                    kr.id,
                    kr.title,
                    o.id,
                    progress_of(kr),
                    d and d.decision,
                    d.note if d else "",
                )
            )
    return items


def _view(s: Session, team: m.Team, cycle: m.Cycle) -> RetrospectiveView:
    retro = retrospective_of(s, team, cycle, create=False)
    info = s.scalars(select(m.WorkspaceInfo)).one()
    record = (info.settings or {}).get(CARRIED_FORWARD, {}).get(retro.id) if retro else None
    into = s.get(m.Cycle, record["into"]) if carried_drafts_exist(s, record) else None
    return RetrospectiveView(
        id=retro.id if retro else None,
        team_id=team.id,
        team=team.name,
        cycle_id=cycle.id,
        cycle=cycle.name,
        answers={a: (getattr(retro, a) if retro else "") for a in ANSWERS},
        items=tuple(_items(s, team, cycle, decisions_of(s, retro.id if retro else None))),
        carried_into=into.name if into else None,
    )


__all__ = [
    "ANSWERS",
    "CarryItem",
    "RetrospectiveView",
    "load_retrospective",
    "save_retrospective",
    "set_carry_decisions",
]
