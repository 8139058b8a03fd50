"""Step 5: the work that moves each key result."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from okrdesk.errors import OkrDeskError
from okrdesk.services import entities
from okrdesk.services.workspace import Workspace
from ui.choices import INITIATIVE_STATUSES, labels_first
from ui.guided.context import PlanningContext
from ui.guided.editor import ItemEditor
from ui.guided.fields import ErrorLabel
from ui.guided.page import ItemPage


def day_text(value: date | None) -> str:
    return value.isoformat() if value else ""


class InitiativeEditor(ItemEditor):
    def __init__(self, ctx: PlanningContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "initiative", "initiative", coach_kind="initiative", parent=parent)
        self.title_edit.setPlaceholderText("The work, e.g. “Run weekly onboarding calls”")
        self.add_combo("status", "Status:", labels_first(INITIATIVE_STATUSES))
        self.add_line("owner", "Owner:")
        due = self.add_line("due_date", "Due:", show=day_text, width=140)
        due.setPlaceholderText("YYYY-MM-DD")
        self.links_box = QWidget()
        self.links_layout = QVBoxLayout(self.links_box)
        self.links_layout.setContentsMargins(0, 0, 0, 0)
        self.links_error = ErrorLabel()
        box = QVBoxLayout()
        box.addWidget(self.links_box)
        box.addWidget(self.links_error)
        self.form.addRow("Moves:", box)
        self.checks: dict[str, QCheckBox] = {}

    def headline(self, item: dict[str, Any] | None) -> tuple[str, str]:
        if item is None:
            return (
                "New initiative",
                "Name the work and press Enter; the next one follows. Tick the key results it "
                "moves.",
            )
        return "Initiative", "Changes are saved as you leave each field."

    def loaded(self, item: dict[str, Any] | None, force: bool) -> None:
        objective_id = item["objective_id"] if item else self.new_values.get("objective_id")
        if item is not None:
            linked = {
                x["key_result_id"] for x in entities.initiative_links(self.ctx.ws, item["id"])
            }
        elif force or not self.checks:
            wanted = self.new_values.get("link")
            linked = {wanted} if wanted else set()
        else:  # a refresh while a new one is being written: keep the ticks
            linked = set(self.linked_ids())
        for box in self.checks.values():
            box.deleteLater()
        self.checks = {}
        while self.links_layout.count():
            self.links_layout.takeAt(0)
        krs = entities.list_items(self.ctx.ws, "key_result", objective_id=objective_id)
        if not krs:
            note = QLabel("This objective has no key results yet.")
            self.links_layout.addWidget(note)
        for kr in krs:
            box = QCheckBox(kr["title"])
            box.setChecked(kr["id"] in linked)
            box.clicked.connect(self._links_changed)
            self.links_layout.addWidget(box)
            self.checks[kr["id"]] = box

    def linked_ids(self) -> list[str]:
        return [kr for kr, box in self.checks.items() if box.isChecked()]

    def after_create(self, ws: Workspace, item_id: str) -> None:
        links = self.linked_ids()
        if links:
            entities.link_key_results(ws, item_id, links)

    def _links_changed(self) -> None:
        if self.item_id is None:
            return
        try:
            self.ctx.session.link_key_results(self.item_id, self.linked_ids())
        except OkrDeskError as exc:
            self.links_error.show_error(str(exc))
            return
        self.links_error.clear_error()


class InitiativesPage(ItemPage):
    key = "initiatives"

    def __init__(self, ctx: PlanningContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, InitiativeEditor(ctx), parent)

    def populate(self) -> None:
        tree = self.ctx.team_okrs()
        objectives = tree.teams[0].objectives
        moved = total = 0
        for o in objectives:
            node = self.add_group(f"◎ {o.title}")
            for kr in o.key_results:
                total += 1
                work = [i for i in o.initiatives if kr.id in i.key_result_ids]
                moved += bool(work)
                count = f"{len(work)} initiative{'' if len(work) == 1 else 's'}" if work else "none"
                kr_node = self.add_group(f"{kr.title}  ·  {count}", node)
                kr_node.setFont(0, self.tree.font())
                parent = (("objective_id", o.id), ("link", kr.id))
                for i in work:
                    self.add_item(f"• {i.title}", i.id, parent, kr_node)
                self.add_new("New initiative", parent, kr_node)
            loose = [i for i in o.initiatives if not i.key_result_ids]
            if loose:
                loose_node = self.add_group("Not tied to a key result", node)
                loose_node.setFont(0, self.tree.font())
                for i in loose:
                    self.add_item(f"• {i.title}", i.id, (("objective_id", o.id),), loose_node)
        if not total:
            self.summary.setText("No key results yet: go back a step and write them first.")
        else:
            self.summary.setText(
                f"<b>{moved} of {total}</b> key results of {escape(self.ctx.team_name())} have "
                "an initiative."
            )
