"""Helpers for the fault tests: real processes, real files, real operating-system limits.

Children that are killed or limited start from a fork server that has already imported
OKR Desk (``multiprocessing`` "forkserver"), so a run costs what the command costs, not a
second of Python start-up. Each child is a separate process that runs the real ``okrdesk``
command (``okrdesk.cli.main``) and exits with its status; SIGKILL ends it for real.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import resource
import signal
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader

PRELOAD = ["okrdesk.cli", "okrdesk.reports", "okrdesk.interchange.json_format"]


@dataclass(frozen=True)
class Synthetic:
    """`okrdesk demo X --teams 50` and its exports; copy the workspace before changing it."""

    workspace: Path
    json: Path
    csv: Path
    empty: Path  # a new, empty workspace to merge into

    @property
    def json_bytes(self) -> bytes:
        return self.json.read_bytes()


# -- what the forked children run ------------------------------------------------------------


def _to_log(log: str) -> None:
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.close(fd)


def limit_file_size(limit: int) -> None:
    """Writes past `limit` bytes fail with EFBIG ("File too large"), as on a full disk.

    SIGXFSZ would kill the process; ignored, the write call fails and the program must cope.
    """
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    _soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))  # the soft limit: liftable


def run_cli(argv: list[str], log: str, file_size_limit: int | None = None) -> None:
    """The `okrdesk` command in this (forked) process; stdout and stderr go to `log`."""
    _to_log(log)
    if file_size_limit is not None:
        limit_file_size(file_size_limit)
    from okrdesk.cli import main

    code = main(argv)
    sys.stdout.flush()
    sys.stderr.flush()
    sys.exit(code)


def save_copy_child(source: str, destination: str, log: str, file_size_limit: int) -> None:
    """Open a workspace, then "Save a copy as" with the file size limited."""
    _to_log(log)
    from okrdesk.errors import OkrDeskError
    from okrdesk.services.workspace import Workspace

    ws = Workspace.open(source)
    before = resource.getrlimit(resource.RLIMIT_FSIZE)
    limit_file_size(file_size_limit)
    try:
        ws.save_copy(destination)
    except OkrDeskError as exc:
        print(f"{type(exc).__name__}: {exc}", flush=True)
        code = 2
    else:
        code = 0
    resource.setrlimit(resource.RLIMIT_FSIZE, before)
    ws.close()
    sys.exit(code)


class Forker:
    """Starts children from a fork server that has OKR Desk imported already."""

    def __init__(self) -> None:
        self.ctx = multiprocessing.get_context("forkserver")
        self.ctx.set_forkserver_preload(PRELOAD)

    def start(self, target: Any, *args: Any) -> multiprocessing.process.BaseProcess:
        process = self.ctx.Process(target=target, args=args, daemon=True)
        process.start()
        return process

    def cli(
        self, argv: list[str | Path], log: Path, file_size_limit: int | None = None
    ) -> multiprocessing.process.BaseProcess:
        return self.start(run_cli, [str(a) for a in argv], str(log), file_size_limit)

    def run(
        self, argv: list[str | Path], log: Path, file_size_limit: int | None = None
    ) -> tuple[int, str]:
        process = self.cli(argv, log, file_size_limit)
        process.join(120)
        assert process.exitcode is not None, f"okrdesk {argv} did not finish"
        return process.exitcode, log.read_text(encoding="utf-8")


# -- looking at files ------------------------------------------------------------------------


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pages_digest(path: Path) -> str:
    """The workspace's bytes, except the two header counters SQLite bumps on every open.

    Opening a workspace switches it to WAL and back on close, which increments the file
    change counter (bytes 24-27) and its copy (92-95); everything else must stay identical.
    """
    data = bytearray(path.read_bytes())
    data[24:28] = data[92:96] = b"\0\0\0\0"
    return hashlib.sha256(bytes(data)).hexdigest()


def integrity(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def row_counts(path: Path, tables: tuple[str, ...]) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        con.close()


def pdf_pages(path: Path) -> int:
    """Pages of a PDF that parses completely (pypdf, strict), or an AssertionError."""
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), path
    reader = PdfReader(path, strict=True)
    for page in reader.pages:  # every page's drawing decodes: nothing is cut off
        assert page.get_contents() is not None and page.get_contents().get_data()
    return len(reader.pages)


def one_line(text: str) -> str:
    """The single line a refusal prints, or an AssertionError naming what came instead."""
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    assert "Traceback" not in text, text
    return lines[0]


def document_counts(document: bytes) -> dict[str, int]:
    data = json.loads(document)
    return {k: len(v) for k, v in data.items() if isinstance(v, list)}


# -- many commands, one start-up: `python reliability_tools.py SPEC.json` -----------------------


def fork_each(spec: Path) -> None:
    """Run each command of `spec` ({name: [args]}) in its own forked process, all at once.

    Writes NAME.out (stdout and stderr) and NAME.rc beside `spec`. Used where a fork server
    cannot go: inside a private mount namespace, or as another user.
    """
    from okrdesk.cli import main

    commands: dict[str, list[str]] = json.loads(spec.read_text())
    children = {}
    for name, argv in commands.items():
        pid = os.fork()
        if pid == 0:
            try:
                _to_log(str(spec.with_name(f"{name}.out")))
                code = main(argv)
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(locals().get("code", 70))
        children[pid] = name
    for pid, name in children.items():
        _, status = os.waitpid(pid, 0)
        spec.with_name(f"{name}.rc").write_text(str(os.waitstatus_to_exitcode(status)))


if __name__ == "__main__":
    fork_each(Path(sys.argv[1]))


def exported(path: Path, fmt: str) -> bytes:
    """The workspace at `path` exported as "json" or "csv" (the fuzz tests compare these)."""
    from okrdesk.interchange import csv_format, json_format
    from okrdesk.services.workspace import Workspace

    with Workspace.open(path) as ws:
        return json_format.export_json(ws) if fmt == "json" else csv_format.export_csv(ws)
