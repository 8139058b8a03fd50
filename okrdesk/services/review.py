"""The end-of-cycle review: grades, objective scores, rollups and what they mean.

- A key result's score is its grade when it has one (pre-filled on entering review,
  see :mod:`okrdesk.services.lifecycle`, or given by hand with a comment), else the
  grade suggested from its progress — so the view also previews a running cycle.
- An objective's score is the weighted mean of its key results' scores, unless its
  ObjectiveGrade holds an override; either way it keeps a comment.
- A team's score is the plain mean of its objectives' scores; the cycle's score the
  plain mean over all objectives in the cycle (``scoring.rollup``).
- Colours come from the workspace setting ``bands`` (``Bands.from_dict``); the meaning
  from the objective's kind (committed: met at 1.0; aspirational: success from 0.7).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from okrdesk.db import models as m
from okrdesk.errors import NotFoundError, ValidationError
from okrdesk.scoring import (
    Bands,
    KeyResultFacts,
    band,
    expected_pace,
    interpret,
    is_behind_pace,
    objective_score,
    pace_progress,
    rollup,
)
from okrdesk.services import fields as f
from okrdesk.services.facts import key_result_facts, progress_of, workspace_bands
from okrdesk.services.lifecycle import ensure_editable, suggested_grade_of
from okrdesk.services.lookup import find_cycle, find_team
from okrdesk.services.workspace import Workspace
from okrdesk.vocabulary import Band, Confidence, CycleState, KeyResultKind, ObjectiveKind

COMMENT = f.text("Comment", 20_000)


@dataclass(frozen=True)
class KeyResultReview:
    id: str
    title: str
    kind: KeyResultKind
    weight: float
    progress: float | None
    suggested: float | None  # the grade scoring suggests from progress
    grade: float | None  # the grade given (or pre-filled); None while ungraded
    comment: str
    score: float | None  # grade, else the suggestion
    overridden: bool  # a grade that differs from the suggestion
    band: Band | None
    confidence: Confidence | None  # from the latest check-in
    confidence_score: int | None  # 1–10 where the workspace uses that scale
    behind_pace: bool  # under the ideal pace on the review's day (scoring.is_behind_pace)


@dataclass(frozen=True)
class ObjectiveReview:
    id: str
    title: str
    kind: ObjectiveKind
    team_id: str
    team: str
    computed: float | None  # weighted mean of the key results' scores
    override: float | None
    score: float | None  # the override, else the computed score
    comment: str
    outcome: str | None  # scoring.Outcome value: met, missed, success, shortfall
    outcome_label: str | None
    band: Band | None
    key_results: tuple[KeyResultReview, ...]


@dataclass(frozen=True)
class TeamReview:
    id: str
    name: str
    score: float | None
    band: Band | None
    objectives: tuple[ObjectiveReview, ...]


@dataclass(frozen=True)
class ReviewView:
    cycle_id: str
    cycle: str
    state: CycleState
    start_date: date
    end_date: date
    bands: dict[str, float]
    score: float | None
    band: Band | None
    key_results: int
    graded: int
    teams: tuple[TeamReview, ...]


def review(
    ws: Workspace, cycle: str | None = None, team: str | None = None, today: date | None = None
) -> ReviewView:
    """The whole review of a cycle (default: the current one), or of one team in it.

    `today` (default: the real today) is the day pace is measured on."""
    with ws.read() as s:
        the_cycle = find_cycle(s, cycle, today)
        bands = workspace_bands(s)
        pace = expected_pace(the_cycle.start_date, the_cycle.end_date, today or date.today())
        query = select(m.Objective).where(m.Objective.cycle_id == the_cycle.id)
        if team is not None:
            the_team = s.get(m.Team, team) or find_team(s, team)  # an id, else a name
            query = query.where(m.Objective.team_id == the_team.id)
            teams = [the_team]
        else:
            teams = _team_order(s)
        final = _scores_final(the_cycle)
        objectives = _objective_reviews(s, list(s.scalars(query)), bands, pace, final)
        by_team: dict[str, list[ObjectiveReview]] = defaultdict(list)
        for o in objectives:
            by_team[o.team_id].append(o)
        team_views = tuple(
            TeamReview(t.id, t.name, *_scored(rollup([o.score for o in own]), bands), tuple(own))
            for t in teams
            if (own := by_team.get(t.id))
        )
        krs = [kr for o in objectives for kr in o.key_results]
        score = rollup([o.score for o in objectives])
        return ReviewView(
            the_cycle.id,
            the_cycle.name,
            the_cycle.state,
            the_cycle.start_date,
            the_cycle.end_date,
            bands.to_dict(),
            score,
            band(score, bands),
            len(krs),
            sum(1 for kr in krs if kr.grade is not None),
            team_views,
        )


def grade_key_result(
    ws: Workspace, key_result_id: str, score: Any, comment: str | None = None
) -> KeyResultReview:
    """Grade a key result (0.0–1.0). `score` None takes the suggested grade again;
    `comment` None keeps the comment it has."""
    with ws.write() as s:
        kr = s.get(m.KeyResult, key_result_id)
        if kr is None:
            raise NotFoundError(f"no key result with id {key_result_id}")
        objective = s.get(m.Objective, kr.objective_id)
        assert objective is not None
        ensure_editable(s, objective.cycle_id)
        value = f.parse_number("Grade", score, "score")
        if value is None:
            value = suggested_grade_of(kr)
            if value is None:
                raise ValidationError(
                    "this key result has no check-ins to suggest a grade from; give one", "score"
                )
        if not 0.0 <= value <= 1.0:
            raise ValidationError(f"a grade is between 0 and 1 (got {value:g})", "score")
        grade = s.scalars(select(m.KeyResultGrade).filter_by(key_result_id=kr.id)).first()
        if grade is None:
            grade = m.KeyResultGrade(key_result_id=kr.id, comment="")
            s.add(grade)
        grade.score = value
        if comment is not None:
            grade.comment = COMMENT.coerce("comment", comment)
        s.flush()
        result = _kr_review(kr, grade, workspace_bands(s), _pace_of(s, objective.cycle_id))
    return result


def set_objective_grade(
    ws: Workspace, objective_id: str, score: Any, comment: str | None = None
) -> ObjectiveReview:
    """Override an objective's score (None: back to the weighted mean) and/or comment on it
    (`comment` None keeps the comment it has)."""
    with ws.write() as s:
        objective = s.get(m.Objective, objective_id)
        if objective is None:
            raise NotFoundError(f"no objective with id {objective_id}")
        ensure_editable(s, objective.cycle_id)
        value = f.parse_number("Score", score, "score")
        if value is not None and not 0.0 <= value <= 1.0:
            raise ValidationError(f"a score is between 0 and 1 (got {value:g})", "score")
        row = s.scalars(select(m.ObjectiveGrade).filter_by(objective_id=objective_id)).first()
        if row is None:
            row = m.ObjectiveGrade(objective_id=objective_id, comment="")
            s.add(row)
        row.score = value
        if comment is not None:
            row.comment = COMMENT.coerce("comment", comment)
        s.flush()
        cycle = s.get(m.Cycle, objective.cycle_id)
        assert cycle is not None
        result = _objective_reviews(
            s, [objective], workspace_bands(s), _pace_of(s, cycle.id), _scores_final(cycle)
        )[0]
    return result


# -- building the views ------------------------------------------------------------------------


def _scored(score: float | None, bands: Bands) -> tuple[float | None, Band | None]:
    return score, band(score, bands)


def _scores_final(cycle: m.Cycle) -> bool:
    """Whether the scores are the cycle's end result: met or missed is said only then (an
    objective is not "missed" in the middle of the quarter; its pace says how it goes)."""
    return cycle.state in ("review", "closed")


def _pace_of(s: Session, cycle_id: str) -> float:
    cycle = s.get(m.Cycle, cycle_id)
    assert cycle is not None
    return expected_pace(cycle.start_date, cycle.end_date, date.today())


def _kr_review(
    kr: m.KeyResult, grade: m.KeyResultGrade | None, bands: Bands, pace: float
) -> KeyResultReview:
    suggested = suggested_grade_of(kr)
    reached = progress_of(kr)
    given = grade.score if grade is not None else None
    score = given if given is not None else suggested
    return KeyResultReview(
        id=kr.id,
        title=kr.title,
        kind=kr.kind,
        weight=kr.weight,
        progress=reached,
        suggested=suggested,
        grade=given,
        comment=grade.comment if grade is not None else "",
        score=score,
        overridden=given is not None and given != suggested,
        band=band(score, bands),
        confidence=kr.confidence,
        confidence_score=kr.confidence_score,
        behind_pace=is_behind_pace(_pace_progress_of(kr), pace),
    )


def _objective_reviews(
    s: Session, objectives: list[m.Objective], bands: Bands, pace: float, final: bool
) -> list[ObjectiveReview]:
    """Reviews of some objectives, in a handful of queries whatever their number."""
    ids = [o.id for o in objectives]
    krs: dict[str, list[m.KeyResult]] = defaultdict(list)
    for kr in s.scalars(
        select(m.KeyResult).where(m.KeyResult.objective_id.in_(ids)).order_by(m.KeyResult.position)
    ):
        krs[kr.objective_id].append(kr)
    kr_ids = [kr.id for group in krs.values() for kr in group]
    grades = {
        g.key_result_id: g
        for g in s.scalars(
            select(m.KeyResultGrade).where(m.KeyResultGrade.key_result_id.in_(kr_ids))
        )
    }
    overrides = {
        g.objective_id: g
        for g in s.scalars(select(m.ObjectiveGrade).where(m.ObjectiveGrade.objective_id.in_(ids)))
    }
    team_ids = {o.team_id for o in objectives}
    named = s.execute(select(m.Team.id, m.Team.name).where(m.Team.id.in_(team_ids)))
    team_names = {tid: name for tid, name in named}
    result = []
    for o in sorted(objectives, key=lambda o: o.position):
        reviews = tuple(_kr_review(kr, grades.get(kr.id), bands, pace) for kr in krs[o.id])
        # With scores given, only the weights of the facts matter.
        weights = [KeyResultFacts(kind="milestone", weight=kr.weight) for kr in reviews]
        computed = objective_score(weights, scores=[kr.score for kr in reviews])
        own = overrides.get(o.id)
        override = own.score if own is not None else None
        score = override if override is not None else computed
        outcome = interpret(score, o.kind) if final else None
        result.append(
            ObjectiveReview(
                id=o.id,
                title=o.title,
                kind=o.kind,
                team_id=o.team_id,
                team=team_names.get(o.team_id, ""),
                computed=computed,
                override=override,
                score=score,
                comment=own.comment if own is not None else "",
                outcome=outcome.value if outcome else None,
                outcome_label=outcome.label if outcome else None,
                band=band(score, bands),
                key_results=reviews,
            )
        )
    return result


def _team_order(s: Session) -> list[m.Team]:
    """Teams in tree order (parents before their sub-teams), as the OKR tree shows them."""
    children: dict[str | None, list[m.Team]] = defaultdict(list)
    for t in s.scalars(select(m.Team).order_by(m.Team.position, m.Team.name)):
        children[t.parent_id].append(t)
    ordered: list[m.Team] = []
    stack = list(reversed(children[None]))
    while stack:
        t = stack.pop()
        ordered.append(t)
        stack.extend(reversed(children[t.id]))
    return ordered


def _pace_progress_of(kr: m.KeyResult) -> float | None:
    """Progress along the start → target line, as the ideal pace line measures it."""
    try:
        return pace_progress(key_result_facts(kr))
    except ValueError:
        return None
