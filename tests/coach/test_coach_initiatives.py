"""Initiative rules."""

from __future__ import annotations

import pytest

from okrdesk.coach import check_initiative


@pytest.mark.parametrize("text", ["", " \n"])
def test_empty_initiative_is_an_error(text: str) -> None:
    assert [(f.rule, f.severity) for f in check_initiative(text)] == [("initiative-empty", "error")]


@pytest.mark.parametrize(
    "text",
    [
        "Increase NPS from 30 to 45",
        "Reduce churn by 2 points",
        "Cut onboarding time to 12 days",
        "Raise repeat orders from 18% to 25%",
    ],
)
def test_initiative_written_as_a_result_is_info(text: str) -> None:
    assert [(f.rule, f.severity) for f in check_initiative(text)] == [
        ("initiative-is-result", "info")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Run weekly onboarding calls for new hospital customers",
        "Partner with two supermarket chains for end-of-day surplus",
        "Open a Saturday reading club for Year 3 pupils",
        "Run a pricing experiment with 10% of new sign-ups",
        "Hire two more care coordinators",
        "Move the daily courier pickup from 2 p.m. to 4 p.m.",  # clock times are no measure
        "Launch 3 campaigns",  # an activity is exactly what an initiative should be
        "Stellenanzeigen auf LinkedIn und Xing schalten",
        "Kundenzufriedenheit von 70% auf 85% steigern",  # German: no English word rules
    ],
)
def test_work_items_are_quiet(text: str) -> None:
    assert check_initiative(text) == []
