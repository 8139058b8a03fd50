"""Step 7: the coach's summary of the team's whole set, and marking objectives final."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from okrdesk.errors import OkrDeskError
from okrdesk.services import entities
from okrdesk.services.coaching import WorkspaceFinding
from okrdesk.services.workspace import Workspace
from ui.coach_panel import findings_html
from ui.guided.context import PlanningContext
from ui.guided.fields import ErrorLabel
from ui.guided.page import StepPage

SERIOUS = ("error", "warning")
STEP_OF = {"objective": 2, "key-result": 3}  # the planning step where such an item is written


def findings_text(found: Sequence[WorkspaceFinding]) -> str:
    """The team's findings as rich text, grouped by the item they are about."""
    if not found:
        return "<p style='color:#2e6b30'>✔ The coach has nothing to add to this set.</p>"
    by_item: dict[tuple[str, str | None, str], list[WorkspaceFinding]] = defaultdict(list)
    for f in found:
        by_item[(f.item_kind, f.item_id, f.item_title)].append(f)
    parts = []
    for (kind, item_id, title), group in by_item.items():
        name = f"<b>{escape(title)}</b>"
        if item_id is not None and kind in STEP_OF:  # a link that goes to the item to fix
            name = f"<a href='{kind}:{item_id}'>{name}</a>"
        parts.append(f"<p style='margin:8px 0 2px 0'>{name}</p>")
        parts.append(findings_html([f.finding for f in group]))
    return "".join(parts)


class ReviewPage(StepPage):
    key = "review"
    # A finding's item was chosen (click, or Tab to it and Enter): (step index, item id).
    item_chosen = Signal(int, str)

    def __init__(self, ctx: PlanningContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.final_checks: dict[str, QCheckBox] = {}
        self.summary = QLabel()
        self.summary.setObjectName("pageSummary")
        self.summary.setWordWrap(True)

        self.findings = QLabel()
        self.findings.setObjectName("reviewFindings")
        self.findings.setWordWrap(True)
        self.findings.setTextFormat(Qt.TextFormat.RichText)
        self.findings.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.findings.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.findings.setOpenExternalLinks(False)
        self.findings.linkActivated.connect(self._chosen)
        coach_scroll = QScrollArea()
        coach_scroll.setWidgetResizable(True)
        coach_scroll.setWidget(self.findings)
        coach_box = QGroupBox("The coach on this set")
        QVBoxLayout(coach_box).addWidget(coach_scroll)

        self.mark_all = QPushButton("Mark all final")
        self.mark_all.setObjectName("markAllFinal")
        self.mark_all.clicked.connect(self.mark_all_final)
        self.error = ErrorLabel()
        self.objectives_area = QScrollArea()
        self.objectives_area.setWidgetResizable(True)
        self.objectives_area.setFrameShape(QScrollArea.Shape.NoFrame)
        final_box = QGroupBox("Objectives: draft or final")
        right = QVBoxLayout(final_box)
        right.addWidget(self.objectives_area, 1)
        right.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.mark_all)
        right.addLayout(buttons)

        row = QHBoxLayout()
        row.addWidget(coach_box, 1)
        row.addWidget(final_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(row, 1)

    def _chosen(self, link: str) -> None:
        kind, _, item_id = link.partition(":")
        if kind in STEP_OF and item_id:
            self.item_chosen.emit(STEP_OF[kind], item_id)

    def refresh(self) -> None:
        self.final_checks = {}
        old = self.objectives_area.takeWidget()
        if old is not None:
            old.deleteLater()
        if not self.ctx.ready:
            return
        view = self.ctx.team_okrs().teams[0]
        objectives = view.objectives
        krs = sum(len(o.key_results) for o in objectives)
        work = sum(len(o.initiatives) for o in objectives)
        final = sum(1 for o in objectives if o.status == "final")
        found = self.ctx.team_findings()
        serious = sum(1 for f in found if f.finding.severity in SERIOUS)
        self.summary.setText(
            f"<b>{escape(view.name)}</b> in {escape(self.ctx.cycle_name())}: "
            f"{len(objectives)} objectives, "
            f"{krs} key results, {work} initiatives — <b>{final} of {len(objectives)}</b> final. "
            f"The coach has {len(found)} remark{'' if len(found) == 1 else 's'} "
            f"({serious} to fix)."
        )
        self.findings.setText(findings_text(found))

        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 8, 0)
        if not objectives:
            layout.addWidget(QLabel("No objectives to review yet."))
        for o in objectives:
            box = QCheckBox(f"{o.title}   ·  {len(o.key_results)} key results")
            box.setObjectName("finalCheck")
            box.setChecked(o.status == "final")
            box.setToolTip("Ticked: final. Unticked: still a draft.")
            box.clicked.connect(lambda on, oid=o.id: self.set_final(oid, on))
            layout.addWidget(box)
            self.final_checks[o.id] = box
        layout.addStretch(1)
        self.objectives_area.setWidget(holder)
        self.mark_all.setEnabled(final < len(objectives))

    def set_final(self, objective_id: str, final: bool) -> None:
        try:
            self.ctx.session.update("objective", objective_id, status="final" if final else "draft")
        except OkrDeskError as exc:
            self.error.show_error(str(exc))
            return
        self.error.clear_error()

    def mark_all_final(self) -> None:
        """Every draft objective of the team becomes final: one undo step."""
        drafts = [oid for oid, box in self.final_checks.items() if not box.isChecked()]

        def mark(ws: Workspace) -> None:
            for objective_id in drafts:
                entities.update(ws, "objective", objective_id, status="final")

        try:
            self.ctx.session.run("Mark all objectives final", mark)
        except OkrDeskError as exc:
            self.error.show_error(str(exc))
            return
        self.error.clear_error()
