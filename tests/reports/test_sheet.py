"""The one-page OKR sheet, written to disk and read back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from report_helpers import NAMES, Builder, embedded, page_fonts, pdf_text

from okrdesk.reports import PageSetup, booklet_data, sheets_data, write_booklet, write_sheets
from okrdesk.services import entities
from okrdesk.services.workspace import Workspace

SETUPS = [
    PageSetup("a4", False),
    PageSetup("a4", True),
    PageSetup("letter", False),
    PageSetup("letter", True),
]
BASE14 = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")


def test_demo_sheet_shows_the_team_its_okrs_and_its_organisation(
    demo_ws: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "workshop.pdf"
    result = write_sheets(sheets_data(demo_ws, team="workshop"), out)

    assert result.pages == 1 and result.overflowed == () and result.missing_glyphs == ""
    text = " ".join(pdf_text(out)[0].split())  # lines joined: large type wraps titles
    assert "Workshop" in text and "Kolbenwerk Espresso GmbH" in text
    assert "2026-Q4" in text and "1 Oct – 31 Dec 2026" in text
    assert "Always have a rebuilt machine ready to leave the door" in text
    assert "Cut median hands-on rebuild time from 24 hours to 19" in text
    assert "24 → 19 hours" in text and "now 22" in text and "40%" in text
    assert "off track" in text and "Paula" in text
    assert "Replace hand descaling of boilers with a heated descaling tank" in text
    # The organisation and the day, not the file it was saved in: a wall sheet is no folder.
    assert "demo.okrdesk" not in text and "Printed " in text


@pytest.mark.parametrize("setup", SETUPS, ids=lambda s: f"{s.paper}-{s.landscape}")
def test_four_objectives_of_five_key_results_fit_one_page(
    team_workspace: Builder, tmp_path: Path, setup: PageSetup
) -> None:
    ws = team_workspace(4, 5, length=130)
    out = tmp_path / "sheet.pdf"
    result = write_sheets(sheets_data(ws, team="Zürich Łódź"), out, setup)

    assert result.pages == 1
    assert result.overflowed == ()
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(setup.size, abs=0.5)
    text = reader.pages[0].extract_text()
    # Every objective and key result is there (long statements are wrapped, not cut).
    for o in range(1, 5):
        assert f"Objective {o} raise the share" in text
        for k in range(1, 6):
            assert f"Key result {o}.{k} raise" in text
    assert "continued" not in text


def test_an_absurdly_large_team_continues_on_a_marked_page(
    team_workspace: Builder, tmp_path: Path
) -> None:
    ws = team_workspace(10, 10, initiatives=3)
    out = tmp_path / "huge.pdf"
    result = write_sheets(sheets_data(ws, team="Zürich Łódź"), out)

    assert result.pages >= 2
    assert result.overflowed == ("Zürich Łódź",)
    assert any("continue" in notice for notice in result.notices)
    pages = pdf_text(out)
    assert "continued" not in pages[0]
    assert all("Zürich Łódź — continued" in page for page in pages[1:])
    assert "Key result 10.10 raise" in pages[-1]


def test_names_in_many_scripts_print_as_text_in_embedded_fonts(
    team_workspace: Builder, tmp_path: Path
) -> None:
    ws = team_workspace(len(NAMES), 1, initiatives=0)
    out = tmp_path / "names.pdf"
    result = write_sheets(sheets_data(ws, team="zürich łódź"), out)

    assert result.missing_glyphs == ""
    text = " ".join(pdf_text(out))
    for name in [*NAMES, "Kolbenwerk Ελλάδα"]:
        assert name in text
    fonts = page_fonts(out)
    assert fonts and not any(base in name for name in fonts for base in BASE14)
    assert all("DejaVuSans" in name for name in fonts)
    assert embedded(out)


def test_metadata_names_the_team_cycle_and_organisation(demo_ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "meta.pdf"
    write_sheets(sheets_data(demo_ws, team="Café Sales"), out)
    meta = PdfReader(out).metadata
    assert meta.title == "Café Sales — OKRs 2026-Q4"
    assert meta.author == "Kolbenwerk Espresso GmbH"
    assert "2026-Q4" in meta.subject and "Kolbenwerk" in meta.subject


def test_markup_in_user_text_prints_literally(team_workspace: Builder, tmp_path: Path) -> None:
    ws = team_workspace(1, 1, initiatives=0)
    team = entities.list_items(ws, "team", name="Zürich Łódź")[0]["id"]
    cycle = entities.list_items(ws, "cycle")[0]["id"]
    entities.create(
        ws, "objective", cycle_id=cycle, team_id=team, title="Win <b>bold</b> & <unclosed cafés"
    )
    out = tmp_path / "markup.pdf"
    write_sheets(sheets_data(ws, team="Zürich Łódź"), out)
    assert "Win <b>bold</b> & <unclosed cafés" in pdf_text(out)[0]


def test_a_team_without_objectives_gets_a_sheet_that_says_so(
    demo_ws: Workspace, tmp_path: Path
) -> None:
    entities.create(demo_ws, "team", name="New Team")
    out = tmp_path / "empty.pdf"
    result = write_sheets(sheets_data(demo_ws, team="New Team"), out)
    assert result.pages == 1
    assert "No objectives in this cycle yet." in pdf_text(out)[0]


def test_progress_reads_without_colour(demo_ws: Workspace, tmp_path: Path) -> None:
    """Every bar has its percentage printed as text, and confidence is a word."""
    out = tmp_path / "grey.pdf"
    data = sheets_data(demo_ws, team="Field Service")
    write_sheets(data, out)
    text = pdf_text(out)[0]
    for objective in data.teams[0].team.objectives:
        for kr in objective.key_results:
            assert f"{round(kr.progress * 100)}%" in text
    assert "on track" in text and "at risk" in text


def test_a_very_long_why_runs_on_instead_of_failing(
    team_workspace: Builder, tmp_path: Path
) -> None:
    ws = team_workspace(1, 2, initiatives=0)
    objective = entities.list_items(ws, "objective")[0]["id"]
    why = " ".join(f"Reason {n} for this objective is the customers we keep." for n in range(320))
    entities.update(ws, "objective", objective, why=why)
    out = tmp_path / "why.pdf"
    result = write_sheets(sheets_data(ws, team="Zürich Łódź"), out)
    assert result.pages >= 2 and result.overflowed == ("Zürich Łódź",)
    text = " ".join(pdf_text(out))
    assert "Reason 0 for this" in text and "Reason 319 for this" in text


@pytest.mark.parametrize("setup", SETUPS, ids=lambda s: f"{s.paper}{'-landscape' * s.landscape}")
def test_a_number_and_its_unit_stay_on_one_line(
    demo_ws: Workspace, tmp_path: Path, setup: PageSetup
) -> None:
    # The company's widest "now" (31,400) exactly fills its column in landscape: it
    # printed as "31,40" over "0". A unit or a level never starts a line of its own.
    out = tmp_path / "company.pdf"
    write_sheets(sheets_data(demo_ws, team="Kolbenwerk Espresso"), out, setup)
    lines = [line.replace("\u00a0", " ").strip() for line in pdf_text(out)[0].splitlines()]

    assert any("31,400" in line for line in lines)
    assert not any(line.endswith("31,40") for line in lines)
    assert any("€38,000" in line for line in lines)
    assert "€" not in lines and "·" not in lines
    assert any("commit 48 ·" in line for line in lines)
    assert not any(line.endswith(("commit", "stretch", "→ 38,000")) for line in lines)


def test_a_plan_without_check_ins_prints_no_zero_percent(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "plan.okrdesk", "Kolbenwerk")
    try:
        cycle = entities.create(
            ws, "cycle", name="2027-Q1", start_date="2027-01-01", end_date="2027-03-31"
        )
        team = entities.create(ws, "team", name="Workshop")
        objective = entities.create(
            ws, "objective", cycle_id=cycle, team_id=team, title="Be the café's first call"
        )
        for title, start, target in (("Raise NPS from 30 to 50", 30, 50), ("Cut wait", 10, 5)):
            entities.create(
                ws, "key_result", objective_id=objective, title=title, start=start, target=target
            )
        out = tmp_path / "plan.pdf"
        write_sheets(sheets_data(ws, team="Workshop", cycle="2027-Q1"), out)
    finally:
        ws.close()
    text = pdf_text(out)[0]

    assert "Be the café's first call" in text
    assert "0%" not in text.replace(" ", "") and "Team progress" not in text


def test_objective_and_key_result_bars_are_equally_long(demo_ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "bars.pdf"
    write_sheets(sheets_data(demo_ws, team="Workshop"), out)
    # Every bar's outline is a rectangle "x y w h re" (filled and stroked); their widths agree
    # (the legend's sample bars, 2.4 times the type size long, aside).
    content = PdfReader(out).pages[0].get_contents().get_data().decode("latin-1")
    widths = {
        round(float(w), 1)
        for w, h in re.findall(r"[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+) re B", content)
        if float(h) > 3 and float(w) > 30
    }
    assert len(widths) == 1, widths


def test_a_booklet_opens_with_its_bookmarks_in_english_without_a_folio_on_its_cover(
    demo_ws: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "booklet.pdf"
    write_booklet(booklet_data(demo_ws), out)
    reader = PdfReader(out)
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    assert reader.trailer["/Root"]["/Lang"] == "en"
    pages = pdf_text(out)
    assert "page 1" not in pages[0] and "page 2" in pages[1]


def test_a_wrapped_title_hangs_under_its_text_not_its_number(
    demo_ws: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "workshop.pdf"
    write_sheets(sheets_data(demo_ws, team="Workshop"), out)
    x: dict[str, float] = {}

    def collect(text: str, cm: list[float], tm: list[float], *_rest: object) -> None:
        if text.strip():
            x.setdefault(text.strip(), tm[4] * cm[0] + tm[5] * cm[2] + cm[4])

    PdfReader(out).pages[0].extract_text(visitor_text=collect)
    number = next(t for t in x if t.startswith("1.2") and "Cut median hands-on" in t)
    second = next(t for t in x if t.startswith("24 hours to 19"))
    # "1.2  Cut median … from" / "24 hours to 19": the second line starts under the
    # title's first word, to the right of the number (it used to start under "1.2").
    assert x[second] > x[number] + 5
