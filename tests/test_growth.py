"""benchmarks/growth.py: the commands' growth table, run for real on tiny workspaces."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from okrdesk.demo import build_synthetic

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = ("demo --teams N", "export json", "booklet", "show --json")


@pytest.mark.slow  # 8 fresh processes, ~10 s
def test_growth_prints_a_row_per_command_and_reuses_the_workspaces(tmp_path: Path) -> None:
    # A workspace already in the folder is measured as it is, not built again.
    kept = tmp_path / "synthetic-2.okrdesk"
    build_synthetic(kept, teams=2, seed=7)
    before = kept.read_bytes()

    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.growth", tmp_path, "--teams", "1", "2", "--runs", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "## Commands as the organisation grows"
    assert "| command | 1 team | 2 teams |" in lines
    cell = r"\d+\.\d\d s · \d+ MiB"
    for command in COMMANDS:
        row = next(line for line in lines if line.startswith(f"| `okrdesk {command}` |"))
        assert re.fullmatch(rf"\| `okrdesk {command}` \| {cell} \| {cell} \|", row), row
        verdict = next(line for line in lines if line.startswith(f"- `okrdesk {command}`: "))
        assert "ms a team at 2 teams" in verdict and "MiB a team" in verdict, verdict
    # The workspaces stay for the next run; nothing else is left behind.
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "synthetic-1.okrdesk",
        "synthetic-2.okrdesk",
    ]
    assert kept.read_bytes() == before
