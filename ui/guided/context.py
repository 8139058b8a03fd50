"""What every guided page works on: the session, and the cycle and team of the moment."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from okrdesk.errors import NotFoundError
from okrdesk.services import entities, organisation
from okrdesk.services.coaching import WorkspaceFinding
from okrdesk.services.views import OkrTree
from okrdesk.services.workspace import Workspace
from ui import team_okrs
from ui.session import WorkspaceSession


@dataclass
class PlanningContext:
    session: WorkspaceSession
    cycle_id: str | None = None
    team_id: str | None = None
    today: Callable[[], date] = date.today  # what "this quarter" means (tests fix the day)

    @property
    def ws(self) -> Workspace:
        return self.session.ws

    @property
    def ready(self) -> bool:
        """A cycle and a team to plan in (the foundation step creates them when missing)."""
        return self.cycle_id is not None and self.team_id is not None

    def team(self) -> dict[str, Any] | None:
        return self._get("team", self.team_id)

    def cycle(self) -> dict[str, Any] | None:
        return self._get("cycle", self.cycle_id)

    def team_name(self) -> str:
        team = self.team()
        return team["name"] if team else "—"

    def cycle_name(self) -> str:
        cycle = self.cycle()
        return cycle["name"] if cycle else "—"

    def organisation_kind(self) -> str:
        return organisation.organisation_kind(self.ws)

    def top_word(self) -> str:
        """What the top of the tree is: "company", "school", …"""
        return organisation.top_word(organisation.organisation_kind(self.ws))

    def disabled_rules(self) -> frozenset[str]:
        return team_okrs.coach_choices(self.session)[0]

    def team_okrs(self) -> OkrTree:
        """The team's OKRs in the cycle, read once per change (shared with other views)."""
        assert self.cycle_id is not None and self.team_id is not None
        return team_okrs.team_okrs(self.session, self.cycle_id, self.team_id)

    def team_findings(self) -> tuple[WorkspaceFinding, ...]:
        """What the coach says about the team's OKRs (shared like :meth:`team_okrs`)."""
        assert self.cycle_id is not None and self.team_id is not None
        return team_okrs.team_findings(self.session, self.cycle_id, self.team_id)

    def _get(self, kind: str, item_id: str | None) -> dict[str, Any] | None:
        if item_id is None:
            return None
        try:
            return entities.get(self.ws, kind, item_id)
        except NotFoundError:
            return None
