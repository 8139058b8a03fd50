"""Set rules: one team's objectives and key results in one cycle, as plain values.

The workspace turns its rows into these small inputs, so the coach never sees a database
session. :func:`check_all` adds the statement rules for every title, tagged with the item.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from okrdesk.coach.examples import NEUTRAL, HintExamples
from okrdesk.coach.findings import Finding
from okrdesk.coach.metric import numbers_disagreeing, parse_metric
from okrdesk.coach.rules import make_finding
from okrdesk.coach.statements import check_key_result, check_objective
from okrdesk.formatting import number
from okrdesk.vocabulary import KeyResultKind, ObjectiveKind

MAX_FOCUSED_OBJECTIVES = 3  # four is info, five or more a warning
MIN_KEY_RESULTS = 2
MAX_KEY_RESULTS = 4


@dataclass(frozen=True)
class KeyResultInput:
    id: str
    title: str
    kind: KeyResultKind
    start: float | None
    target: float | None
    stretch: float | None = None


@dataclass(frozen=True)
class ObjectiveInput:
    id: str
    title: str
    owner: str | None
    kind: ObjectiveKind
    key_results: Sequence[KeyResultInput]


@dataclass(frozen=True)
class SetFinding:
    """A finding tagged with the item it is about (None and "set" for the set itself)."""

    item_id: str | None
    item_kind: str  # "set" | "objective" | "key-result"
    finding: Finding

    def to_dict(self) -> dict[str, str | None]:
        return {"item_id": self.item_id, "item_kind": self.item_kind, **self.finding.to_dict()}


_SPACE = re.compile(r"\s+")


def _same_words(title: str) -> str:
    """Case- and spacing-insensitive form of a statement, for spotting duplicates."""
    return _SPACE.sub(" ", title).strip().strip(".!;:").strip().casefold()


def _objective_count(objectives: Sequence[ObjectiveInput]) -> Iterator[SetFinding]:
    count = len(objectives)
    if count == MAX_FOCUSED_OBJECTIVES + 1:
        yield SetFinding(
            None,
            "set",
            make_finding(
                "set-four-objectives",
                "The team has four objectives this cycle; focus gets thin past three.",
                "Check that each one matters this cycle; park the weakest for the next.",
            ),
        )
    elif count > MAX_FOCUSED_OBJECTIVES + 1:
        yield SetFinding(
            None,
            "set",
            make_finding(
                "set-too-many-objectives",
                f"The team has {count} objectives this cycle; that spreads it too thin.",
                "Keep the three that matter most and move the rest to the next cycle "
                "or to the parking lot.",
            ),
        )


def _key_result_count(objective: ObjectiveInput, examples: HintExamples) -> Finding | None:
    count = len(objective.key_results)
    if count == 0:
        return make_finding(
            "objective-no-key-results",
            "The objective has no key results, so nobody can tell whether it was reached.",
            f'Add two to four measurable key results, e.g. "{examples.key_result}".',
        )
    if count == 1:
        return make_finding(
            "objective-one-key-result",
            "The objective has a single key result.",
            "Add a second key result, ideally one that guards quality "
            '(e.g. "… while keeping refunds under 2%" as its own key result).',
        )
    if count > MAX_KEY_RESULTS:
        return make_finding(
            "objective-too-many-key-results",
            f"The objective has {count} key results; two to four keep it focused.",
            "Keep the key results that prove the objective; turn tasks into initiatives "
            "and health metrics into KPIs.",
        )
    return None


def _key_result_values(key_result: KeyResultInput) -> Finding | None:
    if key_result.kind == "metric" and (key_result.start is None or key_result.target is None):
        missing = " and ".join(
            name
            for name, value in (("start", key_result.start), ("target", key_result.target))
            if value is None
        )
        return make_finding(
            "key-result-missing-values",
            f"The metric key result has no {missing} value, so it cannot be scored.",
            "Enter where the measure stands today and where it should be at the end of the cycle.",
        )
    if (
        key_result.kind != "milestone"
        and key_result.start is not None
        and key_result.start == key_result.target
    ):
        return make_finding(
            "key-result-target-equals-start",
            f"The target ({key_result.target:g}) equals the start: there is nothing to change.",
            "Set the target you want to reach; if the value only has to hold, "
            "track it as a KPI instead.",
        )
    return None


def _sentence_and_numbers(key_result: KeyResultInput) -> Finding | None:
    """The sentence states a start or target other than the stored one ("from 38 to 20"
    after carry forward set the start to 27)."""
    if key_result.kind == "milestone" or (key_result.start is None and key_result.target is None):
        return None
    differing = numbers_disagreeing(
        parse_metric(key_result.title), key_result.start, key_result.target
    )
    if not differing:
        return None
    said = ", ".join(f"{name} {number(value)}" for name, value, _ in differing)
    stored = ", ".join(f"{name} {number(value)}" for name, _, value in differing)
    return make_finding(
        "key-result-numbers-disagree",
        f"The sentence says {said}, but the key result's numbers say {stored}.",
        "Reword the sentence to the numbers, or correct the numbers if the sentence is right.",
    )


def _committed_stretch(objective: ObjectiveInput) -> Finding | None:
    if objective.kind != "committed":
        return None
    stretched = [
        kr
        for kr in objective.key_results
        if kr.stretch is not None and kr.target is not None and kr.stretch != kr.target
    ]
    if not stretched:
        return None
    return make_finding(
        "objective-committed-stretch",
        "The objective is committed, yet "
        f"{len(stretched)} of its key results carr{'ies' if len(stretched) == 1 else 'y'} "
        "a stretch level beyond the target.",
        "Committed objectives are expected at 100%: mark the objective aspirational "
        "or drop the stretch levels.",
    )


def _duplicates(objectives: Sequence[ObjectiveInput]) -> Iterator[SetFinding]:
    seen: dict[str, str] = {}
    items: list[tuple[str, str, str]] = []
    for objective in objectives:
        items.append((objective.id, "objective", objective.title))
        items.extend((kr.id, "key-result", kr.title) for kr in objective.key_results)
    for item_id, item_kind, title in items:
        key = _same_words(title)
        if not key:
            continue
        if key in seen:
            first_kind = seen[key].replace("-", " ")
            yield SetFinding(
                item_id,
                item_kind,
                make_finding(
                    "set-duplicate-statement",
                    f'"{title.strip()}" repeats an earlier {first_kind} in this set.',
                    "Merge the two, or reword one so each says something of its own.",
                ),
            )
        else:
            seen[key] = item_kind


def check_set(
    objectives: Sequence[ObjectiveInput],
    disabled: Collection[str] = (),
    *,
    examples: HintExamples = NEUTRAL,
) -> list[SetFinding]:
    """Set rules over one team's OKRs in one cycle; the hints quote ``examples``."""
    found: list[SetFinding] = list(_objective_count(objectives))
    for objective in objectives:
        if not (objective.owner or "").strip():
            found.append(
                SetFinding(
                    objective.id,
                    "objective",
                    make_finding(
                        "objective-no-owner",
                        "The objective has no owner.",
                        "Name one person or team who drives it and reports on it.",
                    ),
                )
            )
        for finding in (_key_result_count(objective, examples), _committed_stretch(objective)):
            if finding is not None:
                found.append(SetFinding(objective.id, "objective", finding))
        for key_result in objective.key_results:
            for finding in (_key_result_values(key_result), _sentence_and_numbers(key_result)):
                if finding is not None:
                    found.append(SetFinding(key_result.id, "key-result", finding))
    found.extend(_duplicates(objectives))
    return [item for item in found if item.finding.rule not in disabled]


def check_all(
    objectives: Sequence[ObjectiveInput],
    disabled: Collection[str] = (),
    *,
    examples: HintExamples = NEUTRAL,
) -> list[SetFinding]:
    """Statement rules on every objective and key result title, then the set rules.

    A metric key result whose start is stored in the workspace has its baseline, even when
    the sentence does not repeat it, so "no baseline" is not reported for it.
    """
    found: list[SetFinding] = []
    for objective in objectives:
        found.extend(
            SetFinding(objective.id, "objective", finding)
            for finding in check_objective(objective.title, disabled, examples=examples)
        )
        for key_result in objective.key_results:
            has_start = key_result.kind != "milestone" and key_result.start is not None
            found.extend(
                SetFinding(key_result.id, "key-result", finding)
                for finding in check_key_result(
                    key_result.title, disabled, kind=key_result.kind, examples=examples
                )
                if not (has_start and finding.rule == "key-result-no-baseline")
            )
    found.extend(check_set(objectives, disabled, examples=examples))
    return found
