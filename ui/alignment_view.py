"""The alignment view: company objectives at the top, under each the objectives that support
it (department, then team), the key results they support, and the orphans; with link editing.

Every edit goes through the WorkspaceSession (one undo step). The tree is a view over
:class:`~ui.alignment_model.AlignmentModel`. The core's :func:`alignment_map` is read once
for a cycle; when the session reports a change that concerns it (from anywhere), the next
map reads again only what the change touched (:func:`alignment_map_after`), and only the
rows that changed are updated, keeping what was expanded and selected. Choosing another
team in the navigator only moves the highlight and scrolls to the team's first objective.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, QPoint, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from okrdesk.errors import OkrDeskError
from okrdesk.formatting import counted, shorten
from okrdesk.services.alignment import AlignmentMap, CandidateParent, alignment_map
from okrdesk.services.alignment_update import alignment_map_after
from okrdesk.services.organisation import organisation_kind, top_word
from ui.alignment_link_dialog import ERROR_STYLE, LinkDialog, sentence
from ui.alignment_model import (
    COLUMNS,
    ELSEWHERE,
    HIGHLIGHT,
    KEY,
    LINK_ID,
    NOTE,
    OBJECTIVE_ID,
    ORPHANS,
    AlignmentModel,
    team_label,
)
from ui.refresh import OKRS, Refresher
from ui.session import Changes, WorkspaceSession

INFO_STYLE = "background:#eaf1fb; color:#1d3f66; border:1px solid #b6cbe6; padding:6px;"
__all__ = [
    "COLUMNS",
    "ELSEWHERE",
    "HIGHLIGHT",
    "KEY",
    "LINK_ID",
    "OBJECTIVE_ID",
    "ORPHANS",
    "AlignmentView",
    "team_label",
]


class AlignmentView(QWidget):
    """Which objective supports which, for one cycle; mount it as a tab.

    ``objective_activated`` carries an objective's id when the user double-clicks it.
    """

    objective_activated = Signal(str)

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.amap: AlignmentMap | None = None
        self.link_dialog: LinkDialog | None = None
        self._cycle: str | None = None
        self._team: str | None = None
        self._collapsed: set[str] = set()
        self._follow: tuple[str, str | None] | None = None  # (objective, parent) to select next
        self._scroll_next = True  # after a new team, show its first objective when next shown
        self._building = False
        self._read_for: str | None = None  # the cycle asked for when the map was read

        self.title = QLabel()
        self.title.setObjectName("alignmentTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel()
        self.summary.setObjectName("alignmentSummary")
        self.summary.setWordWrap(True)  # a long summary must not force the window wider
        self.link_button = QPushButton("Link to…")
        self.link_button.setToolTip("Choose a higher objective or key result this one supports")
        self.link_button.clicked.connect(lambda: self.open_link_dialog())
        self.unlink_button = QPushButton("Remove link")
        self.unlink_button.setToolTip("Stop this objective supporting the one above it (Delete)")
        self.unlink_button.clicked.connect(self.remove_selected_link)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.summary, 1)
        top.addWidget(self.link_button)
        top.addWidget(self.unlink_button)

        self.message = QLabel()
        self.message.setObjectName("alignmentMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)

        self.model_ = AlignmentModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model_)
        bold = QFont(self.tree.font())
        bold.setBold(True)
        self.model_.bold = bold
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # read-only
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(0, 560)
        self.tree.setColumnWidth(1, 210)
        self.tree.setColumnWidth(2, 64)
        self.tree.setColumnWidth(3, 64)
        self.tree.doubleClicked.connect(self._activated)
        self.tree.expanded.connect(lambda index: self._remember(index, expanded=True))
        self.tree.collapsed.connect(lambda index: self._remember(index, expanded=False))
        self.tree.selectionModel().selectionChanged.connect(self._update_buttons)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.model_.rowsInserted.connect(self._inserted)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.tree)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected_link)
        link = QShortcut(QKeySequence("Ctrl+L"), self)
        link.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        link.activated.connect(lambda: self.open_link_dialog())

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.tree, 1)

        self.refresher = Refresher(self, session, OKRS, self.refresh)
        self._update_buttons()
        self.refresher.stale()  # built when first shown: a hidden tab costs nothing at start-up

    # -- context and refresh -------------------------------------------------------------------

    def set_context(self, cycle_id: str | None, team_id: str | None = None) -> None:
        """Show a cycle (None: the current one); highlight and scroll to a team's objectives.

        Another team in the same cycle reads nothing again: the map is the same."""
        self._scroll_next = True
        if cycle_id != self._cycle or self.amap is None:
            if cycle_id != self._cycle:
                self._collapsed.clear()
                self.show_message("")
            self._cycle, self._team = cycle_id, team_id
            self.model_.set_team(team_id)
            self.refresher.stale()
            return
        self._team = team_id
        self.model_.set_team(team_id)
        if self.isVisible() and not self.refresher.pending:
            self._scroll_to_team_once()

    def commit_pending(self) -> bool:
        return True  # links are saved as they are made: nothing is ever left typed

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # (a change heard while hidden was caught up just before)
        self._scroll_to_team_once()

    def _scroll_to_team_once(self) -> None:
        if self._scroll_next and self.amap is not None:
            self._scroll_next = False
            self.scroll_to_team()

    def refresh(self, changes: Changes | None = None) -> None:
        """Show the map as `changes` left it (None: read it all again)."""
        ws, previous = self.session.ws, self.amap
        try:
            if (
                previous is None
                or changes is None
                or changes.everything
                or changes.touches(("cycle",))  # (the current cycle may be another now)
                or self._read_for != self._cycle
            ):
                amap = alignment_map(ws, self._cycle)
            else:
                amap = alignment_map_after(ws, previous, changes)
            self._read_for = self._cycle
        except OkrDeskError as exc:
            self.amap = None
            self.title.setText("Alignment")
            self.summary.setText(sentence(str(exc)))
            self.model_.clear()
            self._update_buttons()
            return
        self.amap = amap
        selected = self.selected_key()
        self._building = True
        try:
            self.model_.set_team(self._team)
            top = top_word(organisation_kind(self.session.ws))
            if self.model_.show_map(amap, top):
                self._expand_all()
        finally:
            self._building = False
        self.title.setText(f"Alignment · {amap.cycle_name}")
        self.summary.setText(
            f"{counted(len(amap.objectives), 'objective')} · {len(amap.roots)} at {top} "
            f"level · {counted(len(amap.orphans), 'orphan')} · each objective is listed "
            "under the ones it supports"
        )
        self._restore_selection(selected)
        self._update_buttons()
        if self.isVisible():
            self._scroll_to_team_once()

    def _expand_all(self) -> None:
        """Everything open, but what the person closed (the default of this view)."""
        model = self.model_
        for n in range(model.rowCount()):
            index = model.index(n, 0)
            if index.data(KEY) in (ORPHANS, ELSEWHERE, NOTE):
                self.tree.setFirstColumnSpanned(n, QModelIndex(), True)
        with QSignalBlocker(self.tree):  # not a call of _remember for each of 11,500 rows
            self.tree.expandAll()
        for key in self._collapsed:
            index = model.row_for_key(key)
            if index.isValid():
                self.tree.collapse(index)

    def _inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        """Rows a change brought: open, as everything is, but what the person closed."""
        if self.model_.resetting:
            return  # every row anew: opened once it is all there (see _expand_all)
        building, self._building = self._building, True
        try:
            if parent.isValid() and parent.data(KEY) not in self._collapsed:
                self.tree.expand(parent)  # it may have had no rows under it until now
            for n in range(first, last + 1):
                index = self.model_.index(n, 0, parent)
                if not parent.isValid() and index.data(KEY) in (ORPHANS, ELSEWHERE, NOTE):
                    self.tree.setFirstColumnSpanned(n, parent, True)
                self.tree.expandRecursively(index)
                for key in self._collapsed:
                    if key.startswith(f"{index.data(KEY)}/") or key == index.data(KEY):
                        self.tree.collapse(self.model_.row_for_key(key))
        finally:
            self._building = building

    def scroll_to_team(self) -> None:
        """Reveal the context team's first objective in the tree."""
        if not self._team:
            return
        index = self.model_.first_row_of_team(self._team)
        if index.isValid():
            parent = index.parent()
            while parent.isValid():
                self.tree.expand(parent)
                parent = parent.parent()
            self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)

    # -- rows, selection, expansion -----------------------------------------------------------

    def items(self) -> Iterator[QModelIndex]:
        """Every row of the tree (column 0), depth first."""
        return self.model_.indexes()

    def rows_for(self, objective_id: str) -> list[QModelIndex]:
        return self.model_.rows_for(objective_id)

    def row_for_key(self, key: str) -> QModelIndex:
        return self.model_.row_for_key(key)

    def current(self) -> QModelIndex:
        """The chosen row (column 0), or an invalid index."""
        rows = self.tree.selectionModel().selectedRows()
        return rows[0] if rows else QModelIndex()

    def set_current(self, index: QModelIndex) -> None:
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    def selected_key(self) -> str | None:
        index = self.current()
        return index.data(KEY) if index.isValid() else None

    def selected_objective(self) -> str | None:
        index = self.current()
        return (index.data(OBJECTIVE_ID) or None) if index.isValid() else None

    def select_objective(self, objective_id: str) -> bool:
        rows = self.rows_for(objective_id)
        if rows:
            self.set_current(rows[0])
        return bool(rows)

    def _restore_selection(self, key: str | None) -> None:
        follow, self._follow = self._follow, None
        target = QModelIndex()
        if follow is not None:
            oid, parent = follow
            rows = self.rows_for(oid)
            under = [
                r for r in rows if r.parent().isValid() and r.parent().data(OBJECTIVE_ID) == parent
            ]
            target = (under or rows or [QModelIndex()])[0]
        if not target.isValid() and key is not None:
            if self.selected_key() == key:
                return  # still there: leave the view where it is
            target = self.model_.row_for_key(key)
            if not target.isValid():  # the row moved (a link changed): follow the objective
                rows = self.rows_for(key.rsplit("/", 1)[-1])
                target = rows[0] if rows else QModelIndex()
        if target.isValid():
            self.set_current(target)

    def _remember(self, index: QModelIndex, *, expanded: bool) -> None:
        if self._building:
            return
        key = index.data(KEY)
        if expanded:
            self._collapsed.discard(key)
        else:
            self._collapsed.add(key)

    def _update_buttons(self) -> None:
        index = self.current()
        self.link_button.setEnabled(bool(index.isValid() and index.data(OBJECTIVE_ID)))
        self.unlink_button.setEnabled(bool(index.isValid() and index.data(LINK_ID)))

    def _activated(self, index: QModelIndex) -> None:
        oid = index.siblingAtColumn(0).data(OBJECTIVE_ID)
        if oid:
            self.objective_activated.emit(oid)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos).siblingAtColumn(0)
        if not index.isValid() or not index.data(OBJECTIVE_ID):
            return
        self.tree.setCurrentIndex(index)
        menu = self.context_menu(index)
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def context_menu(self, index: QModelIndex) -> QMenu:
        """The menu for a row (built separately so that tests can read it)."""
        menu = QMenu(self)
        oid = index.data(OBJECTIVE_ID)
        menu.addAction("Open objective", lambda: self.objective_activated.emit(oid))
        menu.addSeparator()
        menu.addAction("Link to…", lambda: self.open_link_dialog(oid))
        link_id = index.data(LINK_ID)
        if link_id and index.parent().isValid():
            above = str(index.parent().data()).removeprefix("◎ ")
            menu.addAction(
                f"Remove link to “{shorten(above, 40)}”", lambda: self.remove_link(link_id)
            )
        menu.addSeparator()
        menu.addAction("Expand all", self.tree.expandAll)
        menu.addAction("Collapse all", self.tree.collapseAll)
        return menu

    # -- editing --------------------------------------------------------------------------------

    def show_message(self, text: str, *, error: bool = False) -> None:
        """An inline notice above the tree (errors too: no blocking message box)."""
        self.message.setText(("✖ " if error else "") + text)
        self.message.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)
        self.message.setVisible(bool(text))

    def open_link_dialog(self, objective_id: str | None = None) -> LinkDialog | None:
        """Open the (window-modal, non-blocking) link editor for an objective."""
        oid = objective_id or self.selected_objective()
        if not oid or self.amap is None or oid not in self.amap:
            return None
        dialog = LinkDialog(self.amap, oid, self._link_from_dialog, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "link_dialog", None))
        self.link_dialog = dialog
        dialog.open()
        return dialog

    def _link_from_dialog(self, choice: CandidateParent, weight: float | None, oid: str) -> str:
        return self._link(oid, choice.objective_id, choice.key_result_id, weight)

    def link(
        self,
        objective_id: str,
        parent_objective_id: str | None = None,
        parent_key_result_id: str | None = None,
        weight: float | None = None,
    ) -> bool:
        """Make an objective support an objective or a key result (one undo step)."""
        return not self._link(objective_id, parent_objective_id, parent_key_result_id, weight)

    def _link(
        self,
        objective_id: str,
        parent_objective_id: str | None,
        parent_key_result_id: str | None,
        weight: float | None,
    ) -> str:
        """Link; return "" on success, else the reason (also shown in the message bar)."""
        values: dict[str, object] = {"objective_id": objective_id}
        if parent_key_result_id:
            values["parent_key_result_id"] = parent_key_result_id
        else:
            values["parent_objective_id"] = parent_objective_id
        if weight is not None:
            values["weight"] = weight
        if self.amap is not None and objective_id in self.amap:
            me = self.amap.objective(objective_id)
            if any(
                x.key_result_id == parent_key_result_id
                and (parent_key_result_id or x.parent_objective_id == parent_objective_id)
                for x in me.supports
            ):
                reason = "It already supports that."
                self.show_message(f"Not linked: {reason}", error=True)
                return reason
        self._follow = (objective_id, parent_objective_id)
        try:
            self.session.create("alignment_link", **values)
        except OkrDeskError as exc:
            self._follow = None
            reason = sentence(str(exc))
            self.show_message(f"Not linked: {reason}", error=True)
            return reason
        self.show_message("Linked. Undo with Ctrl+Z.")
        return ""

    def remove_selected_link(self) -> None:
        index = self.current()
        if index.isValid() and index.data(LINK_ID):
            self.remove_link(index.data(LINK_ID))

    def remove_link(self, link_id: str) -> bool:
        """Delete one alignment link (one undo step); the objective stays."""
        try:
            self.session.delete("alignment_link", link_id)
        except OkrDeskError as exc:
            self.show_message(f"Not removed: {sentence(str(exc))}", error=True)
            return False
        self.show_message("Link removed. Undo with Ctrl+Z.")
        return True
