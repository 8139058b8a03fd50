"""The end of a cycle, driven through the real widgets on a copy of the demo workspace:
the state bar, grading, the retrospective with carry-forward, closing, and KPIs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget

from okrdesk.formatting import score_text
from okrdesk.services import entities
from okrdesk.services.coaching import check_workspace
from okrdesk.services.kpis import list_kpis
from okrdesk.services.retrospective import load_retrospective
from okrdesk.services.review import grade_key_result, review
from okrdesk.services.views import okr_tree
from okrdesk.services.workspace import Workspace
from tests.ui.workspace_helpers import ids
from ui.app import Windows
from ui.review import CycleReviewWidget
from ui.review import prompts as review_prompts
from ui.review.grade_rows import KeyResultRow
from ui.session import WorkspaceSession

MEDIAN_FROM_22 = "Cut median hands-on rebuild time from 22 hours to 19"  # carried forward
READY = "Raise rebuilt two-group machines ready to ship from 1 to 6"
MEDIAN = "Cut median hands-on rebuild time from 24 hours to 19"
RETURNS = "Reduce machines returning within 30 days of delivery from 7% to 3%"
FIRST_OBJECTIVE = "Always have a rebuilt machine ready to leave the door"
GRINDER = "Prototype a grinder that carries our name"
TICKETS = "Open repair tickets in the workshop"
CALLOUTS = "Callouts reached within four hours"


def carried(qtbot, retro) -> None:
    """Carrying forward runs off the UI thread: wait until it has said how it went."""
    qtbot.waitUntil(lambda: "Carrying" not in retro.result.text(), timeout=10000)


@pytest.fixture
def widget(qtbot, session: WorkspaceSession) -> CycleReviewWidget:
    w = CycleReviewWidget(session)
    qtbot.addWidget(w)
    w.resize(1100, 768)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    ws = session.ws
    w.set_context(ids(ws, "cycle")["2026-Q4"], ids(ws, "team")["Workshop"])
    return w


def type_into(qtbot, field: QWidget, text: str) -> None:
    """Type ASCII (non-ASCII aborts Qt's test library) and leave the field (saves it)."""
    qtbot.waitUntil(field.isVisible, timeout=2000)  # new widgets show on the next event loop
    field.setFocus()
    field.selectAll()  # type: ignore[attr-defined]
    if text:
        qtbot.keyClicks(field, text)
    else:
        qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClick(field, Qt.Key.Key_Tab)


def row(w: CycleReviewWidget, title: str) -> KeyResultRow:
    for card in w.review.cards.values():
        for r in card.rows.values():
            if r.kr.title == title:
                return r
    raise AssertionError(f"no row for {title!r}")


def graded(ws: Workspace, title: str):
    view = review(ws, "2026-Q4", "Workshop")
    return next(kr for o in view.teams[0].objectives for kr in o.key_results if kr.title == title)


def move(w: CycleReviewWidget, state: str) -> None:
    w.review.state_bar.buttons[state].click()


def to_review(w: CycleReviewWidget, answers) -> None:
    answers.confirm = True
    move(w, "review")
    assert w.review.view is not None and w.review.view.state == "review"


# -- the cycle's state and the review ----------------------------------------------------------


def test_moving_to_review_pre_fills_grades_which_can_be_overridden_and_undone(
    qtbot, widget: CycleReviewWidget, session: WorkspaceSession, answers
) -> None:
    w, ws = widget, session.ws
    bar = w.review.state_bar
    assert "2026-Q4" in bar.state_label.text() and "active" in bar.state_label.text()
    assert [b.text() for b in bar.buttons.values()] == ["Move to review"]  # has check-ins
    assert row(w, MEDIAN).grade.text() == ""  # a running cycle previews, grades nothing
    assert row(w, MEDIAN).suggested.text() == "0.4"
    running = next(c for c in w.review.cards.values() if c.objective.title == FIRST_OBJECTIVE)
    assert not running.outcome.isVisibleTo(running)  # not "Missed" in the middle of a quarter

    answers.confirm = False  # asked first, saying what it does; "no" changes nothing
    move(w, "review")
    assert "33 key results get a grade pre-filled" in answers.questions[-1]
    assert w.review.view is not None and w.review.view.state == "active"

    to_review(w, answers)
    assert "33 grades pre-filled" in bar.result.text()
    assert [b.text() for b in bar.buttons.values()] == ["Close the cycle", "Back to tracking"]
    assert row(w, MEDIAN).grade.text() == "0.4"
    assert row(w, READY).grade.text() == "0.3"
    qtbot.waitUntil(lambda: "33 of 33 key results graded" in w.review.graded.text())
    card = next(c for c in w.review.cards.values() if c.objective.title == FIRST_OBJECTIVE)
    assert card.kind.text() == "Committed"
    assert card.outcome.text() == "Missed"
    assert card.band.text() == "Red"
    grinder = next(c for c in w.review.cards.values() if c.objective.title == GRINDER)
    assert (grinder.kind.text(), grinder.outcome.text()) == ("Aspirational", "Short of success")

    # Override one grade, with a comment: two undo steps, each saved on leaving the field.
    steps = session.undo_stack.count()
    median = row(w, MEDIAN)
    type_into(qtbot, median.grade, "0.9")
    type_into(qtbot, median.comment, "Descaling tank came in week 9")
    assert (graded(ws, MEDIAN).grade, graded(ws, MEDIAN).comment) == (
        0.9,
        "Descaling tank came in week 9",
    )
    assert graded(ws, MEDIAN).overridden
    assert session.undo_stack.count() == steps + 2
    assert median.suggested.text() == "0.4 · changed"
    objective = review(ws, "2026-Q4", "Workshop").teams[0].objectives[0]
    assert objective.score is not None and objective.score > 0.25  # was 0.25 before
    assert card.score.text() == f"Score {score_text(objective.score)}"

    session.undo_stack.undo()
    assert graded(ws, MEDIAN).comment == "" and median.comment.text() == ""
    session.undo_stack.undo()
    assert graded(ws, MEDIAN).grade == 0.4 and median.grade.text() == "0.4"
    session.undo_stack.redo()
    session.undo_stack.redo()
    assert (graded(ws, MEDIAN).grade, median.grade.text()) == (0.9, "0.9")
    assert median.comment.text() == "Descaling tank came in week 9"

    # An impossible grade is refused where it was typed; nothing is stored, nothing undone.
    returns = row(w, RETURNS)
    type_into(qtbot, returns.grade, "1.5")
    assert returns.error.isVisible()
    assert "between 0 and 1" in returns.error.text()
    assert returns.grade.text() == "1.5"  # what was typed stays, to be corrected
    assert "b00020" in returns.grade.styleSheet()
    assert graded(ws, RETURNS).grade == 0.0
    assert session.undo_stack.count() == steps + 2
    type_into(qtbot, returns.grade, "0.1")
    assert not returns.error.isVisible() and graded(ws, RETURNS).grade == 0.1

    # Clearing a grade goes back to the suggestion.
    type_into(qtbot, median.grade, "")
    assert graded(ws, MEDIAN).grade == 0.4

    # The objective's own score: empty is the weighted mean; a typed one replaces it.
    type_into(qtbot, card.override, "0.5")
    assert card.score.text() == "Score 0.5" and card.band.text() == "Amber"
    session.undo_stack.undo()
    assert card.override.text() == "" and card.score.text() != "Score 0.5"


def test_a_closed_cycle_is_read_only_until_reopened(
    qtbot, widget: CycleReviewWidget, session: WorkspaceSession, answers
) -> None:
    w, ws = widget, session.ws
    to_review(w, answers)
    move(w, "closed")
    assert "read-only" in answers.questions[-1] and "not an undo step" in answers.questions[-1]
    assert w.review.view is not None and w.review.view.state == "closed"
    assert w.review.banner.isVisible() and "read-only" in w.review.banner.text()
    median = row(w, MEDIAN)
    assert median.grade.isReadOnly() and median.comment.isReadOnly()
    qtbot.keyClicks(median.grade, "1")
    qtbot.keyClick(median.grade, Qt.Key.Key_Tab)
    assert graded(ws, MEDIAN).grade == 0.4
    assert [b.text() for b in w.review.state_bar.buttons.values()] == ["Reopen for review"]

    w.show_part("retrospective")
    retro = w.retrospective
    assert retro.banner.isVisible()
    assert retro.answers["achieved"].widget.isReadOnly()
    assert not any(c.isEnabled() for c in retro.findChildren(QComboBox))

    w.show_part("review")
    move(w, "review")
    assert "editable again" in answers.questions[-1]
    assert not w.review.banner.isVisible()
    assert not median.grade.isReadOnly()
    type_into(qtbot, median.grade, "0.5")
    assert graded(ws, MEDIAN).grade == 0.5


# -- the retrospective and carrying forward ----------------------------------------------------


def decide(w: CycleReviewWidget, title: str, decision: str) -> None:
    table = w.retrospective.table
    item_id = next(i for i, item in table.items.items() if item.title == title)
    combo = table.combos[item_id]
    index = combo.findText(decision)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def note_field(w: CycleReviewWidget, title: str) -> QLineEdit:
    table = w.retrospective.table
    item_id = next(i for i, item in table.items.items() if item.title == title)
    return table.notes[item_id].widget  # type: ignore[return-value]


def test_a_retrospective_with_carry_forward_makes_the_next_cycles_drafts(
    qtbot, widget: CycleReviewWidget, session: WorkspaceSession, answers
) -> None:
    w, ws = widget, session.ws
    to_review(w, answers)
    before = {kr.title: kr for o in okr_tree(ws, "2026-Q4", "Workshop").teams[0].objectives
              for kr in o.key_results}  # fmt: skip
    old_objective = okr_tree(ws, "2026-Q4", "Workshop").teams[0].objectives[0]
    w.show_part("retrospective")
    retro = w.retrospective
    assert retro.heading.text() == "Workshop · retrospective of 2026-Q4"

    written = {
        "achieved": "Rebuild time fell to 21 hours: the descaling tank paid off.",
        "missed": "The ready shelf stayed short: parts came late.",
        "process": "Friday check-ins at the bench kept us honest.",
        "keep_doing": "Friday check-ins.",
        "stop_doing": "Starting rebuilds without the parts.",
        "start_doing": "A parts list per machine before it enters the bench.",
    }
    for name, text in written.items():
        type_into(qtbot, retro.answers[name].widget, text)
    assert load_retrospective(ws, "Workshop", "2026-Q4").answers == written
    session.undo_stack.undo()
    assert load_retrospective(ws, "Workshop", "2026-Q4").answers["start_doing"] == ""
    assert retro.answers["start_doing"].widget.text() == ""
    session.undo_stack.redo()
    assert retro.answers["start_doing"].widget.text() == written["start_doing"]

    assert retro.carry_button.text() == "Carry forward into 2027-Q1"
    assert not retro.carry_button.isEnabled()  # nothing decided yet
    decide(w, MEDIAN, "Carry")
    decide(w, READY, "Done")
    decide(w, RETURNS, "Modify")
    decide(w, GRINDER, "Drop")
    type_into(qtbot, note_field(w, RETURNS), "Count returns by cause first")
    decisions = {i.title: (i.decision, i.note) for i in retro.view.items}  # type: ignore[union-attr]
    assert decisions[MEDIAN] == ("carry", "")
    assert decisions[RETURNS] == ("modify", "Count returns by cause first")
    assert decisions[GRINDER] == ("drop", "")
    assert decisions[FIRST_OBJECTIVE] == (None, "")
    assert "1 objective with 2 key results in 2027-Q1 (a new cycle), 1 to reword" in (
        retro.carry_summary.text()
    )
    session.undo_stack.undo()  # the note
    assert note_field(w, RETURNS).text() == ""
    session.undo_stack.redo()
    assert note_field(w, RETURNS).text() == "Count returns by cause first"

    answers.confirm = False
    retro.carry_button.click()
    assert "into 2027-Q1" in answers.questions[-1]
    assert "1 becomes a draft to reword" in answers.questions[-1]
    assert "2027-Q1" not in ids(ws, "cycle")
    answers.confirm = True
    retro.carry_button.click()
    carried(qtbot, retro)
    assert "Carried into 2027-Q1 (new cycle): 1 objective, 2 key results, 1 draft to reword" in (
        retro.result.text()
    )

    def check_drafts() -> str:
        tree = okr_tree(ws, "2027-Q1", "Workshop")
        assert tree.cycle.state == "planning"
        (new,) = tree.teams[0].objectives
        assert new.title == FIRST_OBJECTIVE and new.status == "draft"  # modify: to reword
        assert (new.kind, new.owner) == (old_objective.kind, old_objective.owner)
        assert "To reword:" in new.why and "Count returns by cause first" in new.why
        # The carried sentence says where the key result now starts; the coach agrees.
        assert [kr.title for kr in new.key_results] == [MEDIAN_FROM_22, RETURNS]
        assert before[MEDIAN].current == 22
        assert not [
            f
            for f in check_workspace(ws, "2027-Q1", "Workshop")
            if f.finding.rule == "key-result-numbers-disagree"
        ]
        for kr in new.key_results:
            old = before[MEDIAN if kr.title == MEDIAN_FROM_22 else kr.title]
            assert kr.start == old.current  # starts where it stood
            assert (kr.target, kr.unit, kr.kind, kr.owner, kr.direction) == (
                old.target,
                old.unit,
                old.kind,
                old.owner,
                old.direction,
            )
            assert kr.current is None
        return new.id

    first_id = check_drafts()
    assert len(okr_tree(ws, "2026-Q4", "Workshop").teams[0].objectives) == 2  # the old stay

    # Undo takes out what it made (here: the new cycle); redo brings back the very same.
    session.undo_stack.undo()
    assert "2027-Q1" not in ids(ws, "cycle")
    session.undo_stack.redo()
    assert check_drafts() == first_id

    # Once per retrospective: the button says it is done and is off (it asked again, then
    # refused); undoing the carry brings it back.
    qtbot.waitUntil(lambda: not retro.carry_button.isEnabled(), timeout=2000)
    assert retro.carry_button.text() == "Carried forward into 2027-Q1"
    session.undo_stack.undo()
    qtbot.waitUntil(retro.carry_button.isEnabled, timeout=2000)
    assert retro.carry_button.text() == "Carry forward into 2027-Q1"
    session.undo_stack.redo()
    qtbot.waitUntil(lambda: not retro.carry_button.isEnabled(), timeout=2000)


# -- KPIs --------------------------------------------------------------------------------------


def kpi(ws: Workspace, name: str):
    return next(k for k in list_kpis(ws) if k.name == name)


def test_kpis_flag_out_of_range_take_values_and_start_an_objective(
    qtbot, widget: CycleReviewWidget, session: WorkspaceSession, answers, monkeypatch
) -> None:
    w, ws = widget, session.ws
    w.show_part("kpis")
    page = w.kpis
    table = page.table
    tickets = table.row_of(TICKETS)
    assert table.item(tickets, 5).text() == "OUT OF RANGE\n(too high)"
    assert table.item(tickets, 5).background().color().name() == "#fbe0dc"
    assert table.item(tickets, 2).text() == "at most 25 tickets"
    assert table.item(tickets, 3).text() == "33 tickets\non 23 Nov 2026"
    assert table.item(table.row_of(CALLOUTS), 5).text() == "In range"
    assert "2 out of their healthy range" in page.summary.text()

    table.selectRow(table.row_of(CALLOUTS))
    assert not page.start_button.isEnabled()  # nothing to bring back
    table.selectRow(tickets)
    assert page.start_button.isEnabled()

    # A value for a new day; and one replacing a day's value, which undo puts back.
    page.date.setDate(QDate(2026, 11, 30))
    type_into(qtbot, page.value, "35")
    page.add_value_button.click()
    assert (kpi(ws, TICKETS).latest, kpi(ws, TICKETS).latest_date) == (35.0, date(2026, 11, 30))
    assert table.item(table.row_of(TICKETS), 3).text() == "35 tickets\non 30 Nov 2026"
    session.undo_stack.undo()
    assert kpi(ws, TICKETS).latest_date == date(2026, 11, 23)
    session.undo_stack.redo()
    assert kpi(ws, TICKETS).latest == 35.0
    page.date.setDate(QDate(2026, 11, 23))
    type_into(qtbot, page.value, "30")
    page.add_value_button.click()
    assert dict(kpi(ws, TICKETS).values)[date(2026, 11, 23)] == 30.0
    session.undo_stack.undo()
    assert dict(kpi(ws, TICKETS).values)[date(2026, 11, 23)] == 33.0
    type_into(qtbot, page.value, "lots")
    page.add_value_button.click()
    assert page.error.isVisible() and "must be a number" in page.error.text()

    # Start a draft objective from it, in the current cycle.
    table.selectRow(table.row_of(TICKETS))
    page.start_button.click()
    assert "added for Workshop in 2026-Q4" in page.result.text()
    shown: list[str] = []
    w.objective_activated.connect(shown.append)
    objectives = okr_tree(ws, "2026-Q4", "Workshop").teams[0].objectives
    draft = next(o for o in objectives if o.title.startswith("Bring Open repair tickets"))
    assert draft.status == "draft"
    (kr,) = draft.key_results
    assert (kr.start, kr.target, kr.unit) == (35.0, 25.0, "tickets")
    page.result.linkActivated.emit(draft.id)
    assert shown == [draft.id]
    session.undo_stack.undo()
    assert draft.id not in {o.id for o in okr_tree(ws, "2026-Q4", "Workshop").teams[0].objectives}


def test_kpis_are_added_edited_and_deleted_undoably(
    qtbot, widget: CycleReviewWidget, session: WorkspaceSession, answers, monkeypatch
) -> None:
    w, ws = widget, session.ws
    w.show_part("kpis")
    page = w.kpis
    forms: list[dict] = []

    def form(_parent, title, values, teams):
        forms.append({"title": title, "values": values, "teams": teams})
        return replies.pop(0)

    monkeypatch.setattr(review_prompts, "kpi_form", form)
    workshop = ids(ws, "team")["Workshop"]
    replies = [
        {"name": "Bench hours", "team_id": workshop, "unit": "h", "healthy_low": "30",
         "healthy_high": "20"},  # refused: comes back with what was typed
        {"name": "Bench hours", "team_id": workshop, "unit": "h", "healthy_low": "20",
         "healthy_high": "30"},
    ]  # fmt: skip
    page.new_button.click()
    assert answers.errors and forms[1]["values"]["healthy_low"] == "30"
    assert any(name.strip() == "Workshop" for _id, name in forms[0]["teams"])
    made = kpi(ws, "Bench hours")
    assert (made.team, made.healthy_low, made.healthy_high) == ("Workshop", 20.0, 30.0)
    row = page.table.row_of("Bench hours")
    assert page.table.item(row, 5).text() == "No values yet"
    assert page.table.current_id() == made.id

    replies.append(
        {"name": "Bench hours per week", "team_id": workshop, "unit": "h",
         "healthy_low": "20", "healthy_high": "30"}
    )  # fmt: skip
    page.edit_button.click()
    assert forms[-1]["values"]["name"] == "Bench hours"
    assert kpi(ws, "Bench hours per week").id == made.id

    answers.confirm = True
    page.table.select_id(made.id)
    page.delete_button.click()
    assert "Bench hours per week" not in {k.name for k in list_kpis(ws)}
    session.undo_stack.undo()
    assert page.table.row_of("Bench hours per week") >= 0


def test_carrying_into_an_existing_cycle_undoes_cleanly(
    qtbot, widget: CycleReviewWidget, session: WorkspaceSession, answers
) -> None:
    """Undo takes out the drafts and the themes it added, and points links that a later
    carry re-pointed back where they were; redo restores the very same rows."""
    w, ws = widget, session.ws
    cycles, teams = ids(ws, "cycle"), ids(ws, "team")
    w.set_context(cycles["2026-Q3"], teams["Workshop"])
    answers.confirm = True
    move(w, "review")  # reopen the closed quarter
    w.show_part("retrospective")
    retro = w.retrospective
    assert retro.carry_button.text() == "Carry forward into 2026-Q4"

    def q4(team: str):
        return okr_tree(ws, "2026-Q4", team).teams[0].objectives

    def q4_themes() -> set[str]:
        return {t["name"] for t in entities.list_items(ws, "theme", cycle_id=cycles["2026-Q4"])}

    def links_of(objective_id: str) -> list[str | None]:
        return [
            x["parent_objective_id"]
            for x in entities.list_items(ws, "alignment_link", objective_id=objective_id)
        ]

    themes_before = q4_themes()
    retro.carry_button.click()
    carried(qtbot, retro)
    assert "Carried into 2026-Q4: 1 objective, 2 key results" in retro.result.text()
    (draft,) = [o for o in q4("Workshop") if o.status == "draft"]
    assert q4_themes() - themes_before  # its theme came along
    old_parents = links_of(draft.id)
    assert old_parents  # it supports a company objective of 2026-Q3, carried later

    supported = {
        p: entities.get(ws, "objective", p or "") for p in old_parents
    }  # a company objective (marked done) and an Operations one (not carried)
    (company_goal,) = [
        p for p, o in supported.items() if o["team_id"] == teams["Kolbenwerk Espresso"]
    ]

    w.set_context(cycles["2026-Q3"], teams["Kolbenwerk Espresso"])
    decide(w, supported[company_goal]["title"], "Carry")  # the company carries it after all
    company_before = {o.id for o in q4("Kolbenwerk Espresso")}
    retro.carry_button.click()
    carried(qtbot, retro)
    assert "Carried into 2026-Q4: 3 objectives" in retro.result.text()
    company_new = {o.id for o in q4("Kolbenwerk Espresso")} - company_before
    repointed = links_of(draft.id)
    assert company_goal not in repointed  # the draft now supports the company's carried one
    assert len(set(repointed) & company_new) == 1

    session.undo_stack.undo()  # the company's carry: the Workshop draft keeps its link
    assert {o.id for o in q4("Kolbenwerk Espresso")} == company_before
    assert links_of(draft.id) == old_parents
    session.undo_stack.redo()
    assert {o.id for o in q4("Kolbenwerk Espresso")} - company_before == company_new
    assert links_of(draft.id) == repointed

    session.undo_stack.undo()
    session.undo_stack.undo()  # the decision
    session.undo_stack.undo()  # the Workshop's carry: its draft and its theme go
    assert not [o for o in q4("Workshop") if o.id == draft.id]
    assert q4_themes() == themes_before
    session.undo_stack.redo()
    assert draft.id in {o.id for o in q4("Workshop")}
    assert q4_themes() - themes_before


def test_mounted_in_the_window_it_follows_the_navigator_and_leads_to_the_okrs(
    qtbot, demo_copy: Path, answers
) -> None:
    window = Windows().open(demo_copy)
    qtbot.addWidget(window)
    window.show_view("review")
    page = window.review_page.content
    qtbot.waitUntil(lambda: page.review.heading.text() == "Kolbenwerk Espresso · review of 2026-Q4")

    ws = window.session.ws
    window.navigator.select(ids(ws, "cycle")["2026-Q3"], ids(ws, "team")["Online Shop"])
    assert page.review.heading.text() == "Online Shop · review of 2026-Q3"
    assert page.review.banner.isVisible()  # 2026-Q3 is closed

    page.show_part("kpis")
    page.kpis.table.selectRow(page.kpis.table.row_of(TICKETS))
    page.kpis.start_button.click()
    assert "added for Workshop in 2026-Q4" in page.kpis.result.text()
    draft = next(
        o
        for o in okr_tree(ws, "2026-Q4", "Workshop").teams[0].objectives
        if o.title.startswith("Bring Open repair tickets")
    )
    page.kpis.result.linkActivated.emit(draft.id)  # "Show it in the OKRs"
    assert window.tabs.currentIndex() == 0
    assert window.heading.text().startswith("Workshop · 2026-Q4")
    assert window.okr_view.current_item() == ("objective", draft.id)


def test_grades_show_and_keep_exactly_what_is_stored(
    qtbot, widget: CycleReviewWidget, session: WorkspaceSession, answers
) -> None:
    w, ws = widget, session.ws
    grade_key_result(ws, graded(ws, MEDIAN).id, 0.125)
    w.review.refresh()
    median = row(w, MEDIAN).grade
    assert median.text() == "0.125"  # not "0.12": what is shown is what Enter saves
    median.setFocus()
    qtbot.keyClick(median, Qt.Key.Key_Return)
    assert graded(ws, MEDIAN).grade == 0.125 and median.text() == "0.125"

    returns = row(w, RETURNS).grade
    type_into(qtbot, returns, "0.125")
    assert graded(ws, RETURNS).grade == 0.125 and returns.text() == "0.125"

    card = next(c for c in w.review.cards.values() if c.objective.title == FIRST_OBJECTIVE)
    type_into(qtbot, card.override, "0.125")
    w.review.refresh()
    assert card.override.text() == "0.125"
    card.override.setFocus()
    qtbot.keyClick(card.override, Qt.Key.Key_Return)
    objectives = review(ws, "2026-Q4", "Workshop").teams[0].objectives
    objective = next(o for o in objectives if o.id == card.objective.id)
    assert (objective.override, card.override.text()) == (0.125, "0.125")


def test_a_kpi_range_and_value_keep_exactly_what_is_typed(
    qtbot, widget: CycleReviewWidget, session: WorkspaceSession, answers
) -> None:
    w, ws = widget, session.ws
    w.show_part("kpis")
    page = w.kpis
    callouts = kpi(ws, CALLOUTS).id
    entities.update(ws, "kpi", callouts, healthy_low=0.125, healthy_high=0.25)
    page.refresh()
    page.table.select_id(callouts)
    shown: list[tuple[str, str]] = []

    def in_the_dialog(low_typed: str | None) -> None:
        """Read the real dialog's range fields, perhaps type a new low, press Enter."""
        dialog = QApplication.activeModalWidget()
        low = dialog.findChild(QLineEdit, "kpiHealthyLow")
        high = dialog.findChild(QLineEdit, "kpiHealthyHigh")
        shown.append((low.text(), high.text()))
        if low_typed is not None:
            low.selectAll()
            qtbot.keyClicks(low, low_typed)
        qtbot.keyClick(low, Qt.Key.Key_Return)  # the dialog's OK
        if dialog.isVisible():  # (never leave a test waiting on a modal dialog)
            dialog.reject()

    QTimer.singleShot(0, lambda: in_the_dialog(None))
    page.edit_button.click()
    assert shown == [("0.125", "0.25")]
    assert (kpi(ws, CALLOUTS).healthy_low, kpi(ws, CALLOUTS).healthy_high) == (0.125, 0.25)

    entities.update(ws, "kpi", callouts, healthy_low=0.0625)
    QTimer.singleShot(0, lambda: in_the_dialog("0.125"))
    page.edit_button.click()
    assert shown[-1] == ("0.0625", "0.25")
    assert kpi(ws, CALLOUTS).healthy_low == 0.125

    # A value typed and entered is stored as typed; the field empties for the next one.
    page.date.setDate(QDate(2026, 11, 30))
    page.value.setFocus()
    qtbot.keyClicks(page.value, "0.125")
    qtbot.keyClick(page.value, Qt.Key.Key_Return)
    assert (kpi(ws, CALLOUTS).latest, page.value.text()) == (0.125, "")
