"""The `.okrdesk` file: recognising it, creating it, migrating it and copying it.

A workspace is a SQLite database that says what it is in its header
(``PRAGMA application_id``) and which schema it holds (``PRAGMA user_version``,
kept in step with the Alembic revision). Everything that decides whether a file
may be opened reads the header bytes only, so a refused file is never touched.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
import tempfile
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError

from okrdesk.atomic import SQLITE_LOGS, replacing
from okrdesk.db import schema_check
from okrdesk.db.header import (
    APPLICATION_ID,
    SCHEMA_REVISIONS,
    SCHEMA_VERSION,
    SQLITE_MAGIC,
    read_header,
)
from okrdesk.errors import WorkspaceFileError, WorkspaceLockedError

# The header's rules need no SQLAlchemy (start-up reads them first); callers import them here.
__all__ = [
    "APPLICATION_ID",
    "FILE_SUFFIX",
    "SCHEMA_REVISIONS",
    "SCHEMA_VERSION",
    "SQLITE_MAGIC",
    "read_header",
]

FILE_SUFFIX = ".okrdesk"
# How long a statement waits for another program's lock before giving up. A lock held by
# another OKR Desk lasts one transaction (milliseconds; a large import about a second).
BUSY_TIMEOUT_MS = 5000


def is_locked(exc: BaseException) -> bool:
    """Whether a SQLite error (raw or wrapped by SQLAlchemy) says another connection has a lock."""
    if isinstance(exc, DBAPIError):
        exc = exc.orig  # type: ignore[assignment]
    if not isinstance(exc, sqlite3.Error):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "is locked" in str(exc)


def locked_error(path: Path) -> WorkspaceLockedError:
    return WorkspaceLockedError(
        f"{path}: the workspace is locked by another program (another OKR Desk window or a "
        "sync tool?); try again when it has finished"
    )


def sqlite_reason(exc: BaseException) -> str:
    """A short, plain reason for a SQLite error met while writing a file."""
    if isinstance(exc, DBAPIError):
        exc = exc.orig  # type: ignore[assignment]
    code = getattr(exc, "sqlite_errorcode", 0) or 0
    if code & 0xFF == sqlite3.SQLITE_FULL:
        return "the disk is full"
    if code & 0xFF == sqlite3.SQLITE_IOERR:
        # SQLite does not pass on the system's reason; full disks and size limits end here.
        return f"the disk refused the write ({exc}); it may be full"
    if code & 0xFF == sqlite3.SQLITE_READONLY:
        return "the location is read-only"
    if code & 0xFF == sqlite3.SQLITE_CANTOPEN:
        return "the file cannot be created or opened there"
    return str(exc)


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
    _check_integrity(path, version)
    return version


def _refuse_odd_logs(path: Path) -> None:
    """SQLite's logs beside a file are its own plain files: a link planted at such a name
    (or a pipe, a folder) is refused, so nothing is ever written through it."""
    for suffix in SQLITE_LOGS:
        log = Path(f"{path}{suffix}")
        try:
            mode = log.lstat().st_mode
        except OSError:
            continue  # absent: SQLite creates it as a new file
        if not stat.S_ISREG(mode):
            kind = "a link" if stat.S_ISLNK(mode) else "not a plain file"
            raise WorkspaceFileError(
                f"{path}: not opened, {log.name} beside it is {kind} (OKR Desk never makes "
                "one; remove it if you did not put it there)"
            )


def _check_integrity(path: Path, version: int) -> None:
    _refuse_odd_logs(path)
    logs = [log for log in _logs_beside(path) if log.stat().st_size > 0]
    if logs:
        # A log beside the file (left by a crash, or the file is open elsewhere): the file
        # alone is not the workspace. After a crash inside a checkpoint or a rollback-mode
        # write it is half old, half new, and SQLite repairs it from the log on open.
        _check_with_logs(path, logs, version)
        return
    # Read-only and immutable: the check itself must not write -wal/-shm or touch the file.
    # as_uri() escapes what a file name may hold but a URI may not (#, ?, %, spaces).
    _inspect(path, f"{path.resolve().as_uri()}?mode=ro&immutable=1", version)


def _logs_beside(path: Path) -> list[Path]:
    found = []
    for suffix in ("-wal", "-journal"):
        log = Path(f"{path}{suffix}")
        with contextlib.suppress(OSError):
            if log.is_file():
                found.append(log)
    return found


def _check_with_logs(path: Path, logs: list[Path], version: int) -> None:
    """Judge what opening would find: check a private copy, so the originals stay untouched."""
    with tempfile.TemporaryDirectory(prefix="okrdesk-check-") as folder:
        copy = Path(folder) / "check.okrdesk"
        try:
            shutil.copyfile(path, copy)
            for log in logs:
                shutil.copyfile(log, f"{copy}{log.name.removeprefix(path.name)}")
        except OSError:
            return  # no room to check a copy: opening the file itself will find real damage
        # SQLite finds the logs beside the copy and uses them.
        _inspect(path, copy.as_uri(), version)


def _inspect(path: Path, uri: str, version: int) -> None:
    """Refuse a damaged file, a file whose schema is not ours (a planted trigger or view)
    and a file whose recorded revision is not the one its header says."""
    try:
        con = sqlite3.connect(uri, uri=True)
        try:
            rows = con.execute("PRAGMA quick_check").fetchall()
            if rows != [("ok",)]:
                raise WorkspaceFileError(f"{path}: the workspace is damaged ({rows[0][0]})")
            foreign = schema_check.foreign_entry(schema_check.file_shape(con), version)
            if foreign is not None:
                raise WorkspaceFileError(
                    f"{path}: not opened, {foreign} (a file from elsewhere may be hostile)"
                )
            revision = schema_check.recorded_revision(con)
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise WorkspaceFileError(f"{path}: the workspace is damaged ({exc})") from exc
    if revision != SCHEMA_REVISIONS[version - 1]:
        raise WorkspaceFileError(
            f"{path}: not opened, its recorded schema revision is not the one its header names "
            f"(schema {version}); it was not made by OKR Desk, or by a version unknown to this one"
        )


def backup_path_for(path: Path, version: int) -> Path:
    """Where the copy made before migrating a schema-`version` file goes."""
    candidate = path.with_name(f"{path.stem}.schema{version}-backup{path.suffix}")
    n = 2
    while os.path.lexists(candidate):  # a link planted there is never written through
        candidate = path.with_name(f"{path.stem}.schema{version}-backup-{n}{path.suffix}")
        n += 1
    return candidate


def make_engine(path: Path) -> Engine:
    """An engine with foreign keys on and a crash-safe journal."""
    # URL.create, not "sqlite:///{path}": a "?" or "#" in a file name is not a URL query.
    engine = create_engine(URL.create("sqlite", database=str(path)))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        # The delete half of an INSERT OR REPLACE fires delete triggers too: nothing a
        # transaction writes escapes the recorder (okrdesk.db.capture).
        cursor.execute("PRAGMA recursive_triggers = ON")
        # synchronous FULL: a commit survives a crash or power loss. The journal mode is
        # left as the file has it: switching it writes the file, and a workspace opened
        # only to look must stay byte for byte as it was (`use_wal` after the first change).
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.close()

    return engine


def use_wal(path: Path) -> bool:
    """Switch the file to write-ahead logging (cheap commits, readers never wait for a
    writer); done once a change has been committed anyway. False when another program
    holds the file just then: it stays in rollback mode, which is as safe, only slower.

    On a connection of its own: switched on one that has run statements, a later
    checkpoint there fails ("database table is locked")."""
    try:
        con = sqlite3.connect(path, timeout=0)  # never keep a person waiting for it
        try:
            mode = con.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return str(mode).lower() == "wal"


def make_reader_engine(path: Path) -> Engine:
    """An engine that only reads: the file is opened read-only and its journal mode is
    left as it is, so a command that only reads changes no byte of it (a sync tool would
    upload it again; a read-only share would refuse it)."""
    uri = f"{path.resolve().as_uri()}?mode=ro"

    def connect() -> sqlite3.Connection:
        con = sqlite3.connect(uri, uri=True, check_same_thread=False)
        con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        con.execute("PRAGMA query_only = ON")
        return con

    return create_engine(URL.create("sqlite", database=str(path)), creator=connect)


def stands_alone(path: Path) -> bool:
    """No log beside the file: the file alone is the whole workspace."""
    return not any(log.stat().st_size > 0 for log in _logs_beside(path))


def stamp_header(engine: Engine, version: int) -> None:
    with engine.begin() as con:
        con.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        con.exec_driver_sql(f"PRAGMA user_version = {int(version)}")


def fold_back(engine: Engine) -> None:
    """Checkpoint the WAL into the main file and leave it standing alone, ready to copy."""
    # On a fresh connection: one opened before `use_wal` switched the file still takes it
    # for rollback mode, and its "back to DELETE" would do nothing.
    engine.dispose()
    with engine.connect() as con:
        con.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        con.exec_driver_sql("PRAGMA journal_mode = DELETE")
    engine.dispose()


def copy_database(engine: Engine, destination: Path) -> None:
    """Write a consistent copy with SQLite's backup API, atomically (temp file + rename).

    Raises OSError, or WorkspaceFileError when SQLite fails (a full disk, a lock); either
    way no file appears at `destination` and nothing is left beside it.
    """
    destination = destination.resolve()
    try:
        with replacing(destination, sqlite=True) as tmp:
            _backup(engine, tmp)
    except (sqlite3.Error, DBAPIError) as exc:
        if is_locked(exc):
            raise WorkspaceFileError(
                f"{destination}: the copy could not be written (the workspace is locked by "
                "another program; try again)"
            ) from exc
        raise WorkspaceFileError(
            f"{destination}: the copy could not be written ({sqlite_reason(exc)})"
        ) from exc


def _backup(engine: Engine, target_path: Path) -> None:
    raw = engine.raw_connection()
    try:
        target = sqlite3.connect(target_path)
        try:
            raw.driver_connection.backup(target)  # type: ignore[union-attr]
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    finally:
        raw.close()
