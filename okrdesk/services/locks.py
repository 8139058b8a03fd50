"""Who else has a workspace open: a small lock file beside it, for a friendly warning.

SQLite itself keeps concurrent writers safe; the lock only lets a second
window say "this file is already open (in process N on host H)".
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str

    def describe(self) -> str:
        return f"process {self.pid} on {self.host}"


def lock_path(workspace: Path) -> Path:
    return workspace.with_name(f".{workspace.name}.lock")


def current_holder(workspace: Path) -> LockHolder | None:
    """The live holder of the workspace's lock, if another process holds it."""
    try:
        data = json.loads(lock_path(workspace).read_text(encoding="utf-8"))
        holder = LockHolder(int(data["pid"]), str(data["host"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if holder.host == socket.gethostname() and (
        holder.pid == os.getpid() or not _alive(holder.pid)
    ):
        return None  # our own, or left behind by a process that died
    return holder


def acquire(workspace: Path) -> None:
    """Mark the workspace as open by this process (best effort: a read-only folder is fine)."""
    payload = json.dumps({"pid": os.getpid(), "host": socket.gethostname()})
    with contextlib.suppress(OSError):
        lock_path(workspace).write_text(payload, encoding="utf-8")


def release(workspace: Path) -> None:
    path = lock_path(workspace)
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        data = json.loads(path.read_text(encoding="utf-8"))
        if int(data["pid"]) == os.getpid() and data["host"] == socket.gethostname():
            path.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
