"""Fuzz: random triggers and views planted in a valid workspace never run, hang or lose data.

Each example plants a few triggers and views (random names, random target tables, bodies
from a small grammar: deletes, updates, inserts, endless recursive views, a view standing
in for a renamed table) and runs the commands on the file. Each must refuse with exit 2
and one line, or run correctly; none may hang (each command runs in a thread that must
return, and a few examples also run as a real process with a timeout); the file's bytes
stay as they were. Bounded by tests/budget.py.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from budget import share
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli_run import Cli

FUZZ = settings(
    deadline=None,
    derandomize=True,
    database=None,
    max_examples=share(60, 12),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
TABLES = ("workspace", "team", "cycle", "objective", "key_result", "check_in", "change_log")
NAMES = st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True).filter(
    lambda n: not n.startswith("sqlite")
)

ENDLESS = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i AS id FROM n"
BODIES = st.sampled_from(
    [
        "DELETE FROM {other};",
        "UPDATE {other} SET id = id;",
        "DELETE FROM {other}; DELETE FROM {table};",
        "INSERT INTO {other} SELECT * FROM {other};",
        "SELECT count(*) FROM ({endless});",
    ]
)


@st.composite
def trigger(draw: st.DrawFn) -> str:
    table, other = draw(st.sampled_from(TABLES)), draw(st.sampled_from(TABLES))
    when = draw(st.sampled_from(["BEFORE", "AFTER"]))
    event = draw(st.sampled_from(["INSERT", "UPDATE", "DELETE"]))
    body = draw(BODIES).format(table=table, other=other, endless=ENDLESS)
    return f'CREATE TRIGGER "{draw(NAMES)}" {when} {event} ON {table} BEGIN {body} END;'


@st.composite
def view(draw: st.DrawFn) -> str:
    name, table = draw(NAMES), draw(st.sampled_from(TABLES))
    body = draw(
        st.sampled_from(
            [
                f"SELECT * FROM {table}",
                ENDLESS,
                f"SELECT a.id FROM {table} a, {table} b, {table} c, {table} d",
            ]
        )
    )
    return f'CREATE VIEW "{name}" AS {body};'


@st.composite
def stand_in(draw: st.DrawFn) -> str:
    """A table renamed, and an endless view under its name: a read of it never ends."""
    table = draw(st.sampled_from(("team", "cycle", "objective", "key_result")))
    return f'ALTER TABLE {table} RENAME TO "{table}_was"; CREATE VIEW {table} AS {ENDLESS};'


PLANTS = st.lists(st.one_of(trigger(), view(), stand_in()), min_size=1, max_size=4)


def plant(path: Path, statements: list[str]) -> bool:
    """Plant what SQLite accepts (some drawn statements clash: a name twice, a table already
    renamed); False when nothing could be planted."""
    con = sqlite3.connect(path)
    planted = 0
    try:
        for sql in statements:
            try:
                con.executescript(f"BEGIN; {sql} COMMIT;")
                planted += 1
            except sqlite3.Error:
                con.rollback()
    finally:
        con.close()
    return planted > 0


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def bounded(okrdesk: Cli, *args: object):
    done: list[object] = []
    worker = threading.Thread(target=lambda: done.append(okrdesk(*args)), daemon=True)
    worker.start()
    worker.join(timeout=120)
    assert done, f"{args} did not return: it hangs"
    return done[0]


@pytest.mark.slow
@FUZZ
@given(statements=PLANTS)
def test_planted_triggers_and_views_are_refused_or_harmless(
    okrdesk: Cli, demo_file: Path, scratch: Path, statements: list[str]
) -> None:
    path = scratch / "received.okrdesk"
    shutil.copyfile(demo_file, path)
    if not plant(path, statements):
        return
    before = sha256(path)
    con = sqlite3.connect(demo_file)
    kr = con.execute(
        "SELECT k.id FROM key_result k JOIN objective o ON o.id = k.objective_id "
        "JOIN cycle c ON c.id = o.cycle_id WHERE k.kind = 'metric' AND c.state = 'active' "
        "ORDER BY k.id LIMIT 1"
    ).fetchone()[0]
    con.close()
    for args in (
        ["show", path],
        ["score", path],
        ["check", path],
        ["checkin", path, "--kr", kr, "--value", "5"],
        ["export", "json", path, "-o", scratch / "out.json"],
        ["import", "json", scratch / "none.json", "--into", path],
    ):
        result = bounded(okrdesk, *args)
        # Every planted file holds code OKR Desk never makes: each command refuses it.
        assert result.returncode == 2, (args, statements, result.stdout)
        assert result.stderr.count("\n") == 1, result.stderr
        assert sha256(path) == before, (args, statements)
    assert not (scratch / "out.json").exists()


def test_a_planted_stand_in_view_does_not_hang_a_real_process(
    demo_copy: Path, tmp_path: Path
) -> None:
    """The same as a person runs it: a separate process that must end by itself."""
    plant(
        demo_copy,
        [
            f"ALTER TABLE team RENAME TO team_was; CREATE VIEW team AS {ENDLESS};",
            "CREATE TRIGGER t AFTER INSERT ON check_in BEGIN DELETE FROM objective; END;",
        ],
    )
    before = sha256(demo_copy)
    for args in (["show", demo_copy], ["export", "json", demo_copy, "-o", tmp_path / "o.json"]):
        result = subprocess.run(
            [sys.executable, "-m", "okrdesk", *map(str, args)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 2, result.stderr
        assert result.stderr.startswith(f"okrdesk: {demo_copy}: not opened, it holds a ")
        assert sha256(demo_copy) == before
