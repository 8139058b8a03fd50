"""The main window shows the selected team's OKRs and follows the navigator."""

from __future__ import annotations

from pathlib import Path

from ui.app import Windows
from ui.okr_rows import ID_ROLE


def shown_titles(window) -> list[str]:
    return [index.data() for index in window.okr_view._all_indexes()]


def test_window_shows_the_team_and_follows_the_navigator(qtbot, demo_copy: Path, answers):
    window = Windows().open(demo_copy)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Kolbenwerk Espresso GmbH — demo.okrdesk — OKR Desk"
    assert window.heading.text().startswith("Kolbenwerk Espresso · 2026-Q4")
    assert window.coach.toPlainText().startswith("1 note, 0 to fix")  # not "1 note(s)"
    texts = shown_titles(window)
    assert any(t.startswith("◎  Make same-day rescue a promise") for t in texts)
    assert any("Raise callouts reached within four hours" in t for t in texts)

    for item in window.navigator._items():
        if item.text(0) == "Workshop":
            window.navigator.teams.setCurrentItem(item)
    assert window.heading.text().startswith("Workshop · 2026-Q4")
    assert any("Always have a rebuilt machine" in t for t in shown_titles(window))

    window.navigator.select(cycle_id=window.navigator.cycle_box.itemData(0))
    assert "2026-Q3" in window.heading.text() and "closed" in window.heading.text()
    assert shown_titles(window) != texts

    first = window.okr_view.model_.index(0, 0)
    window.okr_view.setCurrentIndex(first)
    assert window.editor.current == ("objective", first.data(ID_ROLE))


def test_alignment_tab_leads_back_to_the_objective(qtbot, demo_copy: Path, answers) -> None:
    window = Windows().open(demo_copy)
    qtbot.addWidget(window)
    window.show_view("alignment")
    qtbot.waitUntil(lambda: window.alignment.amap is not None)  # a tab fills when first shown
    orphan = next(
        o
        for o in window.alignment.amap.objectives
        if o.title == "Prototype a grinder that carries our name"
    )
    window.alignment.objective_activated.emit(orphan.id)
    assert window.tabs.currentIndex() == 0
    assert window.heading.text().startswith("Workshop · 2026-Q4")
    assert window.okr_view.current_item() == ("objective", orphan.id)


def settle(qtbot) -> None:
    """Let the window lay itself out. These tests check that it does not grow: there is no
    "done" to wait for, so the event loop runs for a moment (deferred layout, zero timers)."""
    qtbot.wait(50)


def test_visiting_every_tab_keeps_the_window_on_a_laptop_screen(qtbot, demo_copy: Path) -> None:
    """Wide tabs (the workshop) must not push a 1366-pixel window wider, and the side
    panels that stepped aside come back at the widths they had."""
    window = Windows().open(demo_copy)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    settle(qtbot)
    widths = [dock.width() for dock in window._docks]
    for view in ("alignment", "planning", "workshop", "review", "checkins", "okrs"):
        window.show_view(view)
        settle(qtbot)
        assert window.width() <= 1366, view  # it grew to 1736 px before
    assert [dock.isVisible() for dock in window._docks] == [True, True, True]
    assert [dock.width() for dock in window._docks] == widths
    window.show_view("workshop")
    settle(qtbot)
    window.show_view("okrs")
    settle(qtbot)
    assert window.width() <= 1366  # and it does not creep wider with every visit


def test_closing_in_the_planning_session_keeps_the_side_panels_for_next_time(
    qtbot, demo_copy: Path
) -> None:
    window = Windows().open(demo_copy)
    qtbot.addWidget(window)
    window.show_view("planning")
    settle(qtbot)
    assert not any(dock.isVisible() for dock in window._docks)
    window.close()

    again = Windows().open(demo_copy)
    qtbot.addWidget(again)
    settle(qtbot)
    assert again.tabs.currentIndex() == 0
    assert [dock.isVisible() for dock in again._docks] == [True, True, True]


def test_file_dialogs_open_beside_the_workspace_on_screen(qtbot, demo_copy: Path) -> None:
    window = Windows().open(demo_copy)
    qtbot.addWidget(window)
    assert window.start_folder() == demo_copy.resolve().parent  # not the process's folder


def test_the_hidden_tabs_are_built_while_the_person_reads_and_still_follow_changes(
    qtbot, demo_copy: Path
) -> None:
    from okrdesk.services import entities
    from okrdesk.services.workspace import Workspace

    window = Windows().open(demo_copy)
    qtbot.addWidget(window)
    pages = window._lazy_pages()
    assert [p.content for p in pages] == [None] * 5  # nothing built at start
    window.warm_up(idle_ms=0)
    qtbot.waitUntil(lambda: all(p.content is not None for p in pages))
    assert window.tabs.currentIndex() == 0  # built behind the OKRs, none shown
    # Another program renames an objective while the tabs are hidden: shown, they have it.
    objective = window.okr_view.tree.teams[0].objectives[0]
    with Workspace.open(demo_copy) as other:
        entities.update(other, "objective", objective.id, title="Renamed in another program")
    qtbot.waitUntil(lambda: window.okr_view.tree.teams[0].objectives[0].title.startswith("Ren"))
    window.show_view("alignment")
    qtbot.waitUntil(lambda: "Renamed in another program" in alignment_texts(window))


def alignment_texts(window) -> str:
    tree = window.alignment.tree
    model = tree.model()
    found, stack = [], [model.index(r, 0) for r in range(model.rowCount())]
    while stack:
        index = stack.pop()
        found.append(str(index.data()))
        if model.canFetchMore(index):
            model.fetchMore(index)
        stack.extend(model.index(r, 0, index) for r in range(model.rowCount(index)))
    return "\n".join(found)
