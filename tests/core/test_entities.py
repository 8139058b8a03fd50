"""Create, edit, delete, reorder and move every entity, with clear refusals."""

from __future__ import annotations

import uuid

import pytest

from okrdesk.errors import NotFoundError, ValidationError
from okrdesk.services import entities
from okrdesk.services.changes import Changes
from okrdesk.services.specs import SPECS
from okrdesk.services.workspace import Workspace


def titles(ws: Workspace, kind: str, **where: str) -> list[str]:
    return [x["title"] for x in entities.list_items(ws, kind, **where)]


def test_every_entity_gets_a_uuid(ws: Workspace, planned: dict[str, str]) -> None:
    for item_id in planned.values():
        assert uuid.UUID(item_id).version == 4


def test_edit_is_saved_and_announced(ws: Workspace, planned: dict[str, str]) -> None:
    heard: list[Changes] = []
    ws.subscribe(heard.append)
    stored = entities.update(ws, "key_result", planned["kr2"], target="92", owner="  Ana ")
    assert stored["target"] == 92.0 and stored["owner"] == "Ana"
    assert heard == [Changes(updated={"key_result": frozenset({planned["kr2"]})})]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"target": 78}, "target must differ from the start"),
        ({"start": "abc"}, "Start must be a number"),
        ({"target": float("inf")}, "finite"),
        ({"weight": -2}, "Weight must be at least 0"),
        ({"title": "   "}, "Key result cannot be empty"),
        ({"title": "x" * 301}, "too long"),
        ({"kind": "vibes"}, "Kind must be one of"),
        ({"confidence_score": 11}, "between 1 and 10"),
        ({"colour": "red"}, "no field 'colour'"),
    ],
)
def test_refused_values_change_nothing(
    ws: Workspace, planned: dict[str, str], changes: dict, message: str
) -> None:
    before = entities.get(ws, "key_result", planned["kr2"])
    with pytest.raises(ValidationError, match=message):
        entities.update(ws, "key_result", planned["kr2"], **changes)
    assert entities.get(ws, "key_result", planned["kr2"]) == before


def test_direction_follows_the_numbers(ws: Workspace, planned: dict[str, str]) -> None:
    assert entities.get(ws, "key_result", planned["kr1"])["direction"] == "decrease"
    assert entities.get(ws, "key_result", planned["kr2"])["direction"] == "increase"


def test_three_level_levels_must_be_in_order(ws: Workspace, planned: dict[str, str]) -> None:
    with pytest.raises(ValidationError, match="commit → target → stretch"):
        entities.create(
            ws,
            "key_result",
            objective_id=planned["objective"],
            title="Grow to 50 stores",
            kind="three_level",
            start=10,
            target=50,
            commit_level=60,
            stretch_level=70,
        )


def test_cycle_must_end_after_it_starts(ws: Workspace) -> None:
    with pytest.raises(ValidationError, match="must end after it starts"):
        entities.create(ws, "cycle", name="Bad", start_date="2026-06-30", end_date="2026-04-01")
    with pytest.raises(ValidationError, match="date like"):
        entities.create(ws, "cycle", name="Bad", start_date="soon", end_date="2026-04-01")


def test_unknown_references_are_named(ws: Workspace, planned: dict[str, str]) -> None:
    with pytest.raises(NotFoundError, match="no objective with id"):
        entities.create(ws, "key_result", objective_id=str(uuid.uuid4()), title="Grow to 5")
    with pytest.raises(ValidationError, match="Objective is required"):
        entities.create(ws, "key_result", title="Grow to 5")


def test_duplicate_team_names_are_refused(ws: Workspace, planned: dict[str, str]) -> None:
    with pytest.raises(ValidationError, match="already has this name"):
        entities.create(ws, "team", name="Support")


def test_delete_cascades_to_what_hangs_below(ws: Workspace, planned: dict[str, str]) -> None:
    initiative = entities.create(
        ws, "initiative", objective_id=planned["objective"], title="Staff a weekend support rota"
    )
    entities.create(ws, "check_in", key_result_id=planned["kr1"], date="2026-10-09", value=15)
    entities.delete(ws, "objective", planned["objective"])
    for kind in ("key_result", "check_in", "initiative"):
        assert entities.list_items(ws, kind) == []
    with pytest.raises(NotFoundError):
        entities.get(ws, "initiative", initiative)


def test_team_with_contents_needs_explicit_confirmation(
    ws: Workspace, planned: dict[str, str]
) -> None:
    with pytest.raises(ValidationError, match="1 objective"):
        entities.delete(ws, "team", planned["team"])
    entities.delete(ws, "team", planned["team"], with_contents=True)
    assert entities.list_items(ws, "objective") == []


def test_reorder_and_move_key_results(ws: Workspace, planned: dict[str, str]) -> None:
    entities.reorder(ws, "key_result", [planned["kr2"], planned["kr1"]])
    assert titles(ws, "key_result") == [
        "Raise CSAT from 78% to 90%",
        "Cut first reply time from 20 hours to 4",
    ]
    with pytest.raises(ValidationError, match="exactly once"):
        entities.reorder(ws, "key_result", [planned["kr2"]])

    other = entities.create(
        ws,
        "objective",
        cycle_id=planned["cycle"],
        team_id=planned["team"],
        title="Build a support team people want to join",
    )
    entities.move(ws, "key_result", planned["kr2"], other)
    assert titles(ws, "key_result", objective_id=other) == ["Raise CSAT from 78% to 90%"]
    assert [
        x["position"]
        for x in entities.list_items(ws, "key_result", objective_id=planned["objective"])
    ] == [0]


def test_move_objective_to_another_team_at_a_position(
    ws: Workspace, planned: dict[str, str]
) -> None:
    sales = entities.create(ws, "team", name="Sales", parent_id=planned["company"])
    first = entities.create(
        ws,
        "objective",
        cycle_id=planned["cycle"],
        team_id=sales,
        title="Win the hearts of small cafés",
    )
    entities.move(ws, "objective", planned["objective"], sales, position=0)
    assert titles(ws, "objective", team_id=sales) == [
        "Make every customer feel heard",
        "Win the hearts of small cafés",
    ]
    assert entities.get(ws, "objective", first)["position"] == 1


def test_team_cannot_move_under_itself(ws: Workspace, planned: dict[str, str]) -> None:
    with pytest.raises(ValidationError, match="under itself"):
        entities.move(ws, "team", planned["company"], planned["team"])


def test_alignment_is_many_to_many_with_weights(ws: Workspace, planned: dict[str, str]) -> None:
    c1 = entities.create(
        ws,
        "objective",
        cycle_id=planned["cycle"],
        team_id=planned["company"],
        title="Be the service cafés recommend",
    )
    c2 = entities.create(
        ws,
        "objective",
        cycle_id=planned["cycle"],
        team_id=planned["company"],
        title="Grow without losing our soul",
    )
    c2_kr = entities.create(
        ws, "key_result", objective_id=c2, title="Grow leases from 40 to 60", start=40, target=60
    )
    for parent in (c1, c2):
        entities.create(
            ws,
            "alignment_link",
            objective_id=planned["objective"],
            parent_objective_id=parent,
            weight=0.5,
        )
    entities.create(
        ws, "alignment_link", objective_id=planned["objective"], parent_key_result_id=c2_kr
    )
    assert len(entities.list_items(ws, "alignment_link", objective_id=planned["objective"])) == 3
    with pytest.raises(ValidationError, match="already supports"):
        entities.create(
            ws, "alignment_link", objective_id=planned["objective"], parent_key_result_id=c2_kr
        )
    # Loops are refused, directly and through a key result.
    with pytest.raises(ValidationError, match="loop"):
        entities.create(
            ws, "alignment_link", objective_id=c1, parent_objective_id=planned["objective"]
        )
    with pytest.raises(ValidationError, match="itself"):
        entities.create(ws, "alignment_link", objective_id=c2, parent_key_result_id=c2_kr)
    with pytest.raises(ValidationError, match="exactly one"):
        entities.create(ws, "alignment_link", objective_id=c1)


def test_initiative_links_several_key_results(ws: Workspace, planned: dict[str, str]) -> None:
    from okrdesk.services.views import okr_tree

    initiative = entities.create(
        ws,
        "initiative",
        objective_id=planned["objective"],
        title="Open a chat channel",
        due_date="2026-11-30",
    )
    entities.link_key_results(ws, initiative, [planned["kr1"], planned["kr2"]])
    tree = okr_tree(ws, cycle="2026-Q4", team="support")
    (view,) = tree.teams[0].objectives[0].initiatives
    assert set(view.key_result_ids) == {planned["kr1"], planned["kr2"]}
    entities.link_key_results(ws, initiative, [planned["kr2"]])
    tree = okr_tree(ws, cycle="2026-Q4", team="support")
    assert tree.teams[0].objectives[0].initiatives[0].key_result_ids == (planned["kr2"],)


def test_every_kind_can_be_created_and_deleted(ws: Workspace, planned: dict[str, str]) -> None:
    session = entities.create(ws, "workshop_session", title="Q4 planning")
    participant = entities.create(ws, "participant", session_id=session, name="Zoë", role="CEO")
    candidate = entities.create(ws, "candidate", session_id=session, text="Delight cafés")
    made = {
        "theme": entities.create(ws, "theme", cycle_id=planned["cycle"], name="Speed"),
        "initiative": entities.create(
            ws, "initiative", objective_id=planned["objective"], title="Hire two agents"
        ),
        "check_in": entities.create(
            ws,
            "check_in",
            key_result_id=planned["kr1"],
            date="2026-10-09",
            value=12,
            confidence="on_track",
        ),
        "kpi": entities.create(ws, "kpi", name="Open tickets", healthy_high=25),
        "key_result_grade": entities.create(
            ws, "key_result_grade", key_result_id=planned["kr1"], score=0.7
        ),
        "objective_grade": entities.create(
            ws, "objective_grade", objective_id=planned["objective"], comment="Solid"
        ),
        "retrospective": entities.create(
            ws,
            "retrospective",
            team_id=planned["team"],
            cycle_id=planned["cycle"],
            achieved="Faster replies",
        ),
        "agenda_step": entities.create(
            ws, "agenda_step", session_id=session, title="Themes", planned_minutes=15
        ),
        "vote": entities.create(
            ws, "vote", candidate_id=candidate, participant_id=participant, dots=2
        ),
        "parking_lot_item": entities.create(ws, "parking_lot_item", text="A loyalty card?"),
    }
    made["kpi_value"] = entities.create(
        ws, "kpi_value", kpi_id=made["kpi"], date="2026-11-20", value=31
    )
    made["carry_decision"] = entities.create(
        ws,
        "carry_decision",
        retrospective_id=made["retrospective"],
        key_result_id=planned["kr1"],
        decision="carry",
    )
    covered = {
        "workspace",
        "team",
        "cycle",
        "objective",
        "key_result",
        "alignment_link",
        "workshop_session",
        "participant",
        "candidate",
        *made,
    }
    assert covered == set(SPECS)
    for kind, item_id in reversed(made.items()):
        entities.delete(ws, kind, item_id)
        with pytest.raises(NotFoundError):
            entities.get(ws, kind, item_id)
    with pytest.raises(ValidationError, match="Grade must be between 0 and 1"):
        entities.create(ws, "key_result_grade", key_result_id=planned["kr2"], score=1.5)


def test_a_cycle_state_changes_only_by_the_rules(ws: Workspace, planned: dict[str, str]) -> None:
    with pytest.raises(ValidationError, match="a cycle has no field 'state'"):
        entities.update(ws, "cycle", planned["cycle"], state="closed")
    with pytest.raises(ValidationError, match="a cycle has no field 'state'"):
        entities.create(
            ws,
            "cycle",
            name="2027-Q1",
            start_date="2027-01-01",
            end_date="2027-03-31",
            state="active",
        )
    assert entities.get(ws, "cycle", planned["cycle"])["state"] == "planning"
    assert [c["name"] for c in entities.list_items(ws, "cycle")] == ["2026-Q4"]
