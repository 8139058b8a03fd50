"""What a final score means for an objective, depending on its kind.

A committed objective is a promise: anything under 1.0 is a miss. An
aspirational objective is a stretch: about 0.7 counts as success.
"""

from __future__ import annotations

from enum import StrEnum

from okrdesk.scoring._checks import reaches, require_fraction
from okrdesk.vocabulary import OBJECTIVE_KINDS, ObjectiveKind

ASPIRATIONAL_SUCCESS_FROM = 0.7


class Outcome(StrEnum):
    """The reading of an objective's score. The value is stable (for storage)."""

    MET = "met"
    MISSED = "missed"
    SUCCESS = "success"
    SHORTFALL = "shortfall"

    @property
    def label(self) -> str:
        """A short text for screens and printouts."""
        return _LABELS[self]

    @property
    def is_success(self) -> bool:
        """True for the good outcome of either kind (met, success)."""
        return self in (Outcome.MET, Outcome.SUCCESS)


_LABELS: dict[Outcome, str] = {
    Outcome.MET: "Met",
    Outcome.MISSED: "Missed",
    Outcome.SUCCESS: "Success",
    Outcome.SHORTFALL: "Short of success",
}


def interpret(
    score: float | None,
    objective_kind: ObjectiveKind,
    aspirational_success_from: float = ASPIRATIONAL_SUCCESS_FROM,
) -> Outcome | None:
    """Read an objective's score (0.0–1.0) by the objective's kind.

    - committed: 1.0 → ``Outcome.MET``; anything less → ``Outcome.MISSED``.
    - aspirational: ``score ≥ aspirational_success_from`` (default 0.7) →
      ``Outcome.SUCCESS``; less → ``Outcome.SHORTFALL``.

    None when there is no score. Raises ValueError for an unknown kind.
    """
    if objective_kind not in OBJECTIVE_KINDS:
        raise ValueError(
            f"objective_kind must be 'committed' or 'aspirational', got {objective_kind!r}"
        )
    threshold = require_fraction("aspirational_success_from", aspirational_success_from)
    if score is None:
        return None
    score = require_fraction("score", score)
    if objective_kind == "committed":
        return Outcome.MET if reaches(score, 1.0) else Outcome.MISSED
    return Outcome.SUCCESS if reaches(score, threshold) else Outcome.SHORTFALL
