"""The alignment tree as a Qt item model over the core's :class:`AlignmentMap`.

Company objectives at the top, under each the objectives that support it (department, then
team), recursively; then the orphans, and the objectives supporting only other cycles. An
objective supporting two appears under both.

Rows are made when the view first asks for them, and their texts when they are painted, so
a large organisation (11,500 rows at 1,000 teams) costs little more than its visible part.
A new map (after a change) updates only the rows that changed: rows stay, with their
expansion and selection, unless the objectives under them changed. The context team's
rows are highlighted; choosing another team repaints only its rows and the last team's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from okrdesk.formatting import counted, editable_number, percent, shorten
from okrdesk.services.alignment import AlignedObjective, AlignmentMap, Link
from okrdesk.vocabulary import TEAM_KIND_WORDS

COLUMNS = ["Objective", "Team", "Score", "Weight", "Link"]
OBJECTIVE_ID = Qt.ItemDataRole.UserRole
LINK_ID = Qt.ItemDataRole.UserRole + 1  # the link from this row to the row above it
KEY = Qt.ItemDataRole.UserRole + 2  # the row's path of ids: stable across refreshes
HIGHLIGHT = QColor("#fff1b8")
ORPHANS, ELSEWHERE = "group:orphans", "group:elsewhere"
NOTE = "note:no-roots"
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ENABLED = Qt.ItemFlag.ItemIsEnabled
CHOSEN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
Index = QModelIndex | QPersistentModelIndex
NO_INDEX = QModelIndex()  # the root's (invisible) index, as a default argument


def team_label(o: AlignedObjective, top: str = "company") -> str:
    """The team's name, with its kind unless a plain team; the top named as the organisation
    is ("school", "ministry", …)."""
    if o.team_kind == "team":
        return o.team_name
    word = top if o.team_kind == "company" else TEAM_KIND_WORDS[o.team_kind]
    return f"{o.team_name} ({word})"


class Row:
    """One row: an objective (under the row it supports, through `link`), a group or a note."""

    __slots__ = ("children", "key", "link", "look", "number", "oid", "parent")

    def __init__(
        self, parent: Row | None, number: int, key: str, oid: str | None, link: Link | None
    ) -> None:
        self.parent, self.number, self.key = parent, number, key
        self.oid, self.link = oid, link
        self.children: list[Row] | None = None  # made when first asked for
        self.look: tuple | None = None  # texts and tooltips, made when first painted

    def identity(self) -> tuple[str, str | None]:
        return self.key, self.link.id if self.link is not None else None


class Placement:
    """Which objectives are listed at the top of the tree, and in which group."""

    def __init__(self, amap: AlignmentMap) -> None:
        self.roots, self.orphans = amap.roots, amap.orphans
        placed: set[str] = set()
        for oid in (*amap.roots, *amap.orphans):
            _reach(amap, oid, placed)
        self.elsewhere: list[str] = []  # supporting only other cycles' objectives (or a loop)
        for o in amap.objectives:
            if o.id not in placed:
                self.elsewhere.append(o.id)
                _reach(amap, o.id, placed)


def _reach(amap: AlignmentMap, oid: str, placed: set[str]) -> None:
    """Add `oid` and every objective supporting it, directly or not, to `placed`."""
    stack = [oid]
    while stack:
        current = stack.pop()
        if current in placed:
            continue
        placed.add(current)
        stack.extend(link.objective_id for link in amap.objective(current).supporters)


class AlignmentModel(QAbstractItemModel):
    """Shows one AlignmentMap (:meth:`show_map`); highlights one team (:meth:`set_team`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.amap: AlignmentMap | None = None
        self.top = "company"  # what the top of the tree is called
        self.team: str | None = None
        self.bold = QFont()
        self.bold.setBold(True)
        self._highlight = QBrush(HIGHLIGHT)
        self._placement: Placement | None = None
        self._root = Row(None, 0, "", None, None)
        self._root.children = []
        self._rows_of: dict[str, list[Row]] = {}  # objective id → its rows made so far
        self._first_key: dict[str, str] | None = None  # team id → its first row's key
        self._walk: Iterator[tuple[str, str]] = iter(())  # the tree, as far as walked
        self._made: list[Row] = []  # every row of this map: indexes point to them

    # -- showing a map ---------------------------------------------------------------------------

    def clear(self) -> None:
        self.beginResetModel()
        self.amap, self._placement, self._first_key = None, None, None
        self._root.children, self._rows_of, self._made = [], {}, []
        self.endResetModel()

    def show_map(self, amap: AlignmentMap, top: str) -> bool:
        """Show `amap`; True when every row was made anew (another cycle, or the first map),
        False when only what changed was updated."""
        if self.amap is None or self.amap.cycle_id != amap.cycle_id:
            self.beginResetModel()
            self.amap, self.top, self._placement = amap, top, Placement(amap)
            self._root.children, self._rows_of, self._made = None, {}, []
            self._first_key = None
            self.endResetModel()
            return True
        old = self.amap
        changed = {o.id for o in amap.objectives if o.id not in old or old.objective(o.id) != o}
        self.amap, self._placement, self._first_key = amap, Placement(amap), None
        if top != self.top:
            self.top = top
            changed |= {o.id for o in amap.objectives if o.team_kind == "company"}
        self._update(self._root, changed)
        return False

    def _update(self, row: Row, changed: set[str]) -> None:
        """Bring the rows under `row` (those made so far) up to date with the new map."""
        if row.children is None:
            return  # nothing under it was made: the view knows nothing of it yet
        parent = self._index_of(row)
        wanted = self._specs(row)
        if [c.identity() for c in row.children] != [(key, _id(link)) for key, _o, link in wanted]:
            if row.children:
                self.beginRemoveRows(parent, 0, len(row.children) - 1)
                for child in row.children:
                    self._forget(child)
                row.children = []
                self.endRemoveRows()
            if wanted:
                self.beginInsertRows(parent, 0, len(wanted) - 1)
                row.children = None
                self._children(row)
                self.endInsertRows()
            return
        first = last = None
        for child, (_key, oid, link) in zip(row.children, wanted, strict=True):
            if child.oid is None or oid in changed or link != child.link:
                child.link, child.look = link, None
                first = child.number if first is None else first
                last = child.number
            self._update(child, changed)
        if first is not None and last is not None:
            self.dataChanged.emit(
                self.index(first, 0, parent), self.index(last, len(COLUMNS) - 1, parent)
            )

    def _forget(self, row: Row) -> None:
        if row.oid is not None:
            rows = self._rows_of.get(row.oid, [])
            if row in rows:
                rows.remove(row)
        for child in row.children or ():
            self._forget(child)

    def set_team(self, team_id: str | None) -> None:
        """Highlight the rows of `team_id`'s objectives (None: none)."""
        if team_id == self.team:
            return
        old, self.team = self.team, team_id
        for oid in self._objectives_of(old) + self._objectives_of(team_id):
            for row in self._rows_of.get(oid, ()):
                self.dataChanged.emit(
                    self.createIndex(row.number, 0, row),
                    self.createIndex(row.number, len(COLUMNS) - 1, row),
                    [Qt.ItemDataRole.BackgroundRole],
                )

    def _objectives_of(self, team_id: str | None) -> list[str]:
        if team_id is None or self.amap is None:
            return []
        return [o.id for o in self.amap.objectives if o.team_id == team_id]

    # -- finding rows ----------------------------------------------------------------------------

    def row_for_key(self, key: str) -> QModelIndex:
        """The row with this key (made if need be); invalid if there is none."""
        if key in (ORPHANS, ELSEWHERE, NOTE):
            path = [key]
        else:
            group = {"o": ORPHANS, "x": ELSEWHERE}.get(key.partition("/")[0])
            parts = key.split("/")
            path = [
                *([group] if group else []),
                *("/".join(parts[:n]) for n in range(2, len(parts) + 1)),
            ]
        row = self._root
        for step in path:
            row = next((c for c in self._children(row) if c.key == step), None)
            if row is None:
                return QModelIndex()
        return self.createIndex(row.number, 0, row)

    def first_row_of_team(self, team_id: str) -> QModelIndex:
        """The first row, in tree order, of one of the team's objectives."""
        if self._first_key is None:
            self._first_key, self._walk = {}, self._tree_order()
        found = self._first_key
        while team_id not in found:  # walk on (where the last search stopped) until found
            step = next(self._walk, None)
            if step is None:
                return QModelIndex()
            found.setdefault(*step)
        return self.row_for_key(found[team_id])

    def _tree_order(self) -> Iterator[tuple[str, str]]:
        """(team id, key) of every objective row in tree order, without making the rows."""
        amap = self.amap
        if amap is None:
            return
        stack = list(reversed(self._specs(self._root)))
        while stack:
            key, oid, _link = stack.pop()
            if oid is None:  # a group
                stack.extend(reversed(self._specs(Row(None, 0, key, None, None))))
                continue
            o = amap.objective(oid)
            yield o.team_id, key
            if o.supporters and not _loops(key, oid):
                stack.extend(
                    (f"{key}/{x.objective_id}", x.objective_id, x) for x in reversed(o.supporters)
                )

    def rows_for(self, objective_id: str) -> list[QModelIndex]:
        """Every row of an objective, in tree order (makes every row)."""
        return [index for index in self.indexes() if index.data(OBJECTIVE_ID) == objective_id]

    def indexes(self, parent: QModelIndex | None = None) -> Iterator[QModelIndex]:
        """Every row below `parent` (default: the whole tree), depth first (makes them)."""
        start = self._root if parent is None or not parent.isValid() else parent.internalPointer()
        stack = list(reversed(self._children(start)))
        while stack:
            row = stack.pop()
            yield self.createIndex(row.number, 0, row)
            stack.extend(reversed(self._children(row)))

    def _index_of(self, row: Row) -> QModelIndex:
        return QModelIndex() if row is self._root else self.createIndex(row.number, 0, row)

    # -- making rows -----------------------------------------------------------------------------

    def _specs(self, row: Row) -> list[tuple[str, str | None, Link | None]]:
        """(key, objective id, link) of the rows under `row` in the current map."""
        amap, placement = self.amap, self._placement
        if amap is None or placement is None:
            return []
        if row is self._root:
            specs: list[tuple[str, str | None, Link | None]] = [
                (f"r/{oid}", oid, None) for oid in placement.roots
            ]
            if not placement.roots:
                specs.append((NOTE, None, None))
            specs.append((ORPHANS, None, None))
            if placement.elsewhere:
                specs.append((ELSEWHERE, None, None))
            return specs
        if row.key == ORPHANS:
            return [(f"o/{oid}", oid, None) for oid in placement.orphans]
        if row.key == ELSEWHERE:
            return [(f"x/{oid}", oid, None) for oid in placement.elsewhere]
        if row.oid is None or row.oid not in amap:
            return []
        supporters = amap.objective(row.oid).supporters
        if not supporters or _loops(row.key, row.oid):
            return []
        key = row.key
        return [(f"{key}/{x.objective_id}", x.objective_id, x) for x in supporters]

    def _children(self, row: Row) -> list[Row]:
        if row.children is None:
            specs = self._specs(row)
            row.children = [Row(row, n, key, oid, link) for n, (key, oid, link) in enumerate(specs)]
            if specs:
                self._made.extend(row.children)
                rows_of = self._rows_of
                for child in row.children:
                    if child.oid is not None:
                        rows_of.setdefault(child.oid, []).append(child)
        return row.children

    def _team_of(self, row: Row) -> str | None:
        amap = self.amap
        if row.oid is None or amap is None or row.oid not in amap:
            return None
        return amap.objective(row.oid).team_id

    def _look(self, row: Row) -> tuple:
        """(texts, tooltip of column 0, tooltip of the link column, bold) of a row."""
        if row.look is None:
            row.look = self._make_look(row)
        return row.look

    def _make_look(self, row: Row) -> tuple:
        amap = self.amap
        assert amap is not None and self._placement is not None
        if row.key == NOTE:
            text = f"No {self.top}-level objectives in this cycle yet."
            return (text, "", "", "", ""), None, None, False
        if row.key == ORPHANS:
            orphans = len(self._placement.orphans)
            text = (
                f"⚠ Orphans: {counted(orphans, 'team objective')} supporting nothing above"
                if orphans
                else "✔ Orphans: none, every team objective supports a higher one"
            )
            return (text, "", "", "", ""), None, None, True
        if row.key == ELSEWHERE:
            return ("Supporting objectives outside this cycle", "", "", "", ""), None, None, True
        assert row.oid is not None
        o, link = amap.objective(row.oid), row.link
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
        texts = (
            "◎ " + o.title,
            team_label(o, self.top),
            percent(o.score),
            weight,
            " · ".join(notes),
        )
        tip = "\n".join(_note_lines(o, link)) if notes else None
        return texts, o.title, tip, o.is_root

    # -- QAbstractItemModel ----------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = NO_INDEX) -> QModelIndex:
        above = parent.internalPointer() if parent.isValid() else self._root
        children = above.children if above.children is not None else self._children(above)
        if 0 <= row < len(children) and 0 <= column < len(COLUMNS):
            return self.createIndex(row, column, children[row])
        return QModelIndex()

    def parent(self, index: Index | None = None) -> Any:  # type: ignore[override]
        if index is None:
            return super().parent()  # QObject.parent()
        if not index.isValid():
            return QModelIndex()
        above = index.internalPointer().parent
        if above is self._root or above is None:
            return QModelIndex()
        return self.createIndex(above.number, 0, above)

    def rowCount(self, parent: Index = NO_INDEX) -> int:
        if not parent.isValid():
            return len(self._children(self._root))
        if parent.column() != 0:
            return 0
        return len(self._children(parent.internalPointer()))

    def hasChildren(self, parent: Index = NO_INDEX) -> bool:
        if not parent.isValid():
            return True
        row = parent.internalPointer()
        children = row.children if row.children is not None else self._children(row)
        return parent.column() == 0 and bool(children)

    def columnCount(self, parent: Index = NO_INDEX) -> int:
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalPointer().oid is None:
            return ENABLED  # a group or a note: not chosen
        return CHOSEN

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: Row = index.internalPointer()
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._look(row)[0][column]
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._highlight if self.team and self._team_of(row) == self.team else None
        if role == OBJECTIVE_ID:
            return row.oid
        if role == LINK_ID:
            return row.link.id if row.link is not None else ("" if row.oid else None)
        if role == KEY:
            return row.key
        if role == Qt.ItemDataRole.FontRole:
            return self.bold if column == 0 and self._look(row)[3] else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column in (2, 3) and row.oid is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            look = self._look(row)
            return look[1] if column == 0 else look[2] if column == 4 else None
        return None


def _id(link: Link | None) -> str | None:
    return link.id if link is not None else None


def _loops(key: str, oid: str) -> bool:
    """Whether the objective already appears above its row (a loop in imported data: its
    supporters are not listed again, or the tree would never end)."""
    return f"/{oid}/" in f"{key.rsplit('/', 1)[0]}/"


def _note_lines(o: AlignedObjective, link: Link | None) -> list[str]:
    lines = []
    for x in o.supports:
        via = f" through its key result “{x.key_result_title}”" if x.key_result_title else ""
        weight = f" (weight {editable_number(x.weight)})" if x.weight is not None else ""
        here = " ← shown here" if link is not None and x.id == link.id else ""
        lines.append(f"Supports “{x.parent_title}”{via}{weight}{here}")
    return lines or ["Supports nothing yet"]
