"""What kind of organisation a workspace plans for, and the words and examples that follow.

A school is not a company: the top of the team tree is named by the organisation's kind
("3 at school level"), and the examples the editors offer are a school's. The kind is kept in
the workspace settings (under ``"organisation_kind"``); a workspace that never chose one is a
company, as every workspace was before the kind existed.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from okrdesk.db import models as m
from okrdesk.errors import ValidationError
from okrdesk.services.workspace import Workspace
from okrdesk.vocabulary import ORGANISATION_KIND_WORDS, ORGANISATION_KINDS, OrganisationKind

SETTINGS_KEY = "organisation_kind"
DEFAULT_KIND: OrganisationKind = "company"


@dataclass(frozen=True)
class Examples:
    """One example of each thing the planning steps ask for, in an organisation's own terms."""

    theme: str
    objective: str
    key_result: str
    initiative: str


# Our own examples, one set per kind: an objective without numbers, a key result that reads
# as an outcome from a start to a target, an initiative that is work the team does.
EXAMPLES: dict[OrganisationKind, Examples] = {
    "company": Examples(
        theme="Same-day, every day",
        objective="Delight first-time buyers",
        key_result="Raise repeat orders from 18% to 25%",
        initiative="Run weekly onboarding calls",
    ),
    "school": Examples(
        theme="Every pupil a reader",
        objective="Make reading a daily pleasure in every class",
        key_result="Raise pupils reading at their age level from 62% to 75%",
        initiative="Start a 20-minute reading time after lunch",
    ),
    "ministry": Examples(
        theme="Services that work first time",
        objective="Make applying for a permit simple",
        key_result="Cut the average time to a permit decision from 40 to 15 days",
        initiative="Put the permit form online with a status page",
    ),
    "non_profit": Examples(
        theme="Volunteers who stay",
        objective="Make volunteering with us easy to start and to keep",
        key_result="Raise volunteers still active after 3 months from 40% to 60%",
        initiative="Pair each new volunteer with a mentor",
    ),
    "team": Examples(
        theme="Fewer surprises",
        objective="Ship changes people can rely on",
        key_result="Cut incidents after a release from 6 to 2 a month",
        initiative="Add a release checklist and a rollback drill",
    ),
}


def title_placeholder(kind: OrganisationKind, step: str) -> str:
    """The grey hint in a planning step's title field, with this kind's example ("" for a
    step without one)."""
    ex = EXAMPLES[kind]
    return {
        "themes": f"e.g. {ex.theme}",
        "objectives": f"The change you want, no numbers, e.g. “{ex.objective}”",
        "key_results": f"e.g. “{ex.key_result}”",
        "initiatives": f"The work, e.g. “{ex.initiative}”",
    }.get(step, "")


def organisation_kind(ws: Workspace) -> OrganisationKind:
    """The workspace's kind of organisation; a company unless another was chosen."""
    return kind_of_settings(ws.info().settings or {})


def kind_of_settings(settings: dict) -> OrganisationKind:
    kind = settings.get(SETTINGS_KEY, DEFAULT_KIND)
    return kind if kind in ORGANISATION_KINDS else DEFAULT_KIND


def set_organisation_kind(ws: Workspace, kind: str) -> None:
    """Choose the kind of organisation (one transaction, one undo step)."""
    if kind not in ORGANISATION_KINDS:
        words = ", ".join(ORGANISATION_KIND_WORDS.values())
        raise ValidationError(f"the kind of organisation is one of {words} (got {kind!r})", "kind")
    with ws.write("Set the kind of organisation") as s:
        info = s.scalars(select(m.WorkspaceInfo)).one()
        info.settings = {**(info.settings or {}), SETTINGS_KEY: kind}  # a new dict: saved


def top_word(kind: OrganisationKind) -> str:
    """What the top of the team tree is called: "company", "school", "non-profit"."""
    return ORGANISATION_KIND_WORDS[kind]


def examples(kind: OrganisationKind) -> Examples:
    return EXAMPLES[kind]


__all__ = [
    "DEFAULT_KIND",
    "EXAMPLES",
    "Examples",
    "examples",
    "kind_of_settings",
    "organisation_kind",
    "set_organisation_kind",
    "title_placeholder",
    "top_word",
]
