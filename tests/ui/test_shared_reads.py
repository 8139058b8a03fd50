"""Views showing the same team share one read per change, and every change, from this
window, another workspace or another process, makes that read stale."""

from __future__ import annotations

from pathlib import Path

from okrdesk.services import entities
from okrdesk.services.checkins import record_check_in
from okrdesk.services.views import okr_tree
from okrdesk.services.workspace import Workspace
from tests.ui.workspace_helpers import in_another_process
from ui.app import Windows
from ui.checkins import CheckInPage
from ui.checkins.grid_rows import LAST
from ui.checkins.history_panel import DATE as HISTORY_DATE
from ui.checkins.history_panel import VALUE as HISTORY_VALUE
from ui.main_window import MainWindow
from ui.session import WorkspaceSession
from ui.team_okrs import team_okrs


def open_window(qtbot, path: Path) -> MainWindow:
    window = Windows().open(path)
    assert window is not None
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.activateWindow()
    return window


def pick_team(window: MainWindow, name: str) -> None:
    for item in window.navigator._items():
        if item.text(0) == name:
            window.navigator.teams.setCurrentItem(item)
            return
    raise AssertionError(name)


def titles(window: MainWindow) -> list[str]:
    tree = window.okr_view.tree
    assert tree is not None
    return [o.title for o in tree.teams[0].objectives]


def test_a_read_is_shared_until_a_change_made_elsewhere_is_heard(qtbot, ws, planned) -> None:
    session = WorkspaceSession(ws)
    reads: list[str] = []

    def read() -> str:
        reads.append("read")
        return okr_tree(ws, planned["cycle"], planned["team"]).teams[0].objectives[0].title

    assert session.remembered("title", read) == "Make every customer feel heard"
    assert session.remembered("title", read) == "Make every customer feel heard"
    assert len(reads) == 1  # the second view on the same team did not read again
    with Workspace.open(ws.path) as other:  # another window or program on the file
        entities.update(other, "objective", planned["objective"], title="Heard elsewhere")
    assert session.remembered("title", read) == "Make every customer feel heard"  # not heard
    ws.poll_changes()  # what the session's timer does a few times a second
    assert session.remembered("title", read) == "Heard elsewhere"
    assert len(reads) == 2
    entities.update(ws, "objective", planned["objective"], title="Heard here")
    assert session.remembered("title", read) == "Heard here"


def test_okr_list_coach_and_check_ins_show_another_processs_change(qtbot, demo_copy) -> None:
    window = open_window(qtbot, demo_copy)
    pick_team(window, "Workshop")
    objective = window.okr_view.tree.teams[0].objectives[0]
    kr = objective.key_results[0]
    coach_before = window.coach.toPlainText()
    assert "Do things better" not in coach_before
    # The command line, another window: another process on the same file.
    in_another_process(
        demo_copy, f"entities.update(ws, 'objective', {objective.id!r}, title='Do things better')"
    )
    qtbot.waitUntil(lambda: "Do things better" in titles(window), timeout=3000)
    # The coach reads the same (shared) team again: it judges the new wording.
    qtbot.waitUntil(lambda: "Do things better" in window.coach.toPlainText(), timeout=3000)
    assert "Do things better" in window.okr_view.model_.index(0, 0).data()

    window.show_view("checkins")
    page = window.checkins_page.build()
    assert isinstance(page, CheckInPage)
    qtbot.waitUntil(lambda: bool(page.key_result_ids()), timeout=3000)
    row = page.grid.row_of(kr.id)
    assert row is not None
    assert page.grid.select_key_result(kr.id)
    assert page.history.kr_id == kr.id
    with Workspace.open(demo_copy) as elsewhere:
        record_check_in(elsewhere, kr.id, 12345, on="2026-12-31")  # the latest
    qtbot.waitUntil(lambda: "12,345" in page.grid.item(row, LAST).text(), timeout=3000)
    assert "31 Dec" in page.grid.item(row, LAST).text()
    newest = page.history.table.item(0, HISTORY_DATE).text()  # its check-ins, newest first
    assert newest.startswith("2026-12-31") or "31 Dec" in newest, newest
    assert page.history.table.item(0, HISTORY_VALUE).text() == "12345"
    # and the OKR list, shown again, has the key result's new current value
    window.show_view("okrs")
    shown = team_okrs(window.session, window.navigator.cycle_id(), window.navigator.team_id())
    assert shown.teams[0].objectives[0].key_results[0].current == 12345
    assert window.okr_view.tree is shown


def test_switching_teams_loads_only_the_new_teams_first_objective(qtbot, demo_copy) -> None:
    window = open_window(qtbot, demo_copy)
    pick_team(window, "Workshop")
    loaded: list[tuple[str, str]] = []
    window.okr_view.item_selected.connect(lambda kind, item: loaded.append((kind, item)))
    pick_team(window, "Field Service")
    first = window.okr_view.tree.teams[0].objectives[0].id
    assert loaded == [("objective", first)]  # not each row of the old list as it went
    assert window.editor.current == ("objective", first)


def test_a_team_picked_on_another_tab_is_shown_when_the_okrs_tab_is(qtbot, demo_copy) -> None:
    window = open_window(qtbot, demo_copy)
    pick_team(window, "Workshop")
    window.show_view("checkins")
    pick_team(window, "Field Service")
    pick_team(window, "Online Shop")
    window.show_view("okrs")
    tree = window.okr_view.tree
    assert tree is not None and tree.teams[0].name == "Online Shop"
    first = tree.teams[0].objectives[0]
    assert window.okr_view.model_.index(0, 0).data().endswith(first.title)
    assert window.editor.current == ("objective", first.id)
    assert window.heading.text().startswith("Online Shop")


def test_the_details_hidden_behind_another_tab_show_the_item_as_it_is_now(qtbot, demo_copy) -> None:
    window = open_window(qtbot, demo_copy)
    pick_team(window, "Workshop")
    objective = window.okr_view.tree.teams[0].objectives[0]
    assert window.editor.current == ("objective", objective.id)
    title = window.editor.editors["objective"].fields["title"]
    window.show_view("checkins")  # the details dock steps aside
    assert not window.editor.isVisible()
    with Workspace.open(demo_copy) as elsewhere:
        entities.update(elsewhere, "objective", objective.id, title="Renamed while away")
    window.session.ws.poll_changes()
    window.show_view("okrs")
    assert window.editor.isVisible()
    assert title.text() == "Renamed while away"
