"""A delete can be undone exactly: everything below comes back with its ids and links."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from okrdesk.errors import ValidationError
from okrdesk.interchange.json_format import export_json
from okrdesk.services import entities, lifecycle, snapshots
from okrdesk.services.views import okr_tree
from okrdesk.services.workspace import Workspace


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path):
    path = tmp_path / "demo.okrdesk"
    shutil.copy(demo_file, path)
    with Workspace.open(path) as ws:
        yield ws


CLOSED = "cycle 2026-Q3 is closed and read-only; reopen it for review to change it"


def company_objective(ws: Workspace, cycle: str) -> str:
    return okr_tree(ws, cycle=cycle, team="Kolbenwerk Espresso").teams[0].objectives[0].id


def test_an_objective_of_a_closed_cycle_cannot_be_deleted(demo: Workspace) -> None:
    before = export_json(demo)
    with pytest.raises(ValidationError) as refused:
        entities.delete(demo, "objective", company_objective(demo, "2026-Q3"))
    assert str(refused.value) == CLOSED
    assert export_json(demo) == before


def test_deleting_and_restoring_a_company_objective_is_lossless(demo: Workspace) -> None:
    # The closed quarter has everything hanging below an objective (grades, carry
    # decisions, ...): reopen it, as a reviewer would to change something.
    lifecycle.set_state(demo, "2026-Q3", "review")
    before = export_json(demo)
    objective_id = company_objective(demo, "2026-Q3")
    snap = snapshots.take(demo, "objective", objective_id)
    # Key results, check-ins, grades, initiatives, links from supporting objectives, ...
    for table in (
        "key_result",
        "check_in",
        "key_result_grade",
        "initiative",
        "initiative_key_result",
        "alignment_link",
        "carry_decision",
    ):
        assert snap.rows.get(table), table
    entities.delete(demo, "objective", objective_id)
    assert export_json(demo) != before
    snapshots.restore(demo, snap)
    assert export_json(demo) == before


def test_an_active_quarters_objective_comes_back_with_its_check_ins(demo: Workspace) -> None:
    before = export_json(demo)
    objective_id = company_objective(demo, "2026-Q4")
    snap = snapshots.take(demo, "objective", objective_id)
    assert {"objective", "key_result", "check_in", "initiative", "alignment_link"} <= set(snap.rows)
    entities.delete(demo, "objective", objective_id)
    snapshots.restore(demo, snap)
    assert export_json(demo) == before


def test_nothing_is_restored_into_a_cycle_closed_since_the_delete(demo: Workspace) -> None:
    lifecycle.set_state(demo, "2026-Q3", "review")
    before = export_json(demo)
    objective_id = company_objective(demo, "2026-Q3")
    snap = snapshots.take(demo, "objective", objective_id)
    entities.delete(demo, "objective", objective_id)
    lifecycle.set_state(demo, "2026-Q3", "closed")
    deleted = export_json(demo)
    with pytest.raises(ValidationError) as refused:
        snapshots.restore(demo, snap)
    assert str(refused.value) == CLOSED
    assert export_json(demo) == deleted
    lifecycle.set_state(demo, "2026-Q3", "review")
    snapshots.restore(demo, snap)
    assert export_json(demo) == before


def test_deleting_a_team_with_contents_and_restoring_it(demo: Workspace) -> None:
    before = export_json(demo)
    team = next(t for t in okr_tree(demo).teams if t.name == "Operations")
    snap = snapshots.take(demo, "team", team.id)
    assert {"team", "objective", "key_result", "check_in", "retrospective"} <= set(snap.rows)
    entities.delete(demo, "team", team.id, with_contents=True)
    assert "Workshop" not in [t.name for t in okr_tree(demo).teams]  # a sub-team went too
    snapshots.restore(demo, snap)
    assert export_json(demo) == before


def test_restoring_a_theme_relinks_its_objectives(ws: Workspace, planned: dict[str, str]) -> None:
    theme = entities.create(ws, "theme", cycle_id=planned["cycle"], name="Speed")
    entities.update(ws, "objective", planned["objective"], theme_id=theme)
    snap = snapshots.take(ws, "theme", theme)
    entities.delete(ws, "theme", theme)
    assert entities.get(ws, "objective", planned["objective"])["theme_id"] is None
    snapshots.restore(ws, snap)
    assert entities.get(ws, "objective", planned["objective"])["theme_id"] == theme
