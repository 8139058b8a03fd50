"""Property tests: the CSV importer, fed random and mutated sheets, never crashes.

Cells hold delimiters, quotes, byte order marks, CR/LF, NUL, emoji, right-to-left text and
combining marks; headers are shuffled, missing, doubled or unknown; real exports are cut,
re-delimited and garbled. Every input either imports correctly (each key result of the
sheet is in the workspace, and the workspace exports again deterministically) or is refused
with an InterchangeError/WorkspaceFileError whose message is one line; then nothing was
created, and a merge target exports byte-for-byte as before.

Runs are reproducible (``derandomize=True``, no example database) and bounded: the full set
(OKRDESK_FULL_TESTS=1, see tests/budget.py) runs about three times the examples of
`make test`.
"""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date
from pathlib import Path

import pytest
from budget import share
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_tools import exported

from okrdesk.errors import InterchangeError, WorkspaceFileError
from okrdesk.interchange import csv_format
from okrdesk.services import entities
from okrdesk.services.workspace import Workspace

FUZZ = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,  # `scratch` is emptied by every example
    ],
)
REFUSALS = (InterchangeError, WorkspaceFileError)
TODAY = date(2026, 11, 23)

ODD = [
    ",",
    ";",
    '"',
    '""',
    "\r",
    "\n",
    "\r\n",
    "\ufeff",
    "\x00",
    "👩🏽‍💻",
    "שלום",
    "مرحبا",
    "e\u0301",
    "\u200d",
    "\u202e",
    " ",
    "\t",
    "12,5",
    "1.200,5",
    "1,200.5",
    "-3",
    "%",
    "7 %",
    "NaN",
    "inf",
    "1e999",
    "2026-Q3",
    "Q3 2026",
    "x" * 301,
]
cells = st.lists(st.sampled_from(ODD) | st.text(max_size=6), max_size=4).map("".join)
header_names = st.sampled_from([*csv_format.COLUMNS, "Key Result", "TEAM", " team ", "", "notes"])


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A small workspace and its CSV export: the target of merges, the seed of mutations."""
    path = tmp_path_factory.mktemp("csv-fuzz") / "base.okrdesk"
    with Workspace.create(path, "CSV Co") as ws:
        cycle = entities.create(
            ws, "cycle", name="2026-Q4", start_date="2026-10-01", end_date="2026-12-31"
        )
        company = entities.create(ws, "team", name="Company", kind="company")
        for name, title, krs in [
            ("Sales", "Win Basel", [("Sign 12 cafés", 0, 12, "cafés")]),
            ("Service", "Answer fast", [("Cut replies from 20 h to 4", 20, 4, "h")]),
        ]:
            team = entities.create(ws, "team", name=name, parent_id=company)
            objective = entities.create(ws, "objective", cycle_id=cycle, team_id=team, title=title)
            for kr, start, target, unit in krs:
                entities.create(
                    ws,
                    "key_result",
                    objective_id=objective,
                    title=kr,
                    start=start,
                    target=target,
                    unit=unit,
                )
        data = csv_format.export_csv(ws)
    return path, data


def expected_key_results(data: bytes) -> set[str]:
    rows, _ = csv_format.parse_csv(data, "x.csv")
    return {row.key_result for row in rows if row.key_result}


def key_results_in(path: Path) -> set[str]:
    with Workspace.open(path) as ws:
        return {kr["title"] for kr in entities.list_items(ws, "key_result")}


def check_new(data: bytes, folder: Path) -> str:
    work = folder / "run"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    source, destination = work / "in.csv", work / "new.okrdesk"
    source.write_bytes(data)
    try:
        csv_format.import_new(source, destination, today=TODAY)
    except REFUSALS as exc:
        assert str(exc) and "\n" not in str(exc), repr(str(exc))
        assert sorted(p.name for p in work.iterdir()) == ["in.csv"]
        return "refused"
    assert expected_key_results(data) <= key_results_in(destination)
    first = exported(destination, "csv")
    assert exported(destination, "csv") == first  # deterministic
    # What it exports imports again to the same sheet.
    (work / "again.csv").write_bytes(first)
    csv_format.import_new(work / "again.csv", work / "again.okrdesk", today=TODAY)
    assert exported(work / "again.okrdesk", "csv") == first
    return "imported"


def check_into(data: bytes, target_master: Path, folder: Path) -> str:
    work = folder / "run"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    source, target = work / "in.csv", Path(shutil.copy(target_master, work / "t.okrdesk"))
    source.write_bytes(data)
    before = exported(target, "json")
    with Workspace.open(target) as ws:
        try:
            csv_format.import_into(source, ws, today=TODAY)
        except REFUSALS as exc:
            assert str(exc) and "\n" not in str(exc), repr(str(exc))
            outcome = "refused"
        else:
            outcome = "imported"
    if outcome == "refused":
        assert exported(target, "json") == before  # all or nothing
    else:
        assert expected_key_results(data) <= key_results_in(target)
        assert exported(target, "json") == exported(target, "json")
    assert sorted(p.name for p in work.iterdir()) == ["in.csv", "t.okrdesk"]
    return outcome


# -- random sheets ------------------------------------------------------------------------------


@st.composite
def random_sheets(draw: st.DrawFn) -> bytes:
    delimiter = draw(st.sampled_from([",", ";", ",", ";", "\t"]))  # tabs: refused
    header = draw(
        st.one_of(
            st.permutations(list(csv_format.COLUMNS)),
            st.lists(header_names, min_size=1, max_size=10),
        )
    )
    rows = draw(st.lists(st.lists(cells, max_size=len(header) + 2), max_size=5))
    out = io.StringIO()
    if draw(st.booleans()):  # as a spreadsheet writes it: quoted where needed
        writer = csv.writer(
            out, delimiter=delimiter, lineterminator=draw(st.sampled_from(["\r\n", "\n"]))
        )
        writer.writerow(header)
        writer.writerows(rows)
        text = out.getvalue()
    else:  # as a person might type it: no quoting at all
        text = "\n".join(delimiter.join(r) for r in [header, *rows])
    data = text.encode("utf-8")
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    if draw(st.integers(0, 9)) == 0:
        data = data[: draw(st.integers(0, len(data)))]
    if draw(st.integers(0, 19)) == 0:
        data = text.encode("latin-1", errors="replace")
    return data


@pytest.mark.slow
@settings(FUZZ, max_examples=share(full=50, quick=15))
@given(data=random_sheets())
def test_random_sheets_are_imported_or_refused_cleanly(data: bytes, scratch: Path) -> None:
    check_new(data, scratch)


# -- mutated exports ----------------------------------------------------------------------------


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    text = data.decode("utf-8-sig")
    lines = text.split("\r\n")
    for _ in range(draw(st.integers(1, 3))):
        n = draw(st.integers(0, len(lines) - 1))
        line = lines[n]
        parts = line.split(",")
        action = draw(
            st.sampled_from(
                [
                    "cell",
                    "drop-column",
                    "swap-header",
                    "double-header",
                    "quote",
                    "delimiter",
                    "duplicate-line",
                    "drop-line",
                    "cut",
                    "insert",
                ]
            )
        )
        if action == "cell" and parts:
            parts[draw(st.integers(0, len(parts) - 1))] = draw(cells)
            lines[n] = ",".join(parts)
        elif action == "drop-column":
            column = draw(st.integers(0, len(csv_format.COLUMNS) - 1))
            lines = [",".join(p for i, p in enumerate(x.split(",")) if i != column) for x in lines]
        elif action == "swap-header":
            names = lines[0].split(",")
            i, j = draw(st.integers(0, len(names) - 1)), draw(st.integers(0, len(names) - 1))
            names[i], names[j] = names[j], names[i]
            lines[0] = ",".join(names)
        elif action == "double-header":
            lines[0] = lines[0] + "," + draw(st.sampled_from(csv_format.COLUMNS))
        elif action == "quote":
            at = draw(st.integers(0, len(line)))
            lines[n] = line[:at] + '"' + line[at:]
        elif action == "delimiter":
            lines[n] = line.replace(",", draw(st.sampled_from([";", "\t", ", "])))
        elif action == "duplicate-line":
            lines.insert(n, line)
        elif action == "drop-line":
            del lines[n]
            if not lines:
                lines = [""]
        elif action == "cut":
            lines[n] = line[: draw(st.integers(0, len(line)))]
        elif action == "insert":
            at = draw(st.integers(0, len(line)))
            lines[n] = line[:at] + draw(st.sampled_from(ODD)) + line[at:]
    result = ("\ufeff" if draw(st.booleans()) else "") + "\r\n".join(lines)
    return result.encode("utf-8")


def test_the_base_export_imports(base: tuple[Path, bytes], scratch: Path) -> None:
    _, data = base
    assert check_new(data, scratch) == "imported"
    assert check_into(data, base[0], scratch) == "imported"


@pytest.mark.slow
@settings(FUZZ, max_examples=share(full=25, quick=10))
@given(st.data())
def test_mutated_exports_are_imported_or_refused_cleanly(
    base: tuple[Path, bytes], scratch: Path, data: st.DataObject
) -> None:
    check_new(data.draw(mutated(base[1])), scratch)


@pytest.mark.slow
@settings(FUZZ, max_examples=share(full=30, quick=10))
@given(st.data())
def test_mutated_exports_merge_all_or_nothing(
    base: tuple[Path, bytes], scratch: Path, data: st.DataObject
) -> None:
    path, export = base
    check_into(data.draw(mutated(export)), path, scratch)
