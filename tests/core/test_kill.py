"""A process killed at any moment loses no committed edit and leaves a sound file.

Each writer is a separate process killed with SIGKILL. They start from a fork server that
has imported OKR Desk already (``multiprocessing`` "forkserver"), so a round costs the
edits, not a Python start-up (a new interpreter per kill took 25 s for 60 kills).
"""

from __future__ import annotations

import multiprocessing
import random
import signal
import sqlite3
import time
from multiprocessing.connection import Connection
from pathlib import Path

import pytest
from budget import share

from okrdesk.services import entities
from okrdesk.services.workspace import Workspace

KILLS = share(full=60, quick=20)

pytestmark = pytest.mark.slow


def edit_until_killed(path: str, cycle: str, team: str, round_: int, report: Connection) -> None:
    """The child: edits through the services as fast as it can and reports each one only
    after the service call returned, i.e. after the commit."""
    ws = Workspace.open(path)
    report.send("ready")
    n = 0
    while True:
        n += 1
        oid = entities.create(
            ws, "objective", cycle_id=cycle, team_id=team, title=f"edit {round_}-{n}"
        )
        entities.update(ws, "objective", oid, why="x" * (n % 500))
        report.send(oid)


def test_sigkill_during_edits_loses_no_committed_edit(tmp_path: Path) -> None:
    path = tmp_path / "killed.okrdesk"
    with Workspace.create(path) as ws:
        cycle = entities.create(
            ws, "cycle", name="2026-Q4", start_date="2026-10-01", end_date="2026-12-31"
        )
        team = entities.create(ws, "team", name="Team")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["okrdesk.services.entities", "okrdesk.services.workspace"])
    rng = random.Random(7)
    committed: list[str] = []
    for round_ in range(KILLS):
        reports, report = ctx.Pipe(duplex=False)
        child = ctx.Process(
            target=edit_until_killed, args=(str(path), cycle, team, round_, report), daemon=True
        )
        child.start()
        report.close()  # the child's end: the pipe ends when the child does
        assert reports.recv() == "ready"
        for _ in range(rng.randint(1, 15)):
            committed.append(reports.recv())
        time.sleep(rng.uniform(0, 0.004))  # land the kill anywhere inside a write
        child.kill()
        child.join(30)
        while True:  # what it reported before it died
            try:
                committed.append(reports.recv())
            except EOFError:
                break
        reports.close()
        assert child.exitcode == -signal.SIGKILL

    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    with Workspace.open(path) as ws:
        stored = {o["id"] for o in entities.list_items(ws, "objective")}
    lost = [oid for oid in committed if oid not in stored]
    assert len(committed) >= KILLS
    assert lost == []
