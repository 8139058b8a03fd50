"""The booklet: cover, contents, alignment overview and every team's sheet, with bookmarks."""

from __future__ import annotations

import re
import tracemalloc
from pathlib import Path

import pypdfium2
import pytest
from pypdf import PdfReader
from report_helpers import embedded, page_fonts, pdf_text

from okrdesk.demo import build_synthetic
from okrdesk.reports import PageSetup, booklet_data, write_booklet
from okrdesk.services import entities
from okrdesk.services.workspace import Workspace

TEAMS = [
    "Kolbenwerk Espresso",
    "Operations",
    "Workshop",
    "Field Service",
    "Café Sales",
    "Online Shop",
]


@pytest.fixture
def booklet(demo_ws: Workspace, tmp_path: Path) -> tuple[Path, object]:
    out = tmp_path / "booklet.pdf"
    return out, write_booklet(booklet_data(demo_ws), out)


def _outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(level, title, page number) of every bookmark, in order."""
    found: list[tuple[int, str, int]] = []

    def walk(items: list, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return found


def test_every_team_has_a_bookmark_nested_like_the_team_tree(booklet) -> None:
    out, result = booklet
    reader = PdfReader(out)
    outline = _outline(reader)
    titles = [title for _level, title, _page in outline]
    assert titles[:3] == ["Kolbenwerk Espresso GmbH", "Contents", "Alignment overview"]
    assert titles[3:] == TEAMS
    levels = {title: level for level, title, _page in outline}
    assert levels["Kolbenwerk Espresso"] == 0
    assert levels["Operations"] == 1 and levels["Café Sales"] == 1
    assert levels["Workshop"] == 2 and levels["Field Service"] == 2
    # Each bookmark opens the page that starts with that team's sheet.
    pages = pdf_text(out)
    for _level, title, page in outline[3:]:
        assert title in pages[page - 1].split("\n")[:2]  # under its path (the company: none)
    assert result.pages == len(reader.pages) == 3 + len(TEAMS)
    assert result.overflowed == ()


def test_contents_lists_each_team_with_the_page_of_its_sheet(booklet) -> None:
    out, _result = booklet
    reader = PdfReader(out)
    starts = {title: page for _level, title, page in _outline(reader)}
    contents = pdf_text(out)[1]
    assert contents.startswith("Contents")
    for team in TEAMS:
        match = re.search(re.escape(team) + r"\s+\d+ objectives?\s+\d+%\s+(\d+)", contents)
        assert match, team
        assert int(match.group(1)) == starts[team]
    assert re.search(r"Alignment overview\s+(\d+)", contents).group(1) == str(
        starts["Alignment overview"]
    )


def test_cover_and_alignment_overview(booklet) -> None:
    out, _result = booklet
    cover, _contents, alignment, *_sheets = pdf_text(out)
    assert "Kolbenwerk Espresso GmbH" in cover and "OKRs 2026-Q4" in cover
    assert "1 Oct – 31 Dec 2026" in cover and "Same-day, every day" in cover
    assert "6 teams · 13 objectives" in cover
    # A company objective, then the team objectives that support it.
    company = alignment.index("Make same-day rescue a promise we always keep")
    supporter = alignment.index("Send every callout the right technician with the right parts")
    assert company < supporter
    # The demo's objective aligned to nobody is listed as an orphan.
    orphans = alignment.index("Not aligned to another objective (1)")
    assert alignment.index("Prototype a grinder that carries our name") > orphans


def test_booklet_embeds_its_fonts_and_sets_metadata(booklet) -> None:
    out, _result = booklet
    assert embedded(out)
    assert not any("Helvetica" in name for name in page_fonts(out))
    meta = PdfReader(out).metadata
    assert meta.title == "OKR booklet 2026-Q4 — Kolbenwerk Espresso GmbH"
    assert meta.author == "Kolbenwerk Espresso GmbH"
    assert meta.subject


def test_booklet_in_landscape_letter_keeps_one_page_per_team(
    demo_ws: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "letter.pdf"
    result = write_booklet(booklet_data(demo_ws, cycle="2026-q3"), out, PageSetup("letter", True))
    reader = PdfReader(out)
    assert result.pages == len(reader.pages) == 3 + len(TEAMS)
    width, height = (float(x) for x in reader.pages[0].mediabox[2:])
    assert (width, height) == (792, 612)
    assert "OKRs 2026-Q3" in reader.pages[0].extract_text()


def test_the_cover_counts_one_of_a_kind_in_the_singular(team_workspace, tmp_path: Path) -> None:
    ws = team_workspace(1, 1, initiatives=0, length=40)
    out = tmp_path / "one.pdf"
    write_booklet(booklet_data(ws), out)
    cover = " ".join(pdf_text(out)[0].split())
    assert "2 teams · 1 objective · 1 key result" in cover


def test_a_large_booklet_holds_one_sheet_at_a_time(tmp_path: Path) -> None:
    """Each team's sheet is laid out when the printing reaches it, not all before the first
    page: memory grows with the pages written, not with every sheet's layout (at 1,000
    teams the booklet command peaked at 245 MiB, now ~160)."""
    path = tmp_path / "fifty.okrdesk"
    build_synthetic(path, teams=50, seed=1)
    with Workspace.open(path, read_only=True) as ws:
        data = booklet_data(ws)
    write_booklet(data, tmp_path / "warm.pdf")  # fonts and caches loaded once, outside
    tracemalloc.start()
    try:
        result = write_booklet(data, tmp_path / "booklet.pdf")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.pages > 60
    # About 40 kB a page now (the pages' content until the file is saved); 90 kB when
    # every sheet was laid out first.
    assert peak < 60_000 * result.pages, f"{peak / 1e6:.1f} MB for {result.pages} pages"


def test_the_sheets_of_a_booklet_share_one_column_grid(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "grid.okrdesk", "Grid")
    try:
        cycle = entities.create(
            ws, "cycle", name="2026-Q4", start_date="2026-10-01", end_date="2026-12-31"
        )
        # Two teams alike but for their owners' names and their numbers' widths.
        for team, owner, target in (("Short", "Li", 9), ("Long", "Maximilian-Alexander", 9_999)):
            team_id = entities.create(ws, "team", name=team)
            objective = entities.create(
                ws, "objective", cycle_id=cycle, team_id=team_id, title="Delight the café owners"
            )
            for n in range(3):
                entities.create(
                    ws,
                    "key_result",
                    objective_id=objective,
                    title=f"Raise the number of happy cafés, step {n}",
                    start=1,
                    target=target,
                    unit="cafés",
                    owner=owner,
                )
        out = tmp_path / "grid.pdf"
        write_booklet(booklet_data(ws, cycle="2026-Q4"), out, PageSetup("a4", landscape=True))
    finally:
        ws.close()
    pdf = pypdfium2.PdfDocument(out)

    def heading_x(page: int) -> dict[str, float]:
        """Where each column heading of a sheet page starts (pdfium's character boxes)."""
        text = pdf[page].get_textpage()
        found: dict[str, float] = {}
        for heading in ("Start → target", "Now", "Progress", "Confidence", "Owner"):
            searcher = text.search(heading, match_case=True, match_whole_word=True)
            hit = searcher.get_next()
            if hit is not None:
                found[heading] = round(text.get_charbox(hit[0])[0], 1)
        return found

    sheets = [heading_x(page) for page in range(len(pdf))]
    sheets = [columns for columns in sheets if len(columns) == 5]
    assert len(sheets) == 2 and sheets[0] == sheets[1]
