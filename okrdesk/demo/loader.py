"""Turns the hand-written demo content into a workspace file, dated around today.

The previous quarter is closed (check-ins, grades, retrospectives, carry-forward
decisions); the current quarter is active with weekly check-ins up to today.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from okrdesk.db import models as m
from okrdesk.demo import content
from okrdesk.demo.files import new_demo_file
from okrdesk.scoring import expected_pace, pace_progress, pace_status, suggested_grade
from okrdesk.services.facts import key_result_facts
from okrdesk.services.quarters import Quarter, quarter_of


def build_demo(path: Path, today: date | None = None) -> None:
    """Create the demo workspace at `path` (refuses to overwrite an existing file). It
    appears there complete, or not at all."""
    today = today or date.today()
    with new_demo_file(path, content.ORGANISATION["name"]) as ws, ws.write() as s:
        _Loader(s, today).load()


class _Loader:
    def __init__(self, s: Session, today: date) -> None:
        self.s = s
        self.today = today
        self.teams: dict[str, m.Team] = {}

    def load(self) -> None:
        info = self.s.scalars(select(m.WorkspaceInfo)).one()
        org = content.ORGANISATION
        info.mission, info.vision, info.strategy = org["mission"], org["vision"], org["strategy"]
        for position, team in enumerate(content.TEAMS):
            parent = self.teams[team["parent"]].id if team["parent"] else None
            row = m.Team(name=team["name"], kind=team["kind"], parent_id=parent, position=position)
            self.s.add(row)
            self.s.flush()
            self.teams[team["key"]] = row
        current = quarter_of(self.today)
        self._cycle(content.PREVIOUS_CYCLE, current.previous(), "closed")
        cycle = self._cycle(content.CURRENT_CYCLE, current, "active")
        self._kpis()
        self._workshop(cycle)

    # -- cycles ----------------------------------------------------------------------------

    def _cycle(self, data: Any, quarter: Quarter, state: str) -> m.Cycle:
        cycle = m.Cycle(
            name=quarter.name,
            kind="quarter",
            start_date=quarter.start,
            end_date=quarter.end,
            state=state,
        )
        self.s.add(cycle)
        self.s.flush()
        closed = state == "closed"
        last_day = quarter.end if closed else min(self.today, quarter.end)
        themes: dict[str, m.Theme] = {}
        for position, theme in enumerate(data["themes"]):
            themes[theme["key"]] = m.Theme(
                cycle_id=cycle.id,
                name=theme["name"],
                description=theme["description"],
                position=position,
            )
            self.s.add(themes[theme["key"]])
        self.s.flush()
        objectives: dict[str, m.Objective] = {}
        key_results: dict[str, m.KeyResult] = {}
        positions: dict[str, int] = {}
        for o in data["objectives"]:
            position = positions.get(o["team"], 0)
            positions[o["team"]] = position + 1
            objective = m.Objective(
                cycle_id=cycle.id,
                team_id=self.teams[o["team"]].id,
                theme_id=themes[o["theme"]].id if o.get("theme") else None,
                title=o["title"],
                why=o["why"],
                owner=o["owner"],
                kind=o["kind"],
                status="final" if closed or position < 2 else "draft",
                position=position,
            )
            self.s.add(objective)
            self.s.flush()
            objectives[o["key"]] = objective
            for link in o.get("supports", []):
                self.s.add(
                    m.AlignmentLink(
                        objective_id=objective.id,
                        parent_objective_id=objectives[link["objective"]].id,
                        weight=link.get("weight"),
                    )
                )
            for kr_position, kr in enumerate(o["key_results"]):
                key_results[f"{o['key']}/{kr['key']}"] = self._key_result(
                    objective, kr, kr_position, cycle, last_day, closed
                )
            for i_position, initiative in enumerate(o.get("initiatives", [])):
                due = initiative.get("due_week")
                row = m.Initiative(
                    objective_id=objective.id,
                    title=initiative["title"],
                    status=initiative["status"],
                    owner=initiative["owner"],
                    position=i_position,
                    due_date=quarter.start + timedelta(weeks=due, days=-3) if due else None,
                )
                self.s.add(row)
                self.s.flush()
                for kr_key in initiative.get("key_results", []):
                    self.s.add(
                        m.InitiativeKeyResult(
                            initiative_id=row.id,
                            key_result_id=key_results[f"{o['key']}/{kr_key}"].id,
                        )
                    )
        self._retrospectives(data, cycle, objectives, key_results)
        self.s.flush()
        return cycle

    def _key_result(
        self,
        objective: m.Objective,
        kr: Any,
        position: int,
        cycle: m.Cycle,
        last_day: date,
        closed: bool,
    ) -> m.KeyResult:
        row = m.KeyResult(
            objective_id=objective.id,
            title=kr["title"],
            kind=kr["kind"],
            start=kr.get("start"),
            target=kr.get("target"),
            unit=kr.get("unit", ""),
            commit_level=kr.get("commit"),
            stretch_level=kr.get("stretch"),
            owner=kr["owner"],
            weight=kr.get("weight", 1.0),
            position=position,
        )
        if row.start is not None and row.target is not None:
            row.direction = "decrease" if row.target < row.start else "increase"
        self.s.add(row)
        self.s.flush()
        days = (cycle.end_date - cycle.start_date).days
        check_day = cycle.start_date + timedelta(days=4)
        weeks = max(1, ((last_day - check_day).days // 7) + 1)
        notes = list(kr.get("notes", []))
        for week in range(weeks):
            day = check_day + timedelta(weeks=week)
            if day > last_day:
                break
            share = (week + 1) / weeks  # of the way reached by the last check-in
            if row.kind == "milestone":
                done_at = kr.get("done_at")
                row.done = done_at is not None and (day - cycle.start_date).days / days >= done_at
                value: float | None = 1.0 if row.done else 0.0
            else:
                value = self._value(kr, share)
                row.current = value
            facts = key_result_facts(row)
            expected = expected_pace(cycle.start_date, cycle.end_date, day)
            status = pace_status(pace_progress(facts), expected) or "on_track"
            note = notes.pop(0) if notes and week % 2 == 1 else ""
            self.s.add(
                m.CheckIn(key_result_id=row.id, date=day, value=value, confidence=status, note=note)
            )
            row.confidence = status
        if closed:
            grade = suggested_grade(key_result_facts(row))
            self.s.add(
                m.KeyResultGrade(
                    key_result_id=row.id, score=grade or 0.0, comment=kr.get("grade_comment") or ""
                )
            )
        return row

    @staticmethod
    def _value(kr: Any, share: float) -> float:
        curve = {
            "linear": share,
            "late": share**2,
            "early": math.sqrt(share),
            "stalled": min(share / 0.3, 1.0),
        }[kr.get("shape", "linear")]
        start, target = kr["start"], kr["target"]
        value = start + (target - start) * kr["reached"] * curve
        step = 1 if abs(target - start) >= 20 else 0.1
        return round(round(value / step) * step, 1)

    def _retrospectives(
        self,
        data: Any,
        cycle: m.Cycle,
        objectives: dict[str, m.Objective],
        key_results: dict[str, m.KeyResult],
    ) -> None:
        retros: dict[str, m.Retrospective] = {}
        for team_key, answers in data.get("retrospectives", {}).items():
            retro = m.Retrospective(
                team_id=self.teams[team_key].id,
                cycle_id=cycle.id,
                achieved=answers["achieved"],
                missed=answers["missed"],
                process=answers["process"],
                keep_doing=answers["continue"],
                stop_doing=answers["stop"],
                start_doing=answers["start"],
            )
            self.s.add(retro)
            retros[team_key] = retro
        self.s.flush()
        team_of = {o["key"]: o["team"] for o in data["objectives"]}
        for item, decision in data.get("carry_forward", {}).items():
            objective_key = item.split("/")[0]
            retro = retros.get(team_of[objective_key])
            if retro is None:
                continue
            if "/" in item:
                self.s.add(
                    m.CarryDecision(
                        retrospective_id=retro.id,
                        decision=decision,
                        key_result_id=key_results[item].id,
                    )
                )
            else:
                self.s.add(
                    m.CarryDecision(
                        retrospective_id=retro.id,
                        decision=decision,
                        objective_id=objectives[item].id,
                    )
                )

    # -- KPIs and the last workshop ---------------------------------------------------------

    def _kpis(self) -> None:
        for position, kpi in enumerate(content.KPIS):
            row = m.Kpi(
                name=kpi["name"],
                unit=kpi["unit"],
                healthy_low=kpi["healthy_low"],
                healthy_high=kpi["healthy_high"],
                position=position,
                team_id=self.teams[kpi["team"]].id if kpi["team"] else None,
            )
            self.s.add(row)
            self.s.flush()
            values = kpi["values"]
            for n, value in enumerate(values):
                day = self.today - timedelta(weeks=len(values) - 1 - n)
                self.s.add(m.KpiValue(kpi_id=row.id, date=day, value=value))

    def _workshop(self, cycle: m.Cycle) -> None:
        session = m.WorkshopSession(title=f"{cycle.name} planning workshop", cycle_id=cycle.id)
        self.s.add(session)
        self.s.flush()
        for text in content.PARKING_LOT:
            self.s.add(m.ParkingLotItem(text=text, session_id=session.id))
