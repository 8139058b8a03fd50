"""A cycle's life: planning → active → review → closed, and closed means read-only."""

from __future__ import annotations

import pytest

from okrdesk.db import models as m
from okrdesk.errors import ValidationError
from okrdesk.services import checkins, entities, lifecycle
from okrdesk.services.changes import Changes
from okrdesk.services.workspace import Workspace


def state(ws: Workspace, cycle_id: str) -> str:
    return entities.get(ws, "cycle", cycle_id)["state"]


def grades(ws: Workspace) -> dict[str, float]:
    return {g["key_result_id"]: g["score"] for g in entities.list_items(ws, "key_result_grade")}


def test_the_whole_life_and_back(ws: Workspace, planned: dict[str, str]) -> None:
    cycle = planned["cycle"]
    assert state(ws, cycle) == "planning"
    assert lifecycle.allowed_states(ws, "2026-Q4") == ("active",)
    steps = ["active", "planning", "active", "review", "active", "review", "closed", "review"]
    heard: list[Changes] = []
    ws.subscribe(heard.append)
    for step in steps:
        before = state(ws, cycle)
        done = lifecycle.set_state(ws, "2026-Q4", step)
        assert (done.old_state, done.new_state) == (before, step)
        assert state(ws, cycle) == step
    assert all(c.ids("cycle", "updated") == {cycle} for c in heard) and len(heard) == len(steps)


@pytest.mark.parametrize(
    ("path", "refused", "message"),
    [
        ([], "review", "is planning; it can only move to active \\(not review\\)"),
        ([], "closed", "only move to active"),
        (["active"], "closed", "can only move to review or planning"),
        (["active", "review", "closed"], "active", "is closed; it can only move to review"),
        (["active", "review"], "planning", "only move to closed or active"),
        ([], "archived", "a cycle state is one of planning, active, review, closed"),
    ],
)
def test_other_moves_are_refused(
    ws: Workspace, planned: dict[str, str], path: list[str], refused: str, message: str
) -> None:
    for step in path:
        lifecycle.set_state(ws, "2026-Q4", step)
    before = state(ws, planned["cycle"])
    with pytest.raises(ValidationError, match=message):
        lifecycle.set_state(ws, "2026-Q4", refused)
    assert state(ws, planned["cycle"]) == before


def test_back_to_planning_only_without_check_ins(ws: Workspace, planned: dict[str, str]) -> None:
    lifecycle.set_state(ws, "2026-Q4", "active")
    assert lifecycle.allowed_states(ws, "2026-Q4") == ("review", "planning")
    checkins.record_check_in(ws, planned["kr1"], 18, on="2026-10-09")
    assert lifecycle.allowed_states(ws, "2026-Q4") == ("review",)
    with pytest.raises(ValidationError, match="already has 1 check-in\\(s\\)"):
        lifecycle.set_state(ws, "2026-Q4", "planning")
    assert state(ws, planned["cycle"]) == "active"


def test_review_prefills_missing_grades_from_progress(
    ws: Workspace, planned: dict[str, str]
) -> None:
    unmeasured = entities.create(
        ws,
        "key_result",
        objective_id=planned["objective"],
        title="Answer 95% of chats",
        start=60,
        target=95,
    )
    lifecycle.set_state(ws, "2026-Q4", "active")
    checkins.record_check_in(ws, planned["kr1"], 8.8, on="2026-12-20")  # 70% of 20 → 4
    checkins.record_check_in(ws, planned["kr2"], 89.5, on="2026-12-20")  # 96%: not yet 1.0
    entities.create(
        ws, "key_result_grade", key_result_id=planned["kr2"], score=0.5, comment="survey was thin"
    )
    moved = lifecycle.set_state(ws, "2026-Q4", "review")
    assert (moved.grades_prefilled, moved.ungraded) == (1, 1)
    assert grades(ws) == {planned["kr1"]: 0.7, planned["kr2"]: 0.5}  # the given grade stays
    assert unmeasured not in grades(ws)
    # Leaving review keeps the grades; coming back fills only what is still missing.
    lifecycle.set_state(ws, "2026-Q4", "active")
    checkins.record_check_in(ws, unmeasured, 67, on="2026-12-21")
    again = lifecycle.set_state(ws, "2026-Q4", "review")
    assert again.grades_prefilled == 1
    assert grades(ws) == {planned["kr1"]: 0.7, planned["kr2"]: 0.5, unmeasured: 0.2}


def test_ensure_editable_with_a_workspace_or_a_session(
    ws: Workspace, planned: dict[str, str]
) -> None:
    lifecycle.ensure_editable(ws, planned["cycle"])
    for step in ("active", "review", "closed"):
        lifecycle.set_state(ws, "2026-Q4", step)
    with pytest.raises(ValidationError, match="2026-Q4 is closed and read-only; reopen it"):
        lifecycle.ensure_editable(ws, planned["cycle"])
    with ws.read() as s, pytest.raises(ValidationError, match="closed"):
        lifecycle.ensure_editable(s, planned["cycle"])


def test_guard_knows_the_cycle_of_every_kind_of_content(
    ws: Workspace, planned: dict[str, str]
) -> None:
    other = entities.create(
        ws, "cycle", name="2027-Q1", start_date="2027-01-01", end_date="2027-03-31"
    )
    initiative = entities.create(
        ws, "initiative", objective_id=planned["objective"], title="Hire a night shift"
    )
    check_in = checkins.record_check_in(ws, planned["kr1"], 10, on="2026-10-09").check_in.id
    retro = entities.create(ws, "retrospective", team_id=planned["team"], cycle_id=planned["cycle"])
    decision = entities.create(
        ws,
        "carry_decision",
        retrospective_id=retro,
        objective_id=planned["objective"],
        decision="carry",
    )
    theme = entities.create(ws, "theme", cycle_id=planned["cycle"], name="Care")
    guarded = [
        ("objective", m.Objective, planned["objective"]),
        ("key_result", m.KeyResult, planned["kr1"]),
        ("initiative", m.Initiative, initiative),
        ("check_in", m.CheckIn, check_in),
        ("retrospective", m.Retrospective, retro),
        ("carry_decision", m.CarryDecision, decision),
        ("theme", m.Theme, theme),
    ]
    for step in ("active", "review", "closed"):
        lifecycle.set_state(ws, "2026-Q4", step)
    with ws.read() as s:
        for kind, model, item_id in guarded:
            with pytest.raises(ValidationError, match="closed"):
                lifecycle.guard(s, kind, s.get(model, item_id))
        lifecycle.guard(s, "team", s.get(m.Team, planned["team"]))  # not cycle content
        lifecycle.guard(s, "cycle", s.get(m.Cycle, planned["cycle"]))  # the state lives here
        lifecycle.guard(s, "key_result", m.KeyResult())  # not placed yet
        # Moving content into another, open cycle is judged by where it lands.
        moved = m.Objective(cycle_id=other, team_id=planned["team"], title="x")
        lifecycle.guard(s, "objective", moved)
