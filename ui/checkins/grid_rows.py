"""What one line of the check-in grid holds, and its columns (data only, no widgets)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

from okrdesk.services.checkins import CheckInView
from okrdesk.services.views import KeyResultView
from okrdesk.vocabulary import CONFIDENCE_WORDS, Confidence
from ui.checkins.format import DONE, NOT_DONE
from ui.typed_numbers import shown

KR, LAST, VALUE, SUGGESTED, CONFIDENCE, NOTE = range(6)
HEADERS = ["Key result", "Last check-in", "New value", "Pace suggests", "Confidence", "Note"]
EDITABLE = (VALUE, CONFIDENCE, NOTE)
LEVEL_WORDS = list(CONFIDENCE_WORDS.values())  # on track, at risk, off track
TOUCHED = "●"  # marks a row typed in (to be saved), with a light tint
TOUCHED_BACKGROUND = QColor("#fff4cc")
UNTOUCHED_TEXT = QColor("#80868f")  # pre-filled, not typed: grey (and italic)


@dataclass
class GridRow:
    """One key result's line: what was there, what is typed, what pace says."""

    kr: KeyResultView
    objective: str
    last: CheckInView | None
    value: str
    confidence: str  # "on track" … or "1"…"10"; "" for none
    note: str = ""
    touched: bool = False
    value_typed: bool = False  # once a value is typed, the confidence follows pace …
    confidence_chosen: bool = False  # … unless one was chosen
    suggestion: Confidence | None = None  # what pace suggests
    error: str = ""
    error_column: int = VALUE


def prefilled_confidence(last: CheckInView | None, scale: str) -> str:
    """The last check-in's confidence, as the grid's cell shows it."""
    if last is None:
        return ""
    if scale == "1-10":
        return str(last.confidence_score) if last.confidence_score else ""
    return CONFIDENCE_WORDS[last.confidence] if last.confidence else ""


def prefilled_value(kr: KeyResultView, last: CheckInView | None) -> str:
    """The last check-in's value; before any, where the key result stands (or starts)."""
    if kr.kind == "milestone":
        done = last.value == 1.0 if last is not None else kr.done
        return DONE if done else NOT_DONE
    if last is not None and last.value is not None:
        return shown(last.value)
    return shown(kr.current if kr.current is not None else kr.start)


__all__ = [
    "CONFIDENCE",
    "EDITABLE",
    "HEADERS",
    "KR",
    "LAST",
    "NOTE",
    "SUGGESTED",
    "VALUE",
    "GridRow",
    "prefilled_confidence",
    "prefilled_value",
]
