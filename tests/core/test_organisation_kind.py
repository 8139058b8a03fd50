"""Not every organisation is a company: its kind names the top level and picks the examples."""

from __future__ import annotations

from datetime import date

import pytest

from okrdesk.errors import ValidationError
from okrdesk.services import coaching, entities, operations, organisation, planning
from okrdesk.services.workspace import Workspace
from okrdesk.vocabulary import ORGANISATION_KINDS

TODAY = date(2026, 12, 4)


def test_a_workspace_that_never_chose_is_a_company(ws: Workspace) -> None:
    assert organisation.organisation_kind(ws) == "company"
    assert organisation.top_word("company") == "company"
    assert organisation.examples("company").key_result == "Raise repeat orders from 18% to 25%"


def test_the_kind_is_kept_in_the_settings_as_one_undo_step(ws: Workspace) -> None:
    done = operations.run(ws, "", organisation.set_organisation_kind, "school")
    assert organisation.organisation_kind(ws) == "school"
    assert ws.info().settings["organisation_kind"] == "school"
    assert done.edit.label == "Set the kind of organisation"
    operations.undo(ws, done.edit)
    assert organisation.organisation_kind(ws) == "company"
    with pytest.raises(ValidationError, match="one of company, school, ministry, non-profit"):
        organisation.set_organisation_kind(ws, "army")


def test_every_kind_has_its_own_examples() -> None:
    assert set(organisation.EXAMPLES) == set(ORGANISATION_KINDS)
    seen = [organisation.examples(kind) for kind in ORGANISATION_KINDS]
    for field in ("theme", "objective", "key_result", "initiative"):
        texts = [getattr(examples, field) for examples in seen]
        assert len(set(texts)) == len(texts), field  # no kind borrows another's
    school = organisation.examples("school")
    assert "pupils" in school.key_result and "order" not in school.key_result


def test_the_step_list_names_the_top_by_the_kind(ws: Workspace) -> None:
    organisation.set_organisation_kind(ws, "school")
    cycle, school = planning.ensure_cycle_and_company(ws, "Hillside School", TODAY)
    entities.create(ws, "objective", cycle_id=cycle, team_id=school, title="Every pupil reads")
    status = {s.step.key: s for s in planning.step_status(ws, cycle, school)}
    assert status["alignment"].reason == "the school's objectives are the top of the tree"


def test_alignment_is_not_done_before_there_is_an_objective(ws: Workspace) -> None:
    """Defect 10: at the top of the tree, step 6 was ticked with nothing in it."""
    cycle, company = planning.ensure_cycle_and_company(ws, "Bergblick Bakery", TODAY)
    status = {s.step.key: s for s in planning.step_status(ws, cycle, company)}
    assert (status["alignment"].done, status["alignment"].reason) == (False, "no objectives yet")
    assert not any(s.done for s in status.values())  # nothing is done in an empty workspace
    entities.create(ws, "objective", cycle_id=cycle, team_id=company, title="Bake well")
    status = {s.step.key: s for s in planning.step_status(ws, cycle, company)}
    assert status["alignment"].done
    assert status["alignment"].reason == "the company's objectives are the top of the tree"


def test_the_coach_quotes_the_workspaces_own_examples(ws: Workspace, planned: dict) -> None:
    """A school's coach says "e.g. <a school's key result>", never a shop's repeat orders."""
    entities.create(ws, "objective", cycle_id=planned["cycle"], team_id=planned["team"],
                    title="Improve processes", owner="Ana")  # fmt: skip

    def hints() -> str:
        return " ".join(f.finding.hint for f in coaching.check_workspace(ws, cycle="2026-Q4"))

    company = hints()
    assert organisation.examples("company").key_result in company  # no key results yet
    organisation.set_organisation_kind(ws, "school")
    school = hints()
    ours = organisation.examples("school")
    assert ours.key_result in school and ours.objective in school
    for business in ("Raise repeat orders", "Delight first-time buyers", "month-end close"):
        assert business not in school


def test_without_a_workspace_the_coach_quotes_neutral_examples() -> None:
    from okrdesk.coach import NEUTRAL, HintExamples, check_initiative, check_objective

    (empty,) = check_initiative("")
    assert NEUTRAL.initiative in empty.hint
    school = HintExamples("Make reading a daily pleasure", "Raise readers from 62% to 75%", "Read")
    (vague,) = check_objective("Improve processes", examples=school)
    assert '"Make reading a daily pleasure" instead of "Improve processes"' in vague.hint
