"""Step 3: the team's objectives, theme by theme, with the coach reading along."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtWidgets import QWidget

from okrdesk.services import entities
from ui.choices import OBJECTIVE_KINDS, labels_first
from ui.guided.context import PlanningContext
from ui.guided.editor import ItemEditor
from ui.guided.page import ItemPage


class ObjectiveEditor(ItemEditor):
    def __init__(self, ctx: PlanningContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "objective", "objective", coach_kind="objective", parent=parent)
        self.title_edit.setPlaceholderText("The change you want, in a few words, no numbers")
        self.theme_combo = self.add_combo("theme_id", "Theme:", [("No theme", None)])
        self.add_combo("kind", "Kind:", labels_first(OBJECTIVE_KINDS))
        self.add_line("owner", "Owner:")
        self.add_area("why", "Why it matters:", lines=3)

    def prepare(self) -> None:
        themes = entities.list_items(self.ctx.ws, "theme", cycle_id=self.ctx.cycle_id)
        choices: list[tuple[str, Any]] = [(t["name"], t["id"]) for t in themes]
        self.set_choices(self.theme_combo, [*choices, ("No theme", None)])

    def headline(self, item: dict[str, Any] | None) -> tuple[str, str]:
        team = self.ctx.team_name()
        if item is None:
            return (
                f"New objective for {team}",
                "Type it and press Enter; the next one follows. The coach reads along.",
            )
        return f"Objective of {team}", "Changes are saved as you leave each field."


class ObjectivesPage(ItemPage):
    key = "objectives"

    def __init__(self, ctx: PlanningContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, ObjectiveEditor(ctx), parent)

    def populate(self) -> None:
        ws = self.ctx.ws
        objectives = entities.list_items(
            ws, "objective", cycle_id=self.ctx.cycle_id, team_id=self.ctx.team_id
        )
        themes = entities.list_items(ws, "theme", cycle_id=self.ctx.cycle_id)
        groups: list[tuple[str, str | None]] = [(t["name"], t["id"]) for t in themes]
        known = {t["id"] for t in themes}
        unthemed = [o for o in objectives if o["theme_id"] not in known]
        if unthemed or not themes:
            groups.append(("No theme", None))
        for name, theme_id in groups:
            mine = [o for o in objectives if o["theme_id"] == theme_id] if theme_id else unthemed
            node = self.add_group(f"{name}  ({len(mine)})")
            parent = (
                ("cycle_id", self.ctx.cycle_id),
                ("team_id", self.ctx.team_id),
                ("theme_id", theme_id),
            )
            for o in mine:
                mark = "  (final)" if o["status"] == "final" else ""
                self.add_item(f"◎ {o['title']}{mark}", o["id"], parent, node)
            self.add_new("New objective", parent, node)
        count = len(objectives)
        noun = "objective" if count == 1 else "objectives"
        advice = "" if count <= 5 else " — the coach suggests three to five"
        self.summary.setText(f"<b>{count} {noun}</b> for {escape(self.ctx.team_name())}{advice}")
