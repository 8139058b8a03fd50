"""Which period a new cycle is for: the choices on a given day and the one suggested."""

from __future__ import annotations

from datetime import date

import pytest

from okrdesk.errors import ValidationError
from okrdesk.services import entities, periods, planning
from okrdesk.services.workspace import Workspace


def offered(choices: periods.PeriodChoices) -> list[tuple[str, str, date, date]]:
    return [(p.label, p.name, p.start, p.end) for p in choices.options]


def test_mid_quarter_the_current_quarter_is_suggested() -> None:
    choices = periods.period_choices(date(2026, 5, 12))
    assert offered(choices) == [
        ("This quarter", "2026-Q2", date(2026, 4, 1), date(2026, 6, 30)),
        ("Next quarter", "2026-Q3", date(2026, 7, 1), date(2026, 9, 30)),
        ("This year", "2026", date(2026, 1, 1), date(2026, 12, 31)),
    ]
    assert choices.suggested.name == "2026-Q2"
    assert choices.suggested.kind == "quarter"
    assert choices.reason == ""


def test_in_the_last_weeks_of_q4_the_next_quarter_and_the_next_year() -> None:
    choices = periods.period_choices(date(2026, 12, 4))  # four weeks before the year ends
    assert offered(choices) == [
        ("This quarter", "2026-Q4", date(2026, 10, 1), date(2026, 12, 31)),
        ("Next quarter", "2027-Q1", date(2027, 1, 1), date(2027, 3, 31)),
        ("Next year", "2027", date(2027, 1, 1), date(2027, 12, 31)),
    ]
    assert choices.suggested.name == "2027-Q1"
    assert choices.reason == "2026-Q4 ends in 4 weeks: the next quarter is suggested."
    year = choices.options[2]
    assert (year.kind, year.dates) == ("year", "01 Jan – 31 Dec 2027")


def test_six_weeks_before_the_end_is_where_the_suggestion_turns() -> None:
    # 2026-09-30 is the last day of Q3: 42 days left on 20 Aug, 41 on 21 Aug.
    assert periods.period_choices(date(2026, 8, 20)).suggested.name == "2026-Q3"
    late = periods.period_choices(date(2026, 8, 21))
    assert late.suggested.name == "2026-Q4"
    assert late.reason == "2026-Q3 ends in 5 weeks: the next quarter is suggested."
    last_day = periods.period_choices(date(2026, 9, 30))
    assert last_day.reason == "2026-Q3 ends in 1 day: the next quarter is suggested."
    # The year stays this year until its own last six weeks.
    assert periods.period_choices(date(2026, 11, 20)).options[2].name == "2026"
    assert periods.period_choices(date(2026, 11, 21)).options[2].name == "2027"


def test_a_quarter_that_exists_is_marked_and_the_next_free_one_suggested() -> None:
    choices = periods.period_choices(date(2026, 12, 4), existing=["2026-Q4", "2027-q1"])
    assert [(p.name, p.taken) for p in choices.options] == [
        ("2026-Q4", True),
        ("2027-Q1", True),
        ("2027-Q2", False),
        ("2027", False),
    ]
    assert choices.options[2].label == "Later quarter"
    assert choices.suggested.name == "2027-Q2"
    assert choices.reason == "2027-Q1 exists already: 2027-Q2 is suggested."

    mid = periods.period_choices(date(2026, 11, 2), existing=["2026-Q4"])
    assert mid.suggested.name == "2027-Q1" and mid.suggested.label == "Next quarter"
    assert mid.reason == "2026-Q4 exists already: 2027-Q1 is suggested."


def test_a_custom_range_is_named_after_its_months_unless_named() -> None:
    school_year = periods.custom_period(date(2027, 9, 1), date(2028, 7, 15))
    assert (school_year.name, school_year.kind) == ("Sep 2027 – Jul 2028", "custom")
    assert school_year.dates == "01 Sep 2027 – 15 Jul 2028"
    half = periods.custom_period(date(2027, 1, 1), date(2027, 6, 30), " First half ")
    assert half.name == "First half"
    assert periods.custom_period(date(2027, 1, 1), date(2027, 6, 30)).name == "Jan – Jun 2027"
    with pytest.raises(ValidationError, match="must end after it starts"):
        periods.custom_period(date(2027, 6, 30), date(2027, 6, 30))


def test_the_guided_set_up_plans_in_the_chosen_period(ws: Workspace) -> None:
    suggested = periods.period_choices(date(2026, 12, 4)).suggested
    cycle_id, _team = planning.ensure_cycle_and_company(
        ws, "Hillside School", date(2026, 12, 4), suggested
    )
    cycle = entities.get(ws, "cycle", cycle_id)
    assert (cycle["name"], cycle["kind"], cycle["start_date"]) == (
        "2027-Q1",
        "quarter",
        date(2027, 1, 1),
    )
    # A year, created as a new cycle even though the quarter exists now.
    year = periods.period_choices(date(2026, 12, 4)).options[2]
    again, _team = planning.ensure_cycle_and_company(ws, "Hillside School", None, year)
    assert entities.get(ws, "cycle", again)["name"] == "2027"
    assert sorted(periods.cycle_names(ws)) == ["2027", "2027-Q1"]


def test_the_first_cycle_and_the_kind_are_one_undo_step(ws: Workspace) -> None:
    from okrdesk.services import operations, organisation

    period = periods.period_choices(date(2026, 12, 4)).suggested
    done = operations.run(ws, "", periods.create_cycle, period, "school")
    assert done.edit.label == "New cycle 2027-Q1"
    assert (periods.cycle_names(ws), organisation.organisation_kind(ws)) == (["2027-Q1"], "school")
    operations.undo(ws, done.edit)
    assert (periods.cycle_names(ws), organisation.organisation_kind(ws)) == ([], "company")
