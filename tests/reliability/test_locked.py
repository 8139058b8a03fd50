"""A workspace locked by another program: a clear refusal in bounded time, nothing lost.

Another process opens the workspace with plain SQLite and holds a write transaction for a
few seconds (as a second OKR Desk in the middle of a large import, or a sync tool, would).
OKR Desk waits up to ``BUSY_TIMEOUT_MS`` (5 s: a lock held by another OKR Desk lasts one
transaction, a second at most), then says in one line that the workspace is locked.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from reliability_tools import Forker, integrity, one_line

from okrdesk.db.workspace_file import BUSY_TIMEOUT_MS
from okrdesk.errors import WorkspaceLockedError
from okrdesk.services import entities
from okrdesk.services.coaching import disabled_rules
from okrdesk.services.workspace import Workspace

pytestmark = pytest.mark.slow  # it waits out the busy timeout

WAIT = BUSY_TIMEOUT_MS / 1000
LOCKED = "the workspace is locked by another program"

# Holds a write lock, changes something inside it, and commits when told to (or after 20 s).
HOLDER = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
con.execute(f"BEGIN {sys.argv[2]}")
con.execute("UPDATE workspace SET vision = 'Written by the other program'")
print("locked", flush=True)
sys.stdin.readline()
con.execute("COMMIT")
con.close()
print("released", flush=True)
"""


def hold_lock(path: Path, mode: str) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


def release(holder: subprocess.Popen[str]) -> None:
    out, _ = holder.communicate("\n", timeout=30)
    assert holder.returncode == 0 and out.strip() == "released"


def attempt(action, *args, **kwargs) -> tuple[float, BaseException | None]:
    """Run `action`; how long it took and what it raised."""
    started = time.perf_counter()
    try:
        action(*args, **kwargs)
    except BaseException as exc:
        return time.perf_counter() - started, exc
    return time.perf_counter() - started, None


def assert_refused_in_time(outcome: tuple[float, BaseException | None], path: Path) -> None:
    waited, exc = outcome
    assert isinstance(exc, WorkspaceLockedError), repr(exc)
    assert str(exc).startswith(f"{path}: {LOCKED}") and "\n" not in str(exc)
    assert WAIT - 0.5 < waited < WAIT + 3  # bounded: it gives up after the busy timeout


def active_objective(ws: Workspace) -> str:
    cycle = next(c for c in entities.list_items(ws, "cycle") if c["state"] == "active")
    return entities.list_items(ws, "objective", cycle_id=cycle["id"])[0]["id"]


def test_a_locked_workspace_is_refused_in_bounded_time_and_nothing_is_lost(
    forker: Forker, demo_file: Path, tmp_path: Path
) -> None:
    """Two workspaces, locked at the same time (their waits overlap, to keep the test short):

    - `closed`: not open in OKR Desk; another program holds an exclusive lock on it.
      Opening it (in this process, and by four commands) is refused after the wait.
    - `opened`: open here (log mode) when another program starts a write. Reading goes on;
      an edit is refused after the wait, and works once the other program is done.
    """
    closed = Path(shutil.copy(demo_file, tmp_path / "closed.okrdesk"))
    opened = Path(shutil.copy(demo_file, tmp_path / "opened.okrdesk"))
    out = tmp_path / "out"
    out.mkdir()
    commands = {
        "show": ["show", closed],
        "rules": ["rules", closed, "--disable", "objective-has-number"],
        "export": ["export", "json", closed, "-o", out / "locked.json"],
        "sheet": ["sheet", closed, "--team", "Workshop", "-o", out / "locked.pdf"],
    }
    ws = Workspace.open(opened)
    try:
        objective = active_objective(ws)
        entities.update(ws, "objective", objective, title="Committed before the lock")
        holders = [hold_lock(closed, "EXCLUSIVE"), hold_lock(opened, "IMMEDIATE")]
        try:
            started = time.perf_counter()
            # Readers are never blocked in log (WAL) mode: the person can keep looking.
            title = entities.get(ws, "objective", objective)["title"]
            assert title == "Committed before the lock"
            assert time.perf_counter() - started < 1
            running = {n: forker.cli(a, tmp_path / f"{n}.log") for n, a in commands.items()}
            with ThreadPoolExecutor(1) as pool:
                opening = pool.submit(attempt, Workspace.open, closed)
                editing = attempt(entities.update, ws, "objective", objective, title="Locked")
                assert_refused_in_time(editing, opened)
                assert_refused_in_time(opening.result(), closed)
            for name, process in running.items():
                process.join(30)
                log = (tmp_path / f"{name}.log").read_text()
                assert process.exitcode == 2, (name, log)
                assert one_line(log).startswith(f"okrdesk: {closed}: {LOCKED}"), log
            assert time.perf_counter() - started < WAIT + 10
            assert list(out.iterdir()) == []  # nothing half-made while waiting
        finally:
            for holder in holders:
                release(holder)
        # Once the other program is done, the same edit simply works.
        entities.update(ws, "objective", objective, title="Saved after the lock")
    finally:
        ws.close()

    # The other program's work is there, and OKR Desk carries on as if nothing happened.
    code, log = forker.run(commands["rules"], tmp_path / "again.log")
    assert code == 0, log
    with Workspace.open(closed) as again:
        assert again.info().vision == "Written by the other program"
        assert "objective-has-number" in disabled_rules(again)
    with Workspace.open(opened) as again:
        assert entities.get(again, "objective", objective)["title"] == "Saved after the lock"
        assert again.info().vision == "Written by the other program"
    assert integrity(closed) == integrity(opened) == "ok"
