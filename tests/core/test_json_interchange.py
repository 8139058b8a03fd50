"""The JSON interchange: a whole workspace, lossless, versioned and deterministic.

Every test works on real files in tmp_path: a workspace is exported to disk, imported
into a new file or merged into an existing one, and exported again to compare.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import random
import shutil
import tracemalloc
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from okrdesk.demo import build_demo, build_synthetic
from okrdesk.errors import InterchangeError, OkrDeskError, WorkspaceFileError
from okrdesk.interchange import json_format
from okrdesk.services import coaching, entities, lifecycle
from okrdesk.services.workspace import Workspace

TODAY = date(2026, 5, 14)
Document = dict[str, Any]


# -- helpers -------------------------------------------------------------------------------


def export_of(path: Path) -> bytes:
    with Workspace.open(path) as ws:
        return json_format.export_json(ws)


def document_of(path: Path) -> Document:
    return json.loads(export_of(path))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def write_document(path: Path, document: Document) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def ids(document: Document, table: str) -> set[str]:
    return {row["id"] for row in document[table]}


def active_objective(ws: Workspace) -> dict[str, Any]:
    """An objective of the demo's active quarter (its previous quarter is closed, read-only)."""
    active = next(c["id"] for c in entities.list_items(ws, "cycle") if c["state"] == "active")
    return entities.list_items(ws, "objective", cycle_id=active)[0]


def open_check_in(path: Path) -> dict[str, Any]:
    """A check-in of the demo's active quarter, as the export writes it."""
    with Workspace.open(path) as ws:
        key_results = {
            k["id"]
            for k in entities.list_items(ws, "key_result", objective_id=active_objective(ws)["id"])
        }
    return next(c for c in document_of(path)["check_in"] if c["key_result_id"] in key_results)


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("json-demo") / "demo.okrdesk"
    build_demo(path, today=TODAY)
    return path


@pytest.fixture
def demo(demo_master: Path, tmp_path: Path) -> Path:
    """A private copy of the demo workspace, in its own folder."""
    folder = tmp_path / "workspaces"
    folder.mkdir()
    return Path(shutil.copy(demo_master, folder / "demo.okrdesk"))


@pytest.fixture(scope="module")
def demo_document(demo_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Document:
    copy_ = Path(shutil.copy(demo_master, tmp_path_factory.mktemp("json-doc") / "d.okrdesk"))
    return document_of(copy_)


# -- lossless and deterministic ------------------------------------------------------------


@pytest.mark.parametrize("kind", ["demo", "synthetic"])
def test_export_import_export_is_byte_identical(tmp_path: Path, kind: str) -> None:
    original = tmp_path / "original.okrdesk"
    if kind == "demo":
        build_demo(original, today=TODAY)
    else:
        build_synthetic(original, teams=5, seed=11)
    with Workspace.open(original) as ws:
        json_format.write_json(ws, tmp_path / "first.json")

    json_format.import_new(tmp_path / "first.json", tmp_path / "copy.okrdesk")
    with Workspace.open(tmp_path / "copy.okrdesk") as ws:
        json_format.write_json(ws, tmp_path / "second.json")

    first = (tmp_path / "first.json").read_bytes()
    assert first == (tmp_path / "second.json").read_bytes()
    document = json.loads(first)
    assert document["format"] == "okrdesk"
    assert document["version"] == json_format.VERSION == 1
    assert len(document["objective"]) >= 15
    assert len(document["check_in"]) >= 100


@pytest.mark.parametrize("kind", ["demo", "synthetic"])
def test_the_export_is_the_canonical_json_of_what_it_holds(tmp_path: Path, kind: str) -> None:
    """Written piece by piece as it is read, the file is exactly what one json.dumps of the
    whole document (keys sorted, two-space indent, UTF-8) writes: what readers and diffs
    of earlier exports expect."""
    path = tmp_path / "w.okrdesk"
    if kind == "demo":
        build_demo(path, today=TODAY)
        with Workspace.open(path) as ws:  # a nested setting, and text that needs escaping
            coaching.set_rule_enabled(ws, "objective-has-number", False)
            entities.update(ws, "workspace", ws.info().id, mission='Tabs\tand "quotes" — ünï ☕')
    else:
        build_synthetic(path, teams=3, seed=2, past_quarters=2)
    with Workspace.open(path, read_only=True) as ws:
        json_format.write_json(ws, tmp_path / "out.json")
    data = (tmp_path / "out.json").read_bytes()
    canonical = json.dumps(json.loads(data), ensure_ascii=False, indent=2, sort_keys=True)
    assert data == (canonical + "\n").encode("utf-8")
    if kind == "demo":
        assert '"mission": "Tabs\\tand \\"quotes\\" — ünï ☕"'.encode() in data
        assert b'"coach": {\n' in data  # the nested setting, indented as json.dumps does


def test_exporting_a_large_workspace_takes_little_memory(tmp_path: Path) -> None:
    """The export streams: its memory is a small share of the file it writes (it was about
    8× the file, the whole document held three times over)."""
    path = tmp_path / "large.okrdesk"
    build_synthetic(path, teams=200, seed=1)
    with Workspace.open(path, read_only=True) as ws:
        tracemalloc.start()
        try:
            json_format.write_json(ws, tmp_path / "large.json")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    size = (tmp_path / "large.json").stat().st_size
    assert size > 10_000_000
    assert peak < size / 5, f"{peak / 1e6:.1f} MB for a {size / 1e6:.1f} MB export"


def test_export_is_the_same_every_time(demo: Path, tmp_path: Path) -> None:
    with Workspace.open(demo) as ws:
        json_format.write_json(ws, tmp_path / "a.json")
    with Workspace.open(demo) as ws:
        json_format.write_json(ws, tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def _fill_every_table(path: Path) -> None:
    """Give the demo rows in the few tables it leaves empty (workshop voting, reviews)."""
    with Workspace.open(path) as ws:
        session = entities.list_items(ws, "workshop_session")[0]["id"]
        objective = active_objective(ws)["id"]
        entities.create(ws, "agenda_step", session_id=session, title="Themes", planned_minutes=20)
        ann = entities.create(ws, "participant", session_id=session, name="Ann Ødegaard")
        lead = entities.create(ws, "candidate", session_id=session, text="Win Łódź")
        twin = entities.create(ws, "candidate", session_id=session, text="Win Lodz", group_id=lead)
        entities.create(ws, "vote", candidate_id=lead, participant_id=ann, dots=2)
        entities.create(ws, "vote", candidate_id=twin, dots=1)
        entities.create(ws, "objective_grade", objective_id=objective, score=0.7, comment="ok")


def test_every_table_keeps_its_rows_and_ids(demo: Path, tmp_path: Path) -> None:
    _fill_every_table(demo)
    with Workspace.open(demo) as ws:
        json_format.write_json(ws, tmp_path / "all.json")
    before = json.loads((tmp_path / "all.json").read_bytes())
    assert set(before) == {"format", "version", *json_format.TABLES}

    json_format.import_new(tmp_path / "all.json", tmp_path / "copy.okrdesk")
    after = document_of(tmp_path / "copy.okrdesk")

    for table in json_format.TABLES:
        assert before[table], f"the test workspace should have {table} rows"
        assert len(after[table]) == len(before[table]), table
        assert after[table] == before[table], table
    assert ids(after, "workspace") == ids(before, "workspace")
    assert ids(after, "key_result") == ids(before, "key_result")
    assert ids(after, "check_in") == ids(before, "check_in")


def test_import_keeps_text_in_any_language(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "intl.okrdesk", "Łódź Zürich Ødegaard") as ws:
        cycle = entities.create(
            ws, "cycle", name="2026-Q2", start_date="2026-04-01", end_date="2026-06-30"
        )
        team = entities.create(ws, "team", name="Zürich")
        entities.create(
            ws, "objective", cycle_id=cycle, team_id=team, title="Kundenglück in Łódź — ✓ €"
        )
        json_format.write_json(ws, tmp_path / "intl.json")
    json_format.import_new(tmp_path / "intl.json", tmp_path / "back.okrdesk")
    back = document_of(tmp_path / "back.okrdesk")
    assert back["workspace"][0]["name"] == "Łódź Zürich Ødegaard"
    assert [o["title"] for o in back["objective"]] == ["Kundenglück in Łódź — ✓ €"]
    assert "Zürich" in (tmp_path / "intl.json").read_text(encoding="utf-8")  # not \\u escapes


def test_time_zones_are_stored_as_utc(demo_document: Document, tmp_path: Path) -> None:
    document = copy.deepcopy(demo_document)
    document["check_in"][0]["created_at"] = "2026-04-03T10:30:00+02:00"
    json_format.import_new(write_document(tmp_path / "tz.json", document), tmp_path / "t.okrdesk")
    back = document_of(tmp_path / "t.okrdesk")
    row = next(r for r in back["check_in"] if r["id"] == document["check_in"][0]["id"])
    assert row["created_at"] == "2026-04-03T08:30:00"


# -- merging into an existing workspace ----------------------------------------------------


def test_merge_updates_same_ids_adds_new_ones_and_deletes_nothing(
    demo: Path, tmp_path: Path
) -> None:
    # A colleague works on a copy of the same workspace ...
    colleague = Path(shutil.copy(demo, tmp_path / "colleague.okrdesk"))
    with Workspace.open(colleague) as ws:
        objective = active_objective(ws)
        entities.update(ws, "objective", objective["id"], title="Renamed by a colleague")
        cycle = objective["cycle_id"]
        team = entities.create(ws, "team", name="New venture")
        added = entities.create(ws, "objective", cycle_id=cycle, team_id=team, title="Launch")
        json_format.write_json(ws, tmp_path / "colleague.json")
    # ... while here someone adds a KPI of their own.
    with Workspace.open(demo) as ws:
        local_kpi = entities.create(ws, "kpi", name="Espresso shots per day")
    before = document_of(demo)

    with Workspace.open(demo) as ws:
        json_format.import_into(tmp_path / "colleague.json", ws)
    after = document_of(demo)

    titles = {o["id"]: o["title"] for o in after["objective"]}
    assert titles[objective["id"]] == "Renamed by a colleague"
    assert titles[added] == "Launch"
    assert team in ids(after, "team")
    assert local_kpi in ids(after, "kpi")  # not in the file, and still there
    # Every row the workspace had is still there, unchanged, but the renamed objective.
    renamed = [o for o in before["objective"] if o["id"] == objective["id"]]
    for table in json_format.TABLES:
        if table != "workspace":
            changed = [row for row in before[table] if row not in after[table]]
            assert changed == (renamed if table == "objective" else []), table
    assert len(after["objective"]) == len(before["objective"]) + 1
    assert len(after["team"]) == len(before["team"]) + 1
    assert len(after["check_in"]) == len(before["check_in"])


def test_merging_the_same_file_twice_changes_nothing_more(demo: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.okrdesk"
    build_synthetic(other, teams=2, seed=5)
    with Workspace.open(other) as ws:
        # The synthetic company's cycle and team names must not clash with the demo's.
        for team in entities.list_items(ws, "team"):
            entities.update(ws, "team", team["id"], name=f"Synthetic {team['name']}")
        for cycle in entities.list_items(ws, "cycle"):
            entities.update(ws, "cycle", cycle["id"], name="Synthetic 2026-Q1")
        json_format.write_json(ws, tmp_path / "other.json")
    other_document = json.loads((tmp_path / "other.json").read_bytes())
    demo_before = document_of(demo)

    with Workspace.open(demo) as ws:
        json_format.import_into(tmp_path / "other.json", ws)
    once = export_of(demo)
    with Workspace.open(demo) as ws:
        json_format.import_into(tmp_path / "other.json", ws)
    assert export_of(demo) == once

    merged = json.loads(once)
    for table in json_format.TABLES:
        if table != "workspace":
            assert len(merged[table]) == len(demo_before[table]) + len(other_document[table])
    assert merged["workspace"] == demo_before["workspace"]  # the foundation stays this one's


def _renamed_objective_and_a_clashing_grade(document: Document) -> Document:
    """A valid update early in the file, then a row the database refuses further down."""
    document = copy.deepcopy(document)
    document["objective"][0]["title"] = "This change must not survive"
    clash = dict(document["key_result_grade"][0], id=str(uuid.uuid4()))
    document["key_result_grade"].append(clash)  # a second grade for the same key result
    return document


def _team_under_its_own_child(document: Document) -> Document:
    document = copy.deepcopy(document)
    root = next(t for t in document["team"] if t["parent_id"] is None)
    child = next(t for t in document["team"] if t["parent_id"] == root["id"])
    root["parent_id"] = child["id"]
    return document


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_renamed_objective_and_a_clashing_grade, ["key_result_grade[", "already has"]),
        (_team_under_its_own_child, ["team", "under itself"]),
    ],
)
def test_refused_merge_leaves_the_workspace_as_it_was(
    demo: Path,
    demo_document: Document,
    tmp_path: Path,
    change: Callable[[Document], Document],
    expected: list[str],
) -> None:
    source = write_document(tmp_path / "incoming.json", change(demo_document))
    before = export_of(demo)
    with Workspace.open(demo) as ws, pytest.raises(InterchangeError) as refused:
        json_format.import_into(source, ws)
    message = str(refused.value)
    assert "\n" not in message
    for fragment in expected:
        assert fragment in message
    assert export_of(demo) == before
    assert listing(demo.parent) == {"demo.okrdesk"}


def test_merge_refuses_a_reference_to_something_in_neither_place(
    demo: Path, demo_document: Document, tmp_path: Path
) -> None:
    document = {"format": "okrdesk", "version": 1, "check_in": [dict(open_check_in(demo))]}
    document["check_in"][0]["id"] = str(uuid.uuid4())
    source = write_document(tmp_path / "partial.json", document)
    # Referring to a key result the workspace has is fine ...
    with Workspace.open(demo) as ws:
        json_format.import_into(source, ws)
    assert document["check_in"][0]["id"] in ids(document_of(demo), "check_in")
    # ... one it does not have is refused, naming the entry and the field.
    document["check_in"][0]["key_result_id"] = missing = str(uuid.uuid4())
    document["check_in"][0]["id"] = str(uuid.uuid4())
    before = export_of(demo)
    with Workspace.open(demo) as ws, pytest.raises(InterchangeError) as refused:
        json_format.import_into(write_document(source, document), ws)
    assert "check_in[0]" in str(refused.value)
    assert "'key_result_id'" in str(refused.value)
    assert missing in str(refused.value)
    assert export_of(demo) == before


def test_a_merge_cannot_change_a_closed_cycle(demo: Path, tmp_path: Path) -> None:
    document = document_of(demo)
    with Workspace.open(demo) as ws:
        closed = next(c for c in entities.list_items(ws, "cycle") if c["state"] == "closed")
    objective = next(o for o in document["objective"] if o["cycle_id"] == closed["id"])
    objective["title"] = "Rewritten after the quarter closed"
    cycle = next(c for c in document["cycle"] if c["id"] == closed["id"])
    cycle["state"] = "planning"
    before = export_of(demo)
    with Workspace.open(demo) as ws, pytest.raises(InterchangeError) as refused:
        json_format.import_into(write_document(tmp_path / "late.json", document), ws)
    assert f"cycle {closed['name']} is closed and read-only" in str(refused.value)
    assert export_of(demo) == before


def test_a_merge_may_finish_a_quarter_it_changed(demo: Path, tmp_path: Path) -> None:
    """The colleague's copy changed a quarter in review, then closed it: the merge brings
    both, as the rules allow one step of the lifecycle and changes made before closing."""
    with Workspace.open(demo) as ws:
        objective = active_objective(ws)
        lifecycle.set_state(ws, objective["cycle_id"], "review")
    colleague = Path(shutil.copy(demo, tmp_path / "colleague.okrdesk"))
    with Workspace.open(colleague) as ws:
        entities.update(ws, "objective", objective["id"], title="Finished with care")
        lifecycle.set_state(ws, objective["cycle_id"], "closed")
        json_format.write_json(ws, tmp_path / "colleague.json")
    with Workspace.open(demo) as ws:
        json_format.import_into(tmp_path / "colleague.json", ws)
        assert entities.get(ws, "objective", objective["id"])["title"] == "Finished with care"
        assert entities.get(ws, "cycle", objective["cycle_id"])["state"] == "closed"


# -- refused files -------------------------------------------------------------------------


def _edit(change: Callable[[Document], None]) -> Callable[[Document], bytes]:
    def make(base: Document) -> bytes:
        document = copy.deepcopy(base)
        change(document)
        return json.dumps(document).encode("utf-8")

    return make


def _random_bytes(_base: Document) -> bytes:
    return b"\xff\xfe" + random.Random(7).randbytes(4000)


def _set(table: str, field: str, value: Any) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        document[table][0][field] = value

    return change


def _dangling_objective(document: Document) -> None:
    document["key_result"][0]["objective_id"] = str(uuid.uuid4())


def _duplicate_entry(document: Document) -> None:
    document["check_in"].append(dict(document["check_in"][3], note="twin"))


def _missing_id(document: Document) -> None:
    del document["initiative"][0]["id"]


def _nan(base: Document) -> bytes:
    text = json.dumps(base)
    assert '"weight": 1.0' in text
    return text.replace('"weight": 1.0', '"weight": NaN', 1).encode("utf-8")


def _infinity(base: Document) -> bytes:
    text = json.dumps(base)
    return text.replace('"value": ', '"value": -Infinity, "x": ', 1).encode("utf-8")


REFUSED: list[tuple[str, Callable[[Document], bytes], list[str]]] = [
    ("random bytes", _random_bytes, ["not UTF-8"]),
    ("a text file", lambda _: "Our OKRs for Zürich\n— draft —\n".encode(), ["not valid JSON"]),
    ("an empty file", lambda _: b"", ["not valid JSON"]),
    ("a foreign JSON", lambda _: b'{"hello": 1}', ["not an OKR Desk export"]),
    ("a JSON list", lambda _: b"[1, 2, 3]", ["not an OKR Desk export"]),
    ("a newer version", _edit(lambda d: d.update(version=99)), ["newer", "99", "update"]),
    ("a version as text", _edit(lambda d: d.update(version="1")), ['"version"']),
    ("NaN", _nan, ["NaN"]),
    ("Infinity", _infinity, ["Infinity"]),
    ("a number as text", _edit(_set("key_result", "start", "12")), ["key_result[0]", "'start'"]),
    ("text as a number", _edit(_set("objective", "title", 42)), ["objective[0]", "'title'"]),
    ("a flag as 1", _edit(_set("key_result", "done", 1)), ["key_result[0]", "'done'"]),
    ("a bad date", _edit(_set("check_in", "date", "2026-02-30")), ["check_in[0]", "'date'"]),
    ("a huge number", _edit(_set("key_result", "target", 10**400)), ["'target'", "range"]),
    ("too long", _edit(_set("team", "name", "x" * 121)), ["team[0]", "'name'", "too long"]),
    ("an unknown field", _edit(_set("key_result", "colour", "red")), ["'colour'"]),
    ("an unknown section", _edit(lambda d: d.update(gadgets=[])), ["'gadgets'"]),
    ("a table as object", _edit(lambda d: d.update(team={})), ["'team'", "list"]),
    ("a bad UUID", _edit(_set("objective", "id", "objective-1")), ["objective[0]", "valid id"]),
    (
        "an upper-case UUID",
        _edit(lambda d: d["cycle"][0].update(id=d["cycle"][0]["id"].upper())),
        ["cycle[0]", "valid id"],
    ),
    (
        "a bad UUID in a reference",
        _edit(_set("check_in", "key_result_id", "12345")),
        ["check_in[0]", "'key_result_id'", "valid id"],
    ),
    (
        "a dangling reference",
        _edit(_dangling_objective),
        ["key_result[0]", "'objective_id'", "not in the file"],
    ),
    ("a missing id", _edit(_missing_id), ["initiative[0]", "'id'", "missing"]),
    ("the same id twice", _edit(_duplicate_entry), ["check_in[", "twice"]),
    ("an unknown kind", _edit(_set("objective", "kind", "someday")), ["objective[0]", "kind"]),
    # Entries are written many at a time: the one the database refuses is still named.
    (
        "a rule broken mid-table",
        _edit(lambda d: d["check_in"][37].update(confidence_score=11)),
        ["check_in[37]: a value breaks the rule 'confidence_score'"],
    ),
    (
        "a name taken twice",
        _edit(lambda d: d["cycle"][1].update(name=d["cycle"][0]["name"])),
        ["cycle[1]: another cycle already has this name"],
    ),
    ("a team loop", lambda d: json.dumps(_team_under_its_own_child(d)).encode(), ["itself"]),
    ("deep nesting", lambda _: b"[" * 100_000 + b"]" * 100_000, ["nested too deeply"]),
]


@pytest.mark.parametrize(
    ("make", "expected"),
    [pytest.param(make, expected, id=name) for name, make, expected in REFUSED],
)
def test_import_refuses_bad_files_with_a_one_line_reason_and_writes_nothing(
    demo_document: Document,
    tmp_path: Path,
    make: Callable[[Document], bytes],
    expected: list[str],
) -> None:
    source = tmp_path / "incoming.json"
    source.write_bytes(make(demo_document))
    fingerprint = sha256(source)

    with pytest.raises((InterchangeError, WorkspaceFileError)) as refused:
        json_format.import_new(source, tmp_path / "new.okrdesk")

    message = str(refused.value)
    assert "\n" not in message and len(message) < 400
    for fragment in expected:
        assert fragment in message
    assert sha256(source) == fingerprint
    assert listing(tmp_path) == {"incoming.json"}  # no workspace, no temporary leftovers


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        pytest.param(make, expected, id=name)
        for name, make, expected in REFUSED
        if name in {"random bytes", "a newer version", "NaN", "a dangling reference"}
    ],
)
def test_merge_refuses_bad_files_and_leaves_the_workspace_alone(
    demo: Path,
    demo_document: Document,
    tmp_path: Path,
    make: Callable[[Document], bytes],
    expected: list[str],
) -> None:
    source = tmp_path / "incoming.json"
    source.write_bytes(make(demo_document))
    before = export_of(demo)
    with Workspace.open(demo) as ws, pytest.raises(InterchangeError) as refused:
        json_format.import_into(source, ws)
    for fragment in expected:
        assert fragment in str(refused.value)
    assert export_of(demo) == before
    assert listing(demo.parent) == {"demo.okrdesk"}


def test_import_never_overwrites_an_existing_file(demo: Path, tmp_path: Path) -> None:
    with Workspace.open(demo) as ws:
        json_format.write_json(ws, tmp_path / "demo.json")
    occupied = tmp_path / "taken.okrdesk"
    occupied.write_bytes(b"my notes")
    with pytest.raises(WorkspaceFileError, match="already exists"):
        json_format.import_new(tmp_path / "demo.json", occupied)
    assert occupied.read_bytes() == b"my notes"
    assert listing(tmp_path) == {"workspaces", "demo.json", "taken.okrdesk"}


def test_import_names_a_missing_source(tmp_path: Path) -> None:
    with pytest.raises(InterchangeError, match="no such file"):
        json_format.import_new(tmp_path / "nowhere.json", tmp_path / "new.okrdesk")
    assert listing(tmp_path) == set()


# -- writing the export --------------------------------------------------------------------


def test_export_is_written_atomically_with_ordinary_permissions(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "export.json"
    target.write_text("an older export")
    old_umask = os.umask(0o022)
    try:
        with Workspace.open(demo) as ws:
            json_format.write_json(ws, target)
            json_format.write_json(ws, out / "fresh.json")
    finally:
        os.umask(old_umask)
    assert listing(out) == {"export.json", "fresh.json"}  # no temporary files left behind
    assert json.loads(target.read_bytes())["format"] == "okrdesk"
    if os.name == "posix":
        assert (out / "fresh.json").stat().st_mode & 0o777 == 0o644  # colleagues can read it


def test_export_to_a_missing_folder_is_refused_cleanly(demo: Path, tmp_path: Path) -> None:
    with Workspace.open(demo) as ws, pytest.raises(InterchangeError, match="cannot be written"):
        json_format.write_json(ws, tmp_path / "no-such-folder" / "x.json")
    assert listing(tmp_path) == {"workspaces"}


def test_export_over_the_open_workspace_is_refused(demo: Path) -> None:
    before = export_of(demo)
    with Workspace.open(demo) as ws, pytest.raises(OkrDeskError, match="open workspace"):
        json_format.write_json(ws, demo.parent / "." / demo.name)
    assert export_of(demo) == before
    assert listing(demo.parent) == {"demo.okrdesk"}
