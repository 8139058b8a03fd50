"""The workspace window driven as a person would: keyboard, clicks, menus, real files."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from okrdesk.services import entities
from okrdesk.services.workspace import Workspace
from tests.ui.workspace_helpers import in_another_process
from ui.app import Windows
from ui.main_window import MainWindow


def open_window(qtbot, path: Path) -> MainWindow:
    window = Windows().open(path)
    assert window is not None
    qtbot.addWidget(window)
    with qtbot.waitActive(window):  # so that Tab really moves the focus and fields are saved
        window.activateWindow()
    return window


def titles(window: MainWindow) -> list[str]:
    tree = window.okr_view.tree
    assert tree is not None
    return [o.title for o in tree.teams[0].objectives]


def pick_team(window: MainWindow, name: str) -> None:
    for item in window.navigator._items():
        if item.text(0) == name:
            window.navigator.teams.setCurrentItem(item)
            return
    raise AssertionError(name)


def test_add_edit_with_enter_and_undo_redo_across_kinds(qtbot, demo_copy: Path, answers) -> None:
    window = open_window(qtbot, demo_copy)
    pick_team(window, "Field Service")
    before = titles(window)

    window.add_objective_action.trigger()
    editor = window.editor.editors["objective"]
    qtbot.keyClicks(editor.title, "Make every repair feel effortless")
    qtbot.keyClick(editor.title, Qt.Key.Key_Tab)
    assert titles(window) == [*before, "Make every repair feel effortless"]

    window.add_kr_action.trigger()
    kr_editor = window.editor.editors["key_result"]
    qtbot.keyClicks(kr_editor.title, "Cut repeat visits from 12% to 5%")
    qtbot.keyClick(kr_editor.title, Qt.Key.Key_Return)  # saves and adds the next one
    qtbot.keyClicks(kr_editor.title, "Raise NPS from 30 to 45")
    qtbot.keyClick(kr_editor.title, Qt.Key.Key_Tab)
    objective = window.okr_view.tree.teams[0].objectives[-1]
    assert [kr.title for kr in objective.key_results] == [
        "Cut repeat visits from 12% to 5%",
        "Raise NPS from 30 to 45",
    ]

    stack = window.session.undo_stack
    assert window.undo_action.text().startswith("&Undo Edit key result")
    for _ in range(stack.count()):
        stack.undo()
    assert titles(window) == before
    for _ in range(stack.count()):
        stack.redo()
    objective = window.okr_view.tree.teams[0].objectives[-1]
    assert objective.title == "Make every repair feel effortless"
    assert [kr.title for kr in objective.key_results][-1] == "Raise NPS from 30 to 45"

    # Delete is one undoable step too, and brings back everything below.
    window.okr_view.select("objective", objective.id)
    window.delete_action.trigger()
    assert titles(window) == before
    stack.undo()
    assert titles(window)[-1] == "Make every repair feel effortless"
    assert len(window.okr_view.tree.teams[0].objectives[-1].key_results) == 2


def test_live_coach_and_parsed_metric_fill_the_fields(qtbot, demo_copy: Path, answers) -> None:
    window = open_window(qtbot, demo_copy)
    pick_team(window, "Workshop")
    first = window.okr_view.tree.teams[0].objectives[0]
    window.okr_view.select("objective", first.id)
    window.add_kr_action.trigger()
    editor = window.editor.editors["key_result"]
    assert editor.title.hasFocus()
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, "Launch the new parts catalogue")
    qtbot.waitUntil(lambda: "key-result-is-activity" in editor.coach.rules(), timeout=3000)
    assert "Warning" in editor.coach.label.text()
    assert not editor.coach.fill_button.isVisible()

    editor.title.selectAll()
    qtbot.keyClicks(editor.title, "Raise repeat orders from 18% to 25%")
    qtbot.waitUntil(lambda: editor.coach.fill_button.isVisible(), timeout=3000)
    assert editor.coach.rules() == []
    qtbot.keyClick(editor.title, Qt.Key.Key_Tab)
    qtbot.mouseClick(editor.coach.fill_button, Qt.MouseButton.LeftButton)
    kr = entities.get(window.session.ws, "key_result", editor.item["id"])
    assert (kr["start"], kr["target"], kr["unit"], kr["direction"]) == (18, 25, "%", "increase")
    assert editor.fields["start"].text() == "18"


def test_bad_number_is_refused_inline_and_kept(qtbot, demo_copy: Path, answers) -> None:
    window = open_window(qtbot, demo_copy)
    pick_team(window, "Workshop")
    kr = window.okr_view.tree.teams[0].objectives[0].key_results[0]
    window.okr_view.select("key_result", kr.id)
    editor = window.editor.editors["key_result"]
    target = editor.fields["target"]
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    target.selectAll()
    qtbot.keyClicks(target, "six")
    qtbot.keyClick(target, Qt.Key.Key_Tab)
    assert "Target must be a number (got 'six')" in editor.error_label.text()
    assert target.text() == "six" and "b00020" in target.styleSheet()
    assert entities.get(window.session.ws, "key_result", kr.id)["target"] == kr.target
    assert window.session.undo_stack.count() == 0


def test_reorder_with_keyboard_and_drop(qtbot, demo_copy: Path, answers) -> None:
    window = open_window(qtbot, demo_copy)
    pick_team(window, "Workshop")
    first, second = titles(window)
    window.okr_view.select("objective", window.okr_view.tree.teams[0].objectives[0].id)
    window.okr_view.setFocus()
    qtbot.keyClick(window.okr_view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert titles(window) == [second, first]
    window.session.undo_stack.undo()
    assert titles(window) == [first, second]

    objective = window.okr_view.tree.teams[0].objectives[0]
    kr_ids = [kr.id for kr in objective.key_results]
    window.okr_view.select("key_result", kr_ids[-1])
    window.up_action.trigger()
    moved = window.okr_view.tree.teams[0].objectives[0].key_results
    assert [kr.id for kr in moved] == [*kr_ids[:-2], kr_ids[-1], kr_ids[-2]]


def test_open_recent_and_save_a_copy(qtbot, demo_copy: Path, tmp_path: Path, answers) -> None:
    window = open_window(qtbot, demo_copy)
    answers.save_path = str(tmp_path / "handout copy.okrdesk")
    window.save_copy()
    assert (tmp_path / "handout copy.okrdesk").exists()
    answers.save_path = str(tmp_path / "fresh.okrdesk")
    window.new_workspace()
    assert (tmp_path / "fresh.okrdesk").exists()
    window._fill_recent()
    recent = [a.text() for a in window.recent_menu.actions()]
    assert recent[:2] == [str((tmp_path / "fresh.okrdesk").resolve()), str(demo_copy.resolve())]
    answers.open_path = str(tmp_path / "handout copy.okrdesk")
    window.open_workspace()
    assert answers.errors == []


def test_refused_files_show_a_dialog_and_stay_untouched(qtbot, tmp_path: Path, answers) -> None:
    broken = tmp_path / "broken.okrdesk"
    Workspace.create(broken).close()
    broken.write_bytes(broken.read_bytes()[:20_000])  # cut short, as by a failed copy
    before = broken.read_bytes()
    assert Windows().open(broken) is None
    assert "damaged" in answers.errors[-1] or "truncated" in answers.errors[-1]
    assert "left exactly as it was" in answers.errors[-1]
    assert broken.read_bytes() == before
    text = tmp_path / "notes.okrdesk"
    text.write_text("not a workspace")
    assert Windows().open(text) is None
    assert "not a SQLite database" in answers.errors[-1]


def test_a_change_from_another_process_shows_within_a_second(qtbot, demo_copy: Path) -> None:
    window = open_window(qtbot, demo_copy)
    pick_team(window, "Workshop")
    objective = window.okr_view.tree.teams[0].objectives[0]
    # Another program on the same file: the command line, a second window.
    in_another_process(
        demo_copy, f"entities.update(ws, 'objective', {objective.id!r}, title='Renamed elsewhere')"
    )
    qtbot.waitUntil(lambda: "Renamed elsewhere" in titles(window), timeout=1000)
    assert window.statusBar().currentMessage() == "Updated with changes made elsewhere"
    # Nothing was lost, and no undo step claims the other program's change.
    assert window.session.undo_stack.count() == 0
    assert objective.title not in titles(window)


def test_a_refused_delete_or_move_says_so_and_leaves_undo_alone(
    qtbot, demo_copy: Path, answers
) -> None:
    window = open_window(qtbot, demo_copy)
    pick_team(window, "Workshop")
    window.navigator.select(cycle_id=window.navigator.cycle_box.itemData(0))  # 2026-Q3, closed
    assert "closed" in window.heading.text()
    objective = window.okr_view.tree.teams[0].objectives[0]
    window.okr_view.select("objective", objective.id)
    window.delete_action.trigger()
    message = window.statusBar().currentMessage()
    assert message.startswith("Not done: cycle 2026-Q3 is closed and read-only")
    assert "Deleted" not in message
    answers.choice = "Café Sales"
    window.move_to_action.trigger()
    assert window.statusBar().currentMessage().startswith("Not done: cycle 2026-Q3 is closed")
    window.add_objective_action.trigger()
    assert window.statusBar().currentMessage().startswith("Not done: cycle 2026-Q3 is closed")
    assert window.session.undo_stack.count() == 0
    assert objective.title in titles(window)


def screenshot(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "okrdesk", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)},
    )


def test_screenshot_of_the_demo_at_a_given_size(tmp_path: Path, demo_copy: Path) -> None:
    shot = tmp_path / "x.png"
    result = screenshot(tmp_path, str(demo_copy), "--screenshot", str(shot), "--size", "1366x768")
    assert result.returncode == 0, result.stderr
    header = shot.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (1366, 768)  # the PNG's width and height


def test_a_screenshot_leaves_the_remembered_window_alone(tmp_path: Path, demo_copy: Path) -> None:
    """A picture is not a session: the window's size and panels as last used stay
    remembered (a headless screen of 800 pixels had shrunk them, and the next run,
    picture or not, laid its panels out for that)."""
    conf = tmp_path / "OKR Desk" / "OKR Desk.conf"
    for size in ("900x700", "1366x768"):
        shot = tmp_path / f"{size}.png"
        result = screenshot(tmp_path, str(demo_copy), "--screenshot", str(shot), "--size", size)
        assert result.returncode == 0, result.stderr
        assert shot.exists()
        assert "[window]" not in conf.read_text(encoding="utf-8", errors="replace")


def test_a_size_that_is_not_one_is_refused_in_one_line(tmp_path: Path, demo_copy: Path) -> None:
    result = screenshot(tmp_path, str(demo_copy), "--screenshot", "x.png", "--size", "big")
    assert result.returncode == 2
    assert "'big' is not a size like 1366x768" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.png").exists()


def test_move_objective_to_another_team_and_back(qtbot, demo_copy: Path, answers) -> None:
    window = open_window(qtbot, demo_copy)
    pick_team(window, "Workshop")
    orphan = next(
        o
        for o in window.okr_view.tree.teams[0].objectives
        if o.title == "Prototype a grinder that carries our name"
    )
    window.okr_view.select("objective", orphan.id)
    answers.choice = "Café Sales"
    assert window.move_to_action.shortcut().toString() == "Ctrl+M"
    window.move_to_action.trigger()
    assert "Workshop" not in [text.strip() for _i, text in answers.options]
    moved = entities.get(window.session.ws, "objective", orphan.id)
    assert entities.get(window.session.ws, "team", moved["team_id"])["name"] == "Café Sales"
    assert orphan.title not in titles(window)
    window.session.undo_stack.undo()
    assert orphan.title in titles(window)


def test_teams_and_cycles_from_the_navigator(qtbot, demo_copy: Path, answers) -> None:
    window = open_window(qtbot, demo_copy)
    pick_team(window, "Operations")
    answers.text = "Logistics"
    window.navigator.new_team()
    assert window.navigator.teams.currentItem().text(0) == "Logistics"
    assert window.navigator.teams.currentItem().parent().text(0) == "Operations"
    answers.text = "Logistics and Vans"
    window.navigator.rename_team()
    assert window.navigator.teams.currentItem().text(0) == "Logistics and Vans"

    pick_team(window, "Workshop")
    answers.confirm = True
    window.navigator.delete_team()
    names = [item.text(0) for item in window.navigator._items()]
    assert "Workshop" not in names
    window.session.undo_stack.undo()
    pick_team(window, "Workshop")
    assert len(titles(window)) == 2  # its objectives came back with it

    window.navigator.new_cycle(today=lambda: date(2026, 12, 4))  # asks for the period
    dialog = window.navigator.cycle_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)  # the suggested one
    assert window.navigator.cycle_box.currentText().startswith("2027-Q1")
    answers.text = "Logistics and Vans"
    window.navigator.new_team()  # a duplicate name is refused, clearly
    assert "already has this name" in answers.errors[-1]


def test_an_undo_the_file_no_longer_allows_is_reported(qtbot, demo_copy: Path, answers) -> None:
    from okrdesk.services import lifecycle

    window = open_window(qtbot, demo_copy)
    pick_team(window, "Workshop")
    objective = window.okr_view.tree.teams[0].objectives[0]
    window.okr_view.select("objective", objective.id)
    window.delete_action.trigger()
    cycle = window.navigator.cycle_id()
    for state in ("review", "closed"):  # closed meanwhile (e.g. from the command line)
        lifecycle.set_state(window.session.ws, cycle, state)
    window.session.undo_stack.undo()
    assert "is closed and read-only" in window.statusBar().currentMessage()
    assert window.session.undo_stack.count() == 0  # the stack stays true to the file
    assert objective.title not in titles(window)


# Each number field of the detail editor, with the key result around it that makes 0.125 a
# valid value there, and another value to type over.
KR_NUMBERS = {
    "start": ({"kind": "metric", "start": 0.125, "target": 1}, 0.5),
    "target": ({"kind": "metric", "start": 0, "target": 0.125}, 0.25),
    "current": ({"kind": "metric", "start": 0, "target": 1, "current": 0.125}, 0.5),
    "commit_level": (
        {
            "kind": "three_level",
            "start": 0,
            "commit_level": 0.125,
            "target": 0.5,
            "stretch_level": 1,
        },
        0.25,
    ),
    "stretch_level": (
        {
            "kind": "three_level",
            "start": 0,
            "commit_level": 0,
            "target": 0.1,
            "stretch_level": 0.125,
        },
        0.25,
    ),
    "weight": ({"weight": 0.125}, 1.0),
}


@pytest.mark.parametrize("name", KR_NUMBERS)
def test_a_number_field_shows_and_keeps_exactly_what_is_stored(
    qtbot, demo_copy: Path, answers, name: str
) -> None:
    window = open_window(qtbot, demo_copy)
    pick_team(window, "Workshop")
    kr_id = window.okr_view.tree.teams[0].objectives[0].key_results[0].id
    ws = window.session.ws
    values, other = KR_NUMBERS[name]
    entities.update(ws, "key_result", kr_id, **values)
    window.okr_view.select("key_result", kr_id)
    editor = window.editor.editors["key_result"]
    field = editor.fields[name]
    assert field.text() == "0.125"  # not "0.12": what is shown is what Enter saves

    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert entities.get(ws, "key_result", kr_id)[name] == 0.125
    assert field.text() == "0.125"

    entities.update(ws, "key_result", kr_id, **{name: other})
    window.editor.show_item("key_result", kr_id)
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "0.125")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert entities.get(ws, "key_result", kr_id)[name] == 0.125
    assert field.text() == "0.125"  # reloaded from the file after the save
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # and leaving the field changes nothing
    assert entities.get(ws, "key_result", kr_id)[name] == 0.125


def test_use_these_numbers_without_a_start_takes_the_direction_from_the_words(
    qtbot, demo_copy: Path, answers
) -> None:
    """The detail editor fills a key result as the planning session's editor does."""
    window = open_window(qtbot, demo_copy)
    pick_team(window, "Workshop")
    window.okr_view.select("objective", window.okr_view.tree.teams[0].objectives[0].id)
    window.add_kr_action.trigger()
    editor = window.editor.editors["key_result"]
    qtbot.keyClicks(editor.title, "Cut repeat visits to 5%")
    qtbot.waitUntil(lambda: editor.coach.fill_button.isVisible(), timeout=3000)
    assert editor.coach.metric_label.text() == "Read: — → 5 %"
    qtbot.keyClick(editor.title, Qt.Key.Key_Tab)
    qtbot.mouseClick(editor.coach.fill_button, Qt.MouseButton.LeftButton)
    kr = entities.get(window.session.ws, "key_result", editor.item["id"])
    assert (kr["start"], kr["target"], kr["unit"], kr["direction"]) == (None, 5, "%", "decrease")
    assert editor.fields["target"].text() == "5"


def test_an_undo_that_meets_a_locked_file_stays_to_try_again(
    qtbot, demo_copy: Path, answers, monkeypatch
) -> None:
    from okrdesk.errors import WorkspaceLockedError
    from okrdesk.services import operations

    window = open_window(qtbot, demo_copy)
    pick_team(window, "Workshop")
    objective = window.okr_view.tree.teams[0].objectives[0]
    window.okr_view.select("objective", objective.id)
    window.delete_action.trigger()
    stack = window.session.undo_stack
    real_undo = operations.undo

    def locked(*_args: object) -> None:
        raise WorkspaceLockedError("the workspace is locked by another program; try again")

    monkeypatch.setattr(operations, "undo", locked)
    stack.undo()
    assert "locked by another program" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: stack.canUndo(), timeout=1000)  # back where it was
    assert stack.count() == 1 and objective.title not in titles(window)
    monkeypatch.setattr(operations, "undo", real_undo)
    stack.undo()  # the other program has finished: now it works
    assert objective.title in titles(window)


def test_the_detail_editor_shows_an_undone_link(qtbot, demo_copy: Path, answers) -> None:
    window = open_window(qtbot, demo_copy)
    pick_team(window, "Kolbenwerk Espresso")
    objective = window.okr_view.tree.teams[0].objectives[0]
    initiative = objective.initiatives[0]
    window.okr_view.select("initiative", initiative.id)
    assert window.editor.current == ("initiative", initiative.id)
    links = window.editor.editors["initiative"].links

    def ticked() -> set[str]:
        return {
            links.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(links.count())
            if links.item(i).checkState() == Qt.CheckState.Checked
        }

    before = ticked()
    unticked = next(
        i for i in range(links.count()) if links.item(i).checkState() != Qt.CheckState.Checked
    )
    links.item(unticked).setCheckState(Qt.CheckState.Checked)
    assert ticked() != before
    window.session.undo_stack.undo()
    assert ticked() == before
