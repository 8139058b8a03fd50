"""The domain model: every entity of the glossary in DESIGN.md."""

from okrdesk.db.base import Base
from okrdesk.db.models.changelog import ChangeLogEntry
from okrdesk.db.models.okrs import (
    AlignmentLink,
    Initiative,
    InitiativeKeyResult,
    KeyResult,
    Objective,
)
from okrdesk.db.models.organisation import Cycle, Team, Theme, WorkspaceInfo
from okrdesk.db.models.tracking import (
    CarryDecision,
    CheckIn,
    KeyResultGrade,
    Kpi,
    KpiValue,
    ObjectiveGrade,
    Retrospective,
)
from okrdesk.db.models.workshop import (
    AgendaStep,
    Candidate,
    ParkingLotItem,
    Participant,
    Vote,
    WorkshopSession,
)

__all__ = [
    "AgendaStep",
    "AlignmentLink",
    "Base",
    "Candidate",
    "CarryDecision",
    "ChangeLogEntry",
    "CheckIn",
    "Cycle",
    "Initiative",
    "InitiativeKeyResult",
    "KeyResult",
    "KeyResultGrade",
    "Kpi",
    "KpiValue",
    "Objective",
    "ObjectiveGrade",
    "ParkingLotItem",
    "Participant",
    "Retrospective",
    "Team",
    "Theme",
    "Vote",
    "WorkshopSession",
    "WorkspaceInfo",
]
