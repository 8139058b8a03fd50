"""Step 1: the organisation and its foundation — mission, vision, strategy."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from okrdesk.services.planning import company_id
from okrdesk.services.quarters import quarter_of
from ui.guided.context import PlanningContext
from ui.guided.fields import Binding, ErrorLabel, TextArea
from ui.guided.page import StepPage

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
        name_error = ErrorLabel()
        grid.addWidget(QLabel("Organisation:"), 0, 0)
        grid.addWidget(self.name_edit, 0, 1)
        grid.addWidget(name_error, 1, 1)
        self.bindings["name"] = Binding("name", self.name_edit, name_error, self._save)

        self.areas: dict[str, TextArea] = {}
        for n, name in enumerate(("mission", "vision", "strategy")):
            area = TextArea(lines=4 if name == "strategy" else 3, grow=True)
            area.setObjectName(f"{name}Edit")
            area.setPlaceholderText(PROMPTS[name])
            error = ErrorLabel()
            row = 2 + 2 * n
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
        if self.ctx.ready:
            self.note.setText(
                f"Planning for {self.ctx.team_name()} in {self.ctx.cycle_name()}. "
                "Switch the team or the cycle at the top."
            )
        else:
            quarter = quarter_of(date.today())
            company = (
                "" if company_id(self.ctx.ws) else " the company (named after the organisation) and"
            )
            self.note.setText(
                f"When you go on, OKR Desk sets up{company} the cycle {quarter.name} "
                f"({quarter.start:%d %b} – {quarter.end:%d %b %Y}) to plan in."
            )

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
