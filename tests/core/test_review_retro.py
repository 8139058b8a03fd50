"""The review (grades, scores, rollups, meaning) and the retrospective with carry-forward."""

from __future__ import annotations

import pytest

from okrdesk.errors import NotFoundError, ValidationError
from okrdesk.services import (
    carry_forward,
    checkins,
    coaching,
    entities,
    lifecycle,
    operations,
    retrospective,
    review,
)
from okrdesk.services.changes import Changes
from okrdesk.services.workspace import Workspace


def close(ws: Workspace, cycle: str = "2026-Q4") -> None:
    for step in ("active", "review", "closed"):
        lifecycle.set_state(ws, cycle, step)


def to_review(ws: Workspace, cycle: str = "2026-Q4") -> None:
    for step in ("active", "review"):
        lifecycle.set_state(ws, cycle, step)


def objective_review(ws: Workspace, objective_id: str) -> review.ObjectiveReview:
    view = review.review(ws, "2026-Q4")
    return next(o for t in view.teams for o in t.objectives if o.id == objective_id)


@pytest.fixture
def measured(ws: Workspace, planned: dict[str, str]) -> dict[str, str]:
    """Q4 with check-ins: kr1 20 → 4 hours now at 12 (0.5), kr2 78 → 90 % now at 85 (0.58)."""
    checkins.record_check_in(ws, planned["kr1"], 12, "at risk", on="2026-12-18")
    checkins.record_check_in(ws, planned["kr2"], 85, "on track", on="2026-12-18")
    return planned


# -- review ------------------------------------------------------------------------------------


def test_scores_come_from_grades_else_suggestions(ws: Workspace, measured: dict[str, str]) -> None:
    o = objective_review(ws, measured["objective"])
    assert [(kr.suggested, kr.grade, kr.score) for kr in o.key_results] == [
        (0.5, None, 0.5),
        (0.6, None, 0.6),
    ]
    assert o.computed == pytest.approx(0.55) and o.band == "amber"
    assert (o.outcome, o.outcome_label) == (None, None)  # not "missed" while the cycle runs
    to_review(ws)
    o = objective_review(ws, measured["objective"])
    assert (o.outcome, o.outcome_label) == ("missed", "Missed")  # the end result
    graded = review.grade_key_result(ws, measured["kr1"], "0,9", "the last week counted double")
    assert (graded.grade, graded.overridden, graded.comment) == (
        0.9,
        True,
        "the last week counted double",
    )
    assert graded.confidence == "at_risk"
    entities.update(ws, "key_result", measured["kr2"], weight=3)
    o = objective_review(ws, measured["objective"])
    assert o.score == pytest.approx((0.9 + 3 * 0.6) / 4) and o.band == "amber"
    # Back to the suggestion: the comment stays unless replaced.
    again = review.grade_key_result(ws, measured["kr1"], None)
    assert (again.grade, again.overridden, again.comment) == (
        0.5,
        False,
        "the last week counted double",
    )


def test_objective_override_and_meaning_by_kind(ws: Workspace, measured: dict[str, str]) -> None:
    to_review(ws)
    done = review.set_objective_grade(ws, measured["objective"], 1, "customers say so")
    assert (done.score, done.override, done.outcome, done.comment) == (
        1.0,
        1.0,
        "met",
        "customers say so",
    )
    back = review.set_objective_grade(ws, measured["objective"], None)
    assert back.override is None and back.score == back.computed
    assert back.comment == "customers say so"
    entities.update(ws, "objective", measured["objective"], kind="aspirational")
    review.set_objective_grade(ws, measured["objective"], 0.7)
    o = objective_review(ws, measured["objective"])
    assert (o.outcome, o.outcome_label, o.band) == ("success", "Success", "green")
    review.set_objective_grade(ws, measured["objective"], 0.6)
    assert objective_review(ws, measured["objective"]).outcome == "shortfall"


def test_bands_come_from_the_workspace_settings(ws: Workspace, measured: dict[str, str]) -> None:
    assert objective_review(ws, measured["objective"]).band == "amber"
    info = ws.info()
    entities.update(ws, "workspace", info.id, settings={"bands": {"green_from": 0.5}})
    view = review.review(ws, "2026-Q4")
    assert view.bands == {"red_below": 0.4, "green_from": 0.5}
    assert objective_review(ws, measured["objective"]).band == "green"
    entities.update(ws, "workspace", info.id, settings={"bands": {"green": 0.5}})
    with pytest.raises(ValidationError, match="workspace setting 'bands' is not usable"):
        review.review(ws, "2026-Q4")


def test_team_and_cycle_rollups(ws: Workspace, measured: dict[str, str]) -> None:
    company_objective = entities.create(
        ws,
        "objective",
        cycle_id=measured["cycle"],
        team_id=measured["company"],
        title="Be the service cafés recommend",
    )
    kr = entities.create(
        ws, "key_result", objective_id=company_objective, title="Ship it", kind="milestone"
    )
    checkins.record_check_in(ws, kr, "done", on="2026-12-01")
    entities.create(
        ws, "objective", cycle_id=measured["cycle"], team_id=measured["team"], title="Later"
    )
    view = review.review(ws, "2026-Q4")
    assert [t.name for t in view.teams] == ["Company", "Support"]  # tree order
    company, support = view.teams
    assert company.score == 1.0 and company.band == "green"
    # An objective without key results has no score and is left out of the mean.
    assert [o.score for o in support.objectives][1] is None
    assert support.score == pytest.approx(0.55)
    assert view.score == pytest.approx((1.0 + 0.55) / 2)
    assert (view.key_results, view.graded) == (3, 0)
    only = review.review(ws, "2026-Q4", team="support")
    assert [t.name for t in only.teams] == ["Support"]


def test_grades_are_checked_and_closed_cycles_refuse_them(
    ws: Workspace, planned: dict[str, str]
) -> None:
    with pytest.raises(ValidationError, match=r"a grade is between 0 and 1 \(got 1.2\)"):
        review.grade_key_result(ws, planned["kr1"], 1.2)
    with pytest.raises(ValidationError, match="no check-ins to suggest a grade from"):
        review.grade_key_result(ws, planned["kr1"], None)
    with pytest.raises(ValidationError, match="Grade must be a number"):
        review.grade_key_result(ws, planned["kr1"], "good")
    with pytest.raises(NotFoundError):
        review.set_objective_grade(ws, "nope", 0.5)
    review.grade_key_result(ws, planned["kr1"], 0.3)
    close(ws)
    with pytest.raises(ValidationError, match="closed"):
        review.grade_key_result(ws, planned["kr1"], 0.4)
    with pytest.raises(ValidationError, match="closed"):
        review.set_objective_grade(ws, planned["objective"], 0.4, "late")
    assert [g["score"] for g in entities.list_items(ws, "key_result_grade")] == [0.3]
    assert entities.list_items(ws, "objective_grade") == []


# -- retrospective -----------------------------------------------------------------------------


def test_answers_are_saved_and_loaded(ws: Workspace, planned: dict[str, str]) -> None:
    empty = retrospective.load_retrospective(ws, "Support", "2026-Q4")
    assert empty.id is None and set(empty.answers.values()) == {""}
    assert [i.kind for i in empty.items] == ["objective", "key_result", "key_result"]
    retrospective.save_retrospective(
        ws, "support", "2026-q4", achieved=" Faster replies ", **{"continue": "Daily standup"}
    )
    retrospective.save_retrospective(ws, "Support", "2026-Q4", missed="CSAT survey")
    view = retrospective.load_retrospective(ws, "Support", "2026-Q4")
    assert view.answers == {
        "achieved": "Faster replies",
        "missed": "CSAT survey",
        "process": "",
        "keep_doing": "Daily standup",
        "stop_doing": "",
        "start_doing": "",
    }
    with pytest.raises(ValidationError, match="no question 'mood'"):
        retrospective.save_retrospective(ws, "Support", "2026-Q4", mood="fine")
    close(ws)
    with pytest.raises(ValidationError, match="closed"):
        retrospective.save_retrospective(ws, "Support", "2026-Q4", process="changed")
    assert retrospective.load_retrospective(ws, "Support", "2026-Q4").answers["process"] == ""


def test_decisions_are_checked(ws: Workspace, planned: dict[str, str]) -> None:
    with pytest.raises(ValidationError, match="a decision is one of carry, modify, drop, done"):
        retrospective.set_carry_decisions(ws, "Support", "2026-Q4", {planned["kr1"]: "keep"})
    with pytest.raises(NotFoundError, match="is not an objective or key result of Company"):
        retrospective.set_carry_decisions(ws, "Company", "2026-Q4", {planned["kr1"]: "carry"})
    assert entities.list_items(ws, "carry_decision") == []
    view = retrospective.set_carry_decisions(
        ws, "Support", "2026-Q4", {planned["kr1"]: ("modify", "too easy"), planned["kr2"]: "drop"}
    )
    assert {i.id: (i.decision, i.note) for i in view.items if i.kind == "key_result"} == {
        planned["kr1"]: ("modify", "too easy"),
        planned["kr2"]: ("drop", ""),
    }
    view = retrospective.set_carry_decisions(ws, "Support", "2026-Q4", {planned["kr2"]: None})
    assert [i.decision for i in view.items] == [None, "modify", None]


@pytest.fixture
def rich(ws: Workspace, measured: dict[str, str]) -> dict[str, str]:
    """Q4 closed-ready: theme, initiatives, an alignment link and a three-level result."""
    ids = dict(measured)
    ids["theme"] = entities.create(ws, "theme", cycle_id=ids["cycle"], name="Care")
    entities.update(ws, "objective", ids["objective"], theme_id=ids["theme"], owner="Ana")
    entities.update(ws, "key_result", ids["kr1"], owner="Ben", weight=2)
    ids["company_objective"] = entities.create(
        ws, "objective", cycle_id=ids["cycle"], team_id=ids["company"], title="Be recommended"
    )
    ids["link"] = entities.create(
        ws,
        "alignment_link",
        objective_id=ids["objective"],
        parent_objective_id=ids["company_objective"],
        weight=0.5,
    )
    ids["kr3"] = entities.create(
        ws,
        "key_result",
        objective_id=ids["objective"],
        title="Grow self-service answers to 50",
        kind="three_level",
        start=10,
        commit_level=30,
        target=50,
        stretch_level=70,
        unit="answers",
    )
    checkins.record_check_in(ws, ids["kr3"], 35, on="2026-12-18")
    open_work = entities.create(
        ws, "initiative", objective_id=ids["objective"], title="Chat widget", owner="Cy"
    )
    entities.link_key_results(ws, open_work, [ids["kr1"]])
    entities.create(
        ws, "initiative", objective_id=ids["objective"], title="Hire two agents", status="done"
    )
    only_kr2 = entities.create(ws, "initiative", objective_id=ids["objective"], title="Survey")
    entities.link_key_results(ws, only_kr2, [ids["kr2"]])
    return ids


def carried(ws: Workspace, cycle: str = "2027-Q1") -> list[dict]:
    cycle_id = next(c["id"] for c in entities.list_items(ws, "cycle") if c["name"] == cycle)
    return entities.list_items(ws, "objective", cycle_id=cycle_id)


def test_carry_forward_into_a_new_quarter(ws: Workspace, rich: dict[str, str]) -> None:
    retrospective.set_carry_decisions(
        ws,
        "Support",
        "2026-Q4",
        {rich["objective"]: "carry", rich["kr2"]: "done", rich["kr3"]: ("modify", "count bots")},
    )
    close(ws)  # a closed cycle can still be carried forward: only the next one is written
    result = carry_forward.apply_carry_forward(ws, "Support", "2026-Q4")
    assert (result.next_cycle, result.created_cycle) == ("2027-Q1", True)
    q1 = entities.get(ws, "cycle", result.next_cycle_id)
    assert (str(q1["start_date"]), str(q1["end_date"]), q1["state"]) == (
        "2027-01-01",
        "2027-03-31",
        "planning",
    )
    (new,) = carried(ws)
    assert result.objectives == (new["id"],) and result.to_reword == (new["id"],)
    assert (new["title"], new["owner"], new["status"]) == (
        "Make every customer feel heard",
        "Ana",
        "draft",  # one of its key results is to be reworded
    )
    assert new["why"] == "To reword: Grow self-service answers to 50: count bots"
    theme = entities.get(ws, "theme", new["theme_id"])
    assert (theme["name"], theme["cycle_id"]) == ("Care", result.next_cycle_id)
    krs = entities.list_items(ws, "key_result", objective_id=new["id"])
    assert [k["title"] for k in krs] == [
        "Cut first reply time from 12 hours to 4",  # reworded: it starts where it stood
        "Grow self-service answers to 50",
    ]
    kr1, kr3 = krs
    assert (kr1["start"], kr1["target"], kr1["unit"], kr1["owner"], kr1["weight"]) == (
        12.0,
        4.0,
        "hours",
        "Ben",
        2.0,
    )
    assert (kr1["current"], kr1["confidence"], kr1["direction"]) == (None, None, "decrease")
    assert (kr3["kind"], kr3["start"], kr3["commit_level"], kr3["stretch_level"]) == (
        "three_level",
        35.0,
        30.0,
        70.0,
    )
    initiatives = entities.list_items(ws, "initiative", objective_id=new["id"])
    assert [i["title"] for i in initiatives] == ["Chat widget"]  # not done work, nor kr2's
    (link,) = entities.list_items(ws, "alignment_link", objective_id=new["id"])
    assert (link["parent_objective_id"], link["weight"]) == (rich["company_objective"], 0.5)
    # The old cycle is untouched.
    assert len(entities.list_items(ws, "key_result", objective_id=rich["objective"])) == 3


def test_a_second_run_is_refused_until_the_drafts_are_gone(
    ws: Workspace, rich: dict[str, str]
) -> None:
    entities.update(ws, "objective", rich["objective"], status="final")
    retrospective.set_carry_decisions(ws, "Support", "2026-Q4", {rich["kr1"]: "carry"})
    first = carry_forward.apply_carry_forward(ws, "Support", "2026-Q4")
    (new,) = carried(ws)
    assert new["status"] == "final" and first.to_reword == ()  # carried as it was
    assert [k["title"] for k in entities.list_items(ws, "key_result", objective_id=new["id"])] == [
        "Cut first reply time from 12 hours to 4"
    ]
    view = retrospective.load_retrospective(ws, "Support", "2026-Q4")
    assert view.carried_into == "2027-Q1"
    with pytest.raises(ValidationError, match="already carried forward into 2027-Q1"):
        carry_forward.apply_carry_forward(ws, "Support", "2026-Q4")
    assert len(carried(ws)) == 1
    entities.delete(ws, "objective", first.objectives[0])
    again = carry_forward.apply_carry_forward(ws, "Support", "2026-Q4")
    assert again.created_cycle is False and len(carried(ws)) == 1


def test_undoing_a_carry_into_an_existing_cycle_takes_the_carried_state_back(
    ws: Workspace, rich: dict[str, str]
) -> None:
    """Undo of "Carry forward" deletes the drafts it made, with their contents, and the
    themes it added; redo restores the same rows."""
    entities.create(ws, "cycle", name="2027-Q1", start_date="2027-01-01", end_date="2027-03-31")
    retrospective.set_carry_decisions(ws, "Support", "2026-Q4", {rich["objective"]: "carry"})
    themes_before = {t["id"] for t in entities.list_items(ws, "theme")}
    done = operations.run(ws, "", carry_forward.apply_carry_forward, "Support", "2026-Q4")
    result = done.value
    assert result.created_cycle is False  # into the existing cycle: it stays after the undo
    assert retrospective.load_retrospective(ws, "Support", "2026-Q4").carried_into == "2027-Q1"
    new_themes = {t["id"] for t in entities.list_items(ws, "theme")} - themes_before
    assert new_themes and set(done.edit.created_ids("theme")) == new_themes

    operations.undo(ws, done.edit)
    assert carried(ws) == []
    assert {t["id"] for t in entities.list_items(ws, "theme")} == themes_before

    view = retrospective.load_retrospective(ws, "Support", "2026-Q4")
    assert view.carried_into is None  # no longer says "Carried forward into 2027-Q1"

    operations.redo(ws, done.edit)
    assert set(result.objectives) <= {o["id"] for o in entities.list_items(ws, "objective")}
    assert retrospective.load_retrospective(ws, "Support", "2026-Q4").carried_into == "2027-Q1"


def test_what_is_dropped_or_done_stays_behind(ws: Workspace, rich: dict[str, str]) -> None:
    retrospective.set_carry_decisions(
        ws, "Support", "2026-Q4", {rich["objective"]: "drop", rich["kr1"]: "carry"}
    )
    result = carry_forward.apply_carry_forward(ws, "Support", "2026-Q4")
    assert result.objectives == () and carried(ws) == []
    retrospective.set_carry_decisions(
        ws, "Support", "2026-Q4", {rich["objective"]: "done", rich["kr1"]: None}
    )
    assert carry_forward.apply_carry_forward(ws, "Support", "2026-Q4").objectives == ()
    # Undecided items are not carried; an undecided objective comes along with its
    # key results that are.
    retrospective.set_carry_decisions(
        ws, "Support", "2026-Q4", {rich["objective"]: None, rich["kr2"]: "carry"}
    )
    carry_forward.apply_carry_forward(ws, "Support", "2026-Q4")
    (new,) = carried(ws)
    krs = entities.list_items(ws, "key_result", objective_id=new["id"])
    assert [k["title"] for k in krs] == ["Raise CSAT from 85% to 90%"]  # from where it stood


def test_whole_cycle_carry_points_links_at_the_new_objectives(
    ws: Workspace, rich: dict[str, str]
) -> None:
    retrospective.set_carry_decisions(ws, "Support", "2026-Q4", {rich["objective"]: "carry"})
    retrospective.set_carry_decisions(
        ws, "Company", "2026-Q4", {rich["company_objective"]: ("modify", "say who recommends")}
    )
    result = carry_forward.apply_carry_forward(ws, None, "2026-Q4")
    assert len(result.objectives) == 2
    new = {o["title"]: o for o in carried(ws)}
    support, company = new["Make every customer feel heard"], new["Be recommended"]
    assert company["status"] == "draft" and company["why"] == "To reword: say who recommends"
    (link,) = entities.list_items(ws, "alignment_link", objective_id=support["id"])
    assert link["parent_objective_id"] == company["id"]
    # Its undecided key results followed the objective, each starting where it stands.
    starts = [k["start"] for k in entities.list_items(ws, "key_result", objective_id=support["id"])]
    assert starts == [12.0, 85.0, 35.0]


def test_links_follow_a_parent_carried_later(ws: Workspace, rich: dict[str, str]) -> None:
    retrospective.set_carry_decisions(ws, "Support", "2026-Q4", {rich["objective"]: "carry"})
    retrospective.set_carry_decisions(
        ws, "Company", "2026-Q4", {rich["company_objective"]: "carry"}
    )
    carry_forward.apply_carry_forward(ws, "Support", "2026-Q4")
    carry_forward.apply_carry_forward(ws, "Company", "2026-Q4")
    new = {o["title"]: o for o in carried(ws)}
    (link,) = entities.list_items(
        ws, "alignment_link", objective_id=new["Make every customer feel heard"]["id"]
    )
    assert link["parent_objective_id"] == new["Be recommended"]["id"]


def test_into_a_closed_cycle_is_refused_and_writes_nothing(
    ws: Workspace, rich: dict[str, str]
) -> None:
    retrospective.set_carry_decisions(ws, "Support", "2026-Q4", {rich["objective"]: "carry"})
    entities.create(ws, "cycle", name="Next", start_date="2027-01-01", end_date="2027-03-31")
    close(ws, "Next")
    before = {k: len(entities.list_items(ws, k)) for k in ("objective", "key_result", "theme")}
    with pytest.raises(ValidationError, match="cycle Next is closed"):
        carry_forward.apply_carry_forward(ws, "Support", "2026-Q4", next_cycle="next")
    with pytest.raises(ValidationError, match="cycle Next is closed"):
        carry_forward.apply_carry_forward(ws, "Support", "2026-Q4")  # found by its dates
    after = {k: len(entities.list_items(ws, k)) for k in ("objective", "key_result", "theme")}
    assert after == before
    with pytest.raises(ValidationError, match="another cycle than the one reviewed"):
        carry_forward.apply_carry_forward(ws, "Support", "2026-Q4", next_cycle="2026-Q4")
    lifecycle.set_state(ws, "Next", "review")  # reopened
    with pytest.raises(ValidationError, match="Company has no retrospective for 2026-Q4"):
        carry_forward.apply_carry_forward(ws, "Company", "2026-Q4")


def test_every_call_is_one_change(ws: Workspace, measured: dict[str, str]) -> None:
    heard: list[Changes] = []
    ws.subscribe(heard.append)
    review.grade_key_result(ws, measured["kr1"], 0.5)
    review.set_objective_grade(ws, measured["objective"], None, "fine")
    retrospective.save_retrospective(ws, "Support", "2026-Q4", achieved="Faster")
    retrospective.set_carry_decisions(ws, "Support", "2026-Q4", {measured["objective"]: "carry"})
    carry_forward.apply_carry_forward(ws, "Support", "2026-Q4")
    lifecycle.set_state(ws, "2026-Q4", "active")
    assert len(heard) == 6
    assert heard[0].kinds() == {"key_result_grade"}
    assert heard[1].kinds() == {"objective_grade"}
    assert heard[2].kinds() == {"retrospective"}
    assert heard[3].kinds() == {"carry_decision"}
    assert {"objective", "key_result", "cycle", "workspace"} <= heard[4].kinds()
    assert heard[5].kinds() == {"cycle"}
    (grade,) = entities.list_items(ws, "key_result_grade")
    (retro,) = entities.list_items(ws, "retrospective")
    assert heard[0].ids("key_result_grade", "created") == {grade["id"]}
    assert heard[2].ids("retrospective", "created") == {retro["id"]}


def test_carried_sentences_follow_the_new_start_or_the_coach_says_they_disagree(
    ws: Workspace, planned: dict[str, str]
) -> None:
    """The workshop's Year 9 absence went 38 → 27 in Q4: its sentence in Q1 says 27 → 20."""
    absence = entities.create(
        ws,
        "key_result",
        objective_id=planned["objective"],
        title="Cut Year 9 absence from 38 to 20 students",
        start=38,
        target=20,
    )
    spelled = entities.create(
        ws,
        "key_result",
        objective_id=planned["objective"],
        title="Cut late arrivals from forty to ten a week",
        start=40,
        target=10,
    )
    levels = entities.create(
        ws,
        "key_result",
        objective_id=planned["objective"],
        title="Raise pupils in reading club from 10 to 30",
        kind="three_level",
        start=10,
        target=30,
        commit_level=20,
        stretch_level=40,
    )
    checkins.record_check_in(ws, levels, 15, "at risk", on="2026-12-18")
    checkins.record_check_in(ws, absence, 27, "at risk", on="2026-12-18")
    checkins.record_check_in(ws, spelled, 30, "at risk", on="2026-12-18")
    retrospective.set_carry_decisions(ws, "Support", "2026-Q4", {planned["objective"]: "carry"})
    carry_forward.apply_carry_forward(ws, "Support", "2026-Q4")
    (new,) = carried(ws)
    krs = {k["start"]: k for k in entities.list_items(ws, "key_result", objective_id=new["id"])}
    assert krs[27]["title"] == "Cut Year 9 absence from 27 to 20 students"
    assert krs[30]["title"] == "Cut late arrivals from forty to ten a week"  # words stay
    assert krs[15]["title"] == "Raise pupils in reading club from 15 to 30"  # three levels too
    found = [
        (f.item_title, f.finding.message)
        for f in coaching.check_workspace(ws, cycle="2027-Q1")
        if f.finding.rule == "key-result-numbers-disagree"
    ]
    assert found == [
        (
            "Cut late arrivals from forty to ten a week",
            "The sentence says start 40, but the key result's numbers say start 30.",
        )
    ]
