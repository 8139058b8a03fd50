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

    # A rowid: the next is the highest + 1. Pruning removes only the oldest, so a number
    # is never given twice (no AUTOINCREMENT: it would write one more page every time).
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    origin: Mapped[str] = mapped_column(String(32))
    made_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    label: Mapped[str] = mapped_column(String(200), default="")
    changes: Mapped[str] = mapped_column(Text)
