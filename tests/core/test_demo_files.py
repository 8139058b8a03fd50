"""`okrdesk demo`: the demo workspace appears whole at its path, or not at all."""

from __future__ import annotations

import itertools
import os
from datetime import date, timedelta
from pathlib import Path

import pytest

from okrdesk.demo import build_demo, build_synthetic
from okrdesk.errors import WorkspaceFileError
from okrdesk.reports.data import retro_data
from okrdesk.services import entities
from okrdesk.services.review import review
from okrdesk.services.views import okr_tree
from okrdesk.services.workspace import Workspace

TODAY = date(2026, 11, 23)


def test_a_demo_build_that_fails_midway_leaves_no_file_and_a_rerun_succeeds(
    tmp_path: Path,
) -> None:
    path = tmp_path / "demo.okrdesk"
    # Dated in year 1, the demo's "previous quarter" would be in year 0: the build fails
    # after the teams are written, in the middle of filling the workspace.
    with pytest.raises(ValueError, match="year 0"):
        build_demo(path, today=date(1, 1, 1))
    assert os.listdir(tmp_path) == []  # no empty workspace, no temporary files left

    build_demo(path, today=TODAY)  # the rerun is not refused

    assert os.listdir(tmp_path) == ["demo.okrdesk"]
    with Workspace.open(path) as ws:
        tree = okr_tree(ws, cycle="2026-Q4")
    assert len(tree.teams) > 3
    assert sum(len(team.objectives) for team in tree.teams) > 5


@pytest.mark.parametrize("build", ["demo", "synthetic"])
def test_a_demo_never_overwrites_a_file(tmp_path: Path, build: str) -> None:
    path = tmp_path / "mine.okrdesk"
    build_synthetic(path, teams=2, seed=3)
    before = path.read_bytes()
    with pytest.raises(WorkspaceFileError, match="a file already exists there"):
        if build == "demo":
            build_demo(path, today=TODAY)
        else:
            build_synthetic(path, teams=3, seed=4)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["mine.okrdesk"]


def test_past_quarters_are_closed_graded_and_reviewed_history(tmp_path: Path) -> None:
    """`okrdesk demo X --teams N --past-quarters Q`: Q closed quarters before the current
    one, left as real use leaves them; the same for a seed, and the current quarter is
    the one the same seed gives without history."""
    path = tmp_path / "history.okrdesk"
    build_synthetic(path, teams=4, seed=2, past_quarters=3)
    built = path.read_bytes()
    with Workspace.open(path) as ws:
        cycles = sorted(entities.list_items(ws, "cycle"), key=lambda c: c["start_date"])
        assert [(c["name"], c["state"]) for c in cycles] == [
            ("2025-Q2", "closed"),
            ("2025-Q3", "closed"),
            ("2025-Q4", "closed"),
            ("2026-Q1", "active"),
        ]
        for before, after in itertools.pairwise(cycles):  # back to back, 13 weeks each
            assert before["end_date"] + timedelta(days=1) == after["start_date"]
            assert (after["start_date"] - before["start_date"]).days == 91
        current = okr_tree(ws, cycle="2026-Q1")
        for cycle in cycles[:-1]:
            name = cycle["name"]
            graded = review(ws, cycle=name)
            assert graded.key_results > 4 * 2 * 3 and graded.graded == graded.key_results, name
            retro = retro_data(ws, cycle=name)
            teams = [t.team.team.name for t in retro.teams]
            assert len(teams) == 1 + 1 + 4 and len(set(teams)) == len(teams)  # company, dept
            for team in retro.teams:
                assert team.answers is not None and team.answers.achieved, (name, team)
                decided = {c.title for c in team.carried if c.kind == "objective"}
                assert decided == {o.objective.title for o in team.objectives}, (name, team)
                for o in team.objectives:
                    assert o.objective.supports or team.team.team.parent_id is None
                    assert all(len(kr.history) == 13 for kr in o.key_results)
            # What teams said about their key results week by week, in that quarter.
            notes = [
                p.note
                for t in retro.teams
                for o in t.objectives
                for k in o.key_results
                for p in k.history
                if p.note
            ]
            assert notes, name

    without = tmp_path / "current-only.okrdesk"
    build_synthetic(without, teams=4, seed=2)
    with Workspace.open(without) as ws:
        assert okr_tree(ws, cycle="2026-Q1").teams == current.teams

    again = tmp_path / "again.okrdesk"
    build_synthetic(again, teams=4, seed=2, past_quarters=3)
    assert again.read_bytes() == built
    other = tmp_path / "other.okrdesk"
    build_synthetic(other, teams=4, seed=3, past_quarters=3)
    assert other.read_bytes() != built
