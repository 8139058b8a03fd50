"""The one-page workshop summary and *finish* (summary + draft OKR sheets), read back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from report_helpers import embedded, page_fonts

from okrdesk.reports.document import ReportError
from okrdesk.reports.session_summary import file_stem, finish, write_session_summary
from okrdesk.services import entities, workshop
from okrdesk.services.workshop_ideas import add_candidates, promote
from okrdesk.services.workshop_summary import session_summary
from okrdesk.services.workshop_votes import set_dots
from okrdesk.services.workspace import Workspace

TODAY = date(2026, 11, 23)


@pytest.fixture
def ran(tmp_path: Path):
    """A workspace with a session that ran: times, votes, a promotion, a parking lot."""
    ws = Workspace.create(tmp_path / "kolbenwerk.okrdesk", "Kolbenwerk Espresso")
    cycle = entities.create(
        ws, "cycle", name="2026-Q4", start_date="2026-10-01", end_date="2026-12-31"
    )
    company = entities.create(ws, "team", name="Kolbenwerk", kind="company")
    team = entities.create(ws, "team", name="Café Sales", parent_id=company)
    entities.create(ws, "team", name="Online Shop", parent_id=company)
    session_id = workshop.start_session(ws, "Café Sales Q4 <planning>", cycle)
    steps = workshop.agenda(ws, session_id)
    workshop.record_time(ws, session_id, {steps[0].id: 780, steps[1].id: 540}, current_step=2)
    entities.update(
        ws, "agenda_step", steps[0].id, notes="Goal: three objectives & a <draft> by noon."
    )
    workshop.add_participants(ws, session_id, "Paula, facilitator\nJonas, sales\nMira")
    add_candidates(ws, session_id, "Win back lapsed cafés\nBecome the first call\nSell beans")
    win, first, _beans = [c["id"] for c in entities.list_items(ws, "candidate")]
    paula = workshop.participants(ws, session_id)[0].id
    set_dots(ws, first, paula, 3)
    set_dots(ws, win, None, 4)
    promote(ws, session_id, [win, first], team)
    entities.create(
        ws, "parking_lot_item", text="Ask finance about leasing rates", session_id=session_id
    )
    yield ws, session_id, team
    ws.close()


def test_the_summary_is_one_page_with_agenda_decisions_and_parking_lot(ran, tmp_path):
    ws, session_id, _team = ran
    out = tmp_path / "summary.pdf"
    result = write_session_summary(session_summary(ws, session_id), out, printed_on=TODAY)
    assert result.pages == 1 and result.missing_glyphs == ""
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Café Sales Q4 <planning> — workshop summary" in text
    assert "ran 0:22:00 of 2:00:00 planned" in text
    assert "1. Welcome and why we are here" in text
    assert "13:00" in text and "3:00 over" in text and "1:00 under" in text
    assert "not run" in text
    assert "Win back lapsed cafés" in text and "objective of Café Sales" in text
    assert "Sell beans" in text  # parked
    assert "Ask finance about leasing rates" in text
    assert "Paula (facilitator)" in text
    assert "three objectives & a <draft> by noon" in text
    assert not any(name.endswith(("Helvetica", "Times-Roman")) for name in page_fonts(out))
    assert embedded(out)
    assert reader.metadata.title == "Café Sales Q4 <planning> — workshop summary"


def test_a_crowded_session_still_fits_one_page(ran, tmp_path):
    ws, session_id, team = ran
    add_candidates(ws, session_id, [f"Candidate number {n} with some words" for n in range(40)])
    ids = [c["id"] for c in entities.list_items(ws, "candidate", status="open")]
    promote(ws, session_id, ids[:25], team)
    for n in range(40):
        entities.create(
            ws,
            "parking_lot_item",
            text=f"Parked idea {n} that needs a longer sentence to describe",
            session_id=session_id,
        )
    for step in workshop.agenda(ws, session_id):
        entities.update(ws, "agenda_step", step.id, notes="A long note that goes on. " * 40)
    out = tmp_path / "crowded.pdf"
    result = write_session_summary(session_summary(ws, session_id), out, printed_on=TODAY)
    assert result.pages == 1
    text = PdfReader(out).pages[0].extract_text()
    assert "more decisions" in text and "more on the parking lot" in text


def test_finish_writes_the_summary_and_the_sheets_of_the_teams_worked_on(ran, tmp_path):
    ws, session_id, _team = ran
    folder = tmp_path / "handouts"
    folder.mkdir()
    done = finish(ws, session_id, folder, today=TODAY)
    summary_path, sheets_path = done.paths
    assert summary_path.name == "Café Sales Q4 planning - summary.pdf"
    assert sheets_path.name == "Café Sales Q4 planning - OKR sheets.pdf"
    assert done.teams == ("Café Sales",)
    assert len(PdfReader(summary_path).pages) == 1
    sheet = PdfReader(sheets_path)
    assert len(sheet.pages) == 1
    text = sheet.pages[0].extract_text()
    assert "Café Sales" in text and "Win back lapsed cafés" in text and "(draft)" in text
    assert "Online Shop" not in text


def test_finish_without_teams_writes_only_the_summary(tmp_path):
    with Workspace.create(tmp_path / "empty.okrdesk") as ws:
        session_id = workshop.start_session(ws, "Kick-off")
        done = finish(ws, session_id, tmp_path, today=TODAY)
        assert [p.name for p in done.paths] == ["Kick-off - summary.pdf"]
        assert any("no OKR sheets" in n for n in done.notices)
        with pytest.raises(ReportError, match="no such folder"):
            finish(ws, session_id, tmp_path / "missing")


def test_file_names_from_titles():
    assert file_stem("Q4: plan / review?") == "Q4 plan - review"
    assert file_stem("...") == "Workshop"
