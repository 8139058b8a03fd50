"""Issue 15, item 14: the text files Excel saves, read as they are.

Each file is written here byte for byte the way Excel writes it (its encoding, byte order
mark, delimiter and line ends), then imported and read back.
"""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest

from okrdesk.interchange import csv_format
from okrdesk.interchange.reading import decode, read_table
from okrdesk.services.views import okr_tree
from okrdesk.services.workspace import Workspace

TODAY = date(2026, 5, 14)  # in 2026-Q2
ROWS = [
    ["team", "objective", "key_result", "start", "target", "unit", "owner"],
    ["Zürich", "Win cafés, fast", "Raise revenue to 5 k€", "1", "5", "k€", "Zoë"],
    ["Zürich", "Win cafés, fast", "Cut “waiting” time", "12", "8", "min", "Łukasz Ødegaard"],
]


def excel_text(rows: list[list[str]], delimiter: str) -> str:
    """The text of a sheet as Excel writes it: cells quoted only when they must be, CRLF."""

    def cell(text: str) -> str:
        if any(c in text for c in (delimiter, '"', "\n")):
            return '"' + text.replace('"', '""') + '"'
        return text

    return "".join(delimiter.join(cell(c) for c in row) + "\r\n" for row in rows)


# name: how Excel names the format, bytes: what it writes
def excel_files() -> list[tuple[str, bytes]]:
    western = [[c.replace("Ł", "L").replace("“", '"').replace("”", '"') for c in r] for r in ROWS]
    return [
        ("CSV (Windows-1252)", excel_text(western, ",").encode("cp1252")),
        ("CSV (Windows-1252), semicolons", excel_text(western, ";").encode("cp1252")),
        ("Unicode text", codecs.BOM_UTF16_LE + excel_text(ROWS, "\t").encode("utf-16-le")),
        ("CSV UTF-8", codecs.BOM_UTF8 + excel_text(ROWS, ",").encode("utf-8")),
        ("UTF-8 without BOM", excel_text(ROWS, ",").encode("utf-8")),
        ("Text (Tab delimited), UTF-8", excel_text(ROWS, "\t").encode("utf-8")),
        ("UTF-16 big-endian", codecs.BOM_UTF16_BE + excel_text(ROWS, "\t").encode("utf-16-be")),
    ]


def imported(path: Path) -> list[tuple[str, str, str, float | None, float | None, str, str]]:
    with Workspace.open(path) as ws:
        return [
            (team.name, o.title, kr.title, kr.start, kr.target, kr.unit, kr.owner)
            for team in okr_tree(ws, cycle="2026-Q2").teams
            for o in team.objectives
            for kr in o.key_results
        ]


@pytest.mark.parametrize(("name", "data"), excel_files(), ids=[n for n, _ in excel_files()])
def test_what_excel_saves_is_imported_as_written(tmp_path: Path, name: str, data: bytes) -> None:
    source = tmp_path / "sheet.csv"
    source.write_bytes(data)
    target = tmp_path / "new.okrdesk"
    csv_format.import_new(source, target, today=TODAY)
    western = "1252" in name
    expected = [
        (
            r[0],
            r[1],
            r[2].replace("“", '"').replace("”", '"') if western else r[2],
            float(r[3]),
            float(r[4]),
            r[5],
            r[6].replace("Ł", "L") if western else r[6],
        )
        for r in ROWS[1:]
    ]
    assert imported(target) == expected


def test_the_encoding_is_told_by_the_bom_then_strict_utf8_then_cp1252() -> None:
    assert decode(codecs.BOM_UTF16_LE + "Zoë".encode("utf-16-le"), "f") == ("Zoë", "utf-16-le")
    assert decode(codecs.BOM_UTF8 + "Zoë".encode(), "f") == ("Zoë", "utf-8")
    assert decode("Zoë €".encode(), "f") == ("Zoë €", "utf-8")
    assert decode("Zoë €".encode("cp1252"), "f") == ("Zoë €", "cp1252")


def test_the_delimiter_is_the_one_that_splits_the_header_into_known_columns() -> None:
    known = csv_format.COLUMNS
    # A tab file whose one-column-looking header holds commas in a name we do not know.
    data = "team\tobjective\tkey_result\tnotes, comments; more\r\nA\tB, c; d\tK\tx\r\n"
    table = read_table(data.encode(), "f", known)
    assert table.delimiter == "\t"
    assert table.header == ["team", "objective", "key_result", "notes, comments; more"]
    assert list(table.records) == [(2, ["A", "B, c; d", "K", "x"])]
    assert read_table(b"team;objective,x;key_result\n", "f", known).delimiter == ";"
