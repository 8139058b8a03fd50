"""The choices editors offer for the domain's enumerations, worded once from the vocabulary,
and which fields each kind of key result has: every editor (the detail editor beside the OKR
tree, the planning session's) offers and shows the same."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from okrdesk.vocabulary import (
    CONFIDENCE_WORDS,
    INITIATIVE_STATUS_WORDS,
    KEY_RESULT_KIND_HINTS,
    KEY_RESULT_KIND_WORDS,
    OBJECTIVE_KIND_HINTS,
    OBJECTIVE_KIND_WORDS,
    OBJECTIVE_STATUS_WORDS,
)

V = TypeVar("V", bound=str)


def _offered(words: Mapping[V, str], hints: Mapping[V, str] | None = None) -> list[tuple[V, str]]:
    """(value, label) pairs: "Committed — we expect to reach 100%", "In progress"."""
    return [
        (value, word.capitalize() + (f" — {hints[value]}" if hints else ""))
        for value, word in words.items()
    ]


# (value, label), in the order the editors offer them
KEY_RESULT_KINDS = _offered(KEY_RESULT_KIND_WORDS, KEY_RESULT_KIND_HINTS)
OBJECTIVE_KINDS = _offered(OBJECTIVE_KIND_WORDS, OBJECTIVE_KIND_HINTS)
OBJECTIVE_STATUSES = _offered(OBJECTIVE_STATUS_WORDS)
INITIATIVE_STATUSES = _offered(INITIATIVE_STATUS_WORDS)
CONFIDENCES = _offered(CONFIDENCE_WORDS)

MEASURED = ("start", "target", "current", "unit")  # every kind of key result but a milestone
LEVELS = ("commit_level", "stretch_level")  # three-level key results only


def key_result_shows(kind: str, field: str) -> bool:
    """Whether a key result of ``kind`` has ``field``; editors hide the fields it has not."""
    if field in MEASURED:
        return kind != "milestone"
    if field in LEVELS:
        return kind == "three_level"
    if field == "done":
        return kind == "milestone"
    return True


def labels_first(choices: list[tuple[V, str]]) -> list[tuple[str, V]]:
    """(label, value) pairs, for editors that take them that way round."""
    return [(label, value) for value, label in choices]
