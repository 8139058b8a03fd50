"""What a facilitator tripped over outside the planning editors (issue 13), driven with
real clicks on real widgets and a real file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from okrdesk.services import entities
from okrdesk.services.workspace import Workspace
from ui.app import Windows
from ui.okr_rows import ID_ROLE

LEFT = Qt.MouseButton.LeftButton


def test_the_okrs_heading_follows_a_state_change_made_on_the_review_tab(
    qtbot, demo_copy: Path, answers
) -> None:
    window = Windows().open(demo_copy)
    qtbot.addWidget(window)
    window.show()
    assert window.heading.text().endswith(", active)")
    window.show_view("review")
    review = window.review_page.build()
    qtbot.waitUntil(lambda: "review" in review.review.state_bar.buttons, timeout=2000)
    button = review.review.state_bar.buttons["review"]
    answers.confirm = True
    qtbot.mouseClick(button, LEFT)
    assert answers.questions  # it asked first
    window.show_view("okrs")
    qtbot.waitUntil(lambda: window.heading.text().endswith(", review)"), timeout=2000)


def test_a_long_name_does_not_push_the_window_past_a_laptop_screen(qtbot, demo_copy: Path) -> None:
    ws = Workspace.open(demo_copy)
    top = next(t for t in entities.list_items(ws, "team") if t["parent_id"] is None)
    entities.update(ws, "team", top["id"], name="Riverside Secondary School and Sixth Form College")
    q4 = next(c for c in entities.list_items(ws, "cycle") if c["name"] == "2026-Q4")
    theme = entities.list_items(ws, "theme", cycle_id=q4["id"])[0]
    entities.update(
        ws, "theme", theme["id"], name="Every pupil a confident, curious reader by Year 9"
    )
    ws.close()
    window = Windows().open(demo_copy)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    assert window.heading.text().startswith("Riverside Secondary School and Sixth Form College")
    assert window.minimumSizeHint().width() <= 1366
    assert window.width() <= 1366


def test_ctrl_z_in_a_field_takes_back_its_saved_edit(qtbot, demo_copy: Path) -> None:
    window = Windows().open(demo_copy)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):  # shortcuts go to the active window
        window.activateWindow()
    objective = window.okr_view.tree.teams[0].objectives[0]
    window.okr_view.select("objective", objective.id)
    field = window.editor.editors["objective"].fields["title"]
    field.setFocus()
    field.end(False)
    qtbot.keyClicks(field, " today")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # saved
    assert entities.get(window.session.ws, "objective", objective.id)["title"].endswith(" today")
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert entities.get(window.session.ws, "objective", objective.id)["title"] == objective.title
    qtbot.waitUntil(lambda: field.text() == objective.title, timeout=2000)
    qtbot.keyClick(
        field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert entities.get(window.session.ws, "objective", objective.id)["title"].endswith(" today")
    # Typing not saved yet is the field's own: Ctrl+Z takes back the typing, not the file.
    qtbot.keyClicks(field, "!")
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field.text().endswith(" today")
    assert entities.get(window.session.ws, "objective", objective.id)["title"].endswith(" today")


def test_the_okr_view_marks_what_the_coach_flags_in_the_wording(qtbot, demo_copy: Path) -> None:
    window = Windows().open(demo_copy)
    qtbot.addWidget(window)
    view = window.okr_view
    team = window.navigator.team_id()
    weak = window.session.create(
        "objective", cycle_id=window.navigator.cycle_id(), team_id=team, title="Improve things"
    )
    qtbot.waitUntil(lambda: any(i.data(ID_ROLE) == weak for i in view._all_indexes()))
    cells = {i.data(ID_ROLE): view.model_.itemFromIndex(i) for i in view._all_indexes()}
    assert not cells[weak].icon().isNull()
    assert "vague" in cells[weak].toolTip()
    good = view.tree.teams[0].objectives[0].id
    assert cells[good].icon().isNull()
