"""File → Export: the choices, a PDF written off the UI thread, cancel leaves nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from ui import dialogs
from ui.app import Windows
from ui.export import ExportDialog, start_export


@pytest.fixture
def window(qtbot, demo_copy: Path, answers):
    win = Windows().open(demo_copy)
    qtbot.addWidget(win)
    return win


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "open_in_viewer", shown.append)
    return shown


def dialog_for(window) -> ExportDialog:
    return ExportDialog(
        window.session, window.navigator.cycle_id(), window.navigator.team_id(), window
    )


def test_sheets_for_two_teams_in_letter_landscape(qtbot, window, tmp_path: Path, opened) -> None:
    dialog = dialog_for(window)
    assert dialog.chosen_teams() == [window.navigator.team_id()]  # the team on screen
    for i in range(dialog.teams.count()):
        if "Workshop" in dialog.teams.item(i).text():
            dialog.teams.item(i).setCheckState(Qt.CheckState.Checked)
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    dialog.landscape.setChecked(True)
    assert dialog.summary.text() == "2 one-page sheets, US Letter landscape."
    dialog.path.setText(str(tmp_path / "sheets.pdf"))
    job = start_export(window, dialog)
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    reader = PdfReader(tmp_path / "sheets.pdf")
    assert len(reader.pages) == 2
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(width), round(height)) == (792, 612)  # Letter, landscape
    assert "Workshop" in reader.pages[1].extract_text()
    assert opened == [str(tmp_path / "sheets.pdf")]
    qtbot.waitUntil(lambda: "Wrote" in window.statusBar().currentMessage())


def test_nothing_ticked_means_nothing_to_export(window) -> None:
    dialog = dialog_for(window)
    dialog.teams.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.export_button.isEnabled()
    assert dialog.summary.text() == "Tick at least one team."
    dialog.kind.setCurrentIndex(dialog.kind.findData("booklet"))
    assert dialog.export_button.isEnabled() and not dialog.teams.isEnabled()


def test_cancelled_booklet_leaves_no_file(qtbot, window, tmp_path: Path, opened) -> None:
    dialog = dialog_for(window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("booklet"))
    out = tmp_path / "out"
    out.mkdir()
    dialog.path.setText(str(out / "booklet.pdf"))
    job = start_export(window, dialog)
    job.cancel()  # before the first team is laid out: stops at once
    # Not waitSignal: the job may have finished before a wait could start listening.
    qtbot.waitUntil(job.isFinished, timeout=60_000)
    assert job.cancelled
    assert list(out.iterdir()) == []  # no PDF, no temporary file
    assert opened == []


def ticks(dialog: ExportDialog) -> dict[str, bool]:
    return {
        dialog.teams.item(i).text().strip().split("  (")[0]: dialog.teams.item(i).checkState()
        == Qt.CheckState.Checked
        for i in range(dialog.teams.count())
    }


def test_the_booklet_shows_every_team_ticked_and_gives_back_the_own_ticks(window) -> None:
    """A booklet prints every team: the greyed list says so, not one team unticked."""
    dialog = dialog_for(window)
    dialog.teams.item(1).setCheckState(Qt.CheckState.Checked)  # two teams of one's own
    own = ticks(dialog)
    assert sum(own.values()) == 2
    dialog.kind.setCurrentIndex(dialog.kind.findData("booklet"))
    assert not dialog.teams.isEnabled()
    assert all(ticks(dialog).values()) and len(ticks(dialog)) == dialog.teams.count()
    dialog.kind.setCurrentIndex(dialog.kind.findData("sheets"))
    assert dialog.teams.isEnabled() and ticks(dialog) == own
    assert dialog.summary.text() == "2 one-page sheets, A4 portrait."


def test_another_cycle_is_chosen_in_the_dialog(qtbot, window, tmp_path: Path, opened) -> None:
    dialog = dialog_for(window)
    assert dialog.cycle.currentText().startswith("2026-Q4")  # the navigator's
    assert dialog.path.text().endswith("demo 2026-Q4 sheets.pdf")
    dialog.cycle.setCurrentIndex(dialog.cycle.findText("2026-Q3", Qt.MatchFlag.MatchStartsWith))
    assert dialog.path.text().endswith("demo 2026-Q3 sheets.pdf")  # the suggestion follows
    assert dialog.chosen_teams() == [window.navigator.team_id()]  # the ticks stay
    dialog.path.setText(str(tmp_path / "q3.pdf"))
    job = start_export(window, dialog)
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    assert "2026-Q3" in PdfReader(tmp_path / "q3.pdf").pages[0].extract_text()


def test_the_next_export_starts_in_the_folder_of_the_last(
    qtbot, window, tmp_path: Path, opened
) -> None:
    first = dialog_for(window)
    assert Path(first.path.text()).parent != tmp_path / "prints"
    (tmp_path / "prints").mkdir()
    first.path.setText(str(tmp_path / "prints" / "mine.pdf"))
    job = start_export(window, first)
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    again = dialog_for(window)
    assert Path(again.path.text()) == tmp_path / "prints" / "demo 2026-Q4 sheets.pdf"
    again.kind.setCurrentIndex(again.kind.findData("booklet"))
    assert Path(again.path.text()).name == "demo 2026-Q4 booklet.pdf"
    again.path.setText(str(tmp_path / "prints" / "typed.pdf"))
    again.kind.setCurrentIndex(again.kind.findData("retro"))
    assert Path(again.path.text()).name == "typed.pdf"  # a name of one's own stays
