"""The left navigator: which cycle, and which team of the organisation tree (with a
filter: an organisation of a thousand teams is found by typing, not by scrolling)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget

from okrdesk.errors import OkrDeskError
from okrdesk.services import entities
from okrdesk.services.changes import Changes
from okrdesk.services.views import current_cycle_id, objective_counts, team_nodes
from ui import dialogs
from ui.refresh import Refresher
from ui.session import WorkspaceSession
from ui.team_picker import TeamPicker


class Navigator(TeamPicker):
    """Emits `selection_changed(cycle_id, team_id)` when the person picks a cycle or team."""

    selection_changed = Signal(str, str)
    cycle_created = Signal(str)  # after New cycle…: the new cycle's id (it is selected)

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.cycle_dialog: QDialog | None = None  # New cycle…, while it is open
        self._announced: tuple[str, str] | None = None
        self.cycle_box.currentIndexChanged.connect(self._cycle_picked)
        self.teams.currentItemChanged.connect(lambda *_: self._emit())
        self.refresher = Refresher(self, session, ("cycle", "team", "objective"), self._on_change)
        self.teams.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for text, slot in (
            ("New team…", self.new_team),
            ("Rename team…", self.rename_team),
            ("Delete team…", self.delete_team),
            ("New cycle…", self.new_cycle),
        ):
            action = QAction(text, self.teams)
            action.triggered.connect(lambda _checked=False, run=slot: run())
            self.teams.addAction(action)
        self.reload()

    # -- state ---------------------------------------------------------------------------------

    def select(self, cycle_id: str | None = None, team_id: str | None = None) -> None:
        if cycle_id:
            index = self.cycle_box.findData(cycle_id)
            if index < 0:  # made a moment ago, before the change reached this list
                self.reload()
                index = self.cycle_box.findData(cycle_id)
            if index >= 0:
                self.cycle_box.setCurrentIndex(index)
        if team_id:
            self.select_team(team_id)

    # -- managing teams and cycles (each one undoable step) ---------------------------------

    def _report(self, action: Callable[[], object]) -> object | None:
        try:
            return action()
        except OkrDeskError as exc:
            dialogs.tell_error(self, "Not done", str(exc))
            return None

    def new_team(self) -> None:
        name = dialogs.ask_text(self, "New team", "Name of the new team (under the selected one):")
        if name and name.strip():
            parent = self.team_id() or None
            kind = "team" if parent else "company"
            new_id = self._report(
                lambda: self.session.create("team", name=name, parent_id=parent, kind=kind)
            )
            if new_id:
                self.select(team_id=str(new_id))

    def rename_team(self) -> None:
        item = self.teams.currentItem()
        if item is None:
            return
        name = dialogs.ask_text(self, "Rename team", "New name:", item.text(0))
        if name and name.strip():
            self._report(lambda: self.session.update("team", self.team_id(), name=name))

    def delete_team(self) -> None:
        item = self.teams.currentItem()
        if item is None:
            return
        question = (
            f"Delete the team “{item.text(0)}” with its sub-teams and all their "
            "objectives in every cycle? Edit → Undo brings everything back."
        )
        if dialogs.confirm(self, "Delete team", question):
            self._report(lambda: self.session.delete("team", self.team_id()))

    def new_cycle(self, today: Callable[[], date] = date.today) -> None:
        """Ask which period to plan for (window-modal, the suggested one chosen); the cycle is
        created and selected when the person says "Create"."""
        from ui.new_cycle_dialog import NewCycleDialog  # built when asked, not at start-up

        dialog = NewCycleDialog(self.session, today, self.window())
        dialog.created.connect(self._cycle_made)
        dialog.finished.connect(lambda _result: setattr(self, "cycle_dialog", None))
        dialog.finished.connect(dialog.deleteLater)
        self.cycle_dialog = dialog
        dialog.open()

    def _cycle_made(self, cycle_id: str) -> None:
        self.select(cycle_id=cycle_id)
        self.cycle_created.emit(cycle_id)

    # -- building ------------------------------------------------------------------------------

    def reload(self) -> None:
        keep_cycle, keep_team = self.cycle_id(), self.team_id()
        cycles = sorted(
            entities.list_items(self.session.ws, "cycle"), key=lambda c: c["start_date"]
        )
        current = (keep_cycle or current_cycle_id(self.session.ws)) if cycles else ""
        self.show_cycles([(c["id"], c["name"], c["state"]) for c in cycles], current or "")
        self._fill_teams(keep_team)
        self._emit()

    def _fill_teams(self, keep_team: str) -> None:
        self.show_teams(team_nodes(self.session.ws, self.cycle_id() or None), keep_team)

    def _cycle_picked(self) -> None:
        self._fill_teams(self.team_id())
        self._emit()

    def _on_change(self, changes: Changes) -> None:
        if changes.touches(("cycle", "team")):
            self.reload()
        else:
            self._update_counts()  # objectives came or went: the tree itself did not change

    def _update_counts(self) -> None:
        cycle = self.cycle_id()
        self.show_counts(objective_counts(self.session.ws, cycle) if cycle else {})

    def _emit(self) -> None:
        chosen = (self.cycle_id(), self.team_id())
        if chosen != self._announced:  # a reload that keeps the selection is not a change
            self._announced = chosen
            self.selection_changed.emit(*chosen)
