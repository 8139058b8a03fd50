"""The OKR writing coach: plain text and values in, findings out. No Qt, no database.

Statement rules judge one objective, key result or initiative; set rules judge one team's
OKRs in one cycle. Every rule is registered in :mod:`okrdesk.coach.rules`.
"""

from okrdesk.coach.examples import NEUTRAL, HintExamples
from okrdesk.coach.findings import Finding, Severity
from okrdesk.coach.language import is_probably_english
from okrdesk.coach.metric import ParsedMetric, parse_metric
from okrdesk.coach.rules import RULES, Rule
from okrdesk.coach.sets import (
    KeyResultInput,
    ObjectiveInput,
    SetFinding,
    check_all,
    check_set,
)
from okrdesk.coach.statements import check_initiative, check_key_result, check_objective

__all__ = [
    "NEUTRAL",
    "RULES",
    "Finding",
    "HintExamples",
    "KeyResultInput",
    "ObjectiveInput",
    "ParsedMetric",
    "Rule",
    "SetFinding",
    "Severity",
    "check_all",
    "check_initiative",
    "check_key_result",
    "check_objective",
    "check_set",
    "is_probably_english",
    "parse_metric",
]
