"""The CSV interchange: one row per key result, as spreadsheets write and read it.

Files are written to tmp_path exactly as a spreadsheet would save them (with or
without a byte-order mark, comma or semicolon), imported, and read back.
"""

from __future__ import annotations

import csv
import hashlib
import io
import random
import shutil
from datetime import date
from pathlib import Path

import pytest

from okrdesk.demo import build_demo
from okrdesk.errors import InterchangeError, OkrDeskError, WorkspaceFileError
from okrdesk.interchange import csv_format, json_format
from okrdesk.services import entities
from okrdesk.services.views import okr_tree
from okrdesk.services.workspace import Workspace

TODAY = date(2026, 5, 14)  # in 2026-Q2
BOM = b"\xef\xbb\xbf"

KrRow = tuple[str, float | None, float | None, str, str]


# -- helpers -------------------------------------------------------------------------------


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def json_export(path: Path) -> bytes:
    with Workspace.open(path) as ws:
        return json_format.export_json(ws)


def okrs(path: Path) -> dict[tuple[str, str], list[tuple[str, str | None, list[KrRow]]]]:
    """(cycle, team) → [(objective, theme, [(kr, start, target, unit, owner)])]."""
    result = {}
    with Workspace.open(path) as ws:
        cycles = [c["name"] for c in entities.list_items(ws, "cycle")]
        for cycle in cycles:
            for team in okr_tree(ws, cycle=cycle).teams:
                if team.objectives:
                    result[cycle, team.name] = [
                        (
                            o.title,
                            o.theme,
                            [(k.title, k.start, k.target, k.unit, k.owner) for k in o.key_results],
                        )
                        for o in team.objectives
                    ]
    return result


def cycles(path: Path) -> dict[str, tuple[date, date]]:
    with Workspace.open(path) as ws:
        return {
            c["name"]: (c["start_date"], c["end_date"]) for c in entities.list_items(ws, "cycle")
        }


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("csv-demo") / "demo.okrdesk"
    build_demo(path, today=TODAY)
    return path


@pytest.fixture
def demo(demo_master: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "workspaces"
    folder.mkdir()
    return Path(shutil.copy(demo_master, folder / "demo.okrdesk"))


# -- reading what spreadsheets write -------------------------------------------------------

EUROPEAN = (
    "Team;Objective;Key result;Start;Target;Unit;Owner\r\n"
    "Zürich;Delight cafés in Łódź;Raise the café NPS;12,5;40;points;Ødegaard\r\n"
    "Zürich;Ship faster;Cut lead time;1.250,75;900;hours;Łukasz\r\n"
    "Zürich;Delight cafés in Łódź;Cut complaints;8;4,25;%;Ødegaard\r\n"
    "Genève;Delight cafés in Łódź;Open 3 corners;0;3;cafés;Zoë\r\n"
)


def test_semicolon_file_with_bom_accents_and_decimal_commas(tmp_path: Path) -> None:
    source = tmp_path / "Plan Zürich.csv"
    source.write_bytes(BOM + EUROPEAN.encode("utf-8"))

    report = csv_format.import_new(source, tmp_path / "plan.okrdesk", today=TODAY)

    assert (report.objectives, report.key_results, report.notices) == (3, 4, [])
    assert okrs(tmp_path / "plan.okrdesk") == {
        ("2026-Q2", "Zürich"): [
            (
                "Delight cafés in Łódź",
                None,
                [
                    ("Raise the café NPS", 12.5, 40.0, "points", "Ødegaard"),
                    ("Cut complaints", 8.0, 4.25, "%", "Ødegaard"),
                ],
            ),
            ("Ship faster", None, [("Cut lead time", 1250.75, 900.0, "hours", "Łukasz")]),
        ],
        ("2026-Q2", "Genève"): [
            ("Delight cafés in Łódź", None, [("Open 3 corners", 0.0, 3.0, "cafés", "Zoë")]),
        ],
    }
    # No cycle column: the current calendar quarter, created because it was missing.
    assert cycles(tmp_path / "plan.okrdesk") == {"2026-Q2": (date(2026, 4, 1), date(2026, 6, 30))}
    with Workspace.open(tmp_path / "plan.okrdesk") as ws:
        kr = entities.list_items(ws, "key_result", title="Cut complaints")[0]
    assert kr["direction"] == "decrease"


def test_comma_file_without_bom_and_quoted_cells(tmp_path: Path) -> None:
    source = tmp_path / "okrs.csv"
    source.write_bytes(
        b"cycle,team,theme,objective,key_result,start,target,unit,owner\n"
        b'2026-Q3,Sales,Growth,"Win big, fast","Sign 10 deals, net of churn",0,10,deals,Ann\n'
        b'2026-Q3,Sales,Growth,"Win big, fast","Say ""yes"" to 5 partners",0,5,,Bob\n'
        b'2026-Q3,Support,,Answer sooner,Cut first reply,"1,200",600.5,minutes,"Lee, Kim"\n'
    )
    fingerprint = sha256(source)

    report = csv_format.import_new(source, tmp_path / "o.okrdesk", today=TODAY)

    assert (report.objectives, report.key_results) == (2, 3)
    assert okrs(tmp_path / "o.okrdesk") == {
        ("2026-Q3", "Sales"): [
            (
                "Win big, fast",
                "Growth",
                [
                    ("Sign 10 deals, net of churn", 0.0, 10.0, "deals", "Ann"),
                    ('Say "yes" to 5 partners', 0.0, 5.0, "", "Bob"),
                ],
            )
        ],
        ("2026-Q3", "Support"): [
            ("Answer sooner", None, [("Cut first reply", 1200.0, 600.5, "minutes", "Lee, Kim")])
        ],
    }
    assert cycles(tmp_path / "o.okrdesk") == {"2026-Q3": (date(2026, 7, 1), date(2026, 9, 30))}
    assert sha256(source) == fingerprint


def test_semicolon_file_with_quoted_semicolons(tmp_path: Path) -> None:
    source = tmp_path / "s.csv"
    source.write_text(
        "team;objective;key_result;target\n"
        'Ops;"Fewer outages; calmer nights";"Pages; per week";2,5\n',
        encoding="utf-8",
    )
    csv_format.import_new(source, tmp_path / "s.okrdesk", today=TODAY)
    assert okrs(tmp_path / "s.okrdesk") == {
        ("2026-Q2", "Ops"): [
            ("Fewer outages; calmer nights", None, [("Pages; per week", None, 2.5, "", "")])
        ]
    }


def test_other_columns_are_ignored_with_a_notice(tmp_path: Path) -> None:
    source = tmp_path / "extra.csv"
    source.write_text(
        "Team,Objective,Key Result,Comments,Target\nOps,Be calm,Cut pages,keep it short,3\n",
        encoding="utf-8",
    )
    report = csv_format.import_new(source, tmp_path / "e.okrdesk", today=TODAY)
    assert len(report.notices) == 1 and "comments" in report.notices[0]
    assert okrs(tmp_path / "e.okrdesk")[("2026-Q2", "Ops")] == [
        ("Be calm", None, [("Cut pages", None, 3.0, "", "")])
    ]


def test_an_objective_row_without_key_result(tmp_path: Path) -> None:
    source = tmp_path / "o.csv"
    source.write_text("team,objective,key_result\nOps,Be calm,\n", encoding="utf-8")
    report = csv_format.import_new(source, tmp_path / "o.okrdesk", today=TODAY)
    assert (report.objectives, report.key_results) == (1, 0)
    assert okrs(tmp_path / "o.okrdesk") == {("2026-Q2", "Ops"): [("Be calm", None, [])]}


# -- round trip and merge ------------------------------------------------------------------


def test_demo_survives_export_and_import(demo: Path, tmp_path: Path) -> None:
    with Workspace.open(demo) as ws:
        csv_format.write_csv(ws, tmp_path / "demo.csv")
        key_results = len(entities.list_items(ws, "key_result"))
    data = (tmp_path / "demo.csv").read_bytes()
    assert data.startswith(BOM)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == list(csv_format.COLUMNS)
    assert len(rows) - 1 >= key_results  # one row per key result (plus empty objectives)

    report = csv_format.import_new(tmp_path / "demo.csv", tmp_path / "back.okrdesk", today=TODAY)

    original = okrs(demo)
    assert len(original) >= 6 and {cycle for cycle, _ in original} == {"2026-Q1", "2026-Q2"}
    assert okrs(tmp_path / "back.okrdesk") == original
    assert report.key_results == key_results
    assert cycles(tmp_path / "back.okrdesk") == cycles(demo)


def test_export_of_one_cycle(demo: Path, tmp_path: Path) -> None:
    with Workspace.open(demo) as ws:
        csv_format.write_csv(ws, tmp_path / "q1.csv", cycle="2026-q1")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "q1.csv").read_text("utf-8-sig"))))
    assert rows and {row["cycle"] for row in rows} == {"2026-Q1"}


def test_merge_updates_what_the_file_names_and_keeps_the_rest(demo: Path, tmp_path: Path) -> None:
    before = okrs(demo)
    (team, objective_title, krs) = next(
        (team, o[0], o[2])
        for (cycle, team), objectives in before.items()
        if cycle == "2026-Q2"
        for o in objectives
        if len(o[2]) >= 2 and all(k[1] is not None for k in o[2])
    )
    first, second = krs[0], krs[1]
    source = tmp_path / "update.csv"
    source.write_text(
        "team,objective,key_result,target\n"
        f'"{team.upper()}","{objective_title}","{first[0]}",{first[2] + 1:g}\n'
        f'"{team}","{objective_title}","A brand-new key result",7\n',
        encoding="utf-8",
    )
    with Workspace.open(demo) as ws:
        report = csv_format.import_into(source, ws, today=TODAY)
    after = okrs(demo)

    assert (report.objectives, report.key_results) == (0, 1)
    objective = next(o for o in after["2026-Q2", team] if o[0] == objective_title)
    by_title = {k[0]: k for k in objective[2]}
    # The target changed; start, unit and owner were not in the file and stay as they were.
    assert by_title[first[0]] == (first[0], first[1], first[2] + 1, first[3], first[4])
    assert by_title[second[0]] == second
    assert by_title["A brand-new key result"] == ("A brand-new key result", None, 7.0, "", "")
    # Nothing else moved, nothing was deleted.
    changed = {("2026-Q2", team)}
    assert {k: v for k, v in after.items() if k not in changed} == {
        k: v for k, v in before.items() if k not in changed
    }
    assert len(objective[2]) == len(krs) + 1


def test_merge_finds_a_quarter_however_it_is_written(demo: Path, tmp_path: Path) -> None:
    source = tmp_path / "q.csv"
    source.write_text(
        "cycle,team,objective,key_result\n"
        "Q3 2026,Ops,Be calm,Cut pages\n"
        "2026 q3,Ops,Be calm,Sleep well\n"
        ",Ops,Be calm now,Cut pages\n"
        "q2-2026,Ops,Be calm now,Sleep well\n",
        encoding="utf-8",
    )
    with Workspace.open(demo) as ws:
        csv_format.import_into(source, ws, today=TODAY)
    names = cycles(demo)
    assert sorted(names) == ["2026-Q1", "2026-Q2", "2026-Q3"]  # one new cycle, no doubles
    assert names["2026-Q3"] == (date(2026, 7, 1), date(2026, 9, 30))
    after = okrs(demo)
    assert after["2026-Q3", "Ops"] == [("Be calm", None, [k("Cut pages"), k("Sleep well")])]
    assert after["2026-Q2", "Ops"] == [("Be calm now", None, [k("Cut pages"), k("Sleep well")])]


def k(title: str) -> KrRow:
    return (title, None, None, "", "")


# -- all or nothing ------------------------------------------------------------------------

BAD_TARGET_ON_LINE_4 = (
    "team,objective,key_result,start,target\n"
    "Ops,Be calm,Cut pages,10,2\n"
    "Ops,Be calm,Sleep well,5,8\n"
    "Ops,Be calm,Fewer alerts,30,lots\n"
    "Ops,Be calm,Happy on-call,1,5\n"
)
NAMED_CYCLE_ON_LINE_5 = (  # only found while writing, after rows 2-4 were added
    "cycle,team,objective,key_result\n"
    "2026-Q2,Ops,Be calm,Cut pages\n"
    "2026-Q3,Ops,Be calm,Sleep well\n"
    ",New team,Be bold,Ship it\n"
    "Spring sprint,Ops,Be calm,Fewer alerts\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (BAD_TARGET_ON_LINE_4, ["line 4", "target", "lots"]),
        (NAMED_CYCLE_ON_LINE_5, ["line 5", "cycle", "Spring sprint"]),
    ],
)
def test_a_bad_row_creates_no_file(tmp_path: Path, text: str, expected: list[str]) -> None:
    source = tmp_path / "bad.csv"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(InterchangeError) as refused:
        csv_format.import_new(source, tmp_path / "new.okrdesk", today=TODAY)
    for fragment in expected:
        assert fragment in str(refused.value)
    assert listing(tmp_path) == {"bad.csv"}  # no workspace, no temporary files


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (BAD_TARGET_ON_LINE_4, ["line 4", "target"]),
        (NAMED_CYCLE_ON_LINE_5, ["line 5", "cycle"]),
    ],
)
def test_a_bad_row_leaves_the_workspace_unchanged(
    demo: Path, tmp_path: Path, text: str, expected: list[str]
) -> None:
    source = tmp_path / "bad.csv"
    source.write_text(text, encoding="utf-8")
    before = json_export(demo)
    with Workspace.open(demo) as ws, pytest.raises(InterchangeError) as refused:
        csv_format.import_into(source, ws, today=TODAY)
    for fragment in expected:
        assert fragment in str(refused.value)
    assert json_export(demo) == before
    assert listing(demo.parent) == {"demo.okrdesk"}


def test_a_target_equal_to_the_stored_start_is_refused_on_merge(demo: Path, tmp_path: Path) -> None:
    before_tree = okrs(demo)
    team, objective, kr = next(
        (team, o[0], kr)
        for (cycle, team), objectives in before_tree.items()
        for o in objectives
        for kr in o[2]
        if cycle == "2026-Q2" and kr[1] is not None
    )
    source = tmp_path / "same.csv"
    source.write_text(
        f'cycle,team,objective,key_result,target\n2026-Q2,"{team}","{objective}","{kr[0]}",{kr[1]:g}\n',
        encoding="utf-8",
    )
    before = json_export(demo)
    with Workspace.open(demo) as ws, pytest.raises(InterchangeError, match="line 2, field target"):
        csv_format.import_into(source, ws, today=TODAY)
    assert json_export(demo) == before


# -- refused files -------------------------------------------------------------------------

REFUSED: list[tuple[str, bytes, list[str]]] = [
    ("random bytes", b"\xff\xfe\x00" + random.Random(3).randbytes(3000), ["not"]),
    ("a text file", "Dear team,\nour plans for Zürich.\n".encode(), ["line 1", "team"]),
    ("a missing column", b"team,objective,target\nOps,Be calm,3\n", ["line 1", "key_result"]),
    ("an empty file", b"", ["empty"]),
    ("a BOM only", BOM, ["empty"]),
    ("a header only", b"team;objective;key_result\r\n", ["no rows"]),
    ("a header and blank lines", b"team,objective,key_result\n\n,,\n", ["no rows"]),
    # 0x81 is no character in Windows-1252 either
    ("neither UTF-8 nor cp1252", b"team;objective;key_result\nZ\x81rich;O;K\n", ["UTF-8", "1252"]),
    (
        "an ambiguous number",
        b'team,objective,key_result,start\nA,O,K,"1,250"\n',
        ["line 2", "start", "1.25 or 1250"],
    ),
    (
        "two decimal separators",
        b"team;objective;key_result;start;target\nA;O;K;2.5;3\nA;O;K2;1;12,5\n",
        ["line 3, field target", "line 2, field start", "one decimal separator"],
    ),
    ("NUL bytes", b"team,objective,key_result\nOps,O\x00,K\n", ["NUL"]),
    ("a column twice", b"team,objective,key_result,team\nA,O,K,B\n", ["line 1", "'team'"]),
    ("no team", b"team,objective,key_result\nOps,O,K\n ,O,K2\n", ["line 3", "team", "empty"]),
    ("no objective", b"team,objective,key_result\nOps,,K\n", ["line 2", "objective"]),
    (
        "numbers without a key result",
        b"team,objective,key_result,target\nOps,O,,5\n",
        ["line 2", "key_result"],
    ),
    ("start equals target", b"team,objective,key_result,start,target\nA,O,K,5,5\n", ["target"]),
    ("a bad start", b"team,objective,key_result,start\nA,O,K,12.5.1\n", ["line 2", "start"]),
    ("a bad target", b"team;objective;key_result;target\nA;O;K;n/a\n", ["line 2", "target"]),
    (
        "a too long objective",
        b"team,objective,key_result\nA," + b"x" * 301 + b",K\n",
        ["line 2", "objective", "too long"],
    ),
    (
        "an unclosed quote",
        b'team,objective,key_result\nA,O,K\nB,"Be calm,K2\nC,O3,K3\n',
        ["line 3", "never closed"],
    ),
    ("a stray quote", b'team,objective,key_result\nA,"O"x,K\n', ["line 2"]),
]


@pytest.mark.parametrize(
    ("data", "expected"),
    [pytest.param(data, expected, id=name) for name, data, expected in REFUSED],
)
def test_import_refuses_bad_files_with_a_one_line_reason_and_writes_nothing(
    tmp_path: Path, data: bytes, expected: list[str]
) -> None:
    source = tmp_path / "incoming.csv"
    source.write_bytes(data)
    fingerprint = sha256(source)

    with pytest.raises((InterchangeError, WorkspaceFileError)) as refused:
        csv_format.import_new(source, tmp_path / "new.okrdesk", today=TODAY)

    message = str(refused.value)
    assert "\n" not in message and len(message) < 400
    for fragment in expected:
        assert fragment in message
    assert sha256(source) == fingerprint
    assert listing(tmp_path) == {"incoming.csv"}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(data, expected, id=name)
        for name, data, expected in REFUSED
        if name in {"latin-1 text", "a header only", "a missing column", "an unclosed quote"}
    ],
)
def test_merge_refuses_bad_files_and_leaves_the_workspace_alone(
    demo: Path, tmp_path: Path, data: bytes, expected: list[str]
) -> None:
    source = tmp_path / "incoming.csv"
    source.write_bytes(data)
    before = json_export(demo)
    with Workspace.open(demo) as ws, pytest.raises(InterchangeError) as refused:
        csv_format.import_into(source, ws, today=TODAY)
    for fragment in expected:
        assert fragment in str(refused.value)
    assert json_export(demo) == before


def test_import_never_overwrites_an_existing_file(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("team,objective,key_result\nA,O,K\n", encoding="utf-8")
    occupied = tmp_path / "taken.okrdesk"
    occupied.write_bytes(b"precious")
    with pytest.raises(WorkspaceFileError, match="already exists"):
        csv_format.import_new(source, occupied, today=TODAY)
    assert occupied.read_bytes() == b"precious"
    assert listing(tmp_path) == {"in.csv", "taken.okrdesk"}


# -- writing the export --------------------------------------------------------------------


def test_export_leaves_no_temporary_files(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "okrs.csv").write_text("an older export")
    with Workspace.open(demo) as ws:
        csv_format.write_csv(ws, out / "okrs.csv")
    assert listing(out) == {"okrs.csv"}
    assert (out / "okrs.csv").read_bytes().startswith(BOM + b"cycle,team,theme,objective")


def test_export_over_the_open_workspace_is_refused(demo: Path) -> None:
    before = json_export(demo)
    with Workspace.open(demo) as ws, pytest.raises(OkrDeskError, match="open workspace"):
        csv_format.write_csv(ws, demo)
    assert json_export(demo) == before
    assert listing(demo.parent) == {"demo.okrdesk"}
