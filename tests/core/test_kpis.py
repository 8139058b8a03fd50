"""KPIs: latest value and health, dated readings, and the objective a KPI out of range seeds."""

from __future__ import annotations

from datetime import date

import pytest

from okrdesk.errors import NotFoundError, ValidationError
from okrdesk.services import entities, kpis, lifecycle
from okrdesk.services.workspace import Workspace

TODAY = date(2026, 11, 23)  # the day the demo fixture was built for


@pytest.fixture
def demo(demo_ws: Workspace) -> Workspace:
    return demo_ws


def test_demo_kpis_show_latest_value_and_health(demo: Workspace) -> None:
    found = {k.name: k for k in kpis.list_kpis(demo)}
    tickets = found["Open repair tickets in the workshop"]
    assert (tickets.latest, tickets.latest_date, tickets.side) == (33.0, TODAY, "above")
    assert tickets.out_of_range and tickets.team == "Workshop"
    assert [v for _, v in tickets.values][-3:] == [29.0, 31.0, 33.0]
    assert sorted(k.name for k in found.values() if k.out_of_range) == [
        "Open repair tickets in the workshop",
        "Value of spare parts in stock",
    ]
    callouts = found["Callouts reached within four hours"]
    assert (callouts.out_of_range, callouts.side) == (False, None)
    assert [k.name for k in kpis.list_kpis(demo, team="workshop")] == [tickets.name]


def test_readings_are_dated_and_one_per_day(ws: Workspace) -> None:
    kpi = entities.create(ws, "kpi", name="Open tickets", healthy_low=5, healthy_high=25)
    (view,) = kpis.list_kpis(ws)
    assert view.out_of_range is False  # nothing measured yet
    kpis.add_value(ws, kpi, 12, on="2020-03-02")
    view = kpis.add_value(ws, kpi, "31", on="2020-03-09")
    assert (view.latest, view.side) == (31.0, "above")
    view = kpis.add_value(ws, kpi, "24,5", on="2020-03-09")  # corrected the same day
    assert (view.latest, view.out_of_range, len(view.values)) == (24.5, False, 2)
    view = kpis.add_value(ws, kpi, 3, on="2020-03-16")
    assert view.side == "below"
    assert kpis.add_value(ws, kpi, 8).latest_date == date.today()
    with pytest.raises(ValidationError, match="Value must be a number"):
        kpis.add_value(ws, kpi, "many", on="2026-12-07")
    with pytest.raises(ValidationError, match="needs a value"):
        kpis.add_value(ws, kpi, "", on="2026-12-07")
    with pytest.raises(NotFoundError, match="no KPI with id nope"):
        kpis.add_value(ws, "nope", 1)


def test_a_kpi_out_of_range_seeds_a_draft_objective(demo: Workspace) -> None:
    tickets = next(k for k in kpis.list_kpis(demo) if k.name.startswith("Open repair"))
    seeded = kpis.start_objective_from_kpi(demo, tickets.id, today=TODAY)
    assert (seeded.cycle, seeded.team) == ("2026-Q4", "Workshop")
    assert seeded.title == "Bring Open repair tickets in the workshop back into its healthy range"
    assert seeded.key_result_title == "Open repair tickets in the workshop from 33 to 25 tickets"
    objective = entities.get(demo, "objective", seeded.objective_id)
    assert objective["status"] == "draft"
    assert "outside its healthy range (at most 25)" in objective["why"]
    kr = entities.get(demo, "key_result", seeded.key_result_id)
    assert (kr["start"], kr["target"], kr["unit"], kr["direction"], kr["kind"]) == (
        33.0,
        25.0,
        "tickets",
        "decrease",
        "metric",
    )
    stock = next(k for k in kpis.list_kpis(demo) if k.name.startswith("Value of spare"))
    other = kpis.start_objective_from_kpi(demo, stock.id, team="Café Sales", today=TODAY)
    assert other.team == "Café Sales"
    assert entities.get(demo, "key_result", other.key_result_id)["target"] == 130_000.0


def test_seeding_is_refused_when_there_is_nothing_to_fix(ws: Workspace, planned: dict) -> None:
    kpi = entities.create(ws, "kpi", name="Churn", unit="%", healthy_high=3)
    with pytest.raises(ValidationError, match="has no values yet"):
        kpis.start_objective_from_kpi(ws, kpi, cycle="2026-Q4")
    kpis.add_value(ws, kpi, 2.5, on="2026-11-01")
    with pytest.raises(ValidationError, match=r"within its healthy range \(2.5\)"):
        kpis.start_objective_from_kpi(ws, kpi, cycle="2026-Q4")
    kpis.add_value(ws, kpi, 4, on="2026-11-08")
    for step in ("active", "review", "closed"):
        lifecycle.set_state(ws, "2026-Q4", step)
    before = entities.list_items(ws, "objective")
    with pytest.raises(ValidationError, match="2026-Q4 is closed"):
        kpis.start_objective_from_kpi(ws, kpi, cycle="2026-Q4")
    assert entities.list_items(ws, "objective") == before
    lifecycle.set_state(ws, "2026-Q4", "review")
    # A KPI without a team goes to the top of the organisation.
    seeded = kpis.start_objective_from_kpi(ws, kpi, cycle="2026-Q4")
    assert seeded.team == "Company" and seeded.key_result_title == "Churn from 4 to 3 %"
