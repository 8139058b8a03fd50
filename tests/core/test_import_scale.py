"""Import takes time in proportion to its rows: the database is asked the same number of
times whatever the number of rows (lookups in memory, writes in batches).

Counted rather than timed: 1,000 / 2,000 / 4,000 key results of one objective took
8 / 20 / 57 s when each row asked the database again (and counted its siblings).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import event

from okrdesk.interchange import csv_format
from okrdesk.services.views import okr_tree
from okrdesk.services.workspace import Workspace

TODAY = date(2026, 11, 20)


def one_objective(path: Path, count: int, start: int = 0) -> Path:
    lines = ["cycle,team,theme,objective,key_result,start,target,unit,owner"]
    lines += [
        f"2026-Q4,Sales,Growth,Win the north,Key result {n},0,{n + 1},deals,Ann"
        for n in range(start, start + count)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def statements_to_import(tmp_path: Path, count: int) -> int:
    """Statements sent to SQLite while `count` key results are merged into a workspace that
    already holds an objective with 100 of them."""
    tmp_path.mkdir()
    target = tmp_path / f"w{count}.okrdesk"
    csv_format.import_new(one_objective(tmp_path / "first.csv", 100), target, today=TODAY)
    source = one_objective(tmp_path / f"more{count}.csv", count, start=50)  # 50 are updates
    sent: list[str] = []
    with Workspace.open(target) as ws:
        engine = ws.bulk_engine()
        record = lambda *args: sent.append(args[2])  # noqa: E731 (statement text)
        event.listen(engine, "before_cursor_execute", record)
        try:
            report = csv_format.import_into(source, ws, today=TODAY)
        finally:
            event.remove(engine, "before_cursor_execute", record)
        assert report.key_results == count - 50
        (team,) = okr_tree(ws, cycle="2026-Q4").teams
        (objective,) = team.objectives
        assert len(objective.key_results) == count + 50
        # the new ones go last, in the file's order
        assert [k.title for k in objective.key_results] == [
            f"Key result {n}" for n in range(count + 50)
        ]
    return len(sent)


def test_import_asks_the_database_the_same_number_of_times_for_any_number_of_rows(
    tmp_path: Path,
) -> None:
    small = statements_to_import(tmp_path / "small", 100)
    large = statements_to_import(tmp_path / "large", 1000)
    assert large == small, f"{small} statements for 100 rows, {large} for 1,000"
