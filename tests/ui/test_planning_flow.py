"""The planning session's flow as a facilitator meets it: the period asked first, the kind of
organisation, what the step list ticks, and where a new team starts. Real widgets, real files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from okrdesk.services import entities, organisation, periods
from okrdesk.services.workspace import Workspace
from ui.alignment_view import AlignmentView
from ui.app import Windows
from ui.guided import GuidedSessionWidget
from ui.guided.foundation import FoundationPage
from ui.main_window import MainWindow
from ui.new_cycle_dialog import NewCycleDialog
from ui.session import WorkspaceSession

LEFT = Qt.MouseButton.LeftButton
DECEMBER = date(2026, 12, 4)  # four weeks before 2026-Q4 ends


@pytest.fixture
def session(tmp_path: Path):
    opened = WorkspaceSession(Workspace.create(tmp_path / "school.okrdesk"))
    yield opened
    opened.close()


@pytest.fixture
def demo_session(demo_copy: Path):
    opened = WorkspaceSession(Workspace.open(demo_copy))
    yield opened
    opened.close()


def guided(qtbot, session: WorkspaceSession, today: date = DECEMBER) -> GuidedSessionWidget:
    widget = GuidedSessionWidget(session, today=lambda: today)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


def settle(qtbot, widget: GuidedSessionWidget) -> None:
    qtbot.waitUntil(lambda: not widget.refresh_pending, timeout=2000)


def foundation_of(widget: GuidedSessionWidget) -> FoundationPage:
    page = widget.pages[0]
    assert isinstance(page, FoundationPage)
    return page


def name_it(qtbot, widget: GuidedSessionWidget, name: str) -> None:
    field = foundation_of(widget).name_edit
    field.setFocus()
    field.selectAll()  # a new file is called "My organisation" until named
    qtbot.keyClicks(field, name)


def next_step(qtbot, widget: GuidedSessionWidget) -> None:
    qtbot.mouseClick(widget.next_button, LEFT)
    settle(qtbot, widget)


def choose_kind(qtbot, widget: GuidedSessionWidget, word: str) -> None:
    """Pick a kind in the foundation's box with the arrow keys, as a person would."""
    box = foundation_of(widget).kind_box
    box.setFocus()
    target = box.findText(word)
    while box.currentIndex() != target:
        qtbot.keyClick(box, Qt.Key.Key_Down if box.currentIndex() < target else Qt.Key.Key_Up)
    settle(qtbot, widget)


# -- defect 10: a step is done only when something is done in it --------------------------------


def test_alignment_is_not_ticked_before_there_is_an_objective(qtbot, session) -> None:
    w = guided(qtbot, session)
    name_it(qtbot, w, "Hillside School")
    next_step(qtbot, w)
    assert w.header.text() == "Step 2 of 7 — Themes"
    alignment = w.steps.buttons[5]
    assert alignment.mark.text() == "6"  # not ✓: there is nothing to align yet
    assert alignment.reason.text() == "no objectives yet"
    assert "not done" in alignment.accessibleName()
    assert [b.mark.text() for b in w.steps.buttons[1:]] == ["2", "3", "4", "5", "6", "7"]

    # One objective at the top of the tree: now step 6 has something done in it.
    qtbot.mouseClick(w.steps.buttons[2], LEFT)
    editor = w.current_page.editor
    editor.title_edit.setFocus()
    qtbot.keyClicks(editor.title_edit, "Make reading a daily pleasure")
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Return)
    settle(qtbot, w)
    assert alignment.mark.text() == "✓"
    assert alignment.reason.text() == "the company's objectives are the top of the tree"


# -- choosing the cycle: the period is asked first ----------------------------------------------


def test_in_december_an_empty_workspace_offers_the_next_quarter(qtbot, session) -> None:
    w = guided(qtbot, session)
    page = foundation_of(w)
    picker = page.period_picker
    assert picker.isVisible()
    assert picker.choice_box.currentText() == "Next quarter: 2027-Q1  (01 Jan – 31 Mar 2027)"
    assert picker.hint.text() == "2026-Q4 ends in 4 weeks: the next quarter is suggested."
    assert "the cycle 2027-Q1 (01 Jan – 31 Mar 2027) to plan in" in page.note.text()
    texts = [picker.choice_box.itemText(i) for i in range(picker.choice_box.count())]
    assert texts == [
        "This quarter: 2026-Q4  (01 Oct – 31 Dec 2026)",
        "Next quarter: 2027-Q1  (01 Jan – 31 Mar 2027)",
        "Next year: 2027  (01 Jan – 31 Dec 2027)",
        "Custom dates…",
    ]

    name_it(qtbot, w, "Hillside School")
    with qtbot.waitSignal(w.context_changed) as created:
        qtbot.mouseClick(w.next_button, LEFT)
    settle(qtbot, w)
    cycle = entities.get(session.ws, "cycle", created.args[0])
    assert (cycle["name"], cycle["kind"], cycle["start_date"]) == (
        "2027-Q1",
        "quarter",
        date(2027, 1, 1),
    )
    assert not picker.isVisible()  # asked once: the cycle is switched at the top from now on
    assert w.bar.cycle_box.currentText().startswith("2027-Q1")


def test_a_year_or_a_custom_range_can_be_chosen_instead(qtbot, session) -> None:
    w = guided(qtbot, session, today=date(2026, 5, 12))
    picker = foundation_of(w).period_picker
    assert picker.choice_box.currentText().startswith("This quarter: 2026-Q2")
    assert picker.hint.text() == ""
    picker.choice_box.setFocus()
    qtbot.keyClick(picker.choice_box, Qt.Key.Key_End)  # "Custom dates…"
    assert picker.custom_row.isVisible()
    picker.start_edit.setDate(date(2026, 9, 1))
    picker.end_edit.setDate(date(2026, 8, 1))  # before the start: said, nothing created
    name_it(qtbot, w, "Hillside School")
    qtbot.mouseClick(w.next_button, LEFT)
    assert w.header.text() == "Step 1 of 7 — Foundation"
    assert "must end after it starts" in foundation_of(w).period_error.text()
    assert entities.list_items(session.ws, "cycle") == []

    picker.end_edit.setDate(date(2027, 7, 15))
    picker.name_edit.setFocus()
    qtbot.keyClicks(picker.name_edit, "School year 2026-27")
    next_step(qtbot, w)
    assert w.header.text() == "Step 2 of 7 — Themes"
    [cycle] = entities.list_items(session.ws, "cycle")
    assert (cycle["name"], cycle["kind"], cycle["start_date"], cycle["end_date"]) == (
        "School year 2026-27",
        "custom",
        date(2026, 9, 1),
        date(2027, 7, 15),
    )


def test_new_cycle_is_in_the_menu_bar_and_asks_for_the_period(qtbot, demo_copy: Path) -> None:
    window = Windows().open(demo_copy)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    [action] = [a for a in file_menu.actions() if a.text() == "New c&ycle…"]
    action.trigger()
    dialog = window.navigator.cycle_dialog
    assert isinstance(dialog, NewCycleDialog) and dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    # The suggestion is the core's for today; a period whose cycle exists is greyed out.
    existing = periods.cycle_names(window.session.ws)
    suggested = periods.period_choices(date.today(), existing)
    assert dialog.picker.period().name == suggested.suggested.name
    names = {n.casefold() for n in existing}
    box = dialog.picker.choice_box
    model = box.model()
    for n, period in enumerate(suggested.options):
        enabled = bool(model.item(n).flags() & Qt.ItemFlag.ItemIsEnabled)
        assert enabled == (period.name.casefold() not in names), period.name
        assert box.itemText(n).endswith("exists already") == (not enabled)
    assert dialog.kind_box is None  # the kind is asked with the first cycle only

    qtbot.mouseClick(dialog.create_button, LEFT)
    assert not dialog.isVisible()
    assert window.navigator.cycle_box.currentText().startswith(suggested.suggested.name)
    assert window.session.undo_stack.undoText() == f"New cycle {suggested.suggested.name}"


def test_the_dialog_says_why_and_stays_open_when_refused(qtbot, session) -> None:
    session.create("cycle", name="Jan – Jun 2027", start_date="2027-01-01", end_date="2027-06-30")
    dialog = NewCycleDialog(session, lambda: DECEMBER)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.picker.choose("custom")
    dialog.picker.start_edit.setDate(date(2027, 1, 1))
    dialog.picker.end_edit.setDate(date(2027, 6, 30))
    assert dialog.create_button.text() == "Create Jan – Jun 2027"
    qtbot.mouseClick(dialog.create_button, LEFT)
    assert dialog.isVisible()
    assert "already" in dialog.error.text()  # the name is taken
    dialog.picker.name_edit.setFocus()
    qtbot.keyClicks(dialog.picker.name_edit, "First half 2027")
    with qtbot.waitSignal(dialog.created) as created:
        qtbot.mouseClick(dialog.create_button, LEFT)
    assert entities.get(session.ws, "cycle", created.args[0])["name"] == "First half 2027"


def test_the_first_cycle_from_the_dialog_also_asks_the_kind(qtbot, session) -> None:
    dialog = NewCycleDialog(session, lambda: DECEMBER)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.kind_box is not None
    dialog.kind_box.setFocus()
    qtbot.keyClick(dialog.kind_box, Qt.Key.Key_Down)  # company → school
    qtbot.mouseClick(dialog.create_button, LEFT)
    assert organisation.organisation_kind(session.ws) == "school"
    assert periods.cycle_names(session.ws) == ["2027-Q1"]
    session.undo_stack.undo()  # one step takes back both
    assert periods.cycle_names(session.ws) == []
    assert organisation.organisation_kind(session.ws) == "company"


def test_the_planning_bar_makes_a_cycle_and_plans_in_it(qtbot, demo_session) -> None:
    w = guided(qtbot, demo_session, today=DECEMBER)
    team = w.ctx.team_id
    qtbot.mouseClick(w.bar.new_cycle_button, LEFT)
    dialog = w.bar.cycle_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.picker.choose("year")
    with qtbot.waitSignal(w.context_changed):
        qtbot.mouseClick(dialog.create_button, LEFT)
    assert w.ctx.cycle_name() == "2027"
    assert w.ctx.team_id == team
    assert "2027" in w.where.text()


# -- not every organisation is a company ---------------------------------------------------------


def test_a_school_gets_school_words_and_examples(qtbot, session) -> None:
    w = guided(qtbot, session)
    page = foundation_of(w)
    assert page.kind_box.currentText() == "Company"
    assert "sets up the company (named after the organisation)" in page.note.text()
    choose_kind(qtbot, w, "School")
    assert organisation.organisation_kind(session.ws) == "school"
    assert "sets up the school (named after the organisation)" in page.note.text()

    name_it(qtbot, w, "Hillside School")
    next_step(qtbot, w)
    themes = w.current_page.editor.title_edit
    assert themes.placeholderText() == "e.g. Every pupil a reader"
    qtbot.mouseClick(w.steps.buttons[2], LEFT)
    title = w.current_page.editor.title_edit
    assert "Make reading a daily pleasure in every class" in title.placeholderText()
    title.setFocus()
    qtbot.keyClicks(title, "Make reading a daily pleasure")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    settle(qtbot, w)
    qtbot.mouseClick(w.steps.buttons[3], LEFT)
    key_result = w.current_page.editor.title_edit.placeholderText()
    assert "pupils" in key_result and "repeat orders" not in key_result
    qtbot.mouseClick(w.steps.buttons[4], LEFT)
    assert "reading time" in w.current_page.editor.title_edit.placeholderText()
    assert w.steps.buttons[5].reason.text() == "the school's objectives are the top of the tree"

    view = AlignmentView(session)
    qtbot.addWidget(view)
    view.set_context(w.ctx.cycle_id, w.ctx.team_id)
    view.show()  # the view is built when it is shown
    assert "1 at school level" in view.summary.text()
    assert view.model_.index(0, 1).data() == "Hillside School (school)"


def test_a_workspace_that_never_chose_still_says_company(qtbot, demo_session) -> None:
    w = guided(qtbot, demo_session)
    assert foundation_of(w).kind_box.currentText() == "Company"
    w.go_to(3)
    assert (
        "Raise repeat orders from 18% to 25%" in w.current_page.editor.title_edit.placeholderText()
    )
    view = AlignmentView(demo_session)
    qtbot.addWidget(view)
    view.set_context(w.ctx.cycle_id, w.ctx.team_id)
    view.show()
    assert " at company level" in view.summary.text()


# -- a new team starts with its objectives ------------------------------------------------------


def test_after_adding_a_team_the_session_moves_to_its_objectives(qtbot, demo_session) -> None:
    w = guided(qtbot, demo_session)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)
    qtbot.mouseClick(w.steps.buttons[6], LEFT)
    assert w.header.text() == "Step 7 of 7 — Review"
    qtbot.mouseClick(w.bar.new_team_button, LEFT)
    qtbot.keyClicks(w.bar.new_team_name, "Library")
    with qtbot.waitSignal(w.context_changed) as switched:
        qtbot.keyClick(w.bar.new_team_name, Qt.Key.Key_Return)
    assert entities.get(demo_session.ws, "team", switched.args[1])["name"] == "Library"
    assert w.header.text() == "Step 3 of 7 — Objectives"
    assert "Library" in w.where.text()
    assert QApplication.focusWidget() is w.current_page.editor.title_edit
