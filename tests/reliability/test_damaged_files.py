"""Damaged, empty and crash-left workspaces, and file names that are not plain.

- A zero-byte or truncated workspace is refused by every command that opens one, in one
  line, without touching it or creating anything beside it (the core tests cover
  Workspace.open itself).
- A workspace left by a crash with SQLite's log beside it (a write-ahead log half copied
  back, or a hot rollback journal) is not "damaged": SQLite repairs it from the log, and
  OKR Desk must open it rather than refuse it.
- File names with characters that mean something in URIs (#, ?, %, spaces) work.
"""

from __future__ import annotations

import json
import shutil
import signal
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import Cli
from reliability_tools import Synthetic, integrity, one_line, row_counts, sha256

from okrdesk.interchange import json_format
from okrdesk.services.workspace import Workspace


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _header_only(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:60])


def _first_page(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:4096])


def _a_third(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (_empty, "the file is empty (0 bytes)"),
        (_header_only, "truncated"),
        (_first_page, "damaged"),
        (_a_third, "damaged"),
    ],
    ids=["zero-bytes", "60-bytes", "first-page", "a-third"],
)
def test_every_command_refuses_a_damaged_workspace(
    okrdesk: Cli, demo_file: Path, tmp_path: Path, damage, reason: str
) -> None:
    path = Path(shutil.copy(demo_file, tmp_path / "hurt.okrdesk"))
    damage(path)
    good = Path(shutil.copy(demo_file, tmp_path / "good.okrdesk"))
    with Workspace.open(good) as ws:
        json_format.write_json(ws, tmp_path / "good.json")
    out = tmp_path / "out"
    out.mkdir()
    commands = {
        "show": ["show", path],
        "check": ["check", path],
        "rules": ["rules", path, "--disable", "objective-has-number"],
        "export": ["export", "csv", path, "-o", out / "x.csv"],
        "sheet": ["sheet", path, "--team", "Workshop", "-o", out / "x.pdf"],
        "booklet": ["booklet", path, "-o", out / "y.pdf"],
        "merge": ["import", "json", tmp_path / "good.json", "--into", path],
    }
    before = sha256(path)
    for name, argv in commands.items():
        result = okrdesk(*argv)
        log = result.stdout + result.stderr
        assert result.returncode == 2, (name, log)
        assert one_line(log).startswith(f"okrdesk: {path}: "), (name, log)
        assert reason in log, (name, log)
    assert sha256(path) == before
    assert list(out.iterdir()) == []
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("hurt.okrdesk-")]


# -- left by a crash ---------------------------------------------------------------------------

MERGE_THEN_DIE = """
import os, sys
from pathlib import Path
from okrdesk.interchange import json_format
from okrdesk.services.workspace import Workspace

from okrdesk.db.workspace_file import use_wal
ws = Workspace.open(sys.argv[1])
use_wal(ws.path)  # as after a first change: later ones go to the log
with ws.bulk_engine().connect() as con:  # keep everything in the log, as a crash before
    con.exec_driver_sql("PRAGMA wal_autocheckpoint = 0")  # the checkpoint would
json_format.import_into(Path(sys.argv[2]), ws)
os.kill(os.getpid(), 9)  # committed, never copied back
"""


def _frames(wal: bytes) -> dict[int, bytes]:
    """The newest committed copy of each page in a write-ahead log (SQLite's WAL format)."""
    page_size = struct.unpack(">I", wal[8:12])[0]
    salts = wal[16:24]
    pages: dict[int, bytes] = {}
    offset = 32
    while offset + 24 + page_size <= len(wal):
        header = wal[offset : offset + 24]
        if header[8:16] != salts:
            break
        pages[struct.unpack(">I", header[:4])[0]] = wal[offset + 24 : offset + 24 + page_size]
        offset += 24 + page_size
    return pages


def test_a_crash_inside_a_checkpoint_is_repaired_not_refused(
    synthetic: Synthetic, tmp_path: Path
) -> None:
    path = Path(shutil.copy(synthetic.empty, tmp_path / "crashed.okrdesk"))
    child = subprocess.run(
        [sys.executable, "-c", MERGE_THEN_DIE, str(path), str(synthetic.json)], timeout=120
    )
    assert child.returncode == -signal.SIGKILL
    wal = Path(f"{path}-wal").read_bytes()
    pages = _frames(wal)
    assert len(pages) > 100
    # The checkpoint copies pages from the log into the file in page order; the crash
    # stops it half-way: half the file is new, half old, and the log holds all of it.
    page_size = struct.unpack(">I", wal[8:12])[0]
    with path.open("r+b") as f:
        for number in sorted(pages)[: len(pages) // 2]:
            f.seek((number - 1) * page_size)
            f.write(pages[number])
    # The file alone is inconsistent now; with its log it is whole, and SQLite knows how.
    with Workspace.open(path) as ws:
        assert json_format.export_json(ws) != b""
    assert integrity(path) == "ok"
    expected = {
        t: len(rows)
        for t, rows in json.loads(synthetic.json_bytes).items()
        if isinstance(rows, list) and t != "workspace"
    }
    counts = row_counts(path, json_format.TABLES)
    assert {t: counts[t] for t in expected} == expected  # the whole committed merge
    assert not Path(f"{path}-wal").exists()  # folded back on close


UPDATE_THEN_DIE = """
import os, sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA cache_size = 10")  # spill changed pages into the file before commit
con.execute("BEGIN")
con.execute("UPDATE objective SET why = why || printf('%.800c', 'x')")
con.execute("UPDATE key_result SET title = title || ' (never committed)'")
os.kill(os.getpid(), 9)
"""


def test_a_crash_with_a_hot_rollback_journal_is_repaired_not_refused(
    synthetic: Synthetic, tmp_path: Path
) -> None:
    """Another SQLite program (in the default rollback mode) died in the middle of a write."""
    path = Path(shutil.copy(synthetic.workspace, tmp_path / "crashed.okrdesk"))
    before = json.loads(synthetic.json_bytes)
    child = subprocess.run([sys.executable, "-c", UPDATE_THEN_DIE, str(path)], timeout=60)
    assert child.returncode == -signal.SIGKILL
    assert Path(f"{path}-journal").stat().st_size > 0
    with Workspace.open(path) as ws:  # rolled back: as it was before the dead write
        after = json.loads(json_format.export_json(ws))
    assert after["key_result"] == before["key_result"]
    assert after["objective"] == before["objective"]
    assert integrity(path) == "ok"


# -- file names --------------------------------------------------------------------------------


def test_file_names_with_uri_characters(okrdesk: Cli, tmp_path: Path) -> None:
    """'#', '?' and '%' once cut the name short: a stray file was made and used instead."""
    names = ["Q3 #2 what? 50%20off.okrdesk"]
    steps = [
        lambda p: ["new", p, "--name", p.name],
        lambda p: ["rules", p, "--disable", "objective-empty"],
        lambda p: ["export", "json", p, "-o", f"{p}.json"],
        lambda p: ["import", "json", f"{p}.json", "-o", p.with_name(f"copy {p.name}")],
    ]
    for step in steps:
        for name in names:
            result = okrdesk(*step(tmp_path / name))
            assert result.returncode == 0, (name, step(tmp_path / name), result.stderr)
    for name in names:
        with Workspace.open(tmp_path / f"copy {name}") as ws:
            assert ws.info().name == name
    made = {p.name for p in tmp_path.iterdir()}
    # Nothing else: no "Q3 " (cut at #) or "Q3 #2 what" (cut at ?) beside them.
    assert made == {*names, *(f"{n}.json" for n in names), *(f"copy {n}" for n in names)}
