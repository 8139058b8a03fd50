"""The editor of one item (a theme, an objective, a key result, an initiative) or of a new one.

Each field saves through the session when the person leaves it: one edit, one undo step.
A new item comes into being when its title is saved; Enter in the title saves and moves on
to the next new item, so a room can dictate a list quickly.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from okrdesk.errors import NotFoundError, OkrDeskError
from okrdesk.services import entities
from okrdesk.services.specs import spec_for
from okrdesk.services.workspace import Workspace
from ui.coach_panel import CoachPanel
from ui.guided.context import PlanningContext
from ui.guided.fields import Binding, ErrorLabel, TextArea, error_field
from ui.team_okrs import coach_choices
from ui.typed_numbers import typed_field


class ItemEditor(QWidget):
    advance = Signal()  # Enter in the title: go on to the next new item
    created = Signal(str)  # a new item was saved, the editor now shows it
    deleted = Signal()

    def __init__(
        self,
        ctx: PlanningContext,
        kind: str,
        noun: str,
        coach_kind: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.kind, self.noun = ctx, kind, noun
        self.item_id: str | None = None
        self.new_values: dict[str, Any] = {}
        self.bindings: dict[str, Binding] = {}
        self.combos: dict[str, QComboBox] = {}
        self._showing: tuple[Any, ...] | None = None
        self._saving_new = False  # a new item is being stored: it stays where it is on screen

        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        # Two lines always: the hint changes as a new item is saved, and the form below must
        # not move under the pointer when it does.
        self.hint.setFixedHeight(2 * self.hint.fontMetrics().lineSpacing() + 2)

        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("titleEdit")
        self.title_edit.setClearButtonEnabled(True)
        self.title_error = ErrorLabel()
        self.coach: CoachPanel | None = None
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        title_box = QVBoxLayout()
        title_box.setSpacing(2)
        title_box.addWidget(self.title_edit)
        title_box.addWidget(self.title_error)
        if coach_kind is not None:
            self.coach = CoachPanel(coach_kind)
            frame = QFrame()
            frame.setObjectName("coachFrame")
            frame.setStyleSheet(
                "#coachFrame { background: #f6f8fb; border: 1px solid #d5dde8;"
                " border-radius: 4px; }"
            )
            inner = QVBoxLayout(frame)
            inner.setContentsMargins(8, 2, 8, 2)
            caption = QLabel("Coach")
            caption.setStyleSheet("color: #35608f; font-weight: bold;")
            inner.addWidget(caption)
            inner.addWidget(self.coach)
            title_box.addWidget(frame)
            self.title_edit.textEdited.connect(self.coach.watch)
        self.form.addRow(f"{noun.capitalize()}:", title_box)
        self.bindings["title" if kind != "theme" else "name"] = Binding(
            "title" if kind != "theme" else "name",
            self.title_edit,
            self.title_error,
            self._save,
            route=self._route,
        )
        self.title_edit.returnPressed.connect(self._enter)

        self.delete_button = QPushButton(f"Delete this {noun}")
        self.delete_button.clicked.connect(self._delete)
        self.general_error = ErrorLabel()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 4, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.load_nothing()

    # -- building the form (subclasses) --------------------------------------------------------

    def add_line(self, name: str, label: str, show: Any = None, width: int | None = None):
        edit = QLineEdit()
        edit.setObjectName(f"{name}Edit")
        if width:
            edit.setMaximumWidth(width)
        error = ErrorLabel()
        row = QHBoxLayout()
        row.addWidget(edit, 0 if width else 1)
        row.addWidget(error, 1)
        self.form.addRow(label, row)
        extra = {"show": show} if show else {}
        self.bindings[name] = Binding(name, edit, error, self._save, route=self._route, **extra)
        return edit

    def add_area(self, name: str, label: str, lines: int = 3) -> TextArea:
        area = TextArea(lines)
        area.setObjectName(f"{name}Edit")
        error = ErrorLabel()
        box = QVBoxLayout()
        box.addWidget(area)
        box.addWidget(error)
        self.form.addRow(label, box)
        self.bindings[name] = Binding(name, area, error, self._save, route=self._route)
        return area

    def add_combo(self, name: str, label: str, choices: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"{name}Combo")
        self.set_choices(combo, choices)
        combo.activated.connect(lambda _i, n=name: self._combo_changed(n))
        self.form.addRow(label, combo)
        self.combos[name] = combo
        return combo

    @staticmethod
    def set_choices(combo: QComboBox, choices: list[tuple[str, Any]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in choices:
            combo.addItem(text, data)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    # -- hooks ---------------------------------------------------------------------------------

    def prepare(self) -> None:
        """Before loading: refresh choices that depend on the workspace (themes, ...)."""

    def loaded(self, item: dict[str, Any] | None, force: bool) -> None:
        """After loading an item (None: a new one): fill what is not a plain field."""

    def after_create(self, ws: Workspace, item_id: str) -> None:
        """Right after a new item was made, in the same operation (links, ...): call the
        core services with `ws`, so that it stays one transaction and one undo step."""

    def headline(self, item: dict[str, Any] | None) -> tuple[str, str]:
        if item is None:
            return f"New {self.noun}", "Type it and press Enter; the next one follows."
        return f"Edit the {self.noun}", "Changes are saved as you leave each field."

    # -- loading -------------------------------------------------------------------------------

    def item(self) -> dict[str, Any] | None:
        if self.item_id is None:
            return None
        try:
            return entities.get(self.ctx.ws, self.kind, self.item_id)
        except NotFoundError:
            return None

    def load_nothing(self) -> None:
        self.item_id, self.new_values, self._showing = None, {}, None
        self.setEnabled(False)
        self.heading.setMinimumHeight(0)
        self.heading.setText("Nothing to edit")
        self.hint.setText("")
        for binding in self.bindings.values():
            binding.load(None, force=True)
        self._coach_on("")
        self.delete_button.setVisible(False)

    def load_item(self, item_id: str, force: bool = False) -> None:
        identity = ("item", item_id)
        force = force or identity != self._showing
        self.item_id, self.new_values, self._showing = item_id, {}, identity
        item = self.item()
        if item is None:
            self.load_nothing()
            return
        self.setEnabled(True)
        self.prepare()
        for name, binding in self.bindings.items():
            binding.load(item.get(name), force=force)
        for name, combo in self.combos.items():
            index = combo.findData(item.get(name))
            combo.setCurrentIndex(max(index, 0))
        self._show_headline(item, keep=self._saving_new or not force)
        self.delete_button.setVisible(True)
        self.general_error.clear_error()
        if force:
            self._coach_on(self.title_edit.text())
        self.loaded(item, force)

    def load_new(self, values: dict[str, Any], force: bool = False) -> None:
        identity = ("new", tuple(sorted(values.items())))
        force = force or identity != self._showing
        self.item_id, self.new_values, self._showing = None, dict(values), identity
        self.setEnabled(True)
        self.prepare()
        for binding in self.bindings.values():
            binding.load(None, force=force)
        if force:
            for name, combo in self.combos.items():
                index = combo.findData(values.get(name, combo.itemData(0)))
                combo.setCurrentIndex(max(index, 0))
            self._coach_on("")
            self.general_error.clear_error()
        self._show_headline(None, keep=not force)
        self.delete_button.setVisible(False)
        self.loaded(None, force)

    def _show_headline(self, item: dict[str, Any] | None, keep: bool) -> None:
        """Set the heading and hint; with `keep`, the heading keeps at least its height.

        Saving a new item changes its heading ("New key result for …" becomes "Key result
        of …"), which may take a line less; the form below must not move up under the
        pointer when a click elsewhere saved it. Another item shown lets the height go.
        """
        self.heading.setMinimumHeight(self.heading.height() if keep else 0)
        heading, hint = self.headline(item)
        self.heading.setText(heading)
        self.hint.setText(hint)

    def _coach_on(self, text: str) -> None:
        if self.coach is None:
            return
        self.coach.disabled, self.coach.examples = coach_choices(self.ctx.session)
        if not text.strip():  # a blank new item: nothing to say yet
            self.coach.clear()
            return
        self.coach.watch(text)
        self.coach.check_now()

    # -- saving --------------------------------------------------------------------------------

    def commit(self) -> bool:
        """Save every field with unsaved typing; a new item is created once it has a title."""
        if self.item_id is None:
            title = self.bindings[self._title_name()]
            if not title.value().strip():
                return True
            return title.commit()
        return all([binding.commit() for binding in self.bindings.values()])

    def values_for_new(self) -> dict[str, Any]:
        values = {k: v for k, v in self.new_values.items() if k in self._fields()}
        for name, binding in self.bindings.items():
            if binding.value().strip():
                values[name] = binding.value()
        for name, combo in self.combos.items():
            values[name] = combo.currentData()
        return values

    def _fields(self) -> set[str]:
        return set(spec_for(self.kind).fields)

    def _title_name(self) -> str:
        return "name" if self.kind == "theme" else "title"

    def _save(self, name: str, value: Any) -> None:
        if self.item_id is None:
            if name == self._title_name():
                self.create()
            return
        value = typed_field(name, value)  # a number in the locale ("0,125" in German)
        self.ctx.session.update(self.kind, self.item_id, **{name: value})
        self._after_save()

    def save_values(self, **values: Any) -> bool:
        """Save several fields at once (one undo step); False with a red message if refused."""
        try:
            values = {name: typed_field(name, value) for name, value in values.items()}
            if self.item_id is None:
                self.create(values)
            else:
                self.ctx.session.update(self.kind, self.item_id, **values)
        except OkrDeskError as exc:
            (self._route(exc) or self.general_error).show_error(str(exc))
            return False
        for name in values:
            if name in self.bindings:  # saved: show the stored value, not the typed one
                self.bindings[name].loaded = self.bindings[name].value()
        self._after_save()
        if self.item_id is not None:
            self.load_item(self.item_id)
        return True

    def create(self, extra: dict[str, Any] | None = None) -> str:
        values = {**self.values_for_new(), **(extra or {})}

        def make(ws: Workspace) -> str:
            item_id = entities.create(ws, self.kind, **values)
            self.after_create(ws, item_id)
            return item_id

        item_id = self.ctx.session.run(f"Add {self.noun}", make)
        self.item_id = item_id
        # The typed text is now stored: load it as such, so nothing counts as unsaved.
        self._saving_new = True
        try:
            self.load_item(item_id, force=True)
        finally:
            self._saving_new = False
        self.created.emit(item_id)
        return item_id

    def _after_save(self) -> None:
        self.general_error.clear_error()
        for binding in self.bindings.values():
            if not binding.dirty():
                binding.error.clear_error()

    def _route(self, exc: OkrDeskError) -> ErrorLabel | None:
        name = error_field(exc)
        if name in self.bindings:
            return self.bindings[name].error
        return None

    def _combo_changed(self, name: str) -> None:
        if self.item_id is None:
            return
        self.save_values(**{name: self.combos[name].currentData()})

    def _enter(self) -> None:
        if not self.title_edit.text().strip():
            return
        if self.commit():
            self.advance.emit()

    def _delete(self) -> None:
        if self.item_id is None:
            return
        try:
            self.ctx.session.delete(self.kind, self.item_id)
        except OkrDeskError as exc:
            self.general_error.show_error(str(exc))
            return
        self.item_id = None
        self.deleted.emit()
