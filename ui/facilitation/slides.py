"""What the projector shows for a step: plain blocks of text built from the workspace.

Each agenda step shows the content of the guided step it follows: the foundation, the
themes, the candidates ranked by dots, the emerging OKR set with the coach's flags
(a mark and the severity in words, never colour alone), alignment, or the agenda
itself for steps of their own (welcome, break). The window turns blocks into large
type (:mod:`ui.facilitation.presentation`); a block is the unit left out when the
screen is full.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from okrdesk.errors import OkrDeskError
from okrdesk.formatting import editable_number, span
from okrdesk.services import entities, workshop
from okrdesk.services.alignment import alignment_map
from okrdesk.services.coaching import WorkspaceFinding, check_workspace
from okrdesk.services.views import KeyResultView, ObjectiveView, okr_tree
from okrdesk.services.workshop_clock import duration, ran
from okrdesk.services.workshop_ideas import other_wordings
from okrdesk.services.workshop_votes import tally
from okrdesk.vocabulary import CANDIDATE_KIND_WORDS, OBJECTIVE_STATUS_WORDS, CandidateKind
from ui.facilitation.context import WorkshopContext

FLAG_MARKS = {"error": "✖ Error", "warning": "▲ Warning"}


@dataclass(frozen=True)
class Line:
    text: str
    mark: str = ""  # before the text: "O1", "✓", "▲ Warning"
    tone: str = "body"  # body | muted | accent | good | warning | error
    strong: bool = False


@dataclass(frozen=True)
class Block:
    """One item on the screen: a main line, an optional note on its right, sub-lines."""

    main: Line
    aside: str = ""  # e.g. "4 dots", "10 min"
    aside_tone: str = "muted"
    below: tuple[Line, ...] = ()
    # Not one of the slide's items (e.g. the coach's notes on the whole set): left out
    # of "… and N more objectives" and named by this instead when it does not fit.
    apart: str = ""


@dataclass(frozen=True)
class Slide:
    heading: str
    blocks: tuple[Block, ...] = ()
    empty: str = ""  # said when there are no blocks
    more_noun: str = "more"  # "… and 3 more <noun>"
    extra: tuple[Block, ...] = field(default_factory=tuple)  # a second section (parking lot)
    extra_heading: str = ""


def slide_for(ctx: WorkshopContext) -> Slide:
    step = ctx.current_step()
    if step is None:
        return Slide("", empty="No workshop agenda yet")
    builders = {
        "": agenda_slide,
        "foundation": foundation_slide,
        "themes": themes_slide,
        "objectives": candidates_slide,
        "key_results": okr_slide,
        "initiatives": okr_slide,
        "alignment": alignment_slide,
        "review": review_slide,
    }
    try:
        return builders.get(step.guided_step, agenda_slide)(ctx)
    except OkrDeskError as exc:  # e.g. no cycle yet: say so on the screen, calmly
        return Slide("", empty=str(exc))


def agenda_slide(ctx: WorkshopContext) -> Slide:
    current = ctx.clock.step
    skipped = set(ctx.clock.reading().skipped)
    blocks = []
    for n, step in enumerate(ctx.agenda()):
        aside = f"{step.planned_minutes} min"
        if n == current:
            mark, tone = "▶", "accent"
        elif n in skipped:
            mark, tone, aside = "", "muted", "skipped"
        elif step.actual_seconds is not None and ran(step.actual_seconds) and n < current:
            mark, tone = "✓", "muted"
            aside = f"took {duration(step.actual_seconds)}"
        else:
            mark, tone = "", "body"
        blocks.append(Block(Line(step.title, mark, tone, strong=n == current), aside))
    return Slide("Today's agenda", tuple(blocks), "No steps yet", "more steps")


def foundation_slide(ctx: WorkshopContext) -> Slide:
    info = ctx.ws.info()
    blocks = [
        Block(Line(label, tone="accent", strong=True), below=(Line(text.strip()),))
        for label, text in (
            ("Mission", info.mission),
            ("Vision", info.vision),
            ("Strategy", info.strategy),
        )
        if text.strip()
    ]
    return Slide(
        info.name,
        tuple(blocks),
        "No mission, vision or strategy written yet",
    )


def themes_slide(ctx: WorkshopContext) -> Slide:
    cycle = ctx.plan_cycle()
    themes = entities.list_items(ctx.ws, "theme", cycle_id=cycle) if cycle else []
    blocks = [
        Block(
            Line(t["name"], f"{n}.", strong=True),
            below=(Line(t["description"], tone="muted"),) if t["description"].strip() else (),
        )
        for n, t in enumerate(themes, 1)
    ]
    count = len(themes)
    verdict = "" if not count or 2 <= count <= 3 else " — two or three keep the focus"
    return Slide(
        f"Themes of {_cycle_name(ctx)}{verdict}",
        tuple(blocks),
        "No themes yet",
        "more themes",
    )


def candidates_slide(ctx: WorkshopContext, kind: CandidateKind = "objective") -> Slide:
    if ctx.session_id is None:
        return Slide("", empty="No workshop session")
    result = tally(ctx.ws, ctx.session_id, kind)
    voted = any(r.dots for r in result.ranked)
    blocks = []
    for r in result.ranked:
        if r.status == "promoted":
            mark, tone = "✓", "good"
        elif r.status == "parked":
            mark, tone = "·", "muted"
        else:
            mark, tone = (f"{r.rank}." if voted else "•"), "body"
        aside = _dots(r.dots) if voted else ""
        below = []
        if others := other_wordings(r.text, r.members):
            below.append(Line("also: " + "; ".join(others), tone="muted"))
        if r.status != "open":
            below.append(Line("chosen" if r.status == "promoted" else "parked", tone=tone))
        blocks.append(
            Block(
                Line(r.text, mark, tone, strong=r.status == "promoted"), aside, below=tuple(below)
            )
        )
    heading = f"Candidate {CANDIDATE_KIND_WORDS[kind]}s" + (" — ranked by dots" if voted else "")
    return Slide(heading, tuple(blocks), "No ideas yet — call them out", "more candidates")


def okr_slide(ctx: WorkshopContext, with_parking: bool = False) -> Slide:
    objectives, findings, team = _okrs(ctx)
    if team is None:
        return Slide("", empty="Choose the team in the facilitator's window")
    blocks = [
        _objective_block(n, o, findings, with_initiatives=_key(ctx) == "initiatives")
        for n, o in enumerate(objectives, 1)
    ]
    set_flags = findings.get(None, [])
    if set_flags:
        blocks.append(
            Block(
                Line("The whole set", tone="accent", strong=True),
                below=tuple(_flag_line(f) for f in set_flags),
                apart="the coach's notes on the whole set",
            )
        )
    slide = Slide(f"{team}: the OKRs so far", tuple(blocks), "No objectives yet", "more objectives")
    # Open key result candidates sit beside the set while the room works on key results.
    if ctx.session_id and _key(ctx) == "key_results":
        ideas = candidates_slide(ctx, "key_result")
        open_ideas = tuple(b for b in ideas.blocks if b.main.tone == "body")
        if open_ideas:
            return Slide(
                slide.heading,
                slide.blocks,
                slide.empty,
                slide.more_noun,
                extra=open_ideas,
                extra_heading="Candidate key results",
            )
    return slide


def alignment_slide(ctx: WorkshopContext) -> Slide:
    """Each of the team's objectives with what it supports above and what supports it
    from below. A top-level objective supports nothing by design: only a team's
    objective that supports nothing is flagged."""
    cycle, team_id = ctx.plan_cycle(), ctx.team_id
    if not (cycle and team_id):
        return Slide("", empty="Choose the team in the facilitator's window")
    amap = alignment_map(ctx.ws, cycle)
    team = next((t for t in amap.teams if t.id == team_id), None)
    if team is None:
        return Slide("", empty="Choose the team in the facilitator's window")
    ours = [o for o in amap.objectives if o.team_id == team_id]
    blocks = []
    for n, o in enumerate(ours, 1):
        below: list[Line] = []
        for link in o.supports:
            above = (
                amap.objective(link.parent_objective_id).team_name
                if (link.parent_objective_id in amap)
                else ""
            )
            title = link.parent_title
            if link.key_result_title:
                title = f"{link.key_result_title} (a key result of “{link.parent_title}”)"
            below.append(Line(title + (f" · {above}" if above else ""), "↑ supports", "good"))
        if not o.supports and not o.is_root:
            below.append(Line("supports nothing yet", "○", "warning"))
        for link in o.supporters:
            child = amap.objective(link.objective_id)
            below.append(Line(f"{child.title} · {child.team_name}", "↓ supported by", "body"))
        if o.is_root and not o.supporters:
            below.append(Line("no team objective supports it yet", "○", "muted"))
        blocks.append(Block(Line(o.title, f"O{n}", strong=True), below=tuple(below)))
    heading = f"{team.name}: what our objectives support"
    if team.depth == 0:
        heading = f"{team.name}: what supports our objectives"
    return Slide(heading, tuple(blocks), "No objectives yet", "more objectives")


def review_slide(ctx: WorkshopContext) -> Slide:
    slide = okr_slide(ctx)
    if ctx.session_id is None:
        return slide
    parked = workshop.parking_lot(ctx.ws, ctx.session_id, include_resolved=False)
    extra = tuple(Block(Line(item.text, "▸")) for item in parked)
    return Slide(
        slide.heading,
        slide.blocks,
        slide.empty,
        slide.more_noun,
        extra=extra,
        extra_heading=f"Parking lot ({len(parked)})" if parked else "",
    )


# -- helpers -----------------------------------------------------------------------------------


def _key(ctx: WorkshopContext) -> str:
    step = ctx.current_step()
    return step.guided_step if step else ""


def _cycle_name(ctx: WorkshopContext) -> str:
    cycle = ctx.plan_cycle()
    if not cycle:
        return "the cycle"
    try:
        return entities.get(ctx.ws, "cycle", cycle)["name"]
    except OkrDeskError:
        return "the cycle"


def _okrs(
    ctx: WorkshopContext,
) -> tuple[tuple[ObjectiveView, ...], dict[str | None, list[WorkspaceFinding]], str | None]:
    cycle, team = ctx.plan_cycle(), ctx.team_id
    if not (cycle and team):
        return (), {}, None
    tree = okr_tree(ctx.ws, cycle=cycle, team=team)
    the_team = tree.teams[0]
    findings: dict[str | None, list[WorkspaceFinding]] = defaultdict(list)
    for f in check_workspace(ctx.ws, cycle=cycle, team=team):
        if f.finding.severity in FLAG_MARKS:
            findings[f.item_id if f.item_kind != "set" else None].append(f)
    return the_team.objectives, findings, the_team.name


def _objective_block(
    n: int,
    o: ObjectiveView,
    findings: dict[str | None, list[WorkspaceFinding]],
    *,
    with_initiatives: bool,
) -> Block:
    below: list[Line] = [_flag_line(f) for f in findings.get(o.id, [])]
    for k, kr in enumerate(o.key_results, 1):
        below.append(Line(_kr_text(kr), f"KR{k}"))
        below += [_flag_line(f) for f in findings.get(kr.id, [])]
    if with_initiatives:
        below += [Line(i.title, "▸", "muted") for i in o.initiatives]
    if not o.key_results and not findings.get(o.id):
        below.append(Line("no key results yet", "○", "muted"))
    aside = OBJECTIVE_STATUS_WORDS[o.status]
    return Block(Line(o.title, f"O{n}", strong=True), aside, below=tuple(below))


def _kr_text(kr: KeyResultView) -> str:
    """The key result, with its start and target unless its words already say them."""
    if kr.kind == "milestone" or kr.start is None or kr.target is None:
        return kr.title
    plain = re.sub(r"(?<=\d)[,.'\u00a0\u202f](?=\d{3}\b)", "", kr.title)
    if editable_number(kr.target) in plain:  # the target as written, without separators
        return kr.title
    return f"{kr.title}  ({span(kr.start, kr.target, kr.unit)})"


def _flag_line(f: WorkspaceFinding) -> Line:
    return Line(f.finding.message, FLAG_MARKS[f.finding.severity], f.finding.severity)


def _dots(count: int) -> str:
    return f"{count} dot" if count == 1 else f"{count} dots"
