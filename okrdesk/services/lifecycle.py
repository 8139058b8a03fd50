"""A cycle's life: planning → active → review → closed, and what each step does.

Transitions (anything else is refused with the allowed ones named):

=========  ==========  ===================================================================
from       to          rule
=========  ==========  ===================================================================
planning   active      always ("start the cycle")
active     review      pre-fills a grade for every key result that has none yet, from its
                       progress (``scoring.suggested_grade``); no data → left ungraded
active     planning    only while no check-in has been recorded in the cycle
review     closed      the cycle becomes read-only
review     active      back to tracking; grades already given are kept
closed     review      "reopen": the cycle becomes editable again
=========  ==========  ===================================================================

A closed cycle is read-only: every service that writes into a cycle's content
(themes, objectives, key results, initiatives, alignment links, check-ins,
grades, retrospectives and carry-forward decisions) calls :func:`ensure_editable`
or :func:`guard` inside its transaction, to refuse early in its own words. The
guarantee is :mod:`okrdesk.services.rules`, which judges what every transaction really
wrote (the transitions above included, for undo, redo and merges). The cycle row itself
is not guarded: its state is changed here, and renaming or deleting a whole cycle stays
possible.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from okrdesk.db import models as m
from okrdesk.errors import ValidationError
from okrdesk.scoring import suggested_grade
from okrdesk.services import rules
from okrdesk.services.facts import key_result_facts
from okrdesk.services.lookup import find_cycle
from okrdesk.services.rules import TRANSITIONS, closed_message
from okrdesk.services.specs import spec_for
from okrdesk.services.workspace import Workspace


@dataclass(frozen=True)
class Transition:
    """What a state change did."""

    cycle_id: str
    cycle: str
    old_state: str
    new_state: str
    grades_prefilled: int = 0  # key results given a suggested grade on entering review
    ungraded: int = 0  # key results still without a grade (no data to suggest from)


# -- the read-only rule ------------------------------------------------------------------------


def ensure_editable(where: Session | Workspace, cycle_id: str) -> None:
    """Raise ValidationError if the cycle is closed. Takes a session or a workspace."""
    if isinstance(where, Workspace):
        with where.read() as s:
            ensure_editable(s, cycle_id)
        return
    cycle = where.get(m.Cycle, cycle_id)
    if cycle is not None and cycle.state == "closed":
        raise ValidationError(closed_message(cycle.name))


def cycle_id_of(s: Session, kind: str, item: object) -> str | None:
    """The cycle an item lives in (None for teams, KPIs, workshops and the cycle itself)."""
    table = spec_for(kind).model.__table__
    image = {c.key: getattr(item, c.key, None) for c in table.columns}
    return rules.cycle_of(s.connection(), kind, image)


def guard(s: Session, kind: str, item: object) -> None:
    """Refuse a change to `item` (of entity `kind`) when it lives in a closed cycle.

    Meant for the generic entity service: call it on the item before and after
    assigning new values (so moving something *into* a closed cycle is refused too).
    Items not placed yet (no parent set) pass.
    """
    with s.no_autoflush:  # judge the item's new place without writing its new values yet
        cycle_id = cycle_id_of(s, kind, item)
        if cycle_id is not None:
            ensure_editable(s, cycle_id)


# -- transitions -------------------------------------------------------------------------------


def allowed_states(ws: Workspace, cycle: str | None = None) -> tuple[str, ...]:
    """The states the cycle may move to next (for enabling buttons)."""
    with ws.read() as s:
        the_cycle = find_cycle(s, cycle)
        allowed = TRANSITIONS[the_cycle.state]
        if the_cycle.state == "active" and rules.has_check_ins(s.connection(), the_cycle.id):
            allowed = tuple(x for x in allowed if x != "planning")
        return allowed


def set_state(
    ws: Workspace, cycle: str | None, state: str, today: date | None = None
) -> Transition:
    """Move a cycle (name or id; None = the current one) to `state`, by the rules above."""
    with ws.write() as s:
        the_cycle = find_cycle(s, cycle, today)
        old = the_cycle.state
        if state not in TRANSITIONS:
            raise ValidationError(
                f"a cycle state is one of {', '.join(TRANSITIONS)} (got {state!r})", "state"
            )
        if state not in TRANSITIONS[old]:
            allowed = " or ".join(TRANSITIONS[old])
            raise ValidationError(
                f"cycle {the_cycle.name} is {old}; it can only move to {allowed} (not {state})",
                "state",
            )
        if old == "active" and state == "planning":
            count = _check_in_count(s, the_cycle.id)
            if count:
                raise ValidationError(
                    f"cycle {the_cycle.name} already has {count} check-in(s); "
                    "it cannot go back to planning"
                )
        entering_review = (old, state) == ("active", "review")  # not when reopening
        prefilled = _prefill_grades(s, the_cycle.id) if entering_review else 0
        the_cycle.state = state
        ungraded = _ungraded_count(s, the_cycle.id) if state in ("review", "closed") else 0
        result = Transition(the_cycle.id, the_cycle.name, old, state, prefilled, ungraded)
    return result


def _check_in_count(s: Session, cycle_id: str) -> int:
    return rules.check_in_count(s.connection(), cycle_id)


def _key_results(s: Session, cycle_id: str) -> list[m.KeyResult]:
    return list(
        s.scalars(
            select(m.KeyResult)
            .join(m.Objective, m.Objective.id == m.KeyResult.objective_id)
            .where(m.Objective.cycle_id == cycle_id)
        )
    )


def _graded_ids(s: Session, cycle_id: str) -> set[str]:
    return set(
        s.scalars(
            select(m.KeyResultGrade.key_result_id)
            .join(m.KeyResult, m.KeyResult.id == m.KeyResultGrade.key_result_id)
            .join(m.Objective, m.Objective.id == m.KeyResult.objective_id)
            .where(m.Objective.cycle_id == cycle_id)
        )
    )


def suggested_grade_of(kr: m.KeyResult) -> float | None:
    """The grade scoring suggests; None for no data or a draft with inconsistent numbers."""
    try:
        return suggested_grade(key_result_facts(kr))
    except ValueError:
        return None


def _prefill_grades(s: Session, cycle_id: str) -> int:
    graded = _graded_ids(s, cycle_id)
    count = 0
    for kr in _key_results(s, cycle_id):
        if kr.id in graded:
            continue  # a grade someone gave (or an earlier pre-fill) is never overwritten
        grade = suggested_grade_of(kr)
        if grade is None:
            continue  # nothing measured: the reviewer grades it by hand
        s.add(m.KeyResultGrade(key_result_id=kr.id, score=grade))
        count += 1
    s.flush()
    return count


def _ungraded_count(s: Session, cycle_id: str) -> int:
    graded = _graded_ids(s, cycle_id)
    return sum(1 for kr in _key_results(s, cycle_id) if kr.id not in graded)
