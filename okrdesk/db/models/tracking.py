"""Running the cycle: check-ins, KPIs, grades, retrospectives and carry-forward decisions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
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
from okrdesk.vocabulary import CARRY_DECISIONS, CONFIDENCES, Confidence
from okrdesk.vocabulary import CarryDecision as Decision


class CheckIn(HasId, Base):
    """A dated value for a key result, with a confidence and a short note."""

    __tablename__ = "check_in"
    __table_args__ = (
        CheckConstraint(
            "confidence IS NULL OR " + enum_check("confidence", CONFIDENCES), name="confidence"
        ),
        CheckConstraint(
            "confidence_score IS NULL OR confidence_score BETWEEN 1 AND 10", name="confidence_score"
        ),
    )

    key_result_id: Mapped[str] = mapped_column(
        ForeignKey("key_result.id", ondelete="CASCADE"), index=True
    )
    date: Mapped[date] = mapped_column(Date)
    value: Mapped[float | None] = mapped_column(Float)
    confidence: Mapped[Confidence | None] = mapped_column(String(20))
    confidence_score: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)


class Kpi(HasId, Base):
    """A health metric watched continuously, with a healthy range (not an OKR)."""

    __tablename__ = "kpi"
    __table_args__ = (
        CheckConstraint(
            "healthy_low IS NULL OR healthy_high IS NULL OR healthy_low <= healthy_high",
            name="range",
        ),
    )

    name: Mapped[str] = mapped_column(String(200))
    team_id: Mapped[str | None] = mapped_column(ForeignKey("team.id", ondelete="SET NULL"))
    unit: Mapped[str] = mapped_column(String(40), default="")
    healthy_low: Mapped[float | None] = mapped_column(Float)
    healthy_high: Mapped[float | None] = mapped_column(Float)
    position: Mapped[int] = mapped_column(Integer, default=0)


class KpiValue(HasId, Base):
    """A dated reading of a KPI."""

    __tablename__ = "kpi_value"

    kpi_id: Mapped[str] = mapped_column(ForeignKey("kpi.id", ondelete="CASCADE"), index=True)
    date: Mapped[date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)


class KeyResultGrade(HasId, Base):
    """The end-of-cycle grade of a key result (0.0–1.0), overridable with a comment."""

    __tablename__ = "key_result_grade"
    __table_args__ = (CheckConstraint("score BETWEEN 0 AND 1", name="score"),)

    key_result_id: Mapped[str] = mapped_column(
        ForeignKey("key_result.id", ondelete="CASCADE"), unique=True
    )
    score: Mapped[float] = mapped_column(Float)
    comment: Mapped[str] = mapped_column(Text, default="")


class ObjectiveGrade(HasId, Base):
    """The review of an objective: its score is the weighted mean unless overridden."""

    __tablename__ = "objective_grade"
    __table_args__ = (CheckConstraint("score IS NULL OR score BETWEEN 0 AND 1", name="score"),)

    objective_id: Mapped[str] = mapped_column(
        ForeignKey("objective.id", ondelete="CASCADE"), unique=True
    )
    score: Mapped[float | None] = mapped_column(Float)
    comment: Mapped[str] = mapped_column(Text, default="")


class Retrospective(HasId, Base):
    """A team's look back at a cycle, and what it carries into the next."""

    __tablename__ = "retrospective"
    __table_args__ = (UniqueConstraint("team_id", "cycle_id"),)

    team_id: Mapped[str] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"))
    cycle_id: Mapped[str] = mapped_column(ForeignKey("cycle.id", ondelete="CASCADE"), index=True)
    achieved: Mapped[str] = mapped_column(Text, default="")
    missed: Mapped[str] = mapped_column(Text, default="")
    process: Mapped[str] = mapped_column(Text, default="")
    keep_doing: Mapped[str] = mapped_column(Text, default="")
    stop_doing: Mapped[str] = mapped_column(Text, default="")
    start_doing: Mapped[str] = mapped_column(Text, default="")


class CarryDecision(HasId, Base):
    """What happens to an objective or key result at the end of a cycle."""

    __tablename__ = "carry_decision"
    __table_args__ = (
        CheckConstraint(enum_check("decision", CARRY_DECISIONS), name="decision"),
        CheckConstraint("(objective_id IS NULL) <> (key_result_id IS NULL)", name="one_item"),
        UniqueConstraint("objective_id", "key_result_id"),
    )

    retrospective_id: Mapped[str] = mapped_column(
        ForeignKey("retrospective.id", ondelete="CASCADE"), index=True
    )
    objective_id: Mapped[str | None] = mapped_column(ForeignKey("objective.id", ondelete="CASCADE"))
    key_result_id: Mapped[str | None] = mapped_column(
        ForeignKey("key_result.id", ondelete="CASCADE")
    )
    decision: Mapped[Decision] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, default="")
