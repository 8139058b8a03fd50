"""Layouts from plain view data alone (no workspace): fitting, columns, line breaking."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from report_helpers import pdf_text, statement

from okrdesk.reports import PageSetup, PrintInfo, SheetsData, write_sheets
from okrdesk.reports.cells import break_lines
from okrdesk.reports.data import SheetTeam
from okrdesk.reports.fonts import REGULAR, FontBook, register_fonts
from okrdesk.reports.sheet import fit_sheet
from okrdesk.reports.styles import SHEET_SCALES
from okrdesk.services.views import CycleView, KeyResultView, ObjectiveView, TeamView

CYCLE = CycleView("c", "2027-Q1", date(2027, 1, 1), date(2027, 3, 31), "planning", ("Growth",))


def _kr(n: int, length: int) -> KeyResultView:
    values = dict(start=0.0, target=100.0, current=40.0, unit="%", direction="increase")
    return KeyResultView(
        id=f"kr{n}",
        title=statement(f"KR {n}", length),
        kind="metric",
        done=False,
        commit_level=None,
        stretch_level=None,
        owner="Ines",
        confidence="on_track",
        weight=1.0,
        progress=0.4,
        band="amber",
        **values,
    )


def _team(objectives: int, krs: int, length: int = 200) -> SheetTeam:
    views = tuple(
        ObjectiveView(
            id=f"o{o}",
            title=statement(f"Objective {o}", length),
            why="",
            owner="Emre",
            kind="committed",
            status="final",
            theme="Growth",
            key_results=tuple(_kr(o * 100 + k, length) for k in range(krs)),
            initiatives=(),
            supports=(),
            score=0.4,
            band="amber",
        )
        for o in range(objectives)
    )
    return SheetTeam(TeamView("t", "Bench", "team", None, 0, views, 0.4, "amber"), ())


def test_a_small_set_keeps_normal_type_and_a_big_one_is_made_smaller() -> None:
    register_fonts()
    frame = PageSetup().frame
    small = fit_sheet(_team(2, 3, 80), CYCLE, "Org", FontBook(), frame)
    big = fit_sheet(_team(4, 5, 140), CYCLE, "Org", FontBook(), frame)
    assert small.fits and small.scale is SHEET_SCALES[0]
    assert big.fits and SHEET_SCALES.index(big.scale) > 0
    assert big.height <= frame[1] and small.height < big.height


def test_a_wide_page_tries_two_columns_before_the_smallest_type() -> None:
    frame = PageSetup("a4", landscape=True).frame
    fitted = fit_sheet(_team(4, 5, 140), CYCLE, "Org", FontBook(), frame)
    assert fitted.fits and fitted.columns == 2
    assert fitted.scale.body >= SHEET_SCALES[-1].body


def test_what_does_not_fit_is_reported_not_squeezed_below_the_minimum() -> None:
    fitted = fit_sheet(_team(12, 10), CYCLE, "Org", FontBook(), PageSetup().frame)
    assert not fitted.fits
    assert fitted.scale is SHEET_SCALES[-1] and fitted.scale.body >= 7.5


def test_sheet_from_plain_data(tmp_path: Path) -> None:
    data = SheetsData(PrintInfo("Org", "plain.okrdesk", date(2027, 1, 2)), CYCLE, (_team(1, 2),))
    out = tmp_path / "plain.pdf"
    result = write_sheets(data, out, PageSetup("letter"))
    assert result.pages == 1
    text = pdf_text(out)[0]
    assert "Bench" in text and "Printed 2 January 2027" in text and "40%" in text


@pytest.mark.parametrize("width", [40.0, 120.0, 400.0])
def test_break_lines_keeps_every_word_and_respects_the_width(width: float) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()
    text = "Cut the average wait from order to delivered machine from 63 days to 35 " * 3
    lines = break_lines(text.strip(), REGULAR, 9, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost
    assert all(stringWidth(line, REGULAR, 9) <= width for line in lines)


def test_break_lines_cuts_a_word_longer_than_the_line() -> None:
    register_fonts()
    lines = break_lines("x" * 80, REGULAR, 9, 60)
    assert "".join(lines) == "x" * 80 and len(lines) > 1


def test_break_lines_never_cuts_a_number() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()
    for word in ("31,400", "-1,250.5", "€38,000", "85%", "38,000\u00a0€"):
        exact = stringWidth(word, REGULAR, 9)
        assert break_lines(word, REGULAR, 9, exact - 0.01) == [word]
    assert break_lines("now 31,400", REGULAR, 9, stringWidth("31,40", REGULAR, 9)) == [
        "now",
        "31,400",
    ]
