"""Check-ins: recording, correcting, deleting and restoring, and what the key result shows."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from okrdesk.errors import NotFoundError, ValidationError
from okrdesk.services import checkin_views, checkins, entities, lifecycle, operations
from okrdesk.services.changes import Changes
from okrdesk.services.checkin_views import last_check_in
from okrdesk.services.checkins import CheckInEntry
from okrdesk.services.views import okr_tree
from okrdesk.services.workspace import Workspace


def kr_state(ws: Workspace, kr_id: str) -> tuple:
    kr = entities.get(ws, "key_result", kr_id)
    return kr["current"], kr["confidence"], kr["confidence_score"], kr["done"]


def milestone(ws: Workspace, planned: dict[str, str]) -> str:
    return entities.create(
        ws,
        "key_result",
        objective_id=planned["objective"],
        title="Publish the support handbook",
        kind="milestone",
    )


def test_latest_check_in_by_date_sets_the_key_result(
    ws: Workspace, planned: dict[str, str]
) -> None:
    kr = planned["kr1"]
    checkins.record_check_in(ws, kr, "15", "at-risk", "slow start", on="2026-10-20")
    assert kr_state(ws, kr) == (15.0, "at_risk", None, False)
    # An older check-in entered later does not hide the newer one.
    checkins.record_check_in(ws, kr, 18, "On track", on="2026-10-10")
    assert kr_state(ws, kr) == (15.0, "at_risk", None, False)
    last = checkin_views.last_check_in(ws, kr)
    assert last is not None and (last.date, last.value, last.note) == (
        date(2026, 10, 20),
        15.0,
        "slow start",
    )


def test_correcting_and_deleting_recompute_the_key_result(
    ws: Workspace, planned: dict[str, str]
) -> None:
    kr = planned["kr1"]
    early = checkins.record_check_in(ws, kr, 18, "on_track", on="2026-10-10").check_in
    late = checkins.record_check_in(ws, kr, 15, "off_track", on="2026-10-20").check_in
    checkins.correct_check_in(ws, late.id, value="14,5", note="recounted")
    assert kr_state(ws, kr)[:2] == (14.5, "off_track")
    # Moving the early one past the late one makes it the latest.
    checkins.correct_check_in(ws, early.id, date="2026-10-25")
    assert kr_state(ws, kr)[:2] == (18.0, "on_track")
    checkins.delete_check_in(ws, early.id)
    assert kr_state(ws, kr)[:2] == (14.5, "off_track")
    checkins.delete_check_in(ws, late.id)
    assert kr_state(ws, kr) == (None, None, None, False)


def test_delete_then_restore_puts_back_the_same_check_in(
    ws: Workspace, planned: dict[str, str]
) -> None:
    kr = planned["kr2"]
    checkins.record_check_in(ws, kr, 80, "on track", on="2026-10-09")
    latest = checkins.record_check_in(ws, kr, 83, "at risk", "survey", on="2026-10-16").check_in
    heard: list[Changes] = []
    ws.subscribe(heard.append)
    done = operations.run(ws, "Delete", checkins.delete_check_in, latest.id)
    assert kr_state(ws, kr)[:2] == (80.0, "on_track")
    operations.undo(ws, done.edit)
    assert last_check_in(ws, kr) == latest
    assert kr_state(ws, kr)[:2] == (83.0, "at_risk")
    assert [c.ids("check_in", "deleted") for c in heard] == [{latest.id}, frozenset()]
    assert heard[1].ids("check_in", "created") == {latest.id}


def test_same_day_replaces_and_the_replaced_values_undo_it(
    ws: Workspace, planned: dict[str, str]
) -> None:
    kr = planned["kr2"]
    first = checkins.record_check_in(ws, kr, 80, "on track", "first", on="2026-10-09")
    assert first.replaced is None
    done = operations.run(ws, "", checkins.record_check_in, kr, 81, "at risk", on="2026-10-09")
    second = done.value
    assert second.check_in.id == first.check_in.id
    assert second.replaced is not None and second.replaced["value"] == 80.0
    assert len(entities.list_items(ws, "check_in", key_result_id=kr)) == 1
    operations.undo(ws, done.edit)  # the first recording's values come back
    assert checkin_views.last_check_in(ws, kr) == first.check_in
    assert kr_state(ws, kr)[:2] == (80.0, "on_track")


def test_correcting_onto_a_taken_day_is_refused(ws: Workspace, planned: dict[str, str]) -> None:
    kr = planned["kr1"]
    checkins.record_check_in(ws, kr, 18, on="2026-10-10")
    other = checkins.record_check_in(ws, kr, 15, on="2026-10-20").check_in
    with pytest.raises(ValidationError, match="already has a check-in on 2026-10-10"):
        checkins.correct_check_in(ws, other.id, date="2026-10-10")
    assert checkin_views.last_check_in(ws, kr) == other


def test_date_defaults_to_today_and_must_lie_within_the_cycle(ws: Workspace) -> None:
    today = date.today()
    cycle = entities.create(
        ws,
        "cycle",
        name="Now",
        start_date=today - timedelta(days=10),
        end_date=today + timedelta(days=10),
    )
    team = entities.create(ws, "team", name="Ops")
    objective = entities.create(ws, "objective", cycle_id=cycle, team_id=team, title="Calm ops")
    kr = entities.create(
        ws, "key_result", objective_id=objective, title="Cut pages from 9 to 2", start=9, target=2
    )
    assert checkins.record_check_in(ws, kr, 7).check_in.date == today
    outside = (today + timedelta(days=11)).isoformat()
    with pytest.raises(ValidationError, match=f"{outside} is outside cycle Now") as caught:
        checkins.record_check_in(ws, kr, 6, on=outside)
    assert caught.value.field == "date"
    assert kr_state(ws, kr)[0] == 7.0


@pytest.mark.parametrize(
    ("value", "confidence", "message"),
    [
        ("lots", None, "Value must be a number \\(got 'lots'\\)"),
        ("", None, "needs a value"),
        (float("nan"), None, "finite"),
        (12, "fine", "on-track, at-risk or off-track \\(got 'fine'\\)"),
        (12, 7, "on-track, at-risk or off-track \\(got 7\\)"),
    ],
)
def test_bad_values_are_refused_and_change_nothing(
    ws: Workspace, planned: dict[str, str], value: object, confidence: object, message: str
) -> None:
    checkins.record_check_in(ws, planned["kr1"], 16, on="2026-10-05")
    before = kr_state(ws, planned["kr1"])
    with pytest.raises(ValidationError, match=message):
        checkins.record_check_in(ws, planned["kr1"], value, confidence, on="2026-10-12")
    assert kr_state(ws, planned["kr1"]) == before
    assert len(entities.list_items(ws, "check_in")) == 1


def test_one_to_ten_scale_when_the_workspace_prefers_it(
    ws: Workspace, planned: dict[str, str]
) -> None:
    assert checkins.confidence_scale(ws) == "levels"
    checkins.set_confidence_scale(ws, "1-10")
    kr = planned["kr2"]
    checkins.record_check_in(ws, kr, 82, "8", on="2026-10-09")
    assert kr_state(ws, kr)[1:3] == ("on_track", 8)
    checkins.record_check_in(ws, kr, 82, 5, on="2026-10-16")
    assert kr_state(ws, kr)[1:3] == ("at_risk", 5)
    checkins.record_check_in(ws, kr, 82, 2, on="2026-10-23")
    assert kr_state(ws, kr)[1:3] == ("off_track", 2)
    with pytest.raises(ValidationError, match="from 1 to 10 in this workspace"):
        checkins.record_check_in(ws, kr, 82, "on-track", on="2026-10-30")
    with pytest.raises(ValidationError, match="from 1 to 10"):
        checkins.record_check_in(ws, kr, 82, 11, on="2026-10-30")
    with pytest.raises(ValidationError, match="'levels' or '1-10'"):
        checkins.set_confidence_scale(ws, "stars")


def test_a_broken_scale_setting_is_named(ws: Workspace, planned: dict[str, str]) -> None:
    entities.update(ws, "workspace", ws.info().id, settings={"confidence_scale": "stars"})
    with pytest.raises(ValidationError, match="confidence_scale must be"):
        checkins.record_check_in(ws, planned["kr1"], 10, on="2026-10-05")


def test_milestone_check_ins_set_done(ws: Workspace, planned: dict[str, str]) -> None:
    kr = milestone(ws, planned)
    checkins.record_check_in(ws, kr, 0, on="2026-10-09")
    assert kr_state(ws, kr)[3] is False
    checkins.record_check_in(ws, kr, "1", on="2026-10-16")
    assert kr_state(ws, kr)[3] is True
    checkins.record_check_in(ws, kr, "not done", on="2026-10-23")  # it came undone
    assert kr_state(ws, kr)[3] is False
    checkins.record_check_in(ws, kr, True, on="2026-10-30")
    assert kr_state(ws, kr)[3] is True
    with pytest.raises(ValidationError, match="1 \\(done\\) or 0"):
        checkins.record_check_in(ws, kr, 0.5, on="2026-11-06")
    assert kr_state(ws, kr)[3] is True


def test_suggested_status_follows_pace(ws: Workspace, planned: dict[str, str]) -> None:
    # Halfway through Q4 (2026-11-15): cutting 20 → 4 hours should be near 12.
    halfway = "2026-11-15"
    assert checkin_views.suggested_status(ws, planned["kr1"], 12, on=halfway) == "on_track"
    assert checkin_views.suggested_status(ws, planned["kr1"], 13.5, on=halfway) == "at_risk"
    assert checkin_views.suggested_status(ws, planned["kr1"], 18, on=halfway) == "off_track"
    assert checkin_views.suggested_status(ws, planned["kr1"], 18, on="2026-10-02") == "on_track"
    kr = milestone(ws, planned)
    assert checkin_views.suggested_status(ws, kr, 0, on=halfway) == "off_track"
    assert checkin_views.suggested_status(ws, kr, 1, on=halfway) == "on_track"
    with pytest.raises(ValidationError, match="must be a number"):
        checkin_views.suggested_status(ws, planned["kr1"], "soon", on=halfway)


def test_pace_for_a_key_result_already_read_says_what_suggested_status_says(
    ws: Workspace, planned: dict[str, str]
) -> None:
    """The check-in grid asks pace for every row while typing, from the view it has read."""
    kr = milestone(ws, planned)
    tree = okr_tree(ws, planned["cycle"], planned["team"])
    cycle = tree.cycle
    for view in tree.teams[0].objectives[0].key_results:
        for value in (0, 1, 12, 13.5, 18, 85):
            for day in ("2026-10-02", "2026-11-15", "2026-12-31"):
                if view.id == kr and value not in (0, 1):
                    continue
                said = checkin_views.suggested_status(ws, view.id, value, on=day)
                assert said == checkin_views.pace_suggestion(
                    view, value, cycle.start_date, cycle.end_date, day
                ), (view.title, value, day)
    first = tree.teams[0].objectives[0].key_results[0]
    with pytest.raises(ValidationError, match="must be a number"):
        checkin_views.pace_suggestion(first, "soon", cycle.start_date, cycle.end_date)


def test_history_gives_values_and_the_ideal_line(ws: Workspace, planned: dict[str, str]) -> None:
    kr = planned["kr1"]
    checkins.record_check_in(ws, kr, 16, on="2026-11-15")
    checkins.record_check_in(ws, kr, 19, on="2026-10-09")
    chart = checkin_views.history(ws, kr)
    assert [(p.date, p.value) for p in chart.points] == [
        (date(2026, 10, 9), 19.0),
        (date(2026, 11, 15), 16.0),
    ]
    ideal = dict(chart.ideal)
    assert ideal[date(2026, 10, 1)] == 20.0 and ideal[date(2026, 12, 31)] == 4.0
    assert ideal[date(2026, 11, 15)] == pytest.approx(12.0, abs=0.2)
    assert checkin_views.history(ws, milestone(ws, planned)).ideal == ()


def test_changes_since_last_check_in(ws: Workspace, planned: dict[str, str]) -> None:
    checkins.record_check_in(ws, planned["kr1"], 18, "on track", on="2026-10-09")
    checkins.record_check_in(ws, planned["kr1"], 17, "at risk", "sick leave", on="2026-10-16")
    checkins.record_check_in(ws, planned["kr2"], 80, "at risk", on="2026-10-16")
    changes = {
        c.key_result_id: c for c in checkin_views.changes_since_last(ws, "support", "2026-q4")
    }
    first = changes[planned["kr1"]]
    assert (first.previous.value, first.latest.value, first.change) == (18.0, 17.0, -1.0)
    assert first.confidence_trend == "worse" and first.latest.note == "sick leave"
    only = changes[planned["kr2"]]
    assert only.previous is None and only.change is None and only.confidence_trend is None
    assert only.latest is not None and only.latest.value == 80.0
    checkins.record_check_in(ws, planned["kr1"], 12, "on track", on="2026-10-23")
    better = checkin_views.changes_since_last(ws, "Support", "2026-Q4")[0]
    assert better.confidence_trend == "better" and better.change == -5.0


def test_record_many_is_one_transaction(ws: Workspace, planned: dict[str, str]) -> None:
    heard: list[Changes] = []
    ws.subscribe(heard.append)
    with pytest.raises(ValidationError, match=r"^Raise CSAT from 78% to 90%: Value must be a num"):
        checkins.record_many(
            ws,
            [
                CheckInEntry(planned["kr1"], 17, "on track", on="2026-10-09"),
                {"key_result_id": planned["kr2"], "value": "n/a", "date": "2026-10-09"},
            ],
        )
    assert entities.list_items(ws, "check_in") == [] and heard == []
    assert kr_state(ws, planned["kr1"])[0] is None
    done = checkins.record_many(
        ws,
        [
            CheckInEntry(planned["kr1"], 17, "on track", on="2026-10-09"),
            {"key_result_id": planned["kr2"], "value": "81", "date": "2026-10-09"},
        ],
    )
    assert [kr_state(ws, planned[k])[0] for k in ("kr1", "kr2")] == [17.0, 81.0]
    assert [c.ids("check_in", "created") for c in heard] == [{r.check_in.id for r in done}]


def test_find_key_result_by_id_title_or_prefix(ws: Workspace, planned: dict[str, str]) -> None:
    assert checkin_views.find_key_result(ws, planned["kr2"]).title == "Raise CSAT from 78% to 90%"
    found = checkin_views.find_key_result(ws, "  raise csat", cycle="2026-Q4")
    assert (found.id, found.team, found.cycle) == (planned["kr2"], "Support", "2026-Q4")
    entities.create(
        ws,
        "key_result",
        objective_id=planned["objective"],
        title="Raise CSAT from 78% to 90% in French",
        start=78,
        target=90,
    )
    # The exact title wins over a longer one it begins.
    exact = checkin_views.find_key_result(ws, "RAISE CSAT FROM 78% TO 90%", cycle="2026-Q4")
    assert exact.id == planned["kr2"]
    with pytest.raises(ValidationError, match="'Raise' matches 2 key results: Raise CSAT") as e:
        checkin_views.find_key_result(ws, "Raise", cycle="2026-Q4")
    assert "\n" not in str(e.value) and "(Support)" in str(e.value)
    with pytest.raises(NotFoundError, match="no key result 'Grow' in cycle 2026-Q4"):
        checkin_views.find_key_result(ws, "Grow", cycle="2026-Q4")
    with pytest.raises(NotFoundError, match="no cycle"):
        checkin_views.find_key_result(ws, "Raise", cycle="1999-Q1")


def test_titles_are_looked_up_in_one_cycle(ws: Workspace, planned: dict[str, str]) -> None:
    q1 = entities.create(
        ws, "cycle", name="2027-Q1", start_date="2027-01-01", end_date="2027-03-31"
    )
    objective = entities.create(
        ws, "objective", cycle_id=q1, team_id=planned["team"], title="Keep customers heard"
    )
    again = entities.create(
        ws, "key_result", objective_id=objective, title="Raise CSAT from 78% to 90%"
    )
    assert checkin_views.find_key_result(ws, "raise", cycle="2027-q1").id == again
    assert checkin_views.find_key_result(ws, "raise", cycle="2026-q4").id == planned["kr2"]
    assert checkin_views.find_key_result(ws, "raise", today=date(2027, 2, 1)).id == again


def test_a_closed_cycle_takes_no_check_ins(ws: Workspace, planned: dict[str, str]) -> None:
    kept = checkins.record_check_in(ws, planned["kr1"], 12, on="2026-12-20").check_in
    for state in ("active", "review", "closed"):
        lifecycle.set_state(ws, "2026-Q4", state)
    message = "cycle 2026-Q4 is closed and read-only"
    with pytest.raises(ValidationError, match=message):
        checkins.record_check_in(ws, planned["kr1"], 10, on="2026-12-21")
    with pytest.raises(ValidationError, match=message):
        checkins.record_many(ws, [CheckInEntry(planned["kr2"], 85, on="2026-12-21")])
    with pytest.raises(ValidationError, match=message):
        checkins.correct_check_in(ws, kept.id, value=11)
    with pytest.raises(ValidationError, match=message):
        checkins.delete_check_in(ws, kept.id)
    assert checkin_views.last_check_in(ws, planned["kr1"]) == kept
    lifecycle.set_state(ws, "2026-Q4", "review")  # reopened
    deleted = operations.run(ws, "", checkins.delete_check_in, kept.id)
    lifecycle.set_state(ws, "2026-Q4", "closed")
    with pytest.raises(ValidationError, match=message):
        operations.undo(ws, deleted.edit)
    assert checkin_views.last_check_in(ws, planned["kr1"]) is None


def test_unknown_ids_are_named(ws: Workspace, planned: dict[str, str]) -> None:
    with pytest.raises(NotFoundError, match="no key result with id nope"):
        checkins.record_check_in(ws, "nope", 1, on="2026-10-09")
    with pytest.raises(NotFoundError, match="no check-in with id nope"):
        checkins.delete_check_in(ws, "nope")
    with pytest.raises(ValidationError, match="no field 'colour'"):
        checkins.correct_check_in(ws, "nope", colour="red")
