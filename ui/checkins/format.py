"""How check-in values, dates and confidences read on screen (shared by the check-in views)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from okrdesk.formatting import number
from okrdesk.services.checkins import CheckInView
from okrdesk.vocabulary import CONFIDENCE_WORDS, Confidence

LEVEL_COLOURS: dict[Confidence, str] = {
    "on_track": "#4f8a4b",
    "at_risk": "#d9a53f",
    "off_track": "#c8553d",
}
ERROR_STYLE = "background:#fde7e9; color:#8a1020; border:1px solid #e8a3ab; padding:6px;"
INFO_STYLE = "background:#eaf1fb; color:#1d3f66; border:1px solid #b6cbe6; padding:6px;"
CLOSED_STYLE = "background:#f1f1f1; color:#333; border:1px solid #bbb; padding:6px;"
ERROR_BACKGROUND = QColor("#fde7e9")
DONE, NOT_DONE = "done", "not done"


def value_text(value: float | None, kind: str, unit: str = "") -> str:
    """ "22 hours", "done", "—"."""
    if value is None:
        return "—"
    if kind == "milestone":
        return DONE if value == 1.0 else NOT_DONE
    return f"{number(value)} {unit}".strip()


def change_text(change: float | None, kind: str, unit: str = "") -> str:
    if change is None:
        return ""
    if kind == "milestone":
        return "now done" if change > 0 else "no longer done" if change < 0 else "no change"
    if round(change, 6) == 0:
        return "no change"
    sign = "+" if change > 0 else "−"
    return f"{sign}{number(abs(change))} {unit}".strip()


def day_text(day: date, with_year: bool = False) -> str:
    return f"{day.day} {day:%b %Y}" if with_year else f"{day.day} {day:%b}"


def confidence_text(view: CheckInView | None) -> str:
    """ "on track", "7/10 (on track)", or "" without a confidence."""
    if view is None:
        return ""
    words = CONFIDENCE_WORDS[view.confidence] if view.confidence else ""
    if view.confidence_score is not None:
        return f"{view.confidence_score}/10 ({words})" if words else f"{view.confidence_score}/10"
    return words


_ICONS: dict[Confidence, QIcon] = {}


def level_icon(level: Confidence | None) -> QIcon:
    """A small round swatch in the level's colour (the words beside it carry the meaning);
    drawn once per level."""
    if level is None:
        return QIcon()
    if level not in _ICONS:
        _ICONS[level] = _swatch(level)
    return _ICONS[level]


def _swatch(level: Confidence) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#555"))
    painter.setBrush(QColor(LEVEL_COLOURS[level]))
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)
