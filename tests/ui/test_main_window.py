"""The main window shows the selected team's OKRs and follows the navigator."""

from __future__ import annotations

from pathlib import Path

from ui.app import Windows
from ui.okr_view import ID_ROLE


def shown_titles(window) -> list[str]:
    return [index.data() for index in window.okr_view._all_indexes()]


def test_window_shows_the_team_and_follows_the_navigator(qtbot, demo_copy: Path, answers):
    window = Windows().open(demo_copy)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Kolbenwerk Espresso GmbH — demo.okrdesk — OKR Desk"
    assert window.heading.text().startswith("Kolbenwerk Espresso · 2026-Q4")
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
    window.tabs.setCurrentWidget(window.alignment)
    orphan = next(
        o
        for o in window.alignment.amap.objectives
        if o.title == "Prototype a grinder that carries our name"
    )
    window.alignment.objective_activated.emit(orphan.id)
    assert window.tabs.currentIndex() == 0
    assert window.heading.text().startswith("Workshop · 2026-Q4")
    assert window.okr_view.current_item() == ("objective", orphan.id)
