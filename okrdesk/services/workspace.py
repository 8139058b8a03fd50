"""Open, create, copy and close a workspace; the unit of work every service runs in.

Every write runs in :meth:`Workspace.write`: the one road for changes. It takes the
file's write lock at once (so what a service reads before writing stays true until it
commits), records each row the transaction writes (:mod:`okrdesk.db.capture`), judges
them by the rules every change obeys (:mod:`okrdesk.services.rules`), notes the change
in the file's change log for other windows and processes, commits, and then tells the
listeners what changed (:class:`~okrdesk.services.changes.Changes`).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from okrdesk.atomic import copy_file as atomic_copy_file
from okrdesk.atomic import remove_database_quietly as _remove_quietly
from okrdesk.db import capture, migrate
from okrdesk.db.base import new_id, utc_now
from okrdesk.db.capture import RowChange
from okrdesk.db.models import WorkspaceInfo
from okrdesk.db.workspace_file import (
    SCHEMA_VERSION,
    backup_path_for,
    check_openable,
    copy_database,
    fold_back,
    is_locked,
    locked_error,
    make_engine,
    make_reader_engine,
    sqlite_reason,
    stands_alone,
    use_wal,
)
from okrdesk.errors import (
    OkrDeskError,
    ValidationError,
    WorkspaceFileError,
    WorkspaceLockedError,
)
from okrdesk.services import rules
from okrdesk.services.changes import Changes

__all__ = ["Changes", "OpenReport", "Recording", "Workspace", "WorkspaceRecord"]

READ_ONLY_NOTICE = (
    "Read-only: this file or its folder cannot be written. To change it, save a copy "
    "somewhere writable (File → Save a copy as…)."
)
# The change log keeps this many entries; a window that fell further behind reloads all.
CHANGE_LOG_KEEP = 500


@dataclass(frozen=True)
class WorkspaceRecord:
    """The workspace's own row: the organisation, its foundation and its settings."""

    id: str
    name: str
    mission: str
    vision: str
    strategy: str
    settings: dict[str, Any]
    created_at: datetime | None


@dataclass
class Recording:
    """What the writes of one operation committed: their rows, and the first label given."""

    rows: list[RowChange] = field(default_factory=list)
    label: str = ""


@dataclass
class OpenReport:
    """What happened while opening: e.g. an older file that was backed up and migrated."""

    migrated_from: int | None = None
    backup: Path | None = None
    notices: list[str] = field(default_factory=list)


class Workspace:
    """One open `.okrdesk` file. Create with :meth:`create` or :meth:`open`."""

    def __init__(
        self, path: Path, report: OpenReport | None = None, *, reading_only: bool = False
    ) -> None:
        self.path = path
        self.report = report or OpenReport()
        self.reading_only = reading_only  # opened by `open(…, read_only=True)`: never writes
        self._engine = make_reader_engine(path) if reading_only else make_engine(path)
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)
        self._listeners: list[Callable[[Changes], None]] = []
        self._closed = False
        # Who wrote an entry of the change log: this open workspace, or someone else.
        self.origin = secrets.token_hex(8)
        self._local = threading.local()  # each thread's open recordings (see `recording`)
        self._watcher: sqlite3.Connection | None = None
        self._wal = False  # switched to write-ahead logging (after its first change)
        self._seen: tuple[int, int] = (0, 0)  # (data_version, last change-log entry) read

    # -- life cycle ---------------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike[str], name: str = "My organisation") -> Workspace:
        """Create a new, empty workspace file; refuse to overwrite an existing file."""
        path = Path(path)
        if path.exists():
            raise WorkspaceFileError(f"{path}: a file already exists there")
        if not path.parent.is_dir():
            raise WorkspaceFileError(f"{path.parent}: no such folder")
        if not os.access(path.parent, os.W_OK):
            raise WorkspaceFileError(f"{path}: cannot be written (the folder is read-only)")
        tmp = path.with_name(f".{path.name}.creating")
        _remove_quietly(tmp)  # a leftover of a crash
        try:
            engine = make_engine(tmp)
            migrate.create_schema(engine)
            with engine.begin() as con:
                con.execute(
                    WorkspaceInfo.__table__.insert().values(
                        id=new_id(), name=name.strip() or "My organisation", settings={}
                    )
                )
            fold_back(engine)
            os.replace(tmp, path)
        except OSError as exc:
            _remove_quietly(tmp)
            raise WorkspaceFileError(f"{path}: cannot be written ({exc.strerror})") from exc
        except DBAPIError as exc:  # e.g. the disk filled up while the tables were made
            engine.dispose()
            _remove_quietly(tmp)
            raise WorkspaceFileError(f"{path}: cannot be written ({sqlite_reason(exc)})") from exc
        except BaseException:
            _remove_quietly(tmp)
            raise
        return cls(path)

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, read_only: bool = False) -> Workspace:
        """Open a workspace; an older one is first copied aside, then migrated.

        ``read_only`` (for commands that only read): the file is read as it stands and not
        one byte of it changes. A file that needs more than reading (an older schema to
        upgrade, a log beside it to fold back) is opened as usual."""
        path = Path(path)
        version = check_openable(path)
        if read_only and version == SCHEMA_VERSION and stands_alone(path):
            return cls._opened(cls(path, reading_only=True))
        report = OpenReport()
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            if version == SCHEMA_VERSION and stands_alone(path):
                # Shown and printed as it is; a change is refused with the reason.
                report.notices.append(READ_ONLY_NOTICE)
                return cls._opened(cls(path, report, reading_only=True))
            raise WorkspaceFileError(
                f"{path}: the file or its folder is read-only; copy it somewhere writable"
            )
        if version < SCHEMA_VERSION:
            backup = backup_path_for(path, version)
            try:
                atomic_copy_file(path, backup)
            except OSError as exc:
                raise WorkspaceFileError(
                    f"{path}: cannot be upgraded, its backup {backup.name} could not be written "
                    f"({exc.strerror}); the file was left as it was"
                ) from exc
            report.migrated_from, report.backup = version, backup
            report.notices.append(f"Upgraded from schema {version}; the original is at {backup}")
            engine = make_engine(path)
            try:
                migrate.upgrade(engine)
                fold_back(engine)
            except BaseException as exc:  # the upgrade is one transaction: all or nothing
                with contextlib.suppress(DBAPIError):
                    fold_back(engine)
                engine.dispose()
                if is_locked(exc):
                    raise locked_error(path) from exc
                if isinstance(exc, DBAPIError):
                    raise WorkspaceFileError(
                        f"{path}: cannot be upgraded ({sqlite_reason(exc)}); the original is at "
                        f"{backup}"
                    ) from exc
                raise
        return cls._opened(cls(path, report))

    @staticmethod
    def _opened(ws: Workspace) -> Workspace:
        path = ws.path
        try:
            ws.info()  # touch the file once so a locked or broken file fails here, clearly
        except WorkspaceLockedError:
            ws._let_go()  # nothing was written: folding back would only wait a second time
            raise
        except DBAPIError as exc:  # e.g. no room on the disk for the log beside the file
            ws.close()
            raise WorkspaceFileError(f"{path}: cannot be opened ({sqlite_reason(exc)})") from exc
        except BaseException:
            ws.close()
            raise
        return ws

    def close(self, *, strict: bool = False) -> None:
        """Fold the write-ahead log back so the file stands alone, then let go of it.

        If the log cannot be folded back (a full disk, another program reading), nothing is
        lost: the log stays beside the file and is read on the next open. ``strict`` raises
        WorkspaceFileError then, for callers that go on to move the file on its own.
        """
        if self._closed:
            return
        if self.reading_only:  # nothing to fold back: nothing was written
            self._let_go()
            return
        self._closed = True
        self._stop_watching()
        try:
            fold_back(self._engine)
        except DBAPIError as exc:
            self._engine.dispose()
            if strict:
                reason = "it is in use by another program" if is_locked(exc) else None
                raise WorkspaceFileError(
                    f"{self.path}: could not be completed ({reason or sqlite_reason(exc)})"
                ) from exc
        self._engine.dispose()

    @property
    def closed(self) -> bool:
        return self._closed

    def _let_go(self) -> None:
        self._closed = True
        self._stop_watching()
        self._engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def save_copy(self, destination: str | os.PathLike[str]) -> Path:
        """Write a consistent copy of the open workspace to `destination` (SQLite backup API)."""
        destination = Path(destination)
        if destination.resolve() == self.path.resolve():
            raise WorkspaceFileError("choose another file name than the open workspace")
        try:
            copy_database(self._engine, destination)
        except OSError as exc:
            raise WorkspaceFileError(
                f"{destination}: the copy could not be written ({exc.strerror})"
            ) from exc
        return destination

    # -- units of work (services only) --------------------------------------------------------

    @contextlib.contextmanager
    def write(self, label: str = "") -> Iterator[Session]:
        """One service call = one transaction, recorded and judged by the rules; listeners
        hear of it once it is committed. Raises OkrDeskError and writes nothing when refused.

        A write inside a write (in the same thread) joins it: an operation made of several
        service calls is still one transaction, all or nothing, and one change. The first
        label given names the change; a service may name it once it knows what it did
        (:func:`name_change`).
        """
        self._require_open()
        if self.reading_only:
            raise WorkspaceFileError(
                f"{self.path}: nothing was changed, the file or its folder is read-only; copy "
                "it somewhere writable to change it"
            )
        joined = getattr(self._local, "session", None)
        if joined is not None:
            if label:
                name_change(joined, label)
            yield joined
            return
        session = self._sessions()
        self._local.session = session
        try:
            with session.begin():
                con = session.connection()
                capture.begin(con)
                if label:
                    name_change(session, label)
                yield session
                session.flush()
                rows = capture.collect(con)
                rules.check(con, rows, restoring=bool(session.info.get("restoring")))
                label = session.info.get("label", "")
                changes = Changes.of_rows(rows)
                if rows:
                    self._log(con, label, changes)
        except IntegrityError as exc:
            raise ValidationError(_integrity_message(exc)) from exc
        except DBAPIError as exc:
            if is_locked(exc):
                raise locked_error(self.path) from exc
            raise OkrDeskError(
                f"{self.path}: the change could not be saved ({sqlite_reason(exc)})"
            ) from exc
        finally:
            self._local.session = None
            session.close()
        if rows:
            if not self._wal:
                self._wal = use_wal(self.path)
            self._committed(rows, label, changes)

    def _log(self, con: Connection, label: str, changes: Changes) -> None:
        entry = con.exec_driver_sql(
            "INSERT INTO change_log (origin, made_at, label, changes) VALUES (?, ?, ?, ?)",
            (self.origin, utc_now().isoformat(sep=" "), label[:200], changes.to_json()),
        )
        if entry.lastrowid % 50 == 0:  # pruned now and then: the log never grows past ~550
            con.exec_driver_sql(
                "DELETE FROM change_log WHERE seq <= ?", (entry.lastrowid - CHANGE_LOG_KEEP,)
            )

    def _committed(self, rows: list[RowChange], label: str, changes: Changes) -> None:
        for recording in self._recordings():
            recording.rows.extend(rows)
            recording.label = recording.label or label
        self.notify(changes)

    # -- recordings (what an operation wrote, for its undo step) ------------------------------

    @contextlib.contextmanager
    def recording(self) -> Iterator[Recording]:
        """Collect the rows (and the first label) of every write this thread commits until
        the block ends."""
        recording = Recording()
        stack = self._recordings()
        stack.append(recording)
        try:
            yield recording
        finally:
            stack.remove(recording)

    def _recordings(self) -> list[Recording]:
        if not hasattr(self._local, "recordings"):
            self._local.recordings = []
        return self._local.recordings

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A session to read with; inside a write (same thread), the write's own, so that
        what it has written so far is seen."""
        self._require_open()
        joined = getattr(self._local, "session", None)
        if joined is not None:
            yield joined
            return
        session = self._sessions()
        try:
            yield session
        except DBAPIError as exc:
            if is_locked(exc):  # another program writes and held on longer than we wait
                raise locked_error(self.path) from exc
            raise
        finally:
            session.close()

    def bulk_engine(self) -> Engine:
        """The engine, for the core's bulk writers (import, generator) that use Core inserts."""
        self._require_open()
        return self._engine

    # -- change notifications -----------------------------------------------------------------

    def subscribe(self, listener: Callable[[Changes], None]) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def notify(self, changes: Changes) -> None:
        for listener in list(self._listeners):
            listener(changes)

    def poll_changes(self) -> Changes | None:
        """What other windows and processes committed since the last poll, told to the
        listeners too; None when nothing new. Cheap enough to call a few times a second:
        SQLite's data_version says whether anyone else committed at all."""
        if self._closed:
            return None
        try:
            found = self._read_log()
        except sqlite3.Error:
            return None  # locked or busy for a moment: the next poll sees it
        if found is not None:
            self.notify(found)
        return found

    def _read_log(self) -> Changes | None:
        if self._watcher is None:
            self._watcher = self._start_watching()
            return None
        version = self._watcher.execute("PRAGMA data_version").fetchone()[0]
        last_version, last_seq = self._seen
        if version == last_version:
            return None
        entries = self._watcher.execute(
            "SELECT seq, origin, changes FROM change_log WHERE seq > ? ORDER BY seq", (last_seq,)
        ).fetchall()
        # No new entry: a checkpoint, or a program that keeps no log (nothing OKR Desk
        # reads a schema-3 file with); every OKR Desk notes each change it commits.
        self._seen = (version, entries[-1][0] if entries else last_seq)
        if entries and entries[0][0] > last_seq + 1:  # fell behind the pruned log
            return Changes.all(local=False)
        foreign = [Changes.from_json(c, local=False) for _s, o, c in entries if o != self.origin]
        if not foreign:
            return None
        merged = foreign[0]
        for more in foreign[1:]:
            merged = merged.merged(more)
        return merged

    def _start_watching(self) -> sqlite3.Connection:
        # A connection of its own: data_version counts the commits of every other one.
        watcher = sqlite3.connect(self.path, check_same_thread=False)
        watcher.execute("PRAGMA query_only = ON")
        version = watcher.execute("PRAGMA data_version").fetchone()[0]
        last = watcher.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0]
        self._seen = (version, last)
        return watcher

    def _stop_watching(self) -> None:
        if self._watcher is not None:
            self._watcher.close()
            self._watcher = None

    # -- the foundation -----------------------------------------------------------------------

    def info(self) -> WorkspaceRecord:
        with self.read() as s:
            info = s.scalars(select(WorkspaceInfo)).first()
            if info is None:
                raise WorkspaceFileError(f"{self.path}: the workspace record is missing")
            return WorkspaceRecord(
                info.id,
                info.name,
                info.mission,
                info.vision,
                info.strategy,
                dict(info.settings or {}),
                info.created_at,
            )

    def _require_open(self) -> None:
        if self._closed:
            raise OkrDeskError("the workspace is closed")


def name_change(session: Session, label: str) -> None:
    """Name the change a write makes, for the Edit menu and the change log (first one wins)."""
    session.info.setdefault("label", label)


def _integrity_message(exc: IntegrityError) -> str:
    text = str(exc.orig)
    if text.startswith("UNIQUE constraint failed"):
        column = text.split(":", 1)[1].strip()
        return f"another item already has this {column.split('.')[-1]}"
    if text.startswith("FOREIGN KEY"):
        return "it refers to an item that does not exist"
    if text.startswith("CHECK constraint failed"):
        return f"a value is out of range ({text.split(':', 1)[1].strip()})"
    return f"the change was refused ({text})"
