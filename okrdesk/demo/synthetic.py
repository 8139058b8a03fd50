"""Large, deterministic workspaces for benchmarks: `okrdesk demo PATH --teams N --seed S`.

Each team gets 3–4 objectives, each objective 2–4 key results with 13 weekly
check-ins, and 1–2 initiatives. Written with SQLAlchemy Core bulk inserts,
which are an order of magnitude faster than the ORM for this.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from okrdesk.db import models as m
from okrdesk.demo.files import new_demo_file
from okrdesk.vocabulary import CONFIDENCES, OBJECTIVE_KINDS

CYCLE_START = date(2026, 1, 5)
WEEKS = 13
STAMP = datetime(2026, 1, 5, 9, 0)

_AREAS = [
    "onboarding",
    "checkout",
    "support",
    "billing",
    "search",
    "delivery",
    "reporting",
    "hiring",
    "partner",
    "mobile",
    "pricing",
    "retention",
    "quality",
    "security",
]
_AMBITIONS = [
    "Make {a} effortless for every customer",
    "Turn {a} into a reason people stay",
    "Build a {a} experience we are proud of",
    "Earn trust through dependable {a}",
    "Make {a} the fastest in our market",
]
_MEASURES = [
    ("Raise {a} satisfaction from {s} to {t}", "points"),
    ("Cut {a} lead time from {s} to {t} days", "days"),
    ("Grow weekly {a} users from {s} to {t}", "users"),
    ("Lift {a} conversion from {s}% to {t}%", "%"),
]
_WORK = [
    "Interview ten customers about {a}",
    "Redesign the {a} flow",
    "Automate the weekly {a} report",
    "Pair with sales on {a} questions",
]


def build_synthetic(path: Path, teams: int, seed: int = 1) -> None:
    """Create a new workspace at `path` with `teams` teams of generated OKRs (refuses to
    overwrite an existing file). It appears there complete, or not at all."""
    rng = random.Random(seed)
    rows = _generate(rng, teams)
    name = f"Synthetic organisation ({teams} teams, seed {seed})"
    with new_demo_file(path, name) as ws, ws.bulk_engine().begin() as con:
        con.execute(m.WorkspaceInfo.__table__.update().values(id=_id(rng), created_at=STAMP))
        for table, batch in rows.items():
            if batch:
                con.execute(table.insert(), batch)


def _id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _generate(rng: random.Random, team_count: int) -> dict[Any, list[dict[str, Any]]]:
    out: dict[Any, list[dict[str, Any]]] = {
        model.__table__: []
        for model in (
            m.Team,
            m.Cycle,
            m.Theme,
            m.Objective,
            m.KeyResult,
            m.AlignmentLink,
            m.Initiative,
            m.InitiativeKeyResult,
            m.CheckIn,
        )
    }
    cycle_id = _id(rng)
    out[m.Cycle.__table__].append(
        {
            "id": cycle_id,
            "name": "2026-Q1",
            "kind": "quarter",
            "start_date": CYCLE_START,
            "end_date": CYCLE_START + timedelta(weeks=WEEKS) - timedelta(days=1),
            "state": "active",
        }
    )
    themes = [_id(rng) for _ in range(3)]
    for n, (theme_id, name) in enumerate(
        zip(themes, ["Customers", "Speed", "People"], strict=True)
    ):
        out[m.Theme.__table__].append(
            {"id": theme_id, "cycle_id": cycle_id, "name": name, "description": "", "position": n}
        )
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
    out: dict, rng: random.Random, name: str, kind: str, parent: str | None, position: int
) -> str:
    team_id = _id(rng)
    out[m.Team.__table__].append(
        {
            "id": team_id,
            "name": name,
            "kind": kind,
            "parent_id": parent,
            "position": position,
            "description": "",
        }
    )
    return team_id


def _objectives(
    out: dict,
    rng: random.Random,
    cycle_id: str,
    team_id: str,
    themes: list[str],
    supports: list[str],
    count: int,
) -> list[str]:
    ids = []
    for position in range(count):
        objective_id = _id(rng)
        area = rng.choice(_AREAS)
        out[m.Objective.__table__].append(
            {
                "id": objective_id,
                "cycle_id": cycle_id,
                "team_id": team_id,
                "theme_id": rng.choice(themes),
                "title": rng.choice(_AMBITIONS).format(a=area),
                "why": "",
                "owner": f"Owner {rng.randint(1, 99)}",
                "kind": rng.choice(OBJECTIVE_KINDS),
                "status": "final",
                "position": position,
                "created_at": STAMP,
            }
        )
        if supports:
            _link_all(out, rng, [objective_id], [rng.choice(supports)])
        krs = [_key_result(out, rng, objective_id, area, p) for p in range(rng.randint(2, 4))]
        for p in range(rng.randint(1, 2)):
            initiative_id = _id(rng)
            out[m.Initiative.__table__].append(
                {
                    "id": initiative_id,
                    "objective_id": objective_id,
                    "title": rng.choice(_WORK).format(a=area),
                    "status": "in_progress",
                    "owner": f"Owner {rng.randint(1, 99)}",
                    "due_date": None,
                    "position": p,
                }
            )
            out[m.InitiativeKeyResult.__table__].append(
                {"initiative_id": initiative_id, "key_result_id": rng.choice(krs)}
            )
        ids.append(objective_id)
    return ids


def _link_all(out: dict, rng: random.Random, children: list[str], parents: list[str]) -> None:
    for child in children:
        for parent in parents:
            out[m.AlignmentLink.__table__].append(
                {
                    "id": _id(rng),
                    "objective_id": child,
                    "parent_objective_id": parent,
                    "parent_key_result_id": None,
                    "weight": None,
                }
            )


def _key_result(out: dict, rng: random.Random, objective_id: str, area: str, position: int) -> str:
    kr_id = _id(rng)
    pattern, unit = rng.choice(_MEASURES)
    start = float(rng.randint(10, 60))
    target = float(int(start // 2)) if unit == "days" else start + rng.randint(5, 40)
    reached = rng.uniform(0.0, 1.1)
    values = []
    for week in range(WEEKS):
        share = reached * (week + 1) / WEEKS
        values.append(round(start + (target - start) * share + rng.uniform(-1, 1), 1))
        out[m.CheckIn.__table__].append(
            {
                "id": _id(rng),
                "key_result_id": kr_id,
                "date": CYCLE_START + timedelta(weeks=week, days=4),
                "value": values[-1],
                "confidence": rng.choice(["on_track", *CONFIDENCES]),  # on track twice as often
                "confidence_score": None,
                "note": "",
                "created_at": STAMP,
            }
        )
    out[m.KeyResult.__table__].append(
        {
            "id": kr_id,
            "objective_id": objective_id,
            "title": pattern.format(a=area, s=int(start), t=int(target)),
            "kind": "metric",
            "start": start,
            "target": target,
            "current": values[-1],
            "unit": unit,
            "direction": "decrease" if target < start else "increase",
            "done": False,
            "commit_level": None,
            "stretch_level": None,
            "owner": f"Owner {rng.randint(1, 99)}",
            "confidence": None,
            "confidence_score": None,
            "weight": 1.0,
            "position": position,
            "created_at": STAMP,
        }
    )
    return kr_id
