"""One key result's history: the chart and its check-ins, each correctable and deletable.

Correcting is editing a cell of the list (the "Correct" button or F2 opens the value);
deleting is the "Delete" button or the Delete key. Both are one undo step each.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from okrdesk.errors import OkrDeskError
from okrdesk.formatting import shorten, span
from okrdesk.services.checkin_views import KeyResultHistory, history
from okrdesk.services.checkins import CheckInView
from okrdesk.vocabulary import CONFIDENCE_WORDS
from ui.checkins import checkin_ops
from ui.checkins.chart import KeyResultChart
from ui.checkins.format import (
    DONE,
    ERROR_STYLE,
    NOT_DONE,
    day_text,
    level_icon,
)
from ui.session import WorkspaceSession
from ui.typed_numbers import shown, typed_check_in

DATE, VALUE, CONFIDENCE, NOTE = range(4)
FIELDS = {DATE: "date", VALUE: "value", CONFIDENCE: "confidence", NOTE: "note"}


class _EnterCommits(QStyledItemDelegate):
    """Enter takes the correction at once (Qt's default waits for the event loop)."""

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(editor, QWidget)
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            return True
        return super().eventFilter(editor, event)


class HistoryPanel(QWidget):
    """The list of a key result's check-ins; its title and chart are in :attr:`chart_area`.

    Call :meth:`show_key_result`; it reloads itself through :meth:`reload` after changes.
    """

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kr_id: str | None = None
        self.history: KeyResultHistory | None = None
        self.read_only = False
        self.scale = "levels"
        self._filling = False

        self.title = QLabel("No key result selected")
        self.title.setObjectName("historyTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: 600;")
        self.chart = KeyResultChart()
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Date", "Value", "Confidence", "Note"])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAccessibleName("Check-ins of the selected key result, newest first")
        self.table.setWordWrap(False)
        self.table.setMinimumWidth(180)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setItemDelegate(_EnterCommits(self.table))
        self.table.itemChanged.connect(self._edited)
        # Not while filling: removing the rows moves the current cell through items being
        # deleted, and reading them then crashed the process (twice in CI runs).
        self.table.currentCellChanged.connect(lambda *_: None if self._filling else self._enable())
        self.correct_button = QPushButton("&Correct")
        self.correct_button.setToolTip("Edit the selected check-in's value (F2); undoable")
        self.correct_button.clicked.connect(self.start_correcting)
        self.delete_button = QPushButton("De&lete")
        self.delete_button.setToolTip("Delete the selected check-in (Delete key); undoable")
        self.delete_button.clicked.connect(self.delete_selected)
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_selected)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()

        buttons = QHBoxLayout()
        heading = QLabel("Its check-ins, newest first")
        heading.setStyleSheet("font-weight: 600;")
        buttons.addWidget(heading)
        buttons.addStretch(1)
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        # The title and the chart are placed by the page, beside this list.
        self.chart_area = QWidget()
        chart_layout = QVBoxLayout(self.chart_area)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.title)
        chart_layout.addWidget(self.chart, 1)
        self._enable()

    # -- showing ------------------------------------------------------------------------------

    def show_key_result(
        self,
        kr_id: str | None,
        read_only: bool,
        scale: str,
        pending: tuple[date, float] | None = None,
        check_in_day: date | None = None,
    ) -> None:
        changed = kr_id != self.kr_id
        self.kr_id, self.read_only, self.scale = kr_id, read_only, scale
        self.history = None
        if kr_id:
            try:  # read once per change (typing in the grid shows it again and again)
                self.history = self.session.remembered(
                    ("check-in history", kr_id), lambda: history(self.session.ws, kr_id)
                )
            except OkrDeskError:
                self.kr_id = None
        self.chart.set_history(self.history, pending, check_in_day)
        if changed:
            self.error.hide()
        self._fill()

    def set_pending(self, pending: tuple[date, float] | None) -> None:
        self.chart.set_history(self.history, pending, self.chart.check_in_day)

    def _fill(self) -> None:
        h = self.history
        selected = self.selected()
        self._filling = True
        try:
            # No slot may run while the old rows go: a crash (seen once in a test run) came
            # from inside this removal.
            with QSignalBlocker(self.table), QSignalBlocker(self.table.selectionModel()):
                self.table.setRowCount(0)
            if h is None:
                self.title.setText("No key result selected")
            else:
                self.title.setText(f"{h.title}  —  {self._span(h)}")
                self.table.setHorizontalHeaderItem(
                    VALUE, QTableWidgetItem(f"Value ({h.unit})" if h.unit else "Value")
                )
                editable = Qt.ItemFlag.NoItemFlags if self.read_only else Qt.ItemFlag.ItemIsEditable
                plain = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                for view in reversed(h.points):
                    row = self.table.rowCount()
                    self.table.insertRow(row)
                    for column, text in enumerate(self._texts(view, h.kind)):
                        item = QTableWidgetItem(text)
                        item.setFlags(plain | editable)
                        item.setData(Qt.ItemDataRole.UserRole, view.id)
                        self.table.setItem(row, column, item)
                    self.table.item(row, CONFIDENCE).setIcon(level_icon(view.confidence))
                    self.table.item(row, NOTE).setToolTip(view.note)
                    self.table.item(row, DATE).setToolTip(
                        f"{day_text(view.date, with_year=True)} — edit as YYYY-MM-DD"
                    )
        finally:
            self._filling = False
        if selected is not None:
            self.select(selected.id)
        if self.table.currentRow() < 0 and self.table.rowCount():
            self.table.setCurrentCell(0, VALUE)
        self._enable()

    def _texts(self, view: CheckInView, kind: str) -> list[str]:
        if kind == "milestone":
            value = DONE if view.value == 1.0 else NOT_DONE
        else:
            value = shown(view.value)
        if self.scale == "1-10" and view.confidence_score is not None:
            confidence = str(view.confidence_score)
        else:
            confidence = CONFIDENCE_WORDS[view.confidence] if view.confidence else ""
        return [view.date.isoformat(), value, confidence, view.note]

    @staticmethod
    def _span(h: KeyResultHistory) -> str:
        if h.kind == "milestone":
            return "milestone (done / not done)"
        return span(h.start, h.target, h.unit)

    def _enable(self) -> None:
        has = self.selected() is not None and not self.read_only
        self.correct_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        t = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(
            t.NoEditTriggers
            if self.read_only
            else t.DoubleClicked | t.EditKeyPressed | t.AnyKeyPressed
        )

    # -- selection ----------------------------------------------------------------------------

    def selected(self) -> CheckInView | None:
        if self.history is None:
            return None
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        wanted = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return next((p for p in self.history.points if p.id == wanted), None)

    def select(self, check_in_id: str) -> bool:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == check_in_id:
                self.table.setCurrentCell(row, VALUE)
                return True
        return False

    # -- correcting and deleting --------------------------------------------------------------

    def start_correcting(self) -> None:
        if self.read_only or self.selected() is None:
            return
        index = self.table.model().index(self.table.currentRow(), VALUE)
        self.table.setCurrentIndex(index)
        self.table.setFocus()
        self.table.edit(index)

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._filling or self.history is None:
            return
        view = next(
            (p for p in self.history.points if p.id == item.data(Qt.ItemDataRole.UserRole)), None
        )
        if view is None:
            return
        field = FIELDS[item.column()]
        old = self._texts(view, self.history.kind)[item.column()]
        new = item.text().strip() if field != "note" else item.text()
        if new == old:
            return
        text = f"Correct the check-in of {day_text(view.date)} on “{self._short_title()}”"
        try:
            if field == "value":  # in the locale, as the grid reads it
                new = typed_check_in(self.history.kind, new)
            checkin_ops.correct(self.session, view, text, **{field: new})
        except OkrDeskError as exc:
            self.error.setText(f"Not corrected: {exc}")
            self.error.show()
            QTimer.singleShot(0, self, self.reload)  # the file is unchanged; so is the list
            return
        self.error.hide()
        # Rebuild the list once the cell editor has closed (it is closing right now). With
        # the panel as context: a panel closed meanwhile is not called (a call on a deleted
        # panel crashed a later test).
        QTimer.singleShot(0, self, lambda: (self.reload(), self.select(view.id)))

    def delete_selected(self) -> None:
        view = self.selected()
        if view is None or self.read_only:
            return
        text = f"Delete the check-in of {day_text(view.date)} on “{self._short_title()}”"
        try:
            checkin_ops.delete(self.session, view, text)
        except OkrDeskError as exc:
            self.error.setText(f"Not deleted: {exc}")
            self.error.show()
            return
        self.error.hide()
        self.reload()

    def _short_title(self) -> str:
        return shorten(self.history.title if self.history is not None else "", 40)

    def reload(self) -> None:
        self.show_key_result(
            self.kr_id, self.read_only, self.scale, self.chart.pending, self.chart.check_in_day
        )


__all__ = ["HistoryPanel"]
