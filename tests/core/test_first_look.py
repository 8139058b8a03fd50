"""The first look at start-up: the same view data as the ORM's, read with plain sqlite3,
never a change to the file, and nothing at all when the file needs more than a read."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from okrdesk.db.header import SCHEMA_VERSION
from okrdesk.demo import build_synthetic
from okrdesk.services import entities
from okrdesk.services.first_look import first_look
from okrdesk.services.views import okr_tree, team_nodes
from okrdesk.services.workspace import Workspace
from tests.conftest import TODAY


def same_as_the_full_views(path: Path) -> int:
    """Compare the first look of every team with what the views build; return the count."""
    with Workspace.open(path, read_only=True) as ws:
        teams = team_nodes(ws)
        for team in teams:
            look = first_look(path, team.name.upper(), today=TODAY)
            assert look is not None
            assert look.team_id == team.id
            assert look.tree == okr_tree(ws, cycle=look.cycle_id, team=team.id)
            assert list(look.teams) == team_nodes(ws, look.cycle_id)
            cycles = sorted(entities.list_items(ws, "cycle"), key=lambda c: c["start_date"])
            assert look.cycles == tuple((c["id"], c["name"], c["state"]) for c in cycles)
    return len(teams)


def test_every_team_of_the_demo_looks_as_the_full_window_shows_it(demo_copy: Path) -> None:
    assert same_as_the_full_views(demo_copy) == 6
    look = first_look(demo_copy, today=TODAY)
    assert look is not None and look.team_id == look.teams[0].id  # the top of the tree


def test_every_team_of_a_generated_organisation_too(tmp_path: Path) -> None:
    path = tmp_path / "org.okrdesk"
    build_synthetic(path, teams=20, seed=3)
    assert same_as_the_full_views(path) > 20


def test_reading_leaves_every_byte_and_the_time_of_the_file(demo_copy: Path) -> None:
    os.utime(demo_copy, (1_000_000_000, 1_000_000_000))
    before = hashlib.sha256(demo_copy.read_bytes()).hexdigest()
    assert first_look(demo_copy, today=TODAY) is not None
    assert hashlib.sha256(demo_copy.read_bytes()).hexdigest() == before
    assert demo_copy.stat().st_mtime == 1_000_000_000
    assert [p.name for p in demo_copy.parent.iterdir()] == [demo_copy.name]


def set_user_version(path: Path, version: int) -> None:
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {version}")
    con.commit()
    con.close()


@pytest.mark.parametrize("version", [SCHEMA_VERSION - 1, SCHEMA_VERSION + 1])
def test_an_older_or_newer_file_gets_none(demo_copy: Path, version: int) -> None:
    set_user_version(demo_copy, version)
    assert first_look(demo_copy, today=TODAY) is None


def test_a_log_beside_the_file_a_foreign_file_or_an_unknown_team_get_none(
    demo_copy: Path, tmp_path: Path
) -> None:
    assert first_look(demo_copy, "No such team", today=TODAY) is None
    wal = Path(f"{demo_copy}-wal")
    wal.write_bytes(b"")
    assert first_look(demo_copy, today=TODAY) is None
    wal.unlink()
    foreign = tmp_path / "notes.okrdesk"
    foreign.write_bytes(b"a shopping list\n" * 20)
    assert first_look(foreign) is None
    assert first_look(tmp_path / "missing.okrdesk") is None
    empty = tmp_path / "empty.okrdesk"
    Workspace.create(empty, "Nothing yet").close()
    assert first_look(empty) is None  # no cycle, no team: the full window says what to do


def test_a_damaged_table_gets_none_not_an_error(demo_copy: Path) -> None:
    con = sqlite3.connect(demo_copy)
    con.execute("PRAGMA ignore_check_constraints = 1")  # as a foreign program might write
    con.execute("UPDATE cycle SET start_date = 'soon'")
    con.commit()
    con.close()
    assert first_look(demo_copy, today=TODAY) is None


def test_it_reads_without_loading_sqlalchemy(demo_copy: Path) -> None:
    probe = (
        "import sys; from pathlib import Path; "
        "from okrdesk.services.first_look import first_look; "
        f"assert first_look(Path({str(demo_copy)!r})) is not None; "
        "print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'alembic'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"
