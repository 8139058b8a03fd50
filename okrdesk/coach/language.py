"""A cheap guess whether a statement is English, so English word lists never judge other text.

The coach's word rules (task verbs, vague phrases, KPI verbs) are English. A false alarm on
a German or Polish statement is worse than silence, so text counts as non-English as soon
as foreign evidence outweighs English evidence; short neutral text stays English.
"""

from __future__ import annotations

import re

from okrdesk.coach.wordlists import words

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# Function words that are frequent in English OKR text and rare elsewhere.
_ENGLISH = words(
    """
    the a an of to for and in on with by from our we at into per every each its their
    that this these those is are be been will all more less than new us your my
    up down over under within across about after before between through without so
    it they them who which what how when where as or not no first only most
    """
)

# Function words of languages our users write in. Words that are also common English
# ("die", "an", "in", "do", "a", "i", "o", "per", "so", "was", "plus", "met") are left out.
_FOREIGN = words(
    """
    der das und von auf mit für zu den dem des ein eine einen einem einer ist nicht bei
    im ins zum zur wir unsere unser unseren sich auch oder werden wird aus nach
    le la les de des du et pour avec dans une au aux sur nous notre nos est pas sont leur
    el los las del y para con por una es sus nuestro nuestra nuestros al que lo se
    w z na się dla oraz przez od nie jest są lub jak ich nasz nasza naszych aby
    het een van voor naar niet zijn wij onze
    il della delle degli dei di che gli nel sono
    não uma com dos das em mais
    """
)

# Letters that occur in German, French, Polish, Spanish, Czech … words, rarely in English
# (loan words like "café" still happen, hence this is evidence, not proof).
_DIACRITIC = re.compile(r"[äöüßàâçèéêëîïôœùûÿñáíóúąćęłńśźżčďěňřšťůžőűãõ]", re.IGNORECASE)


def _is_latin(ch: str) -> bool:
    code = ord(ch)
    return code < 0x250 or 0x1E00 <= code <= 0x1EFF


def is_probably_english(text: str) -> bool:
    """True unless the text is clearly in another language or another script."""
    ascii_only = text.isascii()
    if not ascii_only:
        letters = [ch for ch in text if ch.isalpha()]
        non_latin = sum(1 for ch in letters if not _is_latin(ch))
        if non_latin * 3 > len(letters):
            return False
    english = 0
    foreign = 0
    for word in _WORD.findall(text.casefold()):
        if word in _ENGLISH:
            english += 1
        elif word in _FOREIGN:
            foreign += 1
        if not ascii_only and _DIACRITIC.search(word):
            foreign += 1
    return foreign <= english
