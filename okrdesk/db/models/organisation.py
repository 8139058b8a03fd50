"""The workspace's foundation, its team tree, cycles and themes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from okrdesk.db.base import Base, HasId, enum_check, utc_now
from okrdesk.vocabulary import (
    CYCLE_KINDS,
    CYCLE_STATES,
    TEAM_KINDS,
    CycleKind,
    CycleState,
    TeamKind,
)


class WorkspaceInfo(HasId, Base):
    """One row: the organisation and its foundation (mission, vision, strategy)."""

    __tablename__ = "workspace"

    name: Mapped[str] = mapped_column(String(200))
    mission: Mapped[str] = mapped_column(Text, default="")
    vision: Mapped[str] = mapped_column(Text, default="")
    strategy: Mapped[str] = mapped_column(Text, default="")
    # Workspace preferences: score bands, confidence scale, switched-off coach rules, ...
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)


class Team(HasId, Base):
    """A node of the organisation tree: the company at the root, departments and teams below."""

    __tablename__ = "team"
    __table_args__ = (CheckConstraint(enum_check("kind", TEAM_KINDS), name="kind"),)

    name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[TeamKind] = mapped_column(String(20), default="team")
    parent_id: Mapped[str | None] = mapped_column(
        ForeignKey("team.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text, default="")


class Cycle(HasId, Base):
    """A named period (a quarter by default) with dates and a state."""

    __tablename__ = "cycle"
    __table_args__ = (
        CheckConstraint("end_date > start_date", name="dates"),
        CheckConstraint(enum_check("state", CYCLE_STATES), name="state"),
        CheckConstraint(enum_check("kind", CYCLE_KINDS), name="kind"),
    )

    name: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[CycleKind] = mapped_column(String(20), default="quarter")
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    state: Mapped[CycleState] = mapped_column(String(20), default="planning")


class Theme(HasId, Base):
    """One of the two or three strategic themes a cycle focuses on."""

    __tablename__ = "theme"

    cycle_id: Mapped[str] = mapped_column(ForeignKey("cycle.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
