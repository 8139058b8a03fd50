"""The retrospective report's layout: what stays together, what stays on the paper."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from report_helpers import Builder, pdf_text
from reportlab.platypus import Table

from okrdesk.reports import PageSetup, retro_data, write_retro
from okrdesk.reports.fonts import FontBook
from okrdesk.reports.retro import answers_table
from okrdesk.reports.styles import MARGINS, styles_for
from okrdesk.services import entities
from okrdesk.services.workspace import Workspace


def _positions(path: Path, page: int) -> list[tuple[str, float]]:
    """Each text run of a page with its x on the page."""
    found: list[tuple[str, float]] = []

    def collect(text: str, cm: list[float], tm: list[float], *_rest: object) -> None:
        if text.strip():
            found.append((text.strip(), tm[4] * cm[0] + tm[5] * cm[2] + cm[4]))

    PdfReader(path).pages[page].extract_text(visitor_text=collect)
    return found


@pytest.mark.parametrize(("objectives", "key_results", "length"), [(10, 4, 150), (9, 2, 200)])
def test_no_objective_ends_a_page_without_its_first_key_result(
    team_workspace: Builder, tmp_path: Path, objectives: int, key_results: int, length: int
) -> None:
    # Sizes where the page used to end right after an objective's row.
    ws = team_workspace(objectives, key_results, length=length)
    out = tmp_path / "retro.pdf"
    write_retro(retro_data(ws, cycle="2026-Q4", team="Zürich Łódź"), out)

    for page in pdf_text(out):
        text = " ".join(page.split())
        if "Scores and grades" not in text and "Objective · key result" not in text:
            continue
        heads = [int(n) for n in re.findall(r"O(\d+) Objective \d+ raise", text)]
        for n in heads:  # every objective on the page has its first key result there too
            assert f"{n}.1 Key result {n}.1" in text, f"O{n} is stranded at the foot"


def test_big_numbers_on_a_chart_stay_on_the_paper_and_levels_are_named(
    tmp_path: Path,
) -> None:
    ws = Workspace.create(tmp_path / "big.okrdesk", "Big numbers")
    try:
        cycle = entities.create(
            ws, "cycle", name="2026-Q4", start_date="2026-10-01", end_date="2026-12-31"
        )
        team = entities.create(ws, "team", name="Treasury")
        objective = entities.create(
            ws, "objective", cycle_id=cycle, team_id=team, title="Grow the fund"
        )
        entities.create(
            ws,
            "key_result",
            objective_id=objective,
            title="Grow the fund from 1,000,000 to 1,000,000,000",
            kind="three_level",
            start=1_000_000,
            commit_level=300_000_000,
            target=1_000_000_000,
            stretch_level=1_500_000_000,
        )
        out = tmp_path / "retro.pdf"
        write_retro(retro_data(ws, cycle="2026-Q4", team="Treasury"), out)
    finally:
        ws.close()

    runs = [run for page in range(len(PdfReader(out).pages)) for run in _positions(out, page)]
    labels = [(text, x) for text, x in runs if text in ("1bn", "1M", "1.5bn")]
    assert {"1bn", "1M"} <= {text for text, _x in labels}
    assert all(x >= MARGINS.left - 0.5 for _text, x in labels)  # inside the margin
    texts = {text for text, _x in runs}
    assert {"commit", "stretch"} <= texts


def test_the_cycle_summary_keeps_the_team_tree(demo_ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "retro.pdf"
    write_retro(retro_data(demo_ws, cycle="2026-Q3"), out)
    x = dict(_positions(out, 0))

    assert x["Kolbenwerk Espresso"] < x["Operations"] < x["Workshop"]
    assert x["Operations"] == x["Café Sales"] and x["Workshop"] == x["Field Service"]


def test_continue_stop_and_start_are_never_split_across_pages(demo_ws: Workspace) -> None:
    team = retro_data(demo_ws, cycle="2026-Q3", team="Workshop").teams[0]
    st = styles_for()
    width = PageSetup().frame[0]

    def labels(part: Table) -> list[str]:
        cells = [row[0] for row in part._cellvalues]  # a cell may hold a list of flowables
        return [(cell[0] if isinstance(cell, (list, tuple)) else cell).text for cell in cells]

    breaks = 0
    for height in range(40, 400, 4):  # wherever the page ends, the three stay together
        table = answers_table(team, FontBook(), width, st)
        table.wrap(width, height)
        parts = table.split(width, height)
        if len(parts) == 2:
            breaks += 1
            first, rest = (labels(p) for p in parts)
            together = {"<b>Continue</b>", "<b>Stop</b>", "<b>Start</b>"}
            assert together <= set(first) or together <= set(rest), (first, rest)
    assert breaks  # the table did break somewhere in that range
