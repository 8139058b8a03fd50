"""How the end-of-cycle screens show scores, bands, kinds and states: words and colour
together (they must read in greyscale and to a colour-blind reader)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from okrdesk.vocabulary import (
    BAND_WORDS,
    CYCLE_STATE_HINTS,
    CYCLE_STATE_WORDS,
    OBJECTIVE_KIND_WORDS,
    Band,
    CycleState,
    ObjectiveKind,
)

# (background, text) per band; the word always goes with the colour.
BAND_COLOURS: dict[Band, tuple[str, str]] = {
    "red": ("#fbe0dc", "#8e1b10"),
    "amber": ("#fff0c2", "#6b4a00"),
    "green": ("#dcefdc", "#1d5a20"),
}
NO_BAND = ("#eeeeee", "#555555")
# What a score means by the objective's kind, in the review's terms (grades from 0 to 1).
KIND_TIPS: dict[ObjectiveKind, str] = {
    "committed": "expected to reach 1.0; anything less is a miss",
    "aspirational": "about 0.7 counts as success",
}
MUTED = "color: #555;"
BANNER_STYLE = (
    "background: #fff4d6; color: #5a4000; border: 1px solid #e0c070; border-radius: 4px;"
    " padding: 6px 10px;"
)
RESULT_STYLE = "color: #1d5a20;"
HEADING_STYLE = "font-size: 14pt; font-weight: 600;"


def kind_word(kind: ObjectiveKind) -> str:
    return OBJECTIVE_KIND_WORDS[kind].capitalize()


def kind_tip(kind: ObjectiveKind) -> str:
    """ "Committed: expected to reach 1.0; anything less is a miss." """
    return f"{kind_word(kind)}: {KIND_TIPS[kind]}."


def state_text(state: CycleState) -> str:
    """ "in review — grades are being given"."""
    return f"{CYCLE_STATE_WORDS[state]} — {CYCLE_STATE_HINTS[state]}"


def chip(
    text: str, colours: tuple[str, str], tip: str = "", parent: QWidget | None = None
) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("chip")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setToolTip(tip)
    set_chip(label, text, colours)
    return label


def set_chip(label: QLabel, text: str, colours: tuple[str, str]) -> None:
    background, foreground = colours
    label.setText(text)
    style = (
        f"background: {background}; color: {foreground}; border-radius: 8px;"
        " padding: 1px 8px; font-weight: 600;"
    )
    if label.styleSheet() != style:  # setting a style sheet costs a new style, even the same
        label.setStyleSheet(style)


def band_colours(band: Band | None) -> tuple[str, str]:
    return BAND_COLOURS[band] if band else NO_BAND


def band_word(band: Band | None) -> str:
    return BAND_WORDS[band].capitalize() if band else "No score"


def set_band_chip(label: QLabel, band: Band | None, prefix: str = "") -> None:
    set_chip(label, f"{prefix}{band_word(band)}", band_colours(band))


READ_ONLY_STYLE = (
    'QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"]'
    " { background: #f1f1f1; color: #333; border: 1px solid #d6d6d6; }"
)


def set_read_only(edit: QLineEdit | QPlainTextEdit, read_only: bool) -> None:
    """Read-only, and looking it (grey) under a page styled with READ_ONLY_STYLE."""
    if edit.isReadOnly() == read_only:
        return
    edit.setReadOnly(read_only)
    edit.style().unpolish(edit)
    edit.style().polish(edit)
