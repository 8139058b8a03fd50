"""The alignment view: company objectives at the top, under each the objectives that support
it (department, then team), the key results they support, and the orphans; with link editing.

Every edit goes through the WorkspaceSession (one undo step); the tree is rebuilt from the
core's :func:`alignment_map` whenever the session reports a change, keeping what was expanded
and selected.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from okrdesk.errors import OkrDeskError
from okrdesk.formatting import (
    counted,
    editable_number,
    percent,
    shorten,
)  # a weight shows as it was typed
from okrdesk.services.alignment import (
    AlignedObjective,
    AlignmentMap,
    CandidateParent,
    Link,
    alignment_map,
)
from okrdesk.services.organisation import organisation_kind, top_word
from okrdesk.vocabulary import TEAM_KIND_WORDS
from ui.alignment_link_dialog import ERROR_STYLE, LinkDialog, sentence
from ui.refresh import OKRS, Refresher
from ui.session import WorkspaceSession

COLUMNS = ["Objective", "Team", "Score", "Weight", "Link"]
OBJECTIVE_ID = Qt.ItemDataRole.UserRole
LINK_ID = Qt.ItemDataRole.UserRole + 1  # the link from this row to the row above it
KEY = Qt.ItemDataRole.UserRole + 2  # the row's path of ids: stable across refreshes
HIGHLIGHT = QColor("#fff1b8")
INFO_STYLE = "background:#eaf1fb; color:#1d3f66; border:1px solid #b6cbe6; padding:6px;"
ORPHANS, ELSEWHERE = "group:orphans", "group:elsewhere"


def team_label(o: AlignedObjective, top: str = "company") -> str:
    """The team's name, with its kind unless a plain team; the top named as the organisation
    is ("school", "ministry", …)."""
    if o.team_kind == "team":
        return o.team_name
    word = top if o.team_kind == "company" else TEAM_KIND_WORDS[o.team_kind]
    return f"{o.team_name} ({word})"


class AlignmentView(QWidget):
    """Which objective supports which, for one cycle; mount it as a tab.

    ``objective_activated`` carries an objective's id when the user double-clicks it.
    """

    objective_activated = Signal(str)

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._top = "company"  # what the top of the tree is called: set on each build
        self.amap: AlignmentMap | None = None
        self.link_dialog: LinkDialog | None = None
        self._cycle: str | None = None
        self._team: str | None = None
        self._collapsed: set[str] = set()
        self._follow: tuple[str, str | None] | None = None  # (objective, parent) to select next
        self._scroll_next = True  # after a new context, the next refresh shows the team
        self._building = False
        self._rows: dict[str, QTreeWidgetItem] = {}  # by KEY
        self._bold = QFont()

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

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(COLUMNS)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(0, 560)
        self.tree.setColumnWidth(1, 210)
        self.tree.setColumnWidth(2, 64)
        self.tree.setColumnWidth(3, 64)
        self.tree.itemDoubleClicked.connect(self._activated)
        self.tree.itemExpanded.connect(lambda item: self._remember(item, expanded=True))
        self.tree.itemCollapsed.connect(lambda item: self._remember(item, expanded=False))
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.customContextMenuRequested.connect(self._context_menu)
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

        self.refresher = Refresher(self, session, OKRS, lambda _changes: self._catch_up())
        self._update_buttons()
        self.amap = None
        self.refresher.stale()  # built when first shown: a hidden tab costs nothing at start-up

    # -- context and refresh -------------------------------------------------------------------

    def set_context(self, cycle_id: str | None, team_id: str | None = None) -> None:
        """Show a cycle (None: the current one); highlight and scroll to a team's objectives."""
        if cycle_id != self._cycle:
            self._collapsed.clear()
            self.show_message("")
        self._cycle, self._team = cycle_id, team_id
        self._scroll_next = True
        self.refresher.stale()

    def commit_pending(self) -> bool:
        return True  # links are saved as they are made: nothing is ever left typed

    def _catch_up(self) -> None:
        self.refresh()
        if self._scroll_next:
            self._scroll_next = False
            self.scroll_to_team()

    def refresh(self) -> None:
        try:
            self.amap = alignment_map(self.session.ws, self._cycle)
        except OkrDeskError as exc:
            self.amap = None
            self.title.setText("Alignment")
            self.summary.setText(sentence(str(exc)))
            self.tree.clear()
            self._rows = {}
            self._update_buttons()
            return
        selected = self.selected_key()
        scroll = self.tree.verticalScrollBar().value()
        self._building = True
        try:
            self._build(self.amap)
        finally:
            self._building = False
        self._restore_selection(selected)
        self.tree.verticalScrollBar().setValue(scroll)
        self._update_buttons()

    def _build(self, amap: AlignmentMap) -> None:
        self.tree.clear()
        self._rows = {}
        self._bold = QFont(self.tree.font())
        self._bold.setBold(True)
        items: list[QTreeWidgetItem] = []
        self.title.setText(f"Alignment · {amap.cycle_name}")
        self._top = top_word(organisation_kind(self.session.ws))
        orphans = len(amap.orphans)
        self.summary.setText(
            f"{counted(len(amap.objectives), 'objective')} · {len(amap.roots)} at {self._top} "
            f"level · {counted(orphans, 'orphan')} · each objective is listed "
            "under the ones it supports"
        )
        placed: set[str] = set()
        for oid in amap.roots:
            items.append(self._objective_item(amap, oid, None, "r", placed))
        if not amap.roots:
            note = QTreeWidgetItem([f"No {self._top}-level objectives in this cycle yet."])
            note.setFlags(Qt.ItemFlag.ItemIsEnabled)
            items.append(note)

        group = self._group_item(
            ORPHANS,
            f"⚠ Orphans: {orphans} team objective{'s' if orphans != 1 else ''} "
            "supporting nothing above"
            if orphans
            else "✔ Orphans: none, every team objective supports a higher one",
        )
        for oid in amap.orphans:
            group.addChild(self._objective_item(amap, oid, None, "o", placed))
        items.append(group)

        rest = [o.id for o in amap.objectives if o.id not in placed]
        if rest:
            group = self._group_item(ELSEWHERE, "Supporting objectives outside this cycle")
            for oid in rest:
                if oid not in placed:
                    group.addChild(self._objective_item(amap, oid, None, "x", placed))
            items.append(group)

        self.tree.addTopLevelItems(items)
        self.tree.expandAll()
        for key in self._collapsed & self._rows.keys():
            self._rows[key].setExpanded(False)
        self._highlight_team()

    def _group_item(self, key: str, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        item.setData(0, KEY, key)
        item.setFirstColumnSpanned(True)
        item.setFont(0, self._bold)
        self._rows[key] = item
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return item

    def _objective_item(
        self,
        amap: AlignmentMap,
        oid: str,
        link: Link | None,
        path: str,
        placed: set[str],
    ) -> QTreeWidgetItem:
        o = amap.objective(oid)
        placed.add(oid)
        key = f"{path}/{oid}"
        notes = []
        if link is not None and link.key_result_title:
            notes.append(f"via KR “{shorten(link.key_result_title, 48)}”")
        others = [x for x in o.supports if link is None or x.id != link.id]
        if link is not None and others:
            names = "; ".join(f"“{shorten(x.parent_title, 36)}”" for x in others)
            notes.append(f"also supports {names}")
        if not o.supports and not o.is_root:
            notes.append("supports nothing yet")
        weight = "" if link is None or link.weight is None else editable_number(link.weight)
        item = QTreeWidgetItem(
            ["◎ " + o.title, team_label(o, self._top), percent(o.score), weight, " · ".join(notes)]
        )
        item.setData(0, OBJECTIVE_ID, oid)
        item.setData(0, LINK_ID, link.id if link else "")
        item.setData(0, KEY, key)
        self._rows[key] = item
        item.setToolTip(0, o.title)
        if notes:
            item.setToolTip(4, "\n".join(self._note_lines(o, link)))
        for column in (2, 3):
            item.setTextAlignment(
                column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        if o.is_root:
            item.setFont(0, self._bold)
        if f"/{oid}/" in f"{path}/":  # a loop in imported data: do not descend forever
            return item
        for child in o.supporters:
            item.addChild(self._objective_item(amap, child.objective_id, child, key, placed))
        return item

    @staticmethod
    def _note_lines(o: AlignedObjective, link: Link | None) -> list[str]:
        lines = []
        for x in o.supports:
            via = f" through its key result “{x.key_result_title}”" if x.key_result_title else ""
            weight = f" (weight {editable_number(x.weight)})" if x.weight is not None else ""
            here = " ← shown here" if link is not None and x.id == link.id else ""
            lines.append(f"Supports “{x.parent_title}”{via}{weight}{here}")
        return lines or ["Supports nothing yet"]

    def _highlight_team(self) -> None:
        if not self._team:
            return
        for item in self.items():
            if self._team_of(item) == self._team:
                for column in range(len(COLUMNS)):
                    item.setBackground(column, QBrush(HIGHLIGHT))

    def scroll_to_team(self) -> None:
        """Reveal the context team's first objective in the tree."""
        for item in self.items():
            if self._team and self._team_of(item) == self._team:
                parent = item.parent()
                while parent is not None:
                    parent.setExpanded(True)
                    parent = parent.parent()
                self.tree.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtTop)
                return

    def _team_of(self, item: QTreeWidgetItem) -> str | None:
        oid = item.data(0, OBJECTIVE_ID)
        if not oid or self.amap is None or oid not in self.amap:
            return None
        return self.amap.objective(oid).team_id

    # -- items, selection, expansion -----------------------------------------------------------

    def items(self) -> Iterator[QTreeWidgetItem]:
        """Every row of the tree, depth first."""
        stack = [self.tree.topLevelItem(i) for i in reversed(range(self.tree.topLevelItemCount()))]
        while stack:
            item = stack.pop()
            yield item
            stack.extend(item.child(i) for i in reversed(range(item.childCount())))

    def rows_for(self, objective_id: str) -> list[QTreeWidgetItem]:
        return [item for item in self.items() if item.data(0, OBJECTIVE_ID) == objective_id]

    def selected_key(self) -> str | None:
        items = self.tree.selectedItems()
        return items[0].data(0, KEY) if items else None

    def selected_objective(self) -> str | None:
        items = self.tree.selectedItems()
        return (items[0].data(0, OBJECTIVE_ID) or None) if items else None

    def select_objective(self, objective_id: str) -> bool:
        rows = self.rows_for(objective_id)
        if rows:
            self.tree.setCurrentItem(rows[0])
            self.tree.scrollToItem(rows[0])
        return bool(rows)

    def _restore_selection(self, key: str | None) -> None:
        follow, self._follow = self._follow, None
        target = None
        if follow is not None:
            oid, parent = follow
            rows = self.rows_for(oid)
            under = [r for r in rows if r.parent() and r.parent().data(0, OBJECTIVE_ID) == parent]
            target = (under or rows or [None])[0]
        if target is None and key is not None:
            target = self._rows.get(key)
            if target is None:  # the row moved (a link changed): follow the objective
                rows = self.rows_for(key.rsplit("/", 1)[-1])
                target = rows[0] if rows else None
        if target is not None:
            self.tree.setCurrentItem(target)
            self.tree.scrollToItem(target)

    def _remember(self, item: QTreeWidgetItem, *, expanded: bool) -> None:
        if self._building:
            return
        key = item.data(0, KEY)
        if expanded:
            self._collapsed.discard(key)
        else:
            self._collapsed.add(key)

    def _update_buttons(self) -> None:
        items = self.tree.selectedItems()
        self.link_button.setEnabled(bool(items and items[0].data(0, OBJECTIVE_ID)))
        self.unlink_button.setEnabled(bool(items and items[0].data(0, LINK_ID)))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        oid = item.data(0, OBJECTIVE_ID)
        if oid:
            self.objective_activated.emit(oid)

    def _context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        if item is None or not item.data(0, OBJECTIVE_ID):
            return
        self.tree.setCurrentItem(item)
        menu = self.context_menu(item)
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def context_menu(self, item: QTreeWidgetItem) -> QMenu:
        """The menu for a row (built separately so that tests can read it)."""
        menu = QMenu(self)
        oid = item.data(0, OBJECTIVE_ID)
        menu.addAction("Open objective", lambda: self.objective_activated.emit(oid))
        menu.addSeparator()
        menu.addAction("Link to…", lambda: self.open_link_dialog(oid))
        link_id = item.data(0, LINK_ID)
        if link_id and item.parent() is not None:
            above = item.parent().text(0).removeprefix("◎ ")
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
        items = self.tree.selectedItems()
        if items and items[0].data(0, LINK_ID):
            self.remove_link(items[0].data(0, LINK_ID))

    def remove_link(self, link_id: str) -> bool:
        """Delete one alignment link (one undo step); the objective stays."""
        try:
            self.session.delete("alignment_link", link_id)
        except OkrDeskError as exc:
            self.show_message(f"Not removed: {sentence(str(exc))}", error=True)
            return False
        self.show_message("Link removed. Undo with Ctrl+Z.")
        return True
