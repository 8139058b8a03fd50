"""The review of one team in one cycle: the cycle's state and its next steps, the team's
objectives with their scores, and a grade (pre-filled, overridable) with a comment for each
key result. A closed cycle is shown read-only, under a banner."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from okrdesk.errors import OkrDeskError
from okrdesk.formatting import score_text
from okrdesk.services.entities import label_of
from okrdesk.services.review import (
    ObjectiveReview,
    ReviewView,
    TeamReview,
    grade_key_result,
    review,
    set_objective_grade,
)
from okrdesk.services.review_totals import CycleTotals
from ui.review.grade_rows import ObjectiveCard
from ui.review.looks import (
    BANNER_STYLE,
    HEADING_STYLE,
    MUTED,
    band_colours,
    chip,
    set_band_chip,
)
from ui.review.refresh import Refreshing
from ui.review.state_bar import CycleStateBar
from ui.session import Changes, WorkspaceSession

HINT = (
    "Grades run from 0.0 to 1.0 and are saved when you leave the field; clear a grade to go "
    "back to the suggestion. Ctrl+Z undoes. A team's and a cycle's score are the plain mean "
    "of their objectives."
)


class ReviewPage(Refreshing):
    """Mount with ``add_page``; ``set_context(cycle_id, team_id)`` follows the navigator."""

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.view: ReviewView | None = None
        self.team: TeamReview | None = None
        self.cards: dict[str, ObjectiveCard] = {}
        self._shape: tuple = ()
        self._totals_of: str | None = None  # the cycle whose totals are shown
        # The whole cycle's totals, computed once and then kept current from every change
        # (from anywhere: this window, another one, another program).
        self.totals = CycleTotals()
        self._totals_timer = QTimer(self, singleShot=True, interval=150)
        self._totals_timer.timeout.connect(self._totals)

        self.state_bar = CycleStateBar(session)
        self.banner = QLabel()
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.heading = QLabel()
        self.heading.setObjectName("reviewHeading")
        self.heading.setStyleSheet(HEADING_STYLE)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.team_score = QLabel()
        self.team_score.setObjectName("teamScore")
        self.team_band = chip("", band_colours(None))
        self.cycle_score = QLabel()
        self.cycle_score.setObjectName("cycleScore")
        self.cycle_band = chip("", band_colours(None))
        self.graded = QLabel()
        self.graded.setObjectName("gradedCount")
        self.graded.setStyleSheet(MUTED)
        self.graded.setWordWrap(True)
        self.heading.setWordWrap(True)
        scores = QHBoxLayout()
        scores.addWidget(self.team_score)
        scores.addWidget(self.team_band)
        scores.addSpacing(18)
        scores.addWidget(self.cycle_score)
        scores.addWidget(self.cycle_band)
        scores.addWidget(self.graded, 1)
        self.hint = QLabel(HINT)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(MUTED)

        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QScrollArea.Shape.NoFrame)
        holder = QWidget()
        self._cards_layout = QVBoxLayout(holder)
        self._cards_layout.setContentsMargins(0, 0, 6, 0)
        self.empty = QLabel()
        self.empty.setStyleSheet(MUTED)
        self.empty.hide()
        self._cards_layout.addWidget(self.empty)
        self._cards_layout.addStretch(1)
        self.area.setWidget(holder)
        self._pool: list[ObjectiveCard] = []  # cards made so far, shown again for each team
        self._saves = {
            "grade": self.save_grade,
            "comment": self.save_comment,
            "objective": self.save_objective_score,
            "objective_comment": self.save_objective_comment,
        }
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.heading)
        layout.addLayout(scores)
        layout.addWidget(self.area, 1)
        layout.addWidget(self.hint)

    # -- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.view = None
        if self.cycle_id:
            try:  # the team's part only: the whole cycle's totals follow (see _totals)
                self.view = review(self.session.ws, self.cycle_id, self.team_id)
            except OkrDeskError:
                self.view = None  # the cycle was deleted meanwhile
        view = self.view
        self.state_bar.show_cycle(view)
        self.team = None
        if view is not None:
            self.team = next((t for t in view.teams if t.id == self.team_id), None)
        objectives = self.team.objectives if self.team else ()
        shape = (self.cycle_id, self.team_id, _ids(objectives))
        if shape != self._shape:
            self._rebuild(objectives)
            self._shape = shape
        else:
            for o in objectives:
                self.cards[o.id].show_review(o)
        self._header(view)
        closed = view is not None and view.state == "closed"
        for card in self.cards.values():
            card.set_read_only(closed)

    def _header(self, view: ReviewView | None) -> None:
        if view is None:
            self.heading.setText("No cycle chosen" if not self.cycle_id else "No such cycle")
            for w in (
                self.team_score,
                self.team_band,
                self.cycle_score,
                self.cycle_band,
                self.graded,
            ):
                w.hide()
            self.banner.hide()
            return
        name = self.team.name if self.team else self.team_name()
        self.heading.setText(f"{name} · review of {view.cycle}")
        self.team_score.setText(
            f"Team score {score_text(self.team.score)}" if self.team else "No objectives"
        )
        set_band_chip(self.team_band, self.team.band if self.team else None)
        self.team_band.setVisible(self.team is not None)
        self.team_score.show()
        if self._totals_of != view.cycle_id:
            self.cycle_score.setText(f"{view.cycle} overall …")
            self.graded.setText("")
            set_band_chip(self.cycle_band, None)
        self._totals_timer.start()
        self.cycle_score.show()
        self.graded.show()
        self.cycle_band.show()
        if view.state == "closed":
            self.banner.setText(
                f"{view.cycle} is closed and read-only. To change a grade or a comment, "
                "reopen it for review with the button above."
            )
        self.banner.setVisible(view.state == "closed")

    def heard(self, changes: Changes) -> None:
        self.totals.heard(changes)
        self.state_bar.heard(changes)

    def _totals(self) -> None:
        """The whole cycle's score and grading count: the mean over every team, shown a
        moment after the last change. Computed in full once per cycle (on a large
        organisation that takes a while), then only for the objectives a change touched."""
        if not self.cycle_id or self.view is None or not self.isVisible():
            return
        try:
            whole = self.totals.of(self.session.ws, self.cycle_id)
        except OkrDeskError:
            return
        self._totals_of = whole.cycle_id
        self.cycle_score.setText(f"{whole.cycle} overall {score_text(whole.score)}")
        self.graded.setText(f"· {whole.graded} of {whole.key_results} key results graded")
        set_band_chip(self.cycle_band, whole.band)

    def _rebuild(self, objectives: tuple[ObjectiveReview, ...]) -> None:
        """Show these objectives, in the cards already made where there are enough."""
        self.cards = {}
        for n, o in enumerate(objectives):
            if n == len(self._pool):
                card = ObjectiveCard(o, self._saves)
                self._cards_layout.insertWidget(n, card)
                self._pool.append(card)
            else:
                card = self._pool[n]
                card.show_objective(o)
            card.show()
            self.cards[o.id] = card
        for card in self._pool[len(objectives) :]:
            card.hide()
        if not objectives and self.view is not None:
            self.empty.setText(f"{self.team_name()} has no objectives in {self.view.cycle}.")
        self.empty.setVisible(not objectives and self.view is not None)
        self.area.verticalScrollBar().setValue(0)

    # -- saving (each one undo step) -----------------------------------------------------------

    def _kr(self, kr_id: str):
        for card in self.cards.values():
            if kr_id in card.rows:
                return card.rows[kr_id].kr
        raise KeyError(kr_id)

    def save_grade(self, kr_id: str, text: str) -> None:
        kr = self._kr(kr_id)
        self._grade(kr, text.strip() or None, kr.comment)

    def save_comment(self, kr_id: str, text: str) -> None:
        kr = self._kr(kr_id)
        self._grade(kr, kr.grade, text)

    def _grade(self, kr, score: object, comment: str) -> None:
        label = f"Grade “{label_of({'title': kr.title})}”"
        self.session.run(label, grade_key_result, kr.id, score, comment)

    def save_objective_score(self, objective_id: str, text: str) -> None:
        o = self.cards[objective_id].objective
        self._objective(o, text.strip() or None, o.comment)

    def save_objective_comment(self, objective_id: str, text: str) -> None:
        o = self.cards[objective_id].objective
        self._objective(o, o.override, text)

    def _objective(self, o: ObjectiveReview, score: object, comment: str) -> None:
        label = f"Score “{label_of({'title': o.title})}”"
        self.session.run(label, set_objective_grade, o.id, score, comment)


def _ids(objectives: tuple[ObjectiveReview, ...]) -> tuple:
    return tuple((o.id, tuple(kr.id for kr in o.key_results)) for o in objectives)
