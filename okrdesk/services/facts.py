"""Scoring inputs from stored key results (the scoring core never sees ORM objects)."""

from __future__ import annotations

from okrdesk.db import models as m
from okrdesk.scoring import KeyResultFacts, progress


def key_result_facts(kr: m.KeyResult) -> KeyResultFacts:
    return KeyResultFacts(
        kind=kr.kind,  # type: ignore[arg-type]
        start=kr.start,
        target=kr.target,
        current=kr.current,
        direction=kr.direction,  # type: ignore[arg-type]
        done=bool(kr.done),
        commit=kr.commit_level,
        stretch=kr.stretch_level,
        weight=kr.weight,
    )


def progress_of(kr: m.KeyResult) -> float | None:
    """Progress, or None for a draft whose numbers are not complete or consistent yet."""
    try:
        return progress(key_result_facts(kr))
    except ValueError:
        return None
