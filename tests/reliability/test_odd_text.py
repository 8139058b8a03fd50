"""Very long texts and odd Unicode through the services, the coach and the printed sheet.

Emoji with skin tone and zero-width joiners (👩🏽‍💻), right-to-left scripts (Hebrew,
Arabic), combining marks (e + U+0301), bidi controls: stored and read back exactly, coached
without an exception, printed on one page with what no font can draw named, never a crash.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_run import Cli
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reliability_tools import pdf_pages

from okrdesk.coach import check_initiative, check_key_result, check_objective, parse_metric
from okrdesk.errors import ValidationError
from okrdesk.interchange import json_format
from okrdesk.services import entities
from okrdesk.services.workspace import Workspace

CODER = "👩🏽\u200d💻"  # woman, medium skin tone, ZWJ, laptop
HEBREW = "שפרו את חוויית הלקוחות"
ARABIC = "زيادة عدد العملاء الراضين"
COMBINING = "Cafe\u0301 Zu\u0308rich"  # decomposed é and ü
ODD = [CODER, HEBREW, ARABIC, COMBINING, "\u200f\u202bמעורב mixed\u202c", "a\u200db", "Ǆ ﬃ ẞ"]


def at_limit(seed: str, limit: int = 300) -> str:
    """`limit` characters (code points) mixing every kind of odd text, no outer spaces."""
    text = ""
    while len(text) < limit:
        text += seed + " " + " ".join(ODD) + " "
    return text[:limit].rstrip() + "x" * (limit - len(text[:limit].rstrip()))


@pytest.fixture
def planned(tmp_path: Path):
    ws = Workspace.create(tmp_path / "odd.okrdesk", f"{CODER} Ünïcödé Co")
    cycle = entities.create(
        ws, "cycle", name="2026-Q4", start_date="2026-10-01", end_date="2026-12-31"
    )
    team = entities.create(ws, "team", name="צוות 👩🏽‍💻 تمیز")
    yield ws, cycle, team
    ws.close()


def test_odd_and_maximal_texts_are_stored_and_read_back_exactly(planned) -> None:
    ws, cycle, team = planned
    title = at_limit("Delight")
    assert len(title) == 300
    why = "\n".join([*ODD, at_limit("Why", 5000)])
    objective = entities.create(ws, "objective", cycle_id=cycle, team_id=team, title=title)
    entities.update(ws, "objective", objective, why=why, owner=f"{HEBREW[:20]} {CODER}")
    kr_title = f"Raise {COMBINING} visits from 30 to 45 {CODER} {ARABIC}"
    kr = entities.create(
        ws, "key_result", objective_id=objective, title=kr_title, start=30, target=45, unit="☕"
    )
    initiative = entities.create(ws, "initiative", objective_id=objective, title=at_limit("Ship"))
    path = ws.path
    ws.close()
    with Workspace.open(path) as again:
        stored = entities.get(again, "objective", objective)
        assert stored["title"] == title  # not normalised, not cut, not re-ordered
        assert stored["why"] == why
        assert stored["owner"] == f"{HEBREW[:20]} {CODER}"
        assert entities.get(again, "key_result", kr)["title"] == kr_title
        assert entities.get(again, "key_result", kr)["unit"] == "☕"
        assert entities.get(again, "initiative", initiative)["title"] == at_limit("Ship")
        assert again.info().name == f"{CODER} Ünïcödé Co"
        # ... and through the lossless JSON export and back.
        data = json_format.export_json(again)
    (path.parent / "odd.json").write_bytes(data)
    json_format.import_new(path.parent / "odd.json", path.parent / "back.okrdesk")
    with Workspace.open(path.parent / "back.okrdesk") as back:
        assert entities.get(back, "objective", objective)["title"] == title
        assert json_format.export_json(back) == data


def test_one_character_over_the_limit_is_refused_and_changes_nothing(planned) -> None:
    ws, cycle, team = planned
    objective = entities.create(ws, "objective", cycle_id=cycle, team_id=team, title="Short")
    too_long = at_limit("Delight") + CODER[0]  # 301 code points
    refusal = r"too long \(301 characters; at most 300\)"
    with pytest.raises(ValidationError, match=refusal) as caught:
        entities.update(ws, "objective", objective, title=too_long)
    assert caught.value.field == "title"
    assert entities.get(ws, "objective", objective)["title"] == "Short"


# -- the coach ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [*ODD, at_limit("Grow"), at_limit(CODER), "", " \u200d "])
def test_the_coach_takes_any_text(text: str) -> None:
    for check in (check_objective, check_key_result, check_initiative):
        for finding in check(text):
            assert finding.rule and finding.message and "\n" not in finding.message
    parse_metric(text)


def test_the_coach_reads_numbers_next_to_odd_text() -> None:
    metric = parse_metric(f"Raise {COMBINING} visits from 30 to 45 {CODER}")
    assert (metric.start, metric.target, metric.direction) == (30, 45, "increase")
    assert check_key_result(f"Raise {COMBINING} visits from 30 to 45 {CODER}") == []
    # A long objective is worth a hint; emoji and other scripts are no reason for alarm.
    assert "objective-too-long" in {f.rule for f in check_objective(at_limit("Grow revenue"))}
    for text in (HEBREW, ARABIC, f"{CODER} Delight every first-time buyer"):
        assert [f.rule for f in check_objective(text) if f.severity != "info"] == [], text


def test_the_coach_reads_hebrew_numbers_with_prefixes() -> None:
    text = "הגדל את מספר הלקוחות מ-30 ל-45"  # "grow the number of customers from 30 to 45"
    assert "key-result-not-measurable" not in {f.rule for f in check_key_result(text)}


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(st.text(max_size=320))
def test_the_coach_never_raises(text: str) -> None:
    check_objective(text)
    check_key_result(text)
    check_key_result(text, kind="milestone")
    check_initiative(text)
    parse_metric(text)


# -- the printed sheet -------------------------------------------------------------------------


def test_the_sheet_prints_odd_text_and_names_what_it_cannot_draw(
    okrdesk: Cli, planned, tmp_path: Path
) -> None:
    ws, cycle, team = planned
    objective = entities.create(
        ws, "objective", cycle_id=cycle, team_id=team, title=at_limit(HEBREW), why=ARABIC
    )
    for title in (f"Raise {COMBINING} visits from 30 to 45 {CODER}", at_limit(ARABIC)):
        entities.create(ws, "key_result", objective_id=objective, title=title, start=30, target=45)
    entities.create(ws, "initiative", objective_id=objective, title=f"{CODER} a\u200db {HEBREW}")
    path = ws.path
    ws.close()
    out = tmp_path / "odd.pdf"
    result = okrdesk("sheet", path, "--team", "צוות 👩🏽‍💻 تمیز", "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote {out} (1 page)"
    assert pdf_pages(out) == 1
    # Emoji are not in the shipped fonts: they are listed, once each, by code point.
    (notice,) = result.stderr.splitlines()
    assert notice.startswith("okrdesk: notice: no available font can draw these characters")
    for ch in ("👩", "🏽", "💻"):
        assert f'"{ch}" U+{ord(ch):04X}' in notice
    # Hebrew, Arabic, composed accents and the invisible joiner are not among them.
    listed = {part.split('"')[1] for part in notice.split("boxes: ")[1].split(", ")}
    assert listed == {"👩", "🏽", "💻"}, notice  # not Hebrew, Arabic, é, ü or the joiner
    text = PdfReader(out).pages[0].extract_text()
    assert "Café" in text and "Zürich" in text  # composed: one glyph each, not e + a box
    assert "\u200d" not in text and "\u202b" not in text  # invisible controls are not printed
    # Right-to-left words are printed (in drawing order, i.e. reversed in the text layer).
    assert "תוחוקלה" in text or "הלקוחות" in text


@pytest.mark.xfail(
    strict=True,
    reason="report defect: right-to-left text with digits is drawn in the wrong order "
    "(the run is broken at each number); no Unicode bidi algorithm runs over the line",
)
def test_right_to_left_text_with_numbers_prints_in_reading_order(tmp_path: Path) -> None:
    from okrdesk.reports import sheets_data, write_sheets

    with Workspace.create(tmp_path / "rtl.okrdesk", "RTL Co") as ws:
        cycle = entities.create(
            ws, "cycle", name="2026-Q4", start_date="2026-10-01", end_date="2026-12-31"
        )
        team = entities.create(ws, "team", name="Team")
        objective = entities.create(ws, "objective", cycle_id=cycle, team_id=team, title="Grow")
        # "grow customers from 30 to 45": drawn left to right it must read 45 … 30 … הגדל
        entities.create(
            ws,
            "key_result",
            objective_id=objective,
            title="הגדל לקוחות מ 30 ל 45",
            start=1,
            target=2,
        )
        write_sheets(sheets_data(ws, team="Team", cycle="2026-Q4"), tmp_path / "rtl.pdf")
    line = next(
        x for x in PdfReader(tmp_path / "rtl.pdf").pages[0].extract_text().splitlines() if "ל" in x
    )
    assert line.index("45") < line.index("30") < line.index("לדגה"), line
