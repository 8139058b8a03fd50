"""`okrdesk checkin` and `okrdesk score`: running the cycle from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from okrdesk.cli.typed import locale_decimal, typed_day
from okrdesk.formatting import number, shorten
from okrdesk.services.checkin_views import find_key_result, suggested_status
from okrdesk.services.checkins import confidence_scale, parse_value_of_kind, record_check_in
from okrdesk.services.review import ObjectiveReview, ReviewView, review
from okrdesk.services.workspace import Workspace
from okrdesk.vocabulary import CONFIDENCE_WORDS

TITLE_WIDTH = 56


def cmd_checkin(args: argparse.Namespace) -> int:
    with Workspace.open(args.path) as ws:
        kr = find_key_result(ws, args.kr, cycle=args.cycle)
        # Read as typed in the person's locale; "0,125" with a decimal point is refused.
        value = parse_value_of_kind(kr.kind, args.value, locale_decimal(), "--value")
        day = typed_day(args.date)
        confidence, suggested = args.confidence, False
        if confidence is None and confidence_scale(ws) == "levels":
            # Without a word from the team, pace speaks: what the check-in grid would pre-fill.
            confidence = suggested_status(ws, kr.id, value, on=day)
            suggested = confidence is not None
        recorded = record_check_in(ws, kr.id, value, confidence=confidence, note=args.note, on=day)
    c = recorded.check_in
    unit = f" {kr.unit}" if kr.unit and kr.kind != "milestone" else ""
    value = (
        ("done" if c.value == 1.0 else "not done") if kr.kind == "milestone" else number(c.value)
    )
    parts = [f"{value}{unit}"]
    if c.confidence_score is not None:
        parts.append(f"confidence {c.confidence_score}/10")
    elif c.confidence:
        words = CONFIDENCE_WORDS[c.confidence]
        parts.append(f"{words} (suggested from pace)" if suggested else words)
    print(f"Checked in {kr.title!r} ({kr.team}, {kr.cycle}) on {c.date}: {', '.join(parts)}")
    if recorded.replaced is not None:
        print(f"  (replaces that day's earlier check-in of {number(recorded.replaced['value'])})")
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    with Workspace.open(args.path, read_only=True) as ws:
        view = review(ws, cycle=args.cycle, team=args.team)
    if args.json:
        print(json.dumps(score_rows(view), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(score_text(view))
    return 0


def score_rows(view: ReviewView) -> list[dict[str, Any]]:
    """One object per key result, with its objective's and team's names."""
    rows: list[dict[str, Any]] = []
    for team in view.teams:
        for o in team.objectives:
            base = {
                "cycle": view.cycle,
                "team": team.name,
                "objective": o.title,
                "objective_id": o.id,
                "objective_score": o.score,
            }
            for kr in o.key_results:
                rows.append(
                    {
                        **base,
                        "key_result": kr.title,
                        "key_result_id": kr.id,
                        "progress": kr.progress,
                        "score": kr.score,
                        "grade": kr.grade,
                        "confidence": kr.confidence,
                        "confidence_score": kr.confidence_score,
                        "behind_pace": kr.behind_pace,
                    }
                )
    return rows


def score_text(view: ReviewView) -> str:
    lines = [
        f"{view.cycle} ({view.start_date} → {view.end_date}, {view.state})"
        f" — score {_score(view.score)}{_band(view.band)}"
        f", {view.graded} of {view.key_results} key results graded",
        "",
        f"{'':4}{'key result':<{TITLE_WIDTH}} {'progress':>8} {'score':>5}  "
        f"{'confidence':<10}  pace",
    ]
    for team in view.teams:
        lines.append("")
        lines.append(f"{team.name} — {_score(team.score)}{_band(team.band)}")
        for o in team.objectives:
            lines.append(f"  {_objective_line(o)}")
            for kr in o.key_results:
                progress = "—" if kr.progress is None else f"{round(kr.progress * 100)}%"
                confidence = (
                    f"{kr.confidence_score}/10"
                    if kr.confidence_score is not None
                    else CONFIDENCE_WORDS.get(kr.confidence or "", "—")
                )
                pace = "behind" if kr.behind_pace else "ok"
                title = shorten(kr.title, TITLE_WIDTH)
                lines.append(
                    f"{'':4}{title:<{TITLE_WIDTH}} {progress:>8} {_score(kr.score):>5}  "
                    f"{confidence:<10}  {pace}"
                )
    if not view.teams:
        lines.append("")
        lines.append("(no objectives in this cycle)")
    return "\n".join(lines) + "\n"


def _objective_line(o: ObjectiveReview) -> str:
    meaning = f" · {o.outcome_label.lower()}" if o.outcome_label else ""
    override = " (set by hand)" if o.override is not None else ""
    return f"{shorten(o.title, TITLE_WIDTH + 2)}  {_score(o.score)}{override} · {o.kind}{meaning}"


def _score(score: float | None) -> str:
    return "—" if score is None else f"{score:.2f}"


def _band(band: str | None) -> str:
    return f" ({band})" if band else ""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("checkin", help="record a check-in for a key result")
    p.add_argument("path")
    p.add_argument("--kr", required=True, metavar="REF", help="key result id or title (prefix)")
    p.add_argument(
        "--value",
        required=True,
        help="the value now, with your locale's decimal separator (milestones: 1 done, 0 not)",
    )
    p.add_argument(
        "--confidence",
        metavar="LEVEL",
        help="on-track, at-risk or off-track (or 1-10 where the workspace uses that scale); "
        "default: suggested from pace",
    )
    p.add_argument("--note", default="", help="a short note")
    p.add_argument(
        "--date",
        help="2026-12-03 or 03.12.2026, within the key result's cycle (default: today)",
    )
    p.add_argument("--cycle", help="where to look for the title (default: the current cycle)")
    p.set_defaults(run=cmd_checkin)

    p = sub.add_parser("score", help="print progress and scores of key results and objectives")
    p.add_argument("path")
    p.add_argument("--cycle", help="cycle name (default: the current cycle)")
    p.add_argument("--team", help="only this team")
    p.add_argument("--json", action="store_true", help="print JSON: one object per key result")
    p.set_defaults(run=cmd_score)


__all__ = ["register", "score_rows", "score_text"]
