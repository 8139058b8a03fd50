"""Step 4: two to four key results per objective, each with a start and a target."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtWidgets import QWidget

from okrdesk.coach import ParsedMetric, parse_metric
from okrdesk.formatting import span
from okrdesk.services import entities
from okrdesk.services.views import KeyResultView
from ui.choices import KEY_RESULT_KINDS, key_result_shows, labels_first
from ui.guided.context import PlanningContext
from ui.guided.editor import ItemEditor
from ui.guided.page import ItemPage
from ui.typed_numbers import shown

NUMBER_FIELDS = ("start", "target", "unit", "commit_level", "stretch_level")


def numbers_text(kr: KeyResultView) -> str:
    """ "18 → 25 %", "milestone", or "no numbers yet"."""
    if kr.kind == "milestone":
        return "milestone"
    if kr.start is None and kr.target is None:
        return "no numbers yet"
    return span(kr.start, kr.target, kr.unit)


def count_verdict(count: int) -> str:
    if 2 <= count <= 4:
        return f"{count} key results ✓"
    if count > 4:
        return f"{count} key results — four at most"
    return f"{count} key result{'' if count == 1 else 's'} — two to four expected"


class KeyResultEditor(ItemEditor):
    def __init__(self, ctx: PlanningContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "key_result", "key result", coach_kind="key_result", parent=parent)
        self.title_edit.setPlaceholderText('e.g. "Raise repeat orders from 18% to 25%"')
        self.kind_combo = self.add_combo("kind", "Kind:", labels_first(KEY_RESULT_KINDS))
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._show_kind())
        self.add_line("start", "Start:", show=shown, width=140)
        self.add_line("target", "Target:", show=shown, width=140)
        self.add_line("unit", "Unit:", width=140)
        self.add_line("commit_level", "Commit level:", show=shown, width=140)
        self.add_line("stretch_level", "Stretch level:", show=shown, width=140)
        self.add_line("owner", "Owner:")
        assert self.coach is not None
        self.coach.metric_offered.connect(self.use_numbers)
        self._show_kind()

    def headline(self, item: dict[str, Any] | None) -> tuple[str, str]:
        objective = self.objective_title(item)
        if item is None:
            return (
                f"New key result for “{objective}”",
                "Write the outcome with its numbers; Enter saves it with them and starts "
                "the next one.",
            )
        return f"Key result of “{objective}”", "Changes are saved as you leave each field."

    def values_for_new(self) -> dict[str, Any]:
        """A new key result written with its numbers ("from 62% to 75%") gets them as its
        start, target and unit, unless they were typed into their own fields."""
        values = super().values_for_new()
        if values.get("kind", "metric") != "milestone" and not values.keys() & set(NUMBER_FIELDS):
            metric = parse_metric(str(values.get("title", "")))
            read = metric.key_result_values() if metric is not None else {}
            values = {**read, **values}
        return values

    def objective_title(self, item: dict[str, Any] | None) -> str:
        objective_id = item["objective_id"] if item else self.new_values.get("objective_id")
        if not objective_id:
            return ""
        return entities.get(self.ctx.ws, "objective", objective_id)["title"]

    def loaded(self, item: dict[str, Any] | None, force: bool) -> None:
        self._show_kind()

    def _show_kind(self) -> None:
        kind = self.kind_combo.currentData() or "metric"
        for name in NUMBER_FIELDS:
            self._row_visible(name, key_result_shows(kind, name))
        if self.coach is not None:
            self.coach.key_result_kind = kind

    def _row_visible(self, name: str, visible: bool) -> None:
        widget = self.bindings[name].widget
        for row in range(self.form.rowCount()):
            field = self.form.itemAt(row, self.form.ItemRole.FieldRole)
            layout = field.layout() if field is not None else None
            if layout is not None and layout.indexOf(widget) >= 0:
                self.form.setRowVisible(row, visible)
                return

    def use_numbers(self, metric: ParsedMetric | None) -> None:
        """Fill start, target, unit (or direction) from what the key result's sentence says."""
        values: dict[str, Any] = metric.key_result_values() if metric is not None else {}
        if not values:
            return
        title = self.bindings["title"]
        if self.item_id is not None and title.dirty():
            values["title"] = title.value()
        self.save_values(**values)


class KeyResultsPage(ItemPage):
    key = "key_results"

    def __init__(self, ctx: PlanningContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, KeyResultEditor(ctx), parent)

    def populate(self) -> None:
        tree = self.ctx.team_okrs()
        objectives = tree.teams[0].objectives
        ready = 0
        for o in objectives:
            count = len(o.key_results)
            ready += 2 <= count <= 4
            node = self.add_group(f"◎ {o.title}  ·  {count_verdict(count)}")
            parent = (("objective_id", o.id),)
            for kr in o.key_results:
                self.add_item(f"{kr.title}   [{numbers_text(kr)}]", kr.id, parent, node)
            self.add_new("New key result", parent, node)
        if not objectives:
            self.summary.setText("No objectives yet: go back a step and write them first.")
        else:
            self.summary.setText(
                f"Two to four key results per objective: <b>{ready} of {len(objectives)}</b> "
                f"objectives of {escape(self.ctx.team_name())} are there."
            )
