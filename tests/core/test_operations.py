"""Operations: any change undone and redone exactly, through the rules, never over
someone else's later work."""

from __future__ import annotations

import pytest

from okrdesk.errors import ValidationError
from okrdesk.interchange.json_format import export_json
from okrdesk.services import checkins, coaching, entities, lifecycle, operations
from okrdesk.services.views import okr_tree
from okrdesk.services.workspace import Workspace


@pytest.fixture
def demo(demo_ws: Workspace) -> Workspace:
    return demo_ws


CLOSED = "cycle 2026-Q3 is closed and read-only; reopen it for review to change it"


def company_objective(ws: Workspace, cycle: str) -> str:
    return okr_tree(ws, cycle=cycle, team="Kolbenwerk Espresso").teams[0].objectives[0].id


def tables_of(edit: operations.Edit) -> set[str]:
    return {row.table for row in edit.rows}


def test_an_objective_of_a_closed_cycle_cannot_be_deleted(demo: Workspace) -> None:
    before = export_json(demo)
    with pytest.raises(ValidationError) as refused:
        entities.delete(demo, "objective", company_objective(demo, "2026-Q3"))
    assert str(refused.value) == CLOSED
    assert export_json(demo) == before


def test_deleting_and_undoing_a_company_objective_is_lossless(demo: Workspace) -> None:
    # The closed quarter has everything hanging below an objective (grades, carry
    # decisions, ...): reopen it, as a reviewer would to change something.
    lifecycle.set_state(demo, "2026-Q3", "review")
    before = export_json(demo)
    objective_id = company_objective(demo, "2026-Q3")
    done = operations.run(demo, "", entities.delete, "objective", objective_id)
    # Key results, check-ins, grades, initiatives, links from supporting objectives, ...
    assert {
        "objective",
        "key_result",
        "check_in",
        "key_result_grade",
        "initiative",
        "initiative_key_result",
        "alignment_link",
        "carry_decision",
    } <= tables_of(done.edit)
    assert done.edit.label.startswith("Delete objective “")
    assert export_json(demo) != before
    operations.undo(demo, done.edit)
    assert export_json(demo) == before
    operations.redo(demo, done.edit)
    assert objective_id not in {o["id"] for o in entities.list_items(demo, "objective")}
    operations.undo(demo, done.edit)
    assert export_json(demo) == before


def test_nothing_is_restored_into_a_cycle_closed_since_the_delete(demo: Workspace) -> None:
    lifecycle.set_state(demo, "2026-Q3", "review")
    before = export_json(demo)
    done = operations.run(
        demo, "", entities.delete, "objective", company_objective(demo, "2026-Q3")
    )
    lifecycle.set_state(demo, "2026-Q3", "closed")
    deleted = export_json(demo)
    with pytest.raises(ValidationError) as refused:
        operations.undo(demo, done.edit)
    assert str(refused.value) == CLOSED
    assert export_json(demo) == deleted
    lifecycle.set_state(demo, "2026-Q3", "review")
    operations.undo(demo, done.edit)
    assert export_json(demo) == before


def test_deleting_a_team_with_contents_and_undoing_it(demo: Workspace) -> None:
    before = export_json(demo)
    team = next(t for t in okr_tree(demo).teams if t.name == "Operations")
    done = operations.run(demo, "", entities.delete, "team", team.id, with_contents=True)
    assert {"team", "objective", "key_result", "check_in", "retrospective"} <= tables_of(done.edit)
    assert "Workshop" not in [t.name for t in okr_tree(demo).teams]  # a sub-team went too
    operations.undo(demo, done.edit)
    assert export_json(demo) == before


def test_undoing_a_theme_delete_relinks_its_objectives(
    ws: Workspace, planned: dict[str, str]
) -> None:
    theme = entities.create(ws, "theme", cycle_id=planned["cycle"], name="Speed")
    entities.update(ws, "objective", planned["objective"], theme_id=theme)
    done = operations.run(ws, "", entities.delete, "theme", theme)
    assert entities.get(ws, "objective", planned["objective"])["theme_id"] is None
    operations.undo(ws, done.edit)
    assert entities.get(ws, "objective", planned["objective"])["theme_id"] == theme


def test_undo_never_takes_back_what_someone_else_changed_since(
    ws: Workspace, planned: dict[str, str]
) -> None:
    done = operations.run(ws, "", entities.update, "key_result", planned["kr2"], owner="Ana")
    entities.update(ws, "key_result", planned["kr2"], owner="Ben")  # another window
    with pytest.raises(ValidationError, match="was changed since"):
        operations.undo(ws, done.edit)
    assert entities.get(ws, "key_result", planned["kr2"])["owner"] == "Ben"


def test_undo_keeps_what_others_changed_in_other_fields(
    ws: Workspace, planned: dict[str, str]
) -> None:
    done = operations.run(ws, "", entities.update, "key_result", planned["kr2"], owner="Ana")
    entities.update(ws, "key_result", planned["kr2"], unit="points")  # another window
    operations.undo(ws, done.edit)
    kr = entities.get(ws, "key_result", planned["kr2"])
    assert (kr["owner"], kr["unit"]) == ("", "points")


def test_undoing_a_create_never_sweeps_away_what_others_added_to_it(
    ws: Workspace, planned: dict[str, str]
) -> None:
    made = operations.run(
        ws,
        "",
        entities.create,
        "objective",
        cycle_id=planned["cycle"],
        team_id=planned["team"],
        title="Delight every caller",
    )
    objective_id = made.value
    kr = entities.create(ws, "key_result", objective_id=objective_id, title="Wait under 1 min")
    with pytest.raises(ValidationError, match="other items were added to it since"):
        operations.undo(ws, made.edit)
    assert entities.get(ws, "key_result", kr)["objective_id"] == objective_id


def test_undo_of_a_check_in_over_a_later_one_from_elsewhere_is_refused(
    ws: Workspace, planned: dict[str, str]
) -> None:
    kr = planned["kr2"]
    mine = operations.run(ws, "", checkins.record_check_in, kr, 10, on="2026-10-09")
    checkins.record_check_in(ws, kr, 20, on="2026-10-09")  # the command line, same day
    with pytest.raises(ValidationError, match="was changed since"):
        operations.undo(ws, mine.edit)
    (row,) = entities.list_items(ws, "check_in", key_result_id=kr)
    assert row["value"] == 20.0


def test_a_refused_operation_records_nothing(ws: Workspace, planned: dict[str, str]) -> None:
    with ws.recording() as recording, pytest.raises(ValidationError):
        entities.update(ws, "key_result", planned["kr2"], target="lots")
    assert recording.rows == []


def test_redo_refuses_a_team_under_its_own_sub_team(ws: Workspace) -> None:
    top = entities.create(ws, "team", name="Top", kind="company")
    a = entities.create(ws, "team", name="A", parent_id=top, kind="team")
    b = entities.create(ws, "team", name="B", parent_id=top, kind="team")
    move = operations.run(ws, "", entities.update, "team", a, parent_id=b)
    operations.undo(ws, move.edit)
    entities.update(ws, "team", b, parent_id=a)  # meanwhile B went under A
    with pytest.raises(ValidationError, match="under itself or its own sub-teams"):
        operations.redo(ws, move.edit)
    assert entities.get(ws, "team", a)["parent_id"] == top


def test_undo_of_a_setting_keeps_the_settings_others_changed_since(
    ws: Workspace, planned: dict[str, str]
) -> None:
    scale = operations.run(ws, "", checkins.set_confidence_scale, "1-10")
    coaching.set_rule_enabled(ws, "key-result-no-baseline", False)  # the same settings column
    operations.undo(ws, scale.edit)
    assert checkins.confidence_scale(ws) == "levels"
    assert "key-result-no-baseline" in coaching.disabled_rules(ws)


def test_undo_never_deletes_an_item_that_was_there_before_the_edit(
    ws: Workspace, planned: dict[str, str]
) -> None:
    def split(ws: Workspace) -> str:  # one step: a new objective, and a key result reworded
        new = entities.create(
            ws, "objective", cycle_id=planned["cycle"], team_id=planned["team"], title="New"
        )
        entities.update(ws, "key_result", planned["kr2"], title="Reworded")
        return new

    done = operations.run(ws, "Split", split)
    entities.move(ws, "key_result", planned["kr2"], done.value)  # another window
    with pytest.raises(ValidationError, match="other items were added to it since"):
        operations.undo(ws, done.edit)
    assert entities.get(ws, "key_result", planned["kr2"])["objective_id"] == done.value


def test_undo_of_a_nested_setting_keeps_what_others_set_beside_it(
    ws: Workspace, planned: dict[str, str]
) -> None:
    info = ws.info()
    entities.update(ws, "workspace", info.id, settings={"records": {"a": 1}})
    mine = operations.run(
        ws, "", entities.update, "workspace", info.id, settings={"records": {"a": 1, "b": 2}}
    )
    entities.update(  # another team's record, beside mine, from another window
        ws, "workspace", info.id, settings={"records": {"a": 1, "b": 2, "c": 3}}
    )
    operations.undo(ws, mine.edit)
    assert ws.info().settings == {"records": {"a": 1, "c": 3}}


def test_a_replaced_row_is_recorded_as_the_change_it_was(
    ws: Workspace, planned: dict[str, str]
) -> None:
    """INSERT OR REPLACE deletes the old row silently unless triggers see it: they do."""
    kpi = entities.create(ws, "kpi", name="Backlog")
    first = entities.create(ws, "kpi_value", kpi_id=kpi, date="2026-10-05", value=7)

    def replace(ws: Workspace) -> None:
        with ws.write() as s:
            s.connection().exec_driver_sql(
                "INSERT OR REPLACE INTO kpi_value (id, kpi_id, date, value) VALUES (?, ?, ?, ?)",
                (first, kpi, "2026-10-05", 9.0),
            )

    done = operations.run(ws, "", replace)
    assert [r.action for r in done.edit.rows] == ["update"]
    operations.undo(ws, done.edit)
    assert entities.get(ws, "kpi_value", first)["value"] == 7.0


def test_another_process_is_heard_once_and_its_closing_is_not_a_change(
    ws: Workspace, planned: dict[str, str]
) -> None:
    assert ws.poll_changes() is None  # starts watching
    with Workspace.open(ws.path) as other:  # closing folds the log back: a checkpoint
        entities.update(other, "objective", planned["objective"], title="Elsewhere")
    heard = ws.poll_changes()
    assert heard is not None and not heard.local
    assert heard.ids("objective", "updated") == {planned["objective"]}
    entities.update(ws, "objective", planned["objective"], title="Here")  # our own
    assert ws.poll_changes() is None
    Workspace.open(ws.path).close()  # a window that only looked, and folded the log back
    assert ws.poll_changes() is None
