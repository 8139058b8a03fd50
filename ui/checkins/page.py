"""The check-in page: a team's weekly check-in grid, a key result's history, what changed.

Mount it as a tab (``MainWindow.add_page``); the navigator calls :meth:`set_context`.
Everything is read from the services and rebuilt when the session reports a change
(lazily while the page is hidden); what was typed in the grid is kept until saved.
Saving (Ctrl+S or Ctrl+Enter) records every typed-in row with one ``record_many`` call
as one undo step. A closed cycle is shown read-only, with the reason in a banner.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from okrdesk.errors import OkrDeskError, ValidationError
from okrdesk.formatting import counted
from okrdesk.services.checkin_views import changes_since_last, pace_suggestion
from okrdesk.services.checkins import CheckInEntry, confidence_scale, parse_confidence
from okrdesk.services.lifecycle import ensure_editable
from okrdesk.services.views import OkrTree
from okrdesk.vocabulary import Confidence
from ui.checkins import checkin_ops
from ui.checkins.changes_panel import ChangesPanel
from ui.checkins.format import CLOSED_STYLE, DONE, ERROR_STYLE, INFO_STYLE, day_text
from ui.checkins.grid import CONFIDENCE, VALUE, CheckInGrid, GridRow
from ui.checkins.history_panel import HistoryPanel
from ui.refresh import OKRS, Refresher
from ui.session import WorkspaceSession
from ui.team_okrs import team_okrs
from ui.typed_numbers import typed_check_in


class CheckInPage(QWidget):
    """A team's check-in for one cycle. ``set_context(cycle_id, team_id)`` picks which."""

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.cycle_id: str | None = None
        self.team_id: str | None = None
        self.tree: OkrTree | None = None
        self.scale = "levels"
        self.read_only = False
        self._date_cycle: str | None = None  # the cycle the date field was set up for
        self._notice: tuple[str, str] | None = None  # (text, style) of the last action
        self._sized_for: tuple[str, str] | None = None  # the team the splitter was sized for
        self._filling = False  # the grid is being filled

        self.heading = QLabel()
        self.heading.setObjectName("checkInHeading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600; padding: 6px 4px;")
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setAccessibleName("Check-in date")
        date_label = QLabel("Check-in &date")
        date_label.setBuddy(self.date_edit)
        self.count_label = QLabel()
        self.save_button = QPushButton("&Save check-in")
        self.save_button.setToolTip("Save every key result typed in (Ctrl+S or Ctrl+Enter)")
        self.save_button.clicked.connect(self.save)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setObjectName("checkInBanner")
        self.grid = CheckInGrid()
        self.history = HistoryPanel(session)
        self.changes = ChangesPanel()

        bar = QHBoxLayout()
        bar.addWidget(date_label)
        bar.addWidget(self.date_edit)
        self.hint = hint = QLabel("Type to replace · Tab or Enter: next field · Ctrl+S: save")
        hint.setStyleSheet("color: #555;")
        hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar.addSpacing(12)
        bar.addWidget(hint, 1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.save_button)
        self.side = QSplitter(Qt.Orientation.Vertical)
        self.side.addWidget(self.history)
        self.side.addWidget(self.changes)
        self.side.setChildrenCollapsible(False)
        self.bottom = QSplitter(Qt.Orientation.Horizontal)
        self.bottom.addWidget(self.history.chart_area)
        self.bottom.addWidget(self.side)
        self.bottom.setStretchFactor(0, 1)
        self.bottom.setStretchFactor(1, 1)
        self.bottom.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.grid)
        self.splitter.addWidget(self.bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 4)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)

        QWidget.setTabOrder(self.date_edit, self.grid)  # date → grid → save
        QWidget.setTabOrder(self.grid, self.save_button)
        for keys in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        self.grid.edited.connect(self._row_edited)
        self.grid.value_typed.connect(self._value_typed)
        self.grid.key_result_selected.connect(
            lambda _id: None if self._filling else self._show_history()
        )
        self.changes.key_result_activated.connect(self.grid.select_key_result)
        self.date_edit.dateChanged.connect(lambda _d: self._date_changed())
        # After a change the page refreshes on the next turn (one refresh for an undo of
        # many), never under the person's fingers while a cell is being edited.
        self.refresher = Refresher(
            self,
            session,
            OKRS,
            lambda _changes: self.refresh(),
            delay_ms=0,
            busy=lambda: self.grid.state() == self.grid.State.EditingState,
        )
        self.refresher.stale()

    # -- context and refreshing ---------------------------------------------------------------

    def set_context(self, cycle_id: str | None, team_id: str | None) -> None:
        if (cycle_id or None, team_id or None) != (self.cycle_id, self.team_id):
            self._notice = None
        self.cycle_id, self.team_id = cycle_id or None, team_id or None
        self.refresher.stale()
        self.refresher.flush()

    def commit_pending(self) -> bool:
        return True  # a check-in is saved with Ctrl+S, as a whole grid, or not at all

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self._focus_grid)

    def _focus_grid(self) -> None:
        """Coming to the page, typing goes straight into the current key result's value."""
        if self.read_only or not self.isVisible():
            return
        row = self.grid.currentRow()
        if self.grid.row_at(row) is not None:
            self.grid.setCurrentCell(row, VALUE)
        self.grid.setFocus()

    def refresh(self) -> None:
        ws = self.session.ws
        self.tree, error = None, ""
        if self.cycle_id and self.team_id:
            try:
                self.tree = team_okrs(self.session, self.cycle_id, self.team_id)
                self.scale = confidence_scale(ws)
            except OkrDeskError as exc:
                error = str(exc)
        if self.tree is None or not self.tree.teams:
            self.heading.setText("Check-ins")
            self.grid.set_rows([], self.scale, True)
            self.history.show_key_result(None, True, self.scale)
            self.changes.show_changes([], {})
            self._set_banner(error or "Pick a cycle and a team in the navigator.", INFO_STYLE)
            self._enable()
            return
        cycle, team = self.tree.cycle, self.tree.teams[0]
        self.read_only = cycle.state == "closed"
        self.heading.setText(
            f"Check-in · {team.name} · {cycle.name} ({day_text(cycle.start_date)} – "
            f"{day_text(cycle.end_date, with_year=True)}, {cycle.state})"
        )
        self._set_up_date(cycle.id, cycle.start_date, cycle.end_date)
        try:  # each key result's last two check-ins, read at once for the whole grid
            changes = changes_since_last(ws, team.id, cycle.id)
        except OkrDeskError:
            changes = []
        last = {c.key_result_id: c.latest for c in changes}
        groups = [
            (o.title, [(kr, last.get(kr.id)) for kr in o.key_results])
            for o in team.objectives
            if o.key_results
        ]
        self._filling = True  # the current key result's history is shown once, below
        try:
            self.grid.set_rows(groups, self.scale, self.read_only)
        finally:
            self._filling = False
        self._size_grid((cycle.id, team.id))
        self._suggest_all()
        kinds = {kr.id: kr.kind for o in team.objectives for kr in o.key_results}
        self.changes.show_changes(changes, kinds)
        self._show_history()
        self._enable()
        self._update_banner()

    def _size_grid(self, context: tuple[str, str]) -> None:
        """On a new team: the grid as tall as its rows (up to 60%), the rest for the history."""
        total = sum(self.splitter.sizes())
        if context == self._sized_for or total <= 0:
            return
        self._sized_for = context
        want = min(self.grid.content_height(), int(total * 0.6))
        self.splitter.setSizes([want, total - want])
        width = sum(self.bottom.sizes())
        self.bottom.setSizes([width // 2, width - width // 2])

    def _set_up_date(self, cycle_id: str, start: date, end: date) -> None:
        self.date_edit.blockSignals(True)
        try:
            self.date_edit.setDateRange(QDate(start), QDate(end))
            if self._date_cycle != cycle_id:
                self._date_cycle = cycle_id
                self.date_edit.setDate(QDate(min(max(date.today(), start), end)))
        finally:
            self.date_edit.blockSignals(False)

    def day(self) -> date:
        return self.date_edit.date().toPython()  # type: ignore[return-value]

    # -- pace suggestions and the typed values ------------------------------------------------

    def _pace(self, row: GridRow, value: str) -> Confidence | None:
        """What pace suggests for the value typed in a row (raises ValidationError)."""
        if self.tree is None:
            return None
        cycle = self.tree.cycle
        number = typed_check_in(row.kr.kind, value)  # in the locale: "0,125" in German
        return pace_suggestion(row.kr, number, cycle.start_date, cycle.end_date, self.day())

    def _suggest(self, index: int, mark_errors: bool = True, show: bool = True) -> None:
        row = self.grid.row_at(index)
        if row is None:
            return
        try:
            row.suggestion = self._pace(row, row.value)
            if row.error_column == VALUE:
                row.error = ""
        except ValidationError as exc:
            row.suggestion = None
            if mark_errors:
                row.error, row.error_column = str(exc), VALUE
        except OkrDeskError:
            row.suggestion = None
        if show:
            self.grid.show_state(index)

    def _suggest_all(self) -> None:
        for index, row in enumerate(self.grid.rows):
            if row is not None:
                self._suggest(index, mark_errors=row.touched, show=False)
        self.grid.show_states()

    def _row_edited(self, index: int) -> None:
        row = self.grid.row_at(index)
        if row is None:
            return
        self._notice = None
        self._suggest(index)
        if not row.error or row.error_column == CONFIDENCE:
            self._check_confidence(index, row)
        self._show_history()
        self._enable()
        self._update_banner()

    def _check_confidence(self, index: int, row: GridRow) -> bool:
        try:
            parse_confidence(row.confidence or None, self.scale)
        except ValidationError as exc:
            row.error, row.error_column = str(exc), CONFIDENCE
            self.grid.show_state(index)
            return False
        if row.error_column == CONFIDENCE:
            row.error = ""
            self.grid.show_state(index)
        return True

    def _value_typed(self, index: int, text: str) -> None:
        """While a value is typed: the suggestion and the chart's hollow dot follow it."""
        row = self.grid.row_at(index)
        if row is None:
            return
        try:
            row.suggestion = self._pace(row, text)
        except OkrDeskError:
            row.suggestion = None
        self.grid.show_state(index)
        if self.grid.current_key_result() == row.kr.id:
            self.history.set_pending(self._pending(row, text))

    def _date_changed(self) -> None:
        self._notice = None
        self._suggest_all()
        self._show_history()
        self._update_banner()

    def _pending(self, row: GridRow, text: str | None = None) -> tuple[date, float] | None:
        """The typed (unsaved) value as a point for the chart."""
        if text is None and not row.touched:
            return None
        raw = row.value if text is None else text
        if row.kr.kind == "milestone":
            return self.day(), 1.0 if raw == DONE else 0.0
        try:
            number = typed_check_in(row.kr.kind, raw)
        except ValidationError:
            return None
        return (self.day(), number) if number is not None else None

    def _show_history(self) -> None:
        index = self.grid.currentRow()
        row = self.grid.row_at(index)
        pending = self._pending(row) if row is not None else None
        day = None if self.read_only else self.day()
        self.history.show_key_result(
            row.kr.id if row is not None else None, self.read_only, self.scale, pending, day
        )

    # -- saving -------------------------------------------------------------------------------

    def save(self) -> None:
        """Save every typed-in row in one transaction, as one undo step; or mark what is wrong."""
        if self.read_only or self.tree is None or not self.tree.teams:
            return
        self.grid.commit_open_editor()
        touched = self.grid.touched_rows()
        if not touched:
            self._notice = (
                "Nothing to save yet: type a new value (or the same one again), "
                "a confidence or a note first.",
                INFO_STYLE,
            )
            self._update_banner()
            return
        day = self.day()
        bad: list[tuple[int, GridRow]] = []
        for index, row in touched:
            self._suggest(index)
            if row.error or not self._check_confidence(index, row):
                bad.append((index, row))
        if bad:
            index, row = bad[0]
            self.grid.setCurrentCell(index, row.error_column)
            self.grid.setFocus()
            cells = counted(len(bad), "key result")
            self._notice = (
                f"Nothing saved: {cells} to fix, marked in red. {row.kr.title}: {row.error}",
                ERROR_STYLE,
            )
            self._update_banner()
            return
        entries = [
            CheckInEntry(
                row.kr.id,
                typed_check_in(row.kr.kind, row.value),  # checked by _suggest above
                row.confidence or None,
                row.note,
                day,
            )
            for _index, row in touched
        ]
        team = self.tree.teams[0].name
        what = counted(len(entries), "key result")
        try:
            checkin_ops.save(self.session, entries, f"Check in {what} of {team} on {day_text(day)}")
        except OkrDeskError as exc:
            self._notice = (f"Nothing saved: {exc}", ERROR_STYLE)
            self._update_banner()
            return
        self.grid.forget_typed([row.kr.id for _index, row in touched])
        self.refresher.flush()  # the change is heard: shown now, once
        self._notice = (
            f"Checked in {what} on {day_text(day, with_year=True)}. Ctrl+Z undoes it.",
            INFO_STYLE,
        )
        self._update_banner()

    # -- state shown --------------------------------------------------------------------------

    def _enable(self) -> None:
        count = len(self.grid.touched_rows())
        editable = not self.read_only and self.tree is not None
        self.save_button.setEnabled(editable)
        self.date_edit.setEnabled(editable)
        self.hint.setVisible(editable)
        self.count_label.setText(f"{counted(count, 'key result')} to save" if count else "")

    def _set_banner(self, text: str, style: str) -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(style)
        self.banner.setVisible(bool(text))

    def _update_banner(self) -> None:
        if self.tree is None:
            return
        if self.read_only:
            try:
                ensure_editable(self.session.ws, self.tree.cycle.id)
                reason = f"cycle {self.tree.cycle.name} is closed and read-only"
            except ValidationError as exc:
                reason = str(exc)
            self._set_banner(
                f"{reason[:1].upper()}{reason[1:]}. Its check-ins can be looked at, not changed.",
                CLOSED_STYLE,
            )
            return
        if self._notice is not None:
            self._set_banner(*self._notice)
            return
        if not self.key_result_ids():
            team, cycle = self.tree.teams[0].name, self.tree.cycle.name
            self._set_banner(
                f"{team} has no key results in {cycle} yet: add them on the OKRs tab.",
                INFO_STYLE,
            )
            return
        day = self.day()
        same_day = [r for r in self.grid.rows if r is not None and r.last and r.last.date == day]
        if same_day:
            self._set_banner(
                f"{counted(len(same_day), 'key result')} already checked in on "
                f"{day_text(day, with_year=True)}: saving replaces that day's check-in "
                "(pick another date for a new one).",
                INFO_STYLE,
            )
        else:
            self._set_banner("", INFO_STYLE)

    # -- for tests and other views ------------------------------------------------------------

    def key_result_ids(self) -> list[str]:
        return [r.kr.id for r in self.grid.rows if r is not None]


__all__ = ["CheckInPage"]
