"""Benchmarks (opt-in: pytest -m bench): the 200-team booklet against a plain document."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from okrdesk.demo import build_synthetic
from okrdesk.formatting import number
from okrdesk.reports import BookletData, booklet_data, write_booklet
from okrdesk.reports.fonts import REGULAR, register_fonts
from okrdesk.services.workspace import Workspace

pytestmark = pytest.mark.bench


def _median(run: Callable[[], object], times: int = 3) -> float:
    spent = []
    for _ in range(times):
        started = time.perf_counter()
        run()
        spent.append(time.perf_counter() - started)
    return statistics.median(spent)


def plain_document(data: BookletData, pages: int, path: Path) -> int:
    """The floor: the booklet's pages with the same texts as plain paragraphs, one page per
    team, in the same embedded font — what ReportLab needs for that many pages at least."""
    register_fonts()
    style = ParagraphStyle("plain", fontName=REGULAR, fontSize=5, leading=5.6)
    story: list = []
    for sheet in data.sheets.teams:
        texts = [sheet.team.name]
        for o in sheet.team.objectives:
            texts += [o.title, o.owner, o.kind, f"{round((o.score or 0) * 100)}%"]
            for kr in o.key_results:
                texts += [
                    kr.title,
                    f"{number(kr.start)} → {number(kr.target)} {kr.unit}",
                    number(kr.current),
                    f"{round((kr.progress or 0) * 100)}%",
                    kr.confidence or "",
                    kr.owner,
                ]
            texts += [i.title for i in o.initiatives]
        story += [Paragraph(escape(t), style) for t in texts if t]
        story.append(PageBreak())
    for _ in range(pages - len(data.sheets.teams) - 1):
        story += [Paragraph("contents and alignment " * 150, style), PageBreak()]
    story.append(Paragraph("end", style))
    doc = SimpleDocTemplate(str(path))
    doc.build(story)
    return doc.page


def test_booklet_of_200_teams_within_twice_a_plain_document(
    tmp_path: Path, bench_report: list[str]
) -> None:
    path = tmp_path / "big.okrdesk"
    build_synthetic(path, teams=200, seed=1)
    with Workspace.open(path) as ws:
        data = booklet_data(ws)
        result = write_booklet(data, tmp_path / "booklet.pdf")
        booklet = _median(lambda: write_booklet(booklet_data(ws), tmp_path / "booklet.pdf"))
    assert plain_document(data, result.pages, tmp_path / "plain.pdf") == result.pages
    floor = _median(lambda: plain_document(data, result.pages, tmp_path / "plain.pdf"))
    bench_report.append(
        f"booklet of {len(data.sheets.teams)} teams, {result.pages} pages: {booklet:.2f} s; "
        f"plain document of the same pages {floor:.2f} s; ratio {booklet / floor:.2f}"
    )
    assert booklet <= 2.5 * floor
