"""The alignment tree as a Qt item model over the core's :class:`AlignmentMap`.

Company objectives at the top, under each the objectives that support it (department, then
team), recursively; then the orphans, and the objectives supporting only other cycles. An
objective supporting two appears under both.

The tree's shape lives in a QStandardItemModel (C++), one bare item per row, so that the view
lays out and expands 11,500 rows (1,000 teams) without calling Python for each; what a row
shows (texts, tooltips, the team highlight) comes from this proxy's :meth:`data`, asked only
for the rows on screen. A new map (after a change) updates only the rows that changed: rows
stay, with their expansion and selection, unless the objectives under them changed. The
context team's rows are highlighted; choosing another team repaints only its rows and the
last team's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import (
    QIdentityProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from okrdesk.formatting import counted, editable_number, percent, shorten
from okrdesk.services.alignment import AlignedObjective, AlignmentMap, Link
from okrdesk.vocabulary import TEAM_KIND_WORDS

COLUMNS = ["Objective", "Team", "Score", "Weight", "Link"]
OBJECTIVE_ID = Qt.ItemDataRole.UserRole
LINK_ID = Qt.ItemDataRole.UserRole + 1  # the link from this row to the row above it
KEY = Qt.ItemDataRole.UserRole + 2  # the row's path of ids: stable across refreshes
ROW = Qt.ItemDataRole.UserRole + 3  # (on the bare item) which Row it is
HIGHLIGHT = QColor("#fff1b8")
ORPHANS, ELSEWHERE = "group:orphans", "group:elsewhere"
NOTE = "note:no-roots"
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ENABLED = Qt.ItemFlag.ItemIsEnabled
Index = QModelIndex | QPersistentModelIndex
Spec = tuple[str, "str | None", "Link | None"]  # (key, objective id, link) of a row


def team_label(o: AlignedObjective, top: str = "company") -> str:
    """The team's name, with its kind unless a plain team; the top named as the organisation
    is ("school", "ministry", …)."""
    if o.team_kind == "team":
        return o.team_name
    word = top if o.team_kind == "company" else TEAM_KIND_WORDS[o.team_kind]
    return f"{o.team_name} ({word})"


class Row:
    """One row: an objective (under the row it supports, through `link`), a group or a note;
    `item` is its bare item in the tree's shape."""

    __slots__ = ("children", "item", "key", "link", "look", "oid", "parent", "uid")

    def __init__(
        self, parent: Row | None, key: str, oid: str | None, link: Link | None, uid: int
    ) -> None:
        self.parent, self.key, self.oid, self.link, self.uid = parent, key, oid, link, uid
        self.children: list[Row] = []
        self.item: QStandardItem | None = None
        self.look: tuple | None = None  # texts and tooltips, made when first shown

    def identity(self) -> tuple[str, str | None]:
        return self.key, _id(self.link)


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


class AlignmentModel(QIdentityProxyModel):
    """Shows one AlignmentMap (:meth:`show_map`); highlights one team (:meth:`set_team`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.amap: AlignmentMap | None = None
        self.top = "company"  # what the top of the tree is called
        self.team: str | None = None
        self.bold = QFont()
        self.bold.setBold(True)
        self.resetting = False  # while every row is made anew
        self._highlight = QBrush(HIGHLIGHT)
        self._placement: Placement | None = None
        self._shape = QStandardItemModel(self)
        self._shape.setColumnCount(len(COLUMNS))
        self._shape.setHorizontalHeaderLabels(COLUMNS)
        self.setSourceModel(self._shape)
        self._root = Row(None, "", None, None, 0)
        self._root.item = self._shape.invisibleRootItem()
        self._rows: dict[int, Row] = {}  # by uid
        self._uids = 0
        self._rows_of: dict[str, list[Row]] = {}  # objective id → its rows
        self._first_key: dict[str, str] | None = None  # team id → its first row's key
        self._walk: Iterator[tuple[str, str]] = iter(())  # the tree, as far as walked

    # -- showing a map ---------------------------------------------------------------------------

    def clear(self) -> None:
        self.amap, self._placement = None, None
        self._reset()

    def show_map(self, amap: AlignmentMap, top: str) -> bool:
        """Show `amap`; True when every row was made anew (another cycle, or the first map),
        False when only what changed was updated."""
        if self.amap is None or self.amap.cycle_id != amap.cycle_id:
            self.amap, self.top, self._placement = amap, top, Placement(amap)
            self._reset()
            return True
        old = self.amap
        changed = {  # (an objective the map kept is the very same object)
            o.id
            for o in amap.objectives
            if o.id not in old or (old.objective(o.id) is not o and old.objective(o.id) != o)
        }
        changed |= {o.id for o in old.objectives if o.id not in amap}
        self.amap, self._placement, self._first_key = amap, Placement(amap), None
        if top != self.top:
            self.top = top
            changed |= {o.id for o in amap.objectives if o.team_kind == "company"}
        self._update(self._root, changed, _above(changed, old, amap))
        return False

    def _reset(self) -> None:
        self.resetting = True
        try:
            root = self._root
            if root.children:
                root.item.removeRows(0, len(root.children))
            self._rows, self._rows_of, self._first_key = {}, {}, None
            root.children = self._made(root, self._specs(root))
            if root.children:
                root.item.appendRows([child.item for child in root.children])
        finally:
            self.resetting = False

    def _made(self, parent: Row, specs: list[Spec]) -> list[Row]:
        """Rows (with their items and everything under them) for `specs` under `parent`."""
        made = []
        for key, oid, link in specs:
            self._uids += 1
            row = Row(parent, key, oid, link, self._uids)
            item = row.item = QStandardItem()
            item.setData(row.uid, ROW)
            if oid is None:
                item.setFlags(ENABLED)  # a group or a note: not chosen
            else:
                self._rows_of.setdefault(oid, []).append(row)
            self._rows[row.uid] = row
            below = self._specs(row)
            if below:
                row.children = self._made(row, below)
                item.appendRows([child.item for child in row.children])
                item.setColumnCount(len(COLUMNS))
            made.append(row)
        return made

    def _update(self, row: Row, changed: set[str], above: set[str]) -> None:
        """Bring the rows under `row` up to date with the new map; `above`: the objectives
        with a changed one under them (the rows of the others are as they were)."""
        if row.oid is not None and row.oid not in changed and row.oid not in above:
            return
        wanted = self._specs(row)
        came: set[int] = set()
        if [c.identity() for c in row.children] != [(key, _id(link)) for key, _o, link in wanted]:
            came = self._reshape(row, wanted)
        first = last = None
        for n, (child, (_key, oid, link)) in enumerate(zip(row.children, wanted, strict=True)):
            if child.uid in came:
                continue  # made just now from the new map
            if child.oid is None or oid in changed or link != child.link:
                child.link, child.look = link, None
                first = n if first is None else first
                last = n
            self._update(child, changed, above)
        if first is not None and last is not None:
            parent = self._index_of(row)
            self.dataChanged.emit(
                self.index(first, 0, parent), self.index(last, len(COLUMNS) - 1, parent)
            )

    def _reshape(self, row: Row, wanted: list[Spec]) -> set[int]:
        """Remove the rows under `row` that went and insert those that came (their uids are
        returned), keeping the others with their expansion and the selection: the rows the
        old and new lists begin and end with stay (a link made or removed changes one place)."""
        old = [child.identity() for child in row.children]
        new = [(key, _id(link)) for key, _oid, link in wanted]
        start = 0
        while start < min(len(old), len(new)) and old[start] == new[start]:
            start += 1
        end = 0  # rows kept at the end
        while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
            end += 1
        came = self._made(row, wanted[start : len(new) - end])
        gone = row.children[start : len(old) - end]
        if gone:
            for child in gone:
                self._forget(child)
            row.item.removeRows(start, len(gone))
        if came:
            if row is not self._root and row.item.columnCount() < len(COLUMNS):
                row.item.setColumnCount(len(COLUMNS))
            row.item.insertRows(start, [child.item for child in came])
        row.children = [*row.children[:start], *came, *row.children[len(old) - end :]]
        return {child.uid for child in came}

    def _forget(self, row: Row) -> None:
        self._rows.pop(row.uid, None)
        if row.oid is not None:
            rows = self._rows_of.get(row.oid, [])
            if row in rows:
                rows.remove(row)
        for child in row.children:
            self._forget(child)

    def set_team(self, team_id: str | None) -> None:
        """Highlight the rows of `team_id`'s objectives (None: none)."""
        if team_id == self.team:
            return
        old, self.team = self.team, team_id
        for oid in self._objectives_of(old) + self._objectives_of(team_id):
            for row in self._rows_of.get(oid, ()):
                index = self._index_of(row)
                self.dataChanged.emit(
                    index,
                    index.siblingAtColumn(len(COLUMNS) - 1),
                    [Qt.ItemDataRole.BackgroundRole],
                )

    def _objectives_of(self, team_id: str | None) -> list[str]:
        if team_id is None or self.amap is None:
            return []
        return [o.id for o in self.amap.objectives if o.team_id == team_id]

    # -- finding rows ----------------------------------------------------------------------------

    def row_for_key(self, key: str) -> QModelIndex:
        """The row with this key; invalid if there is none."""
        if key in (ORPHANS, ELSEWHERE, NOTE):
            path = [key]
        else:
            group = {"o": ORPHANS, "x": ELSEWHERE}.get(key.partition("/")[0])
            parts = key.split("/")
            steps = ("/".join(parts[:n]) for n in range(2, len(parts) + 1))
            path = [*([group] if group else []), *steps]
        row: Row | None = self._root
        for step in path:
            assert row is not None
            row = next((c for c in row.children if c.key == step), None)
            if row is None:
                return QModelIndex()
        assert row is not None
        return self._index_of(row)

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
        """(team id, key) of every objective row in tree order."""
        amap = self.amap
        if amap is None:
            return
        stack = list(reversed(self._root.children))
        while stack:
            row = stack.pop()
            if row.oid is not None:
                yield amap.objective(row.oid).team_id, row.key
            stack.extend(reversed(row.children))

    def rows_for(self, objective_id: str) -> list[QModelIndex]:
        """Every row of an objective, in tree order."""
        rows = self._rows_of.get(objective_id, [])
        return [self._index_of(row) for row in sorted(rows, key=self._place)]

    def indexes(self, parent: QModelIndex | None = None) -> Iterator[QModelIndex]:
        """Every row below `parent` (default: the whole tree), depth first."""
        start = self._root if parent is None or not parent.isValid() else self._row(parent)
        stack = list(reversed(start.children)) if start is not None else []
        while stack:
            row = stack.pop()
            yield self._index_of(row)
            stack.extend(reversed(row.children))

    def _place(self, row: Row) -> tuple[int, ...]:
        """Where a row is in tree order (its path of row numbers)."""
        path = []
        while row is not self._root and row.item is not None:
            path.append(row.item.row())
            assert row.parent is not None
            row = row.parent
        return tuple(reversed(path))

    def _index_of(self, row: Row) -> QModelIndex:
        if row is self._root or row.item is None:
            return QModelIndex()
        return self.mapFromSource(row.item.index())

    def _row(self, index: Index) -> Row | None:
        uid = self.mapToSource(index.siblingAtColumn(0)).data(ROW)
        return self._rows.get(uid) if uid is not None else None

    # -- what the rows show ----------------------------------------------------------------------

    def _specs(self, row: Row) -> list[Spec]:
        """(key, objective id, link) of the rows under `row` in the current map."""
        amap, placement = self.amap, self._placement
        if amap is None or placement is None:
            return []
        if row is self._root:
            specs: list[Spec] = [(f"r/{oid}", oid, None) for oid in placement.roots]
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

    # -- the proxy -------------------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in ROLES:
            return None
        row = self._row(index)
        if row is None:
            return None
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


ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
        OBJECTIVE_ID,
        LINK_ID,
        KEY,
    }
)


def _above(changed: set[str], *maps: AlignmentMap) -> set[str]:
    """The objectives that `changed` ones support, directly or not, in any of the maps."""
    found: set[str] = set()
    stack = list(changed)
    while stack:
        oid = stack.pop()
        for amap in maps:
            if oid in amap:
                for link in amap.objective(oid).supports:
                    if link.parent_objective_id not in found:
                        found.add(link.parent_objective_id)
                        stack.append(link.parent_objective_id)
    return found


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
