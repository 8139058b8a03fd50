"""Workshop sessions: the agenda, the clock, people, notes and the parking lot."""

from __future__ import annotations

import pytest

from okrdesk.errors import NotFoundError, ValidationError
from okrdesk.services import entities, operations, workshop
from okrdesk.services.workshop import DEFAULT_AGENDA, PlannedStep
from okrdesk.services.workshop_clock import (
    SKIP_SECONDS,
    Clock,
    ClockStep,
    duration,
    run_of_plan,
)
from okrdesk.services.workshop_summary import session_summary
from okrdesk.services.workspace import Workspace


class FakeTime:
    """A clock the test moves by hand: no sleeping."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def new_session(ws: Workspace, planned: dict[str, str], **kw) -> str:
    return workshop.start_session(ws, "Q4 planning", planned["cycle"], **kw)


# -- the agenda ----------------------------------------------------------------------------------


def test_default_agenda_fills_two_hours_and_follows_the_guided_session():
    assert sum(step.minutes for step in DEFAULT_AGENDA) == 120
    from okrdesk.services.planning import STEP_KEYS

    guided = [s.guided_step for s in DEFAULT_AGENDA if s.guided_step]
    assert set(guided) == set(STEP_KEYS)
    assert guided == sorted(guided, key=STEP_KEYS.index)


def test_a_session_starts_with_the_default_agenda_in_the_given_cycle(ws, planned):
    session_id = new_session(ws, planned)
    info = workshop.session_info(ws, session_id)
    assert (info.title, info.cycle_name, info.dots_per_participant) == ("Q4 planning", "2026-Q4", 3)
    steps = workshop.agenda(ws, session_id)
    assert [s.title for s in steps] == [s.title for s in DEFAULT_AGENDA]
    assert workshop.planned_minutes(steps) == 120
    assert [s.index for s in steps] == list(range(len(DEFAULT_AGENDA)))
    assert [s.id for s in workshop.sessions(ws)] == [session_id]


def test_the_agenda_can_be_edited(ws, planned):
    session_id = new_session(ws, planned, agenda=DEFAULT_AGENDA[:3])
    steps = workshop.agenda(ws, session_id)
    extra = entities.create(
        ws, "agenda_step", session_id=session_id, title="Energiser", planned_minutes=5
    )
    entities.update(ws, "agenda_step", steps[0].id, planned_minutes=7)
    entities.delete(ws, "agenda_step", steps[1].id)
    entities.reorder(ws, "agenda_step", [extra, steps[0].id, steps[2].id])
    after = workshop.agenda(ws, session_id)
    assert [(s.title, s.planned_minutes) for s in after] == [
        ("Energiser", 5),
        (DEFAULT_AGENDA[0].title, 7),
        (DEFAULT_AGENDA[2].title, 10),
    ]
    with pytest.raises(ValidationError, match="Planned minutes"):
        entities.update(ws, "agenda_step", extra, planned_minutes=0)
    with pytest.raises(ValidationError, match=r"Planning step must be one of .*'dancing'"):
        entities.create(  # the road the workshop tab takes: the rule holds there too
            ws,
            "agenda_step",
            session_id=session_id,
            title="Dance",
            planned_minutes=5,
            guided_step="dancing",
        )


def test_start_session_refuses_a_bad_title_or_cycle_and_writes_nothing(ws, planned):
    with pytest.raises(ValidationError, match="cannot be empty"):
        workshop.start_session(ws, "  ", planned["cycle"])
    with pytest.raises(NotFoundError, match="no cycle"):
        workshop.start_session(ws, "Plan", "1999-Q1")
    with pytest.raises(ValidationError, match="Planned minutes"):
        workshop.start_session(ws, "Plan", agenda=(PlannedStep("Long", 0, ""),))
    assert workshop.sessions(ws) == []


def test_starting_a_session_is_one_edit_that_can_be_taken_back(ws, planned):
    done = operations.run(ws, "", workshop.start_session, "Q4 planning", planned["cycle"])
    assert done.edit.label == "Start workshop “Q4 planning”"
    operations.undo(ws, done.edit)
    assert workshop.sessions(ws) == []
    operations.redo(ws, done.edit)
    session_id = done.value
    assert len(workshop.agenda(ws, session_id)) == len(DEFAULT_AGENDA)


def test_notes_and_time_per_step_are_kept(ws, planned):
    session_id = new_session(ws, planned)
    first, second = workshop.agenda(ws, session_id)[:2]
    entities.update(ws, "agenda_step", first.id, notes="Mission read aloud; nobody objected.")
    workshop.record_time(ws, session_id, {first.id: 722.4}, current_step=1)
    again = workshop.agenda(ws, session_id)
    assert again[0].notes == "Mission read aloud; nobody objected."
    assert (again[0].actual_seconds, again[1].actual_seconds) == (722, None)
    assert workshop.session_info(ws, session_id).current_step == 1
    other = new_session(ws, planned)
    with pytest.raises(NotFoundError):
        workshop.record_time(ws, other, {second.id: 10})


# -- people and the parking lot ----------------------------------------------------------------


def test_participants_with_names_and_roles(ws, planned):
    session_id = new_session(ws, planned)
    entities.create(ws, "participant", session_id=session_id, name="Paula", role="Workshop lead")
    workshop.add_participants(ws, session_id, "Jonas, barista trainer\nMira – online shop\nEmil\n")
    people = [(p.name, p.role) for p in workshop.participants(ws, session_id)]
    assert people == [
        ("Paula", "Workshop lead"),
        ("Jonas", "barista trainer"),
        ("Mira", "online shop"),
        ("Emil", ""),
    ]


def test_the_parking_lot_survives_deleting_its_session(ws, planned):
    session_id = new_session(ws, planned)
    kept = entities.create(
        ws, "parking_lot_item", text="Rethink the loyalty card", session_id=session_id
    )
    done = entities.create(
        ws, "parking_lot_item", text="Ask finance about leasing rates", session_id=session_id
    )
    entities.update(ws, "parking_lot_item", done, resolved=True)
    assert [i.text for i in workshop.parking_lot(ws, session_id, include_resolved=False)] == [
        "Rethink the loyalty card"
    ]
    deleted = operations.run(ws, "", entities.delete, "workshop_session", session_id)
    items = workshop.parking_lot(ws)
    assert [(i.id, i.session_id, i.session_title) for i in items] == [
        (kept, None, None),
        (done, None, None),
    ]
    assert entities.list_items(ws, "agenda_step") == []
    operations.undo(ws, deleted.edit)  # links the items again
    assert {i.session_title for i in workshop.parking_lot(ws)} == {"Q4 planning"}


# -- the clock -----------------------------------------------------------------------------------


def clock_of(minutes: list[int], now: FakeTime, **kw) -> Clock:
    return Clock([ClockStep(f"s{n}", m * 60) for n, m in enumerate(minutes)], now, **kw)


def test_the_clock_counts_down_only_while_running():
    now = FakeTime()
    clock = clock_of([10, 5], now)
    now.advance(30)
    assert clock.reading().remaining == 600  # not started yet
    clock.start()
    now.advance(125)
    reading = clock.reading()
    assert (reading.remaining, reading.countdown, reading.state) == (475, "7:55", "running")
    clock.pause()
    now.advance(300)
    assert clock.reading().remaining == 475
    assert clock.reading().status == "paused"
    clock.resume()
    now.advance(415)
    assert clock.reading().state == "ending"
    assert clock.reading().status == "last minute"


def test_overtime_is_said_in_words_and_signalled_once():
    now = FakeTime()
    clock = clock_of([1, 5], now)
    clock.start()
    now.advance(59)
    assert not clock.time_up()
    now.advance(1)
    assert clock.time_up()
    assert not clock.time_up()
    now.advance(130)
    reading = clock.reading()
    assert (reading.state, reading.countdown, reading.overtime) == ("over", "+2:10", 130)
    assert reading.status == "+2:10 over"


def test_moving_on_keeps_each_steps_time_and_the_running_total_against_the_plan():
    now = FakeTime()
    clock = clock_of([10, 5, 5], now)
    clock.start()
    now.advance(13 * 60)  # 3 minutes over on the first step
    assert clock.next()
    now.advance(2 * 60)
    reading = clock.reading()
    assert reading.step == 1 and reading.running
    assert (reading.total_elapsed, reading.total_planned) == (15 * 60, 20 * 60)
    assert reading.behind == 180
    assert reading.schedule == "Total 15:00 of 20:00 · 3 min behind plan"
    assert clock.spent() == {"s0": 780, "s1": 120}
    assert clock.previous()
    now.advance(60)
    assert clock.spent()["s0"] == 840  # back on a step: its time adds up
    assert not clock.previous()  # already at the first step
    assert clock.go_to(2) and not clock.next()


def test_a_clock_resumes_from_saved_times_and_follows_agenda_edits():
    now = FakeTime()
    clock = clock_of([10, 5, 5], now, step=1, spent={"s0": 540})
    reading = clock.reading()
    assert (reading.step, reading.behind, reading.running) == (1, -60, False)
    assert reading.schedule.endswith("1 min ahead of plan")
    clock.start()
    now.advance(60)
    clock.replan([ClockStep("s1", 600), ClockStep("s2", 300)])  # the first step removed
    assert clock.step == 0 and clock.running
    assert clock.reading().remaining == 540


def test_a_skipped_step_is_not_done_in_no_time_it_is_counted_apart():
    now = FakeTime()
    clock = clock_of([10, 5, 5, 5], now)
    clock.start()
    now.advance(8 * 60)  # 2 minutes early on the first step
    clock.next()
    now.advance(2)  # "Next" twice: the second step passed over
    clock.next()
    now.advance(60)
    reading = clock.reading()
    assert reading.behind == -120  # not 7 minutes ahead: the skipped 5 are no gain
    assert (reading.skipped, reading.skipped_planned) == ((1,), 300)
    assert reading.schedule == (
        "Total 9:02 of 25:00 · 2 min ahead of plan · 1 step skipped (5 min)"
    )
    # Every second is saved (the printed total is the clock's); the skipped step still
    # reads as not run.
    assert clock.spent() == {"s0": 480, "s1": 2, "s2": 60}
    clock.go_to(3)  # jumping over the rest of the third step does not skip it: it ran
    assert clock.reading().skipped == (1,)
    assert round(clock.reading().behind) == -120 - 240


def test_jumping_ahead_skips_every_step_in_between_and_going_back_runs_them():
    now = FakeTime()
    clock = clock_of([10, 5, 5, 5], now)
    clock.start()
    now.advance(10 * 60)
    clock.go_to(3)  # a double-click on the last step
    now.advance(30)
    reading = clock.reading()
    assert (reading.skipped, reading.behind) == ((1, 2), 0)
    assert reading.schedule.endswith("· on plan · 2 steps skipped (10 min)")
    clock.go_to(1)  # back to one of them after all
    now.advance(6 * 60)
    reading = clock.reading()
    assert reading.skipped == ()  # the one we are on runs; the other is still to come
    assert reading.schedule == "Total 16:30 of 25:00 · 1 min behind plan"


def test_a_step_ahead_of_the_current_one_counts_once_moved_past():
    now = FakeTime()
    clock = clock_of([10, 5, 5], now)
    clock.start()
    now.advance(4 * 60)
    clock.next()
    now.advance(SKIP_SECONDS - 1)  # "Next" by mistake, straight back
    clock.previous()
    reading = clock.reading()
    assert (reading.behind, reading.skipped) == (0, ())  # before: 5 minutes "ahead"
    assert reading.schedule.endswith("· on plan")
    assert clock.spent() == {"s0": 240, "s1": 9}  # the glance's seconds, not a run
    now.advance(6 * 60)
    clock.go_to(2)  # the third step first; the second is skipped for now
    now.advance(7 * 60)
    clock.previous()
    reading = clock.reading()
    # The third step is not done (we may come back to it): only its overtime counts.
    assert (reading.behind, reading.skipped) == (120, ())
    now.advance(60)
    clock.next()  # on to the third again: the second is done, early
    assert round(clock.reading().behind) == 120 + (60 + SKIP_SECONDS - 1 - 300)


def test_skipped_steps_stay_skipped_when_the_session_is_reopened(ws, planned):
    session_id = new_session(ws, planned, agenda=DEFAULT_AGENDA[:4])
    steps = workshop.agenda(ws, session_id)
    now = FakeTime()
    clock = Clock([ClockStep(s.id, s.planned_seconds) for s in steps], now)
    clock.start()
    now.advance(12 * 60)
    clock.next()
    now.advance(3)
    clock.next()  # mission and strategy: passed over
    now.advance(60)
    clock.pause()
    workshop.record_time(ws, session_id, clock.spent(), clock.step)
    before = clock.reading()

    again = workshop.agenda(ws, session_id)
    assert [s.actual_seconds for s in again] == [720, 3, 60, None]
    reopened = Clock(
        [ClockStep(s.id, s.planned_seconds) for s in again],
        now,
        step=workshop.session_info(ws, session_id).current_step,
        spent={s.id: float(s.actual_seconds) for s in again if s.actual_seconds},
    )
    after = reopened.reading()
    assert (after.step, after.skipped, round(after.behind)) == (2, (1,), 120)
    # One figure for the total, before and after (it read 13:03 live and 13:00 reopened).
    assert after.schedule == before.schedule
    assert after.schedule == "Total 13:03 of 45:00 · 2 min behind plan · 1 step skipped (10 min)"
    # The printed summary reads the same agenda and adds it up with the same function.
    summary = session_summary(ws, session_id)
    assert [s.actual_seconds for s in summary.steps] == [720, 3, 60, None]
    assert summary.actual_seconds == after.total_elapsed == 783


def test_durations_read_as_a_clock():
    assert duration(0) == "0:00"
    assert duration(59.2, round_up=True) == "1:00"
    assert duration(7325) == "2:02:05"


def test_the_total_and_its_plan_read_in_one_format():
    assert run_of_plan(113, 6900) == "0:01:53 of 1:55:00"  # not "1:53 of 1:55:00"
    assert run_of_plan(113, 1500) == "1:53 of 25:00"
    assert run_of_plan(3700, 1500) == "1:01:40 of 0:25:00"


def test_paging_while_the_clock_is_paused_leaves_the_record_alone():
    now = FakeTime()
    clock = clock_of([10, 5, 5, 5, 5], now)
    clock.start()
    now.advance(4 * 60)
    clock.pause()
    before = (clock.spent(), clock.reading().skipped, clock.reading().behind)
    for _ in range(4):  # previewing the slides ahead
        clock.next()
        now.advance(30)
    assert clock.step == 4
    reading = clock.reading()
    assert (clock.spent(), reading.skipped, reading.behind) == before == ({"s0": 240}, (), 0)
    assert reading.schedule == "Total 4:00 of 30:00 · on plan"
    for _ in range(4):
        clock.previous()
    assert (clock.spent(), clock.reading().skipped) == ({"s0": 240}, ())
    clock.go_to(3)  # the facilitator starts the clock on a later step: now they are skipped
    clock.start()
    now.advance(60)
    assert clock.reading().skipped == (1, 2)


def test_a_session_without_agenda_can_take_the_default_one(ws):
    session_id = workshop.start_session(ws, "Kick-off", agenda=())
    assert workshop.agenda(ws, session_id) == []
    edit = operations.run(ws, "", workshop.add_default_agenda, session_id).edit
    assert workshop.planned_minutes(workshop.agenda(ws, session_id)) == 120
    operations.undo(ws, edit)
    assert workshop.agenda(ws, session_id) == []
