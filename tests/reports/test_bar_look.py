"""What the bars on paper say: pace while a cycle runs, grades after it, in grey too."""

from __future__ import annotations

import statistics
from datetime import date
from pathlib import Path

import pypdfium2
import pytest
from report_helpers import pdf_text
from reportlab.pdfgen.canvas import Canvas

from okrdesk.reports import sheets_data, write_sheets
from okrdesk.reports.bar_look import BarLook, Pace
from okrdesk.reports.flowables import ProgressBar
from okrdesk.reports.fonts import REGULAR, register_fonts
from okrdesk.services.views import CycleView
from okrdesk.services.workspace import Workspace

START, END = date(2026, 10, 1), date(2026, 12, 31)


def _cycle(state: str) -> CycleView:
    return CycleView("c", "2026-Q4", START, END, state, ())  # type: ignore[arg-type]


class _KeyResult:  # what Pace reads of a key result view
    def __init__(self, band: str | None, confidence: str | None) -> None:
        self.band, self.confidence = band, confidence


class _Objective:
    def __init__(self, band: str | None, score: float | None) -> None:
        self.band, self.score = band, score


def test_during_a_cycle_a_bar_shows_the_status_the_app_shows_and_where_it_should_be() -> None:
    pace = Pace(_cycle("active"), date(2026, 11, 15))
    halfway = (date(2026, 11, 15) - START) / (END - START)

    # The grade band said amber; the team says off track: the bar says off track.
    look = pace.key_result(_KeyResult("amber", "off_track"))  # type: ignore[arg-type]
    assert look == BarLook("red", "crosshatch", pytest.approx(halfway))
    assert pace.key_result(_KeyResult("red", "at_risk")).colour == "amber"  # type: ignore[arg-type]
    assert pace.key_result(_KeyResult("red", "on_track")).pattern is None  # type: ignore[arg-type]
    # An objective has no status of its own: its pace decides (20 % at half-time is behind).
    assert pace.objective(_Objective("red", 0.2)).colour == "red"  # type: ignore[arg-type]
    assert pace.objective(_Objective("red", 0.6)).colour == "green"  # type: ignore[arg-type]


@pytest.mark.parametrize("state", ["review", "closed"])
def test_a_graded_cycle_colours_bars_by_grade_without_a_today_mark(state: str) -> None:
    pace = Pace(_cycle(state), date(2027, 1, 10))
    assert pace.key_result(_KeyResult("amber", "off_track")) == BarLook("amber")  # type: ignore[arg-type]


def test_a_plan_has_no_today_mark() -> None:
    pace = Pace(_cycle("planning"), date(2026, 9, 20))
    assert pace.key_result(_KeyResult(None, "at_risk")).mark is None  # type: ignore[arg-type]


def _grey_fills(tmp_path: Path, looks: list[BarLook]) -> list[list[int]]:
    """Draw one bar per look, print the page in greyscale, and return each bar's filled
    pixels (the same progress everywhere: only colour and pattern differ)."""
    register_fonts()
    path = tmp_path / "bars.pdf"
    c = Canvas(str(path), pagesize=(300, 40 * len(looks) + 20))
    for n, look in enumerate(looks):
        bar = ProgressBar(0.8, 200, REGULAR, 12, look=look)
        bar.wrapOn(c, 200, 20)
        bar.drawOn(c, 10, 10 + 40 * n)
    c.save()
    scale = 4
    image = pypdfium2.PdfDocument(path)[0].render(scale=scale, grayscale=True).to_pil()
    height = image.height
    fills = []
    for n in range(len(looks)):
        # Inside the filled part of bar n (away from its border and the today tick).
        top = height - int((10 + 40 * n + 9) * scale)
        box = (int(14 * scale), top, int(60 * scale), top + int(4 * scale))
        fills.append(list(image.convert("L").crop(box).get_flattened_data()))
    return fills


def test_statuses_stay_apart_on_a_black_and_white_printer(tmp_path: Path) -> None:
    # Red, green and amber print as 29 %, 41 % and 49 % grey: tone alone cannot tell them.
    solid, striped, crossed = _grey_fills(
        tmp_path,
        [BarLook("green"), BarLook("amber", "stripes"), BarLook("red", "crosshatch")],
    )
    assert statistics.pstdev(solid) < 2  # on track: plain
    assert statistics.pstdev(striped) > 20 and statistics.pstdev(crossed) > 20  # patterned
    # Stripes run one way, a cross-hatch both: only the stripes change much more across
    # their lines than along them.
    assert _across_over_along(striped) > 2 > _across_over_along(crossed) > 0.5


def _across_over_along(pixels: list[int], width: int = 46 * 4) -> float:
    """How much more the grey changes along one diagonal than along the other."""
    rows = [pixels[i : i + width] for i in range(0, len(pixels), width)]

    def change(step: int) -> float:  # step -1: up and right, +1: down and right
        pairs = range(1, len(rows) - 1)
        return statistics.mean(
            abs(rows[y][x] - rows[y + step][x + 1]) for y in pairs for x in range(width - 1)
        )

    return (change(1) + 1) / (change(-1) + 1)


def test_the_sheet_explains_its_bars(demo_ws: Workspace, tmp_path: Path) -> None:
    running = tmp_path / "running.pdf"
    data = sheets_data(demo_ws, team="Kolbenwerk Espresso")
    write_sheets(data, running)
    closed = tmp_path / "closed.pdf"
    write_sheets(sheets_data(demo_ws, team="Kolbenwerk Espresso", cycle="2026-Q3"), closed)

    text = " ".join(pdf_text(running)[0].split())
    today = f"{data.info.printed_on.day} {data.info.printed_on:%b}"
    assert "by status: on track at risk off track" in text
    assert f"where it should be on {today}" in text
    assert "Three levels score 0.3 at commit, 0.7 at target, 1.0 at stretch." in text
    graded = " ".join(pdf_text(closed)[0].split())
    assert "coloured by grade: good partial missed" in graded
    assert "where it should be" not in graded
