"""Step 1: the organisation and its foundation — mission, vision, strategy.

On a workspace without cycles it also asks which period to plan for (the suggested one
chosen), and it always says what kind of organisation this is: the top level's name and the
examples of the later steps follow from it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from okrdesk.errors import OkrDeskError
from okrdesk.services import organisation, periods
from okrdesk.services.periods import Period
from okrdesk.services.planning import company_id
from ui.guided.context import PlanningContext
from ui.guided.fields import Binding, ErrorLabel, TextArea
from ui.guided.page import StepPage
from ui.organisation_kind_box import OrganisationKindBox
from ui.period_picker import PeriodPicker

PROMPTS = {
    "mission": "Why do we exist? What do we do, for whom?",
    "vision": "Where do we want to be in three to five years?",
    "strategy": "How will we get there: where we play, how we win, what we will not do.",
}


class FoundationPage(StepPage):
    key = "foundation"

    def __init__(self, ctx: PlanningContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.bindings: dict[str, Binding] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        top = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("organisationEdit")
        self.name_edit.setPlaceholderText("The organisation's name")
        self.kind_box = OrganisationKindBox()
        self.kind_box.activated.connect(lambda _i: self._kind_chosen())
        self.kind_error = ErrorLabel()
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_edit, 1)
        name_row.addSpacing(12)
        kind_label = QLabel("&Kind:")
        kind_label.setBuddy(self.kind_box)
        name_row.addWidget(kind_label)
        name_row.addWidget(self.kind_box)
        name_error = ErrorLabel()
        grid.addWidget(QLabel("Organisation:"), 0, 0)
        grid.addLayout(name_row, 0, 1)
        errors = QVBoxLayout()
        errors.addWidget(name_error)
        errors.addWidget(self.kind_error)
        grid.addLayout(errors, 1, 1)
        self.bindings["name"] = Binding("name", self.name_edit, name_error, self._save)

        # Which period the first cycle covers: asked only while the workspace has none.
        self.period_label = QLabel("Plan for:")
        self.period_picker = PeriodPicker()
        self.period_picker.changed.connect(self._show_note)
        self.period_error = ErrorLabel()
        grid.addWidget(self.period_label, 2, 0, top)
        grid.addWidget(self.period_picker, 2, 1)
        grid.addWidget(self.period_error, 3, 1)

        self.areas: dict[str, TextArea] = {}
        for n, name in enumerate(("mission", "vision", "strategy")):
            area = TextArea(lines=4 if name == "strategy" else 3, grow=True)
            area.setObjectName(f"{name}Edit")
            area.setPlaceholderText(PROMPTS[name])
            error = ErrorLabel()
            row = 4 + 2 * n
            grid.addWidget(QLabel(f"{name.capitalize()}:"), row, 0, top)
            grid.addWidget(area, row, 1)
            grid.addWidget(error, row + 1, 1)
            grid.setRowStretch(row, 3 if name == "strategy" else 2)
            self.bindings[name] = Binding(name, area, error, self._save)
            self.areas[name] = area

        self.note = QLabel()
        self.note.setObjectName("foundationNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #35608f;")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid, 1)
        layout.addWidget(self.note)

    def refresh(self) -> None:
        info = self.ctx.ws.info()
        values: dict[str, Any] = {
            "name": info.name,
            "mission": info.mission,
            "vision": info.vision,
            "strategy": info.strategy,
        }
        for name, binding in self.bindings.items():
            binding.load(values[name])
        self.kind_box.set_kind(self.ctx.organisation_kind())
        asking = not self.ctx.ready and not periods.cycle_names(self.ctx.ws)
        if asking and self.period_picker.choices is None:  # once: keep what was chosen
            self.period_picker.set_choices(periods.period_choices(self.ctx.today()))
        for widget in (self.period_label, self.period_picker):
            widget.setVisible(asking)
        if not asking:
            self.period_error.clear_error()
        self._show_note()

    def chosen_period(self) -> Period | None:
        """The period the first cycle is to cover; None when the workspace has a cycle.
        Raises ValidationError for custom dates that end before they start."""
        return self.period_picker.period() if self.period_picker.isVisibleTo(self) else None

    def _show_note(self) -> None:
        self.period_error.clear_error()
        top = self.ctx.top_word()
        if self.ctx.ready:
            self.note.setText(
                f"Planning for {self.ctx.team_name()} in {self.ctx.cycle_name()}. "
                "Switch the team or the cycle at the top."
            )
            return
        parts = [] if company_id(self.ctx.ws) else [f"the {top} (named after the organisation)"]
        try:
            period = self.chosen_period()
        except OkrDeskError as exc:
            self.period_error.show_error(str(exc))
            period = None
        if period is not None:
            parts.append(f"the cycle {period.name} ({period.dates}) to plan in")
        elif not parts:
            parts.append("the cycle to plan in")
        self.note.setText(f"When you go on, OKR Desk sets up {' and '.join(parts)}.")

    def _kind_chosen(self) -> None:
        """The kind is saved at once (one undo step); the wording follows on the refresh."""
        self.kind_error.clear_error()
        if self.kind_box.kind() == self.ctx.organisation_kind():
            return
        try:
            self.ctx.session.run("", organisation.set_organisation_kind, self.kind_box.kind())
        except OkrDeskError as exc:
            self.kind_error.show_error(str(exc))
            self.kind_box.set_kind(self.ctx.organisation_kind())

    def commit(self) -> bool:
        return all([binding.commit() for binding in self.bindings.values()])

    def entered(self) -> None:
        empty = [b.widget for b in self.bindings.values() if not b.value().strip()]
        (empty[0] if empty else self.areas["mission"]).setFocus()

    def organisation_name(self) -> str:
        return self.name_edit.text()

    def _save(self, name: str, value: str) -> None:
        info = self.ctx.ws.info()
        self.ctx.session.update("workspace", info.id, **{name: value})
