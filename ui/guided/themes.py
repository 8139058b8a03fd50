"""Step 2: the two or three strategic themes of the cycle."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from okrdesk.services import entities
from ui.guided.context import PlanningContext
from ui.guided.editor import ItemEditor
from ui.guided.page import ItemPage


class ThemeEditor(ItemEditor):
    def __init__(self, ctx: PlanningContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "theme", "theme", parent=parent)
        self.title_edit.setPlaceholderText("e.g. Same-day, every day")
        self.add_area("description", "What it means:", lines=3)


class ThemesPage(ItemPage):
    key = "themes"

    def __init__(self, ctx: PlanningContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, ThemeEditor(ctx), parent)
        self.tree.setRootIsDecorated(False)
        self.strategy = QLabel()
        self.strategy.setObjectName("strategyReminder")
        self.strategy.setWordWrap(True)
        self.strategy.setTextFormat(Qt.TextFormat.PlainText)
        self.strategy.setStyleSheet("color: #555; font-style: italic;")
        self.layout().itemAt(0).layout().insertWidget(0, self.strategy)

    def populate(self) -> None:
        strategy = self.ctx.ws.info().strategy.strip()
        self.strategy.setText(f"Strategy: {strategy}" if strategy else "")
        self.strategy.setVisible(bool(strategy))
        parent = (("cycle_id", self.ctx.cycle_id),)
        themes = entities.list_items(self.ctx.ws, "theme", cycle_id=self.ctx.cycle_id)
        for theme in themes:
            self.add_item(theme["name"], theme["id"], parent)
        self.add_new("New theme", parent)
        count = len(themes)
        verdict = "✓" if 2 <= count <= 3 else "— two or three keep the focus"
        noun = "theme" if count == 1 else "themes"
        self.summary.setText(f"<b>{count} {noun}</b> in {escape(self.ctx.cycle_name())} {verdict}")
