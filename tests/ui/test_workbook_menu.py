"""File → Import Excel workbook… / Export as Excel workbook…, driven from the menu with
the file dialogs answered (as the other menu tests answer theirs)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QMenu

from okrdesk.services.views import okr_tree
from okrdesk.services.workspace import Workspace
from ui import dialogs
from ui.app import Windows
from ui.main_window import MainWindow

HEADER = ["cycle", "team", "theme", "objective", "key_result", "start", "target", "unit", "owner"]


def open_window(qtbot, path: Path) -> MainWindow:
    window = Windows().open(path)
    assert window is not None
    qtbot.addWidget(window)
    return window


def file_action(window: MainWindow, text: str):
    (file_menu,) = [
        a.menu() for a in window.menuBar().actions() if a.text() == "&File" and a.menu()
    ]
    assert isinstance(file_menu, QMenu)
    found = [a for a in file_menu.actions() if a.text().replace("&", "") == text]
    assert found, [a.text() for a in file_menu.actions()]
    return found[0]


def key_results_of(path: Path, cycle: str, team: str) -> list[str]:
    with Workspace.open(path, read_only=True) as ws:
        tree = okr_tree(ws, cycle=cycle)
    return [
        k.title for t in tree.teams if t.name == team for o in t.objectives for k in o.key_results
    ]


def test_export_as_excel_workbook_from_the_file_menu(
    qtbot, demo_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, demo_copy)
    target = tmp_path / "okrs"
    monkeypatch.setattr(dialogs.QFileDialog, "getSaveFileName", lambda *_a: (str(target), ""))
    file_action(window, "Export as Excel workbook…").trigger()
    book = openpyxl.load_workbook(tmp_path / "okrs.xlsx")  # the extension added
    assert book.sheetnames == ["2026-Q3", "2026-Q4"]  # the demo's two quarters, a sheet each
    assert [c.value for c in next(book[book.sheetnames[-1]].iter_rows())] == HEADER
    assert "Exported to" in window.statusBar().currentMessage()


def test_import_excel_workbook_merges_as_one_undo_step(
    qtbot, demo_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, demo_copy)
    cycle = okr_tree(window.session.ws).cycle.name
    source = tmp_path / "plan.xlsx"
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.active.append(
        [cycle, "Pop-up Bar", "", "Open at three festivals", "Sign 3 festivals", 0, 3, "", ""]
    )
    book.save(source)
    monkeypatch.setattr(dialogs, "choose_workbook_to_open", lambda *_a: str(source))
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "tell_error", lambda _p, _t, text: errors.append(text))
    file_action(window, "Import Excel workbook…").trigger()
    qtbot.waitUntil(lambda: "Imported plan.xlsx" in window.statusBar().currentMessage())
    assert errors == []
    assert key_results_of(demo_copy, cycle, "Pop-up Bar") == ["Sign 3 festivals"]
    assert window.session.undo_stack.undoText() == "Import plan.xlsx"
    window.session.undo_stack.undo()
    assert key_results_of(demo_copy, cycle, "Pop-up Bar") == []


def test_a_refused_workbook_says_why_and_changes_nothing(
    qtbot, demo_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, demo_copy)
    source = tmp_path / "notes.xlsx"
    source.write_text("not a workbook", encoding="utf-8")
    monkeypatch.setattr(dialogs, "choose_workbook_to_open", lambda *_a: str(source))
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "tell_error", lambda _p, _t, text: errors.append(text))
    file_action(window, "Import Excel workbook…").trigger()
    qtbot.waitUntil(lambda: bool(errors))
    assert errors == [f"{source}: not an Excel workbook (.xlsx)"]
    assert window.session.undo_stack.count() == 0
