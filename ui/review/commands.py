"""The end-of-cycle edits as undo steps: each runs its service call once, then goes on the
session's undo stack (see :class:`ui.session.ServiceCommand`)."""

from __future__ import annotations

from datetime import date

from okrdesk.services import entities, snapshots
from okrdesk.services.carry_forward import CarryResult, apply_carry_forward
from okrdesk.services.kpis import SeededObjective, add_value, start_objective_from_kpi
from okrdesk.services.retrospective import save_retrospective, set_carry_decisions
from okrdesk.services.review import grade_key_result, set_objective_grade
from okrdesk.services.workspace import Workspace
from ui.session import ServiceCommand

Grade = tuple[float, str]  # (score, comment)
Decision = tuple[str, str] | None  # (decision, note); None: undecided


def short(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


class GradeKeyResult(ServiceCommand):
    """A key result's grade and comment; undo puts back the grade it had (or none)."""

    def __init__(
        self, ws: Workspace, kr_id: str, title: str, old: Grade | None, score: object, comment: str
    ) -> None:
        self.ws, self.kr_id, self.old = ws, kr_id, old
        done = grade_key_result(ws, kr_id, score, comment)
        assert done.grade is not None
        self.new: Grade = (done.grade, done.comment)
        super().__init__(f"Grade “{short(title)}”")

    def apply(self) -> None:
        grade_key_result(self.ws, self.kr_id, *self.new)

    def revert(self) -> None:
        if self.old is not None:
            grade_key_result(self.ws, self.kr_id, *self.old)
            return
        for row in entities.list_items(self.ws, "key_result_grade", key_result_id=self.kr_id):
            entities.delete(self.ws, "key_result_grade", row["id"])


class GradeObjective(ServiceCommand):
    """An objective's score override (None: the weighted mean) and comment."""

    def __init__(
        self,
        ws: Workspace,
        objective_id: str,
        title: str,
        old: tuple[float | None, str],
        score: object,
        comment: str,
    ) -> None:
        self.ws, self.objective_id, self.old = ws, objective_id, old
        done = set_objective_grade(ws, objective_id, score, comment)
        self.new = (done.override, done.comment)
        super().__init__(f"Score “{short(title)}”")

    def apply(self) -> None:
        set_objective_grade(self.ws, self.objective_id, *self.new)

    def revert(self) -> None:
        set_objective_grade(self.ws, self.objective_id, *self.old)


class SaveAnswer(ServiceCommand):
    """One answer of a retrospective."""

    def __init__(
        self, ws: Workspace, team_id: str, cycle_id: str, name: str, label: str, old: str, new: str
    ) -> None:
        self.ws, self.where, self.name, self.old = ws, (team_id, cycle_id), name, old
        view = save_retrospective(ws, team_id, cycle_id, **{name: new})
        self.new = view.answers[name]
        super().__init__(f"Edit the retrospective: {label.lower()}")

    def apply(self) -> None:
        save_retrospective(self.ws, *self.where, **{self.name: self.new})

    def revert(self) -> None:
        save_retrospective(self.ws, *self.where, **{self.name: self.old})


class DecideCarry(ServiceCommand):
    """The carry-forward decision (and note) for one objective or key result."""

    def __init__(
        self,
        ws: Workspace,
        team_id: str,
        cycle_id: str,
        item_id: str,
        title: str,
        old: Decision,
        new: Decision,
    ) -> None:
        self.ws, self.where, self.item_id, self.old, self.new = (
            ws,
            (team_id, cycle_id),
            item_id,
            old,
            new,
        )
        self.apply()
        super().__init__(f"Decide what to carry: “{short(title)}”")

    def apply(self) -> None:
        set_carry_decisions(self.ws, *self.where, {self.item_id: self.new})

    def revert(self) -> None:
        set_carry_decisions(self.ws, *self.where, {self.item_id: self.old})


class CarryForward(ServiceCommand):
    """Carry a team's OKRs into the next cycle. Undo deletes what it made (the drafts, the
    themes it added, the cycle when it made one) and points re-pointed alignment links back;
    redo puts the very same rows back, so later steps on the stack still find them."""

    def __init__(self, ws: Workspace, team_id: str, cycle_id: str, label: str) -> None:
        self.ws = ws
        links_before = _links(ws)
        themes_before = _themes(ws)
        self.result: CarryResult = apply_carry_forward(ws, team_id, cycle_id)
        after = _links(ws)
        self.repointed = {
            link_id: (links_before[link_id], parents)
            for link_id, parents in after.items()
            if link_id in links_before and links_before[link_id] != parents
        }
        self.new_themes = [
            t for t in _themes(ws, self.result.next_cycle_id) if t not in themes_before
        ]
        self.saved: list[snapshots.Snapshot] = []
        super().__init__(f"Carry {label} forward into {self.result.next_cycle}")

    def _made(self) -> list[tuple[str, str]]:
        if self.result.created_cycle:
            return [("cycle", self.result.next_cycle_id)]
        return [("objective", i) for i in self.result.objectives] + [
            ("theme", i) for i in self.new_themes
        ]

    def revert(self) -> None:
        for link_id, (old, _new) in self.repointed.items():
            _point(self.ws, link_id, old)
        self.saved = []
        for kind, item_id in self._made():
            self.saved.append(snapshots.take(self.ws, kind, item_id))
            entities.delete(self.ws, kind, item_id, with_contents=True)

    def apply(self) -> None:
        for snapshot in reversed(self.saved):  # themes before the objectives that use them
            snapshots.restore(self.ws, snapshot)
        for link_id, (_old, new) in self.repointed.items():
            _point(self.ws, link_id, new)


class AddKpiValue(ServiceCommand):
    """A dated KPI reading; undo removes it, or puts back the reading it replaced."""

    def __init__(self, ws: Workspace, kpi_id: str, name: str, value: object, day: date) -> None:
        self.ws, self.kpi_id, self.day = ws, kpi_id, day
        before = _reading(ws, kpi_id, day)
        self.old = before["value"] if before else None
        add_value(ws, kpi_id, value, day)
        after = _reading(ws, kpi_id, day)
        assert after is not None
        self.new = after["value"]
        super().__init__(f"Add a value to “{short(name)}”")

    def apply(self) -> None:
        add_value(self.ws, self.kpi_id, self.new, self.day)

    def revert(self) -> None:
        if self.old is not None:
            add_value(self.ws, self.kpi_id, self.old, self.day)
            return
        row = _reading(self.ws, self.kpi_id, self.day)
        if row is not None:
            entities.delete(self.ws, "kpi_value", row["id"])


class StartObjective(ServiceCommand):
    """A draft objective seeded from a KPI out of range; undo deletes it again."""

    def __init__(self, ws: Workspace, kpi_id: str) -> None:
        self.ws = ws
        self.seeded: SeededObjective = start_objective_from_kpi(ws, kpi_id)
        self.snapshot: snapshots.Snapshot | None = None
        super().__init__(f"Start an objective: “{short(self.seeded.title)}”")

    def revert(self) -> None:
        self.snapshot = snapshots.take(self.ws, "objective", self.seeded.objective_id)
        entities.delete(self.ws, "objective", self.seeded.objective_id, with_contents=True)

    def apply(self) -> None:
        assert self.snapshot is not None
        snapshots.restore(self.ws, self.snapshot)


# -- helpers -----------------------------------------------------------------------------------


def _links(ws: Workspace) -> dict[str, tuple[str | None, str | None]]:
    return {
        x["id"]: (x["parent_objective_id"], x["parent_key_result_id"])
        for x in entities.list_items(ws, "alignment_link")
    }


def _point(ws: Workspace, link_id: str, parents: tuple[str | None, str | None]) -> None:
    entities.update(
        ws,
        "alignment_link",
        link_id,
        parent_objective_id=parents[0],
        parent_key_result_id=parents[1],
    )


def _themes(ws: Workspace, cycle_id: str | None = None) -> list[str]:
    where = {"cycle_id": cycle_id} if cycle_id else {}
    return [t["id"] for t in entities.list_items(ws, "theme", **where)]


def _reading(ws: Workspace, kpi_id: str, day: date) -> dict | None:
    for row in entities.list_items(ws, "kpi_value", kpi_id=kpi_id):
        if row["date"] == day:
            return row
    return None
