"""Cycle-level use cases: copying what is still open into the next cycle."""

from __future__ import annotations

from okrdesk.services.carry_forward import carry_open_items
from okrdesk.services.lookup import find_cycle
from okrdesk.services.workspace import Workspace


def copy_open_okrs(ws: Workspace, from_cycle: str, to_cycle: str) -> list[str]:
    """Copy every objective with an unfinished key result into `to_cycle`, as drafts.

    Only the open key results come along; each starts where the old one stands (its
    current value becomes the new start). Everything else travels as in a carry-forward
    (:mod:`okrdesk.services.carry_forward`): open initiatives tied to them, the theme (by
    name), and the alignment links. Returns the new objectives' ids.
    """
    with ws.write() as s:
        created = carry_open_items(s, find_cycle(s, from_cycle), find_cycle(s, to_cycle))
    return created
