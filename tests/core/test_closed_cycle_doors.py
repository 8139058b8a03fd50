"""A closed cycle is read-only through every door: each way of changing its content is
refused with the same message and leaves the file exactly as it was, including the undo
and the redo of changes made while it was open."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from okrdesk.db import models as m
from okrdesk.errors import OkrDeskError
from okrdesk.interchange.json_format import export_json
from okrdesk.services import (
    carry_forward,
    checkins,
    entities,
    kpis,
    lifecycle,
    operations,
    retrospective,
    review,
    workshop,
    workshop_ideas,
)
from okrdesk.services.workspace import Workspace

CLOSED = "cycle 2026-Q4 is closed and read-only; reopen it for review to change it"


@pytest.fixture
def closed(ws: Workspace, planned: dict[str, str]) -> dict[str, str]:
    """The planned set with a check-in, an initiative and a retrospective, then closed.
    A second, open cycle (2027-Q1) holds an objective of its own."""
    checkins.record_check_in(ws, planned["kr1"], 12, on="2026-10-20")
    planned["initiative"] = entities.create(
        ws, "initiative", objective_id=planned["objective"], title="Answer by chat"
    )
    retrospective.save_retrospective(ws, "Support", "2026-Q4", achieved="Faster replies")
    planned["next"] = entities.create(
        ws, "cycle", name="2027-Q1", start_date="2027-01-01", end_date="2027-03-31"
    )
    planned["open_objective"] = entities.create(
        ws, "objective", cycle_id=planned["next"], team_id=planned["team"], title="Keep it up"
    )
    for state in ("active", "review", "closed"):
        lifecycle.set_state(ws, "2026-Q4", state)
    return planned


def refused(ws: Workspace, action: Callable[[], object], message: str = CLOSED) -> None:
    before = export_json(ws)
    with pytest.raises(OkrDeskError) as error:
        action()
    assert message in str(error.value)
    assert export_json(ws) == before


DOORS: dict[str, Callable[[Workspace, dict[str, str]], object]] = {
    "create an objective": lambda ws, p: entities.create(
        ws, "objective", cycle_id=p["cycle"], team_id=p["team"], title="Late idea"
    ),
    "create a key result": lambda ws, p: entities.create(
        ws, "key_result", objective_id=p["objective"], title="One more"
    ),
    "create a theme": lambda ws, p: entities.create(ws, "theme", cycle_id=p["cycle"], name="X"),
    "edit an objective": lambda ws, p: entities.update(ws, "objective", p["objective"], title="Z"),
    "edit a key result": lambda ws, p: entities.update(ws, "key_result", p["kr1"], target=2),
    "delete a key result": lambda ws, p: entities.delete(ws, "key_result", p["kr2"]),
    "delete an objective": lambda ws, p: entities.delete(ws, "objective", p["objective"]),
    "reorder key results": lambda ws, p: entities.reorder(ws, "key_result", [p["kr2"], p["kr1"]]),
    "move a key result out": lambda ws, p: entities.move(
        ws, "key_result", p["kr1"], p["open_objective"]
    ),
    "move a key result in": lambda ws, p: entities.move(
        ws, "key_result", p["mine"], p["objective"]
    ),
    "move an objective into it": lambda ws, p: entities.update(
        ws, "objective", p["open_objective"], cycle_id=p["cycle"]
    ),
    "link key results": lambda ws, p: entities.link_key_results(ws, p["initiative"], [p["kr2"]]),
    "check in": lambda ws, p: checkins.record_check_in(ws, p["kr2"], 80, on="2026-11-02"),
    "add a check-in row": lambda ws, p: entities.create(
        ws, "check_in", key_result_id=p["kr1"], date="2026-12-01", value=9
    ),
    "check in a grid": lambda ws, p: checkins.record_many(
        ws, [checkins.CheckInEntry(p["kr1"], 10, on="2026-11-03")]
    ),
    "grade a key result": lambda ws, p: review.grade_key_result(ws, p["kr1"], 0.9),
    "score an objective": lambda ws, p: review.set_objective_grade(ws, p["objective"], 0.5),
    "answer the retrospective": lambda ws, p: retrospective.save_retrospective(
        ws, "Support", "2026-Q4", missed="Nothing"
    ),
    "decide what to carry": lambda ws, p: retrospective.set_carry_decisions(
        ws, "Support", "2026-Q4", {p["objective"]: "carry"}
    ),
    "carry forward into it": lambda ws, p: carry_forward.apply_carry_forward(
        ws, "Support", "2027-Q1", next_cycle="2026-Q4"
    ),
    "start an objective from a KPI": lambda ws, p: kpis.start_objective_from_kpi(
        ws, p["kpi"], team="Support", cycle="2026-Q4"
    ),
    "promote a workshop idea": lambda ws, p: workshop_ideas.promote(
        ws, p["session"], [p["idea"]], p["team"], p["cycle"]
    ),
    "promote a key result idea": lambda ws, p: workshop_ideas.promote(
        ws, p["session"], [p["kr_idea"]], objective_id=p["objective"]
    ),
}


@pytest.fixture
def around(ws: Workspace, closed: dict[str, str]) -> dict[str, str]:
    """What some doors need, made in the open cycle and the workshop: a key result to
    move in, a decision to carry, a KPI out of its range, a workshop with an objective
    and a key result idea."""
    closed["mine"] = entities.create(
        ws, "key_result", objective_id=closed["open_objective"], title="Mine"
    )
    retrospective.set_carry_decisions(ws, "Support", "2027-Q1", {closed["open_objective"]: "carry"})
    closed["kpi"] = entities.create(ws, "kpi", name="Backlog", healthy_low=0, healthy_high=10)
    kpis.add_value(ws, closed["kpi"], 25, date(2026, 10, 5))
    closed["session"] = workshop.start_session(ws, "Late workshop", closed["next"], agenda=())
    (closed["idea"],) = workshop_ideas.add_candidates(ws, closed["session"], ["A late idea"])
    (closed["kr_idea"],) = workshop_ideas.add_candidates(
        ws, closed["session"], ["A late measure"], "key_result"
    )
    return closed


@pytest.mark.parametrize("door", DOORS)
def test_every_door_into_a_closed_cycle_is_shut_until_it_is_reopened(
    ws: Workspace, around: dict[str, str], door: str
) -> None:
    refused(ws, lambda: DOORS[door](ws, around))
    lifecycle.set_state(ws, "2026-Q4", "review")
    before = export_json(ws)
    DOORS[door](ws, around)
    assert export_json(ws) != before


def test_a_closed_cycle_itself_can_be_renamed(ws: Workspace, closed: dict[str, str]) -> None:
    entities.update(ws, "cycle", closed["cycle"], name="2026-Q4 (archived)")
    assert entities.get(ws, "cycle", closed["cycle"])["state"] == "closed"


@pytest.mark.parametrize(
    "door",
    [
        "create a key result",
        "edit a key result",
        "delete a key result",
        "delete an objective",
        "reorder key results",
        "check in",
        "grade a key result",
        "answer the retrospective",
        "move a key result in",
        "promote a workshop idea",
        "promote a key result idea",
        "start an objective from a KPI",
    ],
)
def test_undo_and_redo_cannot_reach_into_a_cycle_closed_since(
    ws: Workspace, around: dict[str, str], door: str
) -> None:
    lifecycle.set_state(ws, "2026-Q4", "review")
    done = operations.run(ws, "", DOORS[door], around)
    lifecycle.set_state(ws, "2026-Q4", "closed")
    refused(ws, lambda: operations.undo(ws, done.edit))

    lifecycle.set_state(ws, "2026-Q4", "review")
    operations.undo(ws, done.edit)
    lifecycle.set_state(ws, "2026-Q4", "closed")
    refused(ws, lambda: operations.redo(ws, done.edit))


def test_the_cycle_itself_still_moves_and_a_whole_cycle_can_go_and_come_back(
    ws: Workspace, closed: dict[str, str]
) -> None:
    before = export_json(ws)
    gone = operations.run(ws, "", entities.delete, "cycle", closed["cycle"], with_contents=True)
    operations.undo(ws, gone.edit)
    assert export_json(ws) == before
    reopened = operations.run(ws, "", lifecycle.set_state, "2026-Q4", "review")
    operations.undo(ws, reopened.edit)  # closed again: a move the lifecycle allows
    assert entities.get(ws, "cycle", closed["cycle"])["state"] == "closed"


def test_a_state_the_lifecycle_does_not_allow_is_refused_even_by_undo(
    ws: Workspace, closed: dict[str, str]
) -> None:
    started = operations.run(ws, "", lifecycle.set_state, "2027-Q1", "active")
    checkins.record_check_in(
        ws,
        entities.create(
            ws,
            "key_result",
            objective_id=closed["open_objective"],
            title="Calls",
            start=0,
            target=9,
        ),
        3,
        on="2027-01-10",
    )
    refused(
        ws,
        lambda: operations.undo(ws, started.edit),
        "already has 1 check-in(s); it cannot go back to planning",
    )


def test_what_points_into_a_deleted_item_goes_with_it_and_comes_back(
    ws: Workspace, closed: dict[str, str]
) -> None:
    """An old quarter's objective that supported one now deleted loses that link (the
    item is gone), and undo brings both back; the old quarter is not edited otherwise."""
    lifecycle.set_state(ws, "2026-Q4", "review")
    entities.create(
        ws,
        "alignment_link",
        objective_id=closed["objective"],
        parent_objective_id=closed["open_objective"],
    )
    lifecycle.set_state(ws, "2026-Q4", "closed")
    before = export_json(ws)
    gone = operations.run(ws, "", entities.delete, "objective", closed["open_objective"])
    assert entities.list_items(ws, "alignment_link") == []
    operations.undo(ws, gone.edit)
    assert export_json(ws) == before
    team = operations.run(ws, "", entities.delete, "team", closed["company"], with_contents=True)
    operations.undo(ws, team.edit)
    cycle = operations.run(ws, "", entities.delete, "cycle", closed["next"], with_contents=True)
    operations.undo(ws, cycle.edit)
    assert export_json(ws) == before


def test_a_new_team_cannot_bring_content_into_a_closed_cycle(
    ws: Workspace, closed: dict[str, str]
) -> None:
    def new_team_in_the_past(ws: Workspace) -> None:
        team = entities.create(ws, "team", name="Newcomers", parent_id=closed["company"])
        with ws.write() as s:  # as an import would write it: rows, not the entity service
            s.add(m.Objective(cycle_id=closed["cycle"], team_id=team, title="Back-dated"))

    refused(ws, lambda: operations.run(ws, "", new_team_in_the_past))
