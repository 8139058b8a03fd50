"""A PDF is written whole or not at all."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from okrdesk.reports import ReportError, sheets_data, write_sheets
from okrdesk.reports.document import write_atomically
from okrdesk.services.workspace import Workspace


def test_a_failing_build_leaves_neither_a_file_nor_a_temporary(tmp_path: Path) -> None:
    def build(out) -> None:
        out.write(b"%PDF-1.4 half a document")
        raise RuntimeError("the layout broke")

    with pytest.raises(RuntimeError):
        write_atomically(tmp_path / "report.pdf", build)
    assert list(tmp_path.iterdir()) == []


def test_a_failing_build_keeps_the_previous_report(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"%PDF-1.4 the old one")

    def build(out) -> None:
        out.write(b"%PDF-1.4 new")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, build)
    assert target.read_bytes() == b"%PDF-1.4 the old one"
    assert list(tmp_path.iterdir()) == [target]


def test_a_missing_folder_is_a_clear_error(demo_ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="does not exist"):
        write_sheets(sheets_data(demo_ws, team="Workshop"), tmp_path / "nope" / "x.pdf")


KILLED_BUILD = """
import sys, time
from pathlib import Path
from okrdesk.reports.document import write_atomically

def build(out):
    out.write(b"%PDF-1.4 partial")
    out.flush()
    print("writing", flush=True)
    time.sleep(60)

write_atomically(Path(sys.argv[1]), build)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_process_leaves_no_report_behind(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_BUILD, str(target)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "writing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)  # reaped: it writes nothing more
    assert not target.exists()
    # Only a hidden temporary file remains, which nobody mistakes for the report.
    assert all(p.name.startswith(".report.pdf.") and p.suffix == ".tmp" for p in tmp_path.iterdir())


def test_progress_is_reported_and_cancel_leaves_nothing(tmp_path: Path, demo_ws) -> None:
    from okrdesk.reports import ReportCancelled, booklet_data, write_booklet

    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    data = booklet_data(demo_ws)
    seen: list[tuple[int, int]] = []
    write_booklet(
        data, tmp_path / "all.pdf", progress=lambda done, total: seen.append((done, total))
    )
    assert seen and seen[-1][0] >= len(data.sheets.teams)
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)  # it only moves forward

    def stop_after_three(done: int, _total: int) -> None:
        if done > 3:
            raise ReportCancelled("stopped by the person exporting")

    target = tmp_path / "cancelled.pdf"
    with pytest.raises(ReportCancelled):
        write_booklet(data, target, progress=stop_after_three)
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
