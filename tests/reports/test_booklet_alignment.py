"""The booklet's alignment overview says only true things and keeps its grouping."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_helpers import pdf_text

from okrdesk.demo import build_synthetic
from okrdesk.reports import booklet_data, write_booklet
from okrdesk.services import entities
from okrdesk.services.workspace import Workspace

ALL_ALIGNED = "Every team objective supports another objective."


def _overview(ws: Workspace, out: Path) -> str:
    write_booklet(booklet_data(ws, cycle="2026-Q4"), out)
    pages = pdf_text(out)
    first = next(n for n, page in enumerate(pages) if page.startswith("Alignment overview"))
    return " ".join(" ".join(pages[first:]).split())


@pytest.fixture
def org(tmp_path: Path):
    ws = Workspace.create(tmp_path / "org.okrdesk", "Org")
    cycle = entities.create(
        ws, "cycle", name="2026-Q4", start_date="2026-10-01", end_date="2026-12-31"
    )
    company = entities.create(ws, "team", name="Company", kind="company")
    team = entities.create(ws, "team", name="Support", parent_id=company)
    yield ws, cycle, company, team
    ws.close()


def _objective(ws: Workspace, cycle: str, team: str, title: str) -> str:
    return entities.create(ws, "objective", cycle_id=cycle, team_id=team, title=title)


def test_an_empty_cycle_says_so_and_nothing_about_alignment(org, tmp_path: Path) -> None:
    ws, *_ = org
    text = _overview(ws, tmp_path / "empty.pdf")
    assert "No objectives in this cycle yet." in text
    assert ALL_ALIGNED not in text


def test_company_objectives_alone_are_not_called_supported(org, tmp_path: Path) -> None:
    ws, cycle, company, _team = org
    _objective(ws, cycle, company, "Be the café's first call")
    text = _overview(ws, tmp_path / "company.pdf")
    assert ALL_ALIGNED not in text
    assert "No team objective supports another one yet" in text


def test_a_team_objective_that_supports_nothing_is_listed_not_praised(org, tmp_path: Path) -> None:
    ws, cycle, company, team = org
    _objective(ws, cycle, company, "Be the café's first call")
    _objective(ws, cycle, team, "Answer every call within a day")
    text = _overview(ws, tmp_path / "orphan.pdf")
    assert "Not aligned to another objective (1) Answer every call within a day" in text
    assert ALL_ALIGNED not in text


def test_when_every_team_objective_supports_one_it_says_so(org, tmp_path: Path) -> None:
    ws, cycle, company, team = org
    top = _objective(ws, cycle, company, "Be the café's first call")
    child = _objective(ws, cycle, team, "Answer every call within a day")
    entities.create(ws, "alignment_link", objective_id=child, parent_objective_id=top)
    assert ALL_ALIGNED in _overview(ws, tmp_path / "aligned.pdf")


def test_a_group_running_on_to_the_next_page_repeats_its_top_objective(tmp_path: Path) -> None:
    path = tmp_path / "fifty.okrdesk"
    build_synthetic(path, teams=50, seed=1)
    with Workspace.open(path, read_only=True) as ws:
        out = tmp_path / "booklet.pdf"
        write_booklet(booklet_data(ws), out)
    pages = pdf_text(out)
    first = next(n for n, page in enumerate(pages) if page.startswith("Alignment overview"))
    following = [page for page in pages[first + 1 :] if "Alignment overview — continued" in page]
    assert following  # the overview is longer than a page
    for page in following:
        top = " ".join(page.split("\n")[:2])
        assert "(continued)" in top or "Not aligned to another objective" in top, top
