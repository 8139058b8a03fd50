"""Property tests: the JSON importer, fed random and mutated documents, never crashes.

Every input either imports correctly (the result exports again, deterministically, with
every id of the file) or is refused with an InterchangeError/WorkspaceFileError whose
message is one line; then no workspace was created and a merge target is byte-for-byte
the same export as before. Any other exception fails the test.

Runs are reproducible (``derandomize=True``, no example database) and bounded: the
full set (OKRDESK_FULL_TESTS=1, see tests/budget.py) runs about three times the examples
of `make test`.
"""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path
from typing import Any

import pytest
from budget import share
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_tools import exported

from okrdesk.errors import InterchangeError, WorkspaceFileError
from okrdesk.interchange import json_format
from okrdesk.services import entities
from okrdesk.services.workspace import Workspace

FUZZ = settings(
    deadline=None,
    derandomize=True,
    database=None,
    # `scratch` is a folder each example empties first: sharing it between examples is fine.
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
REFUSALS = (InterchangeError, WorkspaceFileError)
Document = dict[str, Any]


def build_small(path: Path) -> None:
    """A small workspace with a row in most tables, references between them included."""
    with Workspace.create(path, "Fuzz Co") as ws:
        e = entities.create
        cycle = e(ws, "cycle", name="2026-Q4", start_date="2026-10-01", end_date="2026-12-31")
        company = e(ws, "team", name="Company", kind="company")
        team = e(ws, "team", name="Support", parent_id=company)
        theme = e(ws, "theme", cycle_id=cycle, name="Customers")
        top = e(ws, "objective", cycle_id=cycle, team_id=company, title="Be loved", why="Why")
        objective = e(ws, "objective", cycle_id=cycle, team_id=team, title="Answer fast")
        entities.update(ws, "objective", objective, theme_id=theme)
        e(ws, "alignment_link", objective_id=objective, parent_objective_id=top, weight=1)
        kr = e(ws, "key_result", objective_id=objective, title="Cut replies", start=20, target=4)
        e(ws, "key_result", objective_id=top, title="Ship the FAQ", kind="milestone")
        initiative = e(ws, "initiative", objective_id=objective, title="Hire", due_date=None)
        entities.link_key_results(ws, initiative, [kr])
        e(ws, "check_in", key_result_id=kr, date="2026-10-12", value=15, note="Better")
        kpi = e(ws, "kpi", name="Uptime", team_id=team, unit="%", healthy_low=99)
        e(ws, "kpi_value", kpi_id=kpi, date="2026-10-05", value=99.5)
        e(ws, "key_result_grade", key_result_id=kr, score=0.7, comment="Good")
        e(ws, "objective_grade", objective_id=objective, score=0.6)
        retro = e(ws, "retrospective", team_id=team, cycle_id=cycle)
        e(ws, "carry_decision", retrospective_id=retro, objective_id=objective, decision="carry")
        session = e(ws, "workshop_session", title="Planning", cycle_id=cycle)
        e(ws, "agenda_step", session_id=session, title="Themes", planned_minutes=15)
        person = e(ws, "participant", session_id=session, name="Ana")
        idea = e(ws, "candidate", session_id=session, text="Answer faster")
        e(ws, "vote", candidate_id=idea, participant_id=person, dots=2)
        e(ws, "parking_lot_item", text="Pricing", session_id=session)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    path = tmp_path_factory.mktemp("json-fuzz") / "small.okrdesk"
    build_small(path)
    with Workspace.open(path) as ws:
        data = json_format.export_json(ws)
    empty = [t for t, rows in json.loads(data).items() if isinstance(rows, list) and not rows]
    assert empty == [], f"the base document should fill every table: {empty}"
    return path, data


# -- what must hold ------------------------------------------------------------------------------


def check_import_new(data: bytes, folder: Path) -> str:
    """Import `data` into a new workspace; return "imported" or "refused"."""
    work = folder / "run"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    source, destination = work / "in.json", work / "new.okrdesk"
    source.write_bytes(data)
    try:
        json_format.import_new(source, destination)
    except REFUSALS as exc:
        assert str(exc) and "\n" not in str(exc), repr(str(exc))
        assert sorted(p.name for p in work.iterdir()) == ["in.json"]  # nothing created
        return "refused"
    first = exported(destination, "json")
    assert exported(destination, "json") == first  # deterministic
    # Written as it is read, it is exactly one json.dumps of the whole (odd text and numbers).
    canonical = json.dumps(json.loads(first), ensure_ascii=False, indent=2, sort_keys=True)
    assert first == (canonical + "\n").encode("utf-8")
    document = json.loads(data.decode("utf-8-sig"))
    document_out = json.loads(first)
    for table in json_format.TABLES:  # every entry of the file arrived, under its own id
        assert {_key(table, r) for r in document.get(table, [])} <= {
            _key(table, r) for r in document_out[table]
        }, table
    if not any(document_out[t] for t in json_format.TABLES if t != "workspace"):
        return "imported"  # nothing but an organisation: no round trip worth its time
    # Export → import → export gives the same bytes.
    (work / "again.json").write_bytes(first)
    json_format.import_new(work / "again.json", work / "again.okrdesk")
    assert exported(work / "again.okrdesk", "json") == first
    return "imported"


def check_import_into(data: bytes, base: Path, before: bytes, folder: Path) -> str:
    work = folder / "run"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    source, target = work / "in.json", Path(shutil.copy(base, work / "target.okrdesk"))
    source.write_bytes(data)
    with Workspace.open(target) as ws:
        try:
            json_format.import_into(source, ws)
        except REFUSALS as exc:
            assert str(exc) and "\n" not in str(exc), repr(str(exc))
            outcome = "refused"
        else:
            outcome = "imported"
    after = exported(target, "json")
    if outcome == "refused":
        assert after == before  # all or nothing
    else:
        assert exported(target, "json") == after
        document = json.loads(data.decode("utf-8-sig"))
        document_out = json.loads(after)
        for table in json_format.TABLES:
            if table != "workspace":  # the target keeps its own organisation record
                keys = {_key(table, r) for r in document_out[table]}
                assert {_key(table, r) for r in document.get(table, [])} <= keys, table
    assert sorted(p.name for p in work.iterdir()) == ["in.json", "target.okrdesk"]
    return outcome


def _key(table: str, row: dict[str, Any]) -> tuple[Any, ...]:
    columns = [c.key for c in json_format.Base.metadata.tables[table].primary_key.columns]
    return tuple(row[c] for c in columns)


# -- random documents ----------------------------------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()  # NaN and ±Infinity included: written as JSON's NaN / Infinity
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)


@st.composite
def okrdesk_shaped(draw: st.DrawFn) -> Any:
    """A document that looks like an export: real section and field names, random values."""
    document: dict[str, Any] = {
        "format": draw(st.sampled_from(["okrdesk", "okrdesk", "OKRDESK", 1])),
        "version": draw(st.sampled_from([1, 1, 1, 0, 2, "1", 1.0, True])),
    }
    for table in draw(st.lists(st.sampled_from(json_format.TABLES), max_size=4, unique=True)):
        columns = list(json_format.Base.metadata.tables[table].columns.keys())
        rows = []
        for _ in range(draw(st.integers(0, 3))):
            fields = draw(st.lists(st.sampled_from(columns), max_size=len(columns), unique=True))
            rows.append({f: draw(field_value(f)) for f in fields})
        document[table] = rows
    return document


def field_value(name: str) -> st.SearchStrategy[Any]:
    if name == "id" or name.endswith("_id"):
        return st.uuids().map(str) | st.text(max_size=10)
    if name.endswith("date") or name.endswith("_at"):
        return st.dates().map(str) | st.datetimes().map(str) | st.text(max_size=12)
    return json_values


def serialise(draw: st.DrawFn, document: Any) -> bytes:
    data = json.dumps(document, ensure_ascii=draw(st.booleans()), allow_nan=True)
    raw = data.encode("utf-8")
    if draw(st.integers(0, 9)) == 0:
        raw = b"\xef\xbb\xbf" + raw
    if draw(st.integers(0, 9)) == 0:
        raw = raw[: draw(st.integers(0, len(raw)))]
    return raw


@st.composite
def random_documents(draw: st.DrawFn) -> bytes:
    document = draw(json_values | okrdesk_shaped())
    return serialise(draw, document)


@pytest.mark.slow
@settings(FUZZ, max_examples=share(full=60, quick=20))
@given(data=random_documents())
def test_random_documents_are_imported_or_refused_cleanly(data: bytes, scratch: Path) -> None:
    check_import_new(data, scratch)


# -- mutations of a real export ------------------------------------------------------------------


ODD_VALUES = [
    None,
    "",
    "12",
    "NaN",
    "Infinity",
    "1e999",
    10**400,
    -(10**19),
    2**63,
    1e308,
    -0.0,
    0.1,
    True,
    [],
    {},
    {"nested": [1, 2]},
    "x" * 301,
    "a\x00b",
    "👩🏽‍💻 שלום e\u0301",
    "2026-02-30",
    "2026-10-01T25:00:00",
    "6F1C2A57-5B0E-4A8E-9D55-0D6A3F0B1C11",
    "not-an-id",
]


@st.composite
def mutated(draw: st.DrawFn, base: bytes) -> bytes:
    document: Document = json.loads(base)
    tables = [t for t in json_format.TABLES if document[t]]
    for _ in range(draw(st.integers(1, 3))):
        table = tables[draw(st.integers(0, len(tables) - 1))]
        rows = document[table]
        if not rows:
            continue
        row = rows[draw(st.integers(0, len(rows) - 1))]
        keys = sorted(row)
        field = keys[draw(st.integers(0, len(keys) - 1))] if keys else None
        action = draw(
            st.sampled_from(
                [
                    "drop-key",
                    "duplicate-row",
                    "copy-row-new-id",
                    "retype",
                    "odd-value",
                    "number-as-text",
                    "swap-ids",
                    "dangling",
                    "unknown-key",
                    "drop-table",
                    "table-not-list",
                    "version",
                ]
            )
        )
        if action == "drop-key" and field:
            del row[field]
        elif action == "duplicate-row":
            rows.append(dict(row))
        elif action == "copy-row-new-id" and "id" in row:
            rows.append(dict(row, id=str(draw(st.uuids()))))
        elif action == "retype" and field:
            row[field] = draw(json_values)
        elif action == "odd-value" and field:
            row[field] = draw(st.sampled_from(ODD_VALUES))
        elif action == "number-as-text" and field and isinstance(row[field], int | float):
            row[field] = draw(st.sampled_from([str(row[field]), f"{row[field]} %", "lots"]))
        elif action == "swap-ids":
            other_table = draw(st.sampled_from(tables))
            other = draw(st.sampled_from(document[other_table]))
            if "id" in row and "id" in other:
                row["id"], other["id"] = other["id"], row["id"]
        elif action == "dangling" and field and field.endswith("_id"):
            row[field] = str(draw(st.uuids()))
        elif action == "unknown-key":
            row[draw(st.sampled_from(["colour", "Title", "id ", ""]))] = 1
        elif action == "drop-table":
            document.pop(table, None)
            tables.remove(table)
            if not tables:
                break
        elif action == "table-not-list":
            document[table] = draw(st.sampled_from([{}, None, "rows", 3]))
            tables.remove(table)
            if not tables:
                break
        elif action == "version":
            document["version"] = draw(st.sampled_from([0, 2, -1, "1", 1.5, None]))
    return serialise(draw, document)


def test_the_base_export_imports(small: tuple[Path, bytes], scratch: Path) -> None:
    _, data = small
    assert check_import_new(data, scratch) == "imported"


@pytest.mark.slow
@settings(FUZZ, max_examples=share(full=25, quick=10))
@given(st.data())
def test_mutated_exports_are_imported_or_refused_cleanly(
    small: tuple[Path, bytes], scratch: Path, data: st.DataObject
) -> None:
    _, base = small
    check_import_new(data.draw(mutated(base)), scratch)


@pytest.mark.slow
@settings(FUZZ, max_examples=share(full=40, quick=15))
@given(st.data())
def test_mutated_exports_merge_all_or_nothing(
    small: tuple[Path, bytes], scratch: Path, data: st.DataObject
) -> None:
    path, base = small
    # Merge into the workspace the export came from: most entries update, some clash.
    check_import_into(data.draw(mutated(base)), path, base, scratch)


def test_a_merge_with_a_new_id_for_a_unique_row_is_refused(
    small: tuple[Path, bytes], scratch: Path
) -> None:
    """An example the mutations find often, kept as a fixed case: the target is untouched."""
    path, base = small
    document = json.loads(base)
    document["team"].append(dict(document["team"][0], id=str(uuid.uuid4())))  # same name
    data = json.dumps(document).encode()
    assert check_import_into(data, path, base, scratch) == "refused"
