"""The coach over a workspace: statement and set rules on each team's OKRs in a cycle,
and the per-workspace choice of rules switched off."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from okrdesk.coach import (
    RULES,
    Finding,
    HintExamples,
    KeyResultInput,
    ObjectiveInput,
    check_all,
)
from okrdesk.db import models as m
from okrdesk.errors import ValidationError
from okrdesk.services.organisation import examples, kind_of_settings
from okrdesk.services.views import OkrTree, TeamView, okr_tree
from okrdesk.services.workspace import Workspace


@dataclass(frozen=True)
class WorkspaceFinding:
    """A finding placed in the workspace: which team, which item."""

    team: str
    item_kind: str  # "set" | "objective" | "key-result"
    item_id: str | None
    item_title: str
    finding: Finding

    def to_dict(self) -> dict[str, Any]:
        return {
            "team": self.team,
            "item_kind": self.item_kind,
            "item_id": self.item_id,
            "item_title": self.item_title,
            **self.finding.to_dict(),
        }


def disabled_rules(ws: Workspace) -> frozenset[str]:
    return _disabled(ws.info().settings or {})


def _disabled(settings: dict) -> frozenset[str]:
    return frozenset(settings.get("coach", {}).get("disabled", []))


def workspace_examples(ws: Workspace) -> HintExamples:
    """The examples the coach quotes for this workspace (a school's, a ministry's, …)."""
    return hint_examples(ws.info().settings or {})


def hint_examples(settings: dict) -> HintExamples:
    """The examples the coach quotes, in the workspace's kind of organisation's terms."""
    ex = examples(kind_of_settings(settings))
    return HintExamples(ex.objective, ex.key_result, ex.initiative)


def set_rule_enabled(ws: Workspace, rule_id: str, enabled: bool) -> frozenset[str]:
    """Switch one coach rule on or off for this workspace; returns the rules now off."""
    if rule_id not in RULES:
        known = ", ".join(sorted(RULES))
        raise ValidationError(f"no coach rule {rule_id!r} (rules: {known})", "rule")
    with ws.write() as s:
        info = s.scalars(select(m.WorkspaceInfo)).one()
        settings = dict(info.settings or {})
        coach = dict(settings.get("coach", {}))
        off = set(coach.get("disabled", []))
        (off.discard if enabled else off.add)(rule_id)
        coach["disabled"] = sorted(off)
        settings["coach"] = coach
        info.settings = settings  # a new dict, so SQLAlchemy sees the change
    return frozenset(off)


def check_workspace(
    ws: Workspace, cycle: str | None = None, team: str | None = None, tree: OkrTree | None = None
) -> list[WorkspaceFinding]:
    """Statement and set rules over every team's OKRs in a cycle (or one team's); the
    hints quote examples in the terms of the workspace's kind of organisation. A view that
    has just read the `tree` passes it (it is not read twice)."""
    tree = tree or okr_tree(ws, cycle=cycle, team=team)
    settings = ws.info().settings or {}
    disabled, quoted = _disabled(settings), hint_examples(settings)
    found: list[WorkspaceFinding] = []
    for team_view in tree.teams:
        if team_view.objectives:
            found.extend(_check_team(team_view, disabled, quoted))
    return found


def _check_team(
    team: TeamView, disabled: frozenset[str], quoted: HintExamples
) -> list[WorkspaceFinding]:
    titles: dict[str, str] = {}
    objectives = []
    for o in team.objectives:
        titles[o.id] = o.title
        krs = []
        for kr in o.key_results:
            titles[kr.id] = kr.title
            krs.append(
                KeyResultInput(kr.id, kr.title, kr.kind, kr.start, kr.target, kr.stretch_level)
            )
        objectives.append(ObjectiveInput(o.id, o.title, o.owner or None, o.kind, krs))
    return [
        WorkspaceFinding(
            team.name, f.item_kind, f.item_id, titles.get(f.item_id or "", team.name), f.finding
        )
        for f in check_all(objectives, disabled, examples=quoted)
    ]
