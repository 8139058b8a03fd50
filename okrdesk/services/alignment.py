"""Alignment: which objective supports which, across the team tree of one cycle.

Read-only view data for the alignment screen and the link editor. Everything is
loaded in five queries whatever the size of the workspace; links are edited
through ``entities`` ("alignment_link"), which also refuses loops.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import aliased

from okrdesk.db import models as m
from okrdesk.errors import NotFoundError
from okrdesk.scoring import KeyResultFacts, objective_score, progress
from okrdesk.services.facts import NUMBER_COLUMNS
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
    source: Source | None = field(default=None, compare=False, repr=False)

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
    """The alignment picture of a cycle (by name or id; the current cycle without one).
    After a change, :func:`okrdesk.services.alignment_update.alignment_map_after` gives the
    next one reading only what the change touched."""
    with ws.read() as s:
        the_cycle = find_cycle(s, cycle, today)
        rows = s.connection()  # plain rows (thousands of them): no ORM objects needed
        teams = _teams_in_tree_order(rows.execute(_TEAMS).all())
        source = read_source(rows, the_cycle.id)
    return assemble(the_cycle.id, the_cycle.name, teams, source)


@dataclass(frozen=True)
class Source:
    """The rows a map is built from, by objective: kept with the map, so that the next map
    reads again only the objectives a change touched."""

    objectives: dict[str, tuple]  # id → (id, title, team_id, kind, status, owner, order)
    key_results: dict[str, tuple[tuple[str, str], ...]]  # objective → (id, title) in order
    numbers: dict[str, tuple[tuple, ...]]  # objective → its key results' numbers
    links: dict[str, tuple[Link, ...]]  # supporting objective → its links upwards

    @cached_property
    def owner_of(self) -> dict[tuple[str, str], str]:
        """("key_result" or "alignment_link", id) → the objective it belongs to."""
        found = {("key_result", kr): oid for oid, krs in self.key_results.items() for kr, _ in krs}
        found.update(
            (("alignment_link", x.id), oid) for oid, links in self.links.items() for x in links
        )
        return found

    @cached_property
    def linked_to(self) -> dict[str, set[str]]:
        """Objective or key result id → the objectives with a link to it (which show its
        title and cycle; a link to a key result shows its objective's too)."""
        found: dict[str, set[str]] = defaultdict(set)
        for oid, links in self.links.items():
            for x in links:
                found[x.parent_objective_id].add(oid)
                if x.key_result_id is not None:
                    found[x.key_result_id].add(oid)
        return found


def read_source(rows: Connection, cycle_id: str, only: Collection[str] | None = None) -> Source:
    """The rows of the cycle's objectives (all, or `only` those that are in it)."""
    o, kr, link = m.Objective, m.KeyResult, m.AlignmentLink
    objectives = select(
        o.id, o.title, o.team_id, o.kind, o.status, o.owner, o.position, o.created_at
    ).where(o.cycle_id == cycle_id)
    key_results = (  # in each objective's order, sorted below (SQLite sorted all: slower)
        select(kr.objective_id, kr.position, kr.id, kr.title, *NUMBER_COLUMNS)
        .join(o, o.id == kr.objective_id)
        .where(o.cycle_id == cycle_id)
    )
    child = aliased(m.Objective)
    parent = aliased(m.Objective)
    links = (
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
    )
    if only is not None:  # (all rows are fetched at once: fetching them one by one was slower)
        objectives = objectives.where(o.id.in_(only))
        key_results = key_results.where(o.id.in_(only))
        links = links.where(child.id.in_(only))
    found = Source({}, {}, {}, {})
    for oid, title, team, kind, status, owner, position, created in rows.execute(objectives).all():
        found.objectives[oid] = (oid, title, team, kind, status, owner, (position, created, oid))
    krs_of: dict[str, list[tuple]] = defaultdict(list)
    for row in rows.execute(key_results).all():
        krs_of[row[0]].append(tuple(row))
    links_of: dict[str, list[Link]] = defaultdict(list)
    for link_id, child_id, parent_id, title, cycle, kr_id, kr_title, weight in rows.execute(
        links
    ).all():
        links_of[child_id].append(
            Link(link_id, child_id, parent_id, title, kr_id, kr_title, weight, cycle == cycle_id)
        )
    for oid, krs in krs_of.items():
        krs.sort(key=_position)
        found.key_results[oid] = tuple((x[2], x[3]) for x in krs)
        found.numbers[oid] = tuple(x[4:] for x in krs)
    found.links.update((oid, tuple(x)) for oid, x in links_of.items())
    return found


def assemble(
    cycle_id: str,
    cycle_name: str,
    teams: tuple[TeamNode, ...],
    source: Source,
    keep: AlignmentMap | None = None,
    again: Collection[str] = (),
) -> AlignmentMap:
    """The map of `source`; the objectives of `keep` are used as they are but those `again`."""
    team_order = {team.id: n for n, team in enumerate(teams)}
    team_of = {team.id: team for team in teams}
    rows = source.objectives
    # Team tree order, then each team's own order (position, creation, id).
    ordered = sorted(
        (row for row in rows.values() if row[2] in team_of),
        key=lambda row: (team_order[row[2]], row[6]),
    )
    place = {row[0]: n for n, row in enumerate(ordered)}
    supporters: dict[str, list[Link]] = defaultdict(list)
    for oid, links in source.links.items():
        if oid in place:
            for x in links:
                if x.parent_objective_id in rows:
                    supporters[x.parent_objective_id].append(x)

    def upwards(x: Link) -> tuple[int, str]:  # parents in map order; other cycles last
        return place.get(x.parent_objective_id, len(place)), x.key_result_id or ""

    def downwards(x: Link) -> tuple[int, str]:
        return place[x.objective_id], x.key_result_id or ""

    objectives = []
    for oid, title, team, kind, status, owner, _order in ordered:
        if keep is not None and oid not in again and oid in keep:
            objectives.append(keep.objective(oid))
            continue
        node = team_of[team]
        objectives.append(
            AlignedObjective(
                id=oid,
                title=title,
                team_id=team,
                team_name=node.name,
                team_kind=node.kind,
                team_depth=node.depth,
                kind=kind,
                status=status,
                owner=owner,
                key_results=source.key_results.get(oid, ()),
                supports=tuple(sorted(source.links.get(oid, ()), key=upwards)),
                supporters=tuple(sorted(supporters.get(oid, ()), key=downwards)),
                numbers=source.numbers.get(oid, ()),
            )
        )
    return AlignmentMap(
        cycle_id=cycle_id,
        cycle_name=cycle_name,
        teams=teams,
        objectives=tuple(objectives),
        roots=tuple(o.id for o in objectives if o.is_root),
        orphans=tuple(o.id for o in objectives if o.is_orphan),
        source=source,
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


def _position(row: tuple) -> tuple:
    return row[1], row[2]  # (position, id) of a key result row


_TEAMS = select(m.Team.id, m.Team.name, m.Team.kind, m.Team.parent_id).order_by(
    m.Team.position, m.Team.name
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
