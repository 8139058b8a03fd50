"""A delete can be undone exactly: everything below comes back with its ids and links."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from okrdesk.interchange.json_format import export_json
from okrdesk.services import entities, snapshots
from okrdesk.services.views import okr_tree
from okrdesk.services.workspace import Workspace


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path):
    path = tmp_path / "demo.okrdesk"
    shutil.copy(demo_file, path)
    with Workspace.open(path) as ws:
        yield ws


def test_deleting_and_restoring_a_company_objective_is_lossless(demo: Workspace) -> None:
    before = export_json(demo)
    company = okr_tree(demo, cycle="2026-Q3", team="Kolbenwerk Espresso").teams[0]
    objective = company.objectives[0]
    snap = snapshots.take(demo, "objective", objective.id)
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
    entities.delete(demo, "objective", objective.id)
    assert export_json(demo) != before
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
