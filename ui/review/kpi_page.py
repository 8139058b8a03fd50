"""KPIs: the health metrics, a dated value for one, adding, editing and deleting them, and a
draft objective from one that left its healthy range."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from okrdesk.errors import OkrDeskError
from okrdesk.formatting import counted
from okrdesk.services import entities
from okrdesk.services.entities import label_of
from okrdesk.services.kpis import KpiView, add_value, list_kpis, start_objective_from_kpi
from okrdesk.services.views import team_nodes
from ui import dialogs
from ui.guided.fields import ErrorLabel
from ui.review import prompts
from ui.review.kpi_table import KpiTable, health_text, range_text
from ui.review.looks import HEADING_STYLE, MUTED, RESULT_STYLE
from ui.review.refresh import Refreshing
from ui.session import WorkspaceSession


class KpiPage(Refreshing):
    """The KPI list. KPIs belong to the workspace, not to a cycle: the navigator's team and
    cycle do not filter it; a seeded objective goes into the current cycle."""

    objective_activated = Signal(str)  # "show it": the objective just started from a KPI

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.kpis: dict[str, KpiView] = {}
        heading = QLabel("KPIs — health metrics, watched continuously")
        heading.setStyleSheet(HEADING_STYLE)
        self.summary = QLabel()
        self.summary.setObjectName("kpiSummary")
        self.summary.setStyleSheet(MUTED)
        self.summary.setWordWrap(True)
        self.table = KpiTable()
        self.table.itemSelectionChanged.connect(self._selected)

        self.chosen = QLabel()
        self.chosen.setObjectName("kpiChosen")
        self.chosen.setWordWrap(True)
        self.chosen.setTextFormat(Qt.TextFormat.PlainText)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setObjectName("kpiValueDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.value = QLineEdit()
        self.value.setObjectName("kpiValue")
        self.value.setPlaceholderText("value")
        self.value.setFixedWidth(110)
        self.value.returnPressed.connect(self.add_value)
        self.add_value_button = QPushButton("Add value")
        self.add_value_button.setObjectName("addKpiValue")
        self.add_value_button.clicked.connect(self.add_value)
        self.error = ErrorLabel()
        self.start_button = QPushButton("Start an objective from this KPI")
        self.start_button.setObjectName("startObjective")
        self.start_button.clicked.connect(self.start_objective)
        self.new_button = QPushButton("New KPI…")
        self.new_button.clicked.connect(self.new_kpi)
        self.edit_button = QPushButton("Edit…")
        self.edit_button.clicked.connect(self.edit_kpi)
        self.delete_button = QPushButton("Delete…")
        self.delete_button.clicked.connect(self.delete_kpi)
        self.result = QLabel()
        self.result.setObjectName("kpiResult")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setStyleSheet(RESULT_STYLE)
        self.result.linkActivated.connect(self.objective_activated.emit)
        self.result.hide()

        value_row = QHBoxLayout()
        value_row.addWidget(QLabel("Add a value on"))
        value_row.addWidget(self.date)
        value_row.addWidget(self.value)
        value_row.addWidget(self.add_value_button)
        value_row.addStretch(1)
        value_row.addWidget(self.start_button)
        manage = QHBoxLayout()
        manage.addWidget(self.new_button)
        manage.addWidget(self.edit_button)
        manage.addWidget(self.delete_button)
        manage.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chosen)
        layout.addLayout(value_row)
        layout.addWidget(self.error)
        layout.addWidget(self.result)
        layout.addLayout(manage)

    # -- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        kpis = list_kpis(self.session.ws)
        self.kpis = {k.id: k for k in kpis}
        out = [k for k in kpis if k.out_of_range]
        self.summary.setText(
            f"{len(kpis)} KPIs, {len(out)} out of their healthy range"
            + (f": {', '.join(k.name for k in out)}." if out else ".")
            + " One out of range can start a draft objective in the current cycle."
        )
        self.table.show_kpis(kpis)
        self._selected()

    def current(self) -> KpiView | None:
        kpi_id = self.table.current_id()
        return self.kpis.get(kpi_id) if kpi_id else None

    def _selected(self) -> None:
        k = self.current()
        for widget in (self.value, self.add_value_button, self.edit_button, self.delete_button):
            widget.setEnabled(k is not None)
        self.start_button.setEnabled(k is not None and k.out_of_range)
        if k is None:
            self.chosen.setText("No KPI chosen.")
            return
        self.chosen.setText(
            f"{k.name} — healthy: {range_text(k)} — {health_text(k)} — "
            f"{counted(len(k.values), 'value')}"
        )
        self.start_button.setToolTip(
            "Makes a draft objective with a key result from the latest value back to the "
            "nearest healthy bound"
            if k.out_of_range
            else "Only a KPI out of its healthy range can start an objective"
        )

    # -- actions ------------------------------------------------------------------------------

    def add_value(self) -> None:
        k = self.current()
        if k is None:
            return
        day = self.date.date().toPython()
        label = f"Add a value to “{label_of({'name': k.name})}”"
        try:
            self.session.run(label, add_value, k.id, self.value.text(), day)
        except OkrDeskError as exc:
            self.error.show_error(str(exc))
            return
        self.error.clear_error()
        self.value.clear()
        self._say(f"Value added to {k.name} for {day:%d %b %Y}. Ctrl+Z takes it back.")

    def start_objective(self) -> None:
        k = self.current()
        if k is None:
            return
        try:
            s = self.session.run("", start_objective_from_kpi, k.id)
        except OkrDeskError as exc:
            self.error.show_error(str(exc))
            return
        self.error.clear_error()
        self._say(
            f"Draft objective “{s.title}” added for {s.team} in {s.cycle}, with the key "
            f"result “{s.key_result_title}”.",
            link=s.objective_id,
        )

    def new_kpi(self) -> None:
        self._form("New KPI", {}, lambda values: self.session.create("kpi", **values))

    def edit_kpi(self) -> None:
        k = self.current()
        if k is None:
            return
        values = entities.get(self.session.ws, "kpi", k.id)
        self._form(
            f"Edit KPI “{k.name}”", values, lambda new: self.session.update("kpi", k.id, **new)
        )

    def delete_kpi(self) -> None:
        k = self.current()
        if k is None:
            return
        question = (
            f"Delete the KPI “{k.name}” and its {counted(len(k.values), 'value')}?\n\n"
            "Ctrl+Z brings it back."
        )
        if not dialogs.confirm(self, "Delete KPI", question):
            return
        try:
            self.session.delete("kpi", k.id)
        except OkrDeskError as exc:
            dialogs.tell_error(self, "KPI not deleted", str(exc))
            return
        self._say(f"KPI “{k.name}” deleted. Ctrl+Z brings it back.")

    def _form(self, title: str, values: dict[str, Any], save) -> None:
        teams = [(t.id, "   " * t.depth + t.name) for t in team_nodes(self.session.ws)]
        while True:  # a refused form comes back with what was typed
            answer = prompts.kpi_form(self, title, values, teams)
            if answer is None:
                return
            try:
                result = save(answer)
            except OkrDeskError as exc:
                dialogs.tell_error(self, title, str(exc))
                values = answer
                continue
            if isinstance(result, str):
                self.table.select_id(result)
            self._say(f"KPI “{answer['name'].strip()}” saved.")
            return

    def _say(self, text: str, link: str = "") -> None:
        html = escape(text)
        if link:
            html += f' <a href="{link}">Show it in the OKRs</a>'
        self.result.setText(html)
        self.result.show()
