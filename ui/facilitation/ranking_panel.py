"""The ranked result of the vote; tick the chosen candidates and promote them with one
action — to draft objectives of the team (key results: under an objective), the rest of
the open candidates to the parking lot."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from okrdesk.errors import OkrDeskError
from okrdesk.services import entities
from okrdesk.services.workshop_ideas import promote
from okrdesk.services.workshop_votes import Ranked, tally
from okrdesk.vocabulary import CANDIDATE_STATUS_WORDS, CandidateStatus
from ui.facilitation import prompts
from ui.facilitation.context import WorkshopContext

STATUS: dict[CandidateStatus, str] = {
    "open": "",
    "promoted": f"✓ {CANDIDATE_STATUS_WORDS['promoted']}",
    "parked": CANDIDATE_STATUS_WORDS["parked"],
}


class RankingPanel(QWidget):
    def __init__(self, ctx: WorkshopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = "objective"
        self.ranked: list[Ranked] = []
        self.tree = QTreeWidget()
        self.tree.setObjectName("rankingList")
        self.tree.setHeaderLabels(["Rank", "Dots", "Candidate", ""])
        self.tree.setRootIsDecorated(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col in (0, 1, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.top_n = QSpinBox()
        self.top_n.setRange(1, 20)
        self.top_n.setValue(3)
        self.top_n.setPrefix("Tick the top ")
        self.tick_button = QPushButton("Tick")
        self.tick_button.clicked.connect(lambda: self.tick_top(self.top_n.value()))
        self.promote_button = QPushButton("Promote ticked, park the rest")
        self.promote_button.setObjectName("promoteButton")
        self.promote_button.clicked.connect(self.promote_ticked)
        self.message = QLabel()
        self.message.setObjectName("rankingMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.top_n)
        buttons.addWidget(self.tick_button)
        buttons.addStretch(1)
        buttons.addWidget(self.promote_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def set_kind(self, kind: str) -> None:
        self.kind = kind
        self.promote_button.setText(
            "Promote ticked to objectives, park the rest"
            if kind == "objective"
            else "Promote ticked to key results, park the rest"
        )
        self.refresh()

    def refresh(self) -> None:
        ticked = set(self.ticked_ids())
        self.tree.clear()
        if self.ctx.session_id is None:
            self.ranked = []
            return
        self.ranked = list(tally(self.ctx.ws, self.ctx.session_id, self.kind).ranked)
        voted = any(r.dots for r in self.ranked)
        for r in self.ranked:
            text = r.text + (f"  (+{len(r.members)} alike)" if r.members else "")
            rank = str(r.rank) if voted else "—"
            item = QTreeWidgetItem([rank, str(r.dots), text, STATUS[r.status]])
            item.setData(0, Qt.ItemDataRole.UserRole, r.id)
            for col in (0, 1):
                item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight)
            if r.status == "open":
                checked = Qt.CheckState.Checked if r.id in ticked else Qt.CheckState.Unchecked
                item.setCheckState(2, checked)
            self.tree.addTopLevelItem(item)

    def ticked_ids(self) -> list[str]:
        found = []
        for n in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(n)
            if item.checkState(2) == Qt.CheckState.Checked:
                found.append(item.data(0, Qt.ItemDataRole.UserRole))
        return found

    def tick_top(self, count: int) -> None:
        """Tick the first ``count`` open candidates of the ranking (and untick the rest).
        After a vote, an idea nobody gave a dot is never among the top."""
        voted = any(r.dots for r in self.ranked if r.status == "open")
        left = count
        for n in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(n)
            if self.ranked[n].status != "open":
                continue
            chosen = left > 0 and (self.ranked[n].dots > 0 or not voted)
            item.setCheckState(2, Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            left -= chosen

    def promote_ticked(self) -> bool:
        chosen = self.ticked_ids()
        if self.ctx.session_id is None:
            return False
        if not chosen:
            self.message.setText("Tick the candidates the room chose first.")
            return False
        objective_id = None
        if self.kind == "key_result":
            objective_id = self._choose_objective()
            if objective_id is None:
                return False
        elif not self.ctx.team_id:
            self.message.setText("Choose the team in the navigator first.")
            return False
        try:
            promotion = self.ctx.session.run(
                "",
                promote,
                self.ctx.session_id,
                chosen,
                self.ctx.team_id,
                self.ctx.plan_cycle(),
                objective_id,
            )
        except OkrDeskError as exc:
            self.message.setText(str(exc))
            return False
        made, parked = len(promotion.made), promotion.parked
        noun = "draft objective" if self.kind == "objective" else "key result"
        self.message.setText(
            f"{made} {noun}{'s' if made != 1 else ''} added; {parked} idea"
            f"{'s' if parked != 1 else ''} moved to the parking lot. Ctrl+Z takes it back."
        )
        return True

    def _choose_objective(self) -> str | None:
        cycle = self.ctx.plan_cycle()
        if not (cycle and self.ctx.team_id):
            self.message.setText("Choose the team and cycle in the navigator first.")
            return None
        objectives = entities.list_items(
            self.ctx.ws, "objective", cycle_id=cycle, team_id=self.ctx.team_id
        )
        if not objectives:
            self.message.setText("The team has no objective yet to put key results under.")
            return None
        return prompts.choose_one(
            self,
            "Promote key results",
            "Under which objective?",
            [(o["id"], o["title"]) for o in objectives],
        )
