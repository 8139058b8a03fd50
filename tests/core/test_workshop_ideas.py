"""Brainstorm, duplicates, the dot vote, the ranking and the promotion of candidates."""

from __future__ import annotations

import pytest

from okrdesk.errors import NotFoundError, ValidationError
from okrdesk.services import entities, operations, workshop
from okrdesk.services.views import okr_tree
from okrdesk.services.workshop_ideas import (
    add_candidates,
    find_duplicates,
    group,
    group_duplicates,
    other_wordings,
    promote,
    split_candidates,
    ungroup,
)
from okrdesk.services.workshop_votes import ranking, set_dots, tally

PASTED = """\
- Delight our regulars
* Grow the online shop
• Make every machine ready the same day
1. Grow the online shop!
2) delight   OUR regular
Become the first call for cafe owners; Cut the waste of coffee
"""


@pytest.fixture
def session_id(ws, planned) -> str:
    return workshop.start_session(ws, "Q4 planning", planned["cycle"])


def texts(ws, session_id: str) -> list[str]:
    return [c["text"] for c in entities.list_items(ws, "candidate", session_id=session_id)]


def test_pasted_lists_split_into_items():
    assert split_candidates(PASTED) == [
        "Delight our regulars",
        "Grow the online shop",
        "Make every machine ready the same day",
        "Grow the online shop!",
        "delight OUR regular",
        "Become the first call for cafe owners",
        "Cut the waste of coffee",
    ]
    assert split_candidates("a)\tb) Two\r\n(3) Three\n[ ] Four\n\n  \n") == ["Two", "Three", "Four"]
    # Numbers that are part of the idea stay.
    assert split_candidates("3 new cafés in Basel\n-5% waste") == [
        "3 new cafés in Basel",
        "-5% waste",
    ]


def test_duplicates_ignore_case_spacing_punctuation_small_words_and_typos():
    items = [*split_candidates(PASTED), "Make evry machine ready the same day", "Grow wholesale"]
    assert find_duplicates(items) == [[0, 4], [1, 3], [2, 7]]
    assert find_duplicates(["Grow", "Glow"]) == []


def test_grouping_puts_duplicates_under_the_first_and_can_be_undone(ws, session_id):
    add_candidates(ws, session_id, PASTED)
    edit = operations.run(ws, "", group_duplicates, session_id).edit
    ranked = ranking(ws, session_id)
    assert [(r.text, r.members) for r in ranked] == [
        ("Delight our regulars", ("delight OUR regular",)),
        ("Grow the online shop", ("Grow the online shop!",)),
        ("Make every machine ready the same day", ()),
        ("Become the first call for cafe owners", ()),
        ("Cut the waste of coffee", ()),
    ]
    assert operations.run(ws, "", group_duplicates, session_id).edit.empty  # nothing to group
    operations.undo(ws, edit)
    assert len(ranking(ws, session_id)) == 7
    operations.redo(ws, edit)
    assert len(ranking(ws, session_id)) == 5


def test_grouping_by_hand_and_ungrouping(ws, session_id):
    add_candidates(ws, session_id, ["Win cafe owners", "Be the first call", "Own Freiburg"])
    ids = [c["id"] for c in entities.list_items(ws, "candidate", session_id=session_id)]
    group(ws, [ids[1], ids[0]])
    assert ranking(ws, session_id)[0].members == ("Be the first call",)
    group(ws, [ids[2], ids[1]])  # joins the existing group, under its first candidate
    assert ranking(ws, session_id)[0].member_ids == (ids[1], ids[2])
    ungroup(ws, ids[0])
    assert len(ranking(ws, session_id)) == 3


def test_adding_refuses_empty_or_too_long_items_and_writes_nothing(ws, session_id):
    with pytest.raises(ValidationError, match="Nothing to add"):
        add_candidates(ws, session_id, "\n - \n")
    with pytest.raises(ValidationError, match="Item 2"):
        add_candidates(ws, session_id, "Fine\n" + "x" * 301)
    assert texts(ws, session_id) == []


def vote_setup(ws, session_id: str) -> tuple[list[str], list[str]]:
    add_candidates(
        ws, session_id, "Delight our regulars\nGrow online\nSame-day repairs\nGrow online!"
    )
    group_duplicates(ws, session_id)
    workshop.add_participants(ws, session_id, "Paula\nJonas\nMira")
    candidates = [c["id"] for c in entities.list_items(ws, "candidate", session_id=session_id)]
    people = [p.id for p in workshop.participants(ws, session_id)]
    return candidates, people


def test_dots_per_participant_within_the_budget(ws, session_id):
    (regulars, online, repairs, online_dup), (paula, jonas, mira) = vote_setup(ws, session_id)
    set_dots(ws, regulars, paula, 2)
    set_dots(ws, online_dup, paula, 1)  # a duplicate's dots count for its group
    with pytest.raises(ValidationError, match=r"Paula has 3 dot.*given 3 elsewhere.*at most 0"):
        set_dots(ws, repairs, paula, 1)
    set_dots(ws, regulars, paula, 1)  # changing a vote frees dots
    set_dots(ws, repairs, paula, 1)
    set_dots(ws, online, jonas, 3)
    set_dots(ws, regulars, mira, 1)
    set_dots(ws, repairs, mira, 1)
    result = tally(ws, session_id)
    assert result.used == {paula: 3, jonas: 3, mira: 2}
    assert result.left(mira) == 1
    assert [(r.text, r.dots, r.rank) for r in result.ranked] == [
        ("Grow online", 4, 1),
        ("Delight our regulars", 2, 2),
        ("Same-day repairs", 2, 2),
    ]
    assert result.ranked[0].by_participant == {paula: 1, jonas: 3}


def test_room_totals_and_taking_dots_back(ws, session_id):
    (regulars, online, repairs, _dup), (paula, *_rest) = vote_setup(ws, session_id)
    set_dots(ws, repairs, None, 7)
    edit = operations.run(ws, "", set_dots, repairs, None, 5).edit
    set_dots(ws, online, paula, 2)
    set_dots(ws, online, paula, 0)
    assert [(r.text, r.dots) for r in ranking(ws, session_id)] == [
        ("Same-day repairs", 5),
        ("Delight our regulars", 0),
        ("Grow online", 0),
    ]
    operations.undo(ws, edit)
    assert ranking(ws, session_id)[0].dots == 7
    with pytest.raises(ValidationError, match="whole number"):
        set_dots(ws, regulars, None, -1)


def test_votes_refuse_strangers_and_closed_candidates(ws, session_id, planned):
    (regulars, *_c), _people = vote_setup(ws, session_id)
    other = workshop.start_session(ws, "Other", planned["cycle"])
    stranger = entities.create(ws, "participant", session_id=other, name="Stranger")
    with pytest.raises(NotFoundError, match="not in this session"):
        set_dots(ws, regulars, stranger, 1)
    promote(ws, session_id, [regulars], planned["team"])
    with pytest.raises(ValidationError, match="already promoted"):
        set_dots(ws, regulars, None, 1)


def test_promotion_makes_draft_objectives_and_parks_the_rest_in_one_step(ws, session_id, planned):
    (_regulars, online, repairs, online_dup), (paula, *_r) = vote_setup(ws, session_id)
    set_dots(ws, online, paula, 3)
    before = okr_tree(ws, planned["cycle"], planned["team"]).teams[0].objectives
    edit = operations.run(ws, "", promote, session_id, [online_dup, repairs], planned["team"]).edit
    objectives = okr_tree(ws, planned["cycle"], planned["team"]).teams[0].objectives
    made = objectives[len(before) :]
    assert [(o.title, o.status) for o in made] == [
        ("Grow online", "draft"),
        ("Same-day repairs", "draft"),
    ]
    statuses = {c["text"]: c["status"] for c in entities.list_items(ws, "candidate")}
    assert statuses == {
        "Delight our regulars": "parked",
        "Grow online": "promoted",
        "Grow online!": "promoted",
        "Same-day repairs": "promoted",
    }
    assert [i.text for i in workshop.parking_lot(ws, session_id)] == ["Delight our regulars"]
    operations.undo(ws, edit)
    assert len(okr_tree(ws, planned["cycle"], planned["team"]).teams[0].objectives) == len(before)
    assert workshop.parking_lot(ws) == []
    assert {c["status"] for c in entities.list_items(ws, "candidate")} == {"open"}
    operations.redo(ws, edit)
    assert len(okr_tree(ws, planned["cycle"], planned["team"]).teams[0].objectives) == 3


def test_key_result_candidates_go_under_a_chosen_objective(ws, session_id, planned):
    add_candidates(ws, session_id, "Cut reply time to 4 hours\nRaise CSAT to 90%", "key_result")
    add_candidates(ws, session_id, "An objective idea")
    first, _second, idea = [c["id"] for c in entities.list_items(ws, "candidate")]
    with pytest.raises(ValidationError, match="Choose the objective"):
        promote(ws, session_id, [first], planned["team"])
    with pytest.raises(ValidationError, match="separately"):
        promote(ws, session_id, [first, idea], planned["team"], objective_id=planned["objective"])
    promote(ws, session_id, [first], objective_id=planned["objective"])
    tree = okr_tree(ws, planned["cycle"], planned["team"])
    assert tree.teams[0].objectives[0].key_results[-1].title == "Cut reply time to 4 hours"
    statuses = [c["status"] for c in entities.list_items(ws, "candidate")]
    assert statuses == ["promoted", "parked", "open"]  # the objective idea is not parked


def test_promotion_needs_a_choice_a_team_and_open_candidates(ws, session_id, planned):
    add_candidates(ws, session_id, "One\nTwo")
    one, _two = [c["id"] for c in entities.list_items(ws, "candidate")]
    with pytest.raises(ValidationError, match="Choose the candidates"):
        promote(ws, session_id, [], planned["team"])
    with pytest.raises(ValidationError, match="Choose the team"):
        promote(ws, session_id, [one], None)
    promote(ws, session_id, [one], planned["team"])
    with pytest.raises(ValidationError, match="already promoted"):
        promote(ws, session_id, [one], planned["team"])


def test_other_wordings_leave_out_what_only_repeats_the_idea():
    assert other_wordings("Read more", ["read more!", "Read  more"]) == ()
    assert other_wordings("Read more", ["Read more books", "read more books", "Read more"]) == (
        "Read more books",
    )
