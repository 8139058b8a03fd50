"""Past quarters for a synthetic workspace, as years of real use leave them.

``okrdesk demo PATH --teams N --past-quarters Q``: before the current quarter come Q
closed quarters of 13 weeks, named by the quarter they fall in (2025-Q4, 2025-Q3, …).
Each holds what a team of that organisation would have left there: three themes, the
objectives of every team (the company's, each department's aligned to the company's,
each team's aligned to one of its department's), metric and milestone key results with
13 weekly check-ins (confidence following the pace, a note now and then), initiatives,
a grade for every key result (the suggested one, a few changed by hand with a comment),
a comment on some objectives, and each team's retrospective with a carry-forward
decision for each objective (and for the key results of those to be reworded).

Deterministic: everything is drawn from the generator given. Rows are written a quarter
at a time, so memory does not grow with the number of quarters.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import Connection, Table

from okrdesk.db import models as m
from okrdesk.demo.pools import AMBITIONS, AREAS, CYCLE_START, MEASURES, WEEKS, WORK
from okrdesk.demo.rows import Row, new_id, new_rows, write_rows
from okrdesk.scoring import KeyResultFacts, suggested_grade
from okrdesk.vocabulary import OBJECTIVE_KINDS

Team = tuple[str, str, str | None]  # id, kind, parent id

_THEMES = [
    "Customers",
    "Speed",
    "People",
    "Quality",
    "Growth",
    "Reliability",
    "Focus",
    "Trust",
    "Simplicity",
]
_MILESTONES = [
    "Launch the new {a} flow to every customer",
    "Publish the {a} playbook",
    "Retire the old {a} system",
    "Hire a lead for {a}",
]
_NOTES = [
    "Slower week: two people out sick.",
    "The {a} change shipped on Tuesday; numbers follow next week.",
    "Blocked on data from finance; asked again.",
    "Better than expected after the {a} fix.",
    "Holiday week, little movement.",
    "Customer interviews changed our plan for {a}.",
]
_GRADE_COMMENTS = [
    "Raised: the last week's numbers came in after the review.",
    "Lowered: part of the gain came from a one-off campaign.",
    "Adjusted after checking the {a} data source.",
]
_OBJECTIVE_COMMENTS = [
    "Right goal, too many key results for one quarter.",
    "The {a} work paid off more than the numbers show.",
    "We learnt more from missing this than from the ones we met.",
]
_ACHIEVED = [
    "We moved {a} further than in any quarter before, mostly thanks to the weekly "
    "reviews with the people who use it.",
    "The {a} work landed on time and {b} improved on the back of it.",
    "Most key results reached 70 % or more; {a} is now measured every week.",
]
_MISSED = [
    "{b} stalled: we started it late and the dependency on another team was not named "
    "until week eight.",
    "We set the {a} target from a hope rather than a baseline.",
    "Two key results measured activity, not outcome, so they told us little about {b}.",
]
_PROCESS = [
    "Weekly check-ins kept the numbers in view; the notes were thin.",
    "Three objectives was one too many for a team of our size.",
    "Scoring as we went made the review short and honest.",
]
_KEEP = [
    "Monday check-ins with the number on the wall.",
    "Pairing with the teams that depend on our {a} work.",
    "Writing the why before the key results.",
]
_STOP = [
    "Adding key results halfway through the quarter.",
    "Counting tasks as key results.",
    "Leaving the {a} data clean-up to the last week.",
]
_START = [
    "Agreeing baselines before the quarter starts.",
    "A mid-quarter review with the department.",
    "Naming one owner per key result for {b}.",
]
_REWORD_NOTES = ["Narrow it to {a}.", "Make the target a measured outcome.", ""]
_CONFIDENCE_DRAW = ("on_track", "on_track", "at_risk")  # a hopeful start, then the pace


def quarters(past: int) -> list[tuple[str, date, date]]:
    """(name, first day, last day) of the `past` quarters before the current one, oldest
    first; 13 weeks each, ending the day before the current quarter starts."""
    current = CYCLE_START.year * 4 + (CYCLE_START.month - 1) // 3
    out = []
    for back in range(past, 0, -1):
        start = CYCLE_START - timedelta(weeks=WEEKS * back)
        year, index = divmod(current - back, 4)
        out.append((f"{year}-Q{index + 1}", start, start + timedelta(weeks=WEEKS, days=-1)))
    return out


def first_day(past: int) -> date:
    return quarters(past)[0][1]


def write_history(con: Connection, rng: random.Random, teams: list[Team], past: int) -> None:
    """Write `past` closed quarters for `teams` (parents first), one quarter at a time."""
    for name, start, end in quarters(past):
        rows = new_rows()
        _Quarter(rows, rng, name, start, end).fill(teams)
        write_rows(con, rows)


class _Quarter:
    """One closed quarter's rows, drawn from `rng` into `rows`."""

    def __init__(
        self, rows: dict[Table, list[Row]], rng: random.Random, name: str, start: date, end: date
    ) -> None:
        self.rows, self.rng = rows, rng
        self.start, self.stamp = start, datetime.combine(start, time(9, 0))
        self.days = tuple(start + timedelta(weeks=week, days=4) for week in range(WEEKS))
        self.cycle_id = new_id(rng)
        rows[m.Cycle.__table__].append((self.cycle_id, name, "quarter", start, end, "closed"))
        self.themes = []
        for position, theme in enumerate(rng.sample(_THEMES, 3)):
            self.themes.append(new_id(rng))
            rows[m.Theme.__table__].append((self.themes[-1], self.cycle_id, theme, "", position))

    def fill(self, teams: list[Team]) -> None:
        objectives_of: dict[str, list[str]] = {}
        for team_id, kind, parent in teams:
            above = objectives_of.get(parent, []) if parent else []
            count = 3 if kind != "team" else self.rng.randint(3, 4)
            made = [self._objective(team_id, p, above, kind) for p in range(count)]
            objectives_of[team_id] = [objective_id for objective_id, _decided in made]
            self._retrospective(team_id, made)

    # -- objectives and key results ------------------------------------------------------

    def _objective(
        self, team_id: str, position: int, above: list[str], kind: str
    ) -> tuple[str, list[tuple[str, float]]]:
        """An objective with its links, key results, initiatives and grades; returns its id
        and its key results' (id, grade)."""
        rng, rows = self.rng, self.rows
        objective_id, area = new_id(rng), rng.choice(AREAS)
        rows[m.Objective.__table__].append(
            (
                objective_id,
                self.cycle_id,
                team_id,
                rng.choice(self.themes),
                rng.choice(AMBITIONS).format(a=area),
                "",
                f"Owner {rng.randint(1, 99)}",
                rng.choice(OBJECTIVE_KINDS),
                "final",
                position,
                self.stamp,
            )
        )
        # A department's objective supports every company objective; a team's one of its
        # department's objectives.
        supports = above if kind == "department" or not above else [rng.choice(above)]
        for parent in supports:
            rows[m.AlignmentLink.__table__].append((new_id(rng), objective_id, parent, None, None))
        graded = [self._key_result(objective_id, area, p) for p in range(rng.randint(2, 4))]
        for p in range(rng.randint(1, 2)):
            initiative_id = new_id(rng)
            due = self.start + timedelta(weeks=rng.randint(4, 12)) if rng.random() < 0.5 else None
            rows[m.Initiative.__table__].append(
                (
                    initiative_id,
                    objective_id,
                    rng.choice(WORK).format(a=area),
                    rng.choice(("done", "done", "dropped", "in_progress")),
                    f"Owner {rng.randint(1, 99)}",
                    due,
                    p,
                )
            )
            rows[m.InitiativeKeyResult.__table__].append((initiative_id, rng.choice(graded)[0]))
        if rng.random() < 0.1:
            comment = rng.choice(_OBJECTIVE_COMMENTS).format(a=area)
            rows[m.ObjectiveGrade.__table__].append((new_id(rng), objective_id, None, comment))
        return objective_id, graded

    def _key_result(self, objective_id: str, area: str, position: int) -> tuple[str, float]:
        rng = self.rng
        kr_id = new_id(rng)
        reached = rng.uniform(0.0, 1.15)  # of the way to the target by the last week
        if rng.random() < 0.15:
            title, unit, start, target = rng.choice(_MILESTONES).format(a=area), "", None, None
            # Done in the week the way reached says (0.9 of the way: in the last week).
            done_week = round((WEEKS - 1) * 0.9 / reached) if reached > 0.05 else WEEKS
            values = [1.0 if week >= done_week else 0.0 for week in range(WEEKS)]
            direction, done = "increase", values[-1] == 1.0
            facts = KeyResultFacts("milestone", done=done)
            # How far along the team felt: the share of the way to the week it was done.
            made = [min(1.0, (week + 1) / (done_week + 1)) for week in range(WEEKS)]
        else:
            pattern, unit = rng.choice(MEASURES)
            start = float(rng.randint(10, 60))
            target = float(int(start // 2)) if unit == "days" else start + rng.randint(5, 40)
            title = pattern.format(a=area, s=int(start), t=int(target))
            direction, done = ("decrease" if target < start else "increase"), False
            span, uniform = target - start, rng.uniform
            values = [
                round(start + span * reached * (week + 1) / WEEKS + uniform(-1, 1), 1)
                for week in range(WEEKS)
            ]
            facts = KeyResultFacts("metric", start, target, values[-1], direction)
            made = [(value - start) / span for value in values]
        confidence = self._check_ins(kr_id, values, made, area)
        self.rows[m.KeyResult.__table__].append(
            (
                kr_id,
                objective_id,
                title,
                facts.kind,
                start,
                target,
                values[-1],
                unit,
                direction,
                done,
                None,
                None,
                f"Owner {rng.randint(1, 99)}",
                confidence,
                None,
                1.0,
                position,
                self.stamp,
            )
        )
        score = suggested_grade(facts) or 0.0
        comment = ""
        if rng.random() < 0.1:  # changed by hand at the review
            score = min(1.0, max(0.0, round(score + rng.choice((-0.1, 0.1)), 1)))
            comment = rng.choice(_GRADE_COMMENTS).format(a=area)
        self.rows[m.KeyResultGrade.__table__].append((new_id(rng), kr_id, score, comment))
        return kr_id, score

    def _check_ins(self, kr_id: str, values: list[float], made: list[float], area: str) -> str:
        """The weekly check-ins, their confidence following the pace (`made`: the share of
        the way done each week); returns the last confidence, which the key result keeps."""
        rng, stamp = self.rng, self.stamp
        check_ins = self.rows[m.CheckIn.__table__]
        confidence = "on_track"
        for week, (day, value, share) in enumerate(zip(self.days, values, made, strict=True)):
            expected = (week + 1) / WEEKS
            if week < 3:
                confidence = rng.choice(_CONFIDENCE_DRAW)
            elif share >= 0.8 * expected:
                confidence = "on_track"
            else:
                confidence = "at_risk" if share >= 0.5 * expected else "off_track"
            note = rng.choice(_NOTES).format(a=area) if rng.random() < 0.25 else ""
            check_ins.append((new_id(rng), kr_id, day, value, confidence, None, note, stamp))
        return confidence

    # -- the retrospective ---------------------------------------------------------------

    def _retrospective(self, team_id: str, made: list[tuple[str, list[tuple[str, float]]]]) -> None:
        rng, rows = self.rng, self.rows
        a, b = rng.sample(AREAS, 2)
        retro_id = new_id(rng)
        answers = [rng.choice(pool).format(a=a, b=b) for pool in _ANSWERS]
        rows[m.Retrospective.__table__].append((retro_id, team_id, self.cycle_id, *answers))
        decisions = rows[m.CarryDecision.__table__]
        for objective_id, graded in made:
            score = sum(s for _kr, s in graded) / len(graded)
            if score >= 0.9:
                decision = "done"
            elif score >= 0.6:
                decision = rng.choice(("done", "carry"))
            elif score >= 0.3:
                decision = "modify"
            else:
                decision = rng.choice(("drop", "carry"))
            note = rng.choice(_REWORD_NOTES).format(a=a) if decision == "modify" else ""
            decisions.append((new_id(rng), retro_id, objective_id, None, decision, note))
            if decision != "modify":
                continue
            for kr_id, kr_score in graded:  # what to keep of an objective to be reworded
                kept = "done" if kr_score >= 0.9 else rng.choice(("carry", "drop"))
                decisions.append((new_id(rng), retro_id, None, kr_id, kept, ""))


_ANSWERS = (_ACHIEVED, _MISSED, _PROCESS, _KEEP, _STOP, _START)
