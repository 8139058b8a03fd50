"""Scoring inputs from stored key results and settings (scoring never sees ORM objects)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from okrdesk.db import models as m
from okrdesk.errors import ValidationError
from okrdesk.scoring import Bands, KeyResultFacts, progress


def key_result_facts(kr: m.KeyResult) -> KeyResultFacts:
    return KeyResultFacts(
        kind=kr.kind,
        start=kr.start,
        target=kr.target,
        current=kr.current,
        direction=kr.direction,
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


def bands_of(settings: Mapping[str, Any]) -> Bands:
    """The workspace's colour bands; a broken setting is named, not silently ignored."""
    try:
        return Bands.from_dict(settings.get("bands") or {})
    except (TypeError, ValueError) as exc:
        raise ValidationError(f"workspace setting 'bands' is not usable: {exc}") from exc


def workspace_bands(s: Session) -> Bands:
    """The bands every score of this workspace is coloured by (setting ``bands``)."""
    return bands_of(s.scalars(select(m.WorkspaceInfo.settings)).one() or {})
