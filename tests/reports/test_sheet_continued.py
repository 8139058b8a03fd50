"""A sheet that runs on to more pages keeps its context on every page."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader
from report_helpers import Builder, pdf_text

from okrdesk.reports import PageSetup, sheets_data, write_sheets

TEAM = "Zürich Łódź"


def _lines(page: str) -> list[str]:
    return [line.strip() for line in page.splitlines() if line.strip()]


def _objective_of(line: str) -> int | None:
    """The objective a line starts with ("O6  Objective 6 …"), or None."""
    found = re.match(r"O(\d+)\s", line)
    return int(found.group(1)) if found else None


def test_each_page_of_a_long_sheet_has_headings_page_numbers_and_whole_objectives(
    team_workspace: Builder, tmp_path: Path
) -> None:
    ws = team_workspace(7, 5, length=160)
    out = tmp_path / "long.pdf"
    result = write_sheets(sheets_data(ws, team=TEAM), out)
    pages = [" ".join(page.split()) for page in pdf_text(out)]  # lines joined

    assert result.pages == len(pages) >= 2
    for n, page in enumerate(pages, 1):
        assert "Objective · key result" in page  # the column headings, on every page
        footer = f"{n} of {len(pages)}" + (" · continues overleaf" if n < len(pages) else "")
        assert footer in page
    # An objective that fits on the next page is moved there whole: the first objective of a
    # later page has all of its key results on that page.
    second = _lines(pdf_text(out)[1])
    first_objective = next(o for o in map(_objective_of, second) if o is not None)
    for k in range(1, 6):
        assert f"Key result {first_objective}.{k} raise" in pages[1]
        assert f"Key result {first_objective}.{k} raise" not in pages[0]


def test_an_objective_longer_than_a_page_is_named_again_where_it_continues(
    team_workspace: Builder, tmp_path: Path
) -> None:
    ws = team_workspace(2, 40)
    out = tmp_path / "tall.pdf"
    write_sheets(sheets_data(ws, team=TEAM), out)
    pages = pdf_text(out)

    assert "Key result 1.1 raise" in pages[0]  # it starts on the first page, not after it
    assert "Objective 1 raise" in pages[1] and "(continued)" in pages[1]
    assert "(continued)" not in pages[0]


def test_a_wide_sheet_keeps_two_columns_on_every_page(
    team_workspace: Builder, tmp_path: Path
) -> None:
    ws = team_workspace(9, 5, length=160)
    out = tmp_path / "wide.pdf"
    write_sheets(sheets_data(ws, team=TEAM), out, PageSetup("a4", landscape=True))
    reader = PdfReader(out)

    assert len(reader.pages) >= 2
    half = float(reader.pages[0].mediabox.width) / 2
    for page in reader.pages:
        heading_x: list[float] = []

        def collect(text: str, cm: list[float], tm: list[float], *_rest: object) -> None:
            if text.startswith("Objective · key result"):  # where it is on the page:
                heading_x.append(tm[4] * cm[0] + tm[5] * cm[2] + cm[4])  # noqa: B023

        page.extract_text(visitor_text=collect)
        assert any(x < half for x in heading_x) and any(x > half for x in heading_x)
