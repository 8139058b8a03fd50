"""File → Export: choose what to print, render it off the UI thread, open the result.

The view data is gathered on the UI thread (a few queries, well under a second
even for 200 teams); the slow part, laying out and drawing pages, runs in a
worker thread with a progress dialog whose Cancel stops it cleanly.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from okrdesk.errors import OkrDeskError
from okrdesk.formatting import counted
from okrdesk.reports import (
    PageSetup,
    ReportCancelled,
    ReportResult,
    SheetsData,
    booklet_data,
    retro_data,
    sheets_data,
    write_booklet,
    write_retro,
    write_sheets,
)
from okrdesk.services import entities
from okrdesk.services.views import team_nodes
from okrdesk.vocabulary import CYCLE_STATE_WORDS
from ui import dialogs
from ui.app import settings as app_settings
from ui.session import WorkspaceSession

FOLDER_KEY = "export/folder"  # the folder of the last export
KINDS = [
    ("sheets", "One-page OKR sheets"),
    ("booklet", "Booklet (all teams)"),
    ("retro", "Retrospective report"),
]


class ExportJob(QThread):
    """Renders one prepared report; `cancel()` stops it at the next team or page."""

    progressed = Signal(int, int)
    succeeded = Signal(object)  # ReportResult
    failed = Signal(str)

    def __init__(self, render: Callable[..., ReportResult]) -> None:
        super().__init__()
        self.render = render
        self._stop = threading.Event()
        self.cancelled = False

    def cancel(self) -> None:
        self._stop.set()

    def _progress(self, done: int, total: int) -> None:
        if self._stop.is_set():
            raise ReportCancelled("export cancelled")
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            result = self.render(progress=self._progress)
        except ReportCancelled:
            self.cancelled = True
            self.failed.emit("Export cancelled; nothing was written.")
        except OkrDeskError as exc:
            self.failed.emit(str(exc))
        else:
            self.succeeded.emit(result)


class ExportDialog(QDialog):
    """The choices, and a line saying what they will produce.

    The cycle can be changed here (the navigator's is the default). The booklet prints
    every team, so the team list then shows all of them ticked and greyed; the person's
    own ticks come back when another kind is chosen. The file goes to the folder used
    last time (kept in the settings), named after the workspace, cycle and kind until the
    person types a name of their own.
    """

    def __init__(
        self, session: WorkspaceSession, cycle_id: str, team_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session, self.cycle_id = session, cycle_id
        self.setWindowTitle("Export as PDF")
        self.setMinimumWidth(480)  # room for the file name
        self.kind = QComboBox()
        for value, text in KINDS:
            self.kind.addItem(text, value)
        self.cycle = QComboBox()
        self.cycle.setAccessibleName("Cycle")
        cycles = sorted(
            entities.list_items(session.ws, "cycle"), key=lambda c: c["start_date"], reverse=True
        )
        for c in cycles:
            self.cycle.addItem(f"{c['name']}  ({CYCLE_STATE_WORDS[c['state']]})", c["id"])
        self.cycle.setCurrentIndex(max(0, self.cycle.findData(cycle_id)))
        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem("US Letter", "letter")
        self.landscape = QCheckBox("Landscape")
        self.teams = QListWidget()
        self.ticked: set[str] = {team_id} if team_id else set()  # the person's own ticks
        self.path = QLineEdit()
        self._suggested = ""
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("exportSummary")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            "Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form = QFormLayout()
        form.addRow("&What", self.kind)
        form.addRow("&Cycle", self.cycle)
        form.addRow("&Paper", self.paper)
        form.addRow("", self.landscape)
        form.addRow("&Teams", self.teams)
        form.addRow("Save as", where)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self._fill_teams()
        self.kind.currentIndexChanged.connect(lambda *_: self._kind_changed())
        self.cycle.currentIndexChanged.connect(lambda *_: self._cycle_changed())
        self.teams.itemChanged.connect(self._team_ticked)
        for signal in (self.paper.currentIndexChanged, self.landscape.toggled):
            signal.connect(lambda *_: self._update())
        self._suggest_path()
        self._update()

    # -- the choices --------------------------------------------------------------------------

    def _fill_teams(self) -> None:
        """The team tree with the cycle's objective counts; all ticked for a booklet."""
        everyone = self.kind.currentData() == "booklet"
        self.teams.blockSignals(True)
        try:
            self.teams.clear()
            for node in team_nodes(self.session.ws, self.cycle_id):
                label = "    " * node.depth + f"{node.name}  ({node.objective_count})"
                item = QListWidgetItem(label)
                item.setData(Qt.ItemDataRole.UserRole, node.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                ticked = everyone or node.id in self.ticked
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                self.teams.addItem(item)
        finally:
            self.teams.blockSignals(False)
        self.teams.setEnabled(not everyone)

    def _team_ticked(self, item: QListWidgetItem) -> None:
        team = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self.ticked.add(team)
        else:
            self.ticked.discard(team)
        self._update()

    def _kind_changed(self) -> None:
        self._fill_teams()
        self._suggest_path()
        self._update()

    def _cycle_changed(self) -> None:
        self.cycle_id = self.cycle.currentData()
        self._fill_teams()
        self._suggest_path()
        self._update()

    def chosen_teams(self) -> list[str]:
        return [
            self.teams.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.teams.count())
            if self.teams.item(i).checkState() == Qt.CheckState.Checked
        ]

    def setup(self) -> PageSetup:
        return PageSetup(self.paper.currentData(), landscape=self.landscape.isChecked())

    # -- where it goes ------------------------------------------------------------------------

    def _suggest_path(self) -> None:
        """A name from the workspace, cycle and kind, in the folder used last time; a name
        the person typed or chose is left alone."""
        if self.path.text() and self.path.text() != self._suggested:
            return
        cycle = self.cycle.currentText().split("  (")[0]
        name = f"{self.session.ws.path.stem} {cycle} {self.kind.currentData()}.pdf"
        self._suggested = str(export_folder(self.parentWidget(), self.session) / name)
        self.path.setText(self._suggested)

    def _browse(self) -> None:
        path = dialogs.choose_pdf_path(self, self.path.text())
        if path:
            self.path.setText(path)

    def remember_folder(self) -> None:
        """The folder of this export is where the next one starts."""
        folder = Path(self.path.text()).expanduser().parent
        app_settings().setValue(FOLDER_KEY, str(folder))

    def _update(self) -> None:
        kind = self.kind.currentData()
        teams = len(self.chosen_teams())
        orientation = "landscape" if self.landscape.isChecked() else "portrait"
        paper = f"{self.paper.currentText()} {orientation}"
        if kind == "booklet":
            text = f"A booklet of every team ({self.teams.count()}), {paper}: cover, contents, "
            text += "alignment overview, then one sheet per team, with bookmarks."
        elif kind == "retro":
            who = counted(teams, "team") if teams else "every team"
            text = f"A retrospective report for {who}, {paper}: scores, check-in charts, "
            text += "grades, answers and carry-forward decisions."
        elif teams:
            text = f"{counted(teams, 'one-page sheet')}, {paper}."
        else:
            text = "Tick at least one team."
        self.summary.setText(text)
        self.export_button.setEnabled(kind != "sheets" or teams > 0)

    def renderer(self) -> Callable[..., ReportResult]:
        """Gather the data now (UI thread); return the slow part to run in the worker."""
        ws, cycle, path, setup = (
            self.session.ws,
            self.cycle_id,
            Path(self.path.text()),
            self.setup(),
        )
        kind, teams = self.kind.currentData(), self.chosen_teams()
        if kind == "booklet":
            data = booklet_data(ws, cycle)
            return lambda progress: write_booklet(data, path, setup, progress=progress)
        if kind == "retro":
            data = retro_data(ws, cycle, teams[0] if len(teams) == 1 else None)
            return lambda progress: write_retro(data, path, setup, progress=progress)
        parts = [sheets_data(ws, cycle, team) for team in teams]
        merged = parts[0] if len(parts) == 1 else _merge(parts)
        return lambda progress: write_sheets(merged, path, setup, progress=progress)


def export_folder(parent: QWidget | None, session: WorkspaceSession) -> Path:
    """The folder of the last export while it exists; else where the window's file
    dialogs open (beside the workspace), else the workspace's folder."""
    remembered = str(app_settings().value(FOLDER_KEY, "") or "")
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    start_folder = getattr(parent, "start_folder", None)
    return Path(start_folder()) if callable(start_folder) else session.ws.path.parent


def _merge(parts: list[SheetsData]) -> SheetsData:
    """Several teams' sheets in one PDF."""
    return replace(parts[0], teams=tuple(t for p in parts for t in p.teams))


def run_export(
    parent: QWidget, session: WorkspaceSession, cycle_id: str, team_id: str, *, modal: bool = True
) -> ExportJob | None:
    """Ask, then export with a progress dialog; returns the running job (tests wait on it)."""
    dialog = ExportDialog(session, cycle_id, team_id, parent)
    if modal and dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return start_export(parent, dialog)


def start_export(parent: QWidget, dialog: ExportDialog) -> ExportJob | None:
    try:
        render = dialog.renderer()
    except OkrDeskError as exc:
        dialogs.tell_error(parent, "Nothing exported", str(exc))
        return None
    dialog.remember_folder()
    job = ExportJob(render)
    progress = QProgressDialog("Laying out the pages…", "Cancel", 0, 0, parent)
    progress.setWindowTitle("Exporting")
    progress.setMinimumDuration(400)  # quick exports never flash a dialog
    progress.canceled.connect(job.cancel)
    job.progressed.connect(
        lambda done, total: (progress.setMaximum(total), progress.setValue(done))
    )

    def done(result: ReportResult) -> None:
        progress.reset()
        status = getattr(parent, "statusBar", None)
        message = f"Wrote {result.path} ({counted(result.pages, 'page')})"
        if result.notices:
            message += " — " + " ".join(result.notices)
        if status is not None:
            status().showMessage(message, 15000)
        dialogs.open_in_viewer(str(result.path))

    def failed(reason: str) -> None:
        progress.reset()
        if not job.cancelled:
            dialogs.tell_error(parent, "Export failed", reason)

    job.succeeded.connect(done)
    job.failed.connect(failed)
    job.start()
    _running.append(job)
    job.finished.connect(lambda: _running.remove(job) if job in _running else None)
    return job


_running: list[ExportJob] = []  # keeps jobs alive until their thread ends
