"""A delimited text file as spreadsheets save it: bytes → a header and rows of strings.

What Excel and others write, all read the same way:
- the encoding: from a byte order mark (UTF-8, UTF-16 LE/BE: Excel's "Unicode text"),
  else UTF-8 if the bytes are valid UTF-8, else Windows-1252 (Excel's "CSV" on Windows);
- the delimiter: comma, semicolon (where the decimal separator is a comma) or tab
  ("Unicode text", "Text (Tab delimited)"), chosen as the one that splits the header into
  the most of the columns we know (csv.Sniffer guesses from the content and is fooled by
  titles full of commas).

Numbers, days and cycles in the cells are read elsewhere (okrdesk.parsing): this module
only turns bytes into strings.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from okrdesk.errors import InterchangeError

DELIMITERS = (",", ";", "\t")
_BOMS = (  # longest first: a UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass
class Table:
    """A file's header cells and, lazily, its records below: (the line a record starts on,
    its cells)."""

    header: list[str]
    records: Iterator[tuple[int, list[str]]]
    delimiter: str
    encoding: str


def decode(data: bytes, source: str) -> tuple[str, str]:
    """The text of a file and the name of its encoding (see the module's docstring)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InterchangeError(
                    f"{source}: not {encoding.upper()} text though it starts as such "
                    f"(byte {exc.start + len(bom)})"
                ) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise InterchangeError(
            f"{source}: neither UTF-8 nor Windows-1252 text (byte {exc.start}); "
            "save the sheet as CSV UTF-8"
        ) from None


def read_table(data: bytes, source: str, known: Sequence[str]) -> Table:
    """The header and records of a delimited text file whose header names some of the
    `known` columns."""
    text, encoding = decode(data, source)
    if "\x00" in text:
        raise InterchangeError(f"{source}: not a CSV text file (it contains NUL bytes)")
    first = text.split("\n", 1)[0].strip("\r")
    if not first.strip():
        raise InterchangeError(f"{source}: empty; a header row is required")
    delimiter = _delimiter(first, known)
    # strict: a quote that is never closed is an error, not the rest of the file in one cell.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise InterchangeError(f"{source}: line 1: {exc}") from None
    return Table(header, _records(reader, source), delimiter, encoding)


def column_name(cell: str) -> str:
    """A header cell as a column name: "Key result " → "key_result"."""
    return cell.strip().lower().replace(" ", "_")


def _delimiter(header_line: str, known: Sequence[str]) -> str:
    """The delimiter that splits the header line into the most known column names; on a
    tie (a one-column header), the one that occurs most."""

    def score(delimiter: str) -> tuple[int, int]:
        try:
            cells = next(csv.reader([header_line], delimiter=delimiter))
        except csv.Error:
            return (0, 0)
        names = {column_name(c) for c in cells}
        return (len(names.intersection(known)), header_line.count(delimiter))

    return max(DELIMITERS, key=score)


def _records(reader: Iterator[list[str]], source: str) -> Iterator[tuple[int, list[str]]]:
    """Each record below the header with the line it starts on (a quoted cell may span
    lines)."""
    while True:
        line = reader.line_num + 1  # type: ignore[attr-defined]
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            reason = "a quoted cell is never closed" if "end of data" in str(exc) else exc
            raise InterchangeError(f"{source}: line {line}: {reason}") from None
        yield line, cells
