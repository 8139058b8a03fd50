"""The next alignment map after a change, reading again only what the change touched.

A screen showing the alignment of 1,000 teams reads 3,800 objectives, 11,500 key results and
4,400 links (some 170 ms); a link made or an objective renamed touches a handful of them.
:func:`alignment_map_after` reads again the objectives a change touched (by their ids, their
key results' and their links'), and those that show them (a link shows its parent's title and
cycle, or its key result's title), and builds the map keeping every other objective as it was.
The result is the map :func:`~okrdesk.services.alignment.alignment_map` would read; a change
of unknown extent, of the team tree or of the cycles reads it all again.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from sqlalchemy import Connection, select

from okrdesk.db import models as m
from okrdesk.services.alignment import (
    AlignmentMap,
    Source,
    alignment_map,
    assemble,
    read_source,
)
from okrdesk.services.changes import Changes
from okrdesk.services.workspace import Workspace

# Kinds whose change can alter a map, and those that make it read everything again.
SHOWN = ("objective", "key_result", "alignment_link")
EVERYTHING = ("team", "cycle")
# Past this many ids, reading everything again is as quick (and every id goes in a query).
MOST_IDS = 500


def alignment_map_after(ws: Workspace, amap: AlignmentMap, changes: Changes) -> AlignmentMap:
    """`amap` as it is after `changes` (committed since it was read)."""
    source = amap.source
    if source is None or changes.everything or changes.touches(EVERYTHING):
        return alignment_map(ws, amap.cycle_id)
    if not changes.touches(SHOWN):
        return amap
    if sum(len(changes.ids(kind)) for kind in SHOWN) > MOST_IDS:
        return alignment_map(ws, amap.cycle_id)
    with ws.read() as s:
        rows = s.connection()
        touched = _touched(rows, source, changes)
        if len(touched) > MOST_IDS:
            return alignment_map(ws, amap.cycle_id)
        fresh = read_source(rows, amap.cycle_id, touched)
    after = _replaced(source, touched, fresh)
    # Besides the objectives read again, those whose lists of supporters (above them) or of
    # what they support (below them) may have changed, or changed order.
    again = set(touched)
    for oid in touched:
        again |= _neighbours(source, amap, oid)
        again |= {x.parent_objective_id for x in after.links.get(oid, ())}
        again |= after.linked_to.get(oid, set())
    return assemble(amap.cycle_id, amap.cycle_name, amap.teams, after, amap, again)


def _touched(rows: Connection, source: Source, changes: Changes) -> set[str]:
    """The objectives whose rows must be read again."""
    objectives = set(changes.ids("objective"))
    touched = set(objectives)
    owner_of = source.owner_of
    for kind in ("key_result", "alignment_link"):
        for item in changes.ids(kind):  # where it was (a deleted one, a moved one)
            if (kind, item) in owner_of:
                touched.add(owner_of[(kind, item)])
    kr, link = m.KeyResult, m.AlignmentLink
    now = changes.ids("key_result", "created", "updated")
    touched |= _column(rows, select(kr.objective_id).where(kr.id.in_(now)), now)
    now = changes.ids("alignment_link", "created", "updated")
    touched |= _column(rows, select(link.objective_id).where(link.id.in_(now)), now)
    # The objectives with a link to a changed objective or key result show its title.
    linked_to = source.linked_to
    for item in objectives | changes.ids("key_result"):
        touched |= linked_to.get(item, set())
    return touched


def _replaced(source: Source, touched: Collection[str], fresh: Source) -> Source:
    """`source` with the rows of the `touched` objectives as `fresh` has them (or none)."""
    after = Source(
        dict(source.objectives), dict(source.key_results), dict(source.numbers), dict(source.links)
    )
    for part, new in (
        (after.objectives, fresh.objectives),
        (after.key_results, fresh.key_results),
        (after.numbers, fresh.numbers),
        (after.links, fresh.links),
    ):
        for oid in touched:
            if oid in new:
                part[oid] = new[oid]  # type: ignore[assignment]
            else:
                part.pop(oid, None)
    return after


def _neighbours(source: Source, amap: AlignmentMap, oid: str) -> set[str]:
    """The objectives linked to `oid`, up or down, before the change."""
    found = {x.parent_objective_id for x in source.links.get(oid, ())}
    found |= source.linked_to.get(oid, set())
    if oid in amap:
        found |= {x.objective_id for x in amap.objective(oid).supporters}
    return found


def _column(rows: Connection, query, ids: Iterable[str]) -> set[str]:
    return set(rows.scalars(query)) if ids else set()
