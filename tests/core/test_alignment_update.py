"""The next alignment map after a change reads only what the change touched, and is always the
map a full read gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from okrdesk.services import entities, lifecycle, operations
from okrdesk.services.alignment import AlignmentMap, alignment_map
from okrdesk.services.alignment_update import alignment_map_after
from okrdesk.services.changes import Changes
from okrdesk.services.workspace import Workspace

RESCUE = "Make same-day rescue a promise we always keep"
CALLOUT = "Send every callout the right technician with the right parts"
FIRST_VISIT = "Fix it on the first visit"
GRINDER = "Prototype a grinder that carries our name"


class Follower:
    """Keeps a map current as a screen does: after each change, the next map from the last."""

    def __init__(self, ws: Workspace, cycle: str) -> None:
        self.ws, self.heard = ws, Changes()
        self.amap = alignment_map(ws, cycle)
        ws.subscribe(self._heard)

    def _heard(self, changes: Changes) -> None:
        self.heard = self.heard.merged(changes)

    def follow(self) -> tuple[AlignmentMap, int]:
        """The next map (checked against a full read) and how many objectives it kept."""
        before, changes, self.heard = self.amap, self.heard, Changes()
        self.amap = alignment_map_after(self.ws, before, changes)
        assert self.amap == alignment_map(self.ws, before.cycle_id)
        kept = sum(
            1 for o in self.amap.objectives if o.id in before and before.objective(o.id) is o
        )
        return self.amap, kept


@pytest.fixture
def ids(demo_ws: Workspace) -> dict[str, str]:
    found = {c["name"]: c["id"] for c in entities.list_items(demo_ws, "cycle")}
    q4 = found["2026-Q4"]
    found.update(
        (o["title"], o["id"])
        for o in entities.list_items(demo_ws, "objective")
        if o["cycle_id"] == q4
    )
    found.update((t["name"], t["id"]) for t in entities.list_items(demo_ws, "team"))
    return found


def krs_of(ws: Workspace, objective_id: str) -> list[str]:
    return [
        k["id"] for k in entities.list_items(ws, "key_result") if k["objective_id"] == objective_id
    ]


def test_every_kind_of_edit_gives_the_map_a_full_read_gives(demo_ws: Workspace, ids) -> None:
    ws, q4 = demo_ws, ids["2026-Q4"]
    kept = Follower(ws, q4)
    total = len(kept.amap.objectives)

    def run(action, *args, **kw):
        done = operations.run(ws, "", action, *args, **kw)
        amap, reused = kept.follow()
        return done, amap, reused

    create = entities.create
    grinder, callout, rescue = ids[GRINDER], ids[CALLOUT], ids[RESCUE]
    link, amap, reused = run(
        create, "alignment_link", objective_id=grinder, parent_objective_id=callout
    )
    assert grinder not in amap.orphans and reused >= total - 6  # only the few around it
    kr = krs_of(ws, rescue)[0]
    via_kr, _, _ = run(
        create, "alignment_link", objective_id=ids[FIRST_VISIT], parent_key_result_id=kr, weight=0.5
    )
    run(entities.update, "alignment_link", via_kr.value, weight=0.25)
    run(entities.update, "key_result", kr, title="Reach every callout within three hours")
    run(entities.update, "objective", rescue, title="Same-day rescue, always")
    run(entities.update, "key_result", krs_of(ws, callout)[0], current=1234)  # its score
    new_kr, _, _ = run(
        create, "key_result", objective_id=grinder, title="Ship a prototype", kind="milestone"
    )
    run(entities.delete, "key_result", new_kr.value)
    new, amap, _ = run(
        create,
        "objective",
        cycle_id=q4,
        team_id=ids["Workshop"],
        title="Open a second workshop bay",
    )
    assert new.value in amap.orphans
    run(create, "alignment_link", objective_id=new.value, parent_objective_id=grinder)
    workshop = [o.id for o in amap.objectives if o.team_id == ids["Workshop"]]
    run(entities.reorder, "objective", list(reversed(workshop)))
    run(entities.delete, "alignment_link", link.value)
    deleted, _, _ = run(entities.delete, "objective", callout, with_contents=True)  # links too
    lifecycle.set_state(ws, ids["2026-Q3"], "review")  # (closed: reopened to move into it)
    kept.follow()
    run(entities.update, "objective", grinder, cycle_id=ids["2026-Q3"])  # out of the cycle
    run(entities.update, "objective", grinder, cycle_id=q4)  # and back
    run(entities.update, "team", ids["Workshop"], name="Rebuild shop")  # the tree: all again
    operations.undo(ws, deleted.edit)  # the objective comes back, with its key results and links
    amap, _ = kept.follow()
    assert callout in amap and amap.objective(callout).supporters


def test_a_change_of_another_program_is_followed_too(demo_copy: Path, demo_ws: Workspace, ids):
    kept = Follower(demo_ws, ids["2026-Q4"])
    demo_ws.poll_changes()  # from now on, what others commit is heard
    with Workspace.open(demo_copy) as other:
        entities.create(
            other, "alignment_link", objective_id=ids[GRINDER], parent_objective_id=ids[CALLOUT]
        )
        entities.update(other, "objective", ids[CALLOUT], title="Send the right technician")
    assert demo_ws.poll_changes() is not None
    amap, reused = kept.follow()
    assert [x.parent_title for x in amap.objective(ids[GRINDER]).supports] == [
        "Send the right technician"
    ]
    assert 0 < reused < len(amap.objectives)


def test_changes_of_other_things_keep_the_map(demo_ws: Workspace, ids) -> None:
    kept = Follower(demo_ws, ids["2026-Q4"])
    before = kept.amap
    entities.create(demo_ws, "kpi", name="Coffee per day", unit="cups")
    assert kept.follow()[0] is before
