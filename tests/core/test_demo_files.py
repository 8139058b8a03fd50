"""`okrdesk demo`: the demo workspace appears whole at its path, or not at all."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from okrdesk.demo import build_demo, build_synthetic
from okrdesk.errors import WorkspaceFileError
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
