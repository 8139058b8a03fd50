"""The check-in grid: one row per key result of a team, grouped under its objectives.

Built for the keyboard: Tab and Enter go value → confidence → note → the next key
result's value; typing in a cell replaces what is there (the value is pre-filled with
the last check-in, and so is the confidence until a new value is typed: then it follows
what pace suggests, unless one is chosen). A row counts as checked in once something
was typed or chosen in it, even the same value again ("still 7%"), and is marked with
a dot. What was typed survives refreshes (an undo elsewhere, another change) until it
is saved.

The grid holds what was typed; the page validates it, asks pace for a suggestion and
saves it (see :mod:`ui.checkins.page`).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFocusEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from okrdesk.services.checkins import CheckInView
from okrdesk.services.views import KeyResultView
from okrdesk.vocabulary import CONFIDENCE_WORDS, confidence_of_words
from ui.checkins.cell_delegate import CellDelegate
from ui.checkins.format import ERROR_BACKGROUND, day_text, level_icon, value_text
from ui.checkins.grid_rows import (
    CONFIDENCE,
    EDITABLE,
    HEADERS,
    KR,
    LAST,
    NOTE,
    SUGGESTED,
    TOUCHED,
    TOUCHED_BACKGROUND,
    UNTOUCHED_TEXT,
    VALUE,
    GridRow,
    prefilled_confidence,
    prefilled_value,
)


class CheckInGrid(QTableWidget):
    """Emits `key_result_selected(id)` for the current row, `edited(row)` after a commit,
    and `value_typed(row, text)` while a value is being typed (for the live suggestion)."""

    key_result_selected = Signal(str)
    edited = Signal(int)
    value_typed = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.scale = "levels"
        self.read_only = False
        self.rows: list[GridRow | None] = []  # None: an objective's heading line
        self.typed: dict[str, GridRow] = {}  # what was typed, by key result id, until saved
        self._filling = False
        self.setHorizontalHeaderLabels(HEADERS)
        for column in (VALUE, CONFIDENCE):
            self.horizontalHeaderItem(column).setToolTip(
                "Grey italics: the last check-in's, until you type or choose this week's"
            )
        self.setItemDelegate(CellDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(self._triggers())
        self.setTabKeyNavigation(True)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        self.verticalHeader().setVisible(False)
        self.setAccessibleName("Check-in grid: one row per key result")
        header = self.horizontalHeader()
        header.setSectionResizeMode(KR, QHeaderView.ResizeMode.Stretch)
        for column, width in ((LAST, 118), (VALUE, 92), (SUGGESTED, 104), (CONFIDENCE, 96)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(NOTE, 170)
        # Rows are as tall as their wrapped text at the columns' widths: sized again when a
        # column's width changes (the page first laid out, the window or a dock resized),
        # once per burst. Sized only when filled, a title wrapped into the sliver of a page
        # not laid out yet kept rows five to eight lines tall at any width, and they jumped
        # at the first edit: the next click landed on another key result's row.
        self._refit = QTimer(self, singleShot=True, interval=0)
        self._refit.timeout.connect(self.resizeRowsToContents)
        header.sectionResized.connect(lambda *_a: self._refit.start())
        self.currentCellChanged.connect(self._current_changed)

    @staticmethod
    def _triggers() -> QAbstractItemView.EditTrigger:
        t = QAbstractItemView.EditTrigger
        return t.AnyKeyPressed | t.DoubleClicked | t.EditKeyPressed | t.SelectedClicked

    # -- filling ------------------------------------------------------------------------------

    def set_rows(
        self,
        groups: list[tuple[str, list[tuple[KeyResultView, CheckInView | None]]]],
        scale: str,
        read_only: bool,
    ) -> None:
        """(objective title, [(key result, its last check-in)]) in order; keeps what was typed."""
        current = self.current_key_result()
        self.scale, self.read_only = scale, read_only
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers if read_only else self._triggers()
        )
        self.rows = []
        for objective, krs in groups:
            self.rows.append(None)
            for kr, last in krs:
                row = self.typed.get(kr.id)
                if row is not None and not read_only:
                    row.kr, row.objective, row.last = kr, objective, last
                else:
                    row = GridRow(kr, objective, last, prefilled_value(kr, last), "")
                    row.confidence = prefilled_confidence(last, scale)
                self.rows.append(row)
        self._filling = True
        self.blockSignals(True)
        try:
            self.clearContents()
            self.clearSpans()
            self.setRowCount(len(self.rows))
            index = 0
            for objective, krs in groups:
                self._heading(index, objective)
                index += 1
                for _kr in krs:
                    self._fill(index)
                    index += 1
            self.resizeRowsToContents()
        finally:
            self.blockSignals(False)
            self._filling = False
        if current is None or not self.select_key_result(current):
            first = next((i for i, r in enumerate(self.rows) if r is not None), None)
            if first is not None:
                self.setCurrentCell(first, KR)

    def _heading(self, index: int, objective: str) -> None:
        item = QTableWidgetItem(objective)
        font = QFont(self.font())
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setBackground(QBrush(QColor("#eef1f5")))
        item.setToolTip(objective)
        self.setItem(index, 0, item)
        self.setSpan(index, 0, 1, len(HEADERS))

    def _fill(self, index: int) -> None:
        row = self.rows[index]
        assert row is not None
        editable = Qt.ItemFlag.ItemIsEditable if not self.read_only else Qt.ItemFlag.NoItemFlags
        plain = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        kr = row.kr
        title = QTableWidgetItem(f"{TOUCHED} {kr.title}" if row.touched else kr.title)
        title.setToolTip(f"{kr.title}\n{row.objective}")
        if row.touched:
            title.setBackground(QBrush(TOUCHED_BACKGROUND))
        if row.last is not None:
            last = f"{value_text(row.last.value, kr.kind, kr.unit)}\n{day_text(row.last.date)}"
        else:
            last = "no check-in yet"
        unit = f" {kr.unit}" if kr.unit and kr.kind != "milestone" else ""
        cells = {
            KR: title,
            LAST: QTableWidgetItem(last),
            VALUE: QTableWidgetItem(row.value),
            SUGGESTED: QTableWidgetItem(),
            CONFIDENCE: QTableWidgetItem(row.confidence),
            NOTE: QTableWidgetItem(row.note),
        }
        cells[VALUE].setToolTip(f"Value{unit} — type to replace, Enter or Tab to go on")
        for column, item in cells.items():
            item.setFlags(plain | editable if column in EDITABLE else plain)
            if self.read_only and column in (*EDITABLE, SUGGESTED):
                item.setForeground(QBrush(QColor("#777")))
            self.setItem(index, column, item)
        self.show_state(index, fit=False)  # set_rows fits every row at the end

    def show_states(self) -> None:
        """:meth:`show_state` of every row, the rows' heights fitted once at the end."""
        for index in range(len(self.rows)):
            self.show_state(index, fit=False)
        self.resizeRowsToContents()

    def show_state(self, index: int, fit: bool = True) -> None:
        """Suggestion, confidence and error marks of one row (after pace or validation)."""
        row = self.rows[index]
        if row is None or self.item(index, VALUE) is None:
            return
        self._filling = True
        try:
            suggested = self.item(index, SUGGESTED)
            suggested.setIcon(level_icon(row.suggestion))
            suggested.setText(CONFIDENCE_WORDS[row.suggestion] if row.suggestion else "—")
            suggested.setToolTip("What the pace suggests for the new value on this date")
            if self.scale != "1-10" and row.value_typed and not row.confidence_chosen:
                row.confidence = (
                    CONFIDENCE_WORDS[row.suggestion] if row.suggestion else row.confidence
                )
            confidence = self.item(index, CONFIDENCE)
            confidence.setText(row.confidence)
            confidence.setIcon(level_icon(confidence_of_words(row.confidence)))
            for column in EDITABLE:
                item = self.item(index, column)
                bad = bool(row.error) and column == row.error_column
                item.setBackground(QBrush(ERROR_BACKGROUND) if bad else QBrush())
                if column == VALUE or bad:
                    item.setToolTip(row.error if bad else item.toolTip())
            if row.error:
                suggested.setIcon(level_icon(None))
                suggested.setText(f"⚠ {row.error}")
                suggested.setToolTip(row.error)
                suggested.setForeground(QBrush(QColor("#8a1020")))
            else:
                suggested.setForeground(QBrush(QColor("#777")) if self.read_only else QBrush())
            self._look_untouched(index, row)
            if fit:
                self.resizeRowToContents(index)
        finally:
            self._filling = False

    def _look_untouched(self, index: int, row: GridRow) -> None:
        """A row nobody typed in yet shows its pre-filled value and confidence (the last
        check-in's) in grey italics, so they are not mistaken for this week's answers;
        they turn black once something is typed or chosen in the row (it will be saved)."""
        if self.read_only:
            return  # everything is grey there already
        for column in (VALUE, CONFIDENCE):
            item = self.item(index, column)
            if item is None:
                continue
            font = QFont(self.font())
            font.setItalic(not row.touched)
            item.setFont(font)
            item.setForeground(QBrush() if row.touched else QBrush(UNTOUCHED_TEXT))

    # -- what was typed -----------------------------------------------------------------------

    def cell_committed(self, index: int, column: int, text: str, typed: bool) -> None:
        row = self.row_at(index)
        if row is None or self.read_only:
            return
        old = {VALUE: row.value, CONFIDENCE: row.confidence, NOTE: row.note}[column]
        if text == old and not typed:
            return
        if column == VALUE and not text.strip() and not row.note and not row.confidence_chosen:
            self._untouch(index, row)  # the value taken out again: nothing left to save
            return
        if column == VALUE:
            row.value, row.value_typed = text.strip(), True
        elif column == CONFIDENCE:
            row.confidence, row.confidence_chosen = text, True
        else:
            row.note = text
        row.touched = True
        if row.error_column == column:
            row.error = ""
        self.typed[row.kr.id] = row
        self._filling = True
        try:
            self.item(index, column).setText(text)
            title = self.item(index, KR)
            title.setText(f"{TOUCHED} {row.kr.title}")
            title.setBackground(QBrush(TOUCHED_BACKGROUND))
            self._look_untouched(index, row)
        finally:
            self._filling = False
        self.edited.emit(index)

    def _untouch(self, index: int, row: GridRow) -> None:
        """Back to how the row came: pre-filled, untouched, not among the rows to save
        (clearing a value typed by mistake left the row marked and blocked the save)."""
        self.typed.pop(row.kr.id, None)
        fresh = GridRow(row.kr, row.objective, row.last, prefilled_value(row.kr, row.last), "")
        fresh.confidence = prefilled_confidence(row.last, self.scale)
        self.rows[index] = fresh
        self._fill(index)
        self.resizeRowToContents(index)
        self.edited.emit(index)

    def touched_rows(self) -> list[tuple[int, GridRow]]:
        return [(i, r) for i, r in enumerate(self.rows) if r is not None and r.touched]

    def forget_typed(self, kr_ids: list[str]) -> None:
        for kr_id in kr_ids:
            self.typed.pop(kr_id, None)

    def commit_open_editor(self) -> None:
        """Take what is in an open cell editor (before saving with Ctrl+S)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = QApplication.focusWidget()
        while editor is not None and editor.parentWidget() is not self.viewport():
            editor = editor.parentWidget()
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def content_height(self) -> int:
        rows = sum(self.rowHeight(i) for i in range(self.rowCount()))
        return self.horizontalHeader().height() + rows + 2 * self.frameWidth() + 6

    # -- rows ---------------------------------------------------------------------------------

    def row_at(self, index: int) -> GridRow | None:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def row_of(self, kr_id: str) -> int | None:
        return next(
            (i for i, r in enumerate(self.rows) if r is not None and r.kr.id == kr_id), None
        )

    def current_key_result(self) -> str | None:
        row = self.row_at(self.currentRow())
        return row.kr.id if row is not None else None

    def select_key_result(self, kr_id: str, column: int = KR) -> bool:
        index = self.row_of(kr_id)
        if index is None:
            return False
        self.setCurrentCell(index, column)
        return True

    def _current_changed(self, row: int, _column: int, previous: int, _previous_col: int) -> None:
        if row != previous and (current := self.row_at(row)) is not None:
            self.key_result_selected.emit(current.kr.id)

    # -- keyboard -----------------------------------------------------------------------------

    def _cells(self) -> list[tuple[int, int]]:
        return [(i, c) for i, r in enumerate(self.rows) if r is not None for c in EDITABLE]

    def step(self, index: QModelIndex, forward: bool) -> QModelIndex:
        """The next (previous) editable cell in reading order; invalid past the last one."""
        here = (index.row(), index.column()) if index.isValid() else (-1, len(HEADERS))
        cells = self._cells()
        later = [c for c in cells if c > here] if forward else [c for c in cells if c < here]
        if not later:
            return QModelIndex()
        row, column = later[0] if forward else later[-1]
        return self.model().index(row, column)

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        if self.read_only:
            return super().moveCursor(action, modifiers)
        if action == QAbstractItemView.CursorAction.MoveNext:
            return self.step(self.currentIndex(), True)
        if action == QAbstractItemView.CursorAction.MovePrevious:
            return self.step(self.currentIndex(), False)
        return super().moveCursor(action, modifiers)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        plain = not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if enter and plain and not self.read_only and self.state() != self.State.EditingState:
            target = self.step(self.currentIndex(), True)  # from a title: that row's value
            if target.isValid():
                self.setCurrentIndex(target)
                self.edit(target)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        reasons = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
        index = self.currentIndex()
        if event.reason() in reasons and not self.read_only and index.column() not in EDITABLE:
            target = self.step(self.model().index(max(0, index.row()), KR), True)
            if target.isValid():
                self.setCurrentIndex(target)


__all__ = ["CONFIDENCE", "NOTE", "VALUE", "CheckInGrid", "GridRow"]
