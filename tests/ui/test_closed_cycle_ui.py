"""A closed cycle through the window's doors: each refusal is said where the person is
looking, the file is left as it was, and the undo stack holds nothing that did not happen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from okrdesk.interchange.json_format import export_json
from okrdesk.services import entities, lifecycle, workshop, workshop_ideas
from ui.app import Windows
from ui.facilitation import FacilitationWidget

CLOSED = "cycle 2026-Q3 is closed and read-only"


def open_on_closed_quarter(qtbot, path: Path):
    window = Windows().open(path)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.activateWindow()
    for item in window.navigator._items():
        if item.text(0) == "Workshop":
            window.navigator.teams.setCurrentItem(item)
    window.navigator.select(cycle_id=window.navigator.cycle_box.itemData(0))
    assert "2026-Q3" in window.heading.text() and "closed" in window.heading.text()
    return window


def test_editing_a_closed_objective_is_refused_in_the_editor(qtbot, demo_copy: Path) -> None:
    window = open_on_closed_quarter(qtbot, demo_copy)
    ws = window.session.ws
    objective = window.okr_view.tree.teams[0].objectives[0]
    window.okr_view.select("objective", objective.id)
    before = export_json(ws)
    editor = window.editor.editors["objective"]
    editor.title.setFocus()
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, "Rewritten after the quarter")
    qtbot.keyClick(editor.title, Qt.Key.Key_Tab)  # leaving the field saves it
    assert editor.error_label.text().startswith(f"Not saved — {CLOSED}")
    assert editor.title.text() == "Rewritten after the quarter"  # kept, to copy elsewhere
    assert export_json(ws) == before
    assert window.session.undo_stack.count() == 0


def test_redo_into_a_cycle_closed_meanwhile_is_refused_and_said(
    qtbot, demo_copy: Path, answers
) -> None:
    window = open_on_closed_quarter(qtbot, demo_copy)
    ws = window.session.ws
    cycle = window.navigator.cycle_id()
    lifecycle.set_state(ws, cycle, "review")  # reopened (say from the Review tab)
    objective = window.okr_view.tree.teams[0].objectives[0]
    window.okr_view.select("objective", objective.id)
    window.delete_action.trigger()
    window.session.undo_stack.undo()
    assert objective.title in [o.title for o in window.okr_view.tree.teams[0].objectives]
    lifecycle.set_state(ws, cycle, "closed")  # closed again, elsewhere
    before = export_json(ws)
    window.session.undo_stack.redo()
    assert CLOSED in window.statusBar().currentMessage()
    assert window.statusBar().currentMessage().startswith("Could not redo")
    assert export_json(ws) == before
    assert not window.session.undo_stack.canRedo()


def test_promoting_a_workshop_idea_into_a_closed_cycle_is_refused(qtbot, demo_copy: Path) -> None:
    window = open_on_closed_quarter(qtbot, demo_copy)
    ws = window.session.ws
    cycle, team = window.navigator.cycle_id(), window.navigator.team_id()
    session_id = workshop.start_session(ws, "Late ideas", cycle, agenda=())
    workshop_ideas.add_candidates(ws, session_id, ["Win back every lost cafe"])
    window.show_view("workshop")
    widget = window.workshop_page.content
    assert isinstance(widget, FacilitationWidget)
    widget.choose_session(session_id)
    widget.set_context(cycle, team)
    qtbot.waitUntil(lambda: not widget.refresh_pending, timeout=2000)
    before = export_json(ws)
    widget.ranking.tick_top(1)
    assert not widget.ranking.promote_ticked()
    assert CLOSED in widget.ranking.message.text()
    assert export_json(ws) == before
    assert window.session.undo_stack.count() == 0
    assert {c["status"] for c in entities.list_items(ws, "candidate")} == {"open"}
