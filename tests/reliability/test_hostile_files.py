"""A `.okrdesk` received by email is untrusted: what it holds beyond our schema, links
planted beside it, pipes and devices in its place are refused in one line, untouched."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
from pathlib import Path

import pytest

from okrdesk.db import migrate
from okrdesk.db.workspace_file import fold_back, make_engine
from okrdesk.services.workspace import Workspace
from tests.cli_run import Cli


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def plant(path: Path, sql: str) -> None:
    """Change a file behind OKR Desk's back, as a hostile sender would."""
    con = sqlite3.connect(path)
    con.executescript(sql)
    con.commit()
    con.execute("PRAGMA journal_mode = DELETE")
    con.close()


def schema_1_file(path: Path) -> None:
    """A file as the first OKR Desk left it (user_version 1, revision 0001_core)."""
    engine = make_engine(path)
    migrate.upgrade(engine, "0001_core")
    with engine.begin() as con:
        con.exec_driver_sql(
            "INSERT INTO workspace (id, name, mission, vision, strategy, settings, created_at) "
            "VALUES ('6f1c2a57-5b0e-4a8e-9d55-0d6a3f0b1c11', 'Old Co', '', '', '', '{}', "
            "'2025-01-01 00:00:00')"
        )
    fold_back(engine)


def counts(path: Path) -> tuple[int, int, int]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return tuple(  # type: ignore[return-value]
            con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("objective", "key_result", "check_in")
        )
    finally:
        con.close()


def active_metric(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return con.execute(
            "SELECT k.id FROM key_result k JOIN objective o ON o.id = k.objective_id "
            "JOIN cycle c ON c.id = o.cycle_id WHERE k.kind = 'metric' AND c.state = 'active' "
            "ORDER BY k.id LIMIT 1"
        ).fetchone()[0]
    finally:
        con.close()


HOSTILE = {
    "trigger": (
        "CREATE TRIGGER wipe AFTER INSERT ON check_in BEGIN "
        "DELETE FROM check_in; DELETE FROM key_result; DELETE FROM objective; END;",
        "it holds a trigger 'wipe' that OKR Desk never makes",
    ),
    "recursive view": (
        "CREATE VIEW forever AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
        "FROM n) SELECT i FROM n;",
        "it holds a view 'forever' that OKR Desk never makes",
    ),
    "extra table": ("CREATE TABLE notes (x);", "it holds an unknown table 'notes'"),
    "missing index": (
        "DROP INDEX ix_check_in_key_result_id;",
        "it lacks the index 'ix_check_in_key_result_id'",
    ),
    "changed table": (
        # A column OKR Desk does not make (a changed table may hide a changed rule).
        "ALTER TABLE check_in ADD COLUMN spy TEXT DEFAULT 'x';",
        "its table 'check_in' is not defined as OKR Desk defines it",
    ),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_file_with_a_foreign_schema_is_refused_by_every_command_untouched(
    okrdesk: Cli, demo_copy: Path, tmp_path: Path, kind: str
) -> None:
    sql, reason = HOSTILE[kind]
    plant(demo_copy, sql)
    before = sha256(demo_copy)
    kr = active_metric(demo_copy)
    for args in (
        ["show", demo_copy],
        ["checkin", demo_copy, "--kr", kr, "--value", "5"],
        ["export", "json", demo_copy, "-o", tmp_path / "out.json"],
        ["import", "json", tmp_path / "missing.json", "--into", demo_copy],
    ):
        result = okrdesk(*args)
        assert result.returncode == 2, (args, result.stdout)
        if args[0] != "import":  # the import names its missing source first
            assert result.stderr == f"okrdesk: {demo_copy}: not opened, {reason} " + (
                "(a file from elsewhere may be hostile)\n"
            )
        assert sha256(demo_copy) == before
    assert not (tmp_path / "out.json").exists()
    assert sorted(p.name for p in demo_copy.parent.iterdir()) == [demo_copy.name]


def test_the_first_look_does_not_read_through_a_planted_view(demo_copy: Path) -> None:
    """A view standing in for a table would never end; the first look declines instead."""
    from okrdesk.services.first_look import first_look

    plant(
        demo_copy,
        "ALTER TABLE team RENAME TO team_was; CREATE VIEW team AS WITH RECURSIVE n(i) AS "
        "(SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i AS id, 'x' AS name, 'team' AS kind, "
        "NULL AS parent_id, i AS position FROM n;",
    )
    finished: list[object] = []
    reader = threading.Thread(target=lambda: finished.append(first_look(demo_copy)), daemon=True)
    reader.start()
    reader.join(timeout=60)
    assert finished == [None]


def test_a_file_at_an_unknown_revision_is_refused_without_a_backup(
    okrdesk: Cli, tmp_path: Path
) -> None:
    path = tmp_path / "old.okrdesk"
    schema_1_file(path)
    plant(path, "UPDATE alembic_version SET version_num = '9f1e_someone_elses';")
    before = sha256(path)
    result = okrdesk("show", path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"okrdesk: {path}: not opened, its recorded schema revision")
    assert result.stderr.count("\n") == 1
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.okrdesk"]  # no backup


def test_an_older_file_of_our_own_is_still_checked_and_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.okrdesk"
    schema_1_file(path)
    plant(path, "CREATE TRIGGER t AFTER INSERT ON team BEGIN DELETE FROM cycle; END;")
    with pytest.raises(Exception, match="trigger 't' that OKR Desk never makes"):
        Workspace.open(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.okrdesk"]
    plant(path, "DROP TRIGGER t;")
    with Workspace.open(path) as ws:
        assert ws.report.migrated_from == 1


# -- links, pipes and devices ----------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_a_link_planted_as_a_log_beside_the_file_is_never_written_through(
    okrdesk: Cli, demo_copy: Path, tmp_path: Path, suffix: str
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious\n")
    kr = active_metric(demo_copy)
    link = Path(f"{demo_copy}{suffix}")
    link.symlink_to(victim)
    before = sha256(demo_copy)
    result = okrdesk("checkin", demo_copy, "--kr", kr, "--value", "5")
    assert result.returncode == 2
    assert result.stderr == (
        f"okrdesk: {demo_copy}: not opened, {link.name} beside it is a link (OKR Desk never "
        "makes one; remove it if you did not put it there)\n"
    )
    assert victim.read_bytes() == b"precious\n"
    assert sha256(demo_copy) == before and link.is_symlink()


@pytest.mark.parametrize(
    "sidecar",
    [
        ".new.okrdesk.importing",
        ".new.okrdesk.importing-wal",
        ".new.okrdesk.importing-journal",
        ".new.okrdesk.importing.creating",
        ".new.okrdesk.importing.creating-wal",
    ],
)
def test_links_at_the_names_of_an_imports_temporary_files_are_not_followed(
    okrdesk: Cli, demo_copy: Path, tmp_path: Path, sidecar: str
) -> None:
    assert okrdesk("export", "json", demo_copy, "-o", tmp_path / "d.json").returncode == 0
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious\n")
    (tmp_path / sidecar).symlink_to(victim)
    result = okrdesk("import", "json", tmp_path / "d.json", "-o", tmp_path / "new.okrdesk")
    assert result.returncode == 0, result.stderr
    assert victim.read_bytes() == b"precious\n"
    assert counts(tmp_path / "new.okrdesk") == counts(demo_copy)


@pytest.mark.parametrize("sidecar", [".new.okrdesk.creating", ".new.okrdesk.creating-journal"])
def test_links_at_the_names_of_a_new_files_temporary_files_are_not_followed(
    okrdesk: Cli, tmp_path: Path, sidecar: str
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious\n")
    (tmp_path / sidecar).symlink_to(victim)
    assert okrdesk("new", tmp_path / "new.okrdesk").returncode == 0
    assert victim.read_bytes() == b"precious\n"


def test_a_link_at_the_backups_name_is_not_written_through(tmp_path: Path) -> None:
    path = tmp_path / "old.okrdesk"
    schema_1_file(path)
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious\n")
    (tmp_path / "old.schema1-backup.okrdesk").symlink_to(victim)
    (tmp_path / "old.schema1-backup-2.okrdesk").symlink_to(tmp_path / "nowhere")
    with Workspace.open(path) as ws:
        assert ws.report.backup == tmp_path / "old.schema1-backup-3.okrdesk"
    assert victim.read_bytes() == b"precious\n"
    assert not (tmp_path / "nowhere").exists()


def test_atomic_temporary_files_never_open_through_a_link(tmp_path: Path) -> None:
    from okrdesk import atomic

    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious\n")
    fd, tmp = atomic.create_temp_beside(tmp_path / "out.json")
    os.close(fd)
    tmp.unlink()
    tmp.symlink_to(victim)
    # The same name cannot be taken through the link (O_EXCL | O_NOFOLLOW).
    with pytest.raises(FileExistsError):
        os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | atomic.NO_FOLLOW)
    atomic.remove_database_quietly(tmp)
    assert victim.read_bytes() == b"precious\n" and not tmp.is_symlink()


def _fifo(tmp_path: Path, name: str) -> Path:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    return fifo


def _bounded(okrdesk: Cli, *args: object) -> object:
    """Run a command in a thread: a hang fails the test instead of stopping the suite.
    (A pipe left waiting is released by opening its other end.)"""
    done: list[object] = []
    worker = threading.Thread(target=lambda: done.append(okrdesk(*args)), daemon=True)
    worker.start()
    worker.join(timeout=60)
    if not done:
        for arg in args:
            if isinstance(arg, Path) and arg.exists() and not arg.is_file():
                with open(arg, "wb"):
                    pass
        worker.join(timeout=10)
        pytest.fail(f"{args} did not return")
    return done[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_as_workspace_or_import_source_is_refused_at_once(
    okrdesk: Cli, tmp_path: Path
) -> None:
    pipe = _fifo(tmp_path, "pipe.okrdesk")
    for args, what in (
        (["show", pipe], "not a workspace file"),
        (["import", "json", pipe, "-o", tmp_path / "a.okrdesk"], "not a file to import"),
        (["import", "csv", pipe, "-o", tmp_path / "b.okrdesk"], "not a file to import"),
    ):
        result = _bounded(okrdesk, *args)
        assert (result.returncode, result.stderr) == (  # type: ignore[attr-defined]
            2,
            f"okrdesk: {pipe}: is a named pipe, {what}\n",
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe.okrdesk"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_an_endless_device_as_import_source_is_refused(
    okrdesk: Cli, tmp_path: Path, fmt: str
) -> None:
    result = _bounded(okrdesk, "import", fmt, Path("/dev/zero"), "-o", tmp_path / "z.okrdesk")
    assert (result.returncode, result.stderr) == (  # type: ignore[attr-defined]
        2,
        "okrdesk: /dev/zero: is a device, not a file to import\n",
    )
    assert list(tmp_path.iterdir()) == []


def test_an_import_larger_than_the_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    from okrdesk.errors import InterchangeError
    from okrdesk.interchange.files import read_input

    big = tmp_path / "big.json"
    big.write_bytes(b" " * 1001)
    with pytest.raises(InterchangeError, match=r"larger than 0 MB, more than OKR Desk imports"):
        read_input(big, limit=1000)
    assert read_input(big, limit=1001) == b" " * 1001


# -- one line, not a traceback ---------------------------------------------------------------


def _document(okrdesk: Cli, demo_copy: Path, tmp_path: Path) -> dict:
    out = tmp_path / "d.json"
    assert okrdesk("export", "json", demo_copy, "-o", out).returncode == 0
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (
            lambda d: d["workspace"][0].update(created_at="0001-01-01T00:00:00+14:00"),
            "workspace[0]: field 'created_at' is out of range: '0001-01-01T00:00:00+14:00'",
        ),
        (
            lambda d: d["team"][0].update(name="\ud800"),
            "team[0]: field 'name' contains a lone surrogate (e.g. \\ud800), which is not text",
        ),
        (
            lambda d: d["workspace"][0].update(settings={"\udc80": 1}),
            "workspace[0]: field 'settings' contains a lone surrogate (e.g. \\ud800), which is "
            "not text",
        ),
    ],
)
def test_odd_json_values_are_refused_in_one_line(
    okrdesk: Cli, demo_copy: Path, tmp_path: Path, change, reason: str
) -> None:
    document = _document(okrdesk, demo_copy, tmp_path)
    change(document)
    source = tmp_path / "odd.json"
    source.write_text(json.dumps(document), encoding="utf-8")  # ASCII: \ud800 as an escape
    before = counts(demo_copy)
    for target in (["-o", tmp_path / "new.okrdesk"], ["--into", demo_copy]):
        result = okrdesk("import", "json", source, *target)
        assert (result.returncode, result.stderr) == (2, f"okrdesk: {source}: {reason}\n")
    assert counts(demo_copy) == before and not (tmp_path / "new.okrdesk").exists()


def test_a_key_given_twice_in_a_json_object_is_refused_by_name(
    okrdesk: Cli, demo_copy: Path, tmp_path: Path
) -> None:
    text = json.dumps(_document(okrdesk, demo_copy, tmp_path), indent=1)
    source = tmp_path / "twice.json"
    source.write_text(text.replace('"name": ', '"name": "A", "name": ', 1), encoding="utf-8")
    result = okrdesk("import", "json", source, "-o", tmp_path / "new.okrdesk")
    assert (result.returncode, result.stderr) == (
        2,
        f"okrdesk: {source}: the key 'name' appears twice in one object\n",
    )
    assert not (tmp_path / "new.okrdesk").exists()


def test_a_file_name_with_a_newline_is_shown_on_one_line(okrdesk: Cli, tmp_path: Path) -> None:
    odd = tmp_path / "two\nlines.okrdesk"
    odd.write_bytes(b"not a workspace")
    result = okrdesk("show", odd)
    assert result.returncode == 2
    assert result.stderr == (
        f"okrdesk: {tmp_path}/two\\nlines.okrdesk: not an OKR Desk workspace "
        "(not a SQLite database)\n"
    )


def test_a_link_at_a_lock_files_name_is_left_alone(okrdesk: Cli, demo_copy: Path) -> None:
    """OKR Desk keeps no lock file of its own (SQLite locks the file itself): a link planted
    where one used to be is neither followed nor removed."""
    victim = demo_copy.parent / "victim.txt"
    victim.write_bytes(b"precious\n")
    link = demo_copy.with_name(f".{demo_copy.name}.lock")
    link.symlink_to(victim)
    result = okrdesk("checkin", demo_copy, "--kr", active_metric(demo_copy), "--value", "5")
    assert result.returncode == 0, result.stderr
    assert victim.read_bytes() == b"precious\n" and link.is_symlink()
