"""A process killed at any moment loses no committed edit and leaves a sound file."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from okrdesk.services import entities
from okrdesk.services.workspace import Workspace

KILLS = 60

# The child makes edits through the services as fast as it can and reports each one
# only after the service call returned, i.e. after the commit.
CHILD = """
import sys
from okrdesk.services import entities
from okrdesk.services.workspace import Workspace
ws = Workspace.open(sys.argv[1])
cycle, team, round_ = sys.argv[2], sys.argv[3], sys.argv[4]
print("ready", flush=True)
n = 0
while True:
    n += 1
    oid = entities.create(ws, "objective", cycle_id=cycle, team_id=team,
                          title=f"edit {round_}-{n}")
    entities.update(ws, "objective", oid, why="x" * (n % 500))
    print(oid, flush=True)
"""


def test_sigkill_during_edits_loses_no_committed_edit(tmp_path: Path) -> None:
    path = tmp_path / "killed.okrdesk"
    with Workspace.create(path) as ws:
        cycle = entities.create(
            ws, "cycle", name="2026-Q4", start_date="2026-10-01", end_date="2026-12-31"
        )
        team = entities.create(ws, "team", name="Team")
    rng = random.Random(7)
    committed: list[str] = []
    for round_ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), cycle, team, str(round_)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        for _ in range(rng.randint(1, 15)):
            line = child.stdout.readline().strip()
            if line:
                committed.append(line)
        time.sleep(rng.uniform(0, 0.004))  # land the kill anywhere inside a write
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
        committed.extend(x for x in rest.split() if x)
        assert child.returncode == -signal.SIGKILL

    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    with Workspace.open(path) as ws:
        stored = {o["id"] for o in entities.list_items(ws, "objective")}
    lost = [oid for oid in committed if oid not in stored]
    assert len(committed) >= KILLS
    assert lost == []
