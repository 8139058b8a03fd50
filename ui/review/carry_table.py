"""The carry-forward table of a retrospective: every objective and key result of the team in
the cycle, with a decision (carry, modify, drop, done) and a note."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from okrdesk.errors import OkrDeskError
from okrdesk.formatting import percent
from okrdesk.services import entities
from okrdesk.services.quarters import parse_quarter, quarter_of
from okrdesk.services.retrospective import CarryItem
from okrdesk.services.workspace import Workspace
from okrdesk.vocabulary import CARRIED, CARRY_DECISION_WORDS, CarryDecision
from ui.guided.fields import ErrorLabel
from ui.review.fields import SavedField
from ui.review.looks import MUTED, set_read_only

# What each decision does to the item, beside its name in the list.
DECISION_TIPS: dict[CarryDecision, str] = {
    "carry": "Into the next cycle as it is; a key result starts where it stands",
    "modify": "Carried as a draft to reword; the note goes into its why",
    "drop": "Not carried",
    "done": "Achieved; not carried",
}
DECISIONS = [
    ("", "—", "Undecided: a key result follows its objective"),
    *((d, words.capitalize(), DECISION_TIPS[d]) for d, words in CARRY_DECISION_WORDS.items()),
]
# (item, decision or None, note) → raises OkrDeskError to refuse
Decide = Callable[[CarryItem, str | None, str], None]


@dataclass(frozen=True)
class Preview:
    objectives: int
    key_results: int
    to_reword: int


def preview(items: tuple[CarryItem, ...]) -> Preview:
    """What carrying forward would make, by the rules of okrdesk.services.carry_forward."""
    objectives = key_results = reword = 0
    for o in (i for i in items if i.kind == "objective"):
        if o.decision is not None and o.decision not in CARRIED:
            continue
        krs = [i for i in items if i.kind == "key_result" and i.objective_id == o.id]
        carried = [k for k in krs if (k.decision or o.decision) in CARRIED]
        if o.decision is None and not carried:
            continue
        objectives += 1
        key_results += len(carried)
        if o.decision == "modify" or any(k.decision == "modify" for k in carried):
            reword += 1
    return Preview(objectives, key_results, reword)


def next_cycle_name(ws: Workspace, cycle_id: str) -> tuple[str, bool]:
    """The cycle carrying forward goes into, and whether it will be made for it."""
    cycles = entities.list_items(ws, "cycle")
    source = next(c for c in cycles if c["id"] == cycle_id)
    quarter = quarter_of(source["end_date"] + timedelta(days=1))
    for c in cycles:
        if parse_quarter(c["name"]) == quarter or (
            c["start_date"] == quarter.start and c["kind"] == "quarter"
        ):
            return c["name"], False
    return quarter.name, True


class CarryTable(QWidget):
    """A grid: item, progress, decision, note. Calls `decide` for every change."""

    def __init__(self, decide: Decide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.decide = decide
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setColumnStretch(0, 5)
        self.grid.setColumnStretch(3, 3)
        self.items: dict[str, CarryItem] = {}
        self.combos: dict[str, QComboBox] = {}
        self.notes: dict[str, SavedField] = {}
        self.error = ErrorLabel()
        self._shape: tuple[str, ...] = ()
        self._read_only = False

    def show_items(self, items: tuple[CarryItem, ...], read_only: bool, force: bool) -> None:
        shape = tuple(i.id for i in items)
        if shape != self._shape:
            self._build(items)
            self._shape = shape
            force = True
        self._read_only = read_only
        for item in items:
            self.items[item.id] = item
            combo = self.combos[item.id]
            combo.setCurrentIndex(max(0, combo.findData(item.decision or "")))
            combo.setEnabled(not read_only)
            note = self.notes[item.id]
            note.load(item.note, force)
            set_read_only(note.widget, read_only or item.decision is None)
            note.widget.setPlaceholderText(
                "Why (goes into the draft's why)" if item.decision == "modify" else "Note"
            )

    def _build(self, items: tuple[CarryItem, ...]) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None and widget is not self.error:
                widget.blockSignals(True)
                widget.deleteLater()
        self.combos, self.notes, self.items = {}, {}, {}
        for column, text in enumerate(("Objective / key result", "Progress", "Decision", "Note")):
            header = QLabel(text)
            header.setStyleSheet("color: #555; font-weight: 600;")
            self.grid.addWidget(header, 0, column)
        for row, item in enumerate(items, start=1):
            title = QLabel(item.title)
            title.setWordWrap(True)
            title.setTextFormat(Qt.TextFormat.PlainText)
            if item.kind == "objective":
                title.setStyleSheet("font-weight: 600; padding-top: 6px;")
            else:
                title.setStyleSheet("padding-left: 18px;")
            progress = QLabel("" if item.kind == "objective" else percent(item.progress))
            progress.setStyleSheet(MUTED)
            combo = QComboBox()
            combo.setObjectName("carryDecision")
            combo.setAccessibleName(f"Decision for {item.title}")
            for value, text, tip in DECISIONS:
                combo.addItem(text, value)
                combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
            combo.activated.connect(lambda _i, i=item.id: self._decided(i))
            note = QLineEdit()
            note.setObjectName("carryNote")
            self.notes[item.id] = SavedField(
                note, self.error, lambda text, i=item.id: self._noted(i, text)
            )
            self.combos[item.id] = combo
            for column, widget in enumerate((title, progress, combo, note)):
                self.grid.addWidget(widget, row, column)
        self.grid.addWidget(self.error, len(items) + 1, 0, 1, 4)
        if not items:
            empty = QLabel("No objectives in this cycle for this team.")
            empty.setStyleSheet(MUTED)
            self.grid.addWidget(empty, 1, 0, 1, 4)

    def _decided(self, item_id: str) -> None:
        item = self.items[item_id]
        decision = self.combos[item_id].currentData() or None
        if decision == item.decision:
            return
        note = self.notes[item_id].text() if decision else ""
        try:
            self.decide(item, decision, note)
        except OkrDeskError as exc:
            self.error.show_error(str(exc))
            return
        self.error.clear_error()

    def _noted(self, item_id: str, text: str) -> None:
        item = self.items[item_id]
        if item.decision is None:
            return  # read-only until a decision is chosen
        self.decide(item, item.decision, text)
