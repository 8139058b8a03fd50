"""Shared by the UI tests on the demo: its items' ids by name, and changes another process
makes to the file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from okrdesk.services import entities
from okrdesk.services.workspace import Workspace


def ids(ws: Workspace, kind: str) -> dict[str, str]:
    """Name (or title) → id of every item of a kind."""
    return {x.get("name") or x["title"]: x["id"] for x in entities.list_items(ws, kind)}


def in_another_process(path: Path, *lines: str) -> None:
    """Run these lines in another Python process with `ws` the workspace at `path` open,
    as the command line or a second window would change it."""
    script = (
        "from okrdesk.services import entities, views\n"
        "from okrdesk.services.workspace import Workspace\n"
        f"with Workspace.open({str(path)!r}) as ws:\n" + "".join(f"    {line}\n" for line in lines)
    )
    subprocess.run([sys.executable, "-c", script], check=True)
