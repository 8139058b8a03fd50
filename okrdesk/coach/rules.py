"""The rule registry: the one place that names, grades and explains every coaching rule.

Checkers never hard-code a severity; they build findings through :func:`make_finding`, so
the registry, the findings and ``docs/COACH_RULES.md`` cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from okrdesk.coach.findings import Finding, Severity

AppliesTo = Literal["objective", "key-result", "initiative", "set"]


@dataclass(frozen=True)
class Rule:
    """A coaching rule: stable id, fixed severity, what it checks and why it matters."""

    id: str
    severity: Severity
    applies_to: AppliesTo
    title: str
    explanation: str


_RULE_LIST: tuple[Rule, ...] = (
    # --- objectives -------------------------------------------------------------------------
    Rule(
        "objective-empty",
        "error",
        "objective",
        "Objective is empty",
        "An objective needs words: the qualitative *what* the team wants to achieve.",
    ),
    Rule(
        "objective-has-number",
        "warning",
        "objective",
        "Objective carries a number",
        "Numbers, percentages and amounts belong in key results. An objective with a number "
        "is usually a key result in disguise. Years, dates, quarters and names such as "
        '"ISO 27001", "B2B" or "Year 3" do not count. Weak: "Increase revenue by 20%". '
        'Better: "Win over mid-sized clinics" + KR "Grow revenue from €2M to €2.4M".',
    ),
    Rule(
        "objective-is-task",
        "warning",
        "objective",
        "Objective reads as a task or project",
        'Objectives that start with "Finish", "Implement", "Complete", "Migrate", "Roll out", '
        '"Set up" and similar describe work to do, not the change it should bring. '
        'Weak: "Implement the new HR system". Better: "Give managers hiring data they trust".',
    ),
    Rule(
        "objective-is-vague",
        "warning",
        "objective",
        "Objective is vague",
        'Phrases such as "Improve things", "Work on …", "Do better at …", "Focus on …" or a '
        'verb with only a generic object ("Increase efficiency") give no direction. '
        'Weak: "Improve processes". Better: "Make month-end close calm and predictable".',
    ),
    Rule(
        "objective-too-long",
        "info",
        "objective",
        "Objective is hard to remember",
        "An objective should fit in one breath: one sentence of at most 15 words. Longer "
        "texts usually mix the objective with its reasons; move those into the *why*.",
    ),
    # --- key results ------------------------------------------------------------------------
    Rule(
        "key-result-empty",
        "error",
        "key-result",
        "Key result is empty",
        "A key result needs a measurable statement of how the team will know it got there.",
    ),
    Rule(
        "key-result-not-measurable",
        "error",
        "key-result",
        "Key result has nothing to measure",
        "A key result needs a number: digits, a percentage, an amount, or an English number "
        'word ("three", "a quarter", "half", "double"). Dates and years do not count. '
        'Milestone key results (done / not done) are exempt. Weak: "Reduce churn". '
        'Better: "Reduce monthly churn from 3% to 2%".',
    ),
    Rule(
        "key-result-is-activity",
        "warning",
        "key-result",
        "Key result reads as an activity or output",
        'A key result that starts with a doing-verb ("Launch", "Publish", "Hold", "Write", '
        '"Implement" …) lists work, not the outcome the work should bring; that belongs in an '
        "initiative. A sentence that states a change of a measure is fine even when it starts "
        'with such a verb ("Ship 90% of orders the same day, up from 72%"). '
        'Weak: "Launch 3 campaigns". Better: "Grow qualified leads from 120 to 200 a month".',
    ),
    Rule(
        "key-result-is-kpi",
        "warning",
        "key-result",
        "Key result guards a KPI instead of changing it",
        '"Keep", "Maintain", "Stay above", "Hold at" describe a health metric to watch, not a '
        "change to make. Track it as a KPI with a healthy range; make it a key result only "
        'when it has to move. Weak: "Keep uptime above 99.9%". '
        'Better: "Raise uptime from 99.5% to 99.9%".',
    ),
    Rule(
        "key-result-no-baseline",
        "info",
        "key-result",
        "Key result has no starting value",
        'Without "from X to Y" nobody can tell how ambitious the target is or score progress. '
        'Counts of new things ("Sign 12 new customers") start at zero and are not reported. '
        'Weak: "Raise conversion to 4%". Better: "Raise conversion from 2.5% to 4%".',
    ),
    # --- initiatives ------------------------------------------------------------------------
    Rule(
        "initiative-empty",
        "error",
        "initiative",
        "Initiative is empty",
        "An initiative needs words: the work the team will do.",
    ),
    Rule(
        "initiative-is-result",
        "info",
        "initiative",
        "Initiative is written as a result",
        "Initiatives are the work that moves key results. A change of a number "
        '("Increase NPS from 30 to 45") is a key result; name the work instead. '
        'Better: "Call every detractor within a week of their survey".',
    ),
    # --- the set: one team's OKRs in one cycle ------------------------------------------------
    Rule(
        "set-four-objectives",
        "info",
        "set",
        "Four objectives in one cycle",
        "Focus suffers past three objectives. Four can work; check that each one matters.",
    ),
    Rule(
        "set-too-many-objectives",
        "warning",
        "set",
        "Too many objectives in one cycle",
        "Five or more objectives in one cycle spread a team too thin: keep the three that "
        "matter most and park the rest for the next cycle.",
    ),
    Rule(
        "objective-no-key-results",
        "warning",
        "set",
        "Objective has no key results",
        "Without key results nobody can tell whether the objective was reached. Add two to four.",
    ),
    Rule(
        "objective-one-key-result",
        "info",
        "set",
        "Objective has a single key result",
        "One key result is easy to game and rarely covers the objective; a second one, "
        "ideally a counter-metric for quality, balances it.",
    ),
    Rule(
        "objective-too-many-key-results",
        "warning",
        "set",
        "Objective has five or more key results",
        "Two to four key results keep an objective focused; five or more usually mix key "
        "results with tasks or KPIs.",
    ),
    Rule(
        "objective-no-owner",
        "warning",
        "set",
        "Objective has no owner",
        "An objective nobody owns is an objective nobody drives. Name one owner.",
    ),
    Rule(
        "key-result-missing-values",
        "warning",
        "set",
        "Metric key result lacks a start or a target",
        "A metric key result is scored as (current − start) / (target − start): without both "
        "values it cannot be scored. Milestone and three-level key results are exempt.",
    ),
    Rule(
        "key-result-target-equals-start",
        "error",
        "set",
        "Key result target equals its start",
        "When the target is the start value there is nothing to change and progress cannot "
        "be computed. If the value only has to hold, it is a KPI.",
    ),
    Rule(
        "key-result-numbers-disagree",
        "warning",
        "set",
        "Key result sentence and numbers disagree",
        "The sentence states a start or a target that is not the one stored with the key "
        "result, so readers see one goal and the score follows another. It happens when "
        'numbers are edited or carried into a new cycle: "from 38 to 20 students" with a '
        "start of 27. Reword the sentence, or correct the numbers.",
    ),
    Rule(
        "set-duplicate-statement",
        "warning",
        "set",
        "Duplicate statement",
        "Two objectives or key results with the same words (ignoring case and spacing) in "
        "one set are usually a copy-paste slip; merge or reword them.",
    ),
    Rule(
        "objective-committed-stretch",
        "info",
        "set",
        "Committed objective with a stretch level",
        "Committed objectives are expected to reach 100%. A key result with a stretch level "
        "above its target reads as aspirational: mark the objective aspirational, or drop "
        "the stretch.",
    ),
)

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULE_LIST}


def make_finding(rule_id: str, message: str, hint: str) -> Finding:
    """A finding whose severity comes from the registry (KeyError for an unknown rule)."""
    return Finding(rule=rule_id, severity=RULES[rule_id].severity, message=message, hint=hint)
