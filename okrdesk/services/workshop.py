"""Workshop sessions: the timed agenda, the people in the room, notes and the parking lot.

A facilitator runs a planning workshop from a *session*: an agenda of timed steps that
follows the guided planning session (:data:`DEFAULT_AGENDA` fills two hours), the
participants, notes per step and a parking lot for ideas set aside. The parking lot
outlives the session: deleting a session leaves its items, unlinked.

Brainstorming, grouping, voting and promotion live in :mod:`workshop_ideas`, the clock
in :mod:`workshop_clock`, the data for the printed summary in :mod:`workshop_summary`.
Every function here is one transaction; results are plain dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, literal_column, select

from okrdesk.db import models as m
from okrdesk.errors import NotFoundError, ValidationError
from okrdesk.services import entities
from okrdesk.services.lookup import find_cycle
from okrdesk.services.specs import spec_for
from okrdesk.services.workspace import Workspace, name_change


@dataclass(frozen=True)
class PlannedStep:
    title: str
    minutes: int
    guided_step: str  # a key of planning.STEPS, or "" for a step of its own (welcome, break)


# Two hours, in the order of the guided planning session.
DEFAULT_AGENDA: tuple[PlannedStep, ...] = (
    PlannedStep("Welcome and why we are here", 10, ""),
    PlannedStep("Where we are heading: mission and strategy", 10, "foundation"),
    PlannedStep("This cycle's themes", 10, "themes"),
    PlannedStep("Brainstorm candidate objectives", 15, "objectives"),
    PlannedStep("Dot vote and choose", 10, "objectives"),
    PlannedStep("Break", 10, ""),
    PlannedStep("Key results for the chosen objectives", 25, "key_results"),
    PlannedStep("Initiatives and owners", 10, "initiatives"),
    PlannedStep("Alignment with the teams above", 5, "alignment"),
    PlannedStep("Review, parking lot and next steps", 15, "review"),
)
DEFAULT_DOTS = 3


@dataclass(frozen=True)
class SessionInfo:
    id: str
    title: str
    cycle_id: str | None
    cycle_name: str | None
    current_step: int
    dots_per_participant: int
    created_at: datetime


@dataclass(frozen=True)
class AgendaItem:
    id: str
    index: int
    title: str
    guided_step: str
    planned_minutes: int
    actual_seconds: int | None
    notes: str

    @property
    def planned_seconds(self) -> int:
        return self.planned_minutes * 60


@dataclass(frozen=True)
class ParticipantInfo:
    id: str
    name: str
    role: str


@dataclass(frozen=True)
class ParkingItem:
    id: str
    text: str
    session_id: str | None
    session_title: str | None  # None once its session was deleted
    resolved: bool
    created_at: datetime


# -- sessions ----------------------------------------------------------------------------------


def start_session(
    ws: Workspace,
    title: str,
    cycle: str | None = None,
    agenda: tuple[PlannedStep, ...] = DEFAULT_AGENDA,
    dots: int = DEFAULT_DOTS,
) -> str:
    """Create a session with its agenda in one transaction; return the session's id.

    ``cycle`` is a cycle's name or id (None: the cycle running today, when there is one).
    """
    clean_title = _field("workshop_session", "title", title)
    clean_dots = _field("workshop_session", "dots_per_participant", dots)
    with ws.write() as s:
        cycle_id = None
        has_cycles = s.scalar(select(func.count()).select_from(m.Cycle))
        if cycle or has_cycles:
            cycle_id = find_cycle(s, cycle).id
        session = m.WorkshopSession(
            title=clean_title,
            cycle_id=cycle_id,
            current_step=0,
            dots_per_participant=clean_dots,
        )
        s.add(session)
        s.flush()
        for n, step in enumerate(agenda):
            s.add(_agenda_step(session.id, step.title, step.minutes, step.guided_step, n))
        name_change(s, f"Start workshop “{clean_title}”")
        return session.id


def sessions(ws: Workspace) -> list[SessionInfo]:
    """Every workshop session, newest first."""
    with ws.read() as s:
        rows = s.execute(
            select(m.WorkshopSession, m.Cycle.name)
            .outerjoin(m.Cycle, m.Cycle.id == m.WorkshopSession.cycle_id)
            .order_by(m.WorkshopSession.created_at.desc(), m.WorkshopSession.title)
        ).all()
        return [_session_info(session, cycle_name) for session, cycle_name in rows]


def session_info(ws: Workspace, session_id: str) -> SessionInfo:
    with ws.read() as s:
        session = _load(s, session_id)
        cycle = s.get(m.Cycle, session.cycle_id) if session.cycle_id else None
        return _session_info(session, cycle.name if cycle else None)


def _session_info(session: m.WorkshopSession, cycle_name: str | None) -> SessionInfo:
    return SessionInfo(
        session.id,
        session.title,
        session.cycle_id,
        cycle_name,
        session.current_step,
        session.dots_per_participant,
        session.created_at,
    )


# -- the agenda --------------------------------------------------------------------------------


def agenda(ws: Workspace, session_id: str) -> list[AgendaItem]:
    with ws.read() as s:
        _load(s, session_id)
        steps = s.scalars(
            select(m.AgendaStep)
            .where(m.AgendaStep.session_id == session_id)
            .order_by(m.AgendaStep.position)
        ).all()
        return [
            AgendaItem(
                st.id, n, st.title, st.guided_step, st.planned_minutes, st.actual_seconds, st.notes
            )
            for n, st in enumerate(steps)
        ]


def add_default_agenda(
    ws: Workspace, session_id: str, agenda: tuple[PlannedStep, ...] = DEFAULT_AGENDA
) -> None:
    """Append the default two-hour agenda to a session (one transaction), e.g. to a session
    made without one."""
    with ws.write("Add the default agenda") as s:
        _load(s, session_id)
        start = _next_position(s, m.AgendaStep, m.AgendaStep.session_id == session_id)
        for n, step in enumerate(agenda):
            s.add(_agenda_step(session_id, step.title, step.minutes, step.guided_step, start + n))


def planned_minutes(items: list[AgendaItem]) -> int:
    return sum(item.planned_minutes for item in items)


def record_time(
    ws: Workspace, session_id: str, spent: dict[str, int], current_step: int | None = None
) -> None:
    """Save the time each step really took (seconds, by step id) and the step we are on.

    The clock calls this when it moves on, so a session reopened later shows the agenda
    as run. One transaction; not an edit worth undoing (like turning a page).
    """
    with ws.write() as s:
        session = _load(s, session_id)
        for step_id, seconds in spent.items():
            step = s.get(m.AgendaStep, step_id)
            if step is None or step.session_id != session_id:
                raise NotFoundError(f"no agenda step {step_id} in this session")
            step.actual_seconds = max(0, round(seconds))
        if current_step is not None:
            session.current_step = max(0, current_step)


def _agenda_step(
    session_id: str, title: str, minutes: int, guided_step: str, position: int
) -> m.AgendaStep:
    return m.AgendaStep(
        session_id=session_id,
        title=_field("agenda_step", "title", title),
        planned_minutes=_field("agenda_step", "planned_minutes", minutes),
        guided_step=_field("agenda_step", "guided_step", guided_step),
        notes="",
        position=position,
    )


# -- people ------------------------------------------------------------------------------------


def participants(ws: Workspace, session_id: str) -> list[ParticipantInfo]:
    return [
        ParticipantInfo(p["id"], p["name"], p["role"])
        for p in entities.list_items(ws, "participant", session_id=session_id)
    ]


def add_participants(ws: Workspace, session_id: str, text: str) -> list[str]:
    """Several people at once, one a line, "Name, role", "Name; role" or "Name – role"
    (one transaction); return their ids."""
    people = [_name_and_role(line) for line in text.splitlines() if line.strip()]
    if not people:
        raise ValidationError("Type one name a line", "name")
    with ws.write(f"Add {len(people)} participant(s)") as s:
        _load(s, session_id)
        start = _next_position(s, m.Participant, m.Participant.session_id == session_id)
        added = [
            m.Participant(
                session_id=session_id,
                name=_field("participant", "name", name),
                role=_field("participant", "role", role),
                position=start + n,
            )
            for n, (name, role) in enumerate(people)
        ]
        s.add_all(added)
        s.flush()
        return [p.id for p in added]


def _name_and_role(line: str) -> tuple[str, str]:
    for separator in (",", ";", " – ", " - ", "\t", ":"):
        if separator in line:
            name, role = line.split(separator, 1)
            return name.strip(), role.strip()
    return line.strip(), ""


# -- the parking lot ---------------------------------------------------------------------------


def parking_lot(
    ws: Workspace, session_id: str | None = None, *, include_resolved: bool = True
) -> list[ParkingItem]:
    """The parking lot, oldest first: a session's items, or the whole workspace's."""
    query = (
        select(m.ParkingLotItem, m.WorkshopSession.title)
        .outerjoin(m.WorkshopSession, m.WorkshopSession.id == m.ParkingLotItem.session_id)
        .order_by(m.ParkingLotItem.created_at, literal_column("parking_lot_item.rowid"))
    )
    if session_id is not None:
        query = query.where(m.ParkingLotItem.session_id == session_id)
    if not include_resolved:
        query = query.where(m.ParkingLotItem.resolved.is_(False))
    with ws.read() as s:
        return [
            ParkingItem(item.id, item.text, item.session_id, title, item.resolved, item.created_at)
            for item, title in s.execute(query)
        ]


# -- helpers -----------------------------------------------------------------------------------


def _load(s, session_id: str) -> m.WorkshopSession:
    session = s.get(m.WorkshopSession, session_id)
    if session is None:
        raise NotFoundError(f"no workshop session with id {session_id}")
    return session


def _field(kind: str, name: str, value: object) -> object:
    """A value checked as the entity services check it (length, range, required)."""
    return spec_for(kind).fields[name].coerce(name, value)


def _next_position(s, model: type[m.Base], where: object) -> int:
    highest = s.scalar(select(func.max(model.position)).where(where))  # type: ignore[attr-defined]
    return 0 if highest is None else highest + 1
