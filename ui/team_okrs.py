"""One team's OKRs in one cycle, and the coach's findings on them, read once per change.

The OKR list, the coach beside it, the heading and the check-in grid all show the same
team after the same change: they share one read (``WorkspaceSession.remembered``), which
any change heard, from anywhere, makes stale.
"""

from __future__ import annotations

from okrdesk.coach import HintExamples
from okrdesk.services.coaching import (
    WorkspaceFinding,
    check_workspace,
    disabled_rules,
    workspace_examples,
)
from okrdesk.services.views import OkrTree, okr_tree
from ui.session import WorkspaceSession


def team_okrs(session: WorkspaceSession, cycle_id: str, team_id: str) -> OkrTree:
    """The team's objectives, key results and initiatives (raises OkrDeskError when the
    cycle or team is gone)."""
    return session.remembered(
        ("okr_tree", cycle_id, team_id),
        lambda: okr_tree(session.ws, cycle=cycle_id, team=team_id),
    )


def team_findings(
    session: WorkspaceSession, cycle_id: str, team_id: str
) -> tuple[WorkspaceFinding, ...]:
    """What the coach says about the team's OKRs."""

    def check() -> tuple[WorkspaceFinding, ...]:
        tree = team_okrs(session, cycle_id, team_id)
        return tuple(check_workspace(session.ws, cycle_id, team_id, tree))

    return session.remembered(("coach", cycle_id, team_id), check)


def coach_choices(session: WorkspaceSession) -> tuple[frozenset[str], HintExamples]:
    """The coach rules the workspace switched off, and the examples its hints quote."""
    return session.remembered(
        ("coach_choices",),
        lambda: (disabled_rules(session.ws), workspace_examples(session.ws)),
    )
