"""The cycle's state in words, a button per allowed next state (each confirmed, saying what
it does), and the result of the last change."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from okrdesk.errors import OkrDeskError
from okrdesk.formatting import counted
from okrdesk.services.lifecycle import Transition, allowed_states, set_state
from okrdesk.services.review import ReviewView, review
from ui import dialogs
from ui.review.looks import RESULT_STYLE, state_text
from ui.session import Changes, WorkspaceSession

# next state → (button, confirmation title)
BUTTONS = {
    ("planning", "active"): "Start the cycle",
    ("active", "review"): "Move to review",
    ("active", "planning"): "Back to planning",
    ("review", "closed"): "Close the cycle",
    ("review", "active"): "Back to tracking",
    ("closed", "review"): "Reopen for review",
}
NOT_UNDONE = "This is not an undo step: move it back with the button that then appears."


def what_it_does(view: ReviewView, new: str) -> str:
    """The confirmation text for moving the cycle of `view` to `new`."""
    krs = [kr for team in view.teams for o in team.objectives for kr in o.key_results]
    name = view.cycle
    if view.state == "closed":
        return f"Reopen {name} for review?\n\nIt becomes editable again: grades and retrospectives."
    if new == "review":
        prefill = sum(1 for kr in krs if kr.grade is None and kr.suggested is not None)
        by_hand = sum(1 for kr in krs if kr.grade is None and kr.suggested is None)
        text = (
            f"Move {name} to review?\n\n{counted(prefill, 'key result')} "
            "get a grade pre-filled from their progress (grades already given are kept)."
        )
        if by_hand:
            text += f" {by_hand} without any data stay ungraded, for you to grade by hand."
        return text + " Every grade can be changed, with a comment."
    if new == "closed":
        open_ = sum(1 for kr in krs if kr.grade is None)
        text = (
            f"Close {name}?\n\nIt becomes read-only: its OKRs, check-ins, grades and "
            "retrospectives can no longer be changed until it is reopened for review."
        )
        if open_:
            text += f" {open_} key result{'s are' if open_ != 1 else ' is'} still ungraded."
        return f"{text}\n\n{NOT_UNDONE}"
    if new == "active" and view.state == "planning":
        return f"Start {name}?\n\nIt becomes active: the teams check in on their key results."
    if new == "active":
        return f"Move {name} back to tracking?\n\nGrades already given are kept.\n\n{NOT_UNDONE}"
    return f"Move {name} back to planning?\n\nIt has no check-ins yet, so nothing is lost."


def result_text(t: Transition) -> str:
    if t.new_state == "review":
        text = f"{t.cycle} is in review: {counted(t.grades_prefilled, 'grade')} pre-filled"
        text += " from progress"
        return text + (
            f", {counted(t.ungraded, 'key result')} to grade by hand." if t.ungraded else "."
        )
    if t.new_state == "closed":
        return f"{t.cycle} is closed and read-only."
    if t.old_state == "closed":
        return f"{t.cycle} is open for review again."
    return f"{t.cycle} moved from {t.old_state} to {t.new_state}."


class CycleStateBar(QWidget):
    """Shows a cycle's state; its buttons move it on by the lifecycle rules."""

    moved = Signal(object)  # the Transition

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.view: ReviewView | None = None
        self.state_label = QLabel()
        self.state_label.setObjectName("cycleState")
        self.state_label.setTextFormat(Qt.TextFormat.RichText)
        self.state_label.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        # The states the shown cycle may move to, asked again after a change of the cycles or
        # the check-ins (it counts the cycle's check-ins: 27 ms at 1,000 teams, too slow to ask
        # at every team switch or grade).
        self._allowed: tuple[tuple[str, str], tuple[str, ...]] | None = None
        self.result = QLabel()
        self.result.setObjectName("stateResult")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(self.state_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.row)
        layout.addWidget(self.result)
        self.result.hide()

    def show_cycle(self, view: ReviewView | None) -> None:
        if self.view is None or view is None or view.cycle_id != self.view.cycle_id:
            self.result.hide()
        self.view = view
        if view is None:
            self._buttons(())
            self.state_label.setText("")
            return
        dates = f"{view.start_date:%d %b} – {view.end_date:%d %b %Y}"
        self.state_label.setText(f"<b>{view.cycle}</b> ({dates}) is {state_text(view.state)}")
        self._buttons(self._allowed_states(view), view.state)

    def _allowed_states(self, view: ReviewView) -> tuple[str, ...]:
        key = (view.cycle_id, view.state)
        if self._allowed is None or self._allowed[0] != key:
            self._allowed = (key, allowed_states(self.session.ws, view.cycle_id))
        return self._allowed[1]

    def heard(self, changes: Changes) -> None:
        """A committed change (told by the page before it shows the cycle again)."""
        if changes.touches(("cycle", "check_in")):  # its state, or whether it has check-ins
            self._allowed = None

    def _buttons(self, states: tuple[str, ...], state: str = "") -> None:
        wanted = [(s, BUTTONS.get((state, s), f"Move to {s}")) for s in states]
        if wanted == [(s, b.text()) for s, b in self.buttons.items()]:
            return  # unchanged: keep the buttons (and the focus on them)
        for button in self.buttons.values():
            self.row.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.buttons = {}
        for new, text in wanted:
            button = QPushButton(text)
            button.setObjectName(f"to-{new}")
            button.clicked.connect(lambda _c=False, s=new: self.move_to(s))
            self.row.addWidget(button)
            self.buttons[new] = button

    def move_to(self, new: str) -> None:
        view = self.view
        if view is None:
            return
        title = BUTTONS.get((view.state, new), "Change the cycle's state")
        try:
            whole = review(self.session.ws, view.cycle_id)  # counts over every team
        except OkrDeskError as exc:
            self._say(f"Not done: {exc}", error=True)
            return
        if not dialogs.confirm(self, title, what_it_does(whole, new)):
            return
        try:
            done = self.session.run(title, set_state, view.cycle_id, new)
        except OkrDeskError as exc:
            self._say(f"Not done: {exc}", error=True)
            return
        self._say(result_text(done))
        self.moved.emit(done)

    def _say(self, text: str, error: bool = False) -> None:
        self.result.setText(text)
        self.result.setStyleSheet("color: #b00020;" if error else RESULT_STYLE)
        self.result.show()


__all__ = ["CycleStateBar", "result_text", "what_it_does"]
