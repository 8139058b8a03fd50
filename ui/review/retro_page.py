"""The retrospective of one team in one cycle: six answers, the carry-forward decisions, and
carrying forward into the next cycle."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from okrdesk.errors import OkrDeskError
from okrdesk.formatting import counted
from okrdesk.services import entities
from okrdesk.services.carry_forward import CarryResult, apply_carry_forward
from okrdesk.services.entities import label_of
from okrdesk.services.retrospective import (
    CarryItem,
    RetrospectiveView,
    load_retrospective,
    save_retrospective,
    set_carry_decisions,
)
from ui import dialogs
from ui.guided.fields import ErrorLabel, TextArea
from ui.review.carry_table import CarryTable, next_cycle_name, preview
from ui.review.fields import SavedField
from ui.review.looks import (
    BANNER_STYLE,
    HEADING_STYLE,
    MUTED,
    RESULT_STYLE,
    set_read_only,
)
from ui.review.refresh import Refreshing
from ui.session import WorkspaceSession

# answer → (label, place on the grid: row, column, column span)
QUESTIONS = {
    "achieved": ("What we achieved, and why", (0, 0, 3)),
    "missed": ("What we missed, and why", (0, 3, 3)),
    "process": ("How working with OKRs served us", (1, 0, 6)),
    "keep_doing": ("Continue doing", (2, 0, 2)),
    "stop_doing": ("Stop doing", (2, 2, 2)),
    "start_doing": ("Start doing", (2, 4, 2)),
}
CARRY_HELP = (
    "For each objective and key result: carry it into the next cycle (a key result starts "
    "where it stands; owner, unit, kind and weight come along), modify it (carried as a "
    "draft to reword, the note goes into its why), drop it, or mark it done. An undecided "
    "key result follows its objective."
)


def become_drafts(count: int) -> str:
    """ "1 becomes a draft", "2 become drafts"."""
    return "1 becomes a draft" if count == 1 else f"{count} become drafts"


class RetrospectivePage(Refreshing):
    """Mount with ``add_page``; ``set_context(cycle_id, team_id)`` follows the navigator."""

    objective_activated = Signal(str)  # "show it": the first objective carried forward

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.view: RetrospectiveView | None = None
        self.carried_to: str | None = None
        self.banner = QLabel()
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.heading = QLabel()
        self.heading.setObjectName("retroHeading")
        self.heading.setStyleSheet(HEADING_STYLE)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)

        answers = QGroupBox("Looking back")
        grid = QGridLayout(answers)
        self.answers: dict[str, SavedField] = {}
        self.answer_error = ErrorLabel()
        for name, (label, (row, column, span)) in QUESTIONS.items():
            area = TextArea(lines=3)
            area.setObjectName(f"answer-{name}")
            area.setAccessibleName(label)
            caption = QLabel(label)
            caption.setBuddy(area)
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(caption)
            box.addWidget(area)
            grid.addLayout(box, row, column, 1, span)
            self.answers[name] = SavedField(
                area, self.answer_error, lambda text, n=name: self.save_answer(n, text)
            )
        grid.addWidget(self.answer_error, 3, 0, 1, 6)

        carry = QGroupBox("What we carry into the next cycle")
        self.table = CarryTable(self.decide)
        self.carry_button = QPushButton("Carry forward")
        self.carry_button.setObjectName("carryForward")
        self.carry_button.clicked.connect(self.carry_forward)
        self.carry_summary = QLabel()
        self.carry_summary.setObjectName("carrySummary")
        self.carry_summary.setStyleSheet(MUTED)
        self.carry_summary.setWordWrap(True)
        self.result = QLabel()
        self.result.setObjectName("carryResult")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.linkActivated.connect(self.objective_activated.emit)
        self.result.hide()
        help_ = QLabel(CARRY_HELP)
        help_.setWordWrap(True)
        help_.setStyleSheet(MUTED)
        buttons = QHBoxLayout()
        buttons.addWidget(self.carry_summary, 1)
        buttons.addWidget(self.carry_button)
        box = QVBoxLayout(carry)
        box.addWidget(help_)
        box.addWidget(self.table)
        box.addLayout(buttons)
        box.addWidget(self.result)

        holder = QWidget()
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(0, 0, 6, 0)
        inner.addWidget(answers)
        inner.addWidget(carry)
        inner.addStretch(1)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addWidget(area, 1)
        self._where: tuple[str | None, str | None] = (None, None)

    # -- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.view = None
        if self.cycle_id and self.team_id:
            try:
                self.view = load_retrospective(self.session.ws, self.team_id, self.cycle_id)
            except OkrDeskError:
                self.view = None
        view = self.view
        moved = self._where != (self.cycle_id, self.team_id)
        self._where = (self.cycle_id, self.team_id)
        if moved:
            self.result.hide()
        if view is None:
            self.heading.setText("Choose a team and a cycle in the navigator")
            self.setEnabled(False)
            return
        self.setEnabled(True)
        closed = self.cycle_state() == "closed"
        self.heading.setText(f"{view.team} · retrospective of {view.cycle}")
        self.banner.setText(
            f"{view.cycle} is closed and read-only. Reopen it for review (Review tab) to "
            "change the answers or the decisions; carrying forward still works."
        )
        self.banner.setVisible(closed)
        for name, field in self.answers.items():
            field.load(view.answers.get(name, ""), moved)
            set_read_only(field.widget, closed)
        self.table.show_items(view.items, closed, moved)
        self._carry_line(view)

    def cycle_state(self) -> str:
        return str(entities.get(self.session.ws, "cycle", self.cycle_id or "")["state"])

    def _carry_line(self, view: RetrospectiveView) -> None:
        name, new = next_cycle_name(self.session.ws, view.cycle_id)
        self.carried_to = name
        p = preview(view.items)
        # Once per retrospective: after carrying the button says so and stays off (it
        # asked again, then refused), whether this window or another one carried.
        carried = bool(view.carried_into)
        self.carry_button.setText(
            f"Carried forward into {view.carried_into}" if carried else f"Carry forward into {name}"
        )
        if view.carried_into:
            text = (
                f"Carried forward into {view.carried_into}. It is done once per retrospective: "
                "to carry again, delete those drafts (or undo)."
            )
        elif p.objectives:
            text = (
                f"Carrying forward makes {counted(p.objectives, 'objective')} with "
                f"{counted(p.key_results, 'key result')} in {name}{' (a new cycle)' if new else ''}"
                + (f", {p.to_reword} to reword." if p.to_reword else ".")
            )
        else:
            text = "Nothing is marked carry or modify yet."
        self.carry_summary.setText(text)
        self.carry_button.setEnabled(p.objectives > 0 and not carried)

    # -- saving -------------------------------------------------------------------------------

    def save_answer(self, name: str, text: str) -> None:
        assert self.view is not None and self.team_id and self.cycle_id
        label = f"Edit the retrospective: {QUESTIONS[name][0].lower()}"
        self.session.run(label, save_retrospective, self.team_id, self.cycle_id, **{name: text})

    def decide(self, item: CarryItem, decision: str | None, note: str) -> None:
        assert self.team_id and self.cycle_id
        new = (decision, note) if decision else None
        label = f"Decide what to carry: “{label_of({'title': item.title})}”"
        self.session.run(label, set_carry_decisions, self.team_id, self.cycle_id, {item.id: new})

    def carry_forward(self) -> None:
        view = self.view
        if view is None or not self.team_id or not self.cycle_id:
            return
        for field in self.answers.values():
            field.commit()  # what is still being typed belongs to the retrospective
        name, new = next_cycle_name(self.session.ws, view.cycle_id)
        p = preview(view.items)
        question = (
            f"Carry {view.team}'s OKRs from {view.cycle} into {name}?\n\n"
            f"This makes {counted(p.objectives, 'objective')} with "
            f"{counted(p.key_results, 'key result')} in "
            f"{name}{', a cycle made for them' if new else ''}"
            + (f"; {become_drafts(p.to_reword)} to reword" if p.to_reword else "")
            + ". Key results start where they stand; owners, units, kinds and weights come "
            "along, as do open initiatives, themes and alignment links. It is done once per "
            "retrospective.\n\nCtrl+Z takes out again what it made."
        )
        if not dialogs.confirm(self, "Carry forward", question):
            return
        self.carry_button.setEnabled(False)
        self._say(f"Carrying {view.team}'s OKRs into {name}…")
        self.session.run_in_background(
            f"Carry {view.team} forward into {name}",
            apply_carry_forward,
            self.team_id,
            self.cycle_id,
            done=self._carried,
            refused=self._not_carried,
        )

    def _not_carried(self, reason: str) -> None:
        self.refresh()  # nothing changed: the page as it was, the button back
        self._say(f"Not carried: {reason}", error=True)

    def _carried(self, r: CarryResult) -> None:
        first = r.objectives[0] if r.objectives else ""
        text = (
            f"Carried into {r.next_cycle}{' (new cycle)' if r.created_cycle else ''}: "
            f"{counted(len(r.objectives), 'objective')}, "
            f"{counted(len(r.key_results), 'key result')}"
            + (f", {counted(len(r.to_reword), 'draft')} to reword" if r.to_reword else "")
            + "."
        )
        self._say(text, link=first)

    def _say(self, text: str, error: bool = False, link: str = "") -> None:
        html = escape(text)
        if link:
            html += f' <a href="{link}">Show them in the OKRs</a>'
        self.result.setText(html)
        self.result.setStyleSheet("color: #b00020;" if error else RESULT_STYLE)
        self.result.show()
