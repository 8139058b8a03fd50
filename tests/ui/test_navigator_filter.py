"""The navigator's team filter: type part of a name, see those teams with their parents.

The demo's tree: Kolbenwerk Espresso › Operations › Workshop, Field Service; and
Kolbenwerk Espresso › Café Sales, Online Shop.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTreeWidgetItem

from tests.ui.workspace_helpers import in_another_process
from ui.app import Windows
from ui.main_window import MainWindow
from ui.navigator import Navigator


def open_window(qtbot, path: Path) -> MainWindow:
    window = Windows().open(path)
    assert window is not None
    qtbot.addWidget(window)
    with qtbot.waitActive(window):  # shortcuts and focus need an active window
        window.activateWindow()
    return window


def shown(nav: Navigator) -> list[str]:
    """The team names a person sees in the tree, top to bottom."""
    names: list[str] = []

    def walk(item: QTreeWidgetItem) -> None:
        if not item.isHidden():  # a hidden team hides its sub-teams too
            names.append(item.text(0))
            for i in range(item.childCount()):
                walk(item.child(i))

    for i in range(nav.teams.topLevelItemCount()):
        walk(nav.teams.topLevelItem(i))
    return names


def greyed(nav: Navigator) -> set[str]:
    return {
        item.text(0)
        for item in nav._items()
        if not item.isHidden() and item.data(0, Qt.ItemDataRole.ForegroundRole) is not None
    }


def test_typing_shows_the_matching_teams_with_their_parents_greyed(qtbot, demo_copy) -> None:
    nav = open_window(qtbot, demo_copy).navigator
    everyone = shown(nav)
    assert len(everyone) == 6
    nav.filter_box.setFocus()
    qtbot.keyClicks(nav.filter_box, "SERV")  # any case
    assert shown(nav) == ["Kolbenwerk Espresso", "Operations", "Field Service"]
    assert greyed(nav) == {"Kolbenwerk Espresso", "Operations"}  # context, not a match
    assert not nav.no_match.isVisible()

    nav.filter_box.clear()
    qtbot.keyClicks(nav.filter_box, "cafe")  # without the accent: "Café Sales"
    assert shown(nav) == ["Kolbenwerk Espresso", "Café Sales"]

    nav.filter_box.clear()
    qtbot.keyClicks(nav.filter_box, "espresso")  # the company itself: no sub-team shown
    assert shown(nav) == ["Kolbenwerk Espresso"]
    assert greyed(nav) == set()

    qtbot.keyClicks(nav.filter_box, "zz")
    assert shown(nav) == []
    assert nav.no_match.isVisible()
    assert "espressozz" in nav.no_match.text()

    qtbot.keyClick(nav.filter_box, Qt.Key.Key_Escape)  # Esc clears: everything again
    assert nav.filter_box.text() == ""
    assert shown(nav) == everyone
    assert greyed(nav) == set()
    assert not nav.no_match.isVisible()


def test_ctrl_f_from_the_tree_goes_to_the_filter_and_enter_picks_the_first_match(
    qtbot, demo_copy
) -> None:
    window = open_window(qtbot, demo_copy)
    nav = window.navigator
    nav.teams.setFocus()
    qtbot.keyClick(nav.teams, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is nav.filter_box
    before = nav.team_id()
    qtbot.keyClicks(nav.filter_box, "shop")  # Workshop and Online Shop
    assert nav.team_id() == before  # typing does not switch teams under the person
    qtbot.keyClick(nav.filter_box, Qt.Key.Key_Return)
    assert nav.teams.currentItem().text(0) == "Workshop"  # the first in the tree
    assert QApplication.focusWidget() is nav.teams  # the arrows go on in the tree
    assert window.heading.text().startswith("Workshop")
    qtbot.keyClick(nav.teams, Qt.Key.Key_Down)  # to the next team shown
    assert nav.teams.currentItem().text(0) == "Online Shop"
    assert window.heading.text().startswith("Online Shop")


def test_the_filter_holds_when_another_process_adds_a_team(qtbot, demo_copy) -> None:
    window = open_window(qtbot, demo_copy)
    nav = window.navigator
    nav.filter_box.setText("serv")
    in_another_process(
        demo_copy,
        "company = views.team_nodes(ws)[0].id",
        "entities.create(ws, 'team', name='Customer Service', parent_id=company)",
        "entities.create(ws, 'team', name='Roastery', parent_id=company)",
    )
    qtbot.waitUntil(lambda: "Customer Service" in shown(nav), timeout=3000)
    assert shown(nav) == ["Kolbenwerk Espresso", "Operations", "Field Service", "Customer Service"]
    assert "Roastery" not in shown(nav)
    nav.filter_box.clear()
    assert "Roastery" in shown(nav)
