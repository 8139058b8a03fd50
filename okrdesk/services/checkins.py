"""Check-ins: dated values for key results, with a confidence and a short note.

Rules
- A check-in's date defaults to today and must lie within its key result's cycle.
- One check-in per key result and day: recording again on the same day replaces
  that day's values (the result names the values it replaced).
- The key result shows its latest check-in (by date): recording, correcting,
  deleting (and undoing any of them) all recompute ``current``, ``confidence``,
  ``confidence_score`` and, for milestones, ``done`` (value 1 = done, 0 = not).
- Confidence is on_track / at_risk / off_track, or 1–10 when the workspace setting
  ``confidence_scale`` is ``"1-10"``; a 1–10 score also sets the matching level
  (7–10 on track, 4–6 at risk, 1–3 off track) so every view can show a colour.
- Closed cycles are read-only (see :mod:`okrdesk.services.lifecycle`).

This module writes; :mod:`okrdesk.services.checkin_views` reads (finding a key result,
its history, what changed since the last check-in, the confidence pace suggests). The
small helpers both sides need (loading a key result, its cycle, a check-in as a view)
live at the end of this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from okrdesk.db import models as m
from okrdesk.errors import NotFoundError, ValidationError
from okrdesk.formatting import shorten
from okrdesk.parsing.numbers import DEFAULT_DECIMAL
from okrdesk.services import fields as f
from okrdesk.services.lifecycle import ensure_editable
from okrdesk.services.workspace import Workspace
from okrdesk.vocabulary import (
    CONFIDENCE_SCALES,
    CONFIDENCES,
    Confidence,
    ConfidenceScale,
    confidence_of_score,
    confidence_of_words,
)

NOTE = f.text("Note", 20_000)
DAY = f.day("Date")
LEVEL = f.choice("Confidence", CONFIDENCES, optional=True)
SCORE = f.integer("Confidence", 1, 10, optional=True)
_DONE_WORDS = {"done": 1.0, "yes": 1.0, "true": 1.0, "not done": 0.0, "no": 0.0, "false": 0.0}


@dataclass(frozen=True)
class CheckInView:
    id: str
    key_result_id: str
    date: date
    value: float | None
    confidence: Confidence | None
    confidence_score: int | None
    note: str
    created_at: datetime | None


@dataclass(frozen=True)
class Recorded:
    check_in: CheckInView
    replaced: dict[str, Any] | None  # the same day's earlier check-in, as it was


@dataclass(frozen=True)
class CheckInEntry:
    """One row of the check-in grid."""

    key_result_id: str
    value: Any
    confidence: Any = None
    note: str = ""
    on: date | str | None = None


# -- settings ----------------------------------------------------------------------------------


def confidence_scale(ws: Workspace) -> ConfidenceScale:
    return _scale_of(ws.info().settings or {})


def set_confidence_scale(ws: Workspace, scale: str) -> None:
    if scale not in CONFIDENCE_SCALES:
        raise ValidationError(f"the confidence scale is 'levels' or '1-10' (got {scale!r})")
    with ws.write() as s:
        info = s.scalars(select(m.WorkspaceInfo)).one()
        info.settings = {**(info.settings or {}), "confidence_scale": scale}  # new dict: saved


def _scale_of(settings: Mapping[str, Any]) -> ConfidenceScale:
    scale = settings.get("confidence_scale", "levels")
    if scale not in CONFIDENCE_SCALES:
        raise ValidationError(
            f"workspace setting confidence_scale must be 'levels' or '1-10' (got {scale!r})"
        )
    return scale


def parse_confidence(raw: Any, scale: str) -> tuple[Confidence | None, int | None]:
    """(level, score) from what a person typed: "at-risk", "On track", 7, "7"."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, None
    if scale == "1-10":
        text = str(raw).strip()
        if isinstance(raw, bool) or not text.isdigit() or not 1 <= int(text) <= 10:
            raise ValidationError(
                f"confidence is a whole number from 1 to 10 in this workspace (got {raw!r})",
                "confidence",
            )
        score = int(text)
        return confidence_of_score(score), score
    level = confidence_of_words(str(raw))
    if level is None:
        raise ValidationError(
            f"confidence is on-track, at-risk or off-track (got {raw!r})", "confidence"
        )
    return level, None


# -- recording ---------------------------------------------------------------------------------


def record_check_in(
    ws: Workspace,
    key_result_id: str,
    value: Any,
    confidence: Any = None,
    note: str = "",
    on: date | str | None = None,
) -> Recorded:
    """Record a check-in (replacing the same day's one) and update the key result."""
    return record_many(ws, [CheckInEntry(key_result_id, value, confidence, note, on)])[0]


def record_many(
    ws: Workspace, entries: Iterable[CheckInEntry | Mapping[str, Any]]
) -> list[Recorded]:
    """Save several key results' check-ins in one transaction: all of them, or none."""
    rows = [_entry(e) for e in entries]
    recorded: list[Recorded] = []
    with ws.write() as s:
        scale = _scale_of(s.scalars(select(m.WorkspaceInfo.settings)).one() or {})
        for entry in rows:
            kr = load_key_result(s, entry.key_result_id)
            try:
                recorded.append(_record(s, kr, entry, scale))
            except ValidationError as exc:
                if len(rows) == 1:
                    raise
                raise ValidationError(f"{short_title(kr.title)}: {exc}", exc.field) from exc
    return recorded


def _entry(e: CheckInEntry | Mapping[str, Any]) -> CheckInEntry:
    if isinstance(e, CheckInEntry):
        return e
    data = dict(e)
    if "date" in data:
        data["on"] = data.pop("date")
    unknown = set(data) - {x.name for x in fields(CheckInEntry)}
    if unknown:
        raise ValidationError(f"a check-in has no field {sorted(unknown)[0]!r}")
    return CheckInEntry(**data)


def _record(s: Session, kr: m.KeyResult, entry: CheckInEntry, scale: ConfidenceScale) -> Recorded:
    cycle = _editable_cycle(s, kr)
    day = _day_in_cycle(entry.on, cycle)
    value = parse_value(kr, entry.value)
    level, score = parse_confidence(entry.confidence, scale)
    note = NOTE.coerce("note", entry.note)
    row = s.scalars(select(m.CheckIn).filter_by(key_result_id=kr.id, date=day)).first()
    replaced = asdict(view_of(row)) if row is not None else None
    if row is None:
        row = m.CheckIn(key_result_id=kr.id, date=day)
        s.add(row)
    row.value, row.confidence, row.confidence_score, row.note = value, level, score, note
    s.flush()
    _refresh(s, kr)
    return Recorded(view_of(row), replaced)


def correct_check_in(ws: Workspace, check_in_id: str, **changes: Any) -> CheckInView:
    """Change a check-in's value, confidence, note or date; the key result follows."""
    unknown = set(changes) - {"value", "confidence", "note", "date"}
    if unknown:
        raise ValidationError(f"a check-in has no field {sorted(unknown)[0]!r}")
    with ws.write() as s:
        row = _load_check_in(s, check_in_id)
        kr = load_key_result(s, row.key_result_id)
        cycle = _editable_cycle(s, kr)
        if "date" in changes:
            day = _day_in_cycle(changes["date"], cycle)
            _refuse_taken_day(s, kr.id, day, row.id)
            row.date = day
        if "value" in changes:
            row.value = parse_value(kr, changes["value"])
        if "confidence" in changes:
            scale = _scale_of(s.scalars(select(m.WorkspaceInfo.settings)).one() or {})
            row.confidence, row.confidence_score = parse_confidence(changes["confidence"], scale)
        if "note" in changes:
            row.note = NOTE.coerce("note", changes["note"])
        s.flush()
        _refresh(s, kr)
        return view_of(row)


def delete_check_in(ws: Workspace, check_in_id: str) -> None:
    """Delete a check-in; the key result shows the latest one left."""
    with ws.write() as s:
        row = _load_check_in(s, check_in_id)
        kr = load_key_result(s, row.key_result_id)
        _editable_cycle(s, kr)
        s.delete(row)
        s.flush()
        _refresh(s, kr)


# -- helpers shared with checkin_views ---------------------------------------------------------


def load_key_result(s: Session, key_result_id: str) -> m.KeyResult:
    kr = s.get(m.KeyResult, key_result_id)
    if kr is None:
        raise NotFoundError(f"no key result with id {key_result_id}")
    return kr


def cycle_of(s: Session, kr: m.KeyResult) -> m.Cycle:
    return s.scalars(
        select(m.Cycle)
        .join(m.Objective, m.Objective.cycle_id == m.Cycle.id)
        .where(m.Objective.id == kr.objective_id)
    ).one()


def latest_row(s: Session, kr_id: str) -> m.CheckIn | None:
    return s.scalars(
        select(m.CheckIn)
        .filter_by(key_result_id=kr_id)
        .order_by(m.CheckIn.date.desc(), m.CheckIn.created_at.desc(), m.CheckIn.id.desc())
        .limit(1)
    ).first()


def view_of(row: Any) -> CheckInView:
    """A check-in as the views show it, from its stored row (an ORM object or a plain row)."""
    return CheckInView(
        id=row.id,
        key_result_id=row.key_result_id,
        date=row.date,
        value=row.value,
        confidence=row.confidence,
        confidence_score=row.confidence_score,
        note=row.note or "",
        created_at=row.created_at,
    )


def parse_value(kr: m.KeyResult, raw: Any) -> float:
    """A check-in value from what a person typed (milestones: 1/0, done/not done, yes/no)."""
    return parse_value_of_kind(kr.kind, raw)


def parse_value_of_kind(
    kind: str, raw: Any, decimal: str = DEFAULT_DECIMAL, label: str = "Value"
) -> float:
    """:func:`parse_value` for a key result of this kind ("metric", "milestone", ...);
    `decimal` is the decimal separator of the person typing (their locale's)."""
    if kind == "milestone":
        if isinstance(raw, bool):
            return 1.0 if raw else 0.0
        if isinstance(raw, str) and raw.strip().casefold() in _DONE_WORDS:
            return _DONE_WORDS[raw.strip().casefold()]
        number = f.parse_number(label, raw, "value", decimal)
        if number not in (0.0, 1.0):
            raise ValidationError(
                f"a milestone is checked in as 1 (done) or 0 (not done) (got {raw!r})", "value"
            )
        return number
    number = f.parse_number(label, raw, "value", decimal)
    if number is None:
        raise ValidationError("a check-in needs a value", "value")
    return number


def short_title(title: str) -> str:
    """A key result's title, short enough to name it in a message."""
    return shorten(title, 48)


# -- helpers -----------------------------------------------------------------------------------


def _load_check_in(s: Session, check_in_id: str) -> m.CheckIn:
    row = s.get(m.CheckIn, check_in_id)
    if row is None:
        raise NotFoundError(f"no check-in with id {check_in_id}")
    return row


def _editable_cycle(s: Session, kr: m.KeyResult) -> m.Cycle:
    cycle = cycle_of(s, kr)
    ensure_editable(s, cycle.id)
    return cycle


def _day_in_cycle(raw: date | str | None, cycle: m.Cycle) -> date:
    day = date.today() if raw in (None, "") else DAY.coerce("date", raw)
    if not cycle.start_date <= day <= cycle.end_date:
        raise ValidationError(
            f"{day} is outside cycle {cycle.name} ({cycle.start_date} → {cycle.end_date}); "
            "a check-in must be dated within its key result's cycle",
            "date",
        )
    return day


def _refuse_taken_day(s: Session, kr_id: str, day: date, own_id: str) -> None:
    other = s.scalars(select(m.CheckIn.id).filter_by(key_result_id=kr_id, date=day)).first()
    if other is not None and other != own_id:
        raise ValidationError(f"this key result already has a check-in on {day}", "date")


def _refresh(s: Session, kr: m.KeyResult) -> None:
    """The key result shows its latest check-in (by date); none → nothing measured yet."""
    latest = latest_row(s, kr.id)
    kr.confidence = latest.confidence if latest else None
    kr.confidence_score = latest.confidence_score if latest else None
    if kr.kind == "milestone":
        kr.done = latest is not None and latest.value == 1.0
    else:
        kr.current = latest.value if latest else None


__all__ = [
    "CheckInEntry",
    "CheckInView",
    "Recorded",
    "confidence_scale",
    "correct_check_in",
    "delete_check_in",
    "parse_confidence",
    "record_check_in",
    "record_many",
    "set_confidence_scale",
]
