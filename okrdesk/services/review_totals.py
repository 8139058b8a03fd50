"""The whole cycle's score and grading count, kept current from what changed.

The Review tab shows them beside the review of one team. Computed from scratch they read
every key result of the cycle (11,558 at 1,000 teams), so :class:`CycleTotals` keeps each
objective's part and, after a change, computes again only the objectives it touched (their
ids, or those of their key results and grades). A change whose extent is unknown (another
program's large write) or another cycle computes everything again. The numbers are those
of :func:`okrdesk.services.review.review` over the whole cycle, by the same rules.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from okrdesk.db import models as m
from okrdesk.errors import NotFoundError
from okrdesk.scoring import KeyResultFacts, band, objective_score, rollup, suggested_grade
from okrdesk.services.changes import Changes
from okrdesk.services.facts import NUMBER_COLUMNS, workspace_bands
from okrdesk.services.workspace import Workspace
from okrdesk.vocabulary import Band

# Past this many changed objectives, computing everything again is as quick.
MOST_OBJECTIVES = 500


@dataclass(frozen=True)
class Totals:
    """A cycle's score over every team and how many of its key results are graded."""

    cycle_id: str
    cycle: str
    score: float | None
    band: Band | None
    key_results: int
    graded: int


@dataclass(frozen=True)
class _Part:
    """One objective's share of the totals."""

    score: float | None
    key_results: int
    graded: int
    key_result_ids: tuple[str, ...]
    grade_ids: tuple[str, ...]
    override_id: str | None


class CycleTotals:
    """Totals of one cycle at a time, brought up to date by the changes heard meanwhile.

    Tell it every committed change (:meth:`heard`, cheap); ask with :meth:`of`."""

    def __init__(self) -> None:
        self._cycle_id: str | None = None
        self._parts: dict[str, _Part] = {}
        self._objective_of: dict[tuple[str, str], str] = {}  # (kind, id) → objective id
        self._pending: Changes | None = None
        self._last: Totals | None = None
        self.computed = 0  # objectives computed so far (tests read it)

    def heard(self, changes: Changes) -> None:
        pending = changes if self._pending is None else self._pending.merged(changes)
        if not pending.everything and _count(pending) > MOST_OBJECTIVES:
            pending = Changes.all()  # computing everything again is as quick: keep no more
        self._pending = pending

    def of(self, ws: Workspace, cycle_id: str) -> Totals:
        """The totals of `cycle_id` as the workspace holds them now."""
        if self._pending is None and self._last is not None and self._last.cycle_id == cycle_id:
            return self._last  # nothing changed since
        with ws.read() as s:
            cycle = s.get(m.Cycle, cycle_id)
            if cycle is None:
                raise NotFoundError(f"no cycle with id {cycle_id}")
            pending, self._pending = self._pending, None
            if cycle_id != self._cycle_id:
                self._load(s, cycle_id, None)
            elif pending is not None:
                touched = self._touched(s, pending)
                if touched is None or len(touched) > MOST_OBJECTIVES:
                    self._load(s, cycle_id, None)
                elif touched:
                    self._load(s, cycle_id, touched)
            parts = self._parts.values()
            score = rollup([p.score for p in parts])
            self._last = Totals(
                cycle_id,
                cycle.name,
                score,
                band(score, workspace_bands(s)),
                sum(p.key_results for p in parts),
                sum(p.graded for p in parts),
            )
            return self._last

    # -- what a change touched -----------------------------------------------------------------

    def _touched(self, s: Session, changes: Changes) -> set[str] | None:
        """The objectives whose part may have changed; None: any of them."""
        if changes.everything or _count(changes) > MOST_OBJECTIVES:
            return None  # (also: a few hundred ids at most go into one query)
        touched = set(changes.ids("objective"))
        known = self._objective_of
        for kind in ("key_result", "key_result_grade", "objective_grade"):
            for item in changes.ids(kind):  # where it was (a deleted one, a moved one)
                if (kind, item) in known:
                    touched.add(known[(kind, item)])
        kr, grade, override = m.KeyResult, m.KeyResultGrade, m.ObjectiveGrade
        created = changes.ids("key_result", "created", "updated")
        touched |= _column(s, select(kr.objective_id).where(kr.id.in_(created)), created)
        created = changes.ids("key_result_grade", "created", "updated")
        query = select(kr.objective_id).join(grade, grade.key_result_id == kr.id)
        touched |= _column(s, query.where(grade.id.in_(created)), created)
        created = changes.ids("objective_grade", "created", "updated")
        query = select(override.objective_id).where(override.id.in_(created))
        touched |= _column(s, query, created)
        return touched

    # -- computing parts -------------------------------------------------------------------------

    def _load(self, s: Session, cycle_id: str, only: Collection[str] | None) -> None:
        """Compute the parts of the cycle's objectives (all, or `only` those)."""
        o, kr, grade, override = m.Objective, m.KeyResult, m.KeyResultGrade, m.ObjectiveGrade
        objectives = select(o.id).where(o.cycle_id == cycle_id)
        krs = (
            select(kr.objective_id, kr.id, grade.id.label("grade_id"), grade.score, *NUMBER_COLUMNS)
            .join(o, o.id == kr.objective_id)
            .outerjoin(grade, grade.key_result_id == kr.id)
            .where(o.cycle_id == cycle_id)
        )
        overrides = (
            select(override.objective_id, override.id, override.score)
            .join(o, o.id == override.objective_id)
            .where(o.cycle_id == cycle_id)
        )
        if only is None:
            self._cycle_id, self._parts, self._objective_of = cycle_id, {}, {}
        else:
            for oid in only:
                self._forget(oid)
            objectives = objectives.where(o.id.in_(only))
            krs = krs.where(o.id.in_(only))
            overrides = overrides.where(o.id.in_(only))
        rows = s.connection()  # plain rows: thousands of them, no ORM objects needed
        rows_of: dict[str, list] = defaultdict(list)
        for row in rows.execute(krs).all():  # (in any order: sums do not depend on it)
            rows_of[row[0]].append(row)
        override_of = {row.objective_id: row for row in rows.execute(overrides).all()}
        for oid in rows.scalars(objectives).all():
            self._add(oid, rows_of.get(oid, []), override_of.get(oid))

    def _forget(self, oid: str) -> None:
        part = self._parts.pop(oid, None)
        if part is None:
            return
        for key in _keys(part):
            self._objective_of.pop(key, None)

    def _add(self, oid: str, rows: list, override_row) -> None:
        scores: list[float | None] = []
        weights: list[KeyResultFacts] = []
        graded: list[str] = []
        for _oid, _id, grade_id, given, *numbers in rows:  # (see _load's columns)
            scores.append(given if given is not None else _suggested(numbers))
            weights.append(_weighing(numbers[-1]))
            if grade_id is not None:
                graded.append(grade_id)
        computed = objective_score(weights, scores=scores)
        override = override_row.score if override_row is not None else None
        part = _Part(
            override if override is not None else computed,
            len(rows),
            sum(1 for row in rows if row[3] is not None),
            tuple(row[1] for row in rows),
            tuple(graded),
            override_row.id if override_row is not None else None,
        )
        self._parts[oid] = part
        for key in _keys(part):
            self._objective_of[key] = oid
        self.computed += 1


def _keys(part: _Part) -> Iterator[tuple[str, str]]:
    """(kind, id) of the rows an objective's part was computed from."""
    yield from (("key_result", item) for item in part.key_result_ids)
    yield from (("key_result_grade", item) for item in part.grade_ids)
    if part.override_id is not None:
        yield ("objective_grade", part.override_id)


@functools.lru_cache(maxsize=64)
def _weighing(weight: float) -> KeyResultFacts:
    """A key result reduced to its weight: with the scores given, all objective_score reads."""
    return KeyResultFacts(kind="milestone", weight=weight)


def _suggested(numbers: list) -> float | None:
    """The grade suggested from a key result's numbers (NUMBER_COLUMNS), as
    lifecycle.suggested_grade_of gives it; None for a draft with inconsistent numbers."""
    kind, start, target, current, direction, done, commit, stretch, weight = numbers
    try:
        facts = KeyResultFacts(
            kind, start, target, current, direction, bool(done), commit, stretch, weight
        )
        return suggested_grade(facts)
    except ValueError:
        return None


def _count(changes: Changes) -> int:
    kinds = ("objective", "key_result", "key_result_grade", "objective_grade")
    return sum(len(changes.ids(kind)) for kind in kinds)


def _column(s: Session, query, ids: Iterable[str]) -> set[str]:
    return set(s.scalars(query)) if ids else set()
