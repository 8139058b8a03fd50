"""KPIs: health metrics with a healthy range, their dated values, and the objective a
KPI out of range can seed.

A KPI is out of range when its latest value lies below ``healthy_low`` or above
``healthy_high`` (either bound may be open). One value per KPI and day: adding a value
for a day that has one replaces it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from okrdesk.db import models as m
from okrdesk.errors import NotFoundError, ValidationError
from okrdesk.formatting import number
from okrdesk.services import fields as f
from okrdesk.services.entities import label_of
from okrdesk.services.lifecycle import ensure_editable
from okrdesk.services.lookup import find_cycle, find_team
from okrdesk.services.workspace import Workspace, name_change

DAY = f.day("Date")


@dataclass(frozen=True)
class KpiView:
    id: str
    name: str
    team_id: str | None
    team: str | None
    unit: str
    healthy_low: float | None
    healthy_high: float | None
    latest: float | None
    latest_date: date | None
    out_of_range: bool  # False while there is no value yet
    side: str | None  # "below" | "above" its healthy range; None inside it or without a value
    values: tuple[tuple[date, float], ...]  # oldest first, for a sparkline


@dataclass(frozen=True)
class SeededObjective:
    objective_id: str
    key_result_id: str
    cycle: str
    team: str
    title: str
    key_result_title: str


def list_kpis(ws: Workspace, team: str | None = None) -> list[KpiView]:
    """All KPIs (or one team's), in their display order, with latest value and health."""
    with ws.read() as s:
        query = select(m.Kpi).order_by(m.Kpi.position, m.Kpi.name)
        if team is not None:
            query = query.where(m.Kpi.team_id == find_team(s, team).id)
        return [_view(s, kpi) for kpi in s.scalars(query)]


def add_value(ws: Workspace, kpi_id: str, value: Any, on: date | str | None = None) -> KpiView:
    """Record a KPI reading (default today); a reading for the same day is replaced."""
    with ws.write() as s:
        kpi = _load(s, kpi_id)
        number_ = f.parse_number("Value", value, "value")
        if number_ is None:
            raise ValidationError("a KPI reading needs a value", "value")
        day = date.today() if on in (None, "") else DAY.coerce("date", on)
        row = s.scalars(select(m.KpiValue).filter_by(kpi_id=kpi.id, date=day)).first()
        if row is None:
            row = m.KpiValue(kpi_id=kpi.id, date=day, value=number_)
            s.add(row)
        row.value = number_
        s.flush()
        view = _view(s, kpi)
    return view


def start_objective_from_kpi(
    ws: Workspace,
    kpi_id: str,
    team: str | None = None,
    cycle: str | None = None,
    today: date | None = None,
) -> SeededObjective:
    """A draft objective in the current cycle (or `cycle`) to bring a KPI back into range,
    with one metric key result from its latest value to the nearest healthy bound.

    The team is `team`, else the KPI's team, else the top of the organisation.
    """
    with ws.write() as s:
        kpi = _load(s, kpi_id)
        view = _view(s, kpi)
        if view.latest is None:
            raise ValidationError(f"KPI {kpi.name!r} has no values yet")
        if not view.out_of_range:
            raise ValidationError(
                f"KPI {kpi.name!r} is within its healthy range ({number(view.latest)}); "
                "there is nothing to bring back"
            )
        the_cycle = find_cycle(s, cycle, today)
        ensure_editable(s, the_cycle.id)
        owner = _owner_team(s, kpi, team)
        bound = kpi.healthy_low if view.side == "below" else kpi.healthy_high
        assert bound is not None
        title = f"Bring {kpi.name} back into its healthy range"[:300]
        unit = f" {kpi.unit}" if kpi.unit else ""
        kr_title = f"{kpi.name} from {number(view.latest)} to {number(bound)}{unit}"[:300]
        position = s.scalar(
            select(func.count()).where(
                m.Objective.cycle_id == the_cycle.id, m.Objective.team_id == owner.id
            )
        )
        objective = m.Objective(
            cycle_id=the_cycle.id,
            team_id=owner.id,
            title=title,
            why=(
                f"The KPI {kpi.name} stood at {number(view.latest)}{unit} on "
                f"{view.latest_date}, outside its healthy range ({_range_text(kpi)})."
            ),
            status="draft",
            position=position or 0,
        )
        s.add(objective)
        s.flush()
        name_change(s, f"Start an objective: “{label_of({'title': title})}”")
        kr = m.KeyResult(
            objective_id=objective.id,
            title=kr_title,
            kind="metric",
            start=view.latest,
            target=bound,
            unit=kpi.unit,
            direction="increase" if bound > view.latest else "decrease",
        )
        s.add(kr)
        s.flush()
        result = SeededObjective(
            objective.id, kr.id, the_cycle.name, owner.name, objective.title, kr.title
        )
    return result


# -- helpers -----------------------------------------------------------------------------------


def _load(s: Session, kpi_id: str) -> m.Kpi:
    kpi = s.get(m.Kpi, kpi_id)
    if kpi is None:
        raise NotFoundError(f"no KPI with id {kpi_id}")
    return kpi


def _view(s: Session, kpi: m.Kpi) -> KpiView:
    values = tuple(
        (d, v)
        for d, v in s.execute(
            select(m.KpiValue.date, m.KpiValue.value)
            .where(m.KpiValue.kpi_id == kpi.id)
            .order_by(m.KpiValue.date)
        )
    )
    latest_date, latest = values[-1] if values else (None, None)
    side = None
    if latest is not None and kpi.healthy_low is not None and latest < kpi.healthy_low:
        side = "below"
    elif latest is not None and kpi.healthy_high is not None and latest > kpi.healthy_high:
        side = "above"
    team = s.get(m.Team, kpi.team_id) if kpi.team_id else None
    return KpiView(
        id=kpi.id,
        name=kpi.name,
        team_id=kpi.team_id,
        team=team.name if team else None,
        unit=kpi.unit,
        healthy_low=kpi.healthy_low,
        healthy_high=kpi.healthy_high,
        latest=latest,
        latest_date=latest_date,
        out_of_range=side is not None,
        side=side,
        values=values,
    )


def _owner_team(s: Session, kpi: m.Kpi, wanted: str | None) -> m.Team:
    if wanted is not None:
        return find_team(s, wanted)
    if kpi.team_id is not None:
        team = s.get(m.Team, kpi.team_id)
        if team is not None:
            return team
    top = s.scalars(
        select(m.Team).where(m.Team.parent_id.is_(None)).order_by(m.Team.position)
    ).first()
    if top is None:
        raise NotFoundError("the workspace has no teams yet to own the objective")
    return top


def _range_text(kpi: m.Kpi) -> str:
    low, high = kpi.healthy_low, kpi.healthy_high
    if low is not None and high is not None:
        return f"{number(low)} to {number(high)}"
    return f"at least {number(low)}" if low is not None else f"at most {number(high)}"
