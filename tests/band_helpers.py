"""Workspaces with their own scoring bands, for the tests of views, screens and printouts."""

from __future__ import annotations

from okrdesk.services import entities
from okrdesk.services.workspace import Workspace

# Red below 0.5, green from 0.9: a score of 0.8 is amber here, green by the default bands.
CUSTOM_BANDS = {"red_below": 0.5, "green_from": 0.9}


def use_bands(ws: Workspace, bands: dict[str, float]) -> None:
    """Give the workspace its own scoring bands (the setting the Review tab reads)."""
    info = ws.info()
    entities.update(ws, "workspace", info.id, settings={**(info.settings or {}), "bands": bands})
