"""Small helpers for the coach's word lists (kept as readable blocks of text)."""

from __future__ import annotations

import re


def words(block: str) -> frozenset[str]:
    """The whitespace-separated words of a block of text, as a set."""
    return frozenset(block.split())


def word_list(block: str) -> tuple[str, ...]:
    """The whitespace-separated words of a block of text, in order."""
    return tuple(block.split())


def alternation(items: frozenset[str] | set[str]) -> str:
    """A regex alternation of literal words, longest first so phrases win over prefixes."""
    return "|".join(re.escape(item) for item in sorted(items, key=lambda w: (-len(w), w)))
