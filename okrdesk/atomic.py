"""Writing a file so that it is whole or absent.

Whatever OKR Desk saves for a person (a copy of the workspace, the backup made before an
upgrade, an export, a PDF) is written to a hidden temporary file beside its destination,
``.NAME.1a2b3c4d.tmp``, flushed to disk, then renamed over the destination. A failure, or
a process killed halfway, leaves the previous file (or none) and never a half-written one;
a failure also removes the temporary file.

The bottom layer: imports nothing from OKR Desk. Callers turn an OSError into their own
message.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

# Where the system has it: never open through a symbolic link.
NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
# The files SQLite may keep beside a database while it is open or after a crash.
SQLITE_LOGS = ("-wal", "-shm", "-journal")


def create_temp_beside(destination: Path) -> tuple[int, Path]:
    """Open a new temporary file next to `destination`, to be renamed over it when complete.

    Not tempfile.mkstemp: its files are private (0600); what we save gets the usual
    permissions (0666 less the umask), like any file the user saves.
    """
    destination = Path(destination)
    while True:
        tmp = destination.with_name(f".{destination.name}.{secrets.token_hex(4)}.tmp")
        with contextlib.suppress(FileExistsError):
            # O_EXCL: a new file, never one (or a link) already there.
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | NO_FOLLOW | getattr(os, "O_BINARY", 0)
            return os.open(tmp, flags, 0o666), tmp


@contextlib.contextmanager
def writing(destination: Path) -> Iterator[BinaryIO]:
    """A binary file to write into; it replaces `destination` once the block succeeds."""
    destination = Path(destination)
    fd, tmp = create_temp_beside(destination)
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, destination)
    except BaseException:
        remove_quietly(tmp)
        raise


@contextlib.contextmanager
def replacing(destination: Path, *, sqlite: bool = False) -> Iterator[Path]:
    """The path of an empty temporary file, for code that writes it by name (a copy, a
    SQLite backup); it replaces `destination` once the block succeeds.

    ``sqlite``: on failure remove the logs SQLite may have left beside it too.
    """
    destination = Path(destination)
    fd, tmp = create_temp_beside(destination)
    os.close(fd)
    try:
        yield tmp
        _fsync(tmp)
        os.replace(tmp, destination)
    except BaseException:
        if sqlite:
            remove_database_quietly(tmp)
        else:
            remove_quietly(tmp)
        raise


def write_bytes(destination: Path, data: bytes) -> None:
    """Write `data` to `destination` atomically."""
    with writing(destination) as out:
        out.write(data)


def copy_file(source: Path, destination: Path) -> None:
    """Copy a closed file byte for byte, atomically."""
    with replacing(destination) as tmp:
        shutil.copyfile(source, tmp)


def _fsync(path: Path) -> None:
    """Flush a closed file's contents to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_quietly(path: Path) -> None:
    """Remove a temporary file, as far as possible.

    Not only "not found" is passed over: on a read-only disk even a missing file fails with
    EROFS; what cannot be removed here fails clearly when the file is written.
    """
    with contextlib.suppress(OSError):
        Path(path).unlink()


def remove_database_quietly(path: Path) -> None:
    """Remove a temporary SQLite database and the logs SQLite may have left beside it.

    A link at one of these names is removed itself (unlink never follows a link): what it
    points at is left alone."""
    for p in (path, *(f"{path}{suffix}" for suffix in SQLITE_LOGS)):
        remove_quietly(Path(p))
