"""The dot vote: a grid of candidates × participants (or a room total per candidate),
with each person's dots left in the column header. A vote past the budget is refused
with the reason beside the grid, and the cell goes back to what it was."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from okrdesk.errors import OkrDeskError
from okrdesk.formatting import shorten
from okrdesk.services import workshop
from okrdesk.services.workshop_votes import set_dots, tally
from ui.facilitation.context import WorkshopContext

ROOM = "Room total"


class VotePanel(QWidget):
    def __init__(self, ctx: WorkshopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = "objective"
        self.rows: list[str] = []  # candidate ids
        self.columns: list[str | None] = []  # participant ids; None: the room total
        self._filling = False
        self.dots = QSpinBox()
        self.dots.setObjectName("dotsPerParticipant")
        self.dots.setRange(0, 50)
        self.dots.setSuffix(" dots each")
        self.dots.editingFinished.connect(self._dots_changed)
        self.summary = QLabel()
        self.summary.setObjectName("voteSummary")
        self.grid = QTableWidget(0, 0)
        self.grid.setObjectName("voteGrid")
        self.grid.itemChanged.connect(self._edited)
        self.message = QLabel()
        self.message.setObjectName("voteMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        top = QHBoxLayout()
        top.addWidget(QLabel("Dot vote:"))
        top.addWidget(self.dots)
        top.addStretch(1)
        top.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.message)

    def set_kind(self, kind: str) -> None:
        self.kind = kind
        self.refresh()

    def refresh(self) -> None:
        info = self.ctx.info()
        self.setEnabled(info is not None)
        if info is None or self.ctx.session_id is None:
            self.grid.clear()
            self.grid.setRowCount(0)
            self.grid.setColumnCount(0)
            return
        self.dots.setValue(info.dots_per_participant)
        people = workshop.participants(self.ctx.ws, self.ctx.session_id)
        result = tally(self.ctx.ws, self.ctx.session_id, self.kind)
        open_heads = sorted(
            (r for r in result.ranked if r.status == "open"), key=lambda r: r.position
        )
        self._filling = True
        self.rows = [r.id for r in open_heads]
        self.columns = [p.id for p in people] + [None]
        headers = [f"{p.name}\n{result.left(p.id)} left" for p in people] + [ROOM, "Total"]
        self.grid.setColumnCount(len(headers))
        self.grid.setRowCount(len(open_heads))
        self.grid.setHorizontalHeaderLabels(headers)
        self.grid.setVerticalHeaderLabels([shorten(r.text) for r in open_heads])
        for row, r in enumerate(open_heads):
            for col, participant in enumerate(self.columns):
                dots = r.by_participant.get(participant, 0)
                item = QTableWidgetItem(str(dots) if dots else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.grid.setItem(row, col, item)
            total = QTableWidgetItem(str(r.dots))
            total.setFlags(Qt.ItemFlag.ItemIsEnabled)
            total.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.grid.setItem(row, len(self.columns), total)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._filling = False
        given = sum(result.used.values())
        budget = result.budget * len(people)
        self.summary.setText(
            f"{given} of {budget} dots given by {len(people)} participants"
            if people
            else "No participants listed: enter room totals"
        )

    def set_vote(self, candidate_id: str, participant_id: str | None, dots: int) -> bool:
        """Enter dots as the grid does (for the vote grid and tests); False when refused."""
        self.message.clear()
        try:
            self.ctx.session.run("", set_dots, candidate_id, participant_id, dots)
        except OkrDeskError as exc:
            self.message.setText(str(exc))
            self.refresh()
            return False
        return True

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() >= len(self.columns) or item.row() >= len(self.rows):
            return
        text = item.text().strip()
        if text and not text.isdigit():
            self.message.setText(f"Dots must be a whole number (got {text!r})")
            self.refresh()
            return
        self.set_vote(self.rows[item.row()], self.columns[item.column()], int(text or 0))

    def _dots_changed(self) -> None:
        info = self.ctx.info()
        if info is None or info.dots_per_participant == self.dots.value():
            return
        try:
            self.ctx.session.update(
                "workshop_session", info.id, dots_per_participant=self.dots.value()
            )
        except OkrDeskError as exc:
            self.message.setText(str(exc))
