"""Workshop sessions: agenda, participants, candidate objectives with votes, parking lot."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from okrdesk.db.base import Base, HasId, enum_check, utc_now
from okrdesk.vocabulary import CANDIDATE_KINDS, CANDIDATE_STATUSES, CandidateKind, CandidateStatus


class WorkshopSession(HasId, Base):
    """A planning workshop: a timed agenda run with a group."""

    __tablename__ = "workshop_session"
    __table_args__ = (CheckConstraint("dots_per_participant >= 0", name="dots"),)

    title: Mapped[str] = mapped_column(String(200))
    cycle_id: Mapped[str | None] = mapped_column(ForeignKey("cycle.id", ondelete="SET NULL"))
    current_step: Mapped[int] = mapped_column(Integer, default=0)
    dots_per_participant: Mapped[int] = mapped_column(Integer, default=3)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)


class AgendaStep(HasId, Base):
    """One timed step of a workshop agenda, with the time it really took and notes."""

    __tablename__ = "agenda_step"
    __table_args__ = (
        CheckConstraint("planned_minutes > 0", name="planned"),
        CheckConstraint("actual_seconds IS NULL OR actual_seconds >= 0", name="actual"),
    )

    session_id: Mapped[str] = mapped_column(
        ForeignKey("workshop_session.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    # Which page of the guided planning session this step shows (e.g. "themes"), if any.
    guided_step: Mapped[str] = mapped_column(String(40), default="")
    planned_minutes: Mapped[int] = mapped_column(Integer)
    actual_seconds: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Participant(HasId, Base):
    """Someone in the room."""

    __tablename__ = "participant"

    session_id: Mapped[str] = mapped_column(
        ForeignKey("workshop_session.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(120), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Candidate(HasId, Base):
    """A brainstormed candidate objective or key result, before the group decides."""

    __tablename__ = "candidate"
    __table_args__ = (
        CheckConstraint(enum_check("kind", CANDIDATE_KINDS), name="kind"),
        CheckConstraint(enum_check("status", CANDIDATE_STATUSES), name="status"),
    )

    session_id: Mapped[str] = mapped_column(
        ForeignKey("workshop_session.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(String(300))
    kind: Mapped[CandidateKind] = mapped_column(String(20), default="objective")
    # Duplicates are grouped under one representative candidate.
    group_id: Mapped[str | None] = mapped_column(ForeignKey("candidate.id", ondelete="SET NULL"))
    status: Mapped[CandidateStatus] = mapped_column(String(20), default="open")
    promoted_objective_id: Mapped[str | None] = mapped_column(
        ForeignKey("objective.id", ondelete="SET NULL")
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class Vote(HasId, Base):
    """Dots given to a candidate, by one participant or as a room total."""

    __tablename__ = "vote"
    __table_args__ = (CheckConstraint("dots > 0", name="dots"),)

    candidate_id: Mapped[str] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[str | None] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE")
    )
    dots: Mapped[int] = mapped_column(Integer)


class ParkingLotItem(HasId, Base):
    """An idea set aside; it outlives the workshop it came from."""

    __tablename__ = "parking_lot_item"

    text: Mapped[str] = mapped_column(Text)
    session_id: Mapped[str | None] = mapped_column(
        ForeignKey("workshop_session.id", ondelete="SET NULL")
    )
    resolved: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
