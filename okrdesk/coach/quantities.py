"""Finding the numbers in a statement: digits, amounts, percentages and English number words.

Shared by the statement rules ("is there anything to measure?") and the metric parser
("what are the start, the target and the unit?"). Dates, years, quarters and labels such as
"Year 3", "ISO 27001" or "B2B" are not quantities: they name things, they measure nothing.
A number glued to a word by a hyphen is a name too ("COVID-19", "SHA-256"), except after a
connector written that way: Hebrew prefixes ("מ-30 ל-45": from 30 to 45) and "from-", "to-".
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from okrdesk.coach.wordlists import alternation, word_list, words

_UNITS = word_list(
    """
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen
    """
)
_TENS = word_list("twenty thirty forty fifty sixty seventy eighty ninety")
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
NUMBER_WORDS: dict[str, int] = {
    **{word: value for value, word in enumerate(_UNITS)},
    **{word: 20 + 10 * index for index, word in enumerate(_TENS)},
    **_SCALES,
    "dozen": 12,
}

_NUMBER_WORD = r"(?:" + alternation(frozenset(NUMBER_WORDS)) + r")"
# A run of number words: "twenty-five", "two hundred and fifty", "a dozen", "a thousand".
_NUMBER_WORD_RUN = re.compile(
    rf"\b(?:an?\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?"
    rf"{_NUMBER_WORD}(?:(?:\s+and\s+|[\s-]+){_NUMBER_WORD})*\b",
    re.IGNORECASE,
)

# Fractions that state a change or a share: "by a quarter", "a third of", "by half", "half of".
# "in a quarter", "this quarter", "first half of the year" are time, not numbers.
_FRACTION_VALUES = {"quarter": 25.0, "third": 100 / 3, "fifth": 20.0, "tenth": 10.0}
_FRACTION_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}
_FRACTION = re.compile(
    r"(?<=\bby\s)(?P<n>an?|one|two|three|four)[\s-]"
    r"(?P<f>quarter|third|fifth|tenth)s?\b"
    r"|\b(?P<n2>an?|one|two|three|four)[\s-](?P<f2>quarter|third|fifth|tenth)s?(?=\s+of\b)",
    re.IGNORECASE,
)
_HALF = re.compile(r"\b(?:by|in)\s+half\b|\bhalf(?=\s+(?:of|the|our|all)\b)", re.IGNORECASE)
_HALF_TIME = re.compile(r"\b(?:first|second|other|latter)\s+$", re.IGNORECASE)

# Words that state a multiple: each is a measurable change on its own ("Double sign-ups").
MULTIPLIERS: dict[str, float] = {
    "double": 100.0,
    "doubles": 100.0,
    "doubled": 100.0,
    "doubling": 100.0,
    "twice": 100.0,
    "triple": 200.0,
    "triples": 200.0,
    "tripled": 200.0,
    "tripling": 200.0,
    "threefold": 200.0,
    "quadruple": 300.0,
    "tenfold": 900.0,
    "halve": 50.0,
    "halves": 50.0,
    "halved": 50.0,
    "halving": 50.0,
}
MULTIPLIER_RE = re.compile(r"\b(?:" + alternation(frozenset(MULTIPLIERS)) + r")\b", re.IGNORECASE)

_CURRENCY_CODES = {
    "EUR": "€",
    "USD": "$",
    "US$": "$",
    "GBP": "£",
    "JPY": "¥",
    "CHF": "CHF",
    "PLN": "zł",
    "zł": "zł",
}
_MULTIPLIER_SUFFIX = {
    "k": 1e3,
    "K": 1e3,
    "thousand": 1e3,
    "M": 1e6,
    "MM": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "million": 1e6,
    "bn": 1e9,
    "B": 1e9,
    "billion": 1e9,
}
# Units that say what is measured even without a noun after the number.
SIGN_UNITS = frozenset({"%", "points", "x", "€", "$", "£", "¥", "₹", "CHF", "zł"})
_POINTS = words("pp p.p. pts point points percentage-points")
_PERCENT = words("% percent pct")

_QUANTITY = re.compile(
    r"""
    (?<![^\W\d_])(?<![\#\d.,/:])
    (?P<cur>(?:[€$£¥₹]|EUR|USD|GBP|JPY|CHF|PLN|US\$)\s?)?
    (?P<num>
        \d{1,3}(?:,\d{3})+(?:\.\d+)?              # 1,200 / 1,200.50
      | \d{1,3}(?:\.\d{3})+,\d+                   # 1.200,50 (continental)
      | \d{1,3}(?:\.\d{3}){2,}                    # 1.200.000
      | \d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?!\d) # 1 200 / 1 200,5
      | \d+(?:[.,]\d+)?                           # 12 / 4.5 / 3,5 / 1.200 (by language)
    )
    (?![\d/:])
    (?:\s?(?P<mult>thousand|million|billion|bn|mn|MM|[kKMBm])(?!\w))?
    (?:\s?(?P<cur2>€|\$|£|EUR\b|USD\b|GBP\b|CHF\b|PLN\b|zł))?
    (?:\s?(?P<pct>%|percent(?:age[\s-]points?)?\b|per\s?cent\b|pct\b|p\.p\.|pp\b|pts\b
        |points?\b|[xX×](?!\w)))?
    (?P<glued>[^\W\d_]+)?
    """,
    re.VERBOSE,
)

_MONTHS = words(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept "
    "september oct october nov november dec december"
)
# Words after which a number is a name or a time, not a measure.
_LABELS = words(
    "tier level phase version v stage grade year class step wave sprint room floor "
    "building route line ward section chapter article iso soc wcag pci iec nist windows ios "
    "android python java covid gen web day week q h fy no no. number top-level model series "
    "cohort unit block pillar priority p sev severity"
)
_YEAR_PREPS = words(
    "in by for of since until till before after during end from to between fy and or early "
    "late mid throughout"
)
_ORDINAL_SUFFIX = words("st nd rd th am pm")
_CLOCK = re.compile(r"\s?[ap]\.?m\b\.?", re.IGNORECASE)
_PREV_WORD = re.compile(r"([^\W\d_][\w.]*)\W*$")
_NEXT_WORD = re.compile(r"^\W*?([^\W\d_]+)")

# Unit words stop at connectors; they never run past a comma or a number.
_UNIT_STOP = words(
    """
    to from by in within for at on and or with without across over under below above than
    up down each every per of the a an our this that next last before after during while
    so which who when if vs versus against compared instead until till through via into
    auf von bis um z do de del al à a au le la des du los las y et und naar van od מ ל עד
    are is be was were will can have has had use uses used buy buys sign signs book books
    get gets pass passes renew renews return returns rate rates report reports say
    says stay stays choose chooses come comes make makes take takes visit visits order
    orders pay pays read reads attend attends join joins reach reaches recommend leave
    leaves open opens click clicks log logs respond responds reply replies finish finishes
    start starts complete completes rely relies call calls
    """
)
_UNIT_WORD = re.compile(r"\s*([^\W\d_](?:[\w'’]|-(?!\d))*)")

# Hyphens that glue a word to a number: ASCII, Unicode hyphen, non-breaking hyphen, maqaf.
HYPHENS = "-\u2010\u2011\u05be"
# Words that may be glued to the number they introduce. Hebrew writes its one-letter
# prepositions (מ from, ל to, ב in/by, כ about, ה the, ו and, ש that) on the word, and on a
# number with a hyphen, also stacked ("ומ-30"). Any other glued word names a thing.
_GLUED_HEBREW = re.compile(r"[ובכלמשה]{1,3}")
_GLUED_WORDS = words("from to by")
_GLUED_WORD_BEFORE = re.compile(rf"([^\W\d_]+)[{HYPHENS}]$")
# An ISO date (2026-03-31) names a day; its parts measure nothing.
_ISO_DATE = re.compile(r"(?<![\d.,])\d{4}-\d{2}-\d{2}(?![\d])")


@dataclass(frozen=True)
class Quantity:
    """One number found in a statement, with what it counts."""

    value: float
    unit: str  # "%", "points", "x", a currency symbol, the words after it, or ""
    symbol: bool  # the unit came from a sign or code rather than from the words after it
    start: int
    end: int  # end of the number and its sign, before any unit words
    words_end: int  # end of the unit words
    # Where the digits alone stand, and what they are multiplied by ("2.4" in "€2.4M": 1e6),
    # so a sentence's number can be rewritten in place (carry forward).
    digits_start: int = -1
    digits_end: int = -1
    scale: float = 1.0


_SPACES = re.compile(r"[ \u00a0\u202f]")
_COMMA_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DOT_THOUSANDS = re.compile(r"\d{1,3}\.\d{3}")
_FOUR_DIGITS = re.compile(r"\d{4}")
_WORD_SPLIT = re.compile(r"[\s-]+")


def _to_float(raw: str, continental: bool) -> float:
    if raw.isdigit():
        return float(raw)
    raw = _SPACES.sub("", raw)
    if _COMMA_THOUSANDS.fullmatch(raw):
        return float(raw.replace(",", ""))
    if "," in raw and "." in raw:  # 1.200,50
        return float(raw.replace(".", "").replace(",", "."))
    if raw.count(".") > 1 or (continental and _DOT_THOUSANDS.fullmatch(raw)):
        return float(raw.replace(".", ""))
    return float(raw.replace(",", "."))


def _unit_words(text: str, pos: int, most: int) -> tuple[str, int]:
    found: list[str] = []
    end = pos
    while len(found) < most:
        match = _UNIT_WORD.match(text, end)
        if match is None or match.group(1).casefold() in _UNIT_STOP:
            break
        if _glues_a_number(text, match.end()):
            break  # "מ-30 ל-45": "ל-" belongs to the next number, it does not name this one
        found.append(match.group(1))
        end = match.end()
    return " ".join(found), end


def _glues_a_number(text: str, pos: int) -> bool:
    """Whether a hyphen at ``pos`` glues the word before it to a number after it."""
    return pos + 1 < len(text) and text[pos] in HYPHENS and text[pos + 1].isdigit()


def _glued_to_a_name(text: str, start: int) -> bool:
    """A number glued to the word before it by a hyphen: a name ("COVID-19", "SHA-256"),
    unless the word is a connector written that way ("מ-30", "from-30")."""
    glued = _GLUED_WORD_BEFORE.search(text, max(0, start - 30), start)
    if glued is None:
        return False
    word = glued.group(1)
    return not (_GLUED_HEBREW.fullmatch(word) or word.casefold() in _GLUED_WORDS)


def _is_name_or_date(text: str, match: re.Match[str], value: float, plain: bool) -> bool:
    prev = _PREV_WORD.search(text[max(0, match.start() - 30) : match.start()])
    prev_word = prev.group(1).casefold() if prev else ""
    next_match = _NEXT_WORD.match(text[match.end() : match.end() + 30])
    next_word = next_match.group(1).casefold() if next_match else ""
    if prev_word in _LABELS or prev_word in _MONTHS or next_word in _MONTHS:
        return True
    if plain and _CLOCK.match(text, match.end()):
        return True  # 9am, 2 p.m.
    if plain and _FOUR_DIGITS.fullmatch(match.group("num")) and 1950 <= value <= 2100:
        # A bare four-digit number after "in", "by", "from" … or at the end is a year.
        return prev_word in _YEAR_PREPS or not next_word or match.end() == len(text)
    return False


def find_quantities(text: str, continental: bool = False) -> list[Quantity]:
    """Every measurable number in ``text``, in order; ``continental`` reads 1.200 as 1200."""
    found: list[Quantity] = []
    dates = [date.span() for date in _ISO_DATE.finditer(text)] if "-" in text else []
    for match in _QUANTITY.finditer(text):
        if _glued_to_a_name(text, match.start()):
            continue  # COVID-19, SHA-256
        if any(start <= match.start("num") < end for start, end in dates):
            continue  # 2026-03-31
        # Glued lower-case units ("250ms", "3.2s", "5kg") are measures; glued capitals
        # ("5G", "3D") and ordinals ("30th") are names.
        glued = match.group("glued") or ""
        if glued.casefold() in _ORDINAL_SUFFIX or (glued.isupper() and glued not in ("MB", "GB")):
            continue  # 30th, 5pm, 5G, 3D
        value = _to_float(match.group("num"), continental)
        currency = (match.group("cur") or match.group("cur2") or "").strip()
        mult = match.group("mult")
        pct = match.group("pct")
        plain = not (currency or mult or pct or glued)
        if _is_name_or_date(text, match, value, plain):
            continue
        unit = _CURRENCY_CODES.get(currency, currency)
        if mult == "m" and not currency:
            glued, mult = "m", None  # "5m" without a currency is metres or minutes
        if mult:
            value *= _MULTIPLIER_SUFFIX[mult]
        if pct:
            key = pct.casefold().replace(" ", "")
            unit = "%" if key in _PERCENT else ("x" if key in ("x", "×") else "")
            if not unit and (key in _POINTS or key.startswith("percentage")):
                unit = "points"
        digits = (match.start("num"), match.end("num"), _MULTIPLIER_SUFFIX[mult] if mult else 1.0)
        if unit:
            found.append(
                Quantity(value, unit, True, match.start(), match.end(), match.end(), *digits)
            )
            continue
        if glued:
            found.append(
                Quantity(value, glued, False, match.start(), match.end(), match.end(), *digits)
            )
            continue
        # English units run to three words ("new enterprise customers"); elsewhere the verb
        # often follows the noun ("1.500 Kunden steigern"), so one word is all we trust.
        words_text, words_end = _unit_words(text, match.end(), 1 if continental else 3)
        found.append(
            Quantity(value, words_text, False, match.start(), match.end(), words_end, *digits)
        )
    return found


def _word_run_value(run: str) -> int:
    total = 0
    current = 0
    for token in _WORD_SPLIT.split(run.casefold()):
        if token in ("a", "an", "and"):
            continue
        value = NUMBER_WORDS[token]
        if token == "hundred":
            current = (current or 1) * 100
        elif token == "dozen":
            current = (current or 1) * 12
        elif token in _SCALES:
            total += (current or 1) * value
            current = 0
        else:
            current += value
    return total + current


def _fraction(match: re.Match[str]) -> str:
    count = match.group("n") or match.group("n2")
    kind = match.group("f") or match.group("f2")
    value = _FRACTION_COUNT[count.casefold()] * _FRACTION_VALUES[kind.casefold()]
    return f"{value:g}%"


def _half(match: re.Match[str]) -> str:
    if _HALF_TIME.search(match.string[: match.start()]):
        return match.group(0)  # "first half of the year"
    return "by 50%" if match.group(0).casefold().startswith(("by", "in")) else "50%"


def normalise_numbers(text: str, keep_alone: Collection[str] = ()) -> str:
    """English number words and fractions turned into digits: "from five days to three" →
    "from 5 days to 3", "by a quarter" → "by 25%". Lengths change; work on the result.

    Words in ``keep_alone`` stay words when they stand alone: in an objective "one" is
    mostly a pronoun ("the one people recommend") and "zero" an aspiration ("zero waste").
    """
    lower = text.casefold()
    if "quarter" in lower or "third" in lower or "fifth" in lower or "tenth" in lower:
        text = _FRACTION.sub(_fraction, text)
    if "half" in lower:
        text = _HALF.sub(_half, text)

    def replace(match: re.Match[str]) -> str:
        run = match.group(0)
        if run.casefold() in keep_alone:
            return run
        return str(_word_run_value(run))

    return _NUMBER_WORD_RUN.sub(replace, text)


@dataclass(frozen=True)
class Reading:
    """A statement's numbers, read once and shared by the rules and the metric parser."""

    text: str  # the text the quantities point into (number words already turned to digits)
    quantities: tuple[Quantity, ...]
    multiplier: str | None  # "double", "halve" … as written, lower case

    @property
    def measurable(self) -> bool:
        return bool(self.quantities) or self.multiplier is not None


def read_numbers(text: str, english: bool, keep_alone: Collection[str] = ()) -> Reading:
    """The numbers in ``text``: English number words count only in English text, and
    other languages read "1.200" as twelve hundred."""
    if not english:
        return Reading(text, tuple(find_quantities(text, continental=True)), None)
    norm = normalise_numbers(text, keep_alone)
    multiplier = MULTIPLIER_RE.search(norm)
    return Reading(
        norm,
        tuple(find_quantities(norm)),
        multiplier.group(0).casefold() if multiplier else None,
    )
