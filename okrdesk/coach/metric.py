"""Reading start, target, unit and direction out of a key result sentence.

Choices (documented in docs/COACH_RULES.md too):
- "from X to Y", "Y, up from X", "to Y from X", "X → Y" give both start and target; so do
  connectors glued to the number by a hyphen ("from-30 to-45", Hebrew "מ-30 ל-45").
- "by N" gives only the change: ``delta`` = N (always positive; ``direction`` carries the
  sign) and start/target stay None, unless a start is also stated ("from 5% by 2 points"),
  in which case the target is computed. ``relative`` is True when N is a percentage of the
  start ("by 15%", "by a quarter", "double", "halve", "3x"), False for absolute changes
  ("by 2 points", "by 3 days").
- "to N", "reach N", "below N", "at least N" or a lone "N things" give the target only.
- ``unit`` is a sign ("%", "€", "$", "£", "¥", "x"), "points" for percentage points, or the
  words after the number ("weekly users", "days"); "" when nothing says what is counted.
  For a relative change without a target the unit stays "" (15% of what is unknown).
- ``direction`` comes from the numbers when start and target differ, otherwise from the
  verb ("raise", "grow", "double" / "cut", "reduce", "halve"), otherwise from a comparator
  ("below" → decrease, "above" → increase); None when nothing says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from okrdesk.coach.language import is_probably_english
from okrdesk.coach.quantities import HYPHENS, MULTIPLIERS, Quantity, Reading, read_numbers
from okrdesk.coach.wordlists import alternation, words
from okrdesk.formatting import number
from okrdesk.vocabulary import Direction


@dataclass(frozen=True)
class ParsedMetric:
    """What a key result sentence says about its measure; None fields are unknown."""

    start: float | None
    target: float | None
    unit: str
    direction: Direction | None
    delta: float | None = None
    relative: bool = False

    def to_dict(self) -> dict[str, float | str | bool | None]:
        return {
            "start": self.start,
            "target": self.target,
            "unit": self.unit,
            "direction": self.direction,
            "delta": self.delta,
            "relative": self.relative,
        }

    def key_result_values(self) -> dict[str, float | str]:
        """The key result fields this reading fills ("Use these numbers"); {} without a target.

        Without a start the direction comes from the words ("cut … to 5%"), so a key result
        whose start is not known yet still goes the way its sentence says.
        """
        if self.target is None:
            return {}
        values: dict[str, float | str] = {"target": self.target}
        if self.start is not None:
            values["start"] = self.start
        elif self.direction:
            values["direction"] = self.direction
        if self.unit:
            values["unit"] = self.unit
        return values

    @property
    def states_change(self) -> bool:
        """True when the sentence says where the measure starts or by how much it moves."""
        return self.start is not None or self.delta is not None


_INCREASE_WORDS = words(
    """
    raise raises raised raising increase increases increased increasing grow grows growing
    grew lift lifts lifting boost boosts boosting expand expands expanding gain gains climb
    climbs rise rises double doubles doubling triple triples tripling quadruple maximise
    maximize widen extend accelerate
    steigern erhöhen zwiększyć podnieść augmenter aumentar incrementar verhogen aumentare
    """
)
_DECREASE_WORDS = words(
    """
    cut cuts cutting reduce reduces reduced reducing lower lowers lowering decrease
    decreases decreasing drop drops shrink shrinks shorten shortens shortening slash slashes
    trim trims minimise minimize minimising minimizing eliminate eliminates lessen halve
    halves halving
    senken reduzieren verringern verkürzen zmniejszyć obniżyć skrócić réduire diminuer
    baisser reducir disminuir verlagen ridurre
    """
)
_DIRECTION_WORD = re.compile(
    r"(?<!\w)(" + alternation(_INCREASE_WORDS | _DECREASE_WORDS) + r")(?!\w)", re.IGNORECASE
)

_LOWER_CMP = (
    r"under|below|less\s+than|fewer\s+than|lower\s+than|at\s+most|no\s+more\s+than|within"
    r"|max(?:imum)?|≤|<"
)
_UPPER_CMP = (
    r"above|over|more\s+than|higher\s+than|at\s+least|no\s+less\s+than|min(?:imum)?|beyond"
    r"|≥|>"
)
_SOFT = r"around|about|roughly|approximately|nearly|almost|just|only"
_CMP = re.compile(rf"(?:^|\s)(?P<low>{_LOWER_CMP})?(?P<high>{_UPPER_CMP})?\s*$", re.IGNORECASE)
_FROM_WORDS = r"from|von|de|del|des|du|z|ze|od|van|da|dal|ו?מ"
_TO_WORDS = r"to|auf|bis|à|a|al|au|do|naar|till?|ו?ל|עד"
# After a connector: a space, or a hyphen that glues it to the number ("מ-30 ל-45").
_GLUE = rf"(?:\s+|[{HYPHENS}])"

# Right before a quantity (searched with endpos = the quantity's start).
_FROM_BEFORE = re.compile(rf"(?<!\w)(?:{_FROM_WORDS}){_GLUE}$", re.IGNORECASE)
_UP_FROM_BEFORE = re.compile(r"(?<!\w)(?:up|down|rising|falling)\s+from\s+$", re.IGNORECASE)
_TARGET_BEFORE = re.compile(
    rf"(?<!\w)(?:{_TO_WORDS}|reach(?:es|ing)?|hits?|achieve[sd]?|attain|at|of|towards?){_GLUE}"
    rf"(?:(?:{_SOFT}|{_LOWER_CMP}|{_UPPER_CMP})\s+)?$",
    re.IGNORECASE,
)
_BY_BEFORE = re.compile(r"(?<!\w)(?:by|um|o)\s+(?:(?:about|around|roughly|at\s+least)\s+)?$", re.I)
_QUALIFIER_BEFORE = re.compile(r"(?<!\w)(?:within|in|for|per|every|each|after|over)\s+$", re.I)
_WITHIN_BEFORE = re.compile(r"(?<!\w)within\s+$", re.IGNORECASE)
# Between two quantities of one change: "… to …", "… down to under …", "… → …".
_TO_GAP = re.compile(
    rf"\s*,?\s*(?:(?:down|up|all\s+the\s+way|back)\s+)?(?:(?:{_TO_WORDS}){_GLUE}|[→⟶]\s*|->\s*|=>\s*)"
    rf"(?:(?:{_SOFT}|{_LOWER_CMP}|{_UPPER_CMP})\s+)?",
    re.IGNORECASE,
)
_ARROW_GAP = re.compile(r"\s*(?:[→⟶]|->|=>)\s*")
_FROM_GAP = re.compile(r"\s*,?\s*(?:(?:up|down)\s+)?from\s+", re.IGNORECASE)
_SHARE_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_LOOKBACK = 40


def _before(pattern: re.Pattern[str], text: str, quantity: Quantity) -> re.Match[str] | None:
    return pattern.search(text, max(0, quantity.start - _LOOKBACK), quantity.start)


def _pick_unit(first: Quantity, second: Quantity) -> str:
    for quantity in (second, first):
        if quantity.symbol:
            return quantity.unit
    return second.unit or first.unit


def _verb_direction(text: str) -> Direction | None:
    match = _DIRECTION_WORD.search(text)
    if match is None:
        return None
    return "increase" if match.group(1).casefold() in _INCREASE_WORDS else "decrease"


def _find_change(text: str, found: Sequence[Quantity]) -> tuple[int, int] | None:
    """Indexes (start, target) of a stated change between two quantities, if any."""
    for index in range(len(found) - 1):
        first, second = found[index], found[index + 1]
        gap = text[first.words_end : second.start]
        if _before(_FROM_BEFORE, text, first) and _TO_GAP.fullmatch(gap):
            return index, index + 1
        if _ARROW_GAP.fullmatch(gap):
            return index, index + 1
        if _before(_TARGET_BEFORE, text, first) and _FROM_GAP.fullmatch(gap):
            return index + 1, index
    return None


def parse_reading(reading: Reading) -> ParsedMetric | None:
    """The measure stated by numbers already read from a sentence (see :func:`read_numbers`)."""
    located = _locate(reading)
    return None if located is None else located.metric


@dataclass(frozen=True)
class _Located:
    """A reading and the quantities its start and target were read from (None: not written
    as a number of their own, e.g. a target computed from "by 2 points")."""

    metric: ParsedMetric
    start_at: Quantity | None
    target_at: Quantity | None


def _locate(reading: Reading) -> _Located | None:
    if not reading.measurable:
        return None
    norm, found, multiplier = reading.text, reading.quantities, reading.multiplier
    start: float | None = None
    target: float | None = None
    delta: float | None = None
    relative = False
    unit = ""
    cmp_direction: Direction | None = None
    factor: float | None = None  # "3x"
    used: set[int] = set()

    start_at: Quantity | None = None
    target_at: Quantity | None = None
    change = _find_change(norm, found)
    if change is not None:
        used.update(change)
        start_at, target_at = found[change[0]], found[change[1]]
        start, target = start_at.value, target_at.value
        unit = _pick_unit(found[change[0]], found[change[1]])
    for index, quantity in enumerate(found):
        if index in used:
            continue
        # "…, up from 72%" is a start; a lone "from 5 partner cafés" is what is counted.
        lone = len(found) == 1 and multiplier is None
        if (
            start is None
            and _before(_FROM_BEFORE, norm, quantity)
            and (not lone or _before(_UP_FROM_BEFORE, norm, quantity))
        ):
            start, start_at = quantity.value, quantity
            unit = unit or quantity.unit
            used.add(index)
        elif delta is None and _before(_BY_BEFORE, norm, quantity):
            delta, relative = quantity.value, quantity.unit == "%"
            used.add(index)
            if not relative:
                unit = unit or quantity.unit
    if target is None:
        pick = _pick_target(norm, found, used, start)
        if pick is not None:
            index, cmp_direction = pick
            quantity = found[index]
            used.add(index)
            if quantity.unit == "x":  # "Grow sign-ups 3x": a multiple, not a target
                factor = quantity.value
            else:
                target, target_at = quantity.value, quantity
                unit = unit if unit and not quantity.unit else quantity.unit
    if delta is None and multiplier is not None and (start is None or target is None):
        delta, relative = MULTIPLIERS[multiplier], True

    direction = _direction(norm, start, target, cmp_direction, multiplier)
    if factor is not None and factor > 0 and delta is None:
        # "Grow sign-ups 3x" adds 200%; "Cut load time 2x" takes 50% off.
        shrink = direction == "decrease"
        delta, relative = ((1 - 1 / factor) if shrink else (factor - 1)) * 100, True
    if start is not None and target is None and delta is not None and direction is not None:
        step = start * delta / 100 if relative else delta
        target = start + step if direction == "increase" else start - step
    metric = ParsedMetric(start, target, unit, direction, delta, relative)
    return _Located(metric, start_at, target_at)


def _pick_target(
    text: str, found: Sequence[Quantity], used: set[int], start: float | None
) -> tuple[int, Direction | None] | None:
    free = [index for index in range(len(found)) if index not in used]
    if not free:
        return None
    for index in free:
        if _before(_TARGET_BEFORE, text, found[index]):
            return index, _comparator_direction(text, found[index])
    for index in free:  # "90% of tickets": the share is the measure
        if found[index].unit == "%" and _SHARE_AFTER.match(text, found[index].words_end):
            return index, None
    for index in free:  # "below 2 hours"; "within 30 days" is a condition, not the measure
        direction = _comparator_direction(text, found[index])
        if direction is not None and not _before(_WITHIN_BEFORE, text, found[index]):
            return index, direction
    if start is not None:  # "Redistribute 40 tonnes …, up from 25": the counted thing
        for index in free:
            if found[index].unit:
                return index, None
    plain = [i for i in free if not _before(_QUALIFIER_BEFORE, text, found[i])]
    index = (plain or free)[0]
    return index, _comparator_direction(text, found[index])


def _comparator_direction(text: str, quantity: Quantity) -> Direction | None:
    match = _CMP.search(text, max(0, quantity.start - 20), quantity.start)
    if match is None:
        return None
    if match.group("low"):
        return "decrease"
    if match.group("high"):
        return "increase"
    return None


def _direction(
    text: str,
    start: float | None,
    target: float | None,
    cmp_direction: Direction | None,
    multiplier: str | None,
) -> Direction | None:
    if start is not None and target is not None and start != target:
        return "increase" if target > start else "decrease"
    verb = _verb_direction(text)
    if verb is not None:
        return verb
    if cmp_direction is not None:
        return cmp_direction
    if multiplier is not None:
        return "decrease" if multiplier.startswith("halv") else "increase"
    return None


@lru_cache(maxsize=4096)
def parse_metric(text: str) -> ParsedMetric | None:
    """The measure a key result sentence states, or None when it states no number at all.

    Remembered per text (the answer is immutable): the coach reads every key result again
    on each change, and the set rules read the sentences the statement rules just read."""
    return parse_reading(read_numbers(text, is_probably_english(text)))


def same_number(a: float, b: float) -> bool:
    """Whether two values read the same to people (to two decimals, as everywhere we show
    numbers): 27.333 and 27.33 do, 38 and 27 do not."""
    return number(a) == number(b)


def numbers_disagreeing(
    parsed: ParsedMetric | None, start: float | None, target: float | None
) -> list[tuple[str, float, float]]:
    """("start" | "target", what the sentence says, what is stored) for each number the
    sentence states that differs from the stored one; [] when they agree or one is silent."""
    if parsed is None:
        return []
    found = []
    for name, said, stored in (("start", parsed.start, start), ("target", parsed.target, target)):
        if said is not None and stored is not None and not same_number(said, stored):
            found.append((name, said, stored))
    return found


def reword_numbers(text: str, start: float | None, target: float | None) -> str:
    """The sentence with the start and target it states rewritten to ``start`` and
    ``target`` ("Cut … from 38 to 20 students", start 27 → "Cut … from 27 to 20 students").

    Only numbers written as digits are rewritten, in their own place and style ("€2.4M"
    stays in millions). The text comes back unchanged when there is nothing to rewrite or
    the rewritten sentence would not read back as exactly those numbers (a number word, a
    target computed from "by 2 points"); the coach then reports the disagreement.
    """
    english = is_probably_english(text)
    reading = read_numbers(text, english)
    if reading.text != text:
        return text  # number words became digits: their places in the text are not known
    located = _locate(reading)
    if located is None:
        return text
    edits: list[tuple[Quantity, float]] = []
    for at, said, wanted in (
        (located.start_at, located.metric.start, start),
        (located.target_at, located.metric.target, target),
    ):
        if at is None or said is None or wanted is None:
            continue  # not written in the sentence, or nothing to write
        if not same_number(said, wanted):
            edits.append((at, wanted))
    if not edits:
        return text
    new = text
    for at, wanted in sorted(edits, key=lambda edit: -edit[0].digits_start):
        written = _written(wanted / at.scale, text[at.digits_start : at.digits_end], english)
        new = new[: at.digits_start] + written + new[at.digits_end :]
    again = parse_metric(new)
    if again is None or numbers_disagreeing(again, start, target):
        return text
    return new


def _written(value: float, like: str, english: bool) -> str:
    """A value written in the style of the number it replaces: thousands separators only
    where the old one had them, a decimal comma outside English."""
    text = number(value)  # "1,234.5"
    if not english:
        return text.replace(",", "").replace(".", ",")
    return text if "," in like else text.replace(",", "")
