"""The synthetic workspaces' calendar and the words their OKRs are written with."""

from __future__ import annotations

from datetime import date, datetime

# The current quarter: 13 weeks from a Monday.
CYCLE_START = date(2026, 1, 5)
WEEKS = 13
STAMP = datetime(2026, 1, 5, 9, 0)

AREAS = [
    "onboarding",
    "checkout",
    "support",
    "billing",
    "search",
    "delivery",
    "reporting",
    "hiring",
    "partner",
    "mobile",
    "pricing",
    "retention",
    "quality",
    "security",
]
AMBITIONS = [
    "Make {a} effortless for every customer",
    "Turn {a} into a reason people stay",
    "Build a {a} experience we are proud of",
    "Earn trust through dependable {a}",
    "Make {a} the fastest in our market",
]
MEASURES = [
    ("Raise {a} satisfaction from {s} to {t}", "points"),
    ("Cut {a} lead time from {s} to {t} days", "days"),
    ("Grow weekly {a} users from {s} to {t}", "users"),
    ("Lift {a} conversion from {s}% to {t}%", "%"),
]
WORK = [
    "Interview ten customers about {a}",
    "Redesign the {a} flow",
    "Automate the weekly {a} report",
    "Pair with sales on {a} questions",
]
