"""Open, create, copy and close a workspace; the unit of work every service runs in."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from okrdesk.atomic import copy_file as atomic_copy_file
from okrdesk.atomic import remove_database_quietly as _remove_quietly
from okrdesk.db import migrate
from okrdesk.db.base import new_id
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
    sqlite_reason,
)
from okrdesk.errors import (
    OkrDeskError,
    ValidationError,
    WorkspaceFileError,
    WorkspaceLockedError,
)

__all__ = ["Change", "OpenReport", "Workspace"]


@dataclass(frozen=True)
class Change:
    """What one committed service call changed, for views to refresh from."""

    kind: str  # entity kind, e.g. "objective"; "*" for a wholesale change (import, undo of many)
    ids: tuple[str, ...] = ()
    action: str = "update"  # "create" | "update" | "delete" | "reorder" | "move"


@dataclass
class OpenReport:
    """What happened while opening: e.g. an older file that was backed up and migrated."""

    migrated_from: int | None = None
    backup: Path | None = None
    notices: list[str] = field(default_factory=list)


class Workspace:
    """One open `.okrdesk` file. Create with :meth:`create` or :meth:`open`."""

    def __init__(self, path: Path, report: OpenReport | None = None) -> None:
        self.path = path
        self.report = report or OpenReport()
        self._engine = make_engine(path)
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)
        self._listeners: list[Callable[[Change], None]] = []
        self._closed = False

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
    def open(cls, path: str | os.PathLike[str]) -> Workspace:
        """Open a workspace; an older one is first copied aside, then migrated."""
        path = Path(path)
        version = check_openable(path)
        report = OpenReport()
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
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
        ws = cls(path, report)
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
        self._closed = True
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

    def _let_go(self) -> None:
        self._closed = True
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
    def write(self, change: Change | None = None) -> Iterator[Session]:
        """One service call = one transaction; listeners hear of it once it is committed."""
        self._require_open()
        session = self._sessions()
        try:
            with session.begin():
                yield session
        except IntegrityError as exc:
            raise ValidationError(_integrity_message(exc)) from exc
        except DBAPIError as exc:
            if is_locked(exc):
                raise locked_error(self.path) from exc
            raise OkrDeskError(
                f"{self.path}: the change could not be saved ({sqlite_reason(exc)})"
            ) from exc
        finally:
            session.close()
        if change is not None:
            self.notify(change)

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        self._require_open()
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

    def subscribe(self, listener: Callable[[Change], None]) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def notify(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    # -- the foundation -----------------------------------------------------------------------

    def info(self) -> WorkspaceInfo:
        with self.read() as s:
            info = s.scalars(select(WorkspaceInfo)).first()
            if info is None:
                raise WorkspaceFileError(f"{self.path}: the workspace record is missing")
            return info

    def _require_open(self) -> None:
        if self._closed:
            raise OkrDeskError("the workspace is closed")


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
