"""Objectives, their alignment links, key results and initiatives."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from okrdesk.db.base import Base, HasId, enum_check, utc_now
from okrdesk.vocabulary import (
    CONFIDENCES,
    DIRECTIONS,
    INITIATIVE_STATUSES,
    KEY_RESULT_KINDS,
    OBJECTIVE_KINDS,
    OBJECTIVE_STATUSES,
    Confidence,
    Direction,
    InitiativeStatus,
    KeyResultKind,
    ObjectiveKind,
    ObjectiveStatus,
)


class Objective(HasId, Base):
    """The qualitative *what*: owned by a team within a cycle."""

    __tablename__ = "objective"
    __table_args__ = (
        CheckConstraint(enum_check("kind", OBJECTIVE_KINDS), name="kind"),
        CheckConstraint(enum_check("status", OBJECTIVE_STATUSES), name="status"),
    )

    cycle_id: Mapped[str] = mapped_column(ForeignKey("cycle.id", ondelete="CASCADE"), index=True)
    team_id: Mapped[str] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"), index=True)
    theme_id: Mapped[str | None] = mapped_column(ForeignKey("theme.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(300))
    why: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(120), default="")
    kind: Mapped[ObjectiveKind] = mapped_column(String(20), default="committed")
    status: Mapped[ObjectiveStatus] = mapped_column(String(20), default="draft")
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)


class AlignmentLink(HasId, Base):
    """An objective supports a higher objective or key result; many-to-many, optional weight."""

    __tablename__ = "alignment_link"
    __table_args__ = (
        CheckConstraint(
            "(parent_objective_id IS NULL) <> (parent_key_result_id IS NULL)", name="one_parent"
        ),
        CheckConstraint("weight IS NULL OR weight >= 0", name="weight"),
        CheckConstraint("objective_id <> parent_objective_id", name="not_self"),
        UniqueConstraint("objective_id", "parent_objective_id", "parent_key_result_id"),
    )

    objective_id: Mapped[str] = mapped_column(
        ForeignKey("objective.id", ondelete="CASCADE"), index=True
    )
    parent_objective_id: Mapped[str | None] = mapped_column(
        ForeignKey("objective.id", ondelete="CASCADE"), index=True
    )
    parent_key_result_id: Mapped[str | None] = mapped_column(
        ForeignKey("key_result.id", ondelete="CASCADE"), index=True
    )
    weight: Mapped[float | None] = mapped_column(Float)


class KeyResult(HasId, Base):
    """The measurable *how we know*: a metric, a milestone, or a three-level result."""

    __tablename__ = "key_result"
    __table_args__ = (
        CheckConstraint(enum_check("kind", KEY_RESULT_KINDS), name="kind"),
        CheckConstraint(enum_check("direction", DIRECTIONS), name="direction"),
        CheckConstraint(
            "confidence IS NULL OR " + enum_check("confidence", CONFIDENCES), name="confidence"
        ),
        CheckConstraint(
            "confidence_score IS NULL OR confidence_score BETWEEN 1 AND 10", name="confidence_score"
        ),
        CheckConstraint("weight >= 0", name="weight"),
    )

    objective_id: Mapped[str] = mapped_column(
        ForeignKey("objective.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[KeyResultKind] = mapped_column(String(20), default="metric")
    start: Mapped[float | None] = mapped_column(Float)
    target: Mapped[float | None] = mapped_column(Float)
    current: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(40), default="")
    direction: Mapped[Direction] = mapped_column(String(10), default="increase")
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    # Three-level key results are graded against these, in the key result's unit.
    commit_level: Mapped[float | None] = mapped_column(Float)
    stretch_level: Mapped[float | None] = mapped_column(Float)
    owner: Mapped[str] = mapped_column(String(120), default="")
    confidence: Mapped[Confidence | None] = mapped_column(String(20))
    confidence_score: Mapped[int | None] = mapped_column(Integer)
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)


class Initiative(HasId, Base):
    """The work that moves key results; it lives under an objective and links its key results."""

    __tablename__ = "initiative"
    __table_args__ = (CheckConstraint(enum_check("status", INITIATIVE_STATUSES), name="status"),)

    objective_id: Mapped[str] = mapped_column(
        ForeignKey("objective.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    status: Mapped[InitiativeStatus] = mapped_column(String(20), default="planned")
    owner: Mapped[str] = mapped_column(String(120), default="")
    due_date: Mapped[date | None] = mapped_column(Date)
    position: Mapped[int] = mapped_column(Integer, default=0)


class InitiativeKeyResult(Base):
    """Which key results an initiative moves (one or more)."""

    __tablename__ = "initiative_key_result"

    initiative_id: Mapped[str] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True
    )
    key_result_id: Mapped[str] = mapped_column(
        ForeignKey("key_result.id", ondelete="CASCADE"), primary_key=True, index=True
    )
