"""Step 6: link the team's objectives to the higher objectives they support, seen as a tree."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
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
from okrdesk.services.alignment import AlignedObjective, AlignmentMap, Link, TeamNode, alignment_map
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
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addLayout(left, 1)
        self.row.addWidget(self.tree, 1)

    def refresh(self) -> None:
        self.checks = {}
        old = self.links_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.tree.clear()
        if not self.ctx.ready or self.ctx.team_id is None:
            return
        amap = alignment_map(self.ctx.ws, self.ctx.cycle_id)
        try:
            team = amap.team(self.ctx.team_id)
        except KeyError:
            return
        self.row.setStretch(1, 2 if team.parent_id is None else 1)  # the company: mostly tree
        self.links_area.setWidget(self._links(amap, team))
        self._fill_tree(amap)

    # -- the checkboxes ---------------------------------------------------------------------

    def _links(self, amap: AlignmentMap, team: TeamNode) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 8, 0)
        mine = [o for o in amap.objectives if o.team_id == team.id]
        ancestors = amap.ancestors(team.id)
        rank = {t.id: n for n, t in enumerate(ancestors)}
        candidates = sorted(
            (o for o in amap.objectives if o.team_id in rank), key=lambda o: rank[o.team_id]
        )
        if team.parent_id is None:
            self.summary.setText(
                f"<b>{escape(team.name)}</b> is at the top: its objectives are the roots of the "
                "tree on the right. Switch to a team at the top of the window to link its "
                "objectives to the ones they support."
            )
        elif not mine:
            self.summary.setText(f"<b>{escape(team.name)}</b> has no objectives in this cycle yet.")
        elif not candidates:
            self.summary.setText(
                f"The teams above <b>{escape(team.name)}</b> have no objectives in this cycle yet."
            )
        else:
            linked = sum(1 for o in mine if o.supports)
            self.summary.setText(
                f"Tick the objectives each of <b>{escape(team.name)}</b>'s objectives supports: "
                f"<b>{linked} of {len(mine)}</b> linked."
            )
            for o in mine:
                layout.addWidget(self._objective_box(o, candidates))
        layout.addStretch(1)
        return holder

    def _objective_box(
        self, objective: AlignedObjective, candidates: list[AlignedObjective]
    ) -> QGroupBox:
        box = QGroupBox(f"◎ {objective.title}")
        box.setObjectName("alignmentBox")
        inner = QVBoxLayout(box)
        direct = {x.parent_objective_id: x for x in objective.supports if x.key_result_id is None}
        if not objective.supports:
            warn = QLabel(ORPHAN)
            warn.setStyleSheet("color: #9a5b00;")
            inner.addWidget(warn)
        for link in objective.supports:
            if link.key_result_id is not None:
                note = QLabel(f"Supports the key result “{link.key_result_title}”")
                note.setTextFormat(Qt.TextFormat.PlainText)
                inner.addWidget(note)
        for candidate in candidates:
            check = QCheckBox(f"{candidate.title}  ({candidate.team_name})")
            check.setChecked(candidate.id in direct)
            link = direct.get(candidate.id)
            check.clicked.connect(
                lambda on, o=objective.id, c=candidate.id, x=link: self.set_link(o, c, on, x)
            )
            inner.addWidget(check)
            self.checks[(objective.id, candidate.id)] = check
        return box

    def set_link(
        self, objective_id: str, supported_id: str, on: bool, link: Link | None = None
    ) -> None:
        """Link (or unlink) an objective to a higher objective it supports; one undo step."""
        session = self.ctx.session
        try:
            if on:
                session.create(
                    "alignment_link", objective_id=objective_id, parent_objective_id=supported_id
                )
            elif link is not None:
                session.delete("alignment_link", link.id)
        except OkrDeskError as exc:
            self.error.show_error(str(exc))
            box = self.checks.get((objective_id, supported_id))
            if box is not None:
                box.setChecked(not on)
            return
        self.error.clear_error()

    # -- the tree ---------------------------------------------------------------------------

    def _fill_tree(self, amap: AlignmentMap) -> None:
        def add(parent: QTreeWidgetItem | None, objective_id: str, via: str, seen: set[str]):
            o = amap.objective(objective_id)
            text = f"◎ {o.title}" + (f"   (via key result “{via}”)" if via else "")
            node = QTreeWidgetItem([text, o.team_name])
            node.setToolTip(0, o.title)
            if o.team_id == self.ctx.team_id:
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
            for link in o.supporters:
                add(node, link.objective_id, link.key_result_title or "", seen | {objective_id})

        for objective_id in amap.roots:
            add(None, objective_id, "", set())
        if amap.orphans:
            group = QTreeWidgetItem([ORPHAN, ""])
            group.setForeground(0, self.palette().placeholderText())
            group.setToolTip(0, "Team objectives that are not linked to a higher objective")
            self.tree.addTopLevelItem(group)
            for objective_id in amap.orphans:
                add(group, objective_id, "", set())
        self.tree.expandAll()
