"""The guided planning session, driven as a facilitator would: real widgets, real files."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from okrdesk.services import entities, periods, planning
from okrdesk.services.views import okr_tree
from okrdesk.services.workspace import Workspace
from ui.guided import GuidedSessionWidget
from ui.guided.alignment import AlignmentPage
from ui.guided.foundation import FoundationPage
from ui.guided.initiatives import InitiativesPage
from ui.guided.key_results import KeyResultsPage
from ui.guided.objectives import ObjectivesPage
from ui.guided.review import ReviewPage
from ui.guided.themes import ThemesPage
from ui.session import WorkspaceSession

LEFT = Qt.MouseButton.LeftButton


class Sessions:
    """Workspace files opened in sessions; whatever is still open is closed at the end."""

    def __init__(self) -> None:
        self.opened: list[WorkspaceSession] = []

    def __call__(self, path: Path, create: bool = False) -> WorkspaceSession:
        ws = Workspace.create(path) if create else Workspace.open(path)
        session = WorkspaceSession(ws)
        self.opened.append(session)
        return session

    def close(self, session: WorkspaceSession) -> None:
        self.opened.remove(session)
        session.close()


@pytest.fixture
def open_session():
    sessions = Sessions()
    yield sessions
    for session in sessions.opened:
        session.close()


def guided(qtbot, session: WorkspaceSession) -> GuidedSessionWidget:
    widget = GuidedSessionWidget(session)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


def settle(qtbot, widget: GuidedSessionWidget) -> None:
    """Let the view catch up with the changes it heard (it refreshes once per burst)."""
    qtbot.waitUntil(lambda: not widget.refresh_pending, timeout=2000)


def type_text(qtbot, field: QWidget, text: str, replace: bool = True) -> None:
    field.setFocus()
    if replace:
        field.clear()
    qtbot.keyClicks(field, text)  # ASCII only: non-ASCII aborts Qt's test library


def enter(qtbot, field: QLineEdit) -> None:
    qtbot.keyClick(field, Qt.Key.Key_Return)


def add_by_title(qtbot, widget: GuidedSessionWidget, title: str) -> None:
    """Type a title into the page's editor and press Enter (saves it, moves to the next)."""
    edit = widget.current_page.editor.title_edit
    type_text(qtbot, edit, title)
    enter(qtbot, edit)
    settle(qtbot, widget)


def test_a_whole_session_from_an_empty_workspace(qtbot, tmp_path: Path, open_session) -> None:
    session = open_session(tmp_path / "bakery.okrdesk", create=True)
    ws = session.ws
    w = guided(qtbot, session)
    assert w.header.text() == "Step 1 of 7 — Foundation"
    assert not w.steps.buttons[1].isEnabled()  # nothing to plan in yet

    # 1. Foundation: the organisation's name, mission, vision, strategy.
    foundation = w.current_page
    assert isinstance(foundation, FoundationPage)
    type_text(qtbot, foundation.name_edit, "Bergblick Bakery")
    type_text(qtbot, foundation.areas["mission"], "We bake bread the valley is proud of.")
    type_text(qtbot, foundation.areas["vision"], "Every village has our bread by 7 am.")
    type_text(qtbot, foundation.areas["strategy"], "Few breads, baked twice a day, sold close.")
    with qtbot.waitSignal(w.context_changed) as created:
        qtbot.mouseClick(w.next_button, LEFT)
    cycle_id, company = created.args
    settle(qtbot, w)
    assert w.header.text() == "Step 2 of 7 — Themes"
    info = ws.info()
    assert (info.name, info.mission) == (
        "Bergblick Bakery",
        "We bake bread the valley is proud of.",
    )
    assert info.strategy == "Few breads, baked twice a day, sold close."
    # The period suggested today (the next quarter once this one is nearly over).
    suggested = periods.period_choices(date.today()).suggested
    assert entities.get(ws, "cycle", cycle_id)["name"] == suggested.name
    assert entities.get(ws, "team", company)["kind"] == "company"
    assert w.steps.buttons[0].mark.text() == "✓"

    # 2. Two themes, Enter after each.
    assert isinstance(w.current_page, ThemesPage)
    add_by_title(qtbot, w, "Fresh every morning")
    add_by_title(qtbot, w, "Beyond the town")
    themes = entities.list_items(ws, "theme", cycle_id=cycle_id)
    assert [t["name"] for t in themes] == ["Fresh every morning", "Beyond the town"]
    assert w.steps.buttons[1].mark.text() == "✓"
    assert "2 themes" in w.current_page.summary.text()

    # The keyboard moves on too.
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)
    w.current_page.editor.title_edit.setFocus()
    qtbot.keyClick(
        w.current_page.editor.title_edit, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier
    )
    assert w.header.text() == "Step 3 of 7 — Objectives"

    # 3. Objectives per theme; the coach flags a task and is quiet on a real objective.
    page = w.current_page
    assert isinstance(page, ObjectivesPage)
    assert page.select_new(theme_id=themes[0]["id"])
    coach = page.editor.coach
    assert coach is not None
    type_text(qtbot, page.editor.title_edit, "Finish the migration")
    qtbot.waitUntil(lambda: "objective-is-task" in coach.rules(), timeout=3000)
    assert "Warning" in coach.label.text()
    type_text(qtbot, page.editor.title_edit, "Bake bread our town is proud of")
    coach.check_now()
    assert coach.rules() == []
    assert "happy" in coach.label.text()
    enter(qtbot, page.editor.title_edit)
    settle(qtbot, w)
    assert page.select_new(theme_id=themes[1]["id"])
    add_by_title(qtbot, w, "Become the bakery people cross town for")
    objectives = entities.list_items(ws, "objective", cycle_id=cycle_id, team_id=company)
    assert [(o["title"], o["theme_id"]) for o in objectives] == [
        ("Bake bread our town is proud of", themes[0]["id"]),
        ("Become the bakery people cross town for", themes[1]["id"]),
    ]
    assert all(o["status"] == "draft" for o in objectives)

    # 4. Key results: the parsed metric fills start, target and unit.
    qtbot.mouseClick(w.next_button, LEFT)
    assert w.header.text() == "Step 4 of 7 — Key results"
    page = w.current_page
    assert isinstance(page, KeyResultsPage)
    first, second = (o["id"] for o in objectives)
    krs_of = {first: [], second: []}
    for objective_id, title in [
        (first, "Raise daily loaves sold from 300 to 450"),
        (first, "Cut waiting time at the counter from 8 minutes to 3"),
        (second, "Grow regular customers from 120 to 200"),
    ]:
        assert page.select_new(objective_id=objective_id)
        type_text(qtbot, page.editor.title_edit, title)
        page.editor.coach.check_now()
        assert page.editor.coach.fill_button.isVisible()
        qtbot.mouseClick(page.editor.coach.fill_button, LEFT)
        settle(qtbot, w)
        krs_of[objective_id].append(page.editor.item_id)
    waiting = entities.get(ws, "key_result", krs_of[first][1])
    assert (waiting["start"], waiting["target"], waiting["unit"]) == (8, 3, "minutes")
    assert waiting["direction"] == "decrease"
    assert page.editor.bindings["target"].widget.text() == "200"

    # A target that is not a number: a red message beside it, the typing kept, nothing saved.
    target = page.editor.bindings["target"]
    type_text(qtbot, target.widget, "lots")
    enter(qtbot, target.widget)
    assert target.error.isVisible()
    assert "Target must be a number (got 'lots')" in target.error.text()
    assert target.widget.text() == "lots"
    assert entities.get(ws, "key_result", krs_of[second][0])["target"] == 200
    type_text(qtbot, target.widget, "220")
    enter(qtbot, target.widget)
    assert not target.error.isVisible()
    assert entities.get(ws, "key_result", krs_of[second][0])["target"] == 220

    # Enter in the title adds the next key result; numbers typed in the fields come along.
    page.select_item(krs_of[second][0])
    enter(qtbot, page.editor.title_edit)
    assert page.editor.item_id is None
    type_text(qtbot, page.editor.title_edit, "Raise orders picked up on time from 70% to 95%")
    type_text(qtbot, page.editor.bindings["start"].widget, "70")
    type_text(qtbot, page.editor.bindings["target"].widget, "95")
    type_text(qtbot, page.editor.bindings["unit"].widget, "%")
    page.editor.title_edit.setFocus()
    enter(qtbot, page.editor.title_edit)
    settle(qtbot, w)
    krs = entities.list_items(ws, "key_result", objective_id=second)
    assert [(k["start"], k["target"], k["unit"]) for k in krs] == [
        (120, 220, ""),
        (70, 95, "%"),
    ]
    krs_of[second].append(krs[1]["id"])
    assert "2 key results ✓" in page.tree.topLevelItem(1).text(0)

    # 5. Initiatives, one per key result.
    qtbot.mouseClick(w.next_button, LEFT)
    page = w.current_page
    assert isinstance(page, InitiativesPage)
    work = {
        krs_of[first][0]: "Bake a second batch at noon",
        krs_of[first][1]: "Open a second till at rush hour",
        krs_of[second][0]: "Start a loyalty card",
        krs_of[second][1]: "Text customers when their order is ready",
    }
    for kr_id, title in work.items():
        assert page.select_new(link=kr_id)
        add_by_title(qtbot, w, title)
    assert w.steps.buttons[4].mark.text() == "✓"

    # A team, added through the team picker; the session switches to it.
    qtbot.mouseClick(w.bar.new_team_button, LEFT)
    type_text(qtbot, w.bar.new_team_name, "Shop")
    with qtbot.waitSignal(w.context_changed) as switched:
        qtbot.mouseClick(w.bar.add_team_button, LEFT)
    assert switched.args[0] == cycle_id
    shop = switched.args[1]
    assert entities.get(ws, "team", shop)["parent_id"] == company
    assert w.bar.team_box.currentData() == shop
    assert "Shop" in w.where.text()

    # The new team starts with its objectives, then key results and initiatives.
    assert w.header.text() == "Step 3 of 7 — Objectives"
    assert w.current_page.select_new(theme_id=themes[0]["id"])
    add_by_title(qtbot, w, "Make the morning rush a pleasure")
    shop_objective = entities.list_items(ws, "objective", team_id=shop)[0]["id"]
    qtbot.mouseClick(w.next_button, LEFT)
    for title in (
        "Cut the morning queue from 12 minutes to 4",
        "Raise rush-hour sales from 90 to 130",
    ):
        assert w.current_page.select_new(objective_id=shop_objective)
        type_text(qtbot, w.current_page.editor.title_edit, title)
        w.current_page.editor.coach.check_now()
        qtbot.mouseClick(w.current_page.editor.coach.fill_button, LEFT)
        settle(qtbot, w)
    shop_krs = [k["id"] for k in entities.list_items(ws, "key_result", objective_id=shop_objective)]
    qtbot.mouseClick(w.next_button, LEFT)
    assert w.current_page.select_new(link=shop_krs[0])
    add_by_title(qtbot, w, "Pre-pack the ten most sold breads")

    # 6. Alignment: the Shop's objective supports the company's first objective.
    qtbot.mouseClick(w.next_button, LEFT)
    page = w.current_page
    assert isinstance(page, AlignmentPage)
    assert not w.steps.buttons[5].done
    assert page.tree.topLevelItem(page.tree.topLevelItemCount() - 1).text(0).startswith("⚠")
    qtbot.mouseClick(page.checks[(shop_objective, first)], LEFT)
    settle(qtbot, w)
    assert w.steps.buttons[5].done
    root = page.tree.topLevelItem(0)
    assert root.text(0) == "◎ Bake bread our town is proud of"
    assert root.child(0).text(0) == "◎ Make the morning rush a pleasure"
    assert root.child(0).text(1) == "Shop"
    assert not any(
        page.tree.topLevelItem(i).text(0).startswith("⚠")
        for i in range(page.tree.topLevelItemCount())
    )

    # 7. Review: the coach's summary; mark the Shop's objectives final.
    qtbot.mouseClick(w.next_button, LEFT)
    page = w.current_page
    assert isinstance(page, ReviewPage)
    assert "Shop" in page.summary.text()
    qtbot.mouseClick(page.mark_all, LEFT)
    settle(qtbot, w)
    assert entities.get(ws, "objective", shop_objective)["status"] == "final"
    assert w.steps.buttons[6].done

    # ... and the company's, one by one, on the company's page.
    w.bar.team_box.setCurrentIndex(w.bar.team_box.findData(company))
    w.bar.team_box.activated.emit(w.bar.team_box.currentIndex())
    assert w.ctx.team_id == company
    assert w.header.text() == "Step 7 of 7 — Review"
    for objective_id in (first, second):
        qtbot.mouseClick(page.final_checks[objective_id], LEFT)
        settle(qtbot, w)
    # Every edit is one undo step: undo the last "final", redo it.
    session.undo_stack.undo()
    assert entities.get(ws, "objective", second)["status"] == "draft"
    session.undo_stack.redo()

    # The finished, aligned set, as the database holds it.
    tree = okr_tree(ws, cycle=cycle_id)
    assert [t.name for t in tree.teams] == ["Bergblick Bakery", "Shop"]
    assert tree.cycle.themes == ("Fresh every morning", "Beyond the town")
    company_view, shop_view = tree.teams
    assert [(o.title, o.theme, o.status) for o in company_view.objectives] == [
        ("Bake bread our town is proud of", "Fresh every morning", "final"),
        ("Become the bakery people cross town for", "Beyond the town", "final"),
    ]
    loaves = company_view.objectives[0].key_results[0]
    assert (loaves.title, loaves.start, loaves.target) == (
        "Raise daily loaves sold from 300 to 450",
        300,
        450,
    )
    assert all(len(o.key_results) == 2 for o in tree.teams[0].objectives)
    assert {i.title: i.key_result_ids for o in company_view.objectives for i in o.initiatives} == {
        title: (kr_id,) for kr_id, title in work.items()
    }
    (shop_view_objective,) = shop_view.objectives
    assert shop_view_objective.supports == ((first, "Bake bread our town is proud of"),)
    assert shop_view_objective.status == "final"
    assert [(k.start, k.target, k.unit) for k in shop_view_objective.key_results] == [
        (12, 4, "minutes"),
        (90, 130, ""),
    ]
    assert all(s.done for s in planning.step_status(ws, cycle_id, company))
    assert all(s.done for s in planning.step_status(ws, cycle_id, shop))
    assert [b.mark.text() for b in w.steps.buttons] == ["✓"] * 7


def test_it_resumes_exactly_where_it_was_left(qtbot, tmp_path: Path, open_session) -> None:
    path = tmp_path / "resume.okrdesk"
    session = open_session(path, create=True)
    cycle_id, company = planning.ensure_cycle_and_company(session.ws, "Bergblick Bakery")
    shop = entities.create(session.ws, "team", name="Shop", parent_id=company)
    w = guided(qtbot, session)
    w.switch(team_id=shop)
    qtbot.mouseClick(w.steps.buttons[3], LEFT)
    assert w.header.text() == "Step 4 of 7 — Key results"
    w.close()
    open_session.close(session)

    again = open_session(path)
    w2 = guided(qtbot, again)
    assert w2.header.text() == "Step 4 of 7 — Key results"
    assert isinstance(w2.current_page, KeyResultsPage)
    assert (w2.ctx.cycle_id, w2.ctx.team_id) == (cycle_id, shop)
    assert w2.bar.team_box.currentData() == shop
    assert w2.bar.cycle_box.currentData() == cycle_id
    assert w2.steps.buttons[3].current


def test_on_the_demo_it_continues_from_the_content(
    qtbot, demo_file: Path, tmp_path: Path, open_session
) -> None:
    path = tmp_path / "demo.okrdesk"
    shutil.copy(demo_file, path)
    session = open_session(path)
    w = guided(qtbot, session)
    # The company has everything: straight to the review.
    assert w.header.text() == "Step 7 of 7 — Review"
    assert w.ctx.team_name() == "Kolbenwerk Espresso"
    assert [b.done for b in w.steps.buttons] == [True] * 6 + [False]
    assert "2 of 3 objectives final" in w.steps.buttons[6].reason.text()

    # The Workshop still has an objective aligned to nobody.
    workshop = entities.list_items(session.ws, "team", name="Workshop")[0]["id"]
    w.set_context(None, workshop)
    assert not w.steps.buttons[5].done
    qtbot.mouseClick(w.steps.buttons[5], LEFT)
    page = w.current_page
    assert isinstance(page, AlignmentPage)
    grinder = next(
        o
        for o in entities.list_items(session.ws, "objective", team_id=workshop)
        if o["title"].startswith("Prototype a grinder")
    )
    boxes = {key: box for key, box in page.checks.items() if key[0] == grinder["id"]}
    assert boxes and not any(box.isChecked() for box in boxes.values())
    qtbot.mouseClick(next(iter(boxes.values())), LEFT)
    settle(qtbot, w)
    assert w.steps.buttons[5].done
    assert planning.suggest_step(session.ws, w.ctx.cycle_id, workshop).key == "review"


def test_a_refused_title_keeps_the_typing_and_says_why(qtbot, tmp_path: Path, open_session):
    session = open_session(tmp_path / "long.okrdesk", create=True)
    planning.ensure_cycle_and_company(session.ws, "Bergblick Bakery")
    w = guided(qtbot, session)
    w.go_to(1)
    editor = w.current_page.editor
    editor.title_edit.setText("x" * 130)  # a theme name has at most 120 characters
    editor.title_edit.setFocus()
    enter(qtbot, editor.title_edit)
    assert editor.title_error.isVisible()
    assert "too long" in editor.title_error.text()
    assert editor.title_edit.text() == "x" * 130
    assert entities.list_items(session.ws, "theme") == []
    # Leaving the step is refused until it is fixed: the typing is not silently dropped.
    qtbot.mouseClick(w.next_button, LEFT)
    assert w.header.text() == "Step 2 of 7 — Themes"
    assert "Fix the field marked in red" in w.nav_message.text()


def test_deleting_is_one_undo_step_and_the_editor_moves_on(qtbot, tmp_path: Path, open_session):
    session = open_session(tmp_path / "undo.okrdesk", create=True)
    ws = session.ws
    cycle_id, company = planning.ensure_cycle_and_company(ws, "Bergblick Bakery")
    theme = entities.create(ws, "theme", cycle_id=cycle_id, name="Fresh every morning")
    objective = entities.create(
        ws, "objective", cycle_id=cycle_id, team_id=company, theme_id=theme, title="Bake well"
    )
    entities.create(ws, "key_result", objective_id=objective, title="Sell 300 loaves a day")
    w = guided(qtbot, session)
    w.go_to(2)
    page = w.current_page
    assert page.select_item(objective)
    qtbot.mouseClick(page.editor.delete_button, LEFT)
    settle(qtbot, w)
    assert entities.list_items(ws, "objective") == []
    assert page.editor.item_id is None  # on the "New objective" entry of the same theme
    assert page.editor.new_values["theme_id"] == theme

    session.undo_stack.undo()
    settle(qtbot, w)
    assert [o["title"] for o in entities.list_items(ws, "objective")] == ["Bake well"]
    assert len(entities.list_items(ws, "key_result")) == 1  # its key result came back too
    assert page.select_item(objective)
    assert page.editor.title_edit.text() == "Bake well"


def _key_results_step(qtbot, tmp_path: Path, open_session, **kr_values: object):
    """The key results step of a new workspace with one objective and one key result."""
    session = open_session(tmp_path / "numbers.okrdesk", create=True)
    cycle_id, company = planning.ensure_cycle_and_company(session.ws, "Bergblick Bakery")
    objective = entities.create(
        session.ws, "objective", cycle_id=cycle_id, team_id=company, title="Bake well"
    )
    kr = entities.create(
        session.ws, "key_result", objective_id=objective, title="Sell loaves", **kr_values
    )
    w = guided(qtbot, session)
    w.go_to(3)
    page = w.current_page
    assert isinstance(page, KeyResultsPage)
    return session, w, page, objective, kr


@pytest.mark.parametrize(
    ("name", "values"),
    [
        ("start", {"start": 0.125, "target": 1}),
        ("target", {"start": 0, "target": 0.125}),
        ("commit_level", {"commit_level": 0.125, "target": 0.5, "stretch_level": 1}),
        ("stretch_level", {"commit_level": 0, "target": 0.1, "stretch_level": 0.125}),
    ],
)
def test_each_number_field_shows_and_keeps_exactly_what_is_stored(
    qtbot, tmp_path: Path, open_session, name: str, values: dict
) -> None:
    session, w, page, _objective, kr = _key_results_step(
        qtbot, tmp_path, open_session, kind="three_level", **{"start": 0, **values}
    )
    ws = session.ws
    assert page.select_item(kr)
    field = page.editor.bindings[name].widget
    assert field.text() == "0.125"
    field.setFocus()
    enter(qtbot, field)
    assert entities.get(ws, "key_result", kr)[name] == 0.125

    type_text(qtbot, field, "0.5" if name != "stretch_level" else "0.25")
    enter(qtbot, field)
    type_text(qtbot, field, "0.125")
    enter(qtbot, field)
    settle(qtbot, w)
    assert entities.get(ws, "key_result", kr)[name] == 0.125
    assert field.text() == "0.125"


def test_use_these_numbers_without_a_start_takes_the_direction_from_the_words(
    qtbot, tmp_path: Path, open_session
) -> None:
    session, w, page, objective, _kr = _key_results_step(qtbot, tmp_path, open_session)
    assert page.select_new(objective_id=objective)
    type_text(qtbot, page.editor.title_edit, "Cut waiting time at the counter to 3 minutes")
    page.editor.coach.check_now()
    qtbot.mouseClick(page.editor.coach.fill_button, LEFT)
    settle(qtbot, w)
    kr = entities.get(session.ws, "key_result", page.editor.item_id)
    assert (kr["start"], kr["target"], kr["unit"], kr["direction"]) == (
        None,
        3,
        "minutes",
        "decrease",
    )
