"""Scoring inputs from stored key results and settings (scoring never sees ORM objects)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from okrdesk.db import models as m
from okrdesk.scoring import Bands
from okrdesk.services.view_data import bands_of, key_result_facts, progress_of

# The first three need no database and live in view_data; callers import them here.
__all__ = ["NUMBER_COLUMNS", "bands_of", "key_result_facts", "progress_of", "workspace_bands"]

# What scoring reads of a key result, in KeyResultFacts' order: select these columns to
# score thousands of key results from plain rows (no ORM objects).
NUMBER_COLUMNS = (
    m.KeyResult.kind,
    m.KeyResult.start,
    m.KeyResult.target,
    m.KeyResult.current,
    m.KeyResult.direction,
    m.KeyResult.done,
    m.KeyResult.commit_level,
    m.KeyResult.stretch_level,
    m.KeyResult.weight,
)


def workspace_bands(s: Session) -> Bands:
    """The bands every score of this workspace is coloured by (setting ``bands``)."""
    return bands_of(s.scalars(select(m.WorkspaceInfo.settings)).one() or {})
