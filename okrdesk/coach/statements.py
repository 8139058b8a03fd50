"""Statement rules: one objective, key result or initiative text in, findings out.

Word rules (task, vague, activity, KPI, baseline, result-as-initiative) are English and run
only on text that :func:`is_probably_english` accepts. Empty text, numbers in objectives,
no number in a key result and length are language-independent and always run.
"""

from __future__ import annotations

from collections.abc import Collection

from okrdesk.coach.english import (
    ACTIVITY_PHRASES,
    ACTIVITY_VERBS,
    CONCRETE_OBJECT,
    COUNTING_VERBS,
    GENERIC,
    GET_DONE,
    KPI_ANYWHERE,
    KPI_START,
    NEW_THINGS,
    RESULT_VERBS,
    SENTENCE_BREAK,
    TASK_PHRASES,
    TASK_VERBS,
    TASK_VERBS_WITH_OBJECT,
    UPPER_BOUND,
    VAGUE_ANYWHERE,
    VAGUE_START,
    VAGUE_VERBS,
    WORD_TOKEN,
    after_lead,
    lead_words,
)
from okrdesk.coach.examples import NEUTRAL, HintExamples
from okrdesk.coach.findings import Finding
from okrdesk.coach.language import is_probably_english
from okrdesk.coach.metric import ParsedMetric, parse_reading
from okrdesk.coach.quantities import SIGN_UNITS, Reading, find_quantities, read_numbers
from okrdesk.coach.rules import make_finding
from okrdesk.vocabulary import KeyResultKind

MAX_OBJECTIVE_WORDS = 15


def _keep(findings: list[Finding], disabled: Collection[str]) -> list[Finding]:
    return [finding for finding in findings if finding.rule not in disabled]


def _objective_number(text: str, english: bool) -> str | None:
    """The number an objective carries, as written, or None."""
    reading = read_numbers(text, english, keep_alone=("one", "zero"))
    if reading.multiplier is not None:
        return reading.multiplier
    if not reading.quantities:
        return None
    # Quote what the user wrote: "3" if they typed digits, the word if they spelled it.
    as_written = find_quantities(text, continental=not english)
    if as_written:
        return text[as_written[0].start : as_written[0].end]
    first = reading.quantities[0]
    return reading.text[first.start : first.end]


def _task_verb(text: str, first: str, pair: str) -> str | None:
    """The verb that makes an objective read as a task, or None."""
    if pair in TASK_PHRASES:
        return pair.replace("_", " ")
    if first in TASK_VERBS:
        return first
    start = after_lead(text)
    if first in TASK_VERBS_WITH_OBJECT and CONCRETE_OBJECT.match(text, start + len(first)):
        return first
    if GET_DONE.match(text, start):
        return "get … done"
    return None


def _objective_is_vague(text: str) -> bool:
    body = text[after_lead(text) :].strip(" .!")
    if VAGUE_START.match(body) or VAGUE_ANYWHERE.search(body):
        return True
    tokens = [token.casefold() for token in WORD_TOKEN.findall(body)]
    # "Increase efficiency", "Improve our processes": a verb with nothing but generic words.
    return (
        1 < len(tokens) <= 4
        and tokens[0] in VAGUE_VERBS
        and all(token in GENERIC for token in tokens[1:])
    )


def check_objective(
    text: str, disabled: Collection[str] = (), *, examples: HintExamples = NEUTRAL
) -> list[Finding]:
    """Findings for one objective statement; the hints quote ``examples``."""
    text = text.strip()
    if not text:
        return _keep(
            [
                make_finding(
                    "objective-empty",
                    "The objective is empty.",
                    f'Write the change you want in a few words, e.g. "{examples.objective}".',
                )
            ],
            disabled,
        )
    english = is_probably_english(text)
    findings: list[Finding] = []
    number = _objective_number(text, english)
    if number is not None:
        findings.append(
            make_finding(
                "objective-has-number",
                f'The objective carries a number ("{number}"): it is a key result in disguise.',
                "Keep the objective qualitative and move the number into a key result: "
                f'"{examples.objective}" + KR "{examples.key_result}".',
            )
        )
    if english:
        first, pair = lead_words(text)
        # One word-rule finding per objective; a switched-off rule does not hide the next.
        if "objective-is-vague" not in disabled and _objective_is_vague(text):
            findings.append(
                make_finding(
                    "objective-is-vague",
                    f'"{text}" is too vague to guide any decision.',
                    "Say who benefits and what changes for them: "
                    f'"{examples.objective}" instead of "Improve processes".',
                )
            )
        elif (verb := _task_verb(text, first, pair)) is not None:
            findings.append(
                make_finding(
                    "objective-is-task",
                    f'The objective starts with "{verb}": it reads as a task, not as the '
                    "change that work should bring.",
                    "Name the outcome and make the work an initiative: "
                    f'"{examples.objective}" + initiative "{examples.initiative}".',
                )
            )
    word_count = len(text.split())
    sentences = 1 + len(SENTENCE_BREAK.findall(text.rstrip(".!?; ")))
    if sentences > 1 or word_count > MAX_OBJECTIVE_WORDS:
        size = f"{sentences} sentences" if sentences > 1 else f"{word_count} words"
        findings.append(
            make_finding(
                "objective-too-long",
                f"The objective runs to {size}; people will not remember it.",
                f"Keep one sentence of at most {MAX_OBJECTIVE_WORDS} words and move the reasons "
                'into the objective\'s "why".',
            )
        )
    return _keep(findings, disabled)


def check_key_result(
    text: str,
    disabled: Collection[str] = (),
    *,
    kind: KeyResultKind = "metric",
    examples: HintExamples = NEUTRAL,
) -> list[Finding]:
    """Findings for one key result statement; the hints quote ``examples``.

    ``kind`` is the key result's kind in the workspace: a "milestone" is measured as done /
    not done, so it needs no number and has no baseline.
    """
    text = text.strip()
    if not text:
        return _keep(
            [
                make_finding(
                    "key-result-empty",
                    "The key result is empty.",
                    f'State a measurable outcome, e.g. "{examples.key_result}".',
                )
            ],
            disabled,
        )
    english = is_probably_english(text)
    findings: list[Finding] = []
    reading = read_numbers(text, english)
    if not reading.measurable and kind != "milestone":
        findings.append(
            make_finding(
                "key-result-not-measurable",
                "The key result has no number, so nobody can tell whether it was reached.",
                "Add the measure, where it starts and where it should end: "
                '"Reduce churn" → "Reduce monthly churn from 3% to 2%".',
            )
        )
    if english:
        findings.extend(_key_result_word_rules(text, reading, kind, disabled, examples))
    return _keep(findings, disabled)


def _key_result_word_rules(
    text: str,
    reading: Reading,
    kind: KeyResultKind,
    disabled: Collection[str],
    examples: HintExamples,
) -> list[Finding]:
    """At most one of KPI, activity, no baseline (in that order); a switched-off rule does
    not hide the next one."""
    first, pair = lead_words(text)
    parsed = parse_reading(reading)
    norm = reading.text  # number words already digits: "Hold churn at two percent"
    if "key-result-is-kpi" not in disabled and (
        KPI_START.match(norm, after_lead(norm)) or KPI_ANYWHERE.search(norm)
    ):
        return [
            make_finding(
                "key-result-is-kpi",
                "The key result keeps a metric where it is instead of changing it.",
                "Track it as a KPI with a healthy range, or state the improvement: "
                '"Keep uptime above 99.9%" → "Raise uptime from 99.5% to 99.9%".',
            )
        ]
    if "key-result-is-activity" not in disabled and _is_activity(reading.text, first, pair, parsed):
        verb = pair.replace("_", " ") if pair in ACTIVITY_PHRASES else first
        return [
            make_finding(
                "key-result-is-activity",
                f'The key result starts with "{verb}": it lists work to do, not the result '
                "that work should bring.",
                "Name the change the work should cause and keep the work as an initiative: "
                f'"Launch 3 campaigns" → a result such as "{examples.key_result}".',
            )
        ]
    if (
        parsed is not None
        and kind == "metric"
        and parsed.start is None
        and (parsed.direction is not None or parsed.unit in SIGN_UNITS)
        and not NEW_THINGS.search(text)
    ):
        return [
            make_finding(
                "key-result-no-baseline",
                "The key result does not say where the measure starts.",
                'Add the starting value: "Raise conversion to 4%" → '
                '"Raise conversion from 2.5% to 4%".',
            )
        ]
    return []


def _is_activity(norm: str, first: str, pair: str, parsed: ParsedMetric | None) -> bool:
    """Whether a key result lists work; ``norm`` has its number words turned to digits."""
    if first in COUNTING_VERBS:
        return (
            parsed is not None
            and parsed.target is not None
            and parsed.direction is None
            and parsed.unit not in SIGN_UNITS
            and parsed.unit != ""
        )
    if first not in ACTIVITY_VERBS and pair not in ACTIVITY_PHRASES:
        return False
    if parsed is None:
        return True
    return not (parsed.states_change or UPPER_BOUND.search(norm))


def check_initiative(
    text: str, disabled: Collection[str] = (), *, examples: HintExamples = NEUTRAL
) -> list[Finding]:
    """Findings for one initiative statement; the hints quote ``examples``."""
    text = text.strip()
    if not text:
        return _keep(
            [
                make_finding(
                    "initiative-empty",
                    "The initiative is empty.",
                    f'Name the work, e.g. "{examples.initiative}".',
                )
            ],
            disabled,
        )
    if not is_probably_english(text):
        return []
    parsed = parse_reading(read_numbers(text, True))
    first, _pair = lead_words(text)
    if parsed is not None and (
        parsed.states_change or (first in RESULT_VERBS and parsed.target is not None)
    ):
        return _keep(
            [
                make_finding(
                    "initiative-is-result",
                    "The initiative states a number to move, which makes it a key result.",
                    "Keep the number as a key result and name the work that moves it, "
                    f'e.g. "{examples.initiative}".',
                )
            ],
            disabled,
        )
    return []
