"""Where a demo workspace is written: whole, or not at all.

A demo is built into a hidden temporary workspace beside the target and renamed into place
once complete (the importers' :func:`okrdesk.interchange.files.new_workspace_file`), so a
build that fails or is killed halfway leaves no half-filled workspace that a rerun refuses.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from okrdesk.errors import WorkspaceFileError
from okrdesk.interchange.files import new_workspace_file
from okrdesk.services.workspace import Workspace


@contextmanager
def new_demo_file(path: Path, name: str) -> Iterator[Workspace]:
    """A new workspace that appears at `path` only if the block succeeds; an existing file
    is refused, never overwritten."""
    path = Path(path)
    if path.exists():
        raise WorkspaceFileError(f"{path}: a file already exists there")
    with new_workspace_file(path, name) as ws:
        yield ws
