"""The one-page summary of a workshop session, and *finish*: the summary plus the draft
OKR sheets of the teams worked on, written into one folder in one action.

The page shows the agenda as run against the plan, the decisions (the promoted
candidates with their dots), the parking lot, who was there and the notes per step.
Like an OKR sheet it is fitted to one page: the report layer's type scales are tried
from the most readable down; when even the smallest does not hold everything, the
longest lists are shortened with a line saying how many more there are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, HRFlowable, Table, TableStyle

from okrdesk.reports import styles
from okrdesk.reports.data import PrintInfo, sheets_data
from okrdesk.reports.document import (
    PageSetup,
    ReportDoc,
    ReportError,
    ReportResult,
    build_pdf,
    long_date,
)
from okrdesk.reports.flowables import PageTracker, Para, para
from okrdesk.reports.fonts import FontBook
from okrdesk.reports.sheet import measure
from okrdesk.reports.styles import Styles
from okrdesk.reports.writers import write_sheets
from okrdesk.services.workshop_clock import duration, ran, run_of_plan
from okrdesk.services.workshop_ideas import other_wordings
from okrdesk.services.workshop_summary import SessionSummary, session_summary
from okrdesk.services.workspace import Workspace

A4_PORTRAIT = PageSetup()


@dataclass(frozen=True)
class Limits:
    """How much of each list fits; None: all of it."""

    decisions: int | None = None
    parking: int | None = None
    notes_chars: int | None = None
    notes: int | None = None


# Tried in order at the smallest type scale, once no scale holds everything.
SHORTER = (
    Limits(notes_chars=300),
    Limits(decisions=30, parking=30, notes_chars=200, notes=10),
    Limits(decisions=24, parking=20, notes_chars=160, notes=8),
    Limits(decisions=20, parking=16, notes_chars=120, notes=6),
    Limits(decisions=16, parking=12, notes_chars=100, notes=5),
    Limits(decisions=12, parking=10, notes_chars=80, notes=4),
    Limits(decisions=10, parking=8, notes_chars=0, notes=0),
    Limits(decisions=6, parking=5, notes_chars=0, notes=0),
)


def write_session_summary(
    summary: SessionSummary,
    path: Path,
    setup: PageSetup = A4_PORTRAIT,
    *,
    printed_on: date | None = None,
    fallbacks: Sequence[Path] | None = None,
) -> ReportResult:
    """The summary on one page (``result.pages`` is 1)."""
    book, tracker = FontBook(fallbacks), PageTracker()
    width, height = setup.frame
    story = fit(summary, book, width, height)
    info = PrintInfo(summary.organisation, summary.workspace_file, printed_on or date.today())

    def make_doc(out: object) -> ReportDoc:
        return ReportDoc(
            out,
            setup,
            info,
            book,
            title=f"{summary.title} — workshop summary",
            subject=f"Agenda, decisions and parking lot of the workshop “{summary.title}”",
            page_numbers=False,
            tracker=tracker,
        )

    doc = build_pdf(make_doc, story, path)
    return ReportResult(path=Path(path), pages=doc.page, missing_glyphs="".join(book.missing))


def fit(summary: SessionSummary, book: FontBook, width: float, height: float) -> list[Flowable]:
    """The most readable story that fits the frame."""
    tries = [(scale, Limits()) for scale in styles.SCALES]
    tries += [(styles.SCALES[-1], limits) for limits in SHORTER]
    story: list[Flowable] = []
    for scale, limits in tries:
        story = summary_story(summary, book, width, styles.styles_for(scale), limits)
        if measure(story, width) <= height - 1:
            return story
    return story


def summary_story(
    summary: SessionSummary, book: FontBook, width: float, st: Styles, limits: Limits
) -> list[Flowable]:
    story = header(summary, book, st)
    story += agenda_table(summary, book, width, st)
    story += decisions_block(summary, book, width, st, limits)
    story += parking_block(summary, book, st, limits)
    story += people_block(summary, book, st)
    story += notes_block(summary, book, st, limits)
    return story


def header(summary: SessionSummary, book: FontBook, st: Styles) -> list[Flowable]:
    facts = [long_date(summary.held_on)]
    if summary.cycle_name:
        facts.append(f"cycle {summary.cycle_name}")
    if summary.participants:
        facts.append(f"{len(summary.participants)} participants")
    facts.append(f"ran {run_of_plan(summary.actual_seconds, summary.planned_seconds)} planned")
    return [
        para(summary.organisation, st.organisation, book),
        para(f"{summary.title} — workshop summary", st.team, book),
        para(" · ".join(facts), st.cycle, book),
        HRFlowable(width="100%", thickness=1.2, color=styles.INK, spaceBefore=3, spaceAfter=2),
    ]


def agenda_table(
    summary: SessionSummary, book: FontBook, width: float, st: Styles
) -> list[Flowable]:
    number = styles.right_aligned(st.number)
    column = styles.right_aligned(st.column)
    rows: list[list[object]] = [
        [para("Step", st.column, book)]
        + [para(h, column, book) for h in ("Planned", "Actual", "Difference")]
    ]
    for n, step in enumerate(summary.steps, 1):
        actual = "—" if step.actual_seconds is None else duration(step.actual_seconds)
        rows.append(
            [
                para(f"{n}. {step.title}", st.small, book),
                para(duration(step.planned_seconds), number, book),
                para(actual, number, book),
                para(difference(step.planned_seconds, step.actual_seconds), number, book),
            ]
        )
    run = [step for step in summary.steps if ran(step.actual_seconds or 0)]
    # The total's difference compares the steps that ran with their plan.
    total = (
        difference(sum(s.planned_seconds for s in run), sum(s.actual_seconds or 0 for s in run))
        if run
        else "—"
    )
    hours = max(summary.actual_seconds, summary.planned_seconds) >= 3600
    rows.append(
        [
            para("Total", st.small, book, bold=True),
            para(duration(summary.planned_seconds, hours=hours), number, book, bold=True),
            para(
                duration(summary.actual_seconds, hours=hours) if summary.actual_seconds else "—",
                number,
                book,
                bold=True,
            ),
            para(
                total + (" on the steps run" if 0 < len(run) < len(summary.steps) else ""),
                number,
                book,
                bold=True,
            ),
        ]
    )
    cols = (width * 0.5, width * 0.11, width * 0.11, width * 0.28)
    table = Table(
        rows,
        colWidths=cols,
        repeatRows=1,
        style=TableStyle(
            [
                *styles.table_style(st),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, styles.INK),
                ("BACKGROUND", (0, 0), (-1, 0), styles.SHADE),
            ]
        ),
    )
    return [heading("Agenda as run", st, book), table]


def difference(planned: int, actual: int | None) -> str:
    if actual is None or not ran(actual):
        return "not run"
    delta = actual - planned
    if abs(delta) < 30:
        return "on time"
    return f"{duration(abs(delta))} {'over' if delta > 0 else 'under'}"


def decisions_block(
    summary: SessionSummary, book: FontBook, width: float, st: Styles, limits: Limits
) -> list[Flowable]:
    title = heading("Decisions", st, book)
    if not summary.decisions:
        return [title, para("No candidates were promoted in this session.", st.body, book)]
    shown, more = _cut(summary.decisions, limits.decisions)
    column = styles.right_aligned(st.column)
    rows: list[list[object]] = [
        [para("Rank", column, book), para("Dots", column, book)]
        + [para(h, st.column, book) for h in ("Chosen by the room", "Became")]
    ]
    for d in shown:
        others = other_wordings(d.text, d.members)
        chosen = d.text + (f" (also: {'; '.join(others)})" if others else "")
        kind = "key result of" if d.kind == "key_result" else "objective of"
        became = f"{kind} {d.team}" if d.team else kind
        if d.kind == "key_result":
            became += f": {d.became}"
        rows.append(
            [
                para(str(d.rank), styles.right_aligned(st.number), book),
                para(str(d.dots), styles.right_aligned(st.number), book),
                para(chosen, st.body, book, bold=True),
                para(became, st.small, book),
            ]
        )
    table = Table(
        rows,
        colWidths=(width * 0.07, width * 0.07, width * 0.56, width * 0.30),
        repeatRows=1,
        style=TableStyle([*styles.table_style(st), ("BACKGROUND", (0, 0), (-1, 0), styles.SHADE)]),
    )
    story: list[Flowable] = [title, table]
    if more:
        story.append(para(f"… and {more} more decisions (see the workspace)", st.meta, book))
    return story


def parking_block(
    summary: SessionSummary, book: FontBook, st: Styles, limits: Limits
) -> list[Flowable]:
    title = heading("Parking lot", st, book)
    if not summary.parking_lot:
        return [title, para("Nothing was parked.", st.body, book)]
    ordered = sorted(summary.parking_lot, key=lambda i: i.resolved)
    shown, more = _cut(ordered, limits.parking)
    story: list[Flowable] = [title]
    for item in shown:
        mark = "✓" if item.resolved else "▸"
        suffix = " (resolved)" if item.resolved else ""
        story.append(para(f"{mark} {item.text}{suffix}", st.body, book))
    if more:
        story.append(para(f"… and {more} more on the parking lot", st.meta, book))
    return story


def people_block(summary: SessionSummary, book: FontBook, st: Styles) -> list[Flowable]:
    if not summary.participants:
        return []
    names = [p.name + (f" ({p.role})" if p.role else "") for p in summary.participants]
    return [heading("Participants", st, book), para(" · ".join(names), st.body, book)]


def notes_block(
    summary: SessionSummary, book: FontBook, st: Styles, limits: Limits
) -> list[Flowable]:
    with_notes = [s for s in summary.steps if s.notes.strip()]
    if not with_notes or limits.notes_chars == 0 or limits.notes == 0:
        return []
    shown, more = _cut(with_notes, limits.notes)
    story: list[Flowable] = [heading("Notes", st, book)]
    for step in shown:
        text = " ".join(step.notes.split())
        if limits.notes_chars is not None and len(text) > limits.notes_chars:
            text = text[: limits.notes_chars - 1].rstrip() + "…"
        story.append(labelled(step.title, text, st.small, book))
    if more:
        story.append(para(f"… and notes on {more} more steps", st.meta, book))
    return story


def labelled(label: str, text: str, style: ParagraphStyle, book: FontBook) -> Flowable:
    """ "**Label**  text" in one paragraph of user text."""
    markup = f"<b>{book.markup(label)}</b>&nbsp;&nbsp;{book.markup(text)}"
    if book.needs_cjk_wrap(label + text):
        style = styles.cjk_variant(style)
    return Para(markup, ParagraphStyle(f"{style.name}-note", parent=style, spaceAfter=2))


def heading(text: str, st: Styles, book: FontBook) -> Flowable:
    return para(text, st.subheading, book)


def _cut(items: Sequence, limit: int | None) -> tuple[list, int]:
    if limit is None or len(items) <= limit:
        return list(items), 0
    return list(items[:limit]), len(items) - limit


# -- finish: the summary and the draft OKR sheets ----------------------------------------------


@dataclass(frozen=True)
class Finished:
    summary: ReportResult
    sheets: ReportResult | None  # None when no team's OKRs were worked on
    teams: tuple[str, ...]  # names of the teams whose sheets were printed
    session: SessionSummary | None = None  # what the summary was made of (the decisions)

    @property
    def paths(self) -> list[Path]:
        return [self.summary.path] + ([self.sheets.path] if self.sheets else [])

    @property
    def notices(self) -> list[str]:
        found = list(self.summary.notices)
        if self.sheets is not None:
            found += self.sheets.notices
        else:
            found.append("No team's OKRs were worked on, so there are no OKR sheets to print")
        return found


def finish(
    ws: Workspace,
    session_id: str,
    folder: Path,
    teams: tuple[str, ...] = (),
    setup: PageSetup = A4_PORTRAIT,
    today: date | None = None,
) -> Finished:
    """Write "<title> - summary.pdf" and "<title> - OKR sheets.pdf" into ``folder``.

    The sheets are those of the teams that got objectives or key results from the session,
    plus ``teams`` (ids), in the session's cycle, one page per team.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ReportError(f"{folder}: no such folder")
    summary = session_summary(ws, session_id, teams)
    stem = file_stem(summary.title)
    result = write_session_summary(
        summary, folder / f"{stem} - summary.pdf", setup, printed_on=today
    )
    sheets: ReportResult | None = None
    if summary.team_ids:
        data = sheets_data(ws, cycle=summary.cycle_id, today=today)
        chosen = tuple(t for t in data.teams if t.team.id in summary.team_ids)
        sheets = write_sheets(
            replace(data, teams=chosen), folder / f"{stem} - OKR sheets.pdf", setup
        )
    return Finished(result, sheets, summary.team_names, summary)


def file_stem(title: str) -> str:
    """A file name from a session title: no path or reserved characters, not too long."""
    stem = re.sub(r"[\\/]+", "-", title)
    stem = re.sub(r'[:*?"<>|\x00-\x1f]+', "", stem)
    stem = " ".join(stem.split()).strip(" .-") or "Workshop"
    return stem[:80].rstrip(" .-")


__all__ = ["Finished", "finish", "write_session_summary"]
