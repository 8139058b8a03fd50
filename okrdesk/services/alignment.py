"""Alignment: which objective supports which, across the team tree of one cycle.

Read-only view data for the alignment screen and the link editor. Everything is
loaded in five queries whatever the size of the workspace; links are edited
through ``entities`` ("alignment_link"), which also refuses loops.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from okrdesk.db import models as m
from okrdesk.errors import NotFoundError
from okrdesk.scoring import KeyResultFacts, objective_score, progress
from okrdesk.services.lookup import find_cycle
from okrdesk.services.workspace import Workspace
from okrdesk.vocabulary import ObjectiveKind, ObjectiveStatus, TeamKind


@dataclass(frozen=True)
class TeamNode:
    id: str
    name: str
    kind: str
    parent_id: str | None
    depth: int  # 0 for a root team (the company)


@dataclass(frozen=True)
class Link:
    """One alignment link: `objective_id` supports an objective, possibly through one of its KRs."""

    id: str
    objective_id: str  # the supporting objective
    parent_objective_id: str  # the supported objective (the key result's objective, if via a KR)
    parent_title: str
    key_result_id: str | None  # set when the link supports a key result
    key_result_title: str | None
    weight: float | None
    in_cycle: bool  # False when the supported objective belongs to another cycle


@dataclass(frozen=True)
class AlignedObjective:
    id: str
    title: str
    team_id: str
    team_name: str
    team_kind: TeamKind
    team_depth: int
    kind: ObjectiveKind
    status: ObjectiveStatus
    owner: str
    key_results: tuple[tuple[str, str], ...]  # (id, title), in order
    supports: tuple[Link, ...]  # what it supports (upwards)
    supporters: tuple[Link, ...]  # the links of this cycle's objectives that support it
    # Its key results' numbers (kind, start, target, current, direction, done, commit,
    # stretch, weight): the score is computed from them when first asked for.
    numbers: tuple[tuple, ...] = field(default=(), repr=False)

    @cached_property
    def score(self) -> float | None:
        """The weighted mean of its key results' progress; None without key results.
        (Computed when asked: a screen shows the scores of the rows on it.)"""
        return _score(self.numbers)

    @property
    def is_root(self) -> bool:
        return self.team_depth == 0

    @property
    def is_orphan(self) -> bool:
        """A team objective (not the company's) that supports nothing."""
        return not self.is_root and not self.supports


@dataclass(frozen=True)
class AlignmentMap:
    cycle_id: str
    cycle_name: str
    teams: tuple[TeamNode, ...]  # tree order
    objectives: tuple[AlignedObjective, ...]  # team tree order, then the teams' own order
    roots: tuple[str, ...]  # ids of the root teams' (company) objectives
    orphans: tuple[str, ...]  # ids of team objectives that support nothing

    @cached_property
    def _by_id(self) -> dict[str, AlignedObjective]:
        return {o.id: o for o in self.objectives}

    @cached_property
    def _teams_by_id(self) -> dict[str, TeamNode]:
        return {t.id: t for t in self.teams}

    def objective(self, objective_id: str) -> AlignedObjective:
        try:
            return self._by_id[objective_id]
        except KeyError:
            raise NotFoundError(
                f"no objective with id {objective_id} in {self.cycle_name}"
            ) from None

    def __contains__(self, objective_id: object) -> bool:
        return objective_id in self._by_id

    def team(self, team_id: str) -> TeamNode:
        return self._teams_by_id[team_id]

    def ancestors(self, team_id: str) -> list[TeamNode]:
        """The teams above `team_id`, nearest first."""
        found: list[TeamNode] = []
        parent = self._teams_by_id[team_id].parent_id
        while parent is not None and parent in self._teams_by_id and len(found) < len(self.teams):
            found.append(self._teams_by_id[parent])
            parent = self._teams_by_id[parent].parent_id
        return found

    def supporters_below(self, objective_id: str) -> set[str]:
        """Every objective that supports `objective_id`, directly or through others."""
        seen: set[str] = set()
        frontier = [objective_id]
        while frontier:
            current = frontier.pop()
            for link in self.objective(current).supporters:
                if link.objective_id not in seen:
                    seen.add(link.objective_id)
                    frontier.append(link.objective_id)
        seen.discard(objective_id)
        return seen


@dataclass(frozen=True)
class CandidateParent:
    """Something an objective could support: an objective or one of its key results."""

    objective_id: str
    key_result_id: str | None
    title: str  # the objective's title, or the key result's
    objective_title: str
    team_name: str
    team_depth: int
    suggested: bool  # belongs to a team above the objective's own team

    @property
    def is_key_result(self) -> bool:
        return self.key_result_id is not None


def alignment_map(
    ws: Workspace, cycle: str | None = None, today: date | None = None
) -> AlignmentMap:
    """The alignment picture of a cycle (by name or id; the current cycle without one)."""
    with ws.read() as s:
        the_cycle = find_cycle(s, cycle, today)
        cycle_id = the_cycle.id
        rows = s.connection()  # plain rows (thousands of them): no ORM objects needed
        teams = _teams_in_tree_order(
            rows.execute(
                select(m.Team.id, m.Team.name, m.Team.kind, m.Team.parent_id).order_by(
                    m.Team.position, m.Team.name
                )
            ).all()
        )
        objective_rows = rows.execute(
            select(
                m.Objective.id,
                m.Objective.title,
                m.Objective.team_id,
                m.Objective.kind,
                m.Objective.status,
                m.Objective.owner,
            )
            .where(m.Objective.cycle_id == cycle_id)
            .order_by(m.Objective.position, m.Objective.created_at)
        ).all()
        kr = m.KeyResult
        kr_rows = rows.execute(
            select(kr.objective_id, kr.id, kr.title, *_NUMBERS)
            .join(m.Objective, m.Objective.id == kr.objective_id)
            .where(m.Objective.cycle_id == cycle_id)
            .order_by(kr.position)
        ).all()
        child = aliased(m.Objective)
        parent = aliased(m.Objective)
        link = m.AlignmentLink
        link_rows = rows.execute(
            select(
                link.id,
                link.objective_id,
                parent.id,
                parent.title,
                parent.cycle_id,
                link.parent_key_result_id,
                kr.title,
                link.weight,
            )
            .join(child, child.id == link.objective_id)
            .outerjoin(kr, kr.id == link.parent_key_result_id)
            .join(parent, parent.id == func.coalesce(link.parent_objective_id, kr.objective_id))
            .where(child.cycle_id == cycle_id)
            .order_by(link.id)
        ).all()

    krs_of: dict[str, list[tuple[str, str]]] = defaultdict(list)
    numbers_of: dict[str, list[tuple]] = defaultdict(list)
    for row in kr_rows:
        krs_of[row[0]].append((row[1], row[2]))
        numbers_of[row[0]].append(tuple(row[3:]))

    in_cycle = {row.id for row in objective_rows}
    supports: dict[str, list[Link]] = defaultdict(list)
    supporters: dict[str, list[Link]] = defaultdict(list)
    for link_id, child_id, parent_id, title, parent_cycle, kr_id, kr_title, weight in link_rows:
        item = Link(
            id=link_id,
            objective_id=child_id,
            parent_objective_id=parent_id,
            parent_title=title,
            key_result_id=kr_id,
            key_result_title=kr_title,
            weight=weight,
            in_cycle=parent_cycle == cycle_id,
        )
        supports[child_id].append(item)
        if parent_id in in_cycle:
            supporters[parent_id].append(item)

    team_order = {team.id: n for n, team in enumerate(teams)}
    team_of = {team.id: team for team in teams}
    ordered = [row for row in objective_rows if row.team_id in team_of]
    ordered.sort(key=lambda row: team_order[row.team_id])  # stable: keeps the teams' order
    place = {row.id: n for n, row in enumerate(ordered)}

    def upwards(link: Link) -> tuple[int, str]:  # parents in map order; other cycles last
        return place.get(link.parent_objective_id, len(place)), link.key_result_id or ""

    objectives = tuple(
        AlignedObjective(
            id=row.id,
            title=row.title,
            team_id=row.team_id,
            team_name=team_of[row.team_id].name,
            team_kind=team_of[row.team_id].kind,
            team_depth=team_of[row.team_id].depth,
            kind=row.kind,
            status=row.status,
            owner=row.owner,
            key_results=tuple(krs_of.get(row.id, ())),
            supports=tuple(sorted(supports.get(row.id, []), key=upwards)),
            supporters=tuple(
                sorted(
                    (x for x in supporters.get(row.id, []) if x.objective_id in place),
                    key=lambda x: (place[x.objective_id], x.key_result_id or ""),
                )
            ),
            numbers=tuple(numbers_of.get(row.id, ())),
        )
        for row in ordered
    )
    return AlignmentMap(
        cycle_id=cycle_id,
        cycle_name=the_cycle.name,
        teams=teams,
        objectives=objectives,
        roots=tuple(o.id for o in objectives if o.is_root),
        orphans=tuple(o.id for o in objectives if o.is_orphan),
    )


def candidates_in(amap: AlignmentMap, objective_id: str) -> tuple[CandidateParent, ...]:
    """The objectives and key results of the cycle that `objective_id` could support.

    First the suggestions: those of the teams above its own, nearest team first;
    then all the others in team tree order. Left out: the objective itself, every
    objective that supports it (directly or through others: a link to one would
    make a loop), and what it already supports. Each objective comes with its KRs.
    """
    me = amap.objective(objective_id)
    excluded = amap.supporters_below(objective_id) | {objective_id}
    linked = {(link.parent_objective_id, link.key_result_id) for link in me.supports}
    rank = {team.id: n for n, team in enumerate(amap.ancestors(me.team_id))}

    def entries(o: AlignedObjective, suggested: bool) -> list[CandidateParent]:
        found = []
        if (o.id, None) not in linked:
            found.append(
                CandidateParent(o.id, None, o.title, o.title, o.team_name, o.team_depth, suggested)
            )
        for kr_id, kr_title in o.key_results:
            if (o.id, kr_id) not in linked:
                found.append(
                    CandidateParent(
                        o.id, kr_id, kr_title, o.title, o.team_name, o.team_depth, suggested
                    )
                )
        return found

    open_objectives = [o for o in amap.objectives if o.id not in excluded]
    above = sorted((o for o in open_objectives if o.team_id in rank), key=lambda o: rank[o.team_id])
    others = [o for o in open_objectives if o.team_id not in rank]
    result: list[CandidateParent] = []
    for o in above:
        result.extend(entries(o, True))
    for o in others:
        result.extend(entries(o, False))
    return tuple(result)


# -- helpers ---------------------------------------------------------------------------------


def _teams_in_tree_order(rows: list) -> tuple[TeamNode, ...]:
    children: dict[str | None, list] = defaultdict(list)
    ids = {row.id for row in rows}
    for row in rows:
        # A parent that is missing would hide the team: treat it as a root instead.
        children[row.parent_id if row.parent_id in ids else None].append(row)
    ordered: list[TeamNode] = []
    seen: set[str] = set()
    stack = [(row, 0) for row in reversed(children[None])]
    while stack:
        row, depth = stack.pop()
        if row.id in seen:
            continue
        seen.add(row.id)
        ordered.append(TeamNode(row.id, row.name, row.kind, row.parent_id, depth))
        stack.extend((c, depth + 1) for c in reversed(children.get(row.id, [])))
    return tuple(ordered)


# What a key result's progress is computed from, in KeyResultFacts' order.
_NUMBERS = (
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
# Scores computed lately, by their key results' numbers: after a change, a new map computes
# only the scores of the objectives whose key results changed (the map is read again after
# every change; at 1,000 teams, scoring 11,500 key results was most of its time).
_scores: dict[tuple, float | None] = {}
_SCORES_KEPT = 50_000


def _score(key: tuple[tuple, ...]) -> float | None:
    if not key:
        return None
    if key in _scores:
        return _scores[key]
    facts: list[KeyResultFacts] = []
    scores: list[float | None] = []
    score: float | None = None
    try:
        for kind, start, target, current, direction, done, commit, stretch, weight in key:
            fact = KeyResultFacts(
                kind, start, target, current, direction, bool(done), commit, stretch, weight
            )
            facts.append(fact)
            try:
                scores.append(progress(fact))
            except ValueError:  # a draft with inconsistent numbers counts as no data
                scores.append(None)
        score = objective_score(facts, scores=scores)
    except ValueError:
        score = None
    if len(_scores) >= _SCORES_KEPT:
        _scores.clear()
    _scores[key] = score
    return score
