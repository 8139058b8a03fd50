"""Writing interchange output and new workspaces so that nothing half-written looks complete."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, NoReturn

from sqlalchemy.exc import DBAPIError

from okrdesk import atomic
from okrdesk.db.workspace_file import sqlite_reason
from okrdesk.errors import InterchangeError, OkrDeskError, WorkspaceFileError
from okrdesk.plain_files import NotPlainFile, read_at_most
from okrdesk.services.workspace import Workspace


def write_export(ws: Workspace, destination: Path, data: bytes) -> None:
    """Write an export atomically, never over the open workspace itself."""
    destination = Path(destination)
    if destination.resolve() == Path(ws.path).resolve():
        raise InterchangeError(f"{destination}: that is the open workspace; choose another name")
    write_atomically(destination, data)


def write_export_with(
    ws: Workspace, destination: Path, produce: Callable[[BinaryIO], None]
) -> None:
    """Like :func:`write_export`, for an export written piece by piece into a binary file
    by `produce`: the file appears whole at `destination`, or not at all."""
    destination = Path(destination)
    if destination.resolve() == Path(ws.path).resolve():
        raise InterchangeError(f"{destination}: that is the open workspace; choose another name")
    try:
        with atomic.writing(destination) as out:
            produce(out)
    except OSError as exc:
        raise InterchangeError(f"{destination}: cannot be written ({exc.strerror})") from exc


def write_atomically(destination: Path, data: bytes) -> None:
    """Write to a temporary file beside `destination`, flush it to disk, then rename."""
    destination = Path(destination)
    try:
        atomic.write_bytes(destination, data)
    except OSError as exc:
        raise InterchangeError(f"{destination}: cannot be written ({exc.strerror})") from exc


@contextlib.contextmanager
def new_workspace_file(destination: Path, name: str) -> Iterator[Workspace]:
    """A fresh workspace that appears at `destination` only if the block succeeds."""
    destination = Path(destination)
    if destination.exists():
        raise WorkspaceFileError(
            f"{destination}: a file already exists there (use --into to merge into it)"
        )
    tmp = destination.with_name(f".{destination.name}.importing")
    atomic.remove_database_quietly(tmp)
    try:
        ws = Workspace.create(tmp, name)
    except OkrDeskError as exc:
        _raise_about(destination, tmp, exc)
    try:
        yield ws
        # The log must be folded back before the file moves: a file renamed without it
        # would look complete and hold a half-written database (e.g. on a full disk).
        try:
            ws.close(strict=True)
        except WorkspaceFileError as exc:
            reason = sqlite_reason(exc.__cause__ or exc)
            raise WorkspaceFileError(f"{destination}: cannot be written ({reason})") from exc
        os.replace(tmp, destination)
    except BaseException as exc:
        ws.close()
        atomic.remove_database_quietly(tmp)
        if isinstance(exc, OSError):
            raise WorkspaceFileError(
                f"{destination}: cannot be written ({exc.strerror or exc})"
            ) from exc
        if isinstance(exc, DBAPIError):  # a bulk writer's insert failed (a full disk)
            raise WorkspaceFileError(
                f"{destination}: cannot be written ({sqlite_reason(exc)})"
            ) from exc
        if isinstance(exc, OkrDeskError) and not isinstance(exc, InterchangeError):
            _raise_about(destination, tmp, exc)
        raise


def _raise_about(destination: Path, tmp: Path, exc: OkrDeskError) -> NoReturn:
    """The same refusal, naming the file the person asked for, not our temporary one."""
    text = str(exc)
    if not text.startswith(f"{tmp}: "):
        raise exc
    raise WorkspaceFileError(f"{destination}: {text.removeprefix(f'{tmp}: ')}") from exc


# The most an import reads (documented in the README): far above any real workspace's
# export (1,000 teams are ~30 MB of JSON), far below what would exhaust memory.
IMPORT_LIMIT = 200 * 1024 * 1024


def read_input(path: Path, limit: int = IMPORT_LIMIT) -> bytes:
    """The bytes of a file to import: a plain file of at most `limit` bytes, or a refusal."""
    try:
        data = read_at_most(Path(path), limit)
    except NotPlainFile as exc:  # a pipe would wait forever, /dev/zero never ends
        raise InterchangeError(f"{path}: is {exc.kind}, not a file to import") from None
    except FileNotFoundError:
        raise InterchangeError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InterchangeError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise InterchangeError(f"{path}: cannot be read ({exc.strerror})") from exc
    if data is None:
        raise InterchangeError(
            f"{path}: larger than {limit // (1024 * 1024)} MB, more than OKR Desk imports"
        )
    return data
