"""The questions the end-of-cycle screens ask beyond :mod:`ui.dialogs`, in one place so
tests can answer them (monkeypatch ``prompts.kpi_form``) instead of clicking a modal."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from okrdesk.formatting import editable_number

KPI_FIELDS = ("name", "team_id", "unit", "healthy_low", "healthy_high")


def kpi_form(
    parent: QWidget | None, title: str, values: dict[str, Any], teams: list[tuple[str, str]]
) -> dict[str, Any] | None:
    """Ask for a KPI's name, team, unit and healthy range; the typed values (numbers as
    text, checked by the service), or None when cancelled. `teams`: (id, name) pairs."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    name = QLineEdit(values.get("name", ""))
    team = QComboBox()
    team.addItem("— no team —", None)
    for team_id, team_name in teams:
        team.addItem(team_name, team_id)
    team.setCurrentIndex(max(0, team.findData(values.get("team_id"))))
    unit = QLineEdit(values.get("unit", ""))
    low = QLineEdit(_text(values.get("healthy_low")))
    high = QLineEdit(_text(values.get("healthy_high")))
    low.setObjectName("kpiHealthyLow")  # tests find the real dialog's fields by name
    high.setObjectName("kpiHealthyHigh")
    low.setPlaceholderText("empty: no lower bound")
    high.setPlaceholderText("empty: no upper bound")
    form = QFormLayout(dialog)
    form.addRow("Name", name)
    form.addRow("Team", team)
    form.addRow("Unit", unit)
    form.addRow("Healthy from", low)
    form.addRow("Healthy up to", high)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    dialog.resize(420, dialog.sizeHint().height())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return {
        "name": name.text(),
        "team_id": team.currentData(),
        "unit": unit.text(),
        "healthy_low": low.text(),
        "healthy_high": high.text(),
    }


def _text(value: float | str | None) -> str:
    return value if isinstance(value, str) else editable_number(value)
