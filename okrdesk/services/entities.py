"""Create, edit, delete, reorder and move any entity: one call, one transaction, one change.

Items come back as plain dicts of their columns, never as ORM objects, so callers
cannot reach the database behind the services' back.

A closed cycle is read-only: every write here is refused for content of a closed cycle,
judged both where an item is and where it would land (see
:func:`okrdesk.services.lifecycle.guard`). The cycle row itself stays editable.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete as delete_rows
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from okrdesk.db import models as m
from okrdesk.errors import NotFoundError, ValidationError
from okrdesk.formatting import shorten
from okrdesk.services.fields import Reference
from okrdesk.services.lifecycle import guard as guard_closed_cycle
from okrdesk.services.specs import EntitySpec, spec_for
from okrdesk.services.workspace import Workspace, name_change


def as_dict(item: m.Base) -> dict[str, Any]:
    return {c.key: getattr(item, c.key) for c in item.__table__.columns}


def label_of(item: dict[str, Any], size: int = 40) -> str:
    """What an item is called, short enough for a menu: its title, name or text."""
    return shorten(str(item.get("title") or item.get("name") or item.get("text") or ""), size)


def get(ws: Workspace, kind: str, item_id: str) -> dict[str, Any]:
    spec = spec_for(kind)
    with ws.read() as s:
        return as_dict(_load(s, spec, item_id))


def list_items(ws: Workspace, kind: str, /, **where: Any) -> list[dict[str, Any]]:
    """Items of a kind, filtered by column values, in their display order."""
    spec = spec_for(kind)
    query = select(spec.model).filter_by(**where)
    if spec.ordered:
        query = query.order_by(spec.model.position)  # type: ignore[attr-defined]
    with ws.read() as s:
        return [as_dict(item) for item in s.scalars(query)]


def create(ws: Workspace, kind: str, /, **values: Any) -> str:
    """Add an item (at the end of its siblings); return its id."""
    spec = spec_for(kind)
    with ws.write() as s:
        item = spec.model(**spec.defaults)
        _assign(s, spec, item, values, creating=True)
        if spec.ordered:
            item.position = _next_position(s, spec, item)  # type: ignore[attr-defined]
        s.add(item)
        s.flush()
        item_id = item.id  # type: ignore[attr-defined]
        name_change(s, f"Add {spec.label} “{label_of(as_dict(item))}”")
    return item_id


def update(ws: Workspace, kind: str, item_id: str, /, **values: Any) -> dict[str, Any]:
    """Change some fields of an item; return the item as stored."""
    spec = spec_for(kind)
    with ws.write() as s:
        item = _load(s, spec, item_id)
        _assign(s, spec, item, values, creating=False)
        s.flush()
        result = as_dict(item)
        name_change(s, f"Edit {spec.label} “{label_of(result)}”")
    return result


def delete(ws: Workspace, kind: str, item_id: str, *, with_contents: bool = False) -> None:
    """Delete an item and what hangs under it.

    Teams and cycles hold a lot; deleting one that is not empty needs ``with_contents``,
    so that a slip of the hand in a script cannot wipe a quarter of work.
    """
    spec = spec_for(kind)
    with ws.write() as s:
        item = _load(s, spec, item_id)
        guard_closed_cycle(s, kind, item)
        if not with_contents:
            _refuse_if_not_empty(s, kind, item)
        name_change(s, f"Delete {spec.label} “{label_of(as_dict(item))}”")
        s.delete(item)


def reorder(ws: Workspace, kind: str, ids: list[str]) -> None:
    """Put sibling items in the given order (the ids of the whole group)."""
    spec = spec_for(kind)
    if not spec.ordered:
        raise ValidationError(f"{spec.label}s have no order")
    with ws.write() as s:
        items = [_load(s, spec, i) for i in ids]
        if not items:
            return
        for item in items:
            guard_closed_cycle(s, kind, item)
        group = _sibling_filter(spec, items[0])
        if any(_sibling_filter(spec, item) != group for item in items):
            raise ValidationError(f"only {spec.label}s under the same parent can be reordered")
        all_ids = set(s.scalars(select(spec.model.id).filter_by(**group)))  # type: ignore[attr-defined]
        if all_ids != set(ids) or len(ids) != len(set(ids)):
            raise ValidationError(f"reordering needs every {spec.label} of the group exactly once")
        for position, item in enumerate(items):
            item.position = position  # type: ignore[attr-defined]
        name_change(s, f"Reorder {spec.label}s")


def move(
    ws: Workspace, kind: str, item_id: str, parent_id: str | None, position: int | None = None
) -> None:
    """Move an item under another parent (a key result to another objective, ...)."""
    spec = spec_for(kind)
    if spec.parent is None:
        raise ValidationError(f"a {spec.label} cannot be moved")
    with ws.write() as s:
        item = _load(s, spec, item_id)
        old_group = _sibling_filter(spec, item)
        _assign(s, spec, item, {spec.parent: parent_id}, creating=False)
        s.flush()
        siblings = _siblings(s, spec, item)
        siblings = [x for x in siblings if x.id != item.id]  # type: ignore[attr-defined]
        index = len(siblings) if position is None else max(0, min(position, len(siblings)))
        siblings.insert(index, item)
        for n, sibling in enumerate(siblings):
            sibling.position = n  # type: ignore[attr-defined]
        if old_group != _sibling_filter(spec, item):
            old = s.scalars(_ordered_query(spec, old_group)).all()
            for n, sibling in enumerate(old):
                sibling.position = n  # type: ignore[attr-defined]
        name_change(s, f"Move {spec.label} “{label_of(as_dict(item))}”")


# -- helpers ---------------------------------------------------------------------------------


def _load(s: Session, spec: EntitySpec, item_id: str) -> m.Base:
    item = s.get(spec.model, item_id)
    if item is None:
        raise NotFoundError(f"no {spec.label} with id {item_id}")
    return item


def _assign(
    s: Session, spec: EntitySpec, item: m.Base, values: dict[str, Any], *, creating: bool
) -> None:
    unknown = set(values) - set(spec.fields)
    if unknown:
        raise ValidationError(f"a {spec.label} has no field {sorted(unknown)[0]!r}")
    guard_closed_cycle(s, spec.kind, item)  # where it is (a new item is nowhere yet)
    for name, value in values.items():
        field = spec.fields[name]
        clean = field.coerce(name, value)
        if isinstance(field, Reference) and clean is not None:
            target = spec_for(field.target)
            if s.get(target.model, clean) is None:
                raise NotFoundError(f"{field.label}: no {target.label} with id {clean}")
        setattr(item, name, clean)
    guard_closed_cycle(s, spec.kind, item)  # where it lands
    if creating:
        for name, field in spec.fields.items():
            column = spec.model.__table__.columns[name]
            if name not in values and not column.nullable and column.default is None:
                raise ValidationError(f"{field.label} is required", name)
    if spec.kind == "team" and not creating and "parent_id" in values:
        _refuse_team_cycle(s, item)  # type: ignore[arg-type]
    if spec.kind == "alignment_link":
        _refuse_alignment_cycle(s, item)  # type: ignore[arg-type]
    if spec.check is not None:
        # Column defaults are applied at flush; cross-field rules need them now.
        for column in spec.model.__table__.columns:
            if getattr(item, column.key) is None and column.default is not None:
                default = column.default.arg
                if not callable(default):
                    setattr(item, column.key, default)
        spec.check(item)


def _sibling_filter(spec: EntitySpec, item: m.Base) -> dict[str, Any]:
    return {column: getattr(item, column) for column in spec.siblings}


def _ordered_query(spec: EntitySpec, group: dict[str, Any]):
    return select(spec.model).filter_by(**group).order_by(spec.model.position)  # type: ignore[attr-defined]


def _siblings(s: Session, spec: EntitySpec, item: m.Base) -> list[m.Base]:
    return list(s.scalars(_ordered_query(spec, _sibling_filter(spec, item))))


def _next_position(s: Session, spec: EntitySpec, item: m.Base) -> int:
    query = select(func.max(spec.model.position)).filter_by(  # type: ignore[attr-defined]
        **_sibling_filter(spec, item)
    )
    highest = s.scalar(query)
    return 0 if highest is None else highest + 1


def _refuse_if_not_empty(s: Session, kind: str, item: m.Base) -> None:
    if kind == "team":
        objectives = s.scalar(select(func.count()).where(m.Objective.team_id == item.id))  # type: ignore[attr-defined]
        children = s.scalar(select(func.count()).where(m.Team.parent_id == item.id))  # type: ignore[attr-defined]
        if objectives or children:
            raise ValidationError(
                f"the team still has {objectives} objective(s) and {children} sub-team(s); "
                "move them first or delete with its contents"
            )
    if kind == "cycle":
        objectives = s.scalar(select(func.count()).where(m.Objective.cycle_id == item.id))  # type: ignore[attr-defined]
        if objectives:
            raise ValidationError(
                f"the cycle still holds {objectives} objective(s); delete it with its contents"
            )


def check_structure(s: Session, kind: str, item_id: str) -> None:
    """Refuse a team placed under its own sub-team, or alignment links in a loop."""
    item = s.get(spec_for(kind).model, item_id)
    if item is None:
        return
    if kind == "team":
        _refuse_team_cycle(s, item)  # type: ignore[arg-type]
    elif kind == "alignment_link":
        _refuse_alignment_cycle(s, item)  # type: ignore[arg-type]


def _refuse_team_cycle(s: Session, team: m.Team) -> None:
    seen = {team.id}
    parent_id = team.parent_id
    while parent_id is not None:
        if parent_id in seen:
            raise ValidationError("a team cannot be placed under itself or its own sub-teams")
        seen.add(parent_id)
        parent = s.get(m.Team, parent_id)
        parent_id = parent.parent_id if parent else None


def _refuse_alignment_cycle(s: Session, link: m.AlignmentLink) -> None:
    """An objective may not support, directly or through others, one of its supporters."""
    target = link.parent_objective_id
    if target is None and link.parent_key_result_id is not None:
        kr = s.get(m.KeyResult, link.parent_key_result_id)
        target = kr.objective_id if kr else None
    if target is None:
        return
    duplicate = s.scalar(
        select(func.count()).where(
            m.AlignmentLink.objective_id == link.objective_id,
            m.AlignmentLink.parent_objective_id.is_(link.parent_objective_id),
            m.AlignmentLink.parent_key_result_id.is_(link.parent_key_result_id),
            m.AlignmentLink.id != link.id,
        )
    )
    if duplicate:  # SQLite's UNIQUE treats the empty column as distinct, so check here
        raise ValidationError("the objective already supports that")
    if target == link.objective_id:
        raise ValidationError("an objective cannot support itself")
    frontier, seen = [target], set()
    while frontier:
        current = frontier.pop()
        if current == link.objective_id:
            raise ValidationError(
                "this link would make the objectives support each other in a loop"
            )
        if current in seen:
            continue
        seen.add(current)
        frontier.extend(_supported_by(s, current))


def _supported_by(s: Session, objective_id: str) -> list[str]:
    """The objectives that `objective_id` supports (directly, or through a key result)."""
    direct = s.scalars(
        select(m.AlignmentLink.parent_objective_id).where(
            m.AlignmentLink.objective_id == objective_id,
            m.AlignmentLink.parent_objective_id.is_not(None),
        )
    ).all()
    via_kr = s.scalars(
        select(m.KeyResult.objective_id)
        .join(m.AlignmentLink, m.AlignmentLink.parent_key_result_id == m.KeyResult.id)
        .where(m.AlignmentLink.objective_id == objective_id)
    ).all()
    return [*direct, *via_kr]


def link_key_results(ws: Workspace, initiative_id: str, key_result_ids: list[str]) -> None:
    """Set which key results an initiative moves (replacing the previous links)."""
    with ws.write() as s:
        initiative = _load(s, spec_for("initiative"), initiative_id)
        guard_closed_cycle(s, "initiative", initiative)
        for kr_id in key_result_ids:
            _load(s, spec_for("key_result"), kr_id)
        s.execute(
            delete_rows(m.InitiativeKeyResult).where(
                m.InitiativeKeyResult.initiative_id == initiative_id
            )
        )
        for kr_id in dict.fromkeys(key_result_ids):
            s.add(m.InitiativeKeyResult(initiative_id=initiative_id, key_result_id=kr_id))
        name_change(s, "Change the key results an initiative moves")


def initiative_links(ws: Workspace, initiative_id: str) -> list[dict[str, Any]]:
    """The (initiative_id, key_result_id) links of an initiative."""
    with ws.read() as s:
        rows = s.scalars(select(m.InitiativeKeyResult).filter_by(initiative_id=initiative_id))
        return [as_dict(row) for row in rows]
