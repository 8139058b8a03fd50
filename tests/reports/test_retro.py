"""The retrospective report: scores, grades, check-in charts, answers and carry decisions."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from report_helpers import embedded, pdf_text
from sqlalchemy import select

from okrdesk.db import models as m
from okrdesk.reports import retro_data, write_retro
from okrdesk.services.workspace import Workspace


def _demo_answers(ws: Workspace, team: str) -> tuple[m.Retrospective, list[str]]:
    with ws.read() as s:
        retro = s.scalars(select(m.Retrospective).join(m.Team).where(m.Team.name == team)).one()
        notes = [d.note for d in s.scalars(select(m.CarryDecision)) if d.note]
        return retro, notes


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_team_retro_holds_its_answers_grades_charts_and_decisions(
    demo_ws: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "retro.pdf"
    result = write_retro(retro_data(demo_ws, cycle="2026-Q3", team="Workshop"), out)

    text = _flat(" ".join(pdf_text(out)))
    retro, _notes = _demo_answers(demo_ws, "Workshop")
    for answer in (
        retro.achieved,
        retro.missed,
        retro.process,
        retro.keep_doing,
        retro.stop_doing,
        retro.start_doing,
    ):
        assert _flat(answer) in text
    for label in ("What we achieved, and why", "Continue", "Stop", "Start"):
        assert label in text
    # Scores and grades, with the grade comments.
    assert "Scores and grades" in text and "Grade" in text
    with demo_ws.read() as s:
        comments = s.scalars(
            select(m.KeyResultGrade.comment)
            .join(m.KeyResult)
            .join(m.Objective)
            .join(m.Team)
            .join(m.Cycle)
            .where(m.Team.name == "Workshop", m.Cycle.name == "2026-Q3")
        ).all()
    assert comments and all(_flat(comment) in text for comment in comments)
    # One chart per key result, with its check-in count.
    assert text.count("check-ins · last") == 5
    # The carry-forward decisions.
    assert "Carried forward" in text
    assert "Carry over, changed" in text and "Done — close" in text
    assert result.missing_glyphs == "" and result.overflowed == ()
    assert embedded(out)
    assert PdfReader(out).metadata.title == "Retrospective 2026-Q3 — Workshop"


def test_cycle_retro_has_a_summary_and_a_bookmarked_section_per_team(
    demo_ws: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "cycle.pdf"
    result = write_retro(retro_data(demo_ws, cycle="2026-Q3"), out)

    reader = PdfReader(out)
    assert result.pages == len(reader.pages)
    outline = reader.outline
    assert outline[0].title == "Retrospective 2026-Q3"
    teams = [item.title for item in outline[1]]
    assert teams == [
        "Kolbenwerk Espresso",
        "Operations",
        "Workshop",
        "Field Service",
        "Café Sales",
        "Online Shop",
    ]
    text = _flat(" ".join(pdf_text(out)))
    for team in teams:
        retro, notes = _demo_answers(demo_ws, team)
        assert _flat(retro.achieved) in text
        assert _flat(retro.start_doing) in text
    for note in notes:
        assert _flat(note) in text
    assert "Drop" in text


def test_retro_of_a_cycle_without_retrospectives_says_so(
    demo_ws: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "q4.pdf"
    write_retro(retro_data(demo_ws, cycle="2026-Q4", team="Workshop"), out)
    text = " ".join(pdf_text(out))
    assert "The team has not written its retrospective yet." in text
    assert "No carry-forward decisions recorded." in text


def test_mid_cycle_the_report_says_no_objective_is_met_or_missed(
    demo_ws: Workspace, tmp_path: Path
) -> None:
    """2026-Q4 is active: its scores are not the end result yet (2026-Q3, closed, says)."""
    active, closed = tmp_path / "q4.pdf", tmp_path / "q3.pdf"
    write_retro(retro_data(demo_ws, cycle="2026-Q4", team="Workshop"), active)
    write_retro(retro_data(demo_ws, cycle="2026-Q3", team="Workshop"), closed)
    assert not {"Missed", "Met"} & set(_flat(" ".join(pdf_text(active))).replace("·", " ").split())
    assert {"Missed", "Met"} & set(_flat(" ".join(pdf_text(closed))).replace("·", " ").split())
