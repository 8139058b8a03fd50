"""The examples the coach's hints quote, passed in by the caller as plain text.

A school's coach should say "e.g. Make reading a daily pleasure in every class", not
"Delight first-time buyers": the workspace knows its kind of organisation and passes that
kind's examples (see okrdesk.services.organisation); without them the hints use these
neutral ones, which read right in a company, a school, a ministry or a club.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HintExamples:
    """One well-written statement of each kind, quoted in the hints."""

    objective: str  # qualitative, no numbers
    key_result: str  # a measure from a start to a target
    initiative: str  # work the team does


NEUTRAL = HintExamples(
    objective="Make asking us for help quick and friendly",
    key_result="Raise requests answered within a day from 60% to 85%",
    initiative="Review open requests together every Monday",
)

__all__ = ["NEUTRAL", "HintExamples"]
