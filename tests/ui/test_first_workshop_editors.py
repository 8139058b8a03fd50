"""What a facilitator tripped over while writing OKRs in the planning session (issue 13),
driven with real clicks and key presses on real widgets and a real file."""

from __future__ import annotations

from pathlib import Path

from planning_helpers import show_planning, type_as_a_person
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QTreeWidgetItem

from okrdesk.services import entities, organisation, planning
from okrdesk.services.workspace import Workspace
from ui.guided import GuidedSessionWidget
from ui.guided.objectives import ObjectivesPage
from ui.guided.page import KEY_ROLE
from ui.session import WorkspaceSession

LEFT = Qt.MouseButton.LeftButton


def school(qtbot, tmp_path: Path) -> tuple[WorkspaceSession, GuidedSessionWidget, dict]:
    ws = Workspace.create(tmp_path / "school.okrdesk", "Riverside School")
    cycle, top = planning.ensure_cycle_and_company(ws, "Riverside School")
    themes = [
        entities.create(ws, "theme", cycle_id=cycle, name=name)
        for name in ("Readers", "Attendance")
    ]
    entities.create(
        ws,
        "objective",
        cycle_id=cycle,
        team_id=top,
        theme_id=themes[0],
        title="Make reading a habit every pupil enjoys",
    )
    session, widget = show_planning(qtbot, ws)
    return session, widget, {"cycle": cycle, "team": top, "themes": themes}


def node_where(page, wanted) -> QTreeWidgetItem:
    return next(n for n in page._nodes() if wanted(n.data(0, KEY_ROLE), n))


def click(qtbot, tree, node: QTreeWidgetItem) -> None:
    qtbot.mouseClick(tree.viewport(), LEFT, pos=tree.visualItemRect(node).center())


def titles(session: WorkspaceSession, theme: str) -> list[str]:
    return [o["title"] for o in entities.list_items(session.ws, "objective", theme_id=theme)]


def test_clicking_new_objective_puts_the_cursor_in_its_title(qtbot, tmp_path: Path) -> None:
    session, w, ids = school(qtbot, tmp_path)
    w.go_to(2)
    page = w.current_page
    assert isinstance(page, ObjectivesPage)
    attendance = ids["themes"][1]
    new = node_where(
        page, lambda k, _n: k and k[0] == "new" and dict(k[1]).get("theme_id") == attendance
    )
    page.tree.setFocus()
    click(qtbot, page.tree, new)
    type_as_a_person(qtbot, w, "Come to school gladly")
    assert page.editor.title_edit.text() == "Come to school gladly"
    qtbot.keyClick(page.editor.title_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not w.refresh_pending, timeout=2000)
    assert titles(session, attendance) == ["Come to school gladly"]
    session.close()


def test_typing_on_a_theme_heading_starts_a_new_objective_in_it(qtbot, tmp_path: Path) -> None:
    session, w, ids = school(qtbot, tmp_path)
    w.go_to(2)
    page = w.current_page
    attendance = ids["themes"][1]
    heading = node_where(page, lambda k, n: k is None and n.text(0).startswith("Attendance"))
    click(qtbot, page.tree, heading)
    assert page.window().focusWidget() is page.tree
    type_as_a_person(qtbot, w, "Every morning counts")
    assert page.editor.title_edit.text() == "Every morning counts"
    assert w.focusWidget() is page.editor.title_edit
    qtbot.keyClick(page.editor.title_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not w.refresh_pending, timeout=2000)
    assert titles(session, attendance) == ["Every morning counts"]
    session.close()


def test_use_these_numbers_creates_and_fills_a_new_key_result_in_one_click(
    qtbot, tmp_path: Path
) -> None:
    session, w, ids = school(qtbot, tmp_path)
    w.window().resize(1366, 768)
    w.go_to(3)
    page = w.current_page
    objective = entities.list_items(session.ws, "objective", team_id=ids["team"])[0]["id"]
    assert page.select_new(objective_id=objective)
    title = page.editor.title_edit
    title.setFocus()
    type_as_a_person(qtbot, w, "Cut pupils absent on Mondays from 38 to 20 students")
    coach = page.editor.coach
    qtbot.waitUntil(coach.fill_button.isVisible, timeout=3000)
    button = coach.fill_button
    where = button.mapTo(w, button.rect().center())
    qtbot.mousePress(button, LEFT, pos=button.rect().center())
    assert w.focusWidget() is title  # pressing did not leave the field: nothing reflowed
    qtbot.mouseRelease(button, LEFT, pos=button.rect().center())
    qtbot.waitUntil(lambda: not w.refresh_pending, timeout=2000)
    made = entities.list_items(session.ws, "key_result", objective_id=objective)
    assert [(k["title"], k["start"], k["target"], k["unit"]) for k in made] == [
        ("Cut pupils absent on Mondays from 38 to 20 students", 38, 20, "students")
    ]
    # Saved, the form says so in its hint, and nothing moved: a second click lands too.
    assert button.isVisible() and button.mapTo(w, button.rect().center()) == where
    session.close()


def test_enter_saves_a_new_key_result_with_the_numbers_it_reads(qtbot, tmp_path: Path) -> None:
    session, w, ids = school(qtbot, tmp_path)
    w.go_to(3)
    page = w.current_page
    objective = entities.list_items(session.ws, "objective", team_id=ids["team"])[0]["id"]
    assert page.select_new(objective_id=objective)
    page.editor.title_edit.setFocus()
    type_as_a_person(qtbot, w, "Grow books borrowed each week from 180 to 300")
    qtbot.keyClick(page.editor.title_edit, Qt.Key.Key_Return)
    type_as_a_person(qtbot, w, "Every class visits the library")  # the next one: no numbers
    qtbot.keyClick(page.editor.title_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not w.refresh_pending, timeout=2000)
    made = entities.list_items(session.ws, "key_result", objective_id=objective)
    assert [(k["title"], k["start"], k["target"]) for k in made] == [
        ("Grow books borrowed each week from 180 to 300", 180, 300),
        ("Every class visits the library", None, None),
    ]
    session.close()


def add_vague_objective(session, ids: dict) -> str:
    """An objective the coach calls vague, under the school's second theme."""
    return entities.create(
        session.ws,
        "objective",
        cycle_id=ids["cycle"],
        team_id=ids["team"],
        theme_id=ids["themes"][1],
        title="Work on attendance",
    )


def test_weak_objectives_are_marked_in_the_list_with_the_coachs_words(
    qtbot, tmp_path: Path
) -> None:
    session, w, ids = school(qtbot, tmp_path)
    add_vague_objective(session, ids)
    w.go_to(2)
    page = w.current_page
    qtbot.waitUntil(lambda: not w.refresh_pending, timeout=2000)
    weak = node_where(page, lambda k, n: k and k[0] == "item" and "Work on attendance" in n.text(0))
    good = node_where(page, lambda k, n: k and k[0] == "item" and "habit" in n.text(0))
    assert not weak.icon(0).isNull()
    assert "vague" in weak.toolTip(0)
    assert good.icon(0).isNull() and "Warning" not in good.toolTip(0)
    session.close()


def test_a_finding_in_step_7_leads_to_its_item(qtbot, tmp_path: Path) -> None:
    session, w, ids = school(qtbot, tmp_path)
    vague = add_vague_objective(session, ids)
    w.go_to(6)
    review = w.current_page
    assert f"objective:{vague}" in review.findings.text()
    review.findings.linkActivated.emit(f"objective:{vague}")  # what a click on the link sends
    assert w.step == 2
    page = w.current_page
    assert page.editor.item_id == vague
    assert w.focusWidget() is page.editor.title_edit
    session.close()


def test_the_coach_beside_the_field_quotes_a_schools_examples(qtbot, tmp_path: Path) -> None:
    session, w, _ids = school(qtbot, tmp_path)
    organisation.set_organisation_kind(session.ws, "school")
    w.go_to(2)
    page = w.current_page
    assert page.select_new(theme_id=_ids["themes"][1])
    page.editor.title_edit.setFocus()
    type_as_a_person(qtbot, w, "Work on attendance")
    page.editor.coach.check_now()
    said = page.editor.coach.label.text()
    assert "vague" in said
    assert "Make reading a daily pleasure in every class" in said  # not a company's example
    session.close()


def lines_of(label: QLabel, text: str) -> int:
    metrics = QFontMetrics(label.font())
    box = metrics.boundingRect(QRect(0, 0, label.width(), 10_000), Qt.TextFlag.TextWordWrap, text)
    return round(box.height() / metrics.lineSpacing())


def test_a_new_key_result_stays_put_when_the_title_is_left_and_the_button_still_fills_it(
    qtbot, tmp_path: Path
) -> None:
    session, w, ids = school(qtbot, tmp_path)
    w.go_to(3)
    page = w.current_page
    editor = page.editor
    # An objective whose title makes "New key result for ..." a line longer than the
    # "Key result of ..." it becomes once saved (found at this window's width and font).
    words = "Every pupil comes to school gladly on time and ready every single day of the year"
    prefixes = [" ".join(words.split()[:n]) for n in range(1, len(words.split()) + 1)]
    title_of_objective = next(
        t
        for t in prefixes
        if lines_of(editor.heading, f"New key result for “{t}”")
        > lines_of(editor.heading, f"Key result of “{t}”")
    )
    objective = session.create(
        "objective",
        cycle_id=ids["cycle"],
        team_id=ids["team"],
        theme_id=ids["themes"][1],
        title=title_of_objective,
    )
    qtbot.waitUntil(lambda: not w.refresh_pending, timeout=2000)
    assert page.select_new(objective_id=objective)
    title = editor.title_edit
    title.setFocus()
    type_as_a_person(qtbot, w, "Cut pupils absent on Mondays from 38 to 20 students")
    button = editor.coach.fill_button
    qtbot.waitUntil(button.isVisible, timeout=3000)
    spots = [x.mapTo(w, x.rect().center()) for x in (button, editor.kind_combo)]
    owner = editor.bindings["owner"].widget
    qtbot.mouseClick(owner, LEFT)  # the focus leaves the title, which saves the key result
    assert w.focusWidget() is owner
    qtbot.waitUntil(lambda: not w.refresh_pending, timeout=2000)
    assert len(entities.list_items(session.ws, "key_result", objective_id=objective)) == 1
    assert editor.heading.text().startswith("Key result of")
    # Saved, its heading took a line less, and nothing moved: a press here is released on
    # the same button.
    assert [x.mapTo(w, x.rect().center()) for x in (button, editor.kind_combo)] == spots
    QTest.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: not w.refresh_pending, timeout=2000)
    made = entities.list_items(session.ws, "key_result", objective_id=objective)
    assert [(k["start"], k["target"], k["unit"]) for k in made] == [(38, 20, "students")]
    session.close()
