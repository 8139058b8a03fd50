"""okrdesk.atomic: a file written whole or not at all, by every writer of the core."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from okrdesk import atomic


def test_a_written_file_replaces_the_old_one_with_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    atomic.write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's private 0600
    assert os.listdir(tmp_path) == ["out.json"]


def test_a_failing_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    with pytest.raises(KeyboardInterrupt), atomic.writing(target) as out:
        out.write(b"half a document")
        raise KeyboardInterrupt
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["out.pdf"]


def test_a_failing_copy_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        atomic.copy_file(tmp_path / "missing.okrdesk", tmp_path / "copy.okrdesk")
    assert os.listdir(tmp_path) == []


def test_a_failed_database_copy_takes_the_logs_sqlite_left_with_it(tmp_path: Path) -> None:
    target = tmp_path / "copy.okrdesk"
    with pytest.raises(RuntimeError), atomic.replacing(target, sqlite=True) as tmp:
        assert tmp.parent == tmp_path and tmp.name.startswith(".copy.okrdesk.")
        Path(f"{tmp}-journal").write_bytes(b"log")
        raise RuntimeError("the backup failed")
    assert os.listdir(tmp_path) == []
