"""The plain data reports are built from: frozen dataclasses, read in a handful of queries.

This is the only module of ``okrdesk.reports`` that reads the workspace; the layouts
take what it returns and can be tested without a database. Every score comes with its band,
from the workspace's own bands: the layouts only pick the band's colour.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select

from okrdesk.db import models as m
from okrdesk.scoring import band, objective_score, rollup
from okrdesk.services.facts import workspace_bands
from okrdesk.services.views import CycleView, ObjectiveView, TeamView, okr_tree
from okrdesk.services.workspace import Workspace
from okrdesk.vocabulary import Band, CarryDecision, Confidence


@dataclass(frozen=True)
class PrintInfo:
    """What every page says about where it came from."""

    organisation: str
    workspace: str  # the workspace file's name
    printed_on: date


@dataclass(frozen=True)
class SheetTeam:
    """A team as its sheet shows it: the path above it and its objectives."""

    team: TeamView
    path: tuple[str, ...]  # names of the teams above it, company first


@dataclass(frozen=True)
class SheetsData:
    info: PrintInfo
    cycle: CycleView
    teams: tuple[SheetTeam, ...]


@dataclass(frozen=True)
class AlignedObjective:
    objective: ObjectiveView
    team: str
    supporters: tuple[AlignedObjective, ...]


@dataclass(frozen=True)
class Alignment:
    """Top-level objectives with the objectives that support them, and the orphans."""

    roots: tuple[AlignedObjective, ...]
    orphans: tuple[tuple[str, ObjectiveView], ...]  # (team name, objective)


@dataclass(frozen=True)
class BookletData:
    sheets: SheetsData
    alignment: Alignment


@dataclass(frozen=True)
class CheckInPoint:
    on: date
    value: float | None
    confidence: Confidence | None
    note: str


@dataclass(frozen=True)
class KeyResultReview:
    key_result_id: str
    grade: float | None
    comment: str
    history: tuple[CheckInPoint, ...]


@dataclass(frozen=True)
class ObjectiveReview:
    """An objective at the end of its cycle: its progress, and its grade once graded."""

    objective: ObjectiveView
    grade: float | None  # the override, else the weighted mean of the key results' grades
    comment: str
    key_results: tuple[KeyResultReview, ...]  # in the order of objective.key_results

    @property
    def score(self) -> float | None:
        """The grade when there is one, else the progress."""
        return self.grade if self.grade is not None else self.objective.score


@dataclass(frozen=True)
class RetroAnswers:
    achieved: str
    missed: str
    process: str
    keep_doing: str
    stop_doing: str
    start_doing: str


@dataclass(frozen=True)
class CarryItem:
    kind: str  # "objective" | "key result"
    title: str
    decision: CarryDecision
    note: str


@dataclass(frozen=True)
class TeamRetro:
    team: SheetTeam
    objectives: tuple[ObjectiveReview, ...]
    answers: RetroAnswers | None
    carried: tuple[CarryItem, ...]
    score: float | None  # the plain mean of the objectives' scores (grades where given)
    band: Band | None


@dataclass(frozen=True)
class RetroData:
    info: PrintInfo
    cycle: CycleView
    teams: tuple[TeamRetro, ...]


def sheets_data(
    ws: Workspace, cycle: str | None = None, team: str | None = None, today: date | None = None
) -> SheetsData:
    """One team's sheet data (``team``), or every team's, in tree order."""
    tree = okr_tree(ws, cycle=cycle, team=team, today=today)
    with ws.read() as s:
        parents = {tid: (name, pid) for tid, name, pid in s.execute(_TEAMS)}
    return SheetsData(
        info=PrintInfo(tree.organisation, ws.path.name, today or date.today()),
        cycle=tree.cycle,
        teams=tuple(
            SheetTeam(replace(t, parent_id=parents[t.id][1]), _path(t.id, parents))
            for t in tree.teams
        ),
    )


_TEAMS = select(m.Team.id, m.Team.name, m.Team.parent_id)


def booklet_data(ws: Workspace, cycle: str | None = None, today: date | None = None) -> BookletData:
    sheets = sheets_data(ws, cycle=cycle, today=today)
    return BookletData(sheets, alignment_of(sheets))


def alignment_of(sheets: SheetsData) -> Alignment:
    """Objectives nobody's objective supports are roots when their team is at the top of
    the tree (the company); elsewhere they are orphans, listed apart."""
    owner: dict[str, str] = {}
    by_id: dict[str, ObjectiveView] = {}
    kr_owner: dict[str, str] = {}
    top_level: set[str] = set()
    for st in sheets.teams:
        for o in st.team.objectives:
            owner[o.id], by_id[o.id] = st.team.name, o
            if st.team.parent_id is None:
                top_level.add(o.id)
            for kr in o.key_results:
                kr_owner[kr.id] = o.id
    supporters: dict[str, list[str]] = defaultdict(list)
    for o in by_id.values():
        parents = dict.fromkeys(kr_owner.get(pid, pid) for pid, _title in o.supports)
        for parent in parents:
            if parent in by_id:
                supporters[parent].append(o.id)

    def node(oid: str, seen: frozenset[str]) -> AlignedObjective:
        below = [s for s in supporters.get(oid, []) if s not in seen]
        return AlignedObjective(by_id[oid], owner[oid], tuple(node(s, seen | {s}) for s in below))

    linked = {o.id for o in by_id.values() if o.supports}
    roots = tuple(node(oid, frozenset({oid})) for oid in by_id if oid in top_level)
    orphans = tuple(
        (owner[oid], o) for oid, o in by_id.items() if oid not in top_level and oid not in linked
    )
    return Alignment(roots, orphans)


def retro_data(
    ws: Workspace, cycle: str | None = None, team: str | None = None, today: date | None = None
) -> RetroData:
    """Scores, grades, check-in histories, answers and carry decisions, per team."""
    sheets = sheets_data(ws, cycle=cycle, team=team, today=today)
    history: dict[str, list[CheckInPoint]] = defaultdict(list)
    with ws.read() as s:
        bands = workspace_bands(s)
        for kr_id, on, value, confidence, note in s.execute(
            select(
                m.CheckIn.key_result_id,
                m.CheckIn.date,
                m.CheckIn.value,
                m.CheckIn.confidence,
                m.CheckIn.note,
            )
            .join(m.KeyResult)
            .join(m.Objective)
            .where(m.Objective.cycle_id == sheets.cycle.id)
            .order_by(m.CheckIn.date, m.CheckIn.created_at)
        ):
            history[kr_id].append(CheckInPoint(on, value, confidence, note or ""))
        # By cycle, not by long id lists (SQLite limits the number of bound parameters).
        kr_grades = {
            g.key_result_id: (g.score, g.comment)
            for g in s.scalars(
                select(m.KeyResultGrade)
                .join(m.KeyResult)
                .join(m.Objective)
                .where(m.Objective.cycle_id == sheets.cycle.id)
            )
        }
        objective_grades = {
            g.objective_id: (g.score, g.comment)
            for g in s.scalars(
                select(m.ObjectiveGrade)
                .join(m.Objective)
                .where(m.Objective.cycle_id == sheets.cycle.id)
            )
        }
        retros = {
            r.team_id: r
            for r in s.scalars(
                select(m.Retrospective).where(m.Retrospective.cycle_id == sheets.cycle.id)
            )
        }
        decisions: dict[str, list[m.CarryDecision]] = defaultdict(list)
        for d in s.scalars(
            select(m.CarryDecision)
            .join(m.Retrospective)
            .where(m.Retrospective.cycle_id == sheets.cycle.id)
        ):
            decisions[d.retrospective_id].append(d)
        answers = {team_id: _answers(r) for team_id, r in retros.items()}
        carry_by_team = {team_id: decisions.get(r.id, []) for team_id, r in retros.items()}
        carried_raw = {
            team_id: [(d.objective_id, d.key_result_id, d.decision, d.note or "") for d in ds]
            for team_id, ds in carry_by_team.items()
        }
    teams = []
    for st in sheets.teams:
        t = st.team
        if not t.objectives and t.id not in answers:
            continue
        reviews = tuple(
            _objective_review(o, kr_grades, objective_grades, history) for o in t.objectives
        )
        score = rollup([r.score for r in reviews])
        carried = _carry_items(t, carried_raw.get(t.id, []))
        teams.append(TeamRetro(st, reviews, answers.get(t.id), carried, score, band(score, bands)))
    return RetroData(sheets.info, sheets.cycle, tuple(teams))


def _objective_review(
    o: ObjectiveView,
    kr_grades: dict[str, tuple[float, str]],
    objective_grades: dict[str, tuple[float | None, str]],
    history: dict[str, list[CheckInPoint]],
) -> ObjectiveReview:
    krs = tuple(
        KeyResultReview(
            kr.id,
            kr_grades[kr.id][0] if kr.id in kr_grades else None,
            kr_grades[kr.id][1] if kr.id in kr_grades else "",
            tuple(history.get(kr.id, ())),
        )
        for kr in o.key_results
    )
    override, comment = objective_grades.get(o.id, (None, ""))
    grade = override
    if grade is None and krs and all(r.grade is not None for r in krs):
        try:
            grade = objective_score(
                [kr.facts() for kr in o.key_results], scores=[r.grade for r in krs]
            )
        except ValueError:
            grade = None
    return ObjectiveReview(o, grade, comment or "", krs)


def _carry_items(
    t: TeamView, raw: list[tuple[str | None, str | None, CarryDecision, str]]
) -> tuple[CarryItem, ...]:
    objectives = {o.id: o.title for o in t.objectives}
    krs = {kr.id: kr.title for o in t.objectives for kr in o.key_results}
    # Each objective's decision, then those of its key results.
    order = [item for o in t.objectives for item in (o.id, *(kr.id for kr in o.key_results))]
    items: list[tuple[int, CarryItem]] = []
    for objective_id, kr_id, decision, note in raw:
        if objective_id is not None:
            title, kind, key = objectives.get(objective_id), "objective", objective_id
        else:
            title, kind, key = krs.get(kr_id or ""), "key result", kr_id or ""
        if title is None:
            continue  # a decision about an item of another team
        items.append((order.index(key), CarryItem(kind, title, decision, note)))
    return tuple(item for _n, item in sorted(items, key=lambda pair: pair[0]))


def _answers(r: m.Retrospective) -> RetroAnswers:
    return RetroAnswers(
        r.achieved or "",
        r.missed or "",
        r.process or "",
        r.keep_doing or "",
        r.stop_doing or "",
        r.start_doing or "",
    )


def _path(team_id: str, teams: dict[str, tuple[str, str | None]]) -> tuple[str, ...]:
    """Names of the teams above ``team_id``, the top first."""
    names: list[str] = []
    parent = teams[team_id][1]
    while parent is not None and parent in teams and len(names) < 50:
        names.append(teams[parent][0])
        parent = teams[parent][1]
    return tuple(reversed(names))
