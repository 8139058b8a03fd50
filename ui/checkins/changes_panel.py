"""What changed since the last check-in, for a team: per key result, before → now.

Newest check-ins first; key results never checked in come last. Confidence changes
read in words with an arrow (↑ better, ↓ worse; "still …" when the same), so colour is never needed.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from okrdesk.services.checkin_views import KeyResultChange
from ui.checkins.format import change_text, confidence_text, day_text, level_icon, value_text

ARROWS = {"better": "↑", "worse": "↓", "same": "→"}
ID_ROLE = Qt.ItemDataRole.UserRole


def newest_first(changes: list[KeyResultChange]) -> list[KeyResultChange]:
    def key(c: KeyResultChange) -> tuple[date, datetime]:
        if c.latest is None:
            return date.min, datetime.min
        return c.latest.date, c.latest.created_at or datetime.min

    return sorted(changes, key=key, reverse=True)  # stable: plan order within a day


def confidence_change(c: KeyResultChange) -> str:
    now = confidence_text(c.latest)
    if c.previous is None or c.confidence_trend is None:
        return now
    before = confidence_text(c.previous)
    if c.confidence_trend == "same":
        return f"still {now}"
    return f"{ARROWS[c.confidence_trend]} {c.confidence_trend}: {before} → {now}"


class ChangesPanel(QWidget):
    """Emits `key_result_activated(id)` when a line is double-clicked or Enter is pressed.

    Each line reads: the key result; before → now (dates) and the change; the confidence.
    """

    key_result_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.changes: list[KeyResultChange] = []
        self.heading = QLabel("What changed since the last check-in")
        self.heading.setStyleSheet("font-weight: 600;")
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAlternatingRowColors(True)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setAccessibleName("What changed since the last check-in, newest first")
        self.list.setMinimumWidth(200)
        self.list.itemActivated.connect(
            lambda item: self.key_result_activated.emit(item.data(ID_ROLE))
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)

    def show_changes(self, changes: list[KeyResultChange], kinds: dict[str, str]) -> None:
        """`kinds`: each key result's kind by id (milestones read done / not done)."""
        self.changes = newest_first(changes)
        self.list.clear()
        for c in self.changes:
            lines = change_lines(c, kinds.get(c.key_result_id, ""))
            item = QListWidgetItem("\n".join(lines))
            item.setData(ID_ROLE, c.key_result_id)
            item.setToolTip("\n".join([*lines, c.objective]))
            item.setIcon(level_icon(c.latest.confidence if c.latest is not None else None))
            self.list.addItem(item)

    def key_result_ids(self) -> list[str]:
        """The key results in the order shown (newest check-in first)."""
        return [c.key_result_id for c in self.changes]

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]


def change_lines(c: KeyResultChange, kind: str) -> list[str]:
    """ "Cut median hands-on rebuild time…" and
    "22.2 → 22 hours, −0.2 hours (16 → 23 Nov) · → still off track"."""
    if c.latest is None:
        return [c.title, "no check-in yet"]
    now = value_text(c.latest.value, kind, c.unit)
    if c.previous is None:
        values = f"first check-in: {now} ({day_text(c.latest.date)})"
    else:
        before = value_text(c.previous.value, kind, "")
        change = change_text(c.change, kind, c.unit)
        days = f"{day_text(c.previous.date)} → {day_text(c.latest.date)}"
        values = f"{before} → {now}, {change} ({days})"
    confidence = confidence_change(c)
    return [c.title, f"{values} · {confidence}" if confidence else values]


__all__ = ["ChangesPanel", "change_lines", "confidence_change", "newest_first"]
