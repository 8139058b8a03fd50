"""What the facilitator is told after *Finish*: the files written, where, and what the
room's decisions became in the workspace (they were saved as the room went)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from okrdesk.reports.session_summary import Finished


def what_was_written(folder: str, done: Finished) -> str:
    lines = [f"Written to {folder}:", f"• {done.summary.path.name} — the workshop summary"]
    if done.sheets is not None:
        teams = ", ".join(done.teams)
        lines.append(f"• {done.sheets.path.name} — the draft OKR sheets of {teams}")
    lines += ["", *_decisions(done)]
    return "\n".join(lines).rstrip()


def _decisions(done: Finished) -> list[str]:
    decisions = done.session.decisions if done.session is not None else ()
    if not decisions:
        return ["No candidate was promoted: nothing new in the workspace."]
    lines = ["Already saved in the workspace as the room decided:"]
    for d in decisions:
        team = f" of {d.team}" if d.team else ""
        if d.kind == "key_result":
            lines.append(f"• key result “{d.text}” under “{d.became}”{team}")
        else:
            lines.append(f"• draft objective “{d.became}”{team}")
    return lines
