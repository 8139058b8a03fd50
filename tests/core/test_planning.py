"""The guided planning session's core: steps, where content says we are, saved progress."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from okrdesk.errors import ValidationError
from okrdesk.services import coaching, entities, lifecycle, operations, planning
from okrdesk.services.changes import Changes
from okrdesk.services.planning import PlanningState
from okrdesk.services.workspace import Workspace

TODAY = date(2026, 11, 23)  # the demo workspace's "today" (tests/conftest.py)


def reasons(ws: Workspace, cycle=None, team=None) -> dict[str, tuple[bool, str]]:
    return {s.step.key: (s.done, s.reason) for s in planning.step_status(ws, cycle, team)}


def test_the_seven_steps_in_workshop_order() -> None:
    assert planning.STEP_KEYS == (
        "foundation",
        "themes",
        "objectives",
        "key_results",
        "initiatives",
        "alignment",
        "review",
    )
    assert [s.index for s in planning.STEPS] == list(range(7))
    assert planning.step_for("key_results").title == "Key results"
    with pytest.raises(ValidationError, match="no planning step 'coffee'"):
        planning.step_for("coffee")


def test_an_empty_workspace_starts_at_the_foundation(ws: Workspace) -> None:
    state = planning.progress(ws, TODAY)
    assert state == PlanningState(0, None, None)
    assert state.key == "foundation"
    status = reasons(ws)
    assert status["foundation"] == (False, "no mission yet")
    assert status["themes"] == (False, "set up the foundation first")
    assert planning.suggest_step(ws).key == "foundation"


def test_ensure_creates_the_company_and_the_current_quarter_once(ws: Workspace) -> None:
    heard: list[Changes] = []
    ws.subscribe(heard.append)
    cycle_id, team_id = planning.ensure_cycle_and_company(ws, "  Bergblick Bakery ", TODAY)
    cycle = entities.get(ws, "cycle", cycle_id)
    team = entities.get(ws, "team", team_id)
    assert (cycle["name"], cycle["start_date"], cycle["end_date"], cycle["state"]) == (
        "2026-Q4",
        date(2026, 10, 1),
        date(2026, 12, 31),
        "planning",
    )
    assert (team["name"], team["kind"], team["parent_id"]) == ("Bergblick Bakery", "company", None)
    assert ws.info().name == "Bergblick Bakery"
    assert set().union(*(c.kinds() for c in heard)) == {"workspace", "team", "cycle"}
    # A second time it finds what is there and creates nothing.
    assert planning.ensure_cycle_and_company(ws, "Bergblick Bakery", TODAY) == (cycle_id, team_id)
    assert len(entities.list_items(ws, "team")) == 1
    assert len(entities.list_items(ws, "cycle")) == 1


def test_ensure_refuses_an_empty_name_and_changes_nothing(ws: Workspace) -> None:
    with pytest.raises(ValidationError) as caught:
        planning.ensure_cycle_and_company(ws, "   ", TODAY)
    assert caught.value.field == "name"
    assert entities.list_items(ws, "team") == []
    assert entities.list_items(ws, "cycle") == []


def test_ensure_keeps_a_running_cycle_and_adds_the_quarter_after_a_closed_one(
    ws: Workspace,
) -> None:
    old = entities.create(
        ws, "cycle", name="2026-Q3", start_date="2026-07-01", end_date="2026-09-30"
    )
    for state in ("active", "review", "closed"):
        lifecycle.set_state(ws, old, state)
    year = entities.create(
        ws, "cycle", name="2026", kind="year", start_date="2026-01-01", end_date="2026-12-31"
    )
    # A cycle running today (here the year) is planned in; no new quarter.
    cycle_id, _team = planning.ensure_cycle_and_company(ws, "Test Co", TODAY)
    assert cycle_id == year
    # Three months later nothing runs any more: the current quarter is created.
    later, _team = planning.ensure_cycle_and_company(ws, "Test Co", date(2027, 2, 1))
    assert entities.get(ws, "cycle", later)["name"] == "2027-Q1"


def test_ensure_is_one_transaction_and_one_undo_step(ws: Workspace) -> None:
    heard: list[Changes] = []
    ws.subscribe(heard.append)
    done = operations.run(ws, "", planning.ensure_cycle_and_company, "Bergblick Bakery", TODAY)
    assert len(heard) == 1 and heard[0].kinds() == {"workspace", "team", "cycle"}
    assert done.edit.label == "Set up the organisation"
    operations.undo(ws, done.edit)
    assert entities.list_items(ws, "team") == entities.list_items(ws, "cycle") == []
    assert ws.info().name != "Bergblick Bakery"


def test_progress_is_saved_in_the_settings_and_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "resume.okrdesk"
    with Workspace.create(path, "Test Co") as ws:
        coaching.set_rule_enabled(ws, "key-result-no-baseline", False)
        cycle_id, team_id = planning.ensure_cycle_and_company(ws, "Test Co", TODAY)
        heard: list[Changes] = []
        ws.subscribe(heard.append)
        planning.save_progress(ws, PlanningState(3, cycle_id, team_id))
        assert [c.kinds() for c in heard] == [{"workspace"}]
    with Workspace.open(path) as ws:
        state = planning.progress(ws, TODAY)
        assert state == PlanningState(3, cycle_id, team_id)
        assert state.key == "key_results"
        settings = ws.info().settings
        assert settings["guided_session"] == {
            "step": "key_results",
            "cycle_id": cycle_id,
            "team_id": team_id,
        }
        # Other settings are kept.
        assert coaching.disabled_rules(ws) == {"key-result-no-baseline"}


def test_saved_progress_wins_over_what_the_content_suggests(ws: Workspace, planned) -> None:
    entities.update(ws, "workspace", ws.info().id, mission="Bread for the whole valley")
    planning.save_progress(ws, PlanningState(1, planned["cycle"], planned["team"]))
    assert planning.progress(ws, TODAY) == PlanningState(1, planned["cycle"], planned["team"])


def test_a_saved_team_that_is_gone_falls_back_to_the_company(ws: Workspace, planned) -> None:
    planning.save_progress(ws, PlanningState(4, planned["cycle"], planned["team"]))
    entities.delete(ws, "team", planned["team"], with_contents=True)
    state = planning.progress(ws, TODAY)
    assert (state.step, state.cycle_id, state.team_id) == (4, planned["cycle"], planned["company"])


def test_save_progress_refuses_a_step_that_does_not_exist(ws: Workspace) -> None:
    with pytest.raises(ValidationError, match="no planning step number 9"):
        planning.save_progress(ws, PlanningState(9, None, None))


def test_the_suggested_step_follows_the_content(ws: Workspace) -> None:
    cycle, company = planning.ensure_cycle_and_company(ws, "Bergblick Bakery", TODAY)
    assert planning.suggest_step(ws, cycle, company).key == "foundation"

    entities.update(ws, "workspace", ws.info().id, mission="Bread for the whole valley")
    assert reasons(ws, cycle, company)["foundation"] == (
        True,
        "mission written; vision and strategy missing",
    )
    assert planning.suggest_step(ws, cycle, company).key == "themes"

    fresh = entities.create(ws, "theme", cycle_id=cycle, name="Fresh every morning")
    assert reasons(ws, cycle, company)["themes"] == (False, "1 theme; two or three expected")
    entities.create(ws, "theme", cycle_id=cycle, name="Beyond the town")
    assert planning.suggest_step(ws, cycle, company).key == "objectives"

    objectives = [
        entities.create(
            ws, "objective", cycle_id=cycle, team_id=company, theme_id=fresh, title=title
        )
        for title in ("Bake bread our town is proud of", "Make every visit feel like home")
    ]
    assert reasons(ws, cycle, company)["objectives"] == (
        True,
        "2 objectives, 1 of 2 themes covered",
    )
    assert planning.suggest_step(ws, cycle, company).key == "key_results"

    krs = []
    for objective in objectives:
        for n in (1, 2):
            krs.append(
                entities.create(
                    ws,
                    "key_result",
                    objective_id=objective,
                    title=f"Raise loaves sold from {n}00 to {n}50",
                )
            )
        if objective == objectives[0]:
            assert reasons(ws, cycle, company)["key_results"] == (
                False,
                "1 of 2 objectives have 2–4 key results",
            )
    assert planning.suggest_step(ws, cycle, company).key == "initiatives"

    work = entities.create(ws, "initiative", objective_id=objectives[0], title="Bake at noon")
    entities.link_key_results(ws, work, [krs[0]])
    assert reasons(ws, cycle, company)["initiatives"] == (
        False,
        "1 of 2 objectives have initiatives; 3 key results without one",
    )
    more = entities.create(ws, "initiative", objective_id=objectives[1], title="Greet by name")
    entities.link_key_results(ws, more, krs[2:])
    # The company's objectives are the top: nothing to align, straight on to the review.
    assert reasons(ws, cycle, company)["alignment"][0] is True
    assert planning.suggest_step(ws, cycle, company).key == "review"
    assert reasons(ws, cycle, company)["review"] == (False, "0 of 2 objectives final")

    # A team below the company has to link its objectives upward.
    shop = entities.create(ws, "team", name="Shop", parent_id=company)
    mine = entities.create(ws, "objective", cycle_id=cycle, team_id=shop, title="Win mornings")
    for title in ("Grow regulars from 120 to 200", "Cut waiting from 8 minutes to 3"):
        kr = entities.create(ws, "key_result", objective_id=mine, title=title)
        task = entities.create(ws, "initiative", objective_id=mine, title=f"Work on {title}")
        entities.link_key_results(ws, task, [kr])
    assert planning.suggest_step(ws, cycle, "shop").key == "alignment"
    assert reasons(ws, cycle, shop)["alignment"] == (False, "0 of 1 objectives linked upward")
    entities.create(ws, "alignment_link", objective_id=mine, parent_objective_id=objectives[0])
    assert planning.suggest_step(ws, cycle, shop).key == "review"
    entities.update(ws, "objective", mine, status="final")
    assert reasons(ws, cycle, shop)["review"] == (True, "1 of 1 objectives final")


def test_demo_company_has_everything_and_a_team_still_needs_alignment(
    demo_file: Path, tmp_path: Path
) -> None:
    path = tmp_path / "demo.okrdesk"
    shutil.copy(demo_file, path)
    with Workspace.open(path) as ws:
        state = planning.progress(ws, TODAY)
        company = planning.company_id(ws)
        assert entities.get(ws, "cycle", state.cycle_id)["name"] == "2026-Q4"
        assert state.team_id == company
        assert state.key == "review"
        status = reasons(ws, "2026-Q4", company)
        assert all(done for key, (done, _r) in status.items() if key != "review")
        assert status["review"] == (False, "2 of 3 objectives final")
        assert status["key_results"] == (True, "3 of 3 objectives have 2–4 key results")
        # The Workshop's grinder objective is aligned to nobody.
        assert planning.suggest_step(ws, "2026-Q4", "Workshop").key == "alignment"
        assert reasons(ws, "2026-Q4", "Workshop")["alignment"] == (
            False,
            "1 of 2 objectives linked upward",
        )
