"""The detail editor: the fields of the selected objective, key result or initiative.

Every field is saved as soon as the person leaves it (one service call, one undo
step). A refused value stays in the field, marked, with the reason beside it:
nothing typed is lost and nothing half-valid is stored.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from okrdesk.coach import ParsedMetric
from okrdesk.errors import OkrDeskError, ValidationError
from okrdesk.services import entities
from ui import choices, undo_keys
from ui.coach_panel import CoachPanel
from ui.session import WorkspaceSession
from ui.team_okrs import coach_choices
from ui.typed_numbers import NUMBER_FIELDS, shown, typed_field

ERROR_STYLE = "border: 2px solid #b00020;"
CHOICES = {
    "objective.kind": choices.OBJECTIVE_KINDS,
    "objective.status": choices.OBJECTIVE_STATUSES,
    "key_result.kind": choices.KEY_RESULT_KINDS,
    "key_result.confidence": [("", "—"), *choices.CONFIDENCES],
    "initiative.status": choices.INITIATIVE_STATUSES,
}


class _NotesBox(QPlainTextEdit):
    """A multi-line field that says when the person leaves it (then it is saved)."""

    left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.left.emit()
        super().focusOutEvent(event)


class _ItemEditor(QWidget):
    kind = ""

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.item: dict[str, Any] = {}
        self.fields: dict[str, QWidget] = {}
        self.form = QFormLayout()
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

    # -- building ------------------------------------------------------------------------------

    def line(self, name: str, label: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(label)
        edit.editingFinished.connect(lambda: self.save(name, edit.text()))
        self._add(name, label, edit)
        return edit

    def text_box(self, name: str, label: str) -> QPlainTextEdit:
        box = _NotesBox()
        box.setMaximumHeight(70)
        box.setAccessibleName(label)
        box.left.connect(lambda: self.save(name, box.toPlainText()))
        self._add(name, label, box)
        return box

    def combo(self, name: str, label: str) -> QComboBox:
        box = QComboBox()
        # Long choices (a theme's name) are cut in the closed box, never widen the panel.
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(12)
        box.setAccessibleName(label)
        for value, text in CHOICES.get(f"{self.kind}.{name}", []):
            box.addItem(text, value)
        box.activated.connect(lambda _i: self.save(name, box.currentData() or None))
        self._add(name, label, box)
        return box

    def _add(self, name: str, label: str, widget: QWidget) -> None:
        self.fields[name] = widget
        self.form.addRow(label, widget)

    # -- loading and saving --------------------------------------------------------------------

    def load(self, item_id: str) -> None:
        self.fill(entities.get(self.session.ws, self.kind, item_id))

    def fill(self, item: dict[str, Any]) -> None:
        """Show an item read a moment ago in the fields."""
        self.item = item
        self.error_label.clear()
        for name, widget in self.fields.items():
            widget.setStyleSheet("")
            value = self.item.get(name)
            widget.blockSignals(True)
            if isinstance(widget, QLineEdit):
                if name in NUMBER_FIELDS:  # as typed: what is shown is what Enter saves
                    widget.setText(shown(value))
                else:
                    widget.setText("" if value is None else str(value))
                widget.setCursorPosition(0)  # show the start of a long title
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value or "")
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value if value is not None else "")))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            widget.blockSignals(False)

    def save(self, name: str, value: Any) -> bool:
        """Save one field; on refusal keep the typed value, mark the field, say why."""
        if not self.item:
            return False
        widget = self.fields.get(name)
        current = self.item.get(name)
        if (
            isinstance(value, str)
            and name not in NUMBER_FIELDS
            and value.strip() == (current or "")
        ):
            return True
        try:
            value = typed_field(name, value)  # a number in the locale ("0,125" in German)
            if name in NUMBER_FIELDS and value == current:
                return True
            self.session.update(self.kind, self.item["id"], **{name: value})
        except OkrDeskError as exc:
            if widget is not None:
                widget.setStyleSheet(ERROR_STYLE)
            field = exc.field if isinstance(exc, ValidationError) and exc.field else name
            self.error_label.setText(f"Not saved — {exc}")
            self.error_label.setProperty("field", field)
            return False
        if widget is not None:
            widget.setStyleSheet("")
            undo_keys.saved(widget)  # Ctrl+Z here now takes back the saved edit
        self.error_label.clear()
        self.item = entities.get(self.session.ws, self.kind, self.item["id"])
        return True


class ObjectiveEditor(_ItemEditor):
    kind = "objective"

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.title = self.line("title", "&Objective")
        self.coach = CoachPanel("objective")
        self.form.addRow("", self.coach)
        self.title.textEdited.connect(self.coach.watch)
        self.text_box("why", "&Why")
        self.line("owner", "O&wner")
        self.combo("kind", "&Kind")
        self.combo("status", "&Status")
        self.theme = self.combo("theme_id", "T&heme")

    def load(self, item_id: str) -> None:
        self.theme.blockSignals(True)
        self.theme.clear()
        self.theme.addItem("(no theme)", "")
        objective = entities.get(self.session.ws, "objective", item_id)
        for theme in entities.list_items(self.session.ws, "theme", cycle_id=objective["cycle_id"]):
            self.theme.addItem(theme["name"], theme["id"])
        self.theme.blockSignals(False)
        self.fill(objective)
        self.coach.disabled, self.coach.examples = coach_choices(self.session)
        self.coach.watch(self.title.text())
        self.coach.check_now()


class KeyResultEditor(_ItemEditor):
    kind = "key_result"
    add_next = Signal(str)  # objective id: Enter in the title asks for the next key result

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.title = self.line("title", "&Key result")
        self.title.returnPressed.connect(self._return_in_title)
        self.coach = CoachPanel("key_result")
        self.coach.metric_offered.connect(self.fill_metric)
        self.form.addRow("", self.coach)
        self.title.textEdited.connect(self.coach.watch)
        self.kind_box = self.combo("kind", "K&ind")
        self.kind_box.activated.connect(lambda _i: self._show_kind_fields())
        for name, label in (
            ("start", "&Start"),
            ("target", "&Target"),
            ("current", "&Current"),
            ("unit", "&Unit"),
            ("commit_level", "Co&mmit level"),
            ("stretch_level", "St&retch level"),
        ):
            self.line(name, label)
        done = QCheckBox("Done")
        done.toggled.connect(lambda checked: self.save("done", checked))
        self._add("done", "", done)
        self.line("owner", "O&wner")
        self.combo("confidence", "Con&fidence")
        self.line("weight", "&Weight")

    def load(self, item_id: str) -> None:
        super().load(item_id)
        self._show_kind_fields()
        self.coach.disabled, self.coach.examples = coach_choices(self.session)
        self.coach.key_result_kind = self.item["kind"]
        self.coach.watch(self.title.text())
        self.coach.check_now()

    def _show_kind_fields(self) -> None:
        kind = self.item.get("kind", "metric")
        for name, widget in self.fields.items():
            self.form.setRowVisible(widget, choices.key_result_shows(kind, name))

    def fill_metric(self, metric: ParsedMetric | None) -> None:
        """Fill start, target, unit (or direction) from what the coach read in the sentence."""
        values = metric.key_result_values() if metric is not None else {}
        if not values:
            return
        # The button leaves the focus in the title (a click must not reflow the form), so the
        # sentence the numbers were read from may not be saved yet: save it with them.
        typed = self.title.text().strip()
        if typed and typed != self.item.get("title"):
            values["title"] = typed
        try:
            self.session.update("key_result", self.item["id"], **values)
        except OkrDeskError as exc:
            self.error_label.setText(f"Not filled — {exc}")
            return
        self.load(self.item["id"])

    def _return_in_title(self) -> None:
        if self.save("title", self.title.text()):
            self.add_next.emit(self.item["objective_id"])


class InitiativeEditor(_ItemEditor):
    kind = "initiative"

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.title = self.line("title", "&Initiative")
        self.coach = CoachPanel("initiative")
        self.form.addRow("", self.coach)
        self.title.textEdited.connect(self.coach.watch)
        self.combo("status", "&Status")
        self.line("owner", "O&wner")
        self.due = self.line("due_date", "&Due (YYYY-MM-DD)")
        self.links = QListWidget()
        self.links.setAccessibleName("Key results it moves")
        self.links.itemChanged.connect(lambda _i: self._save_links())
        self.form.addRow("Moves", self.links)

    def load(self, item_id: str) -> None:
        super().load(item_id)
        self.links.blockSignals(True)
        self.links.clear()
        linked = {x["key_result_id"] for x in entities.initiative_links(self.session.ws, item_id)}
        for kr in entities.list_items(
            self.session.ws, "key_result", objective_id=self.item["objective_id"]
        ):
            entry = QListWidgetItem(kr["title"])
            entry.setData(Qt.ItemDataRole.UserRole, kr["id"])
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(
                Qt.CheckState.Checked if kr["id"] in linked else Qt.CheckState.Unchecked
            )
            self.links.addItem(entry)
        self.links.blockSignals(False)
        self.coach.watch(self.title.text())
        self.coach.check_now()

    def _save_links(self) -> None:
        chosen = [
            self.links.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.links.count())
            if self.links.item(i).checkState() == Qt.CheckState.Checked
        ]
        self.session.link_key_results(self.item["id"], chosen)


class DetailEditor(QStackedWidget):
    """Shows the editor for whatever is selected; an empty page when nothing is."""

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.empty = QLabel("Select an objective, key result or initiative to edit it.")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.editors: dict[str, _ItemEditor] = {
            "objective": ObjectiveEditor(session),
            "key_result": KeyResultEditor(session),
            "initiative": InitiativeEditor(session),
        }
        self.addWidget(self.empty)
        for editor in self.editors.values():
            self.addWidget(editor)
        self.current: tuple[str, str] | None = None
        self._deferred = False  # asked to show `current` while hidden: loaded when shown
        self._loaded_at = -1  # the session's change count when `current` was loaded

    def show_item(self, kind: str, item_id: str) -> None:
        """Load an item into its editor; while the editor is hidden (its dock put aside by
        the Planning, Workshop, Review or Check-ins tab), when it is next shown."""
        if kind in self.editors and not self.isVisible():
            self.current, self._deferred = (kind, item_id), True
            return
        self._deferred = False
        heard = self.session.changes_heard  # before loading: a change meanwhile wins
        if self.current == (kind, item_id) and self._loaded_at == heard:
            return  # loaded since the last change: the same again (adding an item asked 3×)
        self._loaded_at = -1
        editor = self.editors.get(kind)
        if editor is None:
            self.current = None
            self.setCurrentWidget(self.empty)
            return
        try:
            editor.load(item_id)
        except OkrDeskError:  # deleted meanwhile (e.g. by undo)
            self.current = None
            self.setCurrentWidget(self.empty)
            return
        self.current, self._loaded_at = (kind, item_id), heard
        self.setCurrentWidget(editor)

    def clear(self) -> None:
        self.current, self._deferred, self._loaded_at = None, False, -1
        self.setCurrentWidget(self.empty)

    def showEvent(self, event: QShowEvent) -> None:
        if self._deferred and self.current is not None:
            self.show_item(*self.current)  # before it is painted: never what was
        super().showEvent(event)
