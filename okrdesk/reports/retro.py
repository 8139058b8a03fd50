"""The retrospective report: scores, check-in charts, grades, the team's answers, carry-forward."""

from __future__ import annotations

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from okrdesk.formatting import percent, score_text
from okrdesk.reports import charts, styles
from okrdesk.reports.data import ObjectiveReview, RetroData, TeamRetro
from okrdesk.reports.document import PageSetup, date_span, short_date
from okrdesk.reports.flowables import PageTracker, Para, ProgressBar, SectionMark, para
from okrdesk.reports.fonts import FontBook
from okrdesk.reports.styles import Styles
from okrdesk.scoring import interpret
from okrdesk.services.views import CycleView
from okrdesk.vocabulary import CARRY_DECISION_HINTS, CYCLE_STATE_WORDS, OBJECTIVE_KIND_WORDS

QUESTIONS = (
    ("achieved", "What we achieved, and why"),
    ("missed", "What we missed, and why"),
    ("process", "How working with OKRs served us"),
    ("keep_doing", "Continue"),
    ("stop_doing", "Stop"),
    ("start_doing", "Start"),
)


def retro_story(
    data: RetroData, book: FontBook, setup: PageSetup, tracker: PageTracker
) -> list[Flowable]:
    st = styles.styles_for()
    width = setup.frame[0]
    story: list[Flowable] = []
    if len(data.teams) != 1:
        story += cycle_summary(data, book, width, st, tracker)
    for n, team in enumerate(data.teams):
        if n or len(data.teams) != 1:
            story.append(PageBreak())
        story += team_section(team, data, book, width, st, tracker)
    if not data.teams:
        story.append(Para("No team has objectives or a retrospective in this cycle.", st.body))
    return story


def cycle_summary(
    data: RetroData, book: FontBook, width: float, st: Styles, tracker: PageTracker
) -> list[Flowable]:
    cycle = data.cycle
    rows: list[list[object]] = [
        [Para(h, st.column) for h in ("Team", "Objectives", "Score", "Retrospective")]
    ]
    for t in data.teams:
        rows.append(
            [
                para(t.team.team.name, styles.indented(st.body, 12 * t.team.team.depth), book),
                Para(str(len(t.objectives)), st.body),
                ProgressBar(t.score, 88, st.regular, st.size(0.92), t.band),
                Para("answered" if t.answers else "—", st.small),
            ]
        )
    return [
        SectionMark(tracker, "summary", "summary", f"Retrospective {cycle.name}", 0),
        para(data.info.organisation, st.organisation, book),
        para(f"Retrospective {cycle.name}", st.team, book),
        Para(_dates_and_state(cycle), st.cycle),
        Spacer(1, 10),
        Table(
            rows,
            colWidths=(width - 88 - 100 - 70, 70, 100, 88),
            repeatRows=1,
            style=TableStyle(styles.table_style(st)),
        ),
    ]


def _dates_and_state(cycle: CycleView) -> str:
    """ "1 Oct – 31 Dec 2026 · in review"."""
    return f"{date_span(cycle.start_date, cycle.end_date)} · {CYCLE_STATE_WORDS[cycle.state]}"


def team_section(
    t: TeamRetro, data: RetroData, book: FontBook, width: float, st: Styles, tracker: PageTracker
) -> list[Flowable]:
    team = t.team.team
    cycle = data.cycle
    above = (
        " › ".join((data.info.organisation, *t.team.path[1:]))
        if t.team.path
        else data.info.organisation
    )
    story: list[Flowable] = [
        SectionMark(
            tracker, f"retro-{team.id}", "retro", team.name, 1 if len(data.teams) != 1 else 0
        ),
        para(above, st.organisation, book),
        para(f"{team.name} — retrospective {cycle.name}", st.team, book),
        Para(_dates_and_state(cycle), st.cycle),
        Spacer(1, 6),
    ]
    if t.objectives:
        story += [
            Para("Scores and grades", st.heading),
            scores_table(t.objectives, book, width, st, final=cycle.state in FINAL_STATES),
        ]
        story += [
            CondPageBreak(140),
            Para("Check-ins over the cycle", st.heading),
            charts.legend(width, st.regular),
        ]
        for n, review in enumerate(t.objectives, 1):
            story += chart_grid(n, review, data, book, width, st)
    story.append(CondPageBreak(120))
    story.append(Para("Retrospective", st.heading))
    story.append(answers_table(t, book, width, st))
    story.append(CondPageBreak(80))
    story.append(Para("Carried forward", st.heading))
    story.append(carry_table(t, book, width, st))
    return story


FINAL_STATES = ("review", "closed")  # as the Review tab: met or missed only then


def scores_table(
    reviews: tuple[ObjectiveReview, ...],
    book: FontBook,
    width: float,
    st: Styles,
    final: bool = True,
) -> Table:
    """Each objective and its key results: progress bar, grade and the grade's comment.
    Met or missed is printed only when the scores are ``final`` (the cycle in review or
    closed): mid-cycle an objective is not missed yet."""
    bar_w, grade_w = 86.0, 40.0
    comment_w = width * 0.34
    title_w = width - bar_w - grade_w - comment_w
    bar = bar_w - 2 * (st.scale.pad + 1)
    heads = ("Objective · key result", "Progress", "Grade", "Comment")
    rows: list[list[object]] = [[Para(h, st.column) for h in heads]]
    commands = styles.table_style(st)
    for n, r in enumerate(reviews, 1):
        o = r.objective
        outcome = interpret(r.score, o.kind) if final else None
        reading = OBJECTIVE_KIND_WORDS[o.kind].capitalize() + (
            f" · {outcome.label}" if outcome else ""
        )
        rows.append(
            [
                [
                    Para(f"<b>O{n}&nbsp;&nbsp;{book.markup(o.title)}</b>", st.body),
                    Para(reading, st.meta),
                ],
                ProgressBar(o.score, bar, st.bold, st.size(0.92), o.band),
                Para(f"<b>{score_text(r.grade)}</b>", st.number),
                para(r.comment, st.small, book),
            ]
        )
        head = len(rows) - 1
        commands += [("BACKGROUND", (0, head), (-1, head), styles.SHADE)]
        if o.key_results:  # never an objective at a page's foot with its key results overleaf
            commands.append(("NOSPLIT", (0, head), (-1, head + 1)))
        for k, (kr, kr_review) in enumerate(zip(o.key_results, r.key_results, strict=True), 1):
            title = f"&nbsp;&nbsp;&nbsp;{n}.{k}&nbsp;&nbsp;{book.markup(kr.title)}"
            rows.append(
                [
                    Para(title, st.small),
                    ProgressBar(kr.progress, bar, st.regular, st.size(0.92), kr.band),
                    Para(score_text(kr_review.grade), st.number),
                    para(kr_review.comment, st.small, book),
                ]
            )
    return Table(
        rows,
        colWidths=(title_w, bar_w, grade_w, comment_w),
        repeatRows=1,
        style=TableStyle(commands),
    )


def chart_grid(
    n: int, r: ObjectiveReview, data: RetroData, book: FontBook, width: float, st: Styles
) -> list[Flowable]:
    per_row = 3 if width < 620 else 4
    cell_w = width / per_row
    chart_w, chart_h = cell_w - 8, 78.0
    cells: list[list[Flowable]] = []
    for k, (kr, review) in enumerate(zip(r.objective.key_results, r.key_results, strict=True), 1):
        last = next((p for p in reversed(review.history) if p.value is not None), None)
        caption = f"{len(review.history)} check-ins"
        if last is not None:
            caption += f" · last {short_date(last.on, year=False)}: {percent(kr.progress)}"
        cells.append(
            [
                Para(f"<b>{n}.{k}</b>&nbsp;&nbsp;{book.markup(kr.title)}", st.small),
                charts.history_chart(
                    kr,
                    review.history,
                    data.cycle.start_date,
                    data.cycle.end_date,
                    chart_w,
                    chart_h,
                    st.regular,
                ),
                Para(caption, st.meta),
            ]
        )
    if not cells:
        return []
    rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    rows[-1] += [[]] * (per_row - len(rows[-1]))
    title = para(f"O{n}  {r.objective.title}", st.subheading, book)
    grid = Table(
        rows,
        colWidths=[cell_w] * per_row,
        style=TableStyle(
            [*styles.table_style(st, grid=False), ("LEFTPADDING", (0, 0), (-1, -1), 0)]
        ),
    )
    return [KeepTogether([title, grid])]


def answers_table(t: TeamRetro, book: FontBook, width: float, st: Styles) -> Flowable:
    if t.answers is None:
        return Para("The team has not written its retrospective yet.", st.meta)
    label_w = min(150.0, width * 0.28)
    rows = [
        [
            Para(f"<b>{label}</b>", st.body),
            para(getattr(t.answers, field) or "—", st.body, book),
        ]
        for field, label in QUESTIONS
    ]
    # Continue, Stop, Start: one decision, read together on one page.
    together = [("NOSPLIT", (0, 3), (-1, 5))]
    return Table(
        rows,
        colWidths=(label_w, width - label_w),
        style=TableStyle([*styles.table_style(st), *together]),
    )


def carry_table(t: TeamRetro, book: FontBook, width: float, st: Styles) -> Flowable:
    if not t.carried:
        return Para("No carry-forward decisions recorded.", st.meta)
    # The notes' column only when some decision has a note: no empty column on paper.
    with_notes = any(item.note for item in t.carried)
    decision_w, note_w = 110.0, width * 0.3 if with_notes else 0.0
    heads = ("Objective · key result", "Decision", "Note")[: 3 if with_notes else 2]
    rows: list[list[object]] = [[Para(h, st.column) for h in heads]]
    for item in t.carried:
        prefix = "" if item.kind == "objective" else "&nbsp;&nbsp;&nbsp;KR&nbsp;&nbsp;"
        title = f"{prefix}{book.markup(item.title)}"
        row: list[object] = [
            Para(f"<b>{title}</b>" if item.kind == "objective" else title, st.small),
            Para(CARRY_DECISION_HINTS[item.decision].capitalize(), st.small),
        ]
        if with_notes:
            row.append(para(item.note, st.small, book))
        rows.append(row)
    widths = (width - decision_w - note_w, decision_w, note_w)[: len(heads)]
    return Table(rows, colWidths=widths, repeatRows=1, style=TableStyle(styles.table_style(st)))
