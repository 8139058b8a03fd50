"""The OKR tree as readable text and as plain JSON, for `okrdesk show`."""

from __future__ import annotations

from typing import Any

from okrdesk.formatting import key_result_numbers, percent
from okrdesk.services.views import KeyResultView, ObjectiveView, OkrTree
from okrdesk.vocabulary import (
    CONFIDENCE_WORDS,
    CYCLE_STATE_WORDS,
    INITIATIVE_STATUS_WORDS,
    OBJECTIVE_KIND_WORDS,
    OBJECTIVE_STATUS_WORDS,
)


def key_result_line(kr: KeyResultView) -> str:
    parts = [kr.title]
    if numbers := key_result_numbers(kr):
        parts.append(numbers)
    if kr.progress is not None:
        parts.append(percent(kr.progress))
    if kr.confidence:
        parts.append(CONFIDENCE_WORDS[kr.confidence])
    if kr.owner:
        parts.append(kr.owner)
    return " · ".join(parts)


def objective_line(o: ObjectiveView) -> str:
    tags = [OBJECTIVE_KIND_WORDS[o.kind], OBJECTIVE_STATUS_WORDS[o.status]]
    if o.theme:
        tags.append(f"theme: {o.theme}")
    if o.owner:
        tags.append(f"owner: {o.owner}")
    score = f"  {percent(o.score)}" if o.score is not None else ""
    return f"{o.title}  [{', '.join(tags)}]{score}"


def render_text(tree: OkrTree) -> str:
    c = tree.cycle
    lines = [
        f"{tree.organisation} — {c.name} ({c.start_date} → {c.end_date}, "
        f"{CYCLE_STATE_WORDS[c.state]})",
    ]
    if c.themes:
        lines.append("Themes: " + " · ".join(c.themes))
    for team in tree.teams:
        pad = "  " * team.depth
        lines.append("")
        lines.append(f"{pad}{team.name}" + ("" if team.objectives else "  (no objectives)"))
        for n, o in enumerate(team.objectives, 1):
            lines.append(f"{pad}  O{n}  {objective_line(o)}")
            for _supported_id, title in o.supports:
                lines.append(f"{pad}      ↑ supports: {title}")
            for k, kr in enumerate(o.key_results, 1):
                lines.append(f"{pad}      KR{n}.{k}  {key_result_line(kr)}")
            for initiative in o.initiatives:
                owner = f", {initiative.owner}" if initiative.owner else ""
                due = f", due {initiative.due_date}" if initiative.due_date else ""
                status = INITIATIVE_STATUS_WORDS[initiative.status]
                lines.append(f"{pad}      • {initiative.title} ({status}{owner}{due})")
    return "\n".join(lines) + "\n"


def tree_as_json(tree: OkrTree) -> dict[str, Any]:
    """teams → objectives → key results → initiatives, each with `id` and `title`."""
    c = tree.cycle
    return {
        "organisation": tree.organisation,
        "cycle": {
            "id": c.id,
            "title": c.name,
            "start_date": c.start_date.isoformat(),
            "end_date": c.end_date.isoformat(),
            "state": c.state,
            "themes": list(c.themes),
        },
        "teams": [
            {
                "id": t.id,
                "title": t.name,
                "kind": t.kind,
                "parent_id": t.parent_id,
                "objectives": [_objective_json(o) for o in t.objectives],
            }
            for t in tree.teams
        ],
    }


def _objective_json(o: ObjectiveView) -> dict[str, Any]:
    def initiative_json(i: Any) -> dict[str, Any]:
        return {
            "id": i.id,
            "title": i.title,
            "status": i.status,
            "owner": i.owner,
            "due_date": i.due_date.isoformat() if i.due_date else None,
        }

    return {
        "id": o.id,
        "title": o.title,
        "kind": o.kind,
        "status": o.status,
        "owner": o.owner,
        "theme": o.theme,
        "why": o.why,
        "score": o.score,
        "supports": [{"id": i, "title": t} for i, t in o.supports],
        "key_results": [
            {
                "id": kr.id,
                "title": kr.title,
                "kind": kr.kind,
                "start": kr.start,
                "target": kr.target,
                "current": kr.current,
                "unit": kr.unit,
                "direction": kr.direction,
                "done": kr.done,
                "owner": kr.owner,
                "confidence": kr.confidence,
                "weight": kr.weight,
                "progress": kr.progress,
                "initiatives": [
                    initiative_json(i) for i in o.initiatives if kr.id in i.key_result_ids
                ],
            }
            for kr in o.key_results
        ],
        # Initiatives not tied to a particular key result stay with the objective.
        "initiatives": [initiative_json(i) for i in o.initiatives if not i.key_result_ids],
    }
