"""The .okrdesk file: it identifies itself, refuses what it is not, and never loses edits."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from okrdesk.db.workspace_file import APPLICATION_ID, SCHEMA_VERSION
from okrdesk.errors import WorkspaceFileError
from okrdesk.services import entities
from okrdesk.services.workspace import Workspace


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


def test_new_file_identifies_itself_and_stands_alone(tmp_path: Path) -> None:
    path = tmp_path / "acme.okrdesk"
    Workspace.create(path, "Acme").close()
    header = path.read_bytes()[:100]
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID
    assert int.from_bytes(header[60:64], "big") == SCHEMA_VERSION
    # Closed files have no -wal/-shm beside them: users copy the one file.
    assert siblings(path) == {"acme.okrdesk"}
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def test_create_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "x.okrdesk"
    path.write_text("precious")
    with pytest.raises(WorkspaceFileError, match="already exists"):
        Workspace.create(path)
    assert path.read_text() == "precious"


def test_edits_survive_close_and_reopen(ws: Workspace, planned: dict[str, str]) -> None:
    entities.update(ws, "objective", planned["objective"], title="Answer every customer fast")
    path = ws.path
    ws.close()
    with Workspace.open(path) as again:
        assert entities.get(again, "objective", planned["objective"])["title"] == (
            "Answer every customer fast"
        )
        assert again.info().name == "Test Co"


def _foreign_sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (x TEXT)")
    con.commit()
    con.close()


def _newer(path: Path) -> None:
    Workspace.create(path).close()
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    con.close()


def _truncated(path: Path) -> None:
    Workspace.create(path).close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _garbled(path: Path) -> None:
    Workspace.create(path).close()
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for n in range(1, 6):  # pages 2-6: table b-trees; an invalid page type is always noticed
        data[n * page : n * page + 16] = b"\xa5" * 16
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.write_bytes(b""), "empty"),
        (lambda p: p.write_bytes(os.urandom(4096)), "not a SQLite database"),
        (lambda p: p.write_text("Objectives for Q3\nGrow revenue\n"), "not a SQLite database"),
        (_foreign_sqlite, "not an OKR Desk workspace"),
        (_newer, "newer OKR Desk"),
        (_truncated, "damaged|truncated"),
        (_garbled, "damaged"),
    ],
    ids=["zero-bytes", "random-bytes", "text", "foreign-sqlite", "newer", "truncated", "garbled"],
)
def test_refused_files_are_left_byte_for_byte(tmp_path: Path, make, reason: str) -> None:
    path = tmp_path / "suspect.okrdesk"
    make(path)
    before, names = digest(path), siblings(path)
    with pytest.raises(WorkspaceFileError, match=reason) as caught:
        Workspace.open(path)
    assert "\n" not in str(caught.value)
    assert digest(path) == before
    assert siblings(path) == names


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceFileError, match="no such file"):
        Workspace.open(tmp_path / "nope.okrdesk")
    with pytest.raises(WorkspaceFileError, match="folder"):
        Workspace.open(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_file_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "ro.okrdesk"
    Workspace.create(path).close()
    path.chmod(0o444)
    with pytest.raises(WorkspaceFileError, match="read-only"):
        Workspace.open(path)


def test_save_copy_is_a_consistent_standalone_workspace(
    ws: Workspace, planned: dict[str, str], tmp_path: Path
) -> None:
    copy = tmp_path / "copies" / "copy.okrdesk"
    copy.parent.mkdir()
    ws.save_copy(copy)
    entities.update(ws, "objective", planned["objective"], title="Changed after the copy")
    assert siblings(copy) == {"copy.okrdesk"}  # no temp files left
    umask = os.umask(0)
    os.umask(umask)
    assert copy.stat().st_mode & 0o777 == 0o666 & ~umask  # readable like any saved file
    with Workspace.open(copy) as other:
        assert entities.get(other, "objective", planned["objective"])["title"] == (
            "Make every customer feel heard"
        )
        assert len(entities.list_items(other, "key_result")) == 2


def test_save_copy_refuses_the_open_file(ws: Workspace) -> None:
    with pytest.raises(WorkspaceFileError, match="another file name"):
        ws.save_copy(ws.path)


def test_save_copy_into_missing_folder_says_so(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(WorkspaceFileError, match="could not be written"):
        ws.save_copy(tmp_path / "missing" / "copy.okrdesk")


def test_older_file_is_backed_up_then_migrated(tmp_path: Path) -> None:
    from okrdesk.db import migrate
    from okrdesk.db.workspace_file import fold_back, make_engine

    path = tmp_path / "old.okrdesk"
    engine = make_engine(path)
    migrate.upgrade(engine, "0001_core")
    with engine.begin() as con:
        con.exec_driver_sql(
            "INSERT INTO workspace (id, name, mission, vision, strategy, settings, created_at) "
            "VALUES ('6f1c2a57-5b0e-4a8e-9d55-0d6a3f0b1c11', 'Old Co', '', '', '', '{}', "
            "'2025-01-01 00:00:00')"
        )
    fold_back(engine)
    original = digest(path)

    with Workspace.open(path) as ws:
        assert ws.report.migrated_from == 1
        backup = ws.report.backup
        assert backup is not None and backup.exists()
        assert ws.info().name == "Old Co"
        # The new tables are there: a KPI can be stored after the upgrade.
        entities.create(ws, "kpi", name="Uptime", unit="%")
    assert digest(backup) == original
    assert int.from_bytes(path.read_bytes()[60:64], "big") == SCHEMA_VERSION
