"""Numbers as people read them, and as they find them again in a field they edit."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from okrdesk.formatting import (
    counted,
    editable_number,
    key_result_numbers,
    number,
    percent,
    score_text,
    span,
)
from okrdesk.services.fields import parse_number


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.125, "0.125"),
        (1e-7, "0.0000001"),
        (1234567.5, "1234567.5"),
        (-1234567.5, "-1234567.5"),
        (-0.125, "-0.125"),
        (38000.0, "38000"),
        (-0.0, "0"),
        (0.1 + 0.2, "0.30000000000000004"),  # what is stored, not a rounded neighbour
        (1e22, "1e+22"),
        (None, ""),
    ],
)
def test_an_editable_number_reads_back_as_exactly_the_stored_one(value, text) -> None:
    assert editable_number(value) == text
    assert parse_number("Value", text) == value


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_every_finite_number_survives_a_field(value: float) -> None:
    typed = editable_number(value)
    assert "," not in typed  # the parser would read a comma as a separator
    assert parse_number("Value", typed) == value


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (38000, "38,000"),
        (1234567.5, "1,234,567.5"),
        (4.6, "4.6"),
        (0.125, "0.12"),  # reading, not editing: two decimals at most
        (-0.001, "0"),  # not "-0"
        (None, "—"),
    ],
)
def test_a_shown_number_is_easy_to_read(value, text) -> None:
    assert number(value) == text


def test_percent_score_and_span() -> None:
    assert [percent(x) for x in (0.8, 0.004, 1.0, None)] == ["80%", "0%", "100%", "—"]
    assert [score_text(x) for x in (0.7, 0.25, 1.0, 0.0, 0.72, None)] == [
        "0.7",
        "0.25",
        "1.0",
        "0.0",
        "0.72",
        "—",
    ]
    assert span(72, 95, "%") == "72 → 95 %"
    assert span(1200, 1500) == "1,200 → 1,500"


class _KeyResult:
    def __init__(self, **values: object) -> None:
        self.kind, self.unit, self.done = "metric", "", False
        self.start = self.target = self.current = None
        self.commit_level = self.stretch_level = None
        self.__dict__.update(values)


def test_a_key_results_numbers_in_one_line() -> None:
    assert key_result_numbers(_KeyResult(start=72, target=95, unit="%", current=82)) == (
        "72 → 95 %, now 82"
    )
    levels = _KeyResult(kind="three_level", start=0, target=10, commit_level=8, stretch_level=12)
    assert key_result_numbers(levels) == "0 → 10 (commit 8, stretch 12)"
    assert key_result_numbers(_KeyResult(kind="milestone", done=True)) == "done"
    assert key_result_numbers(_KeyResult()) == ""


def test_counted_says_one_without_a_plural():
    assert counted(1, "duplicate") == "1 duplicate"
    assert counted(2, "duplicate") == "2 duplicates"
    assert counted(0, "idea") == "0 ideas"
    assert counted(3, "person", "people") == "3 people"
