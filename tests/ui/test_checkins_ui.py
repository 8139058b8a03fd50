"""The check-in page driven as a person would: keyboard, buttons, a real demo file.

Typing goes through the focused widget key by key (ASCII only: non-ASCII keyClicks abort
Qt's test library). The demo's Workshop team has five key results in 2026-Q4, each with
weekly check-ins up to 23 Nov 2026; 2026-Q3 is closed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QSpinBox, QWidget

from okrdesk.services.checkin_views import history, last_check_in, suggested_status
from okrdesk.services.checkins import set_confidence_scale
from okrdesk.services.views import okr_tree
from okrdesk.vocabulary import CONFIDENCE_WORDS
from ui.app import Windows
from ui.checkins import CheckInPage
from ui.checkins.format import ERROR_BACKGROUND
from ui.checkins.grid_rows import CONFIDENCE, NOTE, UNTOUCHED_TEXT, VALUE
from ui.main_window import MainWindow

NEXT_WEEK = date(2026, 11, 30)
LAST_WEEK = date(2026, 11, 23)


def open_page(
    qtbot, path: Path, team: str = "Workshop", show: bool = True
) -> tuple[MainWindow, CheckInPage]:
    window = Windows().open(path)
    assert window is not None
    qtbot.addWidget(window)
    tab, page = find_page(window)
    with qtbot.waitActive(window):
        window.activateWindow()
    pick_team(window, team)
    if show:
        window.tabs.setCurrentWidget(tab)
        qtbot.waitUntil(lambda: bool(page.key_result_ids()), timeout=3000)
    return window, page


def find_page(window: MainWindow) -> tuple[QWidget, CheckInPage]:
    """The Check-ins tab (perhaps a lazy page around it) and the page itself."""
    for index in range(window.tabs.count()):
        tab = window.tabs.widget(index)
        if isinstance(tab, CheckInPage):
            return tab, tab
        build = getattr(tab, "build", None)  # a LazyPage makes its page on demand
        if build is not None and window.tabs.tabText(index) == "Check-ins":
            page = build()
            assert isinstance(page, CheckInPage)
            return tab, page
    page = CheckInPage(window.session)  # until the main window mounts it itself
    window.add_page(page, "Check-ins", "Ctrl+6")
    return page, page


def pick_team(window: MainWindow, name: str) -> None:
    for item in window.navigator._items():
        if item.text(0) == name:
            window.navigator.teams.setCurrentItem(item)
            return
    raise AssertionError(name)


def pick_cycle(window: MainWindow, name: str) -> None:
    box = window.navigator.cycle_box
    for index in range(box.count()):
        if box.itemText(index).startswith(name):
            box.setCurrentIndex(index)
            return
    raise AssertionError(name)


def type_text(qtbot, text: str) -> None:
    """Key by key into whatever has the focus (the first key opens a cell's editor)."""
    for char in text:
        qtbot.keyClick(QApplication.focusWidget(), char)


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def start_at(page: CheckInPage, kr_id: str, column: int = VALUE) -> None:
    page.grid.setFocus()
    assert page.grid.select_key_result(kr_id, column)


def titles(page: CheckInPage) -> dict[str, str]:
    return {r.kr.id: r.kr.title for r in page.grid.rows if r is not None}


def current_of(page: CheckInPage, kr_id: str) -> float | None:
    tree = okr_tree(page.session.ws, cycle=page.cycle_id, team=page.team_id)
    return next(
        kr.current for o in tree.teams[0].objectives for kr in o.key_results if kr.id == kr_id
    )


def test_weekly_check_in_by_keyboard_is_one_undo_step(qtbot, demo_copy: Path, answers) -> None:
    window, page = open_page(qtbot, demo_copy)
    ws, stack = window.session.ws, window.session.undo_stack
    page.date_edit.setDate(QDate(NEXT_WEEK))
    untouched, first, second = page.key_result_ids()[:3]  # edit the 2nd and 3rd key results
    steps = stack.count()

    last = last_check_in(ws, first)
    confidence = page.grid.item(page.grid.row_of(first), CONFIDENCE)
    assert confidence.text() == CONFIDENCE_WORDS[last.confidence]  # pre-filled like the value
    start_at(page, first)
    type_text(qtbot, "21.5")  # typing replaces the pre-filled 22
    press(qtbot, Qt.Key.Key_Tab)  # → confidence
    assert isinstance(QApplication.focusWidget(), QComboBox)
    type_text(qtbot, "a")  # "at risk"
    press(qtbot, Qt.Key.Key_Tab)  # → note
    type_text(qtbot, "descaling tank is in")
    press(qtbot, Qt.Key.Key_Return)  # → the next key result's value
    assert page.grid.current_key_result() == second
    assert page.grid.currentColumn() == VALUE
    type_text(qtbot, "6.5")
    press(qtbot, Qt.Key.Key_Return)  # → its confidence (left as pace suggests)
    assert page.grid.currentColumn() == CONFIDENCE
    assert page.count_label.text() == "2 key results to save"
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    a, b = last_check_in(ws, first), last_check_in(ws, second)
    assert a is not None and b is not None
    assert (a.date, a.value, a.confidence) == (NEXT_WEEK, 21.5, "at_risk")
    assert a.note == "descaling tank is in"
    assert (b.date, b.value) == (NEXT_WEEK, 6.5)
    assert b.confidence == suggested_status(ws, second, 6.5, NEXT_WEEK)
    assert last_check_in(ws, untouched).date == LAST_WEEK  # rows not typed in are not saved
    assert (current_of(page, first), current_of(page, second)) == (21.5, 6.5)
    assert stack.count() == steps + 1
    assert "Checked in 2 key results on 30 Nov 2026" in page.banner.text()
    assert page.count_label.text() == ""
    qtbot.waitUntil(lambda: page.grid.item(page.grid.row_of(second), VALUE).text() == "6.5")

    stack.undo()  # one step takes both back
    assert last_check_in(ws, first).date == LAST_WEEK
    assert last_check_in(ws, second).value == 7.0
    assert (current_of(page, first), current_of(page, second)) == (22.0, 7.0)
    qtbot.waitUntil(lambda: page.grid.item(page.grid.row_of(second), VALUE).text() == "7")

    stack.redo()
    assert (last_check_in(ws, first).id, last_check_in(ws, second).id) == (a.id, b.id)
    assert last_check_in(ws, first).note == "descaling tank is in"
    assert current_of(page, second) == 6.5

    # What changed: the edited key results first (newest check-in first), in words.
    qtbot.waitUntil(lambda: page.changes.key_result_ids()[:2] == [first, second])
    assert page.changes.key_result_ids()[2] == untouched
    lines = page.changes.lines()
    assert lines[0].startswith(titles(page)[first])
    assert "22 → 21.5 hours, −0.5 hours (23 Nov → 30 Nov)" in lines[0]
    assert "↑ better: off track → at risk" in lines[0]
    assert "7 → 6.5 %, −0.5 % (23 Nov → 30 Nov)" in lines[1]


def test_the_tab_shortcut_then_typing_fills_a_value(qtbot, demo_copy: Path, answers) -> None:
    window, page = open_page(qtbot, demo_copy, show=False)
    window.okr_view.setFocus()
    action = next(a for a in window.view_menu.actions() if a.text() == "Check-ins")
    keys = action.shortcut()[0]  # Ctrl+<n>: whatever the window gives the tab
    press(qtbot, keys.key(), keys.keyboardModifiers())
    assert window.tabs.currentWidget() is find_page(window)[0]
    qtbot.waitUntil(lambda: page.grid.hasFocus())
    page.date_edit.setDate(QDate(NEXT_WEEK))
    page.grid.setFocus()
    type_text(qtbot, "5")
    press(qtbot, Qt.Key.Key_Tab)
    first = page.key_result_ids()[0]
    assert page.grid.row_at(page.grid.row_of(first)).value == "5"
    page.save_button.click()
    assert last_check_in(window.session.ws, first).value == 5.0


def test_key_result_rows_are_sized_at_the_pages_width(qtbot, demo_copy: Path) -> None:
    """The grid sizes its rows when first shown: at the page's size, not at a default
    one where every title wraps (rows came out eight to eleven lines tall that way).
    A row holds at most a wrapped title or a value above its date."""
    window = Windows().open(demo_copy)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.windowHandle().isExposed())  # on screen, then the click
    window.show_view("checkins")
    page = find_page(window)[1]
    qtbot.waitUntil(lambda: bool(page.key_result_ids()), timeout=3000)
    line = page.grid.fontMetrics().height()
    rows = [page.grid.row_of(kr) for kr in page.key_result_ids()]
    assert rows and all(page.grid.rowHeight(row) <= 5 * line for row in rows)


def test_key_result_rows_follow_the_width_of_the_window(qtbot, demo_copy: Path) -> None:
    """Opened narrow, then widened (a restored window, a dock closed): the rows are sized
    again at the new width. They kept the heights of a title wrapped into a sliver (five
    to eight lines each) at any width."""
    window = Windows().open(demo_copy)
    qtbot.addWidget(window)
    window.resize(900, 768)  # the smallest the Check-ins tab allows
    window.show()
    qtbot.waitExposed(window)
    window.show_view("checkins")
    page = find_page(window)[1]
    qtbot.waitUntil(lambda: bool(page.key_result_ids()), timeout=3000)
    grid, line = page.grid, page.grid.fontMetrics().height()
    rows = [grid.row_of(kr) for kr in page.key_result_ids()]

    def at_most(lines: int) -> bool:
        return all(grid.rowHeight(row) <= lines * line + 12 for row in rows)

    qtbot.waitUntil(lambda: at_most(4), timeout=2000)
    window.resize(1800, 900)
    # Wide enough for every demo title on one line: a row holds a value above its date.
    qtbot.waitUntil(lambda: at_most(2), timeout=2000)


def test_checking_in_again_the_same_day_replaces_and_undo_restores(
    qtbot, demo_copy: Path, answers
) -> None:
    window, page = open_page(qtbot, demo_copy)
    ws = window.session.ws
    page.date_edit.setDate(QDate(LAST_WEEK))
    assert "already checked in on 23 Nov 2026" in page.banner.text()
    kr = page.key_result_ids()[1]
    before = last_check_in(ws, kr)
    start_at(page, kr)
    type_text(qtbot, "21")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter saves too
    after = last_check_in(ws, kr)
    assert (after.id, after.date, after.value) == (before.id, LAST_WEEK, 21.0)
    assert len(history(ws, kr).points) == 8
    window.session.undo_stack.undo()
    assert last_check_in(ws, kr) == before


def test_a_word_for_a_number_is_marked_inline_and_nothing_is_saved(
    qtbot, demo_copy: Path, answers
) -> None:
    window, page = open_page(qtbot, demo_copy)
    ws, stack = window.session.ws, window.session.undo_stack
    page.date_edit.setDate(QDate(NEXT_WEEK))
    good, bad = page.key_result_ids()[:2]
    steps = stack.count()
    start_at(page, good)
    type_text(qtbot, "5")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)  # value → confidence → note → the next value
    type_text(qtbot, "six")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # saves from inside the editor

    row = page.grid.row_of(bad)
    reason = "Value must be a number (got 'six')"
    assert reason in page.grid.item(row, 3).text()  # the suggestion column says why
    assert page.grid.item(row, VALUE).background().color() == ERROR_BACKGROUND
    assert page.grid.item(row, VALUE).toolTip() == reason
    assert "Nothing saved" in page.banner.text() and reason in page.banner.text()
    assert (page.grid.currentRow(), page.grid.currentColumn()) == (row, VALUE)
    assert last_check_in(ws, good).date == LAST_WEEK and last_check_in(ws, bad).date == LAST_WEEK
    assert stack.count() == steps

    type_text(qtbot, "21")  # fixing it clears the mark; now both save
    press(qtbot, Qt.Key.Key_Return)
    assert page.grid.item(row, VALUE).background().color() != ERROR_BACKGROUND
    page.save_button.click()
    assert last_check_in(ws, good).value == 5.0 and last_check_in(ws, bad).value == 21.0
    assert stack.count() == steps + 1


def test_history_chart_correct_and_delete_are_undoable(qtbot, demo_copy: Path, answers) -> None:
    window, page = open_page(qtbot, demo_copy)
    ws, stack = window.session.ws, window.session.undo_stack
    kr = page.key_result_ids()[1]  # "Cut median hands-on rebuild time …", 8 weekly check-ins
    page.grid.select_key_result(kr)
    panel, chart = page.history, page.history.chart
    assert panel.kr_id == kr
    assert len(chart.points()) == 8 == panel.table.rowCount()
    assert chart.points()[-1] == (LAST_WEEK, 22.0)
    assert not chart.grab().isNull()
    assert panel.table.item(0, 0).text() == "2026-11-23"  # newest first

    panel.table.setCurrentCell(0, 0)
    qtbot.mouseClick(panel.correct_button, Qt.MouseButton.LeftButton)
    assert isinstance(QApplication.focusWidget(), QLineEdit)
    type_text(qtbot, "21.8")
    press(qtbot, Qt.Key.Key_Return)
    assert last_check_in(ws, kr).value == 21.8 and current_of(page, kr) == 21.8
    assert stack.undoText().startswith("Correct the check-in of 23 Nov")
    stack.undo()
    assert last_check_in(ws, kr).value == 22.0 and current_of(page, kr) == 22.0

    qtbot.waitUntil(lambda: panel.table.item(0, 1).text() == "22")
    panel.table.setCurrentCell(0, NOTE - 2)  # any cell of the newest row
    deleted = panel.selected()
    assert deleted is not None and deleted.date == LAST_WEEK
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert last_check_in(ws, kr).date == date(2026, 11, 16) and current_of(page, kr) == 22.2
    assert len(chart.points()) == 7
    stack.undo()
    assert last_check_in(ws, kr) == deleted  # back with its id, values and timestamps
    qtbot.waitUntil(lambda: len(chart.points()) == 8)

    # A bad correction is refused in the panel and changes nothing.
    panel.table.setCurrentCell(0, 0)
    panel.start_correcting()
    type_text(qtbot, "lots")
    press(qtbot, Qt.Key.Key_Return)
    assert "Not corrected: Value must be a number (got 'lots')" in panel.error.text()
    assert last_check_in(ws, kr).value == 22.0


def test_every_chart_paints_with_its_points(qtbot, demo_copy: Path, answers) -> None:
    window, page = open_page(qtbot, demo_copy)
    for kr in page.key_result_ids():
        page.grid.select_key_result(kr)
        chart = page.history.chart
        expected = [(p.date, p.value) for p in history(window.session.ws, kr).points]
        assert chart.points() == expected and len(expected) == 8
        image = chart.grab().toImage()
        assert not image.isNull()
        # Something was drawn in the plotting area beyond the white background.
        assert len({image.pixel(x, image.height() // 2) for x in range(image.width())}) > 2


def test_closed_cycle_is_read_only(qtbot, demo_copy: Path, answers) -> None:
    window, page = open_page(qtbot, demo_copy)
    stack = window.session.undo_stack
    pick_cycle(window, "2026-Q3")
    qtbot.waitUntil(lambda: page.read_only, timeout=3000)
    assert "2026-Q3 is closed and read-only" in page.banner.text()
    assert not page.save_button.isEnabled() and not page.date_edit.isEnabled()
    kr = page.key_result_ids()[0]
    before = last_check_in(window.session.ws, kr)
    start_at(page, kr)
    type_text(qtbot, "9")  # no editor opens
    assert not isinstance(QApplication.focusWidget(), QLineEdit)
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert last_check_in(window.session.ws, kr) == before
    assert stack.count() == 0
    assert page.history.table.rowCount() > 0
    assert not page.history.correct_button.isEnabled()
    assert not page.history.delete_button.isEnabled()


def test_one_to_ten_confidence_and_milestones(qtbot, demo_copy: Path, answers) -> None:
    window, page = open_page(qtbot, demo_copy)
    ws = window.session.ws
    set_confidence_scale(ws, "1-10")
    qtbot.waitUntil(lambda: page.scale == "1-10", timeout=3000)
    page.date_edit.setDate(QDate(NEXT_WEEK))
    milestone = next(r.kr.id for r in page.grid.rows if r is not None and r.kr.kind == "milestone")
    start_at(page, milestone)
    type_text(qtbot, "d")  # the done / not done choice
    press(qtbot, Qt.Key.Key_Tab)
    assert isinstance(QApplication.focusWidget(), QSpinBox)
    type_text(qtbot, "8")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = last_check_in(ws, milestone)
    assert (saved.date, saved.value, saved.confidence_score, saved.confidence) == (
        NEXT_WEEK,
        1.0,
        8,
        "on_track",
    )


@pytest.mark.parametrize("team", ["Online Shop"])
def test_other_teams_and_no_team(qtbot, demo_copy: Path, answers, team: str) -> None:
    window, page = open_page(qtbot, demo_copy, team)
    assert page.heading.text().startswith(f"Check-in · {team} · 2026-Q4")
    assert len(page.key_result_ids()) > 0
    window.session.create("cycle", name="2027-Q1", start_date="2027-01-01", end_date="2027-03-31")
    qtbot.waitUntil(lambda: window.navigator.cycle_box.count() == 3)
    pick_cycle(window, "2027-Q1")  # no objectives there yet
    qtbot.waitUntil(lambda: page.key_result_ids() == [])
    assert f"{team} has no key results in 2027-Q1 yet" in page.banner.text()
    page.set_context(None, None)
    assert page.key_result_ids() == []
    assert "Pick a cycle and a team" in page.banner.text()


@pytest.mark.parametrize(("typed", "value"), [("0.125", 0.125), ("0.0000001", 1e-7)])
def test_a_checked_in_number_is_stored_and_shown_as_typed(
    qtbot, demo_copy: Path, answers, typed: str, value: float
) -> None:
    window, page = open_page(qtbot, demo_copy)
    ws = window.session.ws
    page.date_edit.setDate(QDate(NEXT_WEEK))
    kr = page.key_result_ids()[1]
    start_at(page, kr)
    type_text(qtbot, typed)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert last_check_in(ws, kr).value == value
    # The grid pre-fills the next check-in with it, exactly: Enter there saves it again.
    qtbot.waitUntil(lambda: page.grid.item(page.grid.row_of(kr), VALUE).text() == typed)
    assert page.history.table.item(0, 1).text() == typed


@pytest.mark.parametrize(("typed", "value"), [("0.125", 0.125), ("0.0000001", 1e-7)])
def test_a_corrected_check_in_keeps_the_number_as_typed(
    qtbot, demo_copy: Path, answers, typed: str, value: float
) -> None:
    window, page = open_page(qtbot, demo_copy)
    ws = window.session.ws
    kr = page.key_result_ids()[1]
    page.grid.select_key_result(kr)
    panel = page.history
    panel.table.setCurrentCell(0, 0)
    panel.start_correcting()
    type_text(qtbot, typed)
    press(qtbot, Qt.Key.Key_Return)
    assert last_check_in(ws, kr).value == value
    qtbot.waitUntil(lambda: panel.table.item(0, 1).text() == typed)

    # Correcting it again to the same text leaves it as it is.
    panel.table.setCurrentCell(0, 0)
    panel.start_correcting()
    type_text(qtbot, typed)
    press(qtbot, Qt.Key.Key_Return)
    assert last_check_in(ws, kr).value == value
    assert panel.table.item(0, 1).text() == typed


def test_pre_filled_rows_look_untouched_until_typed_in(qtbot, demo_copy: Path, answers) -> None:
    """The last check-in's value and confidence show grey and italic, not in the black of
    this week's answers; typing in a row turns that row's cells black."""
    _window, page = open_page(qtbot, demo_copy)
    untouched, typed = page.key_result_ids()[:2]
    grid = page.grid

    def looks_typed(kr_id: str) -> list[bool]:
        cells = [grid.item(grid.row_of(kr_id), column) for column in (VALUE, CONFIDENCE)]
        return [not c.font().italic() and c.foreground().color() != UNTOUCHED_TEXT for c in cells]

    assert grid.item(grid.row_of(typed), VALUE).text() == "22"  # pre-filled: last week's
    assert looks_typed(untouched) == looks_typed(typed) == [False, False]
    start_at(page, typed)
    type_text(qtbot, "22")  # "still 22": the same value, now confirmed
    press(qtbot, Qt.Key.Key_Tab)
    assert looks_typed(typed) == [True, True]
    assert looks_typed(untouched) == [False, False]
    grab = grid.viewport().grab().toImage()  # what is painted follows the items
    rect = grid.visualRect(grid.model().index(grid.row_of(untouched), VALUE))
    painted = {
        grab.pixelColor(x, y).name()
        for x in range(rect.left(), rect.right())
        for y in range(rect.top(), rect.bottom())
    }
    assert "#000000" not in painted and UNTOUCHED_TEXT.name() in painted


def test_rows_stay_where_they_are_when_a_value_is_typed(qtbot, demo_copy: Path, answers) -> None:
    """Rows sized while the grid was narrow jumped to their right height once one was
    edited, and the next click landed on another key result (seen under X11)."""
    window, page = open_page(qtbot, demo_copy)
    window.resize(1366, 768)
    qtbot.wait(50)  # a check that nothing moves: the resize's deferred row fitting runs first
    grid = page.grid
    rows = [grid.row_of(kr) for kr in page.key_result_ids()]
    where = [grid.rowViewportPosition(row) for row in rows]
    start_at(page, page.key_result_ids()[0])
    type_text(qtbot, "7")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.wait(50)  # nothing to wait for: the rows must not move in the turns that follow
    assert [grid.rowViewportPosition(row) for row in rows] == where


def test_a_value_typed_then_taken_out_leaves_nothing_to_save(
    qtbot, demo_copy: Path, answers
) -> None:
    window, page = open_page(qtbot, demo_copy)
    page.date_edit.setDate(QDate(NEXT_WEEK))
    first, second = page.key_result_ids()[:2]
    start_at(page, first)
    type_text(qtbot, "9")
    press(qtbot, Qt.Key.Key_Tab)
    start_at(page, second)
    type_text(qtbot, "3")  # a slip: typed into the wrong row …
    press(qtbot, Qt.Key.Key_Backspace)  # … and taken out again
    press(qtbot, Qt.Key.Key_Tab)
    grid = page.grid
    assert [r.kr.id for _i, r in grid.touched_rows()] == [first]
    assert not grid.row_at(grid.row_of(second)).touched
    before = last_check_in(window.session.ws, second)
    page.save_button.click()
    assert last_check_in(window.session.ws, first).value == 9.0
    assert last_check_in(window.session.ws, second) == before  # nothing for the slip
