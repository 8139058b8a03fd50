"""Carrying OKRs forward into the next cycle, as the retrospective decided.

Carry-forward decisions (one per objective or key result, set with
:func:`okrdesk.services.retrospective.set_carry_decisions`):

- carry: into the next cycle as it is — owner, unit, kind, weight, thresholds, theme (by
  name, created in the next cycle when missing), open initiatives and alignment links
  come along; a key result starts where it stands (its current value becomes the new
  start; one already at or past its target keeps its old start).
  A measured key result's sentence is reworded to its new numbers ("from 38 to 20 students"
  → "from 27 to 20 students") where the coach reads them in it; where it cannot, the coach
  reports the sentence and the numbers disagreeing.
- modify: carried the same way, but its objective becomes a *draft* to be reworded, and
  the decision's note is added to the objective's "why" ("To reword: …").
- drop, done: not carried. An objective marked drop or done takes its key results along.
- undecided: a key result follows its objective's carry/modify; an undecided objective
  is carried when at least one of its key results is (with those only).

:func:`apply_carry_forward` runs once per retrospective: a second run is refused while
the drafts it made still exist. What it made (old id → new id) is kept in the
workspace settings under ``"carried_forward"``; alignment links to an objective or key
result carried later (or in the same run) are pointed at the new one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from okrdesk.coach.metric import reword_numbers
from okrdesk.db import models as m
from okrdesk.errors import ValidationError
from okrdesk.services.facts import progress_of
from okrdesk.services.lifecycle import ensure_editable
from okrdesk.services.lookup import find_cycle, find_team
from okrdesk.services.quarters import parse_quarter, quarter_of
from okrdesk.services.retrospective import (
    CARRIED_FORWARD,
    carried_drafts_exist,
    decisions_of,
    retrospective_of,
    team_objectives,
)
from okrdesk.services.workspace import Workspace
from okrdesk.vocabulary import CARRIED


@dataclass(frozen=True)
class CarryResult:
    next_cycle_id: str
    next_cycle: str
    created_cycle: bool
    objectives: tuple[str, ...]  # new objective ids
    key_results: tuple[str, ...]  # new key result ids
    to_reword: tuple[str, ...]  # new objectives left as drafts for rewording


def apply_carry_forward(
    ws: Workspace, team: str | None, cycle: str | None, next_cycle: str | None = None
) -> CarryResult:
    """Create the carried drafts in the next cycle (made when missing: the next calendar
    quarter), for one team or (team None) every team with a retrospective. One transaction."""
    with ws.write() as s:
        source = find_cycle(s, cycle)
        target, created = _next_cycle(s, source, next_cycle)
        ensure_editable(s, target.id)
        if team is not None:
            teams = [find_team(s, team)]
        else:
            teams = list(
                s.scalars(
                    select(m.Team)
                    .join(m.Retrospective, m.Retrospective.team_id == m.Team.id)
                    .where(m.Retrospective.cycle_id == source.id)
                )
            )
        info = s.scalars(select(m.WorkspaceInfo)).one()
        records: dict[str, Any] = dict((info.settings or {}).get(CARRIED_FORWARD, {}))
        carrier = _Carrier(s, target, _known_map(s, records))
        for the_team in teams:
            retro = retrospective_of(s, the_team, source, create=False)
            if retro is None:
                raise ValidationError(
                    f"{the_team.name} has no retrospective for {source.name}: decide what to "
                    "carry first"
                )
            _refuse_second_run(s, records.get(retro.id), the_team, source)
            before = dict(carrier.made)
            decisions = decisions_of(s, retro.id)
            for o in team_objectives(s, the_team, source):
                carrier.objective(o, decisions)
            made = {k: v for k, v in carrier.made.items() if k not in before}
            records[retro.id] = {"into": target.id, "made": made}
        carrier.repoint_links()
        info.settings = {**(info.settings or {}), CARRIED_FORWARD: records}
        result = CarryResult(
            target.id,
            target.name,
            created,
            tuple(carrier.new_objectives),
            tuple(carrier.new_key_results),
            tuple(carrier.to_reword),
        )
    return result


def _reached(kr: m.KeyResult) -> bool:
    return (progress_of(kr) or 0.0) >= 1.0


# -- carrying ----------------------------------------------------------------------------------


class _Carrier:
    """Copies objectives into the target cycle, remembering old id → new id."""

    def __init__(self, s: Session, target: m.Cycle, known: dict[str, str]) -> None:
        self.s, self.target = s, target
        self.known = known  # from earlier runs, still existing
        self.made: dict[str, str] = {}
        self.new_objectives: list[str] = []
        self.new_key_results: list[str] = []
        self.to_reword: list[str] = []

    def objective(self, o: m.Objective, decisions: Mapping[str, m.CarryDecision]) -> None:
        own = decisions.get(o.id)
        if own is not None and own.decision not in CARRIED:
            return
        krs = []
        for kr in self.s.scalars(
            select(m.KeyResult).filter_by(objective_id=o.id).order_by(m.KeyResult.position)
        ):
            d = decisions.get(kr.id)
            if (d.decision if d else own.decision if own else None) in CARRIED:
                krs.append((kr, d))
        if own is None and not krs:
            return
        notes = [own.note] if own is not None and own.decision == "modify" and own.note else []
        notes += [
            f"{kr.title}: {d.note}" for kr, d in krs if d and d.decision == "modify" and d.note
        ]
        reword = (own is not None and own.decision == "modify") or any(
            d is not None and d.decision == "modify" for _, d in krs
        )
        why = o.why
        if notes:  # the reason to reword travels with the draft, where the team will see it
            why = (why + "\n\n" if why else "") + "To reword: " + " · ".join(notes)
        new = m.Objective(
            cycle_id=self.target.id,
            team_id=o.team_id,
            theme_id=self._theme(o.theme_id),
            title=o.title,
            why=why,
            owner=o.owner,
            kind=o.kind,
            status="draft" if reword else o.status,
            position=self._next_position(o.team_id),
        )
        self.s.add(new)
        self.s.flush()
        self.made[o.id] = new.id
        self.new_objectives.append(new.id)
        if reword:
            self.to_reword.append(new.id)
        for n, (kr, _d) in enumerate(krs):
            self._key_result(kr, new.id, n)
        self._initiatives(o.id, new.id)
        for link in self.s.scalars(select(m.AlignmentLink).filter_by(objective_id=o.id)):
            self.s.add(
                m.AlignmentLink(
                    objective_id=new.id,
                    parent_objective_id=self._mapped(link.parent_objective_id),
                    parent_key_result_id=self._mapped(link.parent_key_result_id),
                    weight=link.weight,
                )
            )
        self.s.flush()

    def _key_result(self, kr: m.KeyResult, objective_id: str, position: int) -> None:
        start = kr.start
        if kr.current is not None and kr.current != kr.target and not _reached(kr):
            start = kr.current  # it starts where it stands (also when no start was set)
        title = kr.title
        if kr.kind != "milestone" and start != kr.start:
            title = reword_numbers(title, start, kr.target)
        new = m.KeyResult(
            objective_id=objective_id,
            title=title,
            kind=kr.kind,
            start=start,
            target=kr.target,
            unit=kr.unit,
            direction=kr.direction,
            commit_level=kr.commit_level,
            stretch_level=kr.stretch_level,
            owner=kr.owner,
            weight=kr.weight,
            position=position,
            done=False,
        )
        self.s.add(new)
        self.s.flush()
        self.made[kr.id] = new.id
        self.new_key_results.append(new.id)

    def _initiatives(self, old_objective: str, new_objective: str) -> None:
        for i in self.s.scalars(
            select(m.Initiative)
            .filter_by(objective_id=old_objective)
            .order_by(m.Initiative.position)
        ):
            if i.status in ("done", "dropped"):
                continue  # finished work stays where it was done
            linked = self.s.scalars(
                select(m.InitiativeKeyResult.key_result_id).filter_by(initiative_id=i.id)
            ).all()
            moved = [self.made[k] for k in linked if k in self.made]
            if linked and not moved:
                continue  # it served only key results that stay behind
            due = i.due_date
            if due is not None and not self.target.start_date <= due <= self.target.end_date:
                due = None
            copy = m.Initiative(
                objective_id=new_objective,
                title=i.title,
                status=i.status,
                owner=i.owner,
                due_date=due,
                position=i.position,
            )
            self.s.add(copy)
            self.s.flush()
            for kr_id in moved:
                self.s.add(m.InitiativeKeyResult(initiative_id=copy.id, key_result_id=kr_id))

    def _mapped(self, old_id: str | None) -> str | None:
        if old_id is None:
            return None
        return self.made.get(old_id) or self.known.get(old_id) or old_id

    def repoint_links(self) -> None:
        """Links in the target cycle that support something carried now follow it."""
        in_target = select(m.Objective.id).where(m.Objective.cycle_id == self.target.id)
        for link in self.s.scalars(
            select(m.AlignmentLink).where(m.AlignmentLink.objective_id.in_(in_target))
        ):
            for column in ("parent_objective_id", "parent_key_result_id"):
                old = getattr(link, column)
                if old in self.made:
                    setattr(link, column, self.made[old])

    def _theme(self, theme_id: str | None) -> str | None:
        old = self.s.get(m.Theme, theme_id) if theme_id else None
        if old is None:
            return None
        existing = self.s.scalars(
            select(m.Theme).filter_by(cycle_id=self.target.id, name=old.name)
        ).first()
        if existing is not None:
            return existing.id
        count = self.s.scalar(select(func.count()).where(m.Theme.cycle_id == self.target.id))
        theme = m.Theme(
            cycle_id=self.target.id, name=old.name, description=old.description, position=count
        )
        self.s.add(theme)
        self.s.flush()
        return theme.id

    def _next_position(self, team_id: str) -> int:
        highest = self.s.scalar(
            select(func.max(m.Objective.position)).filter_by(
                cycle_id=self.target.id, team_id=team_id
            )
        )
        return 0 if highest is None else highest + 1


def _next_cycle(s: Session, source: m.Cycle, wanted: str | None) -> tuple[m.Cycle, bool]:
    if wanted is not None:
        target = find_cycle(s, wanted)
        if target.id == source.id:
            raise ValidationError("carry forward into another cycle than the one reviewed")
        return target, False
    quarter = quarter_of(source.end_date + timedelta(days=1))
    for c in s.scalars(select(m.Cycle)):
        if parse_quarter(c.name) == quarter or (
            c.start_date == quarter.start and c.kind == "quarter"
        ):
            return c, False
    target = m.Cycle(
        name=quarter.name, kind="quarter", start_date=quarter.start, end_date=quarter.end
    )
    s.add(target)
    s.flush()
    return target, True


def _refuse_second_run(s: Session, record: Any, team: m.Team, source: m.Cycle) -> None:
    if carried_drafts_exist(s, record):
        into = s.get(m.Cycle, record.get("into"))
        raise ValidationError(
            f"{team.name}'s {source.name} was already carried forward into "
            f"{into.name if into else 'another cycle'}; delete those drafts to carry again"
        )


def _known_map(s: Session, records: Mapping[str, Any]) -> dict[str, str]:
    """Old id → new id from earlier runs, for the new items that still exist."""
    pairs = {old: new for r in records.values() for old, new in r.get("made", {}).items()}
    alive = set(s.scalars(select(m.Objective.id).where(m.Objective.id.in_(pairs.values()))))
    alive |= set(s.scalars(select(m.KeyResult.id).where(m.KeyResult.id.in_(pairs.values()))))
    return {old: new for old, new in pairs.items() if new in alive}


__all__ = ["CarryResult", "apply_carry_forward"]
