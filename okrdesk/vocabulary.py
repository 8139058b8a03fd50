"""The domain's words, once: each enumeration as a ``Literal`` type, the tuple of its values
(what the database's CHECK constraints and the services' checks accept) and the words people
read for each value.

Words are lower case, as they read inside a sentence ("3 key results on track"); a label
that starts a line capitalises them (``words.capitalize()``). Hints say in a few words what
a value means, for the choices of an editor.

The bottom layer: this module imports nothing from okrdesk. Migrations keep their own
literal copies of these values (a migration is frozen history).
"""

from __future__ import annotations

from typing import Literal, get_args

# -- the planning session -------------------------------------------------------------------

# The guided planning session's steps, in order (their titles and purposes: services.planning).
PlanningStep = Literal[
    "foundation", "themes", "objectives", "key_results", "initiatives", "alignment", "review"
]
PLANNING_STEPS: tuple[PlanningStep, ...] = get_args(PlanningStep)

# -- key results ---------------------------------------------------------------------------

KeyResultKind = Literal["metric", "milestone", "three_level"]
KEY_RESULT_KINDS: tuple[KeyResultKind, ...] = get_args(KeyResultKind)
KEY_RESULT_KIND_WORDS: dict[KeyResultKind, str] = {
    "metric": "metric",
    "milestone": "milestone",
    "three_level": "three levels",
}
KEY_RESULT_KIND_HINTS: dict[KeyResultKind, str] = {
    "metric": "from a start to a target",
    "milestone": "done or not done",
    "three_level": "commit, target, stretch",
}

Direction = Literal["increase", "decrease"]
DIRECTIONS: tuple[Direction, ...] = get_args(Direction)
DIRECTION_WORDS: dict[Direction, str] = {"increase": "increase", "decrease": "decrease"}

# -- confidence ----------------------------------------------------------------------------

Confidence = Literal["on_track", "at_risk", "off_track"]
CONFIDENCES: tuple[Confidence, ...] = get_args(Confidence)
CONFIDENCE_WORDS: dict[Confidence, str] = {
    "on_track": "on track",
    "at_risk": "at risk",
    "off_track": "off track",
}

# A workspace gives confidence as one of the levels above, or as a score from 1 to 10.
ConfidenceScale = Literal["levels", "1-10"]
CONFIDENCE_SCALES: tuple[ConfidenceScale, ...] = get_args(ConfidenceScale)


def confidence_of_score(score: int) -> Confidence:
    """The level a 1–10 confidence score stands for: 7–10 on track, 4–6 at risk, 1–3 off."""
    return "on_track" if score >= 7 else "at_risk" if score >= 4 else "off_track"


def confidence_of_words(text: str) -> Confidence | None:
    """The level written as people write it: "on track", "At-risk", "off_track"; else None."""
    key = text.strip().casefold().replace("-", "_").replace(" ", "_")
    return next((level for level in CONFIDENCES if level == key), None)


# -- objectives and initiatives ------------------------------------------------------------

ObjectiveKind = Literal["committed", "aspirational"]
OBJECTIVE_KINDS: tuple[ObjectiveKind, ...] = get_args(ObjectiveKind)
OBJECTIVE_KIND_WORDS: dict[ObjectiveKind, str] = {
    "committed": "committed",
    "aspirational": "aspirational",
}
OBJECTIVE_KIND_HINTS: dict[ObjectiveKind, str] = {
    "committed": "we expect to reach 100%",
    "aspirational": "about 70% counts as success",
}

ObjectiveStatus = Literal["draft", "final"]
OBJECTIVE_STATUSES: tuple[ObjectiveStatus, ...] = get_args(ObjectiveStatus)
OBJECTIVE_STATUS_WORDS: dict[ObjectiveStatus, str] = {"draft": "draft", "final": "final"}

InitiativeStatus = Literal["planned", "in_progress", "done", "dropped"]
INITIATIVE_STATUSES: tuple[InitiativeStatus, ...] = get_args(InitiativeStatus)
INITIATIVE_STATUS_WORDS: dict[InitiativeStatus, str] = {
    "planned": "planned",
    "in_progress": "in progress",
    "done": "done",
    "dropped": "dropped",
}

# -- cycles and teams ----------------------------------------------------------------------

CycleState = Literal["planning", "active", "review", "closed"]
CYCLE_STATES: tuple[CycleState, ...] = get_args(CycleState)
CYCLE_STATE_WORDS: dict[CycleState, str] = {
    "planning": "in planning",
    "active": "active",
    "review": "in review",
    "closed": "closed",
}
CYCLE_STATE_HINTS: dict[CycleState, str] = {
    "planning": "the OKRs are being written",
    "active": "the team checks in on its key results",
    "review": "grades are being given",
    "closed": "read-only",
}

CycleKind = Literal["quarter", "year", "custom"]
CYCLE_KINDS: tuple[CycleKind, ...] = get_args(CycleKind)
CYCLE_KIND_WORDS: dict[CycleKind, str] = {"quarter": "quarter", "year": "year", "custom": "custom"}

TeamKind = Literal["company", "department", "team", "person"]
TEAM_KINDS: tuple[TeamKind, ...] = get_args(TeamKind)
TEAM_KIND_WORDS: dict[TeamKind, str] = {
    "company": "company",
    "department": "department",
    "team": "team",
    "person": "person",
}

# What the organisation at the top of the tree is: it names the top level in what people read
# ("3 at school level") and picks the examples the editors offer (services.organisation).
OrganisationKind = Literal["company", "school", "ministry", "non_profit", "team"]
ORGANISATION_KINDS: tuple[OrganisationKind, ...] = get_args(OrganisationKind)
ORGANISATION_KIND_WORDS: dict[OrganisationKind, str] = {
    "company": "company",
    "school": "school",
    "ministry": "ministry",
    "non_profit": "non-profit",
    "team": "team",
}

# -- the end of a cycle --------------------------------------------------------------------

CarryDecision = Literal["carry", "modify", "drop", "done"]
CARRY_DECISIONS: tuple[CarryDecision, ...] = get_args(CarryDecision)
# The decisions that bring an item into the next cycle.
CARRIED: tuple[CarryDecision, ...] = ("carry", "modify")
CARRY_DECISION_WORDS: dict[CarryDecision, str] = {
    "carry": "carry",
    "modify": "modify",
    "drop": "drop",
    "done": "done",
}
CARRY_DECISION_HINTS: dict[CarryDecision, str] = {
    "carry": "carry over unchanged",
    "modify": "carry over, changed",
    "drop": "drop",
    "done": "done — close",
}

# A score's colour; where the colours change is a workspace setting (okrdesk.scoring.Bands).
Band = Literal["red", "amber", "green"]
BANDS: tuple[Band, ...] = get_args(Band)
BAND_WORDS: dict[Band, str] = {"red": "red", "amber": "amber", "green": "green"}

# -- workshops -----------------------------------------------------------------------------

CandidateKind = Literal["objective", "key_result"]
CANDIDATE_KINDS: tuple[CandidateKind, ...] = get_args(CandidateKind)
CANDIDATE_KIND_WORDS: dict[CandidateKind, str] = {
    "objective": "objective",
    "key_result": "key result",
}

CandidateStatus = Literal["open", "promoted", "parked"]
CANDIDATE_STATUSES: tuple[CandidateStatus, ...] = get_args(CandidateStatus)
CANDIDATE_STATUS_WORDS: dict[CandidateStatus, str] = {
    "open": "open",
    "promoted": "promoted",
    "parked": "parked",
}
