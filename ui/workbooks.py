"""File → Import Excel workbook… / Export as Excel workbook…: the spreadsheet's rows merged
into the open workspace as one undo step, or every cycle written out, a sheet each.

The interchange modules (and openpyxl) load only when one of these runs: they would add
to every start-up otherwise.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from okrdesk.errors import OkrDeskError
from okrdesk.formatting import counted
from ui import dialogs

if TYPE_CHECKING:
    from okrdesk.interchange.csv_format import CsvReport
    from ui.main_window import MainWindow


def import_workbook(window: MainWindow) -> None:
    """Ask for a workbook, then merge it in the background (all or nothing; Ctrl+Z takes
    it out again). Refusals say why in a dialog; notices go to the status bar."""
    from okrdesk.interchange import xlsx_format

    path = dialogs.choose_workbook_to_open(window, str(window.start_folder()))
    if not path:
        return
    source = Path(path)
    window.statusBar().showMessage(f"Importing {source.name}…")

    def done(report: CsvReport) -> None:
        message = (
            f"Imported {source.name}: {counted(report.objectives, 'new objective')}, "
            f"{counted(report.key_results, 'new key result')}"
        )
        if report.notices:
            message += " — " + "; ".join(report.notices)
        window.statusBar().showMessage(message, 15000)

    def refused(reason: str) -> None:
        window.statusBar().clearMessage()
        dialogs.tell_error(window, "Nothing imported", reason)

    window.session.run_in_background(
        f"Import {source.name}",
        lambda ws: xlsx_format.import_into(source, ws),
        done=done,
        refused=refused,
    )


def export_workbook(window: MainWindow) -> None:
    """Ask where, then write every cycle into one workbook, a sheet per cycle."""
    from okrdesk.interchange import xlsx_format

    ws = window.session.ws
    suggestion = window.start_folder() / f"{ws.path.stem}.xlsx"
    path = dialogs.choose_workbook_to_save(window, str(suggestion))
    if not path:
        return
    try:
        xlsx_format.write_xlsx(ws, Path(path))
    except OkrDeskError as exc:
        dialogs.tell_error(window, "Nothing exported", str(exc))
        return
    window.statusBar().showMessage(f"Exported to {path}", 15000)
