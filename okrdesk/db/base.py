"""Declarative base, naming conventions and the column helpers every model shares."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints let Alembic alter SQLite tables in batch mode later on.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A random UUID4 as text: the stable identity of every entity, kept by export/import."""
    return str(uuid.uuid4())


def utc_now() -> datetime:
    # Stored naive (SQLite has no time zones); always UTC by convention.
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class HasId:
    """Every entity carries a UUID primary key."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)


def enum_check(column: str, values: tuple[str, ...]) -> str:
    """SQL text for a CHECK that keeps a text column within a fixed set of values."""
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"
