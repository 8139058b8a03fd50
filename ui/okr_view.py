"""The central OKR view of one team in one cycle: objectives → key results → initiatives.

The model is rebuilt from the services' plain view data whenever the session
reports a change; expansion and selection are kept by id. Drag and drop and
Alt+Up/Down reorder and move through the session, so each is one undo step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QDropEvent, QKeyEvent, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from okrdesk.errors import OkrDeskError
from okrdesk.services.views import OkrTree
from ui.coach_marks import mark_icon, tooltip, weak_in
from ui.okr_rows import (
    ID_ROLE,
    KIND_ROLE,
    ProgressDelegate,
    clear_rows,
    fill_rows,
    size_columns,
)
from ui.refresh import OKRS, Refresher
from ui.session import WorkspaceSession
from ui.team_okrs import team_findings, team_okrs

PARENT_KIND = {"key_result": "objective", "initiative": "objective", "objective": "team"}


class OkrView(QTreeView):
    """Emits `item_selected(kind, id)`; `add_next_key_result` asks for a KR after the current."""

    item_selected = Signal(str, str)
    add_next_key_result = Signal(str)  # the objective id

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.cycle_id = ""
        self.team_id = ""
        self.tree: OkrTree | None = None
        self.error = ""
        self._clearing = False
        self._shown: tuple[str, str] | None = None  # the cycle and team the model holds
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self.setItemDelegateForColumn(1, ProgressDelegate(self))
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDropIndicatorShown(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAccessibleName("OKRs of the selected team")
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.refresher = Refresher(self, session, OKRS, lambda _changes: self.refresh())

    # -- data ----------------------------------------------------------------------------------

    def show_team(self, cycle_id: str, team_id: str) -> None:
        """Show a team's OKRs, its first objective selected: now when the view is on
        screen, else when it is next shown (another tab on show does not wait for it)."""
        self.cycle_id, self.team_id = cycle_id, team_id
        self.refresher.renew()

    def refresh(self) -> None:
        expanded = self._expanded_ids()
        selected = self.current_item()
        new_team = self._shown != (self.cycle_id, self.team_id)
        self._shown = (self.cycle_id, self.team_id)
        first_time = not self.model_.rowCount()
        # Removing the rows moves the current item along them one by one: nobody chose
        # those, and each one said would load it in the detail editor.
        self._clearing = True
        try:
            clear_rows(self.model_)
        finally:
            self._clearing = False
        self.tree = None
        weak: dict[str, list[str]] = {}
        if self.cycle_id and self.team_id:
            try:
                self.tree = team_okrs(self.session, self.cycle_id, self.team_id)
                weak = weak_in(team_findings(self.session, self.cycle_id, self.team_id))
            except OkrDeskError as exc:
                self.error = str(exc)
        if self.tree is not None and self.tree.teams:
            fill_rows(self.model_, self.tree.teams[0])
        for index in self._all_indexes():  # what the coach flags in the wording stands out
            findings = weak.get(index.data(ID_ROLE) or "")
            if findings and index.column() == 0:
                cell = self.model_.itemFromIndex(index)
                cell.setIcon(mark_icon())
                cell.setToolTip(tooltip(cell.toolTip(), findings))
        size_columns(self.header())
        for index in self._all_indexes():
            if first_time or index.data(ID_ROLE) in expanded:
                self.setExpanded(index, True)
        if new_team:
            objectives = self.tree.teams[0].objectives if self.tree and self.tree.teams else ()
            if objectives:
                self.select("objective", objectives[0].id)
        elif selected:
            self.select(*selected)

    # -- selection -----------------------------------------------------------------------------

    def current_item(self) -> tuple[str, str] | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return index.data(KIND_ROLE), index.data(ID_ROLE)

    def select(self, kind: str, item_id: str) -> bool:
        for index in self._all_indexes():
            if index.data(ID_ROLE) == item_id and index.data(KIND_ROLE) == kind:
                self.setCurrentIndex(index)
                self.scrollTo(index)
                return True
        return False

    def objective_of(self, kind: str, item_id: str) -> str | None:
        """The objective an item belongs to (itself for an objective)."""
        for index in self._all_indexes():
            if index.data(ID_ROLE) == item_id:
                return item_id if kind == "objective" else index.parent().data(ID_ROLE)
        return None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._clearing:
            self.item_selected.emit(current.data(KIND_ROLE), current.data(ID_ROLE))

    def _all_indexes(self) -> list[QModelIndex]:
        found, stack = [], [self.model_.index(r, 0) for r in range(self.model_.rowCount())]
        while stack:
            index = stack.pop(0)
            found.append(index)
            stack.extend(self.model_.index(r, 0, index) for r in range(self.model_.rowCount(index)))
        return found

    def _expanded_ids(self) -> set[str]:
        return {i.data(ID_ROLE) for i in self._all_indexes() if self.isExpanded(i)}

    # -- reordering ----------------------------------------------------------------------------

    def siblings(self, index: QModelIndex) -> list[tuple[str, str]]:
        parent = index.parent()
        rows = self.model_.rowCount(parent)
        return [
            (
                self.model_.index(r, 0, parent).data(KIND_ROLE),
                self.model_.index(r, 0, parent).data(ID_ROLE),
            )
            for r in range(rows)
        ]

    def move_current(self, step: int) -> None:
        """Move the selected item up (-1) or down (+1) among its own kind."""
        index = self.currentIndex().siblingAtColumn(0)
        if not index.isValid():
            return
        kind, item_id = index.data(KIND_ROLE), index.data(ID_ROLE)
        same = [i for k, i in self.siblings(index) if k == kind]
        at = same.index(item_id)
        if not 0 <= at + step < len(same):
            return
        same.insert(at + step, same.pop(at))
        self._run(lambda: self.session.reorder(kind, same))
        self.select(kind, item_id)

    def dropEvent(self, event: QDropEvent) -> None:
        source = self.currentIndex().siblingAtColumn(0)
        target = self.indexAt(event.position().toPoint()).siblingAtColumn(0)
        event.ignore()  # the database moves items, then the model is rebuilt
        if not source.isValid() or not target.isValid() or source == target:
            return
        kind, item_id = source.data(KIND_ROLE), source.data(ID_ROLE)
        target_kind, target_id = target.data(KIND_ROLE), target.data(ID_ROLE)
        where = self.dropIndicatorPosition()
        if kind == "objective":
            if target_kind != "objective":
                target = target.parent()
                target_id = target.data(ID_ROLE)
            order = [i for _k, i in self.siblings(target) if i != item_id]
            at = order.index(target_id) + (
                where == QAbstractItemView.DropIndicatorPosition.BelowItem
            )
            order.insert(at, item_id)
            self._run(lambda: self.session.reorder("objective", order))
        elif target_kind == "objective":  # onto an objective: move to its end
            self._run(lambda: self.session.move(kind, item_id, target_id))
        else:
            parent_id = target.parent().data(ID_ROLE)
            same = [i for k, i in self.siblings(target) if k == kind and i != item_id]
            at = same.index(target_id) if target_kind == kind and target_id in same else len(same)
            if where == QAbstractItemView.DropIndicatorPosition.BelowItem and target_kind == kind:
                at += 1
            if parent_id == source.parent().data(ID_ROLE):
                same.insert(at, item_id)
                self._run(lambda: self.session.reorder(kind, same))
            else:
                self._run(lambda: self.session.move(kind, item_id, parent_id, at))
        self.select(kind, item_id)

    def _run(self, action: Callable[[], None]) -> None:
        try:
            action()
            self.error = ""
        except OkrDeskError as exc:
            self.error = str(exc)
            self.window().statusBar().showMessage(self.error, 8000)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        current = self.current_item()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current:
            objective = self.objective_of(*current)
            if objective:
                self.add_next_key_result.emit(objective)
                return
        super().keyPressEvent(event)
