"""The alignment map (who supports whom, orphans) and the link editor's candidate parents."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from okrdesk.errors import NotFoundError, ValidationError
from okrdesk.services import entities
from okrdesk.services.alignment import alignment_map, candidates_in
from okrdesk.services.views import okr_tree
from okrdesk.services.workspace import Workspace

RESCUE = "Make same-day rescue a promise we always keep"
FLAG = "Plant our flag in Basel and Alsace"
PARTS = "Let the parts business pay for the parts we hold"
CALLOUT = "Send every callout the right technician with the right parts"
LOERRACH = "Open the Lörrach base without weakening Freiburg"
FIRST_VISIT = "Fix it on the first visit"
GRINDER = "Prototype a grinder that carries our name"


def candidates_of(ws: Workspace, objective_id: str):
    """What an objective could support, as the link dialog lists it."""
    cycle_id = entities.get(ws, "objective", objective_id)["cycle_id"]
    return candidates_in(alignment_map(ws, cycle_id), objective_id)


@pytest.fixture
def demo(demo_ws: Workspace) -> Workspace:
    return demo_ws


def by_title(amap, title: str):
    return next(o for o in amap.objectives if o.title == title)


def test_company_objectives_are_the_roots_and_the_pet_project_is_the_orphan(demo):
    amap = alignment_map(demo, "2026-Q4")
    assert [amap.objective(i).title for i in amap.roots] == [RESCUE, FLAG, PARTS]
    assert all(amap.objective(i).team_kind == "company" for i in amap.roots)
    assert [amap.objective(i).title for i in amap.orphans] == [GRINDER]
    grinder = by_title(amap, GRINDER)
    assert (grinder.team_name, grinder.team_depth, grinder.supports) == ("Workshop", 2, ())
    # Objectives come in team tree order: company, Operations, its teams, then the others.
    depths = [o.team_depth for o in amap.objectives]
    assert depths[:3] == [0, 0, 0] and depths[3:5] == [1, 1] and depths[5] == 2


def test_supports_and_supporters_go_both_ways_with_weights(demo):
    amap = alignment_map(demo, "2026-Q4")
    rescue, flag = by_title(amap, RESCUE), by_title(amap, FLAG)
    loerrach = by_title(amap, LOERRACH)
    # One objective supports two company objectives, each link with its own weight.
    assert {(x.parent_title, x.weight) for x in loerrach.supports} == {(RESCUE, 0.3), (FLAG, 0.7)}
    assert loerrach.id in {x.objective_id for x in rescue.supporters}
    assert loerrach.id in {x.objective_id for x in flag.supporters}
    # Department → team: Field Service supports the Operations objective.
    callout = by_title(amap, CALLOUT)
    assert [amap.objective(x.objective_id).title for x in callout.supporters] == [FIRST_VISIT]
    assert amap.supporters_below(rescue.id) >= {callout.id, by_title(amap, FIRST_VISIT).id}


def test_scores_match_the_okr_tree(demo):
    amap = alignment_map(demo, "2026-Q4")
    tree = okr_tree(demo, "2026-Q4")
    expected = {o.id: o.score for team in tree.teams for o in team.objectives}
    assert {o.id: o.score for o in amap.objectives} == expected
    assert by_title(amap, CALLOUT).score == pytest.approx(0.75, abs=0.005)


def test_the_cycle_is_chosen_by_name(demo):
    q3 = alignment_map(demo, "2026-q3")
    q4 = alignment_map(demo, "2026-Q4")
    assert q3.cycle_name == "2026-Q3"
    assert not {o.id for o in q3.objectives} & {o.id for o in q4.objectives}
    with pytest.raises(NotFoundError):
        alignment_map(demo, "1999-Q1")


def test_a_link_to_a_key_result_counts_for_its_objective(ws, planned):
    company_goal = entities.create(
        ws, "objective", cycle_id=planned["cycle"], team_id=planned["company"], title="Be loved"
    )
    kr = entities.create(ws, "key_result", objective_id=company_goal, title="NPS from 30 to 50")
    entities.create(
        ws,
        "alignment_link",
        objective_id=planned["objective"],
        parent_key_result_id=kr,
        weight=0.5,
    )
    amap = alignment_map(ws, "2026-Q4")
    link = amap.objective(planned["objective"]).supports[0]
    assert (link.parent_objective_id, link.key_result_id) == (company_goal, kr)
    assert (link.parent_title, link.key_result_title, link.weight) == (
        "Be loved",
        "NPS from 30 to 50",
        0.5,
    )
    assert amap.objective(company_goal).supporters == (link,)
    assert amap.orphans == ()


def test_a_link_into_another_cycle_is_kept_but_marked(ws, planned):
    other = entities.create(
        ws, "cycle", name="2026", kind="year", start_date="2026-01-01", end_date="2026-12-31"
    )
    yearly = entities.create(
        ws, "objective", cycle_id=other, team_id=planned["company"], title="Lead the region"
    )
    entities.create(
        ws, "alignment_link", objective_id=planned["objective"], parent_objective_id=yearly
    )
    amap = alignment_map(ws, "2026-Q4")
    (link,) = amap.objective(planned["objective"]).supports
    assert link.in_cycle is False and link.parent_title == "Lead the region"
    assert amap.orphans == ()  # it supports something, just not in this cycle


def test_the_map_takes_a_handful_of_queries_whatever_the_size(demo):
    statements: list[str] = []

    def count(*args) -> None:
        statements.append(args[2])

    engine = demo.bulk_engine()
    event.listen(engine, "before_cursor_execute", count)
    try:
        alignment_map(demo, "2026-Q4")
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) <= 6


def test_candidates_suggest_the_teams_above_first_nearest_first(demo):
    amap = alignment_map(demo, "2026-Q4")
    grinder = by_title(amap, GRINDER)
    candidates = candidates_of(demo, grinder.id)
    suggested = [c for c in candidates if c.suggested]
    assert candidates[: len(suggested)] == tuple(suggested)  # suggestions come first
    teams = list(dict.fromkeys(c.team_name for c in suggested))
    assert teams == ["Operations", "Kolbenwerk Espresso"]  # department before the company
    # Each objective is followed by its key results.
    first = suggested[0]
    assert not first.is_key_result and first.title == CALLOUT
    assert suggested[1].is_key_result and suggested[1].objective_id == first.objective_id
    others = {c.team_name for c in candidates if not c.suggested}
    assert {"Café Sales", "Online Shop", "Field Service", "Workshop"} <= others
    assert grinder.id not in {c.objective_id for c in candidates}  # never itself


def test_candidates_leave_out_supporters_and_existing_links(demo):
    amap = alignment_map(demo, "2026-Q4")
    rescue = by_title(amap, RESCUE)
    ids = {c.objective_id for c in candidates_of(demo, rescue.id)}
    # Everything that supports it, directly or through others, would make a loop.
    below = {by_title(amap, t).id for t in (CALLOUT, FIRST_VISIT, LOERRACH)}
    assert not ids & (below | {rescue.id})
    assert by_title(amap, FLAG).id in ids
    # Fix it on the first visit already supports the callout objective, not yet its KRs.
    first_visit = by_title(amap, FIRST_VISIT)
    callout = by_title(amap, CALLOUT)
    targets = {(c.objective_id, c.key_result_id) for c in candidates_of(demo, first_visit.id)}
    assert (callout.id, None) not in targets
    assert any(objective == callout.id and kr for objective, kr in targets)


def test_every_candidate_can_really_be_linked(demo):
    amap = alignment_map(demo, "2026-Q4")
    callout = by_title(amap, CALLOUT)
    candidates = candidates_of(demo, callout.id)
    assert candidates
    for c in candidates:
        target = (
            {"parent_key_result_id": c.key_result_id}
            if c.is_key_result
            else {"parent_objective_id": c.objective_id}
        )
        link = entities.create(demo, "alignment_link", objective_id=callout.id, **target)
        entities.delete(demo, "alignment_link", link)
    # …whereas linking to one of its supporters is refused by the service.
    first_visit = by_title(amap, FIRST_VISIT)
    with pytest.raises(ValidationError, match="loop"):
        entities.create(
            demo, "alignment_link", objective_id=callout.id, parent_objective_id=first_visit.id
        )


def test_candidates_for_an_unknown_objective(demo):
    with pytest.raises(NotFoundError):
        candidates_of(demo, "nope")
