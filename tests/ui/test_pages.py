"""Every tab keeps the contract the main window relies on (ui.pages)."""

from __future__ import annotations

from pathlib import Path

from ui.app import Windows
from ui.pages import ChoosesContext, ShowsObjectives, TabPage


def test_every_tab_keeps_its_contract(qtbot, demo_copy: Path) -> None:
    window = Windows().open(demo_copy)
    qtbot.addWidget(window)
    expected = {
        window.alignment_page: ShowsObjectives,
        window.planning_page: ChoosesContext,
        window.workshop_page: TabPage,
        window.review_page: ShowsObjectives,
        window.checkins_page: TabPage,
    }
    assert set(expected) == set(window._lazy_pages())
    for page, contract in expected.items():
        content = page.build()
        assert isinstance(content, contract), type(content).__name__
        assert content.commit_pending() is True  # nothing typed yet: nothing refused
