"""What a workshop session comes to, for its printed summary: the agenda as run against
the plan, the decisions (promoted candidates with their dots), the parking lot, the
people, and the teams whose OKRs were worked on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from okrdesk.db import models as m
from okrdesk.services import workshop
from okrdesk.services.workshop import AgendaItem, ParkingItem, ParticipantInfo
from okrdesk.services.workshop_clock import total_seconds
from okrdesk.services.workshop_votes import tally
from okrdesk.services.workspace import Workspace


@dataclass(frozen=True)
class Decision:
    """A candidate the room chose, with its dots and what it became."""

    text: str
    kind: str  # objective | key_result
    dots: int
    rank: int
    became: str  # the objective's title (for a key result: the objective it went under)
    team: str
    members: tuple[str, ...] = ()  # duplicates grouped with it


@dataclass(frozen=True)
class SessionSummary:
    organisation: str
    workspace_file: str
    title: str
    cycle_id: str | None
    cycle_name: str | None
    held_on: date
    participants: tuple[ParticipantInfo, ...]
    steps: tuple[AgendaItem, ...]
    decisions: tuple[Decision, ...]
    parking_lot: tuple[ParkingItem, ...]
    team_ids: tuple[str, ...]  # teams that got objectives or key results from the session
    team_names: tuple[str, ...]

    @property
    def planned_seconds(self) -> int:
        return sum(step.planned_seconds for step in self.steps)

    @property
    def actual_seconds(self) -> int:
        """The workshop's time as the clock showed it (the same function adds it up)."""
        return total_seconds(step.actual_seconds for step in self.steps)


def session_summary(ws: Workspace, session_id: str, teams: tuple[str, ...] = ()) -> SessionSummary:
    """Everything the one-page summary shows. ``teams`` adds team ids worked on beside
    those that received promoted candidates (e.g. the team the workshop was planned for)."""
    info = workshop.session_info(ws, session_id)
    steps = tuple(workshop.agenda(ws, session_id))
    people = tuple(workshop.participants(ws, session_id))
    ranked = tally(ws, session_id).ranked
    promoted = [r for r in ranked if r.status == "promoted"]
    objective_ids = {r.promoted_objective_id for r in promoted if r.promoted_objective_id}
    with ws.read() as s:
        organisation = s.scalars(select(m.WorkspaceInfo.name)).one()
        objectives = {
            o.id: (o.title, o.team_id)
            for o in s.scalars(select(m.Objective).where(m.Objective.id.in_(objective_ids)))
        }
        wanted = [*teams, *(team for _title, team in objectives.values())]
        names = {t.id: t.name for t in s.scalars(select(m.Team).where(m.Team.id.in_(set(wanted))))}
    decisions = []
    for r in promoted:
        title, team_id = objectives.get(r.promoted_objective_id or "", ("(deleted since)", ""))
        decisions.append(
            Decision(r.text, r.kind, r.dots, r.rank, title, names.get(team_id, ""), r.members)
        )
    team_ids = tuple(dict.fromkeys(t for t in wanted if t in names))
    return SessionSummary(
        organisation=organisation,
        workspace_file=ws.path.name,
        title=info.title,
        cycle_id=info.cycle_id,
        cycle_name=info.cycle_name,
        held_on=info.created_at.date(),
        participants=people,
        steps=steps,
        decisions=tuple(decisions),
        parking_lot=tuple(workshop.parking_lot(ws, session_id)),
        team_ids=team_ids,
        team_names=tuple(names[t] for t in team_ids),
    )
