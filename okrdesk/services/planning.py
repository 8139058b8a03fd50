"""The guided planning session: its steps, where a team stands in them, and the saved progress.

The workshop runs step by step for one team in one cycle: foundation → themes → objectives →
key results → initiatives → alignment → review. Where the facilitator left off is kept in the
workspace settings (under ``"guided_session"``) so a session can be resumed exactly there;
without saved progress the content itself says where we are (:func:`suggest_step`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from okrdesk.db import models as m
from okrdesk.errors import ValidationError
from okrdesk.formatting import counted
from okrdesk.services import entities
from okrdesk.services.lookup import current_cycle
from okrdesk.services.organisation import kind_of_settings, top_word
from okrdesk.services.periods import Period, create_cycle, quarter_period
from okrdesk.services.quarters import quarter_of
from okrdesk.services.views import ObjectiveView, OkrTree, okr_tree
from okrdesk.services.workspace import Workspace
from okrdesk.vocabulary import PLANNING_STEPS, PlanningStep

SETTINGS_KEY = "guided_session"


@dataclass(frozen=True)
class Step:
    index: int
    key: PlanningStep
    title: str
    purpose: str  # one sentence for the facilitator: what this step is for


# Each step's title and purpose, by its key (the keys and their order: the vocabulary).
_TEXTS: dict[PlanningStep, tuple[str, str]] = {
    "foundation": (
        "Foundation",
        "Why the organisation exists, where it is heading and how it means to get there.",
    ),
    "themes": ("Themes", "Two or three strategic themes this cycle focuses on."),
    "objectives": (
        "Objectives",
        "Per theme, the qualitative change you want: short, inspiring, no numbers.",
    ),
    "key_results": (
        "Key results",
        "Two to four measurable outcomes per objective, each with a start and a target.",
    ),
    "initiatives": ("Initiatives", "The work the team will do to move each key result."),
    "alignment": ("Alignment", "Link each team objective to the higher objectives it supports."),
    "review": (
        "Review",
        "Read the coach's summary of the whole set, then mark objectives final.",
    ),
}
STEPS: tuple[Step, ...] = tuple(Step(n, key, *_TEXTS[key]) for n, key in enumerate(PLANNING_STEPS))
STEP_KEYS: tuple[PlanningStep, ...] = PLANNING_STEPS


def step_for(key: str) -> Step:
    for step in STEPS:
        if step.key == key:
            return step
    raise ValidationError(f"no planning step {key!r} (steps: {', '.join(STEP_KEYS)})", "step")


@dataclass(frozen=True)
class PlanningState:
    """Where the guided session stands: the step, and the cycle and team it works on."""

    step: int = 0
    cycle_id: str | None = None
    team_id: str | None = None

    @property
    def key(self) -> str:
        return STEPS[self.step].key


@dataclass(frozen=True)
class StepStatus:
    step: Step
    done: bool
    reason: str  # a short line for the step list, e.g. "2 of 3 objectives have 2–4 key results"


# -- the context: which cycle, which team -----------------------------------------------------


def company_id(ws: Workspace) -> str | None:
    """The root of the team tree: a root team of kind "company", else the first root team."""
    with ws.read() as s:
        roots = s.scalars(
            select(m.Team).where(m.Team.parent_id.is_(None)).order_by(m.Team.position, m.Team.name)
        ).all()
    for team in roots:
        if team.kind == "company":
            return team.id
    return roots[0].id if roots else None


def default_cycle_id(ws: Workspace, today: date | None = None) -> str | None:
    """The cycle running today (the active one first), else the latest; None without cycles."""
    with ws.read() as s:
        cycles = list(s.scalars(select(m.Cycle).order_by(m.Cycle.start_date)))
    return current_cycle(cycles, today or date.today()).id if cycles else None


def ensure_cycle_and_company(
    ws: Workspace,
    organisation_name: str,
    today: date | None = None,
    period: Period | None = None,
) -> tuple[str, str]:
    """Make sure the session has a company and a cycle to plan in; return (cycle_id, team_id).

    The organisation's name is saved (it cannot be empty). A workspace without a company gets
    one (the root team, named after the organisation). The cycle is the chosen `period`'s
    (the cycle of that name when it exists); without a period, the cycle running today, else
    the current calendar quarter (e.g. "2026-Q4"). The guided session asks for the period
    (:func:`okrdesk.services.periods.period_choices`). One transaction.
    """
    with ws.write("Set up the organisation"):
        return _ensure_cycle_and_company(ws, organisation_name, today or date.today(), period)


def _ensure_cycle_and_company(
    ws: Workspace, organisation_name: str, today: date, period: Period | None
) -> tuple[str, str]:
    name = (organisation_name or "").strip()
    if not name:
        raise ValidationError("The organisation's name cannot be empty", "name")
    info = ws.info()
    if name != info.name:
        entities.update(ws, "workspace", info.id, name=name)

    team_id = company_id(ws)
    if team_id is None:
        team_id = entities.create(ws, "team", name=name, kind="company")

    with ws.read() as s:
        cycles = list(s.scalars(select(m.Cycle).order_by(m.Cycle.start_date)))
    running = [c for c in cycles if c.start_date <= today <= c.end_date]
    if period is None and running:
        return current_cycle(running, today).id, team_id
    if period is None:
        period = quarter_period(quarter_of(today))
    named = [c for c in cycles if c.name.casefold() == period.name.casefold()]
    cycle_id = named[0].id if named else create_cycle(ws, period)
    return cycle_id, team_id


# -- saved progress ----------------------------------------------------------------------------


def progress(ws: Workspace, today: date | None = None) -> PlanningState:
    """Where the guided session was left, or, never started, where the content says we are.

    A saved cycle or team that no longer exists falls back to the default: the company in
    the cycle running today.
    """
    saved = (ws.info().settings or {}).get(SETTINGS_KEY) or {}
    cycle_id = _existing(ws, "cycle", saved.get("cycle_id")) or default_cycle_id(ws, today)
    team_id = _existing(ws, "team", saved.get("team_id")) or company_id(ws)
    key = saved.get("step")
    step = step_for(key) if key in STEP_KEYS else suggest_step(ws, cycle_id, team_id)
    return PlanningState(step.index, cycle_id, team_id)


def save_progress(ws: Workspace, state: PlanningState) -> None:
    """Keep the step, cycle and team in the workspace settings (one transaction)."""
    if not 0 <= state.step < len(STEPS):
        raise ValidationError(f"no planning step number {state.step}", "step")
    with ws.write() as s:
        info = s.scalars(select(m.WorkspaceInfo)).one()
        settings = dict(info.settings or {})
        settings[SETTINGS_KEY] = {
            "step": state.key,
            "cycle_id": state.cycle_id,
            "team_id": state.team_id,
        }
        info.settings = settings  # a new dict, so SQLAlchemy sees the change


def _existing(ws: Workspace, kind: str, item_id: Any) -> str | None:
    if not isinstance(item_id, str) or not item_id:
        return None
    model = m.Cycle if kind == "cycle" else m.Team
    with ws.read() as s:
        return item_id if s.get(model, item_id) is not None else None


# -- where the content says we are -------------------------------------------------------------


def suggest_step(ws: Workspace, cycle: str | None = None, team: str | None = None) -> Step:
    """The first step whose work is not done yet for this team in this cycle; else review."""
    for status in step_status(ws, cycle, team):
        if not status.done and status.step.key != "review":
            return status.step
    return STEPS[-1]


def step_status(
    ws: Workspace, cycle: str | None = None, team: str | None = None, tree: OkrTree | None = None
) -> list[StepStatus]:
    """Each step, done or not, with a short reason — for the step list.

    ``cycle`` and ``team`` are names or ids; without them, the cycle running today and the
    company. A view that has just read that team's `tree` passes it (it is not read twice).
    """
    info = ws.info()
    top = top_word(kind_of_settings(info.settings or {}))
    statuses = [_foundation(info)]
    cycle = cycle or default_cycle_id(ws)
    team = team or company_id(ws)
    if cycle is None or team is None:
        if statuses[0].done:
            missing = " and ".join(
                word for word, absent in (("cycle", cycle is None), (top, team is None)) if absent
            )
            statuses[0] = StepStatus(STEPS[0], False, f"no {missing} yet")
        later = [StepStatus(step, False, "set up the foundation first") for step in STEPS[1:]]
        return statuses + later
    tree = tree or okr_tree(ws, cycle=cycle, team=team)
    the_team = tree.teams[0]
    objectives = list(the_team.objectives)
    statuses.append(_themes(len(tree.cycle.themes)))
    statuses.append(_objectives(objectives, len(tree.cycle.themes)))
    statuses.append(_key_results(objectives))
    statuses.append(_initiatives(objectives))
    statuses.append(_alignment(objectives, top if the_team.parent_id is None else None))
    statuses.append(_review(objectives))
    return statuses


def _foundation(info: m.WorkspaceInfo) -> StepStatus:
    parts = {"mission": info.mission, "vision": info.vision, "strategy": info.strategy}
    missing = [name for name, text in parts.items() if not (text or "").strip()]
    if "mission" in missing:
        return StepStatus(STEPS[0], False, "no mission yet")
    if missing:
        return StepStatus(STEPS[0], True, f"mission written; {' and '.join(missing)} missing")
    return StepStatus(STEPS[0], True, "mission, vision and strategy written")


def _themes(count: int) -> StepStatus:
    step = STEPS[1]
    if count == 0:
        return StepStatus(step, False, "no themes yet")
    if count == 1:
        return StepStatus(step, False, "1 theme; two or three expected")
    if count > 3:
        return StepStatus(step, True, f"{count} themes; two or three keep the focus")
    return StepStatus(step, True, f"{count} themes")


def _objectives(objectives: list[ObjectiveView], theme_count: int) -> StepStatus:
    step = STEPS[2]
    if not objectives:
        return StepStatus(step, False, "no objectives yet")
    themes = {o.theme for o in objectives if o.theme}
    noun = counted(len(objectives), "objective")
    if theme_count:
        return StepStatus(step, True, f"{noun}, {len(themes)} of {theme_count} themes covered")
    return StepStatus(step, True, noun)


def _key_results(objectives: list[ObjectiveView]) -> StepStatus:
    step = STEPS[3]
    if not objectives:
        return StepStatus(step, False, "no objectives yet")
    total = len(objectives)
    too_few = [o for o in objectives if len(o.key_results) < 2]
    too_many = [o for o in objectives if len(o.key_results) > 4]
    right = total - len(too_few) - len(too_many)
    reason = f"{right} of {total} objectives have 2–4 key results"
    if total == 1:
        reason = "the objective has 2–4 key results" if right else reason
    if too_many:
        reason += f"; {len(too_many)} with more than 4"
    return StepStatus(step, not too_few, reason)


def _initiatives(objectives: list[ObjectiveView]) -> StepStatus:
    step = STEPS[4]
    krs = [kr.id for o in objectives for kr in o.key_results]
    if not krs:
        return StepStatus(step, False, "no key results yet")
    needing = [o for o in objectives if o.key_results]
    with_work = sum(1 for o in needing if o.initiatives)
    linked = {kr for o in objectives for i in o.initiatives for kr in i.key_result_ids}
    without = sum(1 for kr in krs if kr not in linked)
    reason = f"{with_work} of {len(needing)} objectives have initiatives"
    if without:
        reason += f"; {counted(without, 'key result')} without one"
    return StepStatus(step, with_work == len(needing), reason)


def _alignment(objectives: list[ObjectiveView], top: str | None) -> StepStatus:
    """`top` names the organisation when the team is the top of the tree (else None)."""
    step = STEPS[5]
    if not objectives:  # nothing to align yet, not even at the top
        return StepStatus(step, False, "no objectives yet")
    if top is not None:
        return StepStatus(step, True, f"the {top}'s objectives are the top of the tree")
    aligned = sum(1 for o in objectives if o.supports)
    done = aligned == len(objectives)
    return StepStatus(step, done, f"{aligned} of {len(objectives)} objectives linked upward")


def _review(objectives: list[ObjectiveView]) -> StepStatus:
    step = STEPS[6]
    if not objectives:
        return StepStatus(step, False, "nothing to review yet")
    final = sum(1 for o in objectives if o.status == "final")
    return StepStatus(
        step, final == len(objectives), f"{final} of {len(objectives)} objectives final"
    )
