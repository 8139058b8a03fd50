"""Step 6: link the team's objectives to the higher objectives they support, seen as a tree."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from okrdesk.errors import OkrDeskError
from okrdesk.services import entities
from okrdesk.services.views import ObjectiveView, TeamView, okr_tree
from ui.guided.context import PlanningContext
from ui.guided.fields import ErrorLabel
from ui.guided.page import StepPage
from ui.guided.wraptree import WrapTree

ORPHAN = "⚠ Supports nothing yet"


class AlignmentPage(StepPage):
    key = "alignment"

    def __init__(self, ctx: PlanningContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.checks: dict[tuple[str, str], QCheckBox] = {}  # (objective, supported) → box
        self.summary = QLabel()
        self.summary.setObjectName("pageSummary")
        self.summary.setWordWrap(True)
        self.error = ErrorLabel()

        self.links_area = QScrollArea()
        self.links_area.setWidgetResizable(True)
        self.links_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.tree = WrapTree()
        self.tree.setHeaderLabels(["Alignment tree", "Team"])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.summary)
        left.addWidget(self.error)
        left.addWidget(self.links_area, 1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(left, 1)
        row.addWidget(self.tree, 1)

    def refresh(self) -> None:
        self.checks = {}
        old = self.links_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.tree.clear()
        if not self.ctx.ready:
            return
        tree = okr_tree(self.ctx.ws, cycle=self.ctx.cycle_id)
        teams = {t.id: t for t in tree.teams}
        team = teams.get(self.ctx.team_id or "")
        if team is None:
            return
        self.links_area.setWidget(self._links(team, teams))
        self._fill_tree(tree.teams)

    # -- the checkboxes ---------------------------------------------------------------------

    def _links(self, team: TeamView, teams: dict[str, TeamView]) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 8, 0)
        ancestors = []
        parent_id = team.parent_id
        while parent_id is not None and parent_id in teams:
            ancestors.append(teams[parent_id])
            parent_id = teams[parent_id].parent_id
        candidates = [(t, o) for t in ancestors for o in t.objectives]
        if team.parent_id is None:
            self.summary.setText(
                f"<b>{team.name}</b> is at the top: its objectives are the roots of the tree "
                "on the right. Switch to a team at the top of the window to link its "
                "objectives to the ones they support."
            )
        elif not team.objectives:
            self.summary.setText(f"<b>{team.name}</b> has no objectives in this cycle yet.")
        elif not candidates:
            self.summary.setText(
                f"The teams above <b>{team.name}</b> have no objectives in this cycle yet."
            )
        else:
            linked = sum(1 for o in team.objectives if o.supports)
            self.summary.setText(
                f"Tick the objectives each of <b>{team.name}</b>'s objectives supports: "
                f"<b>{linked} of {len(team.objectives)}</b> linked."
            )
            for o in team.objectives:
                layout.addWidget(self._objective_box(o, candidates))
        layout.addStretch(1)
        return holder

    def _objective_box(
        self, objective: ObjectiveView, candidates: list[tuple[TeamView, ObjectiveView]]
    ) -> QGroupBox:
        box = QGroupBox(f"◎ {objective.title}")
        box.setObjectName("alignmentBox")
        inner = QVBoxLayout(box)
        supported = {sid for sid, _title in objective.supports}
        if not supported:
            warn = QLabel(ORPHAN)
            warn.setStyleSheet("color: #9a5b00;")
            inner.addWidget(warn)
        for team, candidate in candidates:
            check = QCheckBox(f"{candidate.title}  ({team.name})")
            check.setChecked(candidate.id in supported)
            check.clicked.connect(
                lambda on, o=objective.id, c=candidate.id: self.set_link(o, c, on)
            )
            inner.addWidget(check)
            self.checks[(objective.id, candidate.id)] = check
        return box

    def set_link(self, objective_id: str, supported_id: str, on: bool) -> None:
        """Link (or unlink) an objective to a higher objective it supports; one undo step."""
        session = self.ctx.session
        try:
            if on:
                session.create(
                    "alignment_link", objective_id=objective_id, parent_objective_id=supported_id
                )
            else:
                for link in entities.list_items(
                    self.ctx.ws,
                    "alignment_link",
                    objective_id=objective_id,
                    parent_objective_id=supported_id,
                ):
                    session.delete("alignment_link", link["id"])
        except OkrDeskError as exc:
            self.error.show_error(str(exc))
            box = self.checks.get((objective_id, supported_id))
            if box is not None:
                box.setChecked(not on)
            return
        self.error.clear_error()

    # -- the tree ---------------------------------------------------------------------------

    def _fill_tree(self, teams: tuple[TeamView, ...]) -> None:
        owner: dict[str, TeamView] = {}
        objectives: dict[str, ObjectiveView] = {}
        kr_owner: dict[str, str] = {}
        for team in teams:
            for o in team.objectives:
                owner[o.id], objectives[o.id] = team, o
                for kr in o.key_results:
                    kr_owner[kr.id] = o.id
        children: dict[str, list[tuple[str, str]]] = defaultdict(list)  # parent → (child, via)
        for o in objectives.values():
            for sid, title in o.supports:
                if sid in objectives:
                    children[sid].append((o.id, ""))
                elif sid in kr_owner:
                    children[kr_owner[sid]].append((o.id, title))

        def add(parent: QTreeWidgetItem | None, objective_id: str, via: str, seen: set[str]):
            o, team = objectives[objective_id], owner[objective_id]
            text = f"◎ {o.title}" + (f"   (via key result “{via}”)" if via else "")
            node = QTreeWidgetItem([text, team.name])
            node.setToolTip(0, o.title)
            if team.id == self.ctx.team_id:
                font = QFont(node.font(0))
                font.setBold(True)
                node.setFont(0, font)
                node.setFont(1, font)
            if parent is None:
                self.tree.addTopLevelItem(node)
            else:
                parent.addChild(node)
            if objective_id in seen:
                return
            for child, child_via in children.get(objective_id, []):
                add(node, child, child_via, seen | {objective_id})

        roots = [t for t in teams if t.parent_id is None]
        for team in roots:
            for o in team.objectives:
                add(None, o.id, "", set())
        orphans = [
            o.id
            for team in teams
            if team.parent_id is not None
            for o in team.objectives
            if not o.supports
        ]
        if orphans:
            group = QTreeWidgetItem([ORPHAN, ""])
            group.setForeground(0, self.palette().placeholderText())
            group.setToolTip(0, "Team objectives that are not linked to a higher objective")
            self.tree.addTopLevelItem(group)
            for objective_id in orphans:
                add(group, objective_id, "", set())
        self.tree.expandAll()
