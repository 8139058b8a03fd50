"""Copying a cycle's open OKRs into the next cycle."""

from __future__ import annotations

import pytest

from okrdesk.errors import ValidationError
from okrdesk.services import entities, lifecycle
from okrdesk.services.cycles import copy_open_okrs
from okrdesk.services.views import okr_tree
from okrdesk.services.workspace import Workspace


def test_only_open_key_results_come_along_starting_where_they_stand(
    ws: Workspace, planned: dict[str, str]
) -> None:
    entities.update(ws, "key_result", planned["kr1"], current=4)  # reached: 20 → 4 hours
    entities.update(ws, "key_result", planned["kr2"], current=84, owner="Ana")  # halfway
    done = entities.create(
        ws,
        "objective",
        cycle_id=planned["cycle"],
        team_id=planned["team"],
        title="Make the help centre answer itself",
    )
    entities.create(
        ws, "key_result", objective_id=done, title="Launch help centre", kind="milestone", done=True
    )
    initiative = entities.create(
        ws, "initiative", objective_id=planned["objective"], title="Survey after every ticket"
    )
    entities.link_key_results(ws, initiative, [planned["kr2"]])
    company_goal = entities.create(
        ws,
        "objective",
        cycle_id=planned["cycle"],
        team_id=planned["company"],
        title="Be easy to work with",
    )
    entities.create(
        ws,
        "alignment_link",
        objective_id=planned["objective"],
        parent_objective_id=company_goal,
        weight=0.5,
    )
    entities.create(ws, "cycle", name="2027-Q1", start_date="2027-01-01", end_date="2027-03-31")

    created = copy_open_okrs(ws, "2026-Q4", "2027-Q1")

    team = okr_tree(ws, cycle="2027-Q1", team="Support").teams[0]
    assert [o.id for o in team.objectives] == created
    (objective,) = team.objectives  # the finished objective stayed behind
    assert objective.title == "Make every customer feel heard"
    assert objective.status == "draft"
    (kr,) = objective.key_results
    assert (kr.title, kr.start, kr.target, kr.unit, kr.owner) == (
        "Raise CSAT from 78% to 90%",
        84,
        90,
        "%",
        "Ana",
    )
    assert objective.initiatives[0].key_result_ids == (kr.id,)
    assert objective.supports == ((company_goal, "Be easy to work with"),)
    # The source cycle is unchanged.
    assert len(okr_tree(ws, cycle="2026-Q4", team="Support").teams[0].objectives) == 2


def test_copy_into_the_same_cycle_is_refused(ws: Workspace, planned: dict[str, str]) -> None:
    with pytest.raises(ValidationError, match="different cycle"):
        copy_open_okrs(ws, "2026-Q4", "2026-q4")


def test_copy_follows_the_carry_forward_rules(ws: Workspace, planned: dict[str, str]) -> None:
    """The copy is a carry-forward of every open item: themes, due dates and starts alike."""
    theme = entities.create(ws, "theme", cycle_id=planned["cycle"], name="Care")
    entities.update(ws, "objective", planned["objective"], theme_id=theme, status="final")
    entities.update(ws, "key_result", planned["kr2"], start=None, current=84)  # no start set
    for title, due in (("Call centre rota", "2027-02-15"), ("Holiday cover", "2026-12-20")):
        initiative = entities.create(
            ws, "initiative", objective_id=planned["objective"], title=title, due_date=due
        )
        entities.link_key_results(ws, initiative, [planned["kr2"]])
    entities.create(ws, "cycle", name="2027-Q1", start_date="2027-01-01", end_date="2027-03-31")

    (created,) = copy_open_okrs(ws, "2026-Q4", "2027-Q1")

    (objective,) = okr_tree(ws, cycle="2027-Q1", team="Support").teams[0].objectives
    assert objective.id == created and objective.status == "draft"  # a final one too
    new = entities.get(ws, "objective", created)
    assert entities.get(ws, "theme", new["theme_id"])["name"] == "Care"
    assert entities.get(ws, "theme", new["theme_id"])["cycle_id"] != planned["cycle"]
    starts = [kr.start for kr in objective.key_results]
    assert starts == [20, 84]  # kr1 had no check-in; kr2 starts where it stands
    assert [i.title for i in objective.initiatives] == ["Call centre rota", "Holiday cover"]
    dues = {
        i["title"]: i["due_date"]
        for i in entities.list_items(ws, "initiative", objective_id=created)
    }
    # A due date inside the new cycle is kept; one that lies in the old cycle is not.
    assert (str(dues["Call centre rota"]), dues["Holiday cover"]) == ("2027-02-15", None)


def test_copy_into_a_closed_cycle_is_refused(ws: Workspace, planned: dict[str, str]) -> None:
    entities.create(ws, "cycle", name="2027-Q1", start_date="2027-01-01", end_date="2027-03-31")
    for step in ("active", "review", "closed"):
        lifecycle.set_state(ws, "2027-Q1", step)
    before = len(entities.list_items(ws, "objective"))
    with pytest.raises(ValidationError, match="cycle 2027-Q1 is closed"):
        copy_open_okrs(ws, "2026-Q4", "2027-Q1")
    assert len(entities.list_items(ws, "objective")) == before
