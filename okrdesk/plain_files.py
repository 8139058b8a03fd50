"""Opening a file to read only if it is a plain file: never a pipe, a device or a folder.

A named pipe (FIFO) would make reading wait for a writer forever; ``/dev/zero`` or
``/dev/urandom`` never end. Such a path is refused at once, before a byte is read: it is
opened without waiting (O_NONBLOCK) and judged by what the open file is, so nothing can
swap it between the look and the read.

The bottom layer: imports nothing from OKR Desk. Callers turn NotPlainFile into their words.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO


class NotPlainFile(OSError):
    """The path names something other than a regular file; `kind` says what, in words."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"is {kind}, not a file")
        self.kind = kind


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a plain file"


def open_plain(path: Path) -> BinaryIO:
    """Open `path` to read; raise NotPlainFile if it is not a regular file (or a link to one)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotPlainFile(_kind(mode))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_at_most(path: Path, limit: int) -> bytes | None:
    """The whole of a plain file, or None if it holds more than `limit` bytes."""
    with open_plain(path) as f:
        data = f.read(limit + 1)
    return None if len(data) > limit else data
