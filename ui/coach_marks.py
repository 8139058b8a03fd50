"""The coach's mark on a weak item in a list: an icon, and its findings in the tooltip.

Only findings on an item's own wording count (vague, a task, no number): "no key results
yet" is where planning starts, not a weakness of what was written.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from okrdesk.coach import RULES, Finding
from okrdesk.services.coaching import WorkspaceFinding, check_workspace
from okrdesk.services.views import OkrTree
from okrdesk.services.workspace import Workspace


def is_weak_writing(finding: Finding) -> bool:
    rule = RULES.get(finding.rule)
    return rule is not None and rule.applies_to != "set" and finding.severity != "info"


def weak_items(
    ws: Workspace, cycle: str | None, team: str | None, tree: OkrTree | None = None
) -> dict[str, list[str]]:
    """Item id → the coach's words on its wording ("Warning: … is too vague …")."""
    return weak_in(check_workspace(ws, cycle, team, tree))


def weak_in(findings: Iterable[WorkspaceFinding]) -> dict[str, list[str]]:
    """Item id → the coach's words on its wording, from findings already made."""
    found: dict[str, list[str]] = {}
    for f in findings:
        if f.item_id is not None and is_weak_writing(f.finding):
            found.setdefault(f.item_id, []).append(
                f"{f.finding.severity.capitalize()}: {f.finding.message}"
            )
    return found


def mark_icon() -> QIcon:
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


def tooltip(title: str, findings: list[str]) -> str:
    return "\n".join([title, "", *findings])
