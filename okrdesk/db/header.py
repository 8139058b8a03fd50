"""What a workspace file's header says, read without SQLAlchemy (start-up reads it first)."""

from __future__ import annotations

from pathlib import Path

from okrdesk.errors import WorkspaceFileError
from okrdesk.plain_files import NotPlainFile, open_plain

APPLICATION_ID = 0x4F4B5244  # "OKRD"
SQLITE_MAGIC = b"SQLite format 3\x00"
# Alembic revisions in order; a file's user_version is its index + 1.
SCHEMA_REVISIONS = ("0001_core", "0002_kpis_workshops", "0003_change_log")
SCHEMA_VERSION = len(SCHEMA_REVISIONS)


def read_header(path: Path) -> tuple[int, int]:
    """Return (application_id, user_version) of a workspace file, or refuse it."""
    if not path.exists():
        raise WorkspaceFileError(f"{path}: no such file")
    if path.is_dir():
        raise WorkspaceFileError(f"{path}: is a folder, not a workspace file")
    try:
        with open_plain(path) as f:
            header = f.read(100)
    except NotPlainFile as exc:  # a named pipe would make the read wait forever
        raise WorkspaceFileError(f"{path}: is {exc.kind}, not a workspace file") from None
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
