"""Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y in a planning field: the field's own typing while it has
some not saved yet, else the workspace's last change (the Edit menu's Undo and Redo)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from okrdesk.services import entities
from ui.app import Windows

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def planning_field(qtbot, demo_copy: Path, name: str):
    window = Windows().open(demo_copy)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):  # shortcuts go to the active window
        window.activateWindow()
    window.show_view("planning")
    guided = window.planning_page.build()
    guided.go_to(2)
    page = guided.current_page
    ctx = guided.ctx
    mine = entities.list_items(
        window.session.ws, "objective", team_id=ctx.team_id, cycle_id=ctx.cycle_id
    )
    objective = mine[0]
    assert page.select_item(objective["id"])
    field = page.editor.bindings[name].widget
    field.setFocus()
    return window, field, objective


def owner(window, objective) -> str:
    return entities.get(window.session.ws, "objective", objective["id"])["owner"]


def test_ctrl_z_in_a_planning_field_after_leaving_it_takes_back_the_saved_edit(
    qtbot, demo_copy: Path
) -> None:
    window, field, objective = planning_field(qtbot, demo_copy, "owner")
    before = objective["owner"]
    field.end(False)
    qtbot.keyClicks(field, " Lee")
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # leaving the field saves it
    assert owner(window, objective) == f"{before} Lee"
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert owner(window, objective) == before  # the saved edit, taken back in the file
    qtbot.waitUntil(lambda: field.text() == before, timeout=2000)
    qtbot.keyClick(field, Qt.Key.Key_Y, CTRL)
    assert owner(window, objective) == f"{before} Lee"
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL | SHIFT)
    assert owner(window, objective) == f"{before} Lee"
    qtbot.waitUntil(lambda: field.text() == f"{before} Lee", timeout=2000)
    # Typing not saved yet is the field's own: Ctrl+Z takes back that typing only.
    field.end(False)
    qtbot.keyClicks(field, "!")
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert field.text() == f"{before} Lee"
    assert owner(window, objective) == f"{before} Lee"
    qtbot.keyClick(field, Qt.Key.Key_Y, CTRL)  # and Ctrl+Y puts that typing back
    assert field.text() == f"{before} Lee!"
    assert owner(window, objective) == f"{before} Lee"
