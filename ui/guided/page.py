"""The base of every guided step page, and the list-and-editor page most steps share."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from okrdesk.services.organisation import organisation_kind, title_placeholder
from ui.coach_marks import mark_icon, tooltip, weak_in
from ui.guided.context import PlanningContext
from ui.guided.editor import ItemEditor
from ui.guided.wraptree import WrapTree
from ui.team_okrs import team_findings

KEY_ROLE = Qt.ItemDataRole.UserRole
WEAK_ROLE = Qt.ItemDataRole.UserRole + 1  # the coach's findings on the item, if any

# Tree keys: ("item", item_id, parent) for an existing item, ("new", parent) for the entry that
# adds one; `parent` is a hashable tuple of the values a new item gets, e.g. (("theme_id", x),).
Key = tuple[Any, ...]


class StepPage(QWidget):
    """One step of the guided session."""

    key = ""

    def __init__(self, ctx: PlanningContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def refresh(self) -> None:
        """Show what the database holds now (keeping what the person is typing)."""

    def commit(self) -> bool:
        """Save pending typing before moving on; False (with a red message) if refused."""
        return True

    def entered(self) -> None:
        """The page was just shown: put the cursor where work starts."""


class ItemPage(StepPage):
    """A tree of items (with "＋ New …" entries) on the left, the chosen one's editor beside it."""

    def __init__(self, ctx: PlanningContext, editor: ItemEditor, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.editor = editor
        self.current_key: Key | None = None

        self.summary = QLabel()
        self.summary.setObjectName("pageSummary")
        self.summary.setWordWrap(True)
        self.tree = WrapTree()
        self.tree.setHeaderHidden(True)
        self.tree.setMinimumWidth(300)
        self.tree.currentItemChanged.connect(self._chosen)
        # A click (or Enter) on "＋ New …" means "let me write one": the cursor goes there.
        # On the press: the press may save the item being typed, whose new row moves this
        # one before the release, and a click needs both on the same row.
        self.tree.itemPressed.connect(self._write_if_new)
        self.tree.itemActivated.connect(self._write_if_new)
        self.tree.installEventFilter(self)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # A click on the form's background or on a button that does not take the focus
        # (Use these numbers) leaves it in the field, not on this frame.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(editor)

        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.summary)
        left.addWidget(self.tree, 1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(left, 2)
        row.addWidget(scroll, 3)

        editor.advance.connect(self._advance)
        editor.created.connect(self._created)
        editor.deleted.connect(self._deleted)

    # -- for subclasses ------------------------------------------------------------------------

    def populate(self) -> None:
        """Fill self.tree (with add_group/add_item/add_new) and self.summary."""
        raise NotImplementedError

    def add_group(self, text: str, parent: QTreeWidgetItem | None = None) -> QTreeWidgetItem:
        node = QTreeWidgetItem([text])
        font = QFont(node.font(0))
        font.setBold(True)
        node.setFont(0, font)
        node.setFlags(Qt.ItemFlag.ItemIsEnabled)
        node.setData(0, KEY_ROLE, None)
        self._attach(node, parent)
        return node

    def add_item(
        self, text: str, item_id: str, parent_key: tuple, parent: QTreeWidgetItem | None = None
    ) -> QTreeWidgetItem:
        node = QTreeWidgetItem([text])
        node.setData(0, KEY_ROLE, ("item", item_id, parent_key))
        node.setToolTip(0, text)
        self._attach(node, parent)
        return node

    def add_new(
        self, text: str, parent_key: tuple, parent: QTreeWidgetItem | None = None
    ) -> QTreeWidgetItem:
        node = QTreeWidgetItem([f"＋ {text}"])
        node.setForeground(0, Qt.GlobalColor.darkBlue)
        node.setData(0, KEY_ROLE, ("new", parent_key))
        self._attach(node, parent)
        return node

    # -- the page ------------------------------------------------------------------------------

    def refresh(self) -> None:
        # The example in the title's hint is the organisation's own: a school gets a school's.
        self.editor.title_edit.setPlaceholderText(
            title_placeholder(organisation_kind(self.ctx.ws), self.key)
        )
        self.tree.blockSignals(True)
        try:
            self.tree.clear()
            if self.ctx.ready:
                self.populate()
                self._mark_weak()
            self.tree.expandAll()
            node = self._find(self.current_key) or self._first("item") or self._first("new")
            if node is not None:
                self.tree.setCurrentItem(node)
        finally:
            self.tree.blockSignals(False)
        key = node.data(0, KEY_ROLE) if node is not None else None
        self._show(key, force=not self._same_item(key, self.current_key))

    def commit(self) -> bool:
        return self.editor.commit()

    def entered(self) -> None:
        self.editor.title_edit.setFocus()

    def select_new(self, **where: Any) -> bool:
        """Choose the "＋ New …" entry whose new item gets these values (e.g. theme_id=…)
        and put the cursor in its title; False when there is none."""
        for node in self._nodes():
            data = node.data(0, KEY_ROLE)
            if data and data[0] == "new" and where.items() <= dict(data[1]).items():
                self.tree.setCurrentItem(node)
                self.editor.title_edit.setFocus()
                return self.current_key == data
        return False

    def select_item(self, item_id: str) -> bool:
        node = self._find(("item", item_id, None))
        if node is not None:
            self.tree.setCurrentItem(node)
        return self.editor.item_id == item_id

    # -- internals -----------------------------------------------------------------------------

    def _attach(self, node: QTreeWidgetItem, parent: QTreeWidgetItem | None) -> None:
        if parent is None:
            self.tree.addTopLevelItem(node)
        else:
            parent.addChild(node)

    def _nodes(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        stack.reverse()
        while stack:
            node = stack.pop()
            found.append(node)
            stack.extend(reversed([node.child(i) for i in range(node.childCount())]))
        return found

    def _find(self, key: Key | None) -> QTreeWidgetItem | None:
        if key is None:
            return None
        nodes = self._nodes()
        for node in nodes:
            if node.data(0, KEY_ROLE) == key:
                return node
        if key[0] == "item":
            for node in nodes:
                data = node.data(0, KEY_ROLE)
                if data and data[0] == "item" and data[1] == key[1]:
                    return node
        return None

    def _first(self, kind: str) -> QTreeWidgetItem | None:
        for node in self._nodes():
            data = node.data(0, KEY_ROLE)
            if data and data[0] == kind:
                return node
        return None

    @staticmethod
    def _same_item(a: Key | None, b: Key | None) -> bool:
        if a is None or b is None:
            return a is b
        if a[0] == b[0] == "item":
            return a[1] == b[1]
        return a == b

    def _show(self, key: Key | None, force: bool) -> None:
        self.current_key = key
        if key is None:
            self.editor.load_nothing()
        elif key[0] == "item":
            self.editor.load_item(key[1], force=force)
        else:
            self.editor.load_new(dict(key[1]), force=force)

    def _chosen(self, node: QTreeWidgetItem | None, previous: QTreeWidgetItem | None) -> None:
        key = node.data(0, KEY_ROLE) if node is not None else None
        if key is None:
            return
        if not self.editor.commit():
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(previous)
            self.tree.blockSignals(False)
            return
        self._show(key, force=True)

    def _mark_weak(self) -> None:
        """An item the coach flags carries a mark, its findings in the tooltip: weak OKRs
        stand out in the list, not only in the coach's box of the one being edited."""
        cycle, team = self.ctx.cycle_id, self.ctx.team_id
        found = weak_in(team_findings(self.ctx.session, cycle, team)) if cycle and team else {}
        if not found:
            return
        icon = mark_icon()
        for node in self._nodes():
            key = node.data(0, KEY_ROLE)
            if key and key[0] == "item" and key[1] in found:
                node.setIcon(0, icon)
                node.setToolTip(0, tooltip(node.text(0), found[key[1]]))
                node.setData(0, WEAK_ROLE, found[key[1]])

    def _write_if_new(self, node: QTreeWidgetItem | None) -> None:
        key = node.data(0, KEY_ROLE) if node is not None else None
        if key is not None and key[0] == "new" and self.current_key == key:
            self.editor.title_edit.setFocus()

    def _new_entry_at(self, node: QTreeWidgetItem | None) -> QTreeWidgetItem | None:
        """The "＋ New …" entry that typing on `node` starts: itself, or a group's own."""
        if node is None:
            return None
        key = node.data(0, KEY_ROLE)
        if key is not None:
            return node if key[0] == "new" else None
        children = (node.child(i) for i in range(node.childCount()))
        return next((c for c in children if (c.data(0, KEY_ROLE) or ("",))[0] == "new"), None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Typing on "＋ New …" (or on a group heading) writes the new item: the text goes to
        # its title, not to the list's type-ahead, where it was lost.
        if watched is self.tree and event.type() == QEvent.Type.KeyPress:
            text = event.text()  # type: ignore[attr-defined]
            plain = not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier  # type: ignore[attr-defined]
            entry = self._new_entry_at(self.tree.currentItem())
            if entry is not None and plain and text.isprintable() and text.strip():
                self.tree.setCurrentItem(entry)
                if self.current_key == entry.data(0, KEY_ROLE):
                    self.editor.title_edit.setFocus()
                    self.editor.title_edit.insert(text)
                    return True
        return super().eventFilter(watched, event)

    def _parent_key(self) -> tuple | None:
        key = self.current_key
        if key is None:
            return None
        return key[2] if key[0] == "item" else key[1]

    def _advance(self) -> None:
        parent = self._parent_key()
        if parent is None:
            return
        self.current_key = ("new", parent)
        self.editor.load_new(dict(parent), force=True)
        node = self._find(self.current_key)
        if node is not None:
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(node)
            self.tree.blockSignals(False)
        self.editor.title_edit.setFocus()

    def _created(self, item_id: str) -> None:
        parent = self._parent_key()
        self.current_key = ("item", item_id, parent)

    def _deleted(self) -> None:
        parent = self._parent_key()
        if parent is not None:
            self._advance()
