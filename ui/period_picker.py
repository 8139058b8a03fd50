"""Choosing the period a new cycle covers: this quarter, the next, a year, or one's own dates.

The choices and the one suggested come from the core (:mod:`okrdesk.services.periods`); the
picker shows them, the reason for the suggestion, and date fields for a custom range.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from okrdesk.errors import OkrDeskError
from okrdesk.services.periods import Period, PeriodChoices, custom_period

CUSTOM = "custom"


def option_text(period: Period) -> str:
    text = f"{period.label}: {period.name}  ({period.dates})"
    return f"{text} — exists already" if period.taken else text


class PeriodPicker(QWidget):
    """A list of ready-made periods with one chosen, and "Custom dates…" with date fields."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices: PeriodChoices | None = None
        self.choice_box = QComboBox()
        self.choice_box.setObjectName("periodChoice")
        self.choice_box.setAccessibleName("Period")
        self.choice_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.choice_box.currentIndexChanged.connect(self._choice_changed)

        self.start_edit = _date_edit("periodStart", "Starts on")
        self.end_edit = _date_edit("periodEnd", "Ends on")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("periodName")
        self.name_edit.setAccessibleName("Name of the cycle")
        for edit in (self.start_edit, self.end_edit):
            edit.dateChanged.connect(self._custom_changed)
        self.name_edit.textChanged.connect(lambda _t: self.changed.emit())
        self.custom_row = QWidget()
        row = QHBoxLayout(self.custom_row)
        row.setContentsMargins(0, 0, 0, 0)
        for label, field in (("From", self.start_edit), ("to", self.end_edit)):
            row.addWidget(QLabel(label))
            row.addWidget(field)
        row.addSpacing(12)
        row.addWidget(QLabel("Name"))
        row.addWidget(self.name_edit, 1)
        self.custom_row.setVisible(False)

        self.hint = QLabel()
        self.hint.setObjectName("periodHint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setStyleSheet("color: #35608f;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.choice_box)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.custom_row)
        layout.addWidget(self.hint)

    def set_choices(self, choices: PeriodChoices) -> None:
        """Offer these periods, the suggested one chosen; a period already taken is greyed."""
        self.choices = choices
        box = self.choice_box
        box.blockSignals(True)
        box.clear()
        model = box.model()
        assert isinstance(model, QStandardItemModel)
        for n, period in enumerate(choices.options):
            box.addItem(option_text(period), period.key)
            if period.taken:
                item = model.item(n)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
        box.addItem("Custom dates…", CUSTOM)
        box.setCurrentIndex(choices.options.index(choices.suggested))
        box.blockSignals(False)
        self.start_edit.setDate(_qdate(choices.suggested.start))
        self.end_edit.setDate(_qdate(choices.suggested.end))
        self._choice_changed()

    def choose(self, key: str) -> None:
        """Pick an entry by its key ("next_quarter", "year", "custom", …)."""
        index = self.choice_box.findData(key)
        if index >= 0:
            self.choice_box.setCurrentIndex(index)

    def is_custom(self) -> bool:
        return self.choice_box.currentData() == CUSTOM

    def period(self) -> Period:
        """The chosen period; raises ValidationError for a custom range that ends too soon."""
        if self.is_custom():
            return custom_period(
                self.start_edit.date().toPython(),
                self.end_edit.date().toPython(),
                self.name_edit.text(),
            )
        assert self.choices is not None
        return self.choices.options[self.choice_box.currentIndex()]

    def _choice_changed(self, _index: int = -1) -> None:
        self.custom_row.setVisible(self.is_custom())
        if self.is_custom():
            self._custom_changed()
        elif self.choices is not None:
            chosen = self.choices.options[self.choice_box.currentIndex()]
            self.hint.setText(self.choices.reason if chosen == self.choices.suggested else "")
        self.changed.emit()

    def _custom_changed(self) -> None:
        try:
            auto = custom_period(
                self.start_edit.date().toPython(), self.end_edit.date().toPython()
            ).name
        except OkrDeskError:  # an end before the start: said when the cycle is created
            auto = ""
        self.name_edit.setPlaceholderText(auto or "Name of the cycle")
        self.hint.setText("")
        self.changed.emit()


def _date_edit(name: str, accessible: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd MMM yyyy")
    return edit


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
