"""Text that the main font cannot draw: a fallback font, or a warning — never silent boxes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from report_helpers import Builder, embedded, page_fonts, pdf_text

from okrdesk.reports import booklet_data, sheets_data, write_booklet, write_sheets
from okrdesk.reports.fonts import FONT_DIR, FontBook, clean_text, default_fallbacks
from okrdesk.services import entities

CJK = "東京の喫茶店"


def _cjk_workspace(team_workspace: Builder):
    ws = team_workspace(1, 1, initiatives=0, team="東京チーム")
    objective = entities.list_items(ws, "objective")[0]["id"]
    entities.update(ws, "objective", objective, title=f"Open a café in Tokyo ({CJK})")
    return ws


def test_cjk_text_renders_with_a_system_font_or_is_reported_missing(
    team_workspace: Builder, tmp_path: Path
) -> None:
    ws = _cjk_workspace(team_workspace)
    out = tmp_path / "cjk.pdf"
    result = write_sheets(sheets_data(ws, team="東京チーム"), out)

    if FontBook().font_for("東"):  # a CJK font is installed: the text is drawn with it
        assert result.missing_glyphs == ""
        text = pdf_text(out)[0]
        assert CJK in text and "東京チーム" in text
        assert any("Fallback" in name for name in page_fonts(out))
    else:
        assert set(CJK + "チーム") <= set(result.missing_glyphs)
        assert any("no available font" in notice for notice in result.notices)
    assert embedded(out)


def test_without_any_fallback_font_the_missing_characters_are_listed(
    team_workspace: Builder, tmp_path: Path
) -> None:
    ws = _cjk_workspace(team_workspace)
    out = tmp_path / "boxes.pdf"
    result = write_sheets(sheets_data(ws, team="東京チーム"), out, fallbacks=[])

    assert set(result.missing_glyphs) == set(CJK + "東京チーム")
    (notice,) = result.notices
    assert '"東" U+6771' in notice
    assert out.exists()  # still printed: the user decides whether boxes are acceptable


@pytest.mark.skipif(not default_fallbacks(), reason="no CJK font on this machine")
def test_booklet_cells_and_footers_use_the_fallback_font_amid_covered_accents(
    team_workspace: Builder, tmp_path: Path
) -> None:
    # Texts the main font draws whole skip the search character by character; a text
    # with one character it lacks, among accents and Greek it has, must still switch.
    ws = _cjk_workspace(team_workspace)
    key_result = entities.list_items(ws, "key_result")[0]["id"]
    entities.update(ws, "key_result", key_result, owner="Zürich 東京")
    data = booklet_data(ws)
    info = replace(data.sheets.info, organisation="Ελλάδα 喫茶")  # printed in every footer
    data = replace(data, sheets=replace(data.sheets, info=info))
    out = tmp_path / "booklet.pdf"

    result = write_booklet(data, out)

    assert result.missing_glyphs == ""
    pages = [" ".join(page.split()) for page in pdf_text(out)]  # runs may extract apart
    assert all("Ελλάδα 喫茶" in page for page in pages)
    assert "Zürich 東京" in pages[-1] and CJK in pages[-1]
    assert any("Fallback" in name for name in page_fonts(out))
    assert embedded(out)

    # Without fallback fonts the same characters are reported, not dropped silently.
    result = write_booklet(data, out, fallbacks=[])
    assert set(result.missing_glyphs) == set(CJK + "東京チーム喫茶")


def test_the_shipped_fonts_cover_european_scripts() -> None:
    book = FontBook(fallbacks=[])
    sample = "Zürich Łódź Ødegaard Ελλάδα Москва Việt Nam İstanbul ğ ş € ✓ → — «»"
    book.markup(sample)
    assert book.missing == set()
    assert (FONT_DIR / "LICENSE-DejaVu.txt").read_text().startswith("Format:")


def test_a_script_no_font_covers_is_reported_even_with_fallbacks() -> None:
    book = FontBook()
    book.markup("a \U00013000 b")  # an Egyptian hieroglyph: neither DejaVu nor a CJK font
    assert book.missing == {"\U00013000"}


def test_markup_escapes_user_text_and_tags_fallback_runs() -> None:
    book = FontBook(fallbacks=[])
    assert book.markup("a <b> & c") == "a &lt;b&gt; &amp; c"
    assert book.missing == set()


@pytest.mark.skipif(not default_fallbacks(), reason="no CJK font on this machine")
def test_fallback_runs_are_wrapped_in_a_font_tag() -> None:
    book = FontBook()
    markup = book.markup("Tokyo 東京 <x>")
    assert markup.startswith("Tokyo ") and markup.endswith(" &lt;x&gt;")
    assert '<font name="OkrDeskFallback-' in markup and ">東京</font>" in markup


def test_clean_text_drops_control_characters_but_keeps_no_break_spaces() -> None:
    assert clean_text("a\x00b\tc\u00a0d\u200b") == "ab c\u00a0d"
    assert clean_text("e\u0301") == "é"  # composed, so it draws as one glyph
