"""The cycle's totals kept current from what changed: always the numbers of the whole review,
computing again only the objectives a change touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from okrdesk.services import checkins, entities, lifecycle, operations, review
from okrdesk.services.review_totals import CycleTotals, Totals
from okrdesk.services.workspace import Workspace

CYCLE = "2026-Q4"


def whole(ws: Workspace) -> tuple:
    view = review.review(ws, CYCLE)
    return (view.score, view.band, view.key_results, view.graded)


def numbers(totals: Totals) -> tuple:
    return (totals.score, totals.band, totals.key_results, totals.graded)


@pytest.fixture
def ids(demo_ws: Workspace) -> dict[str, str]:
    found = {c["name"]: c["id"] for c in entities.list_items(demo_ws, "cycle")}
    objectives = [o for o in entities.list_items(demo_ws, "objective")]
    found["objective"] = next(o["id"] for o in objectives if o["cycle_id"] == found[CYCLE])
    found["other"] = next(o["id"] for o in objectives if o["cycle_id"] != found[CYCLE])
    krs = entities.list_items(demo_ws, "key_result")
    found["kr"] = next(k["id"] for k in krs if k["objective_id"] == found["objective"])
    return found


@pytest.fixture
def totals(demo_ws: Workspace, ids: dict[str, str]) -> CycleTotals:
    kept = CycleTotals()
    demo_ws.subscribe(kept.heard)
    assert numbers(kept.of(demo_ws, ids[CYCLE])) == whole(demo_ws)
    return kept


def test_every_kind_of_change_keeps_the_totals_those_of_the_whole_review(
    demo_ws: Workspace, ids: dict[str, str], totals: CycleTotals
) -> None:
    ws, cycle = demo_ws, ids[CYCLE]
    before = numbers(totals.of(ws, cycle))
    everything = totals.computed  # the first time: every objective of the cycle
    assert everything > 10

    def after(action, *args, **kw) -> operations.Done:
        done = operations.run(ws, "", action, *args, **kw)
        assert numbers(totals.of(ws, cycle)) == whole(ws)
        return done

    lifecycle.set_state(ws, cycle, "review")  # pre-fills every grade: more than a few
    assert numbers(totals.of(ws, cycle)) == whole(ws) != before
    assert totals.computed == 2 * everything  # computed again in full

    computed = totals.computed
    graded = after(review.grade_key_result, ids["kr"], 0.9, "better than it looks")
    after(review.set_objective_grade, ids["objective"], 0.25)
    after(review.set_objective_grade, ids["objective"], None)
    after(entities.update, "key_result", ids["kr"], weight=3)
    new_kr = after(
        entities.create,
        "key_result",
        objective_id=ids["objective"],
        title="Ship it",
        kind="milestone",
    )
    after(entities.update, "key_result", new_kr.value, done=True)
    after(entities.delete, "key_result", new_kr.value)
    operations.undo(ws, graded.edit)  # the grade goes back to the pre-filled one
    assert numbers(totals.of(ws, cycle)) == whole(ws)
    assert totals.computed - computed == 8  # one objective each time, not the whole cycle

    lifecycle.set_state(ws, ids["2026-Q3"], "review")  # closed: reopened to move from it
    after(entities.update, "objective", ids["other"], cycle_id=cycle)  # moved in
    after(entities.update, "objective", ids["objective"], cycle_id=ids["2026-Q3"])  # and out
    after(entities.delete, "objective", ids["other"])


def test_a_check_in_moves_the_suggested_grade_and_the_score(
    demo_ws: Workspace, ids: dict[str, str], totals: CycleTotals
) -> None:
    before = totals.of(demo_ws, ids[CYCLE])
    checkins.record_check_in(demo_ws, ids["kr"], 10_000, "on track", on="2026-12-01")
    after = totals.of(demo_ws, ids[CYCLE])
    assert numbers(after) == whole(demo_ws) and after.score != before.score


def test_what_another_program_commits_is_counted_too(
    demo_copy: Path, demo_ws: Workspace, ids: dict[str, str], totals: CycleTotals
) -> None:
    before = totals.of(demo_ws, ids[CYCLE])
    demo_ws.poll_changes()  # from now on, what others commit is heard
    computed = totals.computed
    with Workspace.open(demo_copy) as other:  # another connection, as another process has
        review.grade_key_result(other, ids["kr"], 1.0)
    assert demo_ws.poll_changes() is not None  # heard through the file's change log
    after = totals.of(demo_ws, ids[CYCLE])
    assert numbers(after) == whole(demo_ws)
    assert after.graded > before.graded == 0
    assert totals.computed - computed == 1  # the one objective it touched


def test_other_cycles_and_unknown_cycles(demo_ws: Workspace, ids: dict[str, str]) -> None:
    kept = CycleTotals()
    q3 = kept.of(demo_ws, ids["2026-Q3"])
    view = review.review(demo_ws, "2026-Q3")
    assert numbers(q3) == (view.score, view.band, view.key_results, view.graded)
    assert q3.cycle == "2026-Q3"
    with pytest.raises(Exception, match="no cycle"):
        kept.of(demo_ws, "nope")
