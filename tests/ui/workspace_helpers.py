"""Shared by the UI tests that drive one view on the demo: its items' ids by name."""

from __future__ import annotations

from okrdesk.services import entities
from okrdesk.services.workspace import Workspace


def ids(ws: Workspace, kind: str) -> dict[str, str]:
    """Name (or title) → id of every item of a kind."""
    return {x.get("name") or x["title"]: x["id"] for x in entities.list_items(ws, kind)}
