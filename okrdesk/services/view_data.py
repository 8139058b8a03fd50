"""The plain data the views show, and the plain rules that build it (no database here).

:mod:`okrdesk.services.views` fills these from the ORM; :mod:`okrdesk.services.first_look`
fills the same ones with the standard library's sqlite3 at start-up, before SQLAlchemy is
imported. Both build every view through the functions below, so they cannot disagree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from okrdesk.errors import ValidationError
from okrdesk.scoring import Bands, KeyResultFacts, band, objective_score, progress, rollup
from okrdesk.vocabulary import (
    Band,
    Confidence,
    CycleState,
    Direction,
    InitiativeStatus,
    KeyResultKind,
    ObjectiveKind,
    ObjectiveStatus,
    TeamKind,
)


@dataclass(frozen=True)
class InitiativeView:
    id: str
    title: str
    status: InitiativeStatus
    owner: str
    due_date: date | None
    key_result_ids: tuple[str, ...]


@dataclass(frozen=True)
class KeyResultView:
    id: str
    title: str
    kind: KeyResultKind
    start: float | None
    target: float | None
    current: float | None
    unit: str
    direction: Direction
    done: bool
    commit_level: float | None
    stretch_level: float | None
    owner: str
    confidence: Confidence | None
    weight: float
    progress: float | None
    band: Band | None  # of the progress

    def facts(self) -> KeyResultFacts:
        return key_result_facts(self)


@dataclass(frozen=True)
class ObjectiveView:
    id: str
    title: str
    why: str
    owner: str
    kind: ObjectiveKind
    status: ObjectiveStatus
    theme: str | None
    key_results: tuple[KeyResultView, ...]
    initiatives: tuple[InitiativeView, ...]
    supports: tuple[tuple[str, str], ...]  # (id, title) of the objectives or KRs it supports
    score: float | None
    band: Band | None


@dataclass(frozen=True)
class TeamView:
    id: str
    name: str
    kind: TeamKind
    parent_id: str | None
    depth: int
    objectives: tuple[ObjectiveView, ...]
    score: float | None  # the plain mean of its objectives' scores (scoring.rollup)
    band: Band | None


@dataclass(frozen=True)
class CycleView:
    id: str
    name: str
    start_date: date
    end_date: date
    state: CycleState
    themes: tuple[str, ...]


@dataclass(frozen=True)
class OkrTree:
    organisation: str
    cycle: CycleView
    teams: tuple[TeamView, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class TeamNode:
    id: str
    name: str
    kind: TeamKind
    parent_id: str | None
    depth: int
    objective_count: int


def key_result_facts(kr: Any) -> KeyResultFacts:
    """Scoring's inputs from a stored key result (an ORM object or a plain row)."""
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


def progress_of(kr: Any) -> float | None:
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


def key_result_view(kr: Any, bands: Bands) -> KeyResultView:
    progress = progress_of(kr)
    return KeyResultView(
        id=kr.id,
        title=kr.title,
        kind=kr.kind,
        start=kr.start,
        target=kr.target,
        current=kr.current,
        unit=kr.unit,
        direction=kr.direction,
        done=bool(kr.done),
        commit_level=kr.commit_level,
        stretch_level=kr.stretch_level,
        owner=kr.owner,
        confidence=kr.confidence,
        weight=kr.weight,
        progress=progress,
        band=band(progress, bands),
    )


def objective_score_of(krs: tuple[KeyResultView, ...]) -> float | None:
    """Weighted mean of the key results' progress; None without key results."""
    if not krs:
        return None
    try:
        return objective_score([kr.facts() for kr in krs], scores=[kr.progress for kr in krs])
    except ValueError:  # a draft with inconsistent numbers: no score rather than a crash
        return None


def objective_view(
    o: Any,
    key_results: Iterable[Any],
    initiatives: Iterable[Any],
    links: Mapping[str, list[str]],
    supports: Mapping[str, list[tuple[str, str]]],
    themes: Mapping[str, str],
    bands: Bands,
) -> ObjectiveView:
    """An objective with its key results and initiatives (stored rows, ORM or plain), the
    key results each initiative moves (`links`), what it supports and its theme's name."""
    kr_views = tuple(key_result_view(kr, bands) for kr in key_results)
    score = objective_score_of(kr_views)
    return ObjectiveView(
        id=o.id,
        title=o.title,
        why=o.why,
        owner=o.owner,
        kind=o.kind,
        status=o.status,
        theme=themes.get(o.theme_id) if o.theme_id else None,
        key_results=kr_views,
        initiatives=tuple(
            InitiativeView(i.id, i.title, i.status, i.owner, i.due_date, tuple(sorted(links[i.id])))
            for i in initiatives
        ),
        supports=tuple(supports.get(o.id, ())),
        score=score,
        band=band(score, bands),
    )


def team_view(t: Any, depth: int, objectives: tuple[ObjectiveView, ...], bands: Bands) -> TeamView:
    score = rollup([o.score for o in objectives])
    return TeamView(t.id, t.name, t.kind, t.parent_id, depth, objectives, score, band(score, bands))


def grouped(items: Iterable[Any], key: str) -> dict[str, list[Any]]:
    """Items in lists by the value of one of their attributes, in their order."""
    found: dict[str, list[Any]] = defaultdict(list)
    for item in items:
        found[getattr(item, key)].append(item)
    return found


def in_tree_order(rows: Iterable[Any]) -> list[tuple[Any, int]]:
    """(team row, depth) in tree order, from rows (id, parent_id) sorted by position, name."""
    rows = list(rows)
    ids = {row.id for row in rows}
    children: dict[str | None, list[Any]] = defaultdict(list)
    for row in rows:
        # A parent that is missing would hide the team: treat it as a root instead.
        children[row.parent_id if row.parent_id in ids else None].append(row)
    ordered: list[tuple[Any, int]] = []

    def walk(parent: str | None, depth: int) -> None:
        for row in children.get(parent, []):
            ordered.append((row, depth))
            walk(row.id, depth + 1)

    walk(None, 0)
    return ordered


def is_named(team: Any, wanted: str) -> bool:
    """Whether `wanted`, as a person types it, means this team: its id, or its name in
    any case."""
    return wanted == team.id or team.name.casefold() == wanted.casefold()


def current_cycle(cycles: list[Any], today: date) -> Any:
    """The active cycle running today; else any cycle running today; else the latest."""
    running = [c for c in cycles if c.start_date <= today <= c.end_date]
    for cycle in running:
        if cycle.state == "active":
            return cycle
    if running:
        return running[0]
    active = [c for c in cycles if c.state == "active"]
    return (active or cycles)[-1]
