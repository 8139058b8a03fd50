"""The `.okrdesk` file: recognising it, creating it, migrating it and copying it.

A workspace is a SQLite database that says what it is in its header
(``PRAGMA application_id``) and which schema it holds (``PRAGMA user_version``,
kept in step with the Alembic revision). Everything that decides whether a file
may be opened reads the header bytes only, so a refused file is never touched.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event

from okrdesk.errors import WorkspaceFileError

APPLICATION_ID = 0x4F4B5244  # "OKRD"
SQLITE_MAGIC = b"SQLite format 3\x00"
# Alembic revisions in order; a file's user_version is its index + 1.
SCHEMA_REVISIONS = ("0001_core", "0002_kpis_workshops")
SCHEMA_VERSION = len(SCHEMA_REVISIONS)
FILE_SUFFIX = ".okrdesk"


def read_header(path: Path) -> tuple[int, int]:
    """Return (application_id, user_version) of a workspace file, or refuse it."""
    if not path.exists():
        raise WorkspaceFileError(f"{path}: no such file")
    if path.is_dir():
        raise WorkspaceFileError(f"{path}: is a folder, not a workspace file")
    try:
        with path.open("rb") as f:
            header = f.read(100)
    except OSError as exc:
        raise WorkspaceFileError(f"{path}: cannot be read ({exc.strerror})") from exc
    if not header:
        raise WorkspaceFileError(f"{path}: the file is empty (0 bytes), not a workspace")
    if not header.startswith(SQLITE_MAGIC):
        raise WorkspaceFileError(f"{path}: not an OKR Desk workspace (not a SQLite database)")
    if len(header) < 100:
        raise WorkspaceFileError(f"{path}: the file is truncated (damaged header)")
    user_version = int.from_bytes(header[60:64], "big")
    application_id = int.from_bytes(header[68:72], "big")
    if application_id != APPLICATION_ID:
        raise WorkspaceFileError(f"{path}: a SQLite database, but not an OKR Desk workspace")
    return application_id, user_version


def check_openable(path: Path) -> int:
    """Refuse foreign, newer or damaged files; return the file's schema version."""
    _, version = read_header(path)
    if version > SCHEMA_VERSION:
        raise WorkspaceFileError(
            f"{path}: made by a newer OKR Desk (schema {version}; this version reads up to "
            f"{SCHEMA_VERSION}); please update OKR Desk"
        )
    if version < 1:
        raise WorkspaceFileError(f"{path}: not an OKR Desk workspace (no schema version)")
    _check_integrity(path)
    return version


def _check_integrity(path: Path) -> None:
    # Read-only and immutable: the check itself must not write -wal/-shm or touch the file.
    uri = f"file:{path.resolve()}?mode=ro&immutable=1"
    try:
        con = sqlite3.connect(uri, uri=True)
        try:
            rows = con.execute("PRAGMA quick_check").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise WorkspaceFileError(f"{path}: the workspace is damaged ({exc})") from exc
    if rows != [("ok",)]:
        raise WorkspaceFileError(f"{path}: the workspace is damaged ({rows[0][0]})")


def backup_path_for(path: Path, version: int) -> Path:
    """Where the copy made before migrating a schema-`version` file goes."""
    candidate = path.with_name(f"{path.stem}.schema{version}-backup{path.suffix}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.schema{version}-backup-{n}{path.suffix}")
        n += 1
    return candidate


def make_engine(path: Path) -> Engine:
    """An engine with foreign keys on and a crash-safe journal."""
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        # WAL: cheap commits; synchronous FULL: a commit survives a crash or power loss.
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA busy_timeout = 5000")
        cursor.close()

    return engine


def stamp_header(engine: Engine, version: int) -> None:
    with engine.begin() as con:
        con.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        con.exec_driver_sql(f"PRAGMA user_version = {int(version)}")


def fold_back(engine: Engine) -> None:
    """Checkpoint the WAL into the main file and leave it standing alone, ready to copy."""
    with engine.connect() as con:
        con.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        con.exec_driver_sql("PRAGMA journal_mode = DELETE")
    engine.dispose()


def create_temp_beside(destination: Path) -> tuple[int, str]:
    """Open a new temporary file next to `destination`, to be renamed over it when complete.

    Not tempfile.mkstemp: its files are private (0600); what we save gets the usual
    permissions (0666 less the umask), like any file the user saves.
    """
    while True:
        tmp = destination.with_name(f".{destination.name}.{secrets.token_hex(4)}.tmp")
        with contextlib.suppress(FileExistsError):
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            return os.open(tmp, flags, 0o666), str(tmp)


def copy_database(engine: Engine, destination: Path) -> None:
    """Write a consistent copy with SQLite's backup API, atomically (temp file + rename)."""
    destination = destination.resolve()
    fd, tmp_name = create_temp_beside(destination)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        raw = engine.raw_connection()
        try:
            target = sqlite3.connect(tmp)
            try:
                raw.driver_connection.backup(target)  # type: ignore[union-attr]
                target.execute("PRAGMA journal_mode = DELETE")
            finally:
                target.close()
        finally:
            raw.close()
        _fsync(tmp)
        os.replace(tmp, destination)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def atomic_copy_file(source: Path, destination: Path) -> None:
    """Copy a closed file byte for byte, atomically."""
    fd, tmp_name = create_temp_beside(destination)
    os.close(fd)
    try:
        shutil.copyfile(source, tmp_name)
        _fsync(Path(tmp_name))
        os.replace(tmp_name, destination)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
