"""`okrdesk sheet`, `booklet` and `retro` on real files (`okrdesk.cli.main` in this process)."""

from __future__ import annotations

from pathlib import Path

from cli_run import Cli
from pypdf import PdfReader
from report_helpers import Builder, pdf_text


def test_sheet_writes_one_page(okrdesk: Cli, demo_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "workshop.pdf"
    result = okrdesk("sheet", demo_copy, "--team", "workshop", "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote {out} (1 page)"
    assert result.stderr == ""
    assert len(PdfReader(out).pages) == 1


def test_sheet_in_landscape_letter(okrdesk: Cli, demo_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    result = okrdesk(
        "sheet", demo_copy, "--team", "Café Sales", "--cycle", "2026-q3",
        "--paper", "letter", "--landscape", "-o", out,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    page = PdfReader(out).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == (792, 612)
    assert "2026-Q3" in page.extract_text()


def test_booklet_and_retro(okrdesk: Cli, demo_copy: Path, tmp_path: Path) -> None:
    booklet, retro = tmp_path / "booklet.pdf", tmp_path / "retro.pdf"
    made = okrdesk("booklet", demo_copy, "-o", booklet)
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == f"Wrote {booklet} (9 pages)"
    assert len(PdfReader(booklet).outline) >= 4
    made = okrdesk("retro", demo_copy, "--cycle", "2026-Q3", "--team", "Online Shop", "-o", retro)
    assert made.returncode == 0, made.stderr
    assert "Online Shop — retrospective 2026-Q3" in pdf_text(retro)[0]


def test_unknown_team_is_a_one_line_error_and_writes_nothing(
    okrdesk: Cli, demo_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "x.pdf"
    result = okrdesk("sheet", demo_copy, "--team", "Marketing", "-o", out)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("okrdesk: no team 'Marketing'")
    assert "Workshop" in result.stderr  # it names the teams there are
    assert list(tmp_path.iterdir()) == [demo_copy]


def test_bad_input_is_refused_with_exit_2(okrdesk: Cli, demo_copy: Path, tmp_path: Path) -> None:
    cases = [
        ("sheet", demo_copy, "-o", tmp_path / "a.pdf"),  # --team missing
        ("sheet", demo_copy, "--team", "Workshop", "--paper", "a5", "-o", tmp_path / "a.pdf"),
        ("booklet", demo_copy, "--cycle", "2030-Q1", "-o", tmp_path / "a.pdf"),
        ("booklet", tmp_path / "missing.okrdesk", "-o", tmp_path / "a.pdf"),
        ("retro", demo_copy, "-o", tmp_path / "no" / "folder.pdf"),
    ]
    for args in cases:
        result = okrdesk(*args)
        assert result.returncode == 2, args
        assert result.stderr.count("\n") == 1, result.stderr
    assert sorted(tmp_path.iterdir()) == [demo_copy]


def test_never_overwrites_the_workspace_or_a_file_that_is_not_a_pdf(
    okrdesk: Cli, demo_copy: Path, tmp_path: Path
) -> None:
    before = demo_copy.read_bytes()
    result = okrdesk("sheet", demo_copy, "--team", "Workshop", "-o", demo_copy)
    assert result.returncode == 2 and "that is the workspace" in result.stderr
    assert demo_copy.read_bytes() == before
    notes = tmp_path / "notes.txt"
    notes.write_text("mine")
    result = okrdesk("booklet", demo_copy, "-o", notes)
    assert result.returncode == 2 and "not a PDF" in result.stderr
    assert notes.read_text() == "mine"


def test_overflow_is_a_notice_not_a_failure(
    okrdesk: Cli, team_workspace: Builder, tmp_path: Path
) -> None:
    ws = team_workspace(10, 10, initiatives=3)
    ws.close()
    out = tmp_path / "huge.pdf"
    result = okrdesk("sheet", ws.path, "--team", "Zürich Łódź", "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("okrdesk: notice: 1 sheet(s) did not fit one page")
    assert "Zürich Łódź" in result.stderr
    assert len(PdfReader(out).pages) >= 2


def test_missing_glyphs_are_a_notice(okrdesk: Cli, team_workspace: Builder, tmp_path: Path) -> None:
    ws = team_workspace(1, 1, initiatives=0, team="Hieroglyphs \U00013000")
    ws.close()
    out = tmp_path / "glyphs.pdf"
    result = okrdesk("sheet", ws.path, "--team", "Hieroglyphs \U00013000", "-o", out)
    assert result.returncode == 0, result.stderr
    assert "okrdesk: notice: no available font can draw these characters" in result.stderr
    assert "U+13000" in result.stderr
    assert out.exists()
