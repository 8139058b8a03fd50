"""Large, deterministic workspaces for benchmarks: `okrdesk demo PATH --teams N --seed S`.

Each team gets 3–4 objectives, each objective 2–4 key results with 13 weekly
check-ins, and 1–2 initiatives. With ``past_quarters``, the closed quarters before the
current one come first (:mod:`okrdesk.demo.history`). Rows are generated as tuples and
written in bulk (:mod:`okrdesk.demo.rows`), an order of magnitude faster than the ORM.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Table

from okrdesk.db import models as m
from okrdesk.demo import history
from okrdesk.demo.files import new_demo_file
from okrdesk.demo.pools import AMBITIONS, AREAS, CYCLE_START, MEASURES, STAMP, WEEKS, WORK
from okrdesk.demo.rows import Row, new_id, new_rows, write_rows
from okrdesk.vocabulary import CONFIDENCES, OBJECTIVE_KINDS

CHECK_DAYS = tuple(CYCLE_START + timedelta(weeks=week, days=4) for week in range(WEEKS))
# SQLite's page cache while a workspace is written (KiB): the random ids' indexes fit in it.
BULK_CACHE_KIB = 128 * 1024


def build_synthetic(path: Path, teams: int, seed: int = 1, past_quarters: int = 0) -> None:
    """Create a new workspace at `path` with `teams` teams of generated OKRs (refuses to
    overwrite an existing file), and `past_quarters` closed quarters of history before the
    current one. It appears there complete, or not at all.

    The current quarter is the same for a seed whatever the history: the history draws
    from a random stream of its own."""
    rng = random.Random(seed)
    rows = _generate(rng, teams)
    workspace_id = _id(rng)
    name = f"Synthetic organisation ({teams} teams, seed {seed})"
    if past_quarters:
        name += f" with {past_quarters} past quarters"
    with new_demo_file(path, name) as ws, ws.bulk_engine().connect() as con:
        # The file is new and nobody else's until it is complete: written once, with a
        # rollback journal, rather than twice (log, then file) through the write-ahead log.
        # The commit still waits for the disk (synchronous FULL).
        con.exec_driver_sql("PRAGMA journal_mode = DELETE")
        con.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
        con.commit()
        with con.begin():
            created = history.first_day(past_quarters) if past_quarters else CYCLE_START
            con.execute(
                m.WorkspaceInfo.__table__.update().values(
                    id=workspace_id, created_at=datetime.combine(created, STAMP.time())
                )
            )
            team_rows = rows.pop(m.Team.__table__)
            write_rows(con, {m.Team.__table__: team_rows})  # first: every quarter has them
            if past_quarters:
                tree = [(team_id, kind, parent) for team_id, _n, kind, parent, *_ in team_rows]
                history.write_history(con, random.Random(f"history {seed}"), tree, past_quarters)
            write_rows(con, rows)
        con.exec_driver_sql("PRAGMA cache_size = -2000")  # SQLite's default again
        con.commit()


_id = new_id


def _generate(rng: random.Random, team_count: int) -> dict[Table, list[Row]]:
    out = new_rows()
    cycle_id = _id(rng)
    out[m.Cycle.__table__].append(
        (
            cycle_id,
            "2026-Q1",
            "quarter",
            CYCLE_START,
            CYCLE_START + timedelta(weeks=WEEKS) - timedelta(days=1),
            "active",
        )
    )
    themes = [_id(rng) for _ in range(3)]
    for n, (theme_id, name) in enumerate(
        zip(themes, ["Customers", "Speed", "People"], strict=True)
    ):
        out[m.Theme.__table__].append((theme_id, cycle_id, name, "", n))
    company = _team(out, rng, "Company", "company", None, 0)
    departments = [
        _team(out, rng, f"Department {d + 1}", "department", company, d)
        for d in range(max(1, team_count // 10))
    ]
    parents: dict[str, list[str]] = {company: []}
    for dept in departments:
        parents[dept] = _objectives(out, rng, cycle_id, dept, themes, [], 3)
    parents[company] = _objectives(out, rng, cycle_id, company, themes, [], 3)
    for dept in departments:
        _link_all(out, rng, parents[dept], parents[company])
    for t in range(team_count):
        dept = departments[t % len(departments)]
        team = _team(out, rng, f"Team {t + 1:03d}", "team", dept, t)
        _objectives(out, rng, cycle_id, team, themes, parents[dept], rng.randint(3, 4))
    return out


def _team(
    out: dict[Table, list[Row]],
    rng: random.Random,
    name: str,
    kind: str,
    parent: str | None,
    position: int,
) -> str:
    team_id = _id(rng)
    out[m.Team.__table__].append((team_id, name, kind, parent, position, ""))
    return team_id


def _objectives(
    out: dict[Table, list[Row]],
    rng: random.Random,
    cycle_id: str,
    team_id: str,
    themes: list[str],
    supports: list[str],
    count: int,
) -> list[str]:
    ids = []
    objectives, initiatives = out[m.Objective.__table__], out[m.Initiative.__table__]
    links = out[m.InitiativeKeyResult.__table__]
    for position in range(count):
        objective_id = _id(rng)
        area = rng.choice(AREAS)
        theme = rng.choice(themes)
        title = rng.choice(AMBITIONS).format(a=area)
        owner = f"Owner {rng.randint(1, 99)}"
        kind = rng.choice(OBJECTIVE_KINDS)
        objectives.append(
            (
                objective_id,
                cycle_id,
                team_id,
                theme,
                title,
                "",
                owner,
                kind,
                "final",
                position,
                STAMP,
            )
        )
        if supports:
            _link_all(out, rng, [objective_id], [rng.choice(supports)])
        krs = [_key_result(out, rng, objective_id, area, p) for p in range(rng.randint(2, 4))]
        for p in range(rng.randint(1, 2)):
            initiative_id = _id(rng)
            title = rng.choice(WORK).format(a=area)
            owner = f"Owner {rng.randint(1, 99)}"
            initiatives.append((initiative_id, objective_id, title, "in_progress", owner, None, p))
            links.append((initiative_id, rng.choice(krs)))
        ids.append(objective_id)
    return ids


def _link_all(
    out: dict[Table, list[Row]], rng: random.Random, children: list[str], parents: list[str]
) -> None:
    links = out[m.AlignmentLink.__table__]
    for child in children:
        for parent in parents:
            links.append((_id(rng), child, parent, None, None))


_CONFIDENCE_DRAW = ["on_track", *CONFIDENCES]  # on track twice as often


def _key_result(
    out: dict[Table, list[Row]], rng: random.Random, objective_id: str, area: str, position: int
) -> str:
    kr_id = _id(rng)
    pattern, unit = rng.choice(MEASURES)
    start = float(rng.randint(10, 60))
    target = float(int(start // 2)) if unit == "days" else start + rng.randint(5, 40)
    reached = rng.uniform(0.0, 1.1)
    check_ins = out[m.CheckIn.__table__]
    uniform, choice = rng.uniform, rng.choice
    value = start
    for week, day in enumerate(CHECK_DAYS):
        share = reached * (week + 1) / WEEKS
        value = round(start + (target - start) * share + uniform(-1, 1), 1)
        check_ins.append((_id(rng), kr_id, day, value, choice(_CONFIDENCE_DRAW), None, "", STAMP))
    direction = "decrease" if target < start else "increase"
    title = pattern.format(a=area, s=int(start), t=int(target))
    owner = f"Owner {rng.randint(1, 99)}"
    out[m.KeyResult.__table__].append(
        (
            kr_id,
            objective_id,
            title,
            "metric",
            start,
            target,
            value,
            unit,
            direction,
            False,
            None,
            None,
            owner,
            None,
            None,
            1.0,
            position,
            STAMP,
        )
    )
    return kr_id
