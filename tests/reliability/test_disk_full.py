"""A full disk, simulated with a real operating-system limit.

Each command runs in its own process with ``RLIMIT_FSIZE`` set and SIGXFSZ ignored, so any
write that would make a file larger than the limit fails with EFBIG ("File too large"),
exactly where a full disk fails with ENOSPC. The command must stop with exit status 2 and
one line saying why, leave no output (not even a temporary file) and the workspace intact.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from reliability_tools import (
    Forker,
    Synthetic,
    integrity,
    one_line,
    pages_digest,
    row_counts,
    save_copy_child,
    sha256,
)

from okrdesk.db import migrate
from okrdesk.db.workspace_file import SCHEMA_VERSION, fold_back, make_engine
from okrdesk.interchange import json_format
from okrdesk.services import entities
from okrdesk.services.workspace import Workspace

KB = 1024
MB = 1024 * KB


@pytest.fixture
def folder(synthetic: Synthetic, demo_file: Path, tmp_path: Path) -> Path:
    """A copy of the 50-team workspace (2.6 MB), its JSON export (2.8 MB) and the demo."""
    shutil.copy(synthetic.workspace, tmp_path / "fifty.okrdesk")
    shutil.copy(demo_file, tmp_path / "demo.okrdesk")
    with Workspace.open(tmp_path / "demo.okrdesk") as ws:
        json_format.write_json(ws, tmp_path / "demo.json")
    shutil.copy(synthetic.json, tmp_path / "fifty.json")
    shutil.copy(synthetic.empty, tmp_path / "target.okrdesk")
    (tmp_path / "out").mkdir()
    return tmp_path


def test_commands_on_a_full_disk_stop_cleanly(forker: Forker, folder: Path) -> None:
    ws, out = folder / "fifty.okrdesk", folder / "out"
    cases = {
        # name: (arguments, file size limit, what the one line must say)
        "export-json": (["export", "json", ws, "-o", out / "o.json"], 1 * MB, "File too large"),
        # (Opening a workspace needs room for its 32 kB index file beside it: limits above.)
        "export-csv": (["export", "csv", ws, "-o", out / "o.csv"], 40 * KB, "File too large"),
        "sheet": (["sheet", ws, "--team", "Company", "-o", out / "s.pdf"], 40 * KB, "too large"),
        "booklet": (["booklet", folder / "demo.okrdesk", "-o", out / "b.pdf"], 40 * KB, "large"),
        # The import's log fills the disk while rows are written ...
        "import-early": (
            ["import", "json", folder / "demo.json", "-o", out / "i1.okrdesk"],
            256 * KB,
            "cannot be written",
        ),
        # ... or, worse, only near its end: this one used to print "Imported" and leave a
        # corrupt workspace under the new name (when its log was folded back on close; a
        # new file now takes its first change straight, so the commit itself fails).
        "import-at-close": (
            ["import", "json", folder / "fifty.json", "-o", out / "i2.okrdesk"],
            folder.joinpath("fifty.okrdesk").stat().st_size - 64 * KB,
            "could not be saved",
        ),
        "merge": (
            ["import", "json", folder / "fifty.json", "--into", folder / "target.okrdesk"],
            256 * KB,
            "could not be saved",
        ),
        "new": (["new", out / "n.okrdesk"], 8 * KB, "cannot be written"),
        # A synthetic workspace with history fills the disk while its quarters are written.
        "demo": (
            ["demo", out / "d.okrdesk", "--teams", "20", "--past-quarters", "4"],
            1 * MB,
            "cannot be written",
        ),
        # A workspace opens without writing (it used to need room for its log's index
        # file); the change itself then finds the disk full.
        "open": (
            ["rules", folder / "alone.okrdesk", "--disable", "objective-has-number"],
            16 * KB,
            "could not be saved",
        ),
    }
    shutil.copy(ws, folder / "alone.okrdesk")
    names = ("fifty.okrdesk", "target.okrdesk", "alone.okrdesk", "demo.okrdesk")
    before = {name: pages_digest(folder / name) for name in names}
    target_rows = row_counts(folder / "target.okrdesk", json_format.TABLES)
    running = {
        name: forker.cli(argv, folder / f"{name}.log", limit)
        for name, (argv, limit, _) in cases.items()
    }
    for name, process in running.items():
        process.join(120)
        log = (folder / f"{name}.log").read_text()
        assert process.exitcode == 2, (name, log)
        line = one_line(log)
        assert line.startswith("okrdesk: ") and cases[name][2] in line, (name, line)
        assert "/." not in line, line  # it names the file asked for, not a temporary one
        assert "may be full" in line or "File too large" in line, (name, line)
    # No output at all, not even a hidden temporary file.
    assert list(out.iterdir()) == []
    # Opened again with room, nothing has changed.
    Workspace.open(folder / "alone.okrdesk").close()
    # The workspaces read from or merged into are as they were, page for page.
    assert {n: pages_digest(folder / n) for n in before} == before
    assert integrity(folder / "target.okrdesk") == "ok"
    assert row_counts(folder / "target.okrdesk", json_format.TABLES) == target_rows
    files = {p.name for p in folder.iterdir() if p.is_file() and p.suffix != ".log"}
    assert files == {"fifty.json", "demo.json", *names}


def test_save_copy_on_a_full_disk_leaves_no_copy(forker: Forker, folder: Path) -> None:
    source, copy = folder / "fifty.okrdesk", folder / "out" / "copy.okrdesk"
    before = pages_digest(source)
    child = forker.start(save_copy_child, str(source), str(copy), str(folder / "c.log"), 1 * MB)
    child.join(60)
    line = one_line((folder / "c.log").read_text())
    assert child.exitcode == 2, line
    # SQLite's backup fails with "disk I/O error"; it arrives as a clear, named refusal.
    assert line.startswith(f"WorkspaceFileError: {copy}: the copy could not be written ("), line
    assert "may be full" in line
    assert list(copy.parent.iterdir()) == []
    assert pages_digest(source) == before
    # And with room on the disk, the same copy works.
    child = forker.start(save_copy_child, str(source), str(copy), str(folder / "d.log"), 64 * MB)
    child.join(60)
    assert child.exitcode == 0, (folder / "d.log").read_text()
    assert integrity(copy) == "ok"
    assert row_counts(copy, json_format.TABLES) == row_counts(source, json_format.TABLES)


EDIT_ON_FULL_DISK = """
import resource, sys
from okrdesk.errors import OkrDeskError
from okrdesk.services import entities
from okrdesk.services.workspace import Workspace
from reliability_tools import limit_file_size

ws = Workspace.open(sys.argv[1])
active = next(c["id"] for c in entities.list_items(ws, "cycle") if c["state"] == "active")
objective = entities.list_items(ws, "objective", cycle_id=active)[0]["id"]
entities.update(ws, "objective", objective, title="Saved before the disk filled up")
size = resource.getrlimit(resource.RLIMIT_FSIZE)
limit_file_size(1)  # the log cannot grow by a single byte now
try:
    entities.update(ws, "objective", objective, why="lost? " * 400)
except OkrDeskError as exc:
    print(exc, flush=True)
resource.setrlimit(resource.RLIMIT_FSIZE, size)
entities.update(ws, "objective", objective, owner="Saved after room was made")
ws.close()
"""


def test_an_edit_on_a_full_disk_is_refused_and_nothing_committed_is_lost(
    demo_file: Path, tmp_path: Path
) -> None:
    import subprocess
    import sys

    path = Path(shutil.copy(demo_file, tmp_path / "demo.okrdesk"))
    result = subprocess.run(
        [sys.executable, "-c", EDIT_ON_FULL_DISK, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).parent,
    )
    assert result.returncode == 0, result.stderr
    line = one_line(result.stdout)
    assert line.startswith(f"{path}: the change could not be saved (the disk"), line
    with Workspace.open(path) as ws:
        active = next(c["id"] for c in entities.list_items(ws, "cycle") if c["state"] == "active")
        objective = entities.list_items(ws, "objective", cycle_id=active)[0]
    assert objective["title"] == "Saved before the disk filled up"
    assert objective["owner"] == "Saved after room was made"
    assert "lost?" not in objective["why"]
    assert integrity(path) == "ok"


def test_an_upgrade_with_no_room_for_its_backup_leaves_the_file_alone(
    forker: Forker, tmp_path: Path
) -> None:
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
    before = sha256(path)
    size = path.stat().st_size
    code, log = forker.run(["show", path], tmp_path / "show.log", size // 2)
    assert code == 2, log
    line = one_line(log)
    assert "cannot be upgraded" in line and "File too large" in line, line
    assert "left as it was" in line
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.okrdesk", "show.log"]
    assert int.from_bytes(path.read_bytes()[60:64], "big") == 1 < SCHEMA_VERSION
