"""What every entity kind accepts: its fields, its parent and its cross-field rules."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from okrdesk.db import models as m
from okrdesk.errors import ValidationError
from okrdesk.services import fields as f
from okrdesk.vocabulary import (
    CANDIDATE_KINDS,
    CANDIDATE_STATUSES,
    CARRY_DECISIONS,
    CONFIDENCES,
    CYCLE_KINDS,
    DIRECTIONS,
    INITIATIVE_STATUSES,
    KEY_RESULT_KINDS,
    OBJECTIVE_KINDS,
    OBJECTIVE_STATUSES,
    PLANNING_STEPS,
    TEAM_KINDS,
)

TITLE = 300
NAME = 120
LONG_TEXT = 20_000


@dataclass(frozen=True)
class EntitySpec:
    kind: str
    label: str
    model: type[m.Base]
    fields: dict[str, f.Field]
    # The column that says where the item lives (moved by `move`), if it can move.
    parent: str | None = None
    # Columns that together define a group of siblings ordered by `position`.
    siblings: tuple[str, ...] = ()
    check: Callable[[Any], None] | None = None
    defaults: dict[str, Any] = field(default_factory=dict)

    @property
    def ordered(self) -> bool:
        return "position" in self.model.__table__.columns


def _check_cycle(cycle: m.Cycle) -> None:
    if cycle.end_date <= cycle.start_date:
        raise ValidationError(
            f"The cycle must end after it starts ({cycle.start_date} → {cycle.end_date})",
            "end_date",
        )


def _check_key_result(kr: m.KeyResult) -> None:
    if kr.kind == "milestone":
        return
    if kr.start is not None and kr.target is not None:
        if kr.start == kr.target:
            raise ValidationError(
                f"The target must differ from the start (both are {kr.start:g})", "target"
            )
        kr.direction = "decrease" if kr.target < kr.start else "increase"
    if kr.kind == "three_level":
        levels = [v for v in (kr.commit_level, kr.target, kr.stretch_level) if v is not None]
        ordered = sorted(levels, reverse=kr.direction == "decrease")
        if levels != ordered:
            word = "at or above" if kr.direction == "decrease" else "at or below"
            raise ValidationError(
                f"Levels must go commit → target → stretch (commit {word} target)", "commit_level"
            )


def _check_alignment(link: m.AlignmentLink) -> None:
    if (link.parent_objective_id is None) == (link.parent_key_result_id is None):
        raise ValidationError("An alignment link supports exactly one objective or key result")


SPECS: dict[str, EntitySpec] = {
    spec.kind: spec
    for spec in [
        EntitySpec(
            "workspace",
            "workspace",
            m.WorkspaceInfo,
            {
                "name": f.text("Organisation name", NAME, required=True),
                "mission": f.text("Mission", LONG_TEXT),
                "vision": f.text("Vision", LONG_TEXT),
                "strategy": f.text("Strategy", LONG_TEXT),
                "settings": f.settings_dict("Settings"),
            },
        ),
        EntitySpec(
            "team",
            "team",
            m.Team,
            {
                "name": f.text("Team name", NAME, required=True),
                "kind": f.choice("Team kind", TEAM_KINDS),
                "parent_id": f.reference("Parent team", "team", optional=True),
                "description": f.text("Description", LONG_TEXT),
            },
            parent="parent_id",
            siblings=("parent_id",),
        ),
        EntitySpec(
            "cycle",
            "cycle",
            m.Cycle,
            {
                "name": f.text("Cycle name", 80, required=True),
                "kind": f.choice("Cycle kind", CYCLE_KINDS),
                "start_date": f.day("Start date"),
                "end_date": f.day("End date"),
                # No "state": a cycle starts in planning and moves only by the rules of
                # okrdesk.services.lifecycle.set_state (review pre-fills grades, closed locks).
            },
            check=_check_cycle,
        ),
        EntitySpec(
            "theme",
            "theme",
            m.Theme,
            {
                "cycle_id": f.reference("Cycle", "cycle"),
                "name": f.text("Theme", NAME, required=True),
                "description": f.text("Description", LONG_TEXT),
            },
            parent="cycle_id",
            siblings=("cycle_id",),
        ),
        EntitySpec(
            "objective",
            "objective",
            m.Objective,
            {
                "cycle_id": f.reference("Cycle", "cycle"),
                "team_id": f.reference("Owner team", "team"),
                "theme_id": f.reference("Theme", "theme", optional=True),
                "title": f.text("Objective", TITLE, required=True),
                "why": f.text("Why", LONG_TEXT),
                "owner": f.text("Owner", NAME),
                "kind": f.choice("Kind", OBJECTIVE_KINDS),
                "status": f.choice("Status", OBJECTIVE_STATUSES),
            },
            parent="team_id",
            siblings=("cycle_id", "team_id"),
        ),
        EntitySpec(
            "alignment_link",
            "alignment link",
            m.AlignmentLink,
            {
                "objective_id": f.reference("Objective", "objective"),
                "parent_objective_id": f.reference(
                    "Supported objective", "objective", optional=True
                ),
                "parent_key_result_id": f.reference(
                    "Supported key result", "key_result", optional=True
                ),
                "weight": f.number("Contribution weight", low=0),
            },
            check=_check_alignment,
        ),
        EntitySpec(
            "key_result",
            "key result",
            m.KeyResult,
            {
                "objective_id": f.reference("Objective", "objective"),
                "title": f.text("Key result", TITLE, required=True),
                "kind": f.choice("Kind", KEY_RESULT_KINDS),
                "start": f.number("Start"),
                "target": f.number("Target"),
                "current": f.number("Current value"),
                "unit": f.text("Unit", 40),
                "direction": f.choice("Direction", DIRECTIONS),
                "done": f.boolean("Done"),
                "commit_level": f.number("Commit level"),
                "stretch_level": f.number("Stretch level"),
                "owner": f.text("Owner", NAME),
                "confidence": f.choice("Confidence", CONFIDENCES, optional=True),
                "confidence_score": f.integer("Confidence", 1, 10, optional=True),
                "weight": f.number("Weight", required=True, low=0),
            },
            parent="objective_id",
            siblings=("objective_id",),
            check=_check_key_result,
        ),
        EntitySpec(
            "initiative",
            "initiative",
            m.Initiative,
            {
                "objective_id": f.reference("Objective", "objective"),
                "title": f.text("Initiative", TITLE, required=True),
                "status": f.choice("Status", INITIATIVE_STATUSES),
                "owner": f.text("Owner", NAME),
                "due_date": f.day("Due date", optional=True),
            },
            parent="objective_id",
            siblings=("objective_id",),
        ),
        EntitySpec(
            "check_in",
            "check-in",
            m.CheckIn,
            {
                "key_result_id": f.reference("Key result", "key_result"),
                "date": f.day("Date"),
                "value": f.number("Value"),
                "confidence": f.choice("Confidence", CONFIDENCES, optional=True),
                "confidence_score": f.integer("Confidence", 1, 10, optional=True),
                "note": f.text("Note", LONG_TEXT),
            },
        ),
        EntitySpec(
            "kpi",
            "KPI",
            m.Kpi,
            {
                "name": f.text("KPI name", 200, required=True),
                "team_id": f.reference("Team", "team", optional=True),
                "unit": f.text("Unit", 40),
                "healthy_low": f.number("Healthy from"),
                "healthy_high": f.number("Healthy up to"),
            },
            siblings=(),
        ),
        EntitySpec(
            "kpi_value",
            "KPI value",
            m.KpiValue,
            {
                "kpi_id": f.reference("KPI", "kpi"),
                "date": f.day("Date"),
                "value": f.number("Value", required=True),
            },
        ),
        EntitySpec(
            "key_result_grade",
            "grade",
            m.KeyResultGrade,
            {
                "key_result_id": f.reference("Key result", "key_result"),
                "score": f.number("Grade", required=True, low=0, high=1),
                "comment": f.text("Comment", LONG_TEXT),
            },
        ),
        EntitySpec(
            "objective_grade",
            "objective review",
            m.ObjectiveGrade,
            {
                "objective_id": f.reference("Objective", "objective"),
                "score": f.number("Score", low=0, high=1),
                "comment": f.text("Comment", LONG_TEXT),
            },
        ),
        EntitySpec(
            "retrospective",
            "retrospective",
            m.Retrospective,
            {
                "team_id": f.reference("Team", "team"),
                "cycle_id": f.reference("Cycle", "cycle"),
                **{
                    name: f.text(label, LONG_TEXT)
                    for name, label in [
                        ("achieved", "What we achieved"),
                        ("missed", "What we missed"),
                        ("process", "How OKRs served us"),
                        ("keep_doing", "Continue"),
                        ("stop_doing", "Stop"),
                        ("start_doing", "Start"),
                    ]
                },
            },
        ),
        EntitySpec(
            "carry_decision",
            "carry-forward decision",
            m.CarryDecision,
            {
                "retrospective_id": f.reference("Retrospective", "retrospective"),
                "objective_id": f.reference("Objective", "objective", optional=True),
                "key_result_id": f.reference("Key result", "key_result", optional=True),
                "decision": f.choice("Decision", CARRY_DECISIONS),
                "note": f.text("Note", LONG_TEXT),
            },
        ),
        EntitySpec(
            "workshop_session",
            "workshop session",
            m.WorkshopSession,
            {
                "title": f.text("Session title", 200, required=True),
                "cycle_id": f.reference("Cycle", "cycle", optional=True),
                "current_step": f.integer("Current step", 0),
                "dots_per_participant": f.integer("Dots per participant", 0, 50),
            },
        ),
        EntitySpec(
            "agenda_step",
            "agenda step",
            m.AgendaStep,
            {
                "session_id": f.reference("Session", "workshop_session"),
                "title": f.text("Step", 200, required=True),
                # "" for a step of the workshop's own (a welcome, a break)
                "guided_step": f.choice("Planning step", ("", *PLANNING_STEPS)),
                "planned_minutes": f.integer("Planned minutes", 1, 600),
                "actual_seconds": f.integer("Time taken", 0, optional=True),
                "notes": f.text("Notes", LONG_TEXT),
            },
            parent="session_id",
            siblings=("session_id",),
        ),
        EntitySpec(
            "participant",
            "participant",
            m.Participant,
            {
                "session_id": f.reference("Session", "workshop_session"),
                "name": f.text("Name", NAME, required=True),
                "role": f.text("Role", NAME),
            },
            parent="session_id",
            siblings=("session_id",),
        ),
        EntitySpec(
            "candidate",
            "candidate",
            m.Candidate,
            {
                "session_id": f.reference("Session", "workshop_session"),
                "text": f.text("Candidate", TITLE, required=True),
                "kind": f.choice("Kind", CANDIDATE_KINDS),
                "group_id": f.reference("Group", "candidate", optional=True),
                "status": f.choice("Status", CANDIDATE_STATUSES),
                "promoted_objective_id": f.reference("Objective", "objective", optional=True),
            },
            parent="session_id",
            siblings=("session_id",),
        ),
        EntitySpec(
            "vote",
            "vote",
            m.Vote,
            {
                "candidate_id": f.reference("Candidate", "candidate"),
                "participant_id": f.reference("Participant", "participant", optional=True),
                "dots": f.integer("Dots", 1, 1000),
            },
        ),
        EntitySpec(
            "parking_lot_item",
            "parking lot item",
            m.ParkingLotItem,
            {
                "text": f.text("Idea", LONG_TEXT, required=True),
                "session_id": f.reference("Session", "workshop_session", optional=True),
                "resolved": f.boolean("Resolved"),
            },
        ),
    ]
}


def spec_for(kind: str) -> EntitySpec:
    try:
        return SPECS[kind]
    except KeyError:
        raise ValidationError(f"unknown kind of item: {kind!r}") from None
