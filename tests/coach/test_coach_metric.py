"""Reading start, target, unit and direction out of key result sentences."""

from __future__ import annotations

import pytest

from okrdesk.coach import ParsedMetric, parse_metric
from okrdesk.coach.metric import numbers_disagreeing, reword_numbers
from okrdesk.coach.quantities import find_quantities

# text, start, target, unit, direction, delta, relative
CASES: list[tuple[str, float | None, float | None, str, str | None, float | None, bool]] = [
    # from X to Y
    ("Raise repeat orders from 18% to 25%", 18, 25, "%", "increase", None, False),
    ("Cut cost per lead from €40 to €25", 40, 25, "€", "decrease", None, False),
    ("Grow from 1,200 to 1,800 weekly users", 1200, 1800, "weekly users", "increase", None, False),
    ("Shorten delivery from five days to three", 5, 3, "days", "decrease", None, False),
    ("Raise the app rating from 4.1 to 4.5 stars", 4.1, 4.5, "stars", "increase", None, False),
    ("Cut hospital onboarding from 30 days to 12", 30, 12, "days", "decrease", None, False),
    ("Grow newsletter subscribers from 3 200 to 5 000", 3200, 5000, "", "increase", None, False),
    ("Grow revenue from £800k to £1.1M", 800_000, 1_100_000, "£", "increase", None, False),
    ("Raise sales in Japan from ¥50M to ¥80M", 50e6, 80e6, "¥", "increase", None, False),
    ("Raise revenue from USD 2.5M to USD 3M", 2.5e6, 3e6, "$", "increase", None, False),
    ("Lower costs from EUR 1,200 to EUR 900 per month", 1200, 900, "€", "decrease", None, False),
    ("Reduce build time from 25 minutes to under 10", 25, 10, "minutes", "decrease", None, False),
    ("Raise NPS from thirty to forty-five", 30, 45, "", "increase", None, False),
    ("Improve response time from 4.5 hours to 2", 4.5, 2, "hours", "decrease", None, False),
    ("Shrink p95 latency from 800 ms to 300 ms", 800, 300, "ms", "decrease", None, False),
    ("Cut page load from 3.2s to 1.5s", 3.2, 1.5, "s", "decrease", None, False),
    ("Grow paid seats from 2k to 4k", 2000, 4000, "", "increase", None, False),
    ("Raise gross margin from 38% to 42% by Q4 2025", 38, 42, "%", "increase", None, False),
    ("Increase weekly users to 1,800 from 1,200", 1200, 1800, "", "increase", None, False),
    ("NPS 30 → 45", 30, 45, "", "increase", None, False),
    ("Cut sick days from a dozen to eight", 12, 8, "", "decrease", None, False),
    ("Grow the alumni pool from 60 to 150 people", 60, 150, "people", "increase", None, False),
    ("Move completion from 1 200,5 to 1 300", 1200.5, 1300, "", "increase", None, False),
    # up from / down from
    ("Collect 95% of invoices within 30 days, up from 70%", 70, 95, "%", "increase", None, False),
    ("Redistribute 40 tonnes a month, up from 25", 25, 40, "tonnes", "increase", None, False),
    ("Get average wait to 8 minutes, down from 20", 20, 8, "minutes", "decrease", None, False),
    # by N: only the change is known
    ("Reduce churn by 2 points", None, None, "points", "decrease", 2, False),
    ("Lift NPS by 5 percentage points", None, None, "points", "increase", 5, False),
    ("Increase revenue by 15%", None, None, "", "increase", 15, True),
    ("Reduce defects by a quarter", None, None, "", "decrease", 25, True),
    ("Cut response time by half", None, None, "", "decrease", 50, True),
    ("Shorten the sales cycle by 3 weeks", None, None, "weeks", "decrease", 3, False),
    ("Reduce churn from 5% by 2 points", 5, 3, "%", "decrease", 2, False),
    ("Grow revenue by 15% to €1.2M", None, 1.2e6, "€", "increase", 15, True),
    # multipliers
    ("Double organic sign-ups", None, None, "", "increase", 100, True),
    ("Halve the number of failed deployments", None, None, "", "decrease", 50, True),
    ("Triple the number of active mentors", None, None, "", "increase", 200, True),
    ("Double weekly users from 1,200", 1200, 2400, "", "increase", 100, True),
    ("Grow sign-ups 3x", None, None, "", "increase", 200, True),
    ("Cut page load time 2x", None, None, "", "decrease", 50, True),
    # target only
    ("Raise conversion to 25%", None, 25, "%", "increase", None, False),
    ("Reach $1.2M in annual recurring revenue", None, 1.2e6, "$", None, None, False),
    ("Grow active users to 40k", None, 40_000, "", "increase", None, False),
    ("Bring first response time below 2 hours", None, 2, "hours", "decrease", None, False),
    ("Keep uptime above 99.9%", None, 99.9, "%", "increase", None, False),
    ("Cut lost-time injuries to zero", None, 0, "", "decrease", None, False),
    ("Sign 12 new enterprise customers", None, 12, "new enterprise customers", None, None, False),
    ("Answer 90% of tickets within one day", None, 90, "%", None, None, False),
    ("Resolve tickets within 2 hours", None, 2, "hours", "decrease", None, False),
    ("Have at least 300 households use the app", None, 300, "households", "increase", None, False),
    ("Achieve an NPS of 50", None, 50, "", None, None, False),
    ("Save €300 a month", None, 300, "€", None, None, False),
    ("Win approval from 5 partner cafés", None, 5, "partner cafés", None, None, False),
    ("Serve 30 shops from 2 p.m. to 4 p.m.", None, 30, "shops", None, None, False),
    ("Open at 9:30 for 20 cafés", None, 20, "cafés", None, None, False),
    # other languages: digits and connectors
    ("Kundenzufriedenheit von 70% auf 85% steigern", 70, 85, "%", "increase", None, False),
    ("Zwiększyć liczbę klientów z 120 do 200", 120, 200, "", "increase", None, False),
    ("Réduire le délai de réponse de 48 h à 24 h", 48, 24, "h", "decrease", None, False),
    ("Aumentar la tasa de conversión del 2% al 3,5%", 2, 3.5, "%", "increase", None, False),
    ("Umsatz von 1.200 auf 1.500 Kunden steigern", 1200, 1500, "Kunden", "increase", None, False),
    # connectors glued to the number by a hyphen (ASCII or Hebrew maqaf), or spaced
    ("הגדל את מספר הלקוחות מ-30 ל-45", 30, 45, "", "increase", None, False),
    ("הגדל את מספר הלקוחות מ־30 ל־45", 30, 45, "", "increase", None, False),
    ("הקטן את זמן ההמתנה מ 20 דקות עד 8", 20, 8, "דקות", "decrease", None, False),
    ("Grow paying customers from-30 to-45", 30, 45, "", "increase", None, False),
]


@pytest.mark.parametrize(
    ("text", "start", "target", "unit", "direction", "delta", "relative"),
    CASES,
    ids=[case[0] for case in CASES],
)
def test_parse_metric(
    text: str,
    start: float | None,
    target: float | None,
    unit: str,
    direction: str | None,
    delta: float | None,
    relative: bool,
) -> None:
    parsed = parse_metric(text)
    assert parsed is not None
    assert parsed.start == (None if start is None else pytest.approx(start))
    assert parsed.target == (None if target is None else pytest.approx(target))
    assert parsed.unit == unit
    assert parsed.direction == direction
    assert parsed.delta == (None if delta is None else pytest.approx(delta))
    assert parsed.relative is relative


def test_there_are_at_least_forty_phrasings() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize(
    "text",
    [
        "Improve customer satisfaction",
        "Launch the portal by 30 June 2025",
        "Release version 2 of the app",
        "Get ISO 27001 certified in Q3",
        # A number glued to a word is a name, and an ISO date is a day: nothing to measure.
        "Recover from the COVID-19 slump",
        "Sign every release with SHA-256",
        "Launch the portal by 2026-03-31",
        "",
    ],
)
def test_no_number_means_no_metric(text: str) -> None:
    assert parse_metric(text) is None


def test_a_range_keeps_both_numbers_and_an_iso_date_gives_none() -> None:
    def values(text: str) -> list[float]:
        return [q.value for q in find_quantities(text)]

    assert values("Keep NPS within 30-40") == [30, 40]
    assert values("Raise NPS from 30 to 45 by 2026-12-31") == [30, 45]
    assert values("Grow from 30 to 45 users from-50 stores") == [30, 45, 50]
    assert values("Patch COVID-19 and SHA-256 issues in B-52 shops") == []


def test_to_dict_includes_the_change() -> None:
    parsed = parse_metric("Reduce churn by 2 points")
    assert parsed == ParsedMetric(None, None, "points", "decrease", 2.0, False)
    assert parsed.to_dict() == {
        "start": None,
        "target": None,
        "unit": "points",
        "direction": "decrease",
        "delta": 2.0,
        "relative": False,
    }


def test_numbers_decide_the_direction_over_the_verb() -> None:
    parsed = parse_metric("Improve average handling time from 9 minutes to 6")
    assert parsed is not None and parsed.direction == "decrease"
    parsed = parse_metric("Cut waiting from 5 to 5 days")
    assert parsed is not None and parsed.direction == "decrease"  # equal numbers: verb decides


def test_years_and_dates_are_not_read_as_targets() -> None:
    parsed = parse_metric("Raise NPS from 30 to 45 by December 2026")
    assert parsed is not None
    assert (parsed.start, parsed.target) == (30, 45)


@pytest.mark.parametrize(
    ("text", "start", "target", "reworded"),
    [
        (
            "Cut Year 9 absence from 38 to 20 students",
            27,
            20,
            "Cut Year 9 absence from 27 to 20 students",
        ),
        ("Raise conversion to 4%, up from 2.5%", 3.1, 4, "Raise conversion to 4%, up from 3.1%"),
        (
            "Grow revenue from €2M to €2.4M",
            2_200_000,
            2_400_000,
            "Grow revenue from €2.2M to €2.4M",
        ),
        ("Reach 1,200 weekly users from 800", 950, 1200, "Reach 1,200 weekly users from 950"),
        ("Raise CSAT from 78% to 90%", 78, 95, "Raise CSAT from 78% to 95%"),
        (
            "Steigern Kunden von 1.500 auf 2.000",
            1700.5,
            2000,
            "Steigern Kunden von 1700,5 auf 2.000",
        ),
    ],
)
def test_reword_numbers_rewrites_the_stated_numbers_in_place(
    text: str, start: float, target: float, reworded: str
) -> None:
    assert reword_numbers(text, start, target) == reworded
    again = parse_metric(reworded)
    assert again is not None and (again.start, again.target) == (start, target)


@pytest.mark.parametrize(
    "text",
    [
        "Cut Year 9 absence from thirty-eight to twenty students",  # number words stay
        "Raise NPS from 30 by 10 points",  # a new start would move the computed target
        "Cut Year 9 absence to 20 students",  # no start written: nothing to change
        "Make the library a place people want to be",  # no numbers at all
    ],
)
def test_reword_numbers_leaves_what_it_cannot_rewrite_exactly(text: str) -> None:
    assert reword_numbers(text, 27, 20) == text


def test_numbers_disagreeing_names_each_number_that_differs() -> None:
    said = parse_metric("Cut Year 9 absence from 38 to 20 students")
    assert numbers_disagreeing(said, 27, 20) == [("start", 38, 27)]
    assert numbers_disagreeing(said, 27, 15) == [("start", 38, 27), ("target", 20, 15)]
    assert numbers_disagreeing(said, 38.001, 20) == []  # reads the same to two decimals
    assert numbers_disagreeing(said, None, None) == []
    assert numbers_disagreeing(parse_metric("Cut absence to 20 students"), 38, 20) == []
