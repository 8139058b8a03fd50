"""The coach's view of the whole team set, kept up to date as people edit."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from okrdesk.errors import OkrDeskError
from okrdesk.formatting import counted
from ui.coach_panel import COLOURS, MARKS
from ui.refresh import OKRS, Refresher
from ui.session import WorkspaceSession
from ui.team_okrs import team_findings


class CoachSummary(QTextBrowser):
    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.cycle_id = ""
        self.team_id = ""
        self.setOpenLinks(False)
        self.setAccessibleName("Coach summary")
        # Typing saves often: the coach reads the team again once the typing pauses.
        self.refresher = Refresher(
            self, session, OKRS, lambda _changes: self.refresh(), delay_ms=400
        )

    def show_team(self, cycle_id: str, team_id: str) -> None:
        """Now when the coach is on screen, else when it is next shown."""
        self.cycle_id, self.team_id = cycle_id, team_id
        self.refresher.renew()

    def refresh(self) -> None:
        if not (self.cycle_id and self.team_id):
            self.setHtml("")
            return
        try:
            found = team_findings(self.session, self.cycle_id, self.team_id)
        except OkrDeskError as exc:
            self.setHtml(escape(str(exc)))
            return
        if not found:
            self.setHtml(
                "<p style='color:#2e6b30'>✔ The coach has nothing to say about this "
                "team's OKRs.</p>"
            )
            return
        rows = []
        for f in found:
            colour = COLOURS[f.finding.severity]
            rows.append(
                f"<p style='margin:0 0 8px 0'><span style='color:{colour}'>"
                f"{MARKS[f.finding.severity]} <b>{f.finding.severity.capitalize()}</b></span> "
                f"<i>{escape(f.item_title)}</i><br>{escape(f.finding.message)}<br>"
                f"<span style='color:#444'>{escape(f.finding.hint)}</span></p>"
            )
        problems = sum(f.finding.severity != "info" for f in found)
        head = f"<p><b>{counted(len(found), 'note')}, {problems} to fix</b></p>"
        self.setHtml(head + "".join(rows))
