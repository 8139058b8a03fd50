"""'+ New …' and 'Add …' put the cursor in the new item's text (issue 13, defect 6): what the
person types next, key by key wherever the focus is, becomes the new item's title."""

from __future__ import annotations

from pathlib import Path

import pytest
from planning_helpers import show_planning, type_as_a_person
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar

from okrdesk.services import entities, planning
from okrdesk.services.workspace import Workspace
from ui.app import Windows
from ui.guided.page import KEY_ROLE

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def planning_session(qtbot, tmp_path: Path):
    ws = Workspace.create(tmp_path / "school.okrdesk", "Riverside School")
    cycle, top = planning.ensure_cycle_and_company(ws, "Riverside School")
    theme = entities.create(ws, "theme", cycle_id=cycle, name="Attendance")
    objective = entities.create(
        ws, "objective", cycle_id=cycle, team_id=top, theme_id=theme, title="Come gladly"
    )
    entities.create(ws, "key_result", objective_id=objective, title="Absences from 38 to 20")
    session, widget = show_planning(qtbot, ws)
    yield session, widget, objective
    session.close()


@pytest.mark.parametrize(
    ("step", "kind", "parent"),
    [
        (1, "theme", "cycle_id"),
        (3, "key_result", "objective_id"),
        (4, "initiative", "objective_id"),
    ],
)
def test_a_click_on_new_lets_the_next_keys_write_it(
    qtbot, planning_session, step: int, kind: str, parent: str
) -> None:
    session, w, _objective = planning_session
    w.go_to(step)
    page = w.current_page
    entry = next(n for n in page._nodes() if (n.data(0, KEY_ROLE) or ("",))[0] == "new")
    page.tree.setFocus()
    qtbot.mouseClick(page.tree.viewport(), LEFT, pos=page.tree.visualItemRect(entry).center())
    type_as_a_person(qtbot, w, "Written by keys")
    qtbot.keyClick(w.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not w.refresh_pending, timeout=2000)
    names = [i.get("title", i.get("name")) for i in entities.list_items(session.ws, kind)]
    assert "Written by keys" in names


@pytest.mark.parametrize(
    ("action", "kind"),
    [
        ("add_objective_action", "objective"),
        ("add_kr_action", "key_result"),
        ("add_initiative_action", "initiative"),
    ],
)
def test_a_click_on_add_in_the_okr_view_lets_the_next_keys_write_it(
    qtbot, demo_copy: Path, action: str, kind: str
) -> None:
    window = Windows().open(demo_copy)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    objective = window.okr_view.tree.teams[0].objectives[0]
    window.okr_view.select("objective", objective.id)  # Add key result / initiative: under it
    window.okr_view.setFocus()
    bar = window.findChild(QToolBar)
    button = bar.widgetForAction(getattr(window, action))
    qtbot.mouseClick(button, LEFT)
    type_as_a_person(qtbot, window, "Written by keys")
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)  # leaving the field saves it
    titles = [i["title"] for i in entities.list_items(window.session.ws, kind)]
    assert "Written by keys" in titles
