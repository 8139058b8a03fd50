"""Excel workbooks: the CSV's columns, a sheet per cycle, numbers as numbers, text that
never runs, and a received workbook treated as untrusted input.

Workbooks are written by our export or by openpyxl as a person's Excel would leave them,
and read back with openpyxl (normal mode, formulas kept) to see exactly what a cell holds.
"""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from cli_run import Cli
from test_csv_formulas import HOSTILE, hostile_workspace, texts

from okrdesk.demo import build_demo
from okrdesk.interchange import csv_format, json_format, xlsx_format
from okrdesk.services.workspace import Workspace

TODAY = date(2026, 11, 20)
HEADER = ["cycle", "team", "theme", "objective", "key_result", "start", "target", "unit", "owner"]


def content(path: Path) -> bytes:
    with Workspace.open(path, read_only=True) as ws:
        return json_format.export_json(ws)


def workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """A workbook as a person saves it: the given sheets, rows as given."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_export_writes_a_sheet_per_cycle_with_numeric_numbers(tmp_path: Path) -> None:
    demo = tmp_path / "demo.okrdesk"
    build_demo(demo, today=TODAY)
    out = tmp_path / "demo.xlsx"
    with Workspace.open(demo, read_only=True) as ws:
        xlsx_format.write_xlsx(ws, out)
        cycles = csv_format.export_cycles(ws)
        csv_rows = list(csv_format.export_rows(ws))
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == cycles  # one sheet per cycle, named after it
    for name in cycles:
        rows = list(book[name].iter_rows(values_only=True))
        assert list(rows[0]) == HEADER
        assert [list(r) for r in rows[1:]] == [
            [None if v == "" else v for v in row] for c, row in csv_rows if c == name
        ]
    numbers = [cell for sheet in book for row in sheet.iter_rows(min_row=2) for cell in row[5:7]]
    assert numbers and all(c.data_type == "n" for c in numbers if c.value is not None)


def test_formula_like_text_is_stored_as_text_and_reads_back_exactly(tmp_path: Path) -> None:
    original = tmp_path / "hostile.okrdesk"
    # A carriage return is the one character a workbook cannot keep: XML reads it as a
    # line break (Excel escapes it in a way openpyxl does not read back).
    hostile = [t for t in HOSTILE if not t.startswith("\r")]
    hostile_workspace(original, hostile)
    out = tmp_path / "hostile.xlsx"
    with Workspace.open(original, read_only=True) as ws:
        xlsx_format.write_xlsx(ws, out)
    # Read as Excel would: formulas kept as formulas. None may be one.
    sheet = openpyxl.load_workbook(out)["2026-Q4"]
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    titles = [row[3].value for row in sheet.iter_rows(min_row=2)]
    assert sorted(titles) == sorted(hostile)  # the exact text, no quote added
    assert all(row[3].quotePrefix for row in sheet.iter_rows(min_row=2) if row[3].value[0] != "'")
    again = tmp_path / "again.okrdesk"
    xlsx_format.import_new(out, again, today=TODAY)
    assert texts(again) == texts(original)


def test_import_into_merges_like_csv(tmp_path: Path) -> None:
    target = tmp_path / "w.okrdesk"
    Workspace.create(target, "W").close()
    source = workbook(
        tmp_path / "plan.xlsx",
        {
            "Plan": [
                HEADER,
                ["2026-Q4", "Sales", "Growth", "Win the north", "Sign 10 dealers", 2, 10.5, "", ""],
                [None] * 9,  # an empty row in between is skipped
                ["2026-Q4", "Sales", "Growth", "Win the north", "Cut churn", -5, -2, "%", "Ann"],
            ],
            "Notes": [["Anything people keep beside their plan"]],
        },
    )
    with Workspace.open(target) as ws:
        report = xlsx_format.import_into(source, ws, today=TODAY)
    assert (report.objectives, report.key_results) == (1, 2)
    assert any("'Notes' skipped" in n for n in report.notices)
    with Workspace.open(target, read_only=True) as ws:
        rows = [row for _c, row in csv_format.export_rows(ws)]
    assert rows == [
        ["2026-Q4", "Sales", "Growth", "Win the north", "Sign 10 dealers", 2.0, 10.5, "", ""],
        ["2026-Q4", "Sales", "Growth", "Win the north", "Cut churn", -5.0, -2.0, "%", "Ann"],
    ]


def with_saved_values(path: Path, values: dict[str, str]) -> Path:
    """Give formula cells the value Excel would have saved with them (openpyxl saves none)."""
    with zipfile.ZipFile(path) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    for coordinate, value in values.items():
        start = sheet.index(f'<c r="{coordinate}"')
        sheet = sheet[:start] + sheet[start:].replace("<v />", f"<v>{value}</v>", 1)
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def test_a_formula_gives_its_saved_value_and_is_never_kept(tmp_path: Path) -> None:
    source = workbook(
        tmp_path / "plan.xlsx",
        {"Plan": [HEADER, ["2026-Q4", "Sales", "", "Win", "Sign dealers", 1, "=F2*12", "", ""]]},
    )
    with_saved_values(source, {"G2": "12"})
    target = tmp_path / "plan.okrdesk"
    xlsx_format.import_new(source, target, today=TODAY)
    with Workspace.open(target, read_only=True) as ws:
        rows = [row for _c, row in csv_format.export_rows(ws)]
    assert rows == [["2026-Q4", "Sales", "", "Win", "Sign dealers", 1.0, 12.0, "", ""]]


def bomb(path: Path) -> Path:
    """A valid-looking package whose one part unpacks to 201 MB of zeros (200 kB zipped)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/workbook.xml", "<workbook/>")
        with package.open("xl/worksheets/sheet1.xml", "w") as part:
            zeros = bytes(2**20)
            for _ in range(201):
                part.write(zeros)
    return path


def formula_without_value(path: Path) -> Path:
    """openpyxl writes formulas without a saved value, as a generator of sheets would."""
    return workbook(
        path,
        {"Plan": [HEADER, ["2026-Q4", "Sales", "", "Win", "Sign dealers", 1, "=B7*2", "", ""]]},
    )


def bad_second_sheet(path: Path) -> Path:
    good = ["2026-Q4", "Sales", "", "Win the north", "Sign dealers", 1, 10, "", ""]
    bad = ["2026-Q4", "Sales", "", "Win the north", "Cut churn", 1, "lots", "", ""]
    return workbook(path, {"A": [HEADER, good], "B": [HEADER, good, bad]})


def zip_of_text(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("readme.txt", "not a workbook")
    return path


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: (p.write_text("team,objective\n"), p)[1], "not an Excel workbook (.xlsx)"),
        (zip_of_text, "not an Excel workbook (.xlsx)"),
        (lambda p: (p.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(500)), p)[1], "Excel 97-2003"),
        (bomb, "would unpack to 201 MB"),
        (formula_without_value, "sheet 'Plan': cell G2 holds a formula without a saved value"),
        (bad_second_sheet, "sheet 'B': line 3, field target: must be a number"),
        (
            lambda p: workbook(p, {"Plan": [["team", "objective"], ["Sales", "Win"]]}),
            "no sheet with a header row of team, objective, key_result",
        ),
    ],
    ids=["text", "zip", "xls", "bomb", "formula", "bad-row", "no-header"],
)
def test_refused_workbooks_give_one_line_and_write_nothing(
    okrdesk: Cli, tmp_path: Path, make, reason: str
) -> None:
    source = make(tmp_path / "in.xlsx")
    target = tmp_path / "w.okrdesk"
    Workspace.create(target, "W").close()
    before = content(target)
    for args in (["--into", target], ["-o", tmp_path / "new.okrdesk"]):
        ran = okrdesk("import", "xlsx", source, *args)
        assert ran.returncode == 2, ran
        assert ran.stderr.count("\n") == 1 and reason in ran.stderr, ran.stderr
    assert content(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.xlsx", "w.okrdesk"]


def test_the_command_exports_one_cycle_and_imports_it(okrdesk: Cli, tmp_path: Path) -> None:
    demo = tmp_path / "demo.okrdesk"
    build_demo(demo, today=TODAY)
    out = tmp_path / "q4.xlsx"
    assert okrdesk("export", "xlsx", demo, "-o", out, "--cycle", "2026-Q4").returncode == 0
    assert openpyxl.load_workbook(out, read_only=True).sheetnames == ["2026-Q4"]
    ran = okrdesk("import", "xlsx", out, "-o", tmp_path / "copy.okrdesk")
    assert ran.returncode == 0, ran.stderr
    with Workspace.open(tmp_path / "copy.okrdesk", read_only=True) as ws:
        copied = list(csv_format.export_rows(ws))
    with Workspace.open(demo, read_only=True) as ws:
        assert copied == list(csv_format.export_rows(ws, "2026-Q4"))


def test_sheet_names_excel_accepts() -> None:
    taken: set[str] = set()
    for name in ["2026-Q4", "Plan: H1/H2 [draft]", "x" * 40, "x" * 40, "2026-q4"]:
        taken.add(xlsx_format.sheet_title(name, taken))
    assert sorted(taken) == sorted(
        ["2026-Q4", "Plan_ H1_H2 _draft_", "x" * 31, "x" * 27 + " (2)", "2026-q4 (2)"]
    )
