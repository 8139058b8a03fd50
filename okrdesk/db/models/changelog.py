"""The change log: one line per committed change, so that every open window sees the others'."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from okrdesk.db.base import Base, utc_now


class ChangeLogEntry(Base):
    """What one write changed (kinds and ids, as JSON), and which open workspace made it.

    Not part of the organisation's data: exports, copies of OKRs and undo ignore it. It
    is pruned to its latest entries; a reader that fell behind refreshes everything.
    """

    __tablename__ = "change_log"
    # AUTOINCREMENT: a number is never given twice, even after pruning.
    __table_args__ = {"sqlite_autoincrement": True}  # noqa: RUF012

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    origin: Mapped[str] = mapped_column(String(32))
    made_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    label: Mapped[str] = mapped_column(String(200), default="")
    changes: Mapped[str] = mapped_column(Text)
