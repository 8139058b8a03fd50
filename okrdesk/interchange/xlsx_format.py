"""Excel workbooks (.xlsx, openpyxl): the CSV's columns, one sheet per cycle.

Export: a sheet per cycle, named after it, with the CSV's header and rows; numbers are
numeric cells, texts are string cells (openpyxl would store a text starting with "=" as
a formula unless told it is a string) marked "quote prefix" when they look like a formula,
as Excel marks a cell typed with a leading quote, so editing one keeps it text.

Import: a received workbook is untrusted. Before openpyxl opens it, the zip is checked:
an Excel workbook at all, and at most MAX_UNPACKED bytes once unpacked (a zip bomb is
refused). It is read read-only, with the values Excel saved (data_only): no formula is
ever evaluated or kept, and a formula cell without a saved value is refused, named. The
rows then go through the same checks as a CSV file's (csv_format.parse_records), every
sheet whose first row has the required columns, all or nothing.
"""

from __future__ import annotations

import io
import itertools
import re
import zipfile
import zlib
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, BinaryIO

from okrdesk.errors import InterchangeError
from okrdesk.interchange import csv_format
from okrdesk.interchange.csv_format import COLUMNS, REQUIRED, CsvReport, CsvRow
from okrdesk.interchange.files import new_workspace_file, read_input, write_export_with
from okrdesk.interchange.formulas import TRIGGERS, neutralise
from okrdesk.services.workspace import Workspace

MAX_UNPACKED = 200 * 1024 * 1024  # bytes a workbook may unpack to (a 100,000-row sheet: ~30 MB)
MAX_MEMBERS = 10_000  # files inside the zip
FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")  # a sheet's <f> element, with a prefix or not
OLD_EXCEL = b"\xd0\xcf\x11\xe0"  # .xls (Excel 97-2003) and password-protected workbooks
SHEET_NAME_LIMIT = 31  # characters, Excel's own limit
WIDTHS = (10, 20, 24, 40, 48, 10, 10, 10, 20)  # characters, per column of COLUMNS


# -- export ----------------------------------------------------------------------------------


def write_xlsx(ws: Workspace, destination: Path, cycle: str | None = None) -> None:
    write_export_with(ws, destination, lambda out: export_xlsx(ws, out, cycle))


def export_xlsx(ws: Workspace, out: BinaryIO, cycle: str | None = None) -> None:
    """Write the workbook to `out`: one sheet per cycle (or the one asked for)."""
    from openpyxl import Workbook  # a second of imports, only when a workbook is written
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)  # streamed: a large workspace never sits in memory twice
    sheets: dict[str, Any] = {}
    bold = Font(bold=True)

    def sheet_for(name: str) -> Any:
        if name not in sheets:
            sheet = book.create_sheet(sheet_title(name, {s.title for s in sheets.values()}))
            for n, width in enumerate(WIDTHS):
                sheet.column_dimensions[chr(ord("A") + n)].width = width
            sheet.freeze_panes = "A2"
            header = []
            for title in COLUMNS:
                cell = WriteOnlyCell(sheet, value=title)
                cell.font = bold
                header.append(cell)
            sheet.append(header)
            sheets[name] = sheet
        return sheets[name]

    def text_cell(sheet: Any, text: str) -> Any:
        cell = WriteOnlyCell(sheet, value=text)
        cell.data_type = "s"  # a string, whatever it starts with: never a formula
        if text.startswith(TRIGGERS):
            cell.quotePrefix = True  # as Excel stores '=…: editing it keeps it text
        return cell

    for name in csv_format.export_cycles(ws, cycle):
        sheet_for(name)
    for name, row in csv_format.export_rows(ws, cycle):
        sheet = sheet_for(name)
        sheet.append([text_cell(sheet, v) if isinstance(v, str) else v for v in row])
    if not sheets:
        sheet_for("OKRs")  # a workbook needs a sheet: the header alone
    book.save(out)


def sheet_title(name: str, taken: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, none of []:*?/\\), unique in any case."""
    base = re.sub(r"[\[\]:*?/\\]", "_", name).strip("'") or "Cycle"
    title, n = base[:SHEET_NAME_LIMIT], 1
    while title.casefold() in {t.casefold() for t in taken}:
        n += 1
        suffix = f" ({n})"
        title = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix
    return title


# -- import ----------------------------------------------------------------------------------


def import_new(source: Path, destination: Path, today: date | None = None) -> CsvReport:
    rows, notices = read_xlsx(read_input(source), str(source))
    with new_workspace_file(destination, Path(source).stem) as ws:
        report = csv_format.apply_rows(ws, rows, str(source), today or date.today())
    report.notices[:0] = notices
    return report


def import_into(source: Path, ws: Workspace, today: date | None = None) -> CsvReport:
    rows, notices = read_xlsx(read_input(source), str(source))
    report = csv_format.apply_rows(ws, rows, str(source), today or date.today())
    report.notices[:0] = notices
    return report


def read_xlsx(data: bytes, source: str) -> tuple[list[CsvRow], list[str]]:
    """Every sheet's rows, checked as CSV rows are, before anything is written."""
    with_formulas = check_package(data, source)
    from openpyxl import load_workbook

    try:
        # The values Excel saved; and, when the workbook has formulas at all, a second
        # read-only pass to see which cells hold one (a formula without a saved value reads
        # as empty in the first).
        values = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        formulas = (
            load_workbook(io.BytesIO(data), read_only=True, data_only=False)
            if with_formulas
            else None
        )
    except Exception as exc:  # a damaged file can fail anywhere inside openpyxl
        raise _unreadable(source, exc) from None
    rows: list[CsvRow] = []
    notices: list[str] = []
    try:
        for name in values.sheetnames:
            where = f"{source}, sheet {name!r}"
            records = _records(values[name], formulas and formulas[name], where)
            header = next(records, None)
            if header is None:
                continue  # an empty sheet
            cells = [c.casefold().strip().replace(" ", "_") for c in header[1]]
            if not all(column in cells for column in REQUIRED):
                notices.append(f"sheet {name!r} skipped: its first row is not a header")
                continue
            # Number cells come as "2.125" (a point, always): no separator to decide.
            found, more = csv_format.parse_records(header[1], records, where, decimal=".")
            rows += found
            notices += [f"sheet {name!r}: {n}" for n in more]
    except InterchangeError:
        raise
    except Exception as exc:  # a damaged file can fail anywhere inside openpyxl
        raise _unreadable(source, exc) from None
    finally:
        values.close()
        if formulas is not None:
            formulas.close()
    if not rows:
        raise InterchangeError(
            f"{source}: no sheet with a header row of {', '.join(REQUIRED)} and rows below it"
        )
    return rows, notices


def check_package(data: bytes, source: str) -> bool:
    """Refuse what is not an .xlsx workbook, or would unpack to more than MAX_UNPACKED,
    from the zip's directory (before anything is unpacked); then say whether any sheet
    holds a formula."""
    if data.startswith(OLD_EXCEL):
        raise InterchangeError(
            f"{source}: an Excel 97-2003 (.xls) or password-protected workbook; "
            "save it as an Excel workbook (.xlsx) without a password"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
            _check_members(members, source)
            # Every part, not only xl/worksheets/: a workbook may place its sheets elsewhere.
            return any(FORMULA.search(package.read(m)) for m in members)
    except (zipfile.BadZipFile, zlib.error, ValueError, EOFError, OSError, RuntimeError) as exc:
        # RuntimeError: an encrypted part; zlib.error, OSError: a damaged one.
        raise InterchangeError(f"{source}: not an Excel workbook (.xlsx)") from exc


def _check_members(members: list[zipfile.ZipInfo], source: str) -> None:
    names = {m.filename for m in members}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise InterchangeError(f"{source}: not an Excel workbook (.xlsx)")
    unpacked = sum(m.file_size for m in members)
    if len(members) > MAX_MEMBERS or unpacked > MAX_UNPACKED:
        raise InterchangeError(
            f"{source}: refused, it would unpack to {unpacked / 2**20:,.0f} MB in "
            f"{len(members):,} parts (at most {MAX_UNPACKED / 2**20:,.0f} MB)"
        )


def _records(values: Any, formulas: Any, where: str) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells as CSV text) of one sheet, the header first; empty rows left out.
    `formulas`: the same sheet read with its formulas, or None when the workbook has none."""
    from openpyxl.utils import get_column_letter

    cell_rows = formulas.iter_rows() if formulas is not None else itertools.repeat(())
    for number, (row, cells) in enumerate(
        zip(values.iter_rows(values_only=True), cell_rows, strict=False), start=1
    ):
        for column, cell in enumerate(cells, start=1):
            if getattr(cell, "data_type", None) == "f" and (
                column > len(row) or row[column - 1] is None
            ):
                raise InterchangeError(
                    f"{where}: cell {get_column_letter(column)}{number} holds a formula "
                    "without a saved value; open the workbook in Excel and save it again, "
                    "or type the value"
                )
        texts = [_as_text(value) for value in row]
        if any(t.strip() for t in texts):
            yield number, texts


def _as_text(value: object) -> str:
    """A cell's value as the CSV reader would have it: our own exports read back exactly
    (a text is quoted as the CSV export quotes it; parse_records takes the quote off)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return csv_format.number_text(float(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def _unreadable(source: str, exc: Exception) -> InterchangeError:
    reason = " ".join(str(exc).split())[:120] or type(exc).__name__
    return InterchangeError(f"{source}: not a readable Excel workbook ({reason})")
