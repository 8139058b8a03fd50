"""The first thing a person sees of a workspace, read without SQLAlchemy.

Importing SQLAlchemy and the models costs most of a second; the window shows the
navigator and one team's OKRs read here with the standard library's sqlite3 first,
and the real views take over once the data layer is loaded. The data is the views'
own (:mod:`okrdesk.services.view_data`), built by the same functions, so the first
look is what the full window then shows.

Read-only and cautious: a file this version would have to upgrade, refuse or repair
(an older or newer schema, a log left beside it) gets no first look, and any error
just means none; the normal open then says what is wrong.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from okrdesk.db.header import SCHEMA_VERSION, read_header
from okrdesk.db.schema_check import no_code
from okrdesk.errors import OkrDeskError
from okrdesk.services.view_data import (
    CycleView,
    ObjectiveView,
    OkrTree,
    TeamNode,
    bands_of,
    current_cycle,
    grouped,
    in_tree_order,
    is_named,
    objective_view,
    team_view,
)


@dataclass(frozen=True)
class FirstLook:
    """The navigator's cycles and teams, and the OKRs of the team it starts on."""

    cycles: tuple[tuple[str, str, str], ...]  # (id, name, state) by start date
    cycle_id: str
    teams: tuple[TeamNode, ...]
    team_id: str
    tree: OkrTree  # of that one team


def first_look(path: Path, team: str | None = None, today: date | None = None) -> FirstLook | None:
    """What the window starts on (the current cycle; `team` by id or name, else the first
    team of the tree), or None when the file needs more than a plain read."""
    try:
        _, version = read_header(path)
    except OkrDeskError:
        return None
    if version != SCHEMA_VERSION or _logs_beside(path):
        return None
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        con.row_factory = _row
        con.execute("PRAGMA query_only = 1")
        # A planted view could stand in for a table and never end: a file with code in it
        # gets no first look, and the normal open refuses it with its reason.
        if not no_code(con):
            return None
        return _read(con, team, today or date.today())
    except (sqlite3.Error, ValueError, TypeError, KeyError, OkrDeskError):
        return None  # whatever is odd, the normal open finds and names it
    finally:
        con.close()


def _logs_beside(path: Path) -> bool:
    return any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-journal"))


def _row(cursor: sqlite3.Cursor, values: tuple[Any, ...]) -> SimpleNamespace:
    return SimpleNamespace(**{c[0]: v for c, v in zip(cursor.description, values, strict=True)})


def _read(con: sqlite3.Connection, wanted: str | None, today: date) -> FirstLook | None:
    info = con.execute("SELECT name, settings FROM workspace").fetchone()
    cycles = con.execute(
        "SELECT id, name, start_date, end_date, state FROM cycle ORDER BY start_date"
    ).fetchall()
    if info is None or not cycles:
        return None
    for c in cycles:
        c.start_date, c.end_date = date.fromisoformat(c.start_date), date.fromisoformat(c.end_date)
    cycle = current_cycle(cycles, today)
    rows = con.execute("SELECT id, name, kind, parent_id FROM team ORDER BY position, name")
    teams = in_tree_order(rows)
    if not teams:
        return None
    chosen = _chosen(teams, wanted)
    if chosen is None:
        return None
    counts = {
        row.team_id: row.n
        for row in con.execute(
            "SELECT team_id, count(*) AS n FROM objective WHERE cycle_id = ? GROUP BY team_id",
            (cycle.id,),
        )
    }
    bands = bands_of(json.loads(info.settings) if info.settings else {})
    objectives = _objectives(con, cycle.id, chosen.id, bands)
    themes = con.execute(
        "SELECT name FROM theme WHERE cycle_id = ? ORDER BY position", (cycle.id,)
    ).fetchall()
    tree = OkrTree(
        organisation=info.name,
        cycle=CycleView(
            cycle.id,
            cycle.name,
            cycle.start_date,
            cycle.end_date,
            cycle.state,
            tuple(t.name for t in themes),
        ),
        teams=(team_view(chosen, 0, objectives, bands),),
    )
    return FirstLook(
        cycles=tuple((c.id, c.name, c.state) for c in cycles),
        cycle_id=cycle.id,
        teams=tuple(
            TeamNode(t.id, t.name, t.kind, t.parent_id, depth, counts.get(t.id, 0))
            for t, depth in teams
        ),
        team_id=chosen.id,
        tree=tree,
    )


def _chosen(teams: list[tuple[Any, int]], wanted: str | None) -> Any:
    if not wanted:
        return teams[0][0]
    return next((t for t, _depth in teams if is_named(t, wanted)), None)


def _objectives(
    con: sqlite3.Connection, cycle_id: str, team_id: str, bands: Any
) -> tuple[ObjectiveView, ...]:
    """One team's objectives as :func:`okrdesk.services.views.okr_tree` builds them."""
    scope = "o.cycle_id = ? AND o.team_id = ?"
    args = (cycle_id, team_id)
    objectives = con.execute(
        "SELECT id, title, why, owner, kind, status, theme_id FROM objective o "
        f"WHERE {scope} ORDER BY position",
        args,
    ).fetchall()
    krs = grouped(
        con.execute(
            "SELECT k.* FROM key_result k JOIN objective o ON o.id = k.objective_id "
            f"WHERE {scope} ORDER BY k.position",
            args,
        ),
        "objective_id",
    )
    initiatives = grouped(
        con.execute(
            "SELECT i.* FROM initiative i JOIN objective o ON o.id = i.objective_id "
            f"WHERE {scope} ORDER BY i.position",
            args,
        ),
        "objective_id",
    )
    links: dict[str, list[str]] = defaultdict(list)
    for row in con.execute(
        "SELECT l.initiative_id, l.key_result_id FROM initiative_key_result l "
        "JOIN initiative i ON i.id = l.initiative_id JOIN objective o ON o.id = i.objective_id "
        f"WHERE {scope}",
        args,
    ):
        links[row.initiative_id].append(row.key_result_id)
    supports: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in con.execute(
        "SELECT l.objective_id AS child, p.id, p.title FROM alignment_link l "
        "JOIN objective p ON p.id = l.parent_objective_id "
        "JOIN objective o ON o.id = l.objective_id "
        f"WHERE {scope} "
        "UNION ALL "
        "SELECT l.objective_id AS child, k.id, k.title FROM alignment_link l "
        "JOIN key_result k ON k.id = l.parent_key_result_id "
        "JOIN objective o ON o.id = l.objective_id "
        f"WHERE {scope}",
        args + args,
    ):
        supports[row.child].append((row.id, row.title))
    themes = {
        t.id: t.name
        for t in con.execute("SELECT id, name FROM theme WHERE cycle_id = ?", (cycle_id,))
    }
    for i in (i for group in initiatives.values() for i in group):
        i.due_date = date.fromisoformat(i.due_date) if i.due_date else None
    return tuple(
        objective_view(
            o, krs.get(o.id, []), initiatives.get(o.id, []), links, supports, themes, bands
        )
        for o in objectives
    )
