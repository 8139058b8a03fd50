"""New cycle…: which period to plan for, asked first; the cycle is created as one undo step.

Opened from the menu bar (File → New cycle…), the navigator's team list and the planning
session's bar. The dialog is window-modal and opened with ``open()``, so the window that
asked keeps running (and tests can answer it with real clicks).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from okrdesk.errors import OkrDeskError
from okrdesk.services import organisation, periods
from ui.organisation_kind_box import OrganisationKindBox
from ui.period_picker import PeriodPicker
from ui.session import WorkspaceSession


class NewCycleDialog(QDialog):
    """Asks for the period (the suggested one chosen) and creates the cycle on "Create"."""

    created = Signal(str)  # the new cycle's id

    def __init__(
        self,
        session: WorkspaceSession,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("newCycleDialog")
        self.setWindowTitle("New cycle")
        names = periods.cycle_names(session.ws)
        self.picker = PeriodPicker()
        self.picker.set_choices(periods.period_choices(today(), names))
        self.picker.changed.connect(self._update)
        # The first cycle of a workspace: also say what kind of organisation plans in it.
        self.kind_box: OrganisationKindBox | None = None
        form = QFormLayout()
        form.addRow("Period:", self.picker)
        if not names:
            self.kind_box = OrganisationKindBox()
            self.kind_box.set_kind(organisation.organisation_kind(session.ws))
            form.addRow("Kind of organisation:", self.kind_box)
        self.error = QLabel()
        self.error.setObjectName("inlineError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # messages quote what was typed
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button: QPushButton = buttons.addButton(
            "Create cycle", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setObjectName("createCycleButton")
        self.create_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        intro = QLabel("Which period will you plan for?")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self._update()

    def accept(self) -> None:
        """Create the cycle; on a refusal (a name taken, an end before the start) say why and
        stay open."""
        try:
            period = self.picker.period()
            kind = self.kind_box.kind() if self.kind_box is not None else None
            cycle_id = self.session.run("", periods.create_cycle, period, kind)
        except OkrDeskError as exc:
            self.error.setText(f"✖ {exc}")
            return
        super().accept()
        self.created.emit(cycle_id)

    def _update(self) -> None:
        self.error.clear()
        try:
            self.create_button.setText(f"Create {self.picker.period().name}")
        except OkrDeskError:
            self.create_button.setText("Create cycle")
