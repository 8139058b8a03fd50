"""Planning step 4 marks the key results whose wording the coach flags (issue 13, weak
OKRs invisible in the lists): an icon, the findings in the tooltip; good ones look as before."""

from __future__ import annotations

from pathlib import Path

from okrdesk.services import entities, planning
from okrdesk.services.workspace import Workspace
from ui.guided import GuidedSessionWidget
from ui.guided.page import KEY_ROLE
from ui.session import WorkspaceSession


def test_key_results_the_coach_flags_are_marked_in_step_4(qtbot, tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "school.okrdesk", "Riverside School")
    cycle, top = planning.ensure_cycle_and_company(ws, "Riverside School")
    objective = entities.create(ws, "objective", cycle_id=cycle, team_id=top, title="Come gladly")
    entities.create(ws, "key_result", objective_id=objective, title="Absences from 38 to 20")
    entities.create(ws, "key_result", objective_id=objective, title="Improve attendance a lot")
    session = WorkspaceSession(ws)
    w = GuidedSessionWidget(session)
    qtbot.addWidget(w)
    w.go_to(3)
    page = w.current_page
    rows = {n.text(0).split("   [")[0]: n for n in page._nodes() if n.data(0, KEY_ROLE)}
    weak, good = rows["Improve attendance a lot"], rows["Absences from 38 to 20"]
    assert not weak.icon(0).isNull()
    assert "Warning" in weak.toolTip(0) or "Error" in weak.toolTip(0)
    assert good.icon(0).isNull()
    session.close()
