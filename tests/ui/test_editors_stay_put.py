"""The planning and detail forms keep their shape while a person types and leaves a field:
a field or button never moves from under the pointer (issue 13, defect 1's class)."""

from __future__ import annotations

from pathlib import Path

from planning_helpers import show_planning
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from okrdesk.services import entities, planning
from okrdesk.services.workspace import Workspace
from ui.app import Windows
from ui.guided import GuidedSessionWidget
from ui.guided.page import KEY_ROLE
from ui.session import WorkspaceSession

LEFT = Qt.MouseButton.LeftButton


def planning_session(qtbot, tmp_path: Path) -> tuple[WorkspaceSession, GuidedSessionWidget, dict]:
    ws = Workspace.create(tmp_path / "school.okrdesk", "Riverside School")
    cycle, top = planning.ensure_cycle_and_company(ws, "Riverside School")
    theme = entities.create(ws, "theme", cycle_id=cycle, name="Attendance")
    objective = entities.create(
        ws, "objective", cycle_id=cycle, team_id=top, theme_id=theme, title="Come gladly"
    )
    session, widget = show_planning(qtbot, ws)
    return session, widget, {"theme": theme, "objective": objective}


def top_of(widget: QWidget, window: QWidget) -> int:
    return widget.mapTo(window, widget.rect().topLeft()).y()


def type_watching(qtbot, window: QWidget, coach, text: str, watched: list[QWidget]) -> set[int]:
    """Type `text` key by key, letting the coach speak after each key; the tops `watched`
    had along the way (one value each if nothing moved)."""
    tops: set[int] = set()
    for char in text:
        qtbot.keyClicks(window.focusWidget(), char)
        coach.check_now()  # as when typing pauses
        QApplication.processEvents()  # the layout settles as it would on screen
        tops.update(top_of(w, window) for w in watched)
    return tops


def test_the_coach_speaking_under_the_objective_does_not_push_the_fields_down(
    qtbot, tmp_path: Path
) -> None:
    session, w, ids = planning_session(qtbot, tmp_path)
    w.go_to(2)
    page = w.current_page
    assert page.select_new(theme_id=ids["theme"])
    page.editor.title_edit.setFocus()
    theme_box = page.editor.combos["theme_id"]
    before = top_of(theme_box, w)
    # Silence, one finding, two findings (with a number), then none: the box says each.
    said = type_watching(
        qtbot, w, page.editor.coach, "Work on it to 95% and be better", [theme_box]
    )
    assert page.editor.coach.rules()  # the coach did speak up
    assert said == {before}
    session.close()


def test_the_numbers_row_of_a_key_result_keeps_its_room(qtbot, tmp_path: Path) -> None:
    session, w, ids = planning_session(qtbot, tmp_path)
    w.go_to(3)
    page = w.current_page
    assert page.select_new(objective_id=ids["objective"])
    page.editor.title_edit.setFocus()
    kind_box = page.editor.combos["kind"]
    before = top_of(kind_box, w)
    tops = type_watching(
        qtbot, w, page.editor.coach, "Cut pupils absent on Mondays from 38 to 20", [kind_box]
    )
    assert page.editor.coach.fill_button.isVisible()  # the row showed up, in its own room
    assert tops == {before}
    session.close()


def test_the_detail_panel_does_not_move_while_the_coach_speaks(qtbot, demo_copy: Path) -> None:
    window = Windows().open(demo_copy)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    objective = window.okr_view.tree.teams[0].objectives[0]
    window.okr_view.select("objective", objective.id)
    editor = window.editor.editors["objective"]
    field = editor.fields["title"]
    field.setFocus()
    field.selectAll()
    below = editor.fields["why"]
    before = top_of(below, window)
    tops = type_watching(qtbot, window, editor.coach, "Work on it to 95% better", [below])
    assert editor.coach.rules()
    assert tops == {before}


def test_new_objective_gets_the_cursor_though_saving_the_last_one_moved_its_row(
    qtbot, tmp_path: Path
) -> None:
    session, w, ids = planning_session(qtbot, tmp_path)
    readers = entities.create(session.ws, "theme", cycle_id=ids_cycle(session), name="Readers")
    w.go_to(2)
    page = w.current_page
    attendance = ids["theme"]  # the first group; Readers comes below it
    assert page.select_new(theme_id=attendance)
    title = page.editor.title_edit
    title.setFocus()
    qtbot.keyClicks(title, "Every morning counts")
    # "+ New objective" under Readers: pressing it saves "Every morning counts", whose new
    # row pushes it down before the button is released.
    where = page.tree.visualItemRect(new_row(page, readers)).center()
    qtbot.mousePress(page.tree.viewport(), LEFT, pos=where)
    QApplication.processEvents()  # the list catches up with the saved objective
    assert page.tree.itemAt(where) is not new_row(page, readers)  # it did move
    qtbot.mouseRelease(page.tree.viewport(), LEFT, pos=where)
    assert w.focusWidget() is title
    qtbot.keyClicks(title, "Read for fun")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    themed = {o["title"]: o["theme_id"] for o in entities.list_items(session.ws, "objective")}
    assert themed["Every morning counts"] == attendance
    assert themed["Read for fun"] == readers
    session.close()


def ids_cycle(session: WorkspaceSession) -> str:
    return entities.list_items(session.ws, "theme")[0]["cycle_id"]


def new_row(page, theme_id: str):
    return next(
        n
        for n in page._nodes()
        if n.data(0, KEY_ROLE)
        and n.data(0, KEY_ROLE)[0] == "new"
        and dict(n.data(0, KEY_ROLE)[1]).get("theme_id") == theme_id
    )


def test_enter_on_a_finding_in_step_7_goes_to_its_item(qtbot, tmp_path: Path) -> None:
    session, w, ids = planning_session(qtbot, tmp_path)
    vague = entities.create(
        session.ws,
        "objective",
        cycle_id=ids_cycle(session),
        team_id=entities.get(session.ws, "objective", ids["objective"])["team_id"],
        theme_id=ids["theme"],
        title="Work on attendance",
    )
    with qtbot.waitActive(w):  # keys go to the active window
        w.activateWindow()
    w.go_to(6)
    findings = w.current_page.findings
    assert f"objective:{vague}" in findings.text()
    findings.setFocus()
    qtbot.keyClick(findings, Qt.Key.Key_Tab)  # to the first link in the findings
    qtbot.keyClick(w.focusWidget(), Qt.Key.Key_Return)
    assert w.step == 2
    page = w.current_page
    assert page.editor.item_id == vague
    assert w.focusWidget() is page.editor.title_edit
    session.close()
