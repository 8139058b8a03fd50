"""One objective in the review: kind, score, band and what the score means; then its key
results, each with progress, the suggested grade, the grade given and a comment."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from okrdesk.formatting import editable_number, percent, score_text
from okrdesk.services.review import KeyResultReview, ObjectiveReview
from ui.guided.fields import ErrorLabel
from ui.review.fields import SavedField
from ui.review.looks import (
    MUTED,
    band_colours,
    chip,
    kind_tip,
    kind_word,
    set_band_chip,
    set_chip,
    set_read_only,
)

COLUMNS = 5  # key result, progress, suggested, grade, band
WIDTHS = (64, 96, 64, 84)  # progress, suggested (" · changed"), grade, band
# (key result or objective id, typed text) → raises OkrDeskError to refuse
Save = Callable[[str, str], None]
OUTCOME_COLOURS = {
    "met": ("#dcefdc", "#1d5a20"),
    "success": ("#dcefdc", "#1d5a20"),
    "missed": ("#fbe0dc", "#8e1b10"),
    "shortfall": ("#fff0c2", "#6b4a00"),
}


def _line(name: str, placeholder: str, width: int | None = None) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(placeholder)
    if width:
        edit.setFixedWidth(width)
    return edit


class KeyResultRow:
    """The widgets of one key result, placed on the card's grid at `row`, its comment below
    it (`row + 1`) and the error line below that (`row + 2`). A card showing another
    objective shows another key result in it (:meth:`show` with ``force``)."""

    ROWS = 3

    def __init__(self, grid: QGridLayout, row: int, kr: KeyResultReview, saves: dict[str, Save]):
        self.kr = kr
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QLabel()
        self.progress.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.suggested = QLabel()
        self.suggested.setStyleSheet(MUTED)
        self.grade = _line("gradeField", "grade 0–1", 64)
        self.band = chip("", band_colours(None))
        self.comment = _line("gradeComment", "Comment on this grade")
        self.error = ErrorLabel()
        # Saved to the key result shown when the person leaves the field.
        self.grade_field = SavedField(
            self.grade, self.error, lambda t: saves["grade"](self.kr.id, t)
        )
        self.comment_field = SavedField(
            self.comment, self.error, lambda t: saves["comment"](self.kr.id, t)
        )
        for column, widget in enumerate(
            (self.title, self.progress, self.suggested, self.grade, self.band)
        ):
            grid.addWidget(widget, row, column)
        grid.setAlignment(self.band, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        below = QHBoxLayout()
        below.setContentsMargins(16, 0, 0, 6)  # under its key result, a little indented
        below.addWidget(self.comment)
        grid.addLayout(below, row + 1, 0, 1, COLUMNS)
        grid.addWidget(self.error, row + 2, 0, 1, COLUMNS)
        self.show(kr, force=True)

    def set_visible(self, visible: bool) -> None:
        """Shown or left out (a card showing an objective with fewer key results)."""
        for widget in (self.title, self.progress, self.suggested, self.grade, self.band):
            widget.setVisible(visible)
        self.comment.setVisible(visible)
        if not visible:
            self.error.clear_error()

    def show(self, kr: KeyResultReview, force: bool = False) -> None:
        self.kr = kr
        self.title.setText(kr.title)
        self.progress.setText(percent(kr.progress))
        self.progress.setToolTip("Progress from the latest check-in")
        changed = " · changed" if kr.overridden else ""
        self.suggested.setText(f"{score_text(kr.suggested)}{changed}")
        self.suggested.setToolTip(
            "The grade suggested from progress" + ("; the grade given differs" if changed else "")
        )
        self.grade_field.load(editable_number(kr.grade), force)  # exactly what is stored
        self.grade.setToolTip(
            "Ungraded: leave it empty, or type a grade"
            if kr.grade is None
            else "Clear the field to go back to the suggested grade"
        )
        font = self.grade.font()
        font.setBold(kr.overridden)
        self.grade.setFont(font)
        set_band_chip(self.band, kr.band)
        self.comment_field.load(kr.comment, force)
        self.comment.setToolTip(kr.comment)

    def set_read_only(self, read_only: bool) -> None:
        set_read_only(self.grade, read_only)
        set_read_only(self.comment, read_only)


class ObjectiveCard(QFrame):
    """An objective and its key results, graded inline. The page shows another objective in
    a card it already has (:meth:`show_objective`): making the widgets anew for each team
    was most of the time a team switch took."""

    def __init__(self, o: ObjectiveReview, saves: dict[str, Save], parent: QWidget | None = None):
        super().__init__(parent)
        self._saves = saves
        self.setObjectName("objectiveCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.objective = o
        self.kind = chip(kind_word(o.kind), ("#e4ebf5", "#24476e"), kind_tip(o.kind))
        self.kind.setObjectName("objectiveKind")
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        bold = QFont(self.title.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.1)
        self.title.setFont(bold)
        self.score = QLabel()
        self.score.setObjectName("objectiveScore")
        self.band = chip("", band_colours(None))
        self.band.setObjectName("objectiveBand")
        self.outcome = chip("", band_colours(None))
        self.outcome.setObjectName("objectiveOutcome")
        top = QHBoxLayout()
        top.addWidget(self.kind, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.title, 1)
        for widget in (self.score, self.band, self.outcome):
            top.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)

        self.override = _line("objectiveOverride", "—", 64)
        self.override_comment = _line("objectiveComment", "Comment on the objective")
        self.override_error = ErrorLabel()
        self.override_field = SavedField(
            self.override, self.override_error, lambda t: saves["objective"](self.objective.id, t)
        )
        self.override_comment_field = SavedField(
            self.override_comment,
            self.override_error,
            lambda t: saves["objective_comment"](self.objective.id, t),
        )
        self.computed = QLabel()
        self.computed.setStyleSheet(MUTED)
        own = QHBoxLayout()
        own.addWidget(QLabel("Score by hand:"))
        own.addWidget(self.override)
        own.addWidget(self.computed)
        own.addWidget(self.override_comment, 1)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        for column, text in enumerate(("Key result", "Progress", "Suggested", "Grade", "Band")):
            header = QLabel(text)
            header.setStyleSheet("color: #555; font-weight: 600;")
            grid.addWidget(header, 0, column)
        grid.setColumnStretch(0, 1)
        for column, width in enumerate(WIDTHS, start=1):  # the same columns on every card
            grid.setColumnMinimumWidth(column, width)
        self._grid = grid
        self._lines: list[KeyResultRow] = []  # made so far; the first ones show the KRs
        self.rows: dict[str, KeyResultRow] = {}  # those shown, by key result id
        self.no_key_results = QLabel("No key results.")
        grid.addWidget(self.no_key_results, 1, 0, 1, COLUMNS)

        layout = QGridLayout(self)
        layout.addLayout(top, 0, 0)
        layout.addLayout(own, 1, 0)
        layout.addWidget(self.override_error, 2, 0)
        layout.addLayout(grid, 3, 0)
        self.show_objective(o)

    def show_objective(self, o: ObjectiveReview) -> None:
        """Show another objective (or the same one anew), with as many key result rows."""
        self.kind.setText(kind_word(o.kind))
        self.kind.setToolTip(kind_tip(o.kind))
        self.rows = {}
        for n, kr in enumerate(o.key_results):
            if n == len(self._lines):
                row = 1 + KeyResultRow.ROWS * n
                self._lines.append(KeyResultRow(self._grid, row, kr, self._saves))
            line = self._lines[n]
            line.set_visible(True)
            self.rows[kr.id] = line
        for line in self._lines[len(o.key_results) :]:
            line.set_visible(False)
        self.no_key_results.setVisible(not o.key_results)
        self.show_review(o, force=True)

    def show_review(self, o: ObjectiveReview, force: bool = False) -> None:
        self.objective = o
        self.title.setText(o.title)
        self.score.setText(f"Score {score_text(o.score)}")
        set_band_chip(self.band, o.band)
        if o.outcome_label:
            set_chip(self.outcome, o.outcome_label, OUTCOME_COLOURS.get(o.outcome or "", ("", "")))
            self.outcome.setToolTip(kind_tip(o.kind))
        self.outcome.setVisible(bool(o.outcome_label))
        self.override_field.load(editable_number(o.override), force)
        self.computed.setText(
            f"(empty: the weighted mean, {score_text(o.computed)})"
            if o.override is None
            else f"(replaces the weighted mean, {score_text(o.computed)})"
        )
        self.override.setToolTip("Leave empty to use the weighted mean of the key results")
        self.override_comment_field.load(o.comment, force)
        self.override_comment.setToolTip(o.comment)
        for kr in o.key_results:
            self.rows[kr.id].show(kr, force)

    def set_read_only(self, read_only: bool) -> None:
        set_read_only(self.override, read_only)
        set_read_only(self.override_comment, read_only)
        for row in self.rows.values():
            row.set_read_only(read_only)

    def fields(self) -> list[SavedField]:
        found = [self.override_field, self.override_comment_field]
        for row in self.rows.values():
            found += [row.grade_field, row.comment_field]
        return found
