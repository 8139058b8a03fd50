"""English word lists and patterns behind the statement rules.

Kept apart from the rules so the vocabulary can grow without the logic moving. Every
pattern is compiled once, at import.
"""

from __future__ import annotations

import re

from okrdesk.coach.wordlists import words

# "To finish …", "We will launch …", "Successfully ship …": judge the verb behind these.
LEAD = re.compile(
    r"^\W*(?:(?:we|i|the\s+team)\s+(?:will|shall|must|should|are\s+going\s+to)\s+|to\s+)?"
    r"(?:(?:successfully|fully|finally|officially|quickly|also)\s+)?",
    re.IGNORECASE,
)
FIRST_WORDS = re.compile(r"([^\W\d_]+)(?:\s+([^\W\d_]+))?")
WORD_TOKEN = re.compile(r"[^\W\d_]+")

# --- objectives -------------------------------------------------------------------------------
TASK_VERBS = words(
    """
    finish complete implement migrate install deploy configure refactor rewrite upgrade
    update conduct organise organize prepare draft write document submit attend
    procure purchase buy integrate audit translate publish renew file apply schedule
    finalise finalize digitise digitize outsource execute
    """
)
# Tasks only with a concrete object: "Replace the phone system" is a project, "Replace
# guesswork with data" an objective; "Deliver the Q2 roadmap" vs "Deliver every parcel …".
TASK_VERBS_WITH_OBJECT = words(
    """
    deliver rebuild redesign renovate refurbish sort reorganise reorganize restructure
    replace plan test hold host fix hire recruit review onboard do relaunch send
    """
)
CONCRETE_OBJECT = re.compile(
    r"\s+(?:the|our|all|this|these|its|their|my|new|an?\s+new)\b", re.IGNORECASE
)
TASK_PHRASES = words("set_up roll_out put_in carry_out clean_up kick_off hand_over sign_off")
# "Get ISO 9001 certified", "Get the new ERP live": a project with a finish line.
GET_DONE = re.compile(
    r"get\b.*\b(?:certified|done|finished|completed|live|approved|signed|installed"
    r"|implemented|launched|shipped|fixed|sorted|delivered)\W*$",
    re.IGNORECASE,
)

GENERIC = words(
    """
    things stuff everything processes process performance quality efficiency effectiveness
    productivity operations results outcomes communication collaboration teamwork alignment
    engagement workflows workflow culture synergies synergy visibility output sales revenue
    growth business company organisation organization team teams work service services
    product products satisfaction experience standards capabilities excellence innovation
    agility transparency value customer customers employee employees staff internal overall
    general our the it in and kpis kpi metrics numbers targets goals operational
    organisational organizational higher greater better more continuous
    """
)
VAGUE_VERBS = words(
    """
    improve increase enhance optimise optimize boost maximise maximize streamline strengthen
    better raise grow drive support ensure maintain develop advance progress upgrade fix
    help address tackle change achieve deliver
    """
)
VAGUE_START = re.compile(
    r"^(?:work(?:ing)?\s+(?:on|towards?|at)|focus(?:ing)?\s+on|look(?:ing)?\s+(?:in)?to"
    r"|(?:do|be|get|become)\s+better|(?:be|do)\s+more|(?:try|trying|aim|strive|seek)\s+to"
    r"|continue|keep\s+(?:on|doing|working|improving|going)|deal\s+with"
    r"|make\s+(?:things|everything|it)\s+better"
    r"|(?:have|make\s+it)\s+(?:an?\s+)?(?:great|good|successful|strong|better|big)\s+"
    r"(?:year|quarter|month|cycle|season|time))\b",
    re.IGNORECASE,
)
VAGUE_ANYWHERE = re.compile(
    r"\b(?:stuff|etc|somehow|whatever|and\s+so\s+on|as\s+much\s+as\s+possible"
    r"|where\s+possible|if\s+possible|in\s+general)\b",
    re.IGNORECASE,
)
# A new sentence: ". Next" (but not "U.S. Sales"), or a clause after a semicolon.
SENTENCE_BREAK = re.compile(r"(?<!\b[A-Z]\.)(?<=[.!?])\s+(?=[A-Z])|;\s*(?=\S)")

# --- key results -------------------------------------------------------------------------------
ACTIVITY_VERBS = words(
    """
    ship launch write publish hold run implement fix build migrate release organise
    organize attend create send deliver complete finish conduct host deploy develop design
    draft prepare train interview call visit post update upgrade install configure test
    review audit plan schedule introduce apply submit produce record film print distribute
    translate document refactor rewrite redesign integrate pilot prototype research analyse
    analyze evaluate assess investigate explore map define identify start begin finalise
    finalize present share arrange coordinate facilitate participate survey benchmark
    purchase buy procure open hire recruit
    """
)
# Verbs that are activities only when they count things done ("Make 50 sales calls"),
# not when they set a level ("Make checkout load in under 2 seconds").
COUNTING_VERBS = words("make do")
# "… in under 2 seconds", "below 3%": the sentence sets a level of a measure, not a to-do.
UPPER_BOUND = re.compile(
    r"\b(?:under|below|less\s+than|fewer\s+than|at\s+most|no\s+more\s+than)\s+[\d€$£¥]",
    re.IGNORECASE,
)
ACTIVITY_PHRASES = words("roll_out set_up kick_off clean_up carry_out put_together sign_off")
# Matched where the statement proper starts: "Keep uptime above …", "Hold churn at 2%".
KPI_START = re.compile(
    r"(?:keep|keeps|maintain|maintains|sustain|sustains|preserve|protect|defend|stay|stays"
    r"|remain|remains)\b"
    r"|hold\b[^.;]*?(?:\b(?:at|above|below|under|over|within)\s+[\d€$£¥]"
    r"|\b(?:steady|stable|flat)\b)",
    re.IGNORECASE,
)
# Anywhere: "Ensure the website stays above 99.5%", "Monthly churn remains under 3%".
KPI_ANYWHERE = re.compile(
    r"\b(?:stays?|staying|remains?|remaining|kept|held)\s+(?:at|above|below|under|over"
    r"|within|steady|stable|flat|healthy|no\s+(?:lower|higher|more|less))\b",
    re.IGNORECASE,
)
# Counts of new things start at zero: "Sign 12 new customers" needs no stated baseline.
NEW_THINGS = re.compile(
    r"\b(?:new|additional|extra|(?:our|my|its|their)\s+first(?!-))\b", re.IGNORECASE
)

# --- initiatives -------------------------------------------------------------------------------
RESULT_VERBS = words(
    """
    increase raise grow lift boost reduce cut lower decrease halve double improve achieve
    reach hit shorten
    """
)


def after_lead(text: str) -> int:
    """Where the statement proper starts, after "To", "We will", "Successfully" …"""
    lead = LEAD.match(text)
    return lead.end() if lead else 0


def lead_words(text: str) -> tuple[str, str]:
    """The first word and the first two words (joined by "_") after any lead-in, lower case."""
    match = FIRST_WORDS.match(text, after_lead(text))
    if match is None:
        return "", ""
    first = match.group(1).casefold()
    second = match.group(2).casefold() if match.group(2) else ""
    return first, f"{first}_{second}"
