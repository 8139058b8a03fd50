"""Demo workspace content: Kolbenwerk Espresso, a refurbisher of café espresso machines.

Plain data only. The demo loader turns it into a workspace: it names the cycles by
quarter, sets their dates and produces the weekly check-ins from each key result's
``reached``/``shape``/``notes``. Run this module to check the invariants the loader
relies on: ``PYTHONPATH=. python okrdesk/demo/content.py``.
"""

from itertools import pairwise
from typing import Literal, NotRequired, TypedDict

from okrdesk.vocabulary import (
    CARRY_DECISIONS,
    INITIATIVE_STATUSES,
    KEY_RESULT_KINDS,
    OBJECTIVE_KINDS,
    CarryDecision,
    InitiativeStatus,
    KeyResultKind,
    ObjectiveKind,
    TeamKind,
)

Shape = Literal["linear", "late", "early", "stalled"]


class Organisation(TypedDict):
    name: str
    mission: str
    vision: str
    strategy: str


class Team(TypedDict):
    key: str
    name: str
    parent: str | None
    kind: TeamKind
    people: list[str]


class Theme(TypedDict):
    key: str
    name: str
    description: str


class Support(TypedDict):
    objective: str  # key of an objective in the same cycle, owned by an ancestor team
    weight: float | None


class KeyResult(TypedDict):
    key: str
    title: str
    kind: KeyResultKind
    # metric: start, target, unit. three_level: start, commit, target, stretch, unit.
    # milestone: done_at (fraction of the cycle, or None while not done).
    start: NotRequired[float]
    commit: NotRequired[float]
    target: NotRequired[float]
    stretch: NotRequired[float]
    unit: NotRequired[str]
    done_at: NotRequired[float | None]
    owner: str
    weight: float
    reached: float  # fraction from start to target at cycle end (previous) or today (current)
    shape: Shape
    notes: list[str]
    grade_comment: str | None  # previous cycle only


class Initiative(TypedDict):
    title: str
    status: InitiativeStatus
    owner: str
    key_results: list[str]  # KR keys within the same objective
    due_week: int | None  # 1..13


class Objective(TypedDict):
    key: str
    team: str
    theme: str | None
    title: str
    why: str
    kind: ObjectiveKind
    owner: str
    supports: list[Support]
    key_results: list[KeyResult]
    initiatives: list[Initiative]


# ``continue`` is a Python keyword, so this one needs the functional TypedDict form.
Retrospective = TypedDict(
    "Retrospective",
    {
        "achieved": str,
        "missed": str,
        "process": str,
        "continue": str,
        "stop": str,
        "start": str,
    },
)


class CycleContent(TypedDict):
    name_suffix: str
    themes: list[Theme]
    objectives: list[Objective]
    retrospectives: dict[str, Retrospective]
    carry_forward: dict[str, CarryDecision]


class Kpi(TypedDict):
    name: str
    team: str | None
    unit: str
    healthy_low: float | None
    healthy_high: float | None
    values: list[float]  # weekly, oldest first; the last one is this week


# ---------------------------------------------------------------------------
# The organisation
# ---------------------------------------------------------------------------

ORGANISATION: Organisation = {
    "name": "Kolbenwerk Espresso GmbH",
    "mission": (
        "We rebuild professional espresso machines so that independent cafés can serve great "
        "coffee on equipment that lasts for decades, and we keep those machines running."
    ),
    "vision": (
        "A second-life machine from Kolbenwerk is the natural first choice for any independent "
        "café between Karlsruhe and Zürich: cheaper to own, quicker to fix and kinder to the "
        "planet than a new one."
    ),
    "strategy": (
        "We compete on the cost of owning a machine, not on its price tag. A lease with a "
        "service contract is our core product: it turns one-off sales into steady income and "
        "keeps each machine in our care. That only works if the workshop rebuilds quickly and "
        "predictably and the field team reaches a broken machine the same morning, so those two "
        "come first whenever we have to choose. The online shop sells spare parts and home "
        "machines far beyond our service area; it pays for the parts stock the workshop needs "
        "anyway and makes our name known. We do not sell new machines or coffee, and we do not "
        "take on customers our vans cannot reach within two hours."
    ),
}

TEAMS: list[Team] = [
    {
        "key": "company",
        "name": "Kolbenwerk Espresso",
        "parent": None,
        "kind": "company",
        "people": ["Jürgen", "Zoë", "Miriam"],
    },
    {
        "key": "operations",
        "name": "Operations",
        "parent": "company",
        "kind": "department",
        "people": ["Henrike", "Tobias", "Selin"],
    },
    {
        "key": "workshop",
        "name": "Workshop",
        "parent": "operations",
        "kind": "team",
        "people": ["Dragan", "Paula", "Luca", "Emre", "Ines"],
    },
    {
        "key": "field",
        "name": "Field Service",
        "parent": "operations",
        "kind": "team",
        "people": ["Kai", "Benedikt", "Noémie", "Florin"],
    },
    {
        "key": "sales",
        "name": "Café Sales",
        "parent": "company",
        "kind": "team",
        "people": ["Carla", "Yusuf", "Greta", "Marek"],
    },
    {
        "key": "online",
        "name": "Online Shop",
        "parent": "company",
        "kind": "team",
        "people": ["Lea", "Oskar", "Priya", "Timo"],
    },
]


# ---------------------------------------------------------------------------
# Previous cycle (closed)
# ---------------------------------------------------------------------------

_PREV_CO_1: Objective = {
    "key": "co-1",
    "team": "company",
    "theme": "backlog",
    "title": "Make our rebuild wait something cafés can plan around",
    "why": (
        "Three cafés cancelled their order because we could not tell them when their machine "
        "would be ready. For them a reliable date matters more than a fast one."
    ),
    "kind": "committed",
    "owner": "Jürgen",
    "supports": [],
    "key_results": [
        {
            "key": "kr-1",
            "title": "Cut the average wait from order to delivered machine from 63 days to 35",
            "kind": "metric",
            "start": 63.0,
            "target": 35.0,
            "unit": "days",
            "owner": "Jürgen",
            "weight": 2.0,
            "reached": 0.8,
            "shape": "late",
            "notes": [
                "Still 61 days. The queue is long and the rebuild standard is not in use yet.",
                "No real change. Three machines are sitting at the bench waiting for parts.",
                "First drop we can feel: 52 days. The parts room is paying off.",
                "Down to 44 days. Two machines left a week before the promised date.",
                "Closed at 41 days. Not 35, but cafés now get a date they can believe.",
            ],
            "grade_comment": (
                "0.8. The wait fell by more than three weeks. The last stretch needs faster "
                "rebuilds, not better planning."
            ),
        },
        {
            "key": "kr-2",
            "title": "Raise deliveries on the promised date from 55% to 85%",
            "kind": "three_level",
            "start": 55.0,
            "commit": 75.0,
            "target": 85.0,
            "stretch": 95.0,
            "unit": "%",
            "owner": "Zoë",
            "weight": 1.0,
            "reached": 0.9,
            "shape": "linear",
            "notes": [
                "11 of 19 deliveries arrived on the promised date. The late ones all waited on "
                "boilers.",
                "We now promise dates from the queue board, not from memory. 68% this month.",
                "77%, past the commit line.",
                "Ended at 82%. The last two misses both failed the final pressure test.",
            ],
            "grade_comment": (
                "Above commit, just under target. Promising from the board instead of guessing "
                "made the difference."
            ),
        },
        {
            "key": "kr-3",
            "title": "Every waiting customer can see their machine's place in the rebuild queue",
            "kind": "milestone",
            "done_at": 0.6,
            "owner": "Miriam",
            "weight": 1.0,
            "reached": 1.0,
            "shape": "late",
            "notes": [
                "Selin sketched the status page: five stages from 'arrived' to 'on the van'.",
                "Updates now come straight from the bench tablets. Four friendly cafés test it.",
                "Live for everyone in the queue. Calls asking where a machine is have nearly "
                "stopped.",
            ],
            "grade_comment": (
                "Done in week eight. Fewer chasing calls was worth more than we expected."
            ),
        },
    ],
    "initiatives": [
        {
            "title": "Promise delivery dates from the queue board only, never from memory",
            "status": "done",
            "owner": "Jürgen",
            "key_results": ["kr-2"],
            "due_week": 3,
        },
        {
            "title": "Build a customer status page fed by the bench tablets",
            "status": "done",
            "owner": "Miriam",
            "key_results": ["kr-3", "kr-1"],
            "due_week": 8,
        },
    ],
}

_PREV_CO_2: Objective = {
    "key": "co-2",
    "team": "company",
    "theme": "leasing",
    "title": "Make leasing the way most cafés start with us",
    "why": (
        "A lease with service keeps the machine in our care and gives us income we can plan "
        "with. One-off sales leave us guessing every month."
    ),
    "kind": "committed",
    "owner": "Zoë",
    "supports": [],
    "key_results": [
        {
            "key": "kr-1",
            "title": "Raise the share of new machines placed on lease from 38% to 60%",
            "kind": "metric",
            "start": 38.0,
            "target": 60.0,
            "unit": "%",
            "owner": "Zoë",
            "weight": 1.0,
            "reached": 0.73,
            "shape": "linear",
            "notes": [
                "40% so far. Most buyers never saw a lease offer.",
                "Sales now quotes a lease by default. 46% this month.",
                "51%. Two cafés switched from buying to leasing once they saw the monthly figure.",
                "Finished at 54%. The remaining buyers are mostly chains with their own finance.",
            ],
            "grade_comment": (
                "0.7. Real movement, but 60% assumed every quote would include a lease from "
                "week one."
            ),
        },
        {
            "key": "kr-2",
            "title": "Grow monthly lease income from €18,400 to €26,000",
            "kind": "metric",
            "start": 18400.0,
            "target": 26000.0,
            "unit": "€",
            "owner": "Miriam",
            "weight": 1.0,
            "reached": 1.05,
            "shape": "late",
            "notes": [
                "€18,900. A new lease bills from the month after delivery, so this lags.",
                "€20,700 after last month's deliveries.",
                "€23,600. The win-back cafés are starting to show up.",
                "€26,380 in the final invoice run. Target met.",
            ],
            "grade_comment": (
                "1.0. Met, helped by faster deliveries: a signed lease only bills once the "
                "machine stands in the café."
            ),
        },
        {
            "key": "kr-3",
            "title": "Cut early lease terminations from 5 to 1 per rolling quarter",
            "kind": "metric",
            "start": 5.0,
            "target": 1.0,
            "unit": "leases",
            "owner": "Zoë",
            "weight": 1.0,
            "reached": 0.5,
            "shape": "early",
            "notes": [
                "Rolling count at 4. One café closed for good, which nobody could have saved.",
                "3, after we talked two unhappy cafés out of cancelling.",
                "Still 3. Both new cases are cafés that moved out of our area.",
            ],
            "grade_comment": (
                "0.5. Half the terminations were closures or moves. Next time we count only "
                "the ones we could have prevented."
            ),
        },
    ],
    "initiatives": [
        {
            "title": "Put a lease option on every quote template",
            "status": "done",
            "owner": "Zoë",
            "key_results": ["kr-1"],
            "due_week": 2,
        },
        {
            "title": "Call every lease customer who needs two callouts in one month",
            "status": "done",
            "owner": "Zoë",
            "key_results": ["kr-3"],
            "due_week": 6,
        },
    ],
}

_PREV_CO_3: Objective = {
    "key": "co-3",
    "team": "company",
    "theme": None,
    "title": "Earn a name far beyond the reach of our vans",
    "why": (
        "Our vans cover two hours around Freiburg, but home baristas across Europe need parts "
        "and advice. Being known there makes the parts business pay for the stock we hold."
    ),
    "kind": "aspirational",
    "owner": "Miriam",
    "supports": [],
    "key_results": [
        {
            "key": "kr-1",
            "title": "Grow monthly online parts revenue from €21,000 to €32,000",
            "kind": "metric",
            "start": 21000.0,
            "target": 32000.0,
            "unit": "€",
            "owner": "Miriam",
            "weight": 1.0,
            "reached": 0.55,
            "shape": "linear",
            "notes": [
                "€21,800. Most of the growth is gaskets and shower screens.",
                "€23,900 now that the repair guides rank in search results.",
                "€25,400. Group-head rebuild kits are our best seller.",
                "Ended at €27,050, about half of the stretch we set ourselves.",
            ],
            "grade_comment": (
                "0.55 on an aspirational objective. Solid growth; the big jump needs more than "
                "better search ranking."
            ),
        },
        {
            "key": "kr-2",
            "title": "Raise orders shipped outside our van area from 240 to 400 a month",
            "kind": "metric",
            "start": 240.0,
            "target": 400.0,
            "unit": "orders",
            "owner": "Zoë",
            "weight": 1.0,
            "reached": 0.7,
            "shape": "linear",
            "notes": [
                "255 orders. Austria is growing fastest.",
                "290, with the first regular buyers in Łódź and Vienna.",
                "331. A Dutch forum thread about our guides sent a wave of orders.",
                "352 last month. Right where an aspirational result should land.",
            ],
            "grade_comment": "0.7. The guides travel further than our vans ever will.",
        },
        {
            "key": "kr-3",
            "title": "Publish a cost-of-ownership comparison based on three real cafés",
            "kind": "milestone",
            "done_at": None,
            "owner": "Jürgen",
            "weight": 1.0,
            "reached": 0.0,
            "shape": "stalled",
            "notes": [
                "Two cafés agreed to share their figures. The third wants to stay anonymous.",
                "The accountants' review is taking longer than planned.",
                "Not published. One café withdrew its numbers after a change of owner.",
            ],
            "grade_comment": (
                "0.0. We leaned on the cafés' goodwill for something that mattered more to us "
                "than to them."
            ),
        },
    ],
    "initiatives": [
        {
            "title": "Have a tax adviser check the cost comparison before it goes out",
            "status": "dropped",
            "owner": "Jürgen",
            "key_results": ["kr-3"],
            "due_week": 9,
        },
        {
            "title": "Get listed as a parts supplier on three home-barista forums",
            "status": "done",
            "owner": "Zoë",
            "key_results": ["kr-1", "kr-2"],
            "due_week": 6,
        },
    ],
}

_PREV_OPS_1: Objective = {
    "key": "ops-1",
    "team": "operations",
    "theme": "backlog",
    "title": "Run the workshop and the vans from one weekly plan",
    "why": (
        "Technicians get pulled off rebuilds for callouts without warning, and both jobs "
        "suffer. One shared plan ends the tug of war."
    ),
    "kind": "committed",
    "owner": "Henrike",
    "supports": [{"objective": "co-1", "weight": None}],
    "key_results": [
        {
            "key": "kr-1",
            "title": "Cut rebuild hours lost to unplanned callouts from 46 to 15 a month",
            "kind": "metric",
            "start": 46.0,
            "target": 15.0,
            "unit": "hours",
            "owner": "Henrike",
            "weight": 1.0,
            "reached": 0.65,
            "shape": "early",
            "notes": [
                "41 hours lost. Most of the pulls happen on Mondays.",
                "30 hours. Keeping one technician on call each day helps a lot.",
                "Stuck around 27. When the on-call technician is ill, we fall back to old habits.",
                "26 hours last month.",
            ],
            "grade_comment": (
                "0.65. The on-call rota works; we have no cover when the on-call person is away."
            ),
        },
        {
            "key": "kr-2",
            "title": "One weekly plan for workshop and field service, used eight weeks running",
            "kind": "milestone",
            "done_at": 0.8,
            "owner": "Tobias",
            "weight": 1.0,
            "reached": 1.0,
            "shape": "late",
            "notes": [
                "First Monday planning meeting: 25 minutes, everyone there.",
                "Four weeks in a row. Field service still adds jobs by phone after the plan "
                "is fixed.",
                "Eight weeks running. The plan is simply how we work now.",
            ],
            "grade_comment": (
                "Done. The meeting survived two very busy weeks, which was the real test."
            ),
        },
    ],
    "initiatives": [
        {
            "title": "Hold a 25-minute planning meeting every Monday at 7:30",
            "status": "done",
            "owner": "Henrike",
            "key_results": ["kr-2"],
            "due_week": 2,
        },
        {
            "title": "Introduce a daily on-call technician rota",
            "status": "done",
            "owner": "Tobias",
            "key_results": ["kr-1"],
            "due_week": 4,
        },
    ],
}

_PREV_OPS_2: Objective = {
    "key": "ops-2",
    "team": "operations",
    "theme": "backlog",
    "title": "Stop running out of the parts we use every week",
    "why": (
        "Rebuilds stall for days because a gasket or a pressure switch is missing. The parts "
        "we use weekly should never be the reason a café waits."
    ),
    "kind": "committed",
    "owner": "Tobias",
    "supports": [{"objective": "co-1", "weight": 0.7}, {"objective": "co-2", "weight": 0.3}],
    "key_results": [
        {
            "key": "kr-1",
            "title": "Reduce rebuilds waiting on a missing part from 11 to 3",
            "kind": "metric",
            "start": 11.0,
            "target": 3.0,
            "unit": "machines",
            "owner": "Tobias",
            "weight": 1.0,
            "reached": 1.1,
            "shape": "early",
            "notes": [
                "9 machines waiting. Boiler elements are the worst.",
                "5. The weekly order to our supplier in Milan now goes out automatically.",
                "3, and it has held there for three weeks.",
                "2 at the end of the quarter.",
            ],
            "grade_comment": "1.0. The standing weekly order fixed most of it.",
        },
        {
            "key": "kr-2",
            "title": "Raise stock availability of our 40 most-used parts from 70% to 95%",
            "kind": "three_level",
            "start": 70.0,
            "commit": 85.0,
            "target": 95.0,
            "stretch": 100.0,
            "unit": "%",
            "owner": "Selin",
            "weight": 1.0,
            "reached": 0.84,
            "shape": "linear",
            "notes": [
                "74%. We finally agreed which forty parts count.",
                "83% with minimum stock levels set in the system.",
                "88%. Solenoid valves keep slipping through.",
                "91% at quarter end.",
            ],
            "grade_comment": (
                "Between commit and target. Good enough that rebuilds rarely wait on a top-40 "
                "part any more."
            ),
        },
    ],
    "initiatives": [
        {
            "title": "Set minimum stock levels for the top 40 parts, with a standing weekly order",
            "status": "done",
            "owner": "Selin",
            "key_results": ["kr-1", "kr-2"],
            "due_week": 3,
        },
        {
            "title": "Find a second supplier for boiler heating elements",
            "status": "done",
            "owner": "Tobias",
            "key_results": ["kr-1"],
            "due_week": 10,
        },
    ],
}

_PREV_WS_1: Objective = {
    "key": "ws-1",
    "team": "workshop",
    "theme": "backlog",
    "title": "Rebuild a machine the same way, every time",
    "why": (
        "Each of us has a personal order of work, so one rebuild takes three days and the next "
        "three weeks. A shared standard makes the queue predictable."
    ),
    "kind": "committed",
    "owner": "Dragan",
    "supports": [{"objective": "co-1", "weight": 0.6}, {"objective": "ops-1", "weight": 0.4}],
    "key_results": [
        {
            "key": "kr-1",
            "title": "Cut median hands-on time for a two-group rebuild from 31 hours to 22",
            "kind": "metric",
            "start": 31.0,
            "target": 22.0,
            "unit": "hours",
            "owner": "Paula",
            "weight": 1.0,
            "reached": 0.78,
            "shape": "linear",
            "notes": [
                "30.5 hours. The standard isn't written yet, so no change expected.",
                "28 hours on the first machines rebuilt to the draft standard.",
                "26. Pre-packed gasket kits save almost an hour per group.",
                "24 hours median at the end. Descaling the boiler is now the slowest step.",
            ],
            "grade_comment": "0.78. Much better; descaling needs a fix of its own.",
        },
        {
            "key": "kr-2",
            "title": "A photo rebuild standard for our five most common models at every bench",
            "kind": "milestone",
            "done_at": 0.4,
            "owner": "Dragan",
            "weight": 1.0,
            "reached": 1.0,
            "shape": "early",
            "notes": [
                "Photographed a complete strip-down of our most common two-group model.",
                "Three of five models documented. Luca is laminating the pages.",
                "All five models documented and hanging at the benches.",
            ],
            "grade_comment": (
                "Done in week five. The newer technicians use it daily; the old hands mostly don't."
            ),
        },
        {
            "key": "kr-3",
            "title": "Cut machines returning within 30 days of delivery from 9% to 4%",
            "kind": "metric",
            "start": 9.0,
            "target": 4.0,
            "unit": "%",
            "owner": "Emre",
            "weight": 1.0,
            "reached": 0.4,
            "shape": "linear",
            "notes": [
                "9%. Most returns are leaks at the steam valve.",
                "8%. New steam valve seals went into every machine this month.",
                "Still 8%. A faulty batch of pressure-stats failed on two machines.",
                "7% at the end.",
            ],
            "grade_comment": (
                "0.4. The steam valves are solved; the pressure-stats are a supplier problem we "
                "never escalated."
            ),
        },
    ],
    "initiatives": [
        {
            "title": "Photograph and write up the rebuild of our five most common models",
            "status": "done",
            "owner": "Dragan",
            "key_results": ["kr-2"],
            "due_week": 5,
        },
        {
            "title": "Pre-pack gasket and seal kits for each model",
            "status": "done",
            "owner": "Luca",
            "key_results": ["kr-1"],
            "due_week": 6,
        },
        {
            "title": "Run a 48-hour burn-in test before every delivery",
            "status": "dropped",
            "owner": "Emre",
            "key_results": ["kr-3"],
            "due_week": 9,
        },
    ],
}

_PREV_WS_2: Objective = {
    "key": "ws-2",
    "team": "workshop",
    "theme": "backlog",
    "title": "Turn the back store into a parts room we can trust",
    "why": (
        "Nobody knows what is on the shelves, so we reorder parts we already have and miss the "
        "ones we don't."
    ),
    "kind": "committed",
    "owner": "Luca",
    "supports": [{"objective": "ops-2", "weight": None}],
    "key_results": [
        {
            "key": "kr-1",
            "title": "Every part in the back store labelled, shelved and counted in the system",
            "kind": "milestone",
            "done_at": 0.7,
            "owner": "Luca",
            "weight": 1.0,
            "reached": 1.0,
            "shape": "late",
            "notes": [
                "Shelving is up. Counting happens on Friday afternoons.",
                "About half the bins counted. Found 30 group gaskets we had forgotten about.",
                "Everything counted and labelled.",
            ],
            "grade_comment": "Done in week nine, three weeks later than planned but thorough.",
        },
        {
            "key": "kr-2",
            "title": "Raise stock-count accuracy on weekly spot checks from 62% to 95%",
            "kind": "metric",
            "start": 62.0,
            "target": 95.0,
            "unit": "%",
            "owner": "Ines",
            "weight": 1.0,
            "reached": 0.9,
            "shape": "late",
            "notes": [
                "63%. Expected while the count isn't finished.",
                "71%. Parts taken for callouts are not being booked out.",
                "Field service now scans parts out with a handheld. 86%.",
                "92% on the last spot check.",
            ],
            "grade_comment": "0.9. Booking out parts taken for the vans was the missing step.",
        },
    ],
    "initiatives": [
        {
            "title": "Label every bin and count the back store on Friday afternoons",
            "status": "done",
            "owner": "Luca",
            "key_results": ["kr-1", "kr-2"],
            "due_week": 9,
        },
        {
            "title": "Give field service a handheld scanner to book parts out",
            "status": "done",
            "owner": "Ines",
            "key_results": ["kr-2"],
            "due_week": 8,
        },
    ],
}

_PREV_FS_1: Objective = {
    "key": "fs-1",
    "team": "field",
    "theme": "leasing",
    "title": "Reach the café before the morning rush is lost",
    "why": (
        "A café with a dead machine loses most of the day's takings by noon. Lease customers "
        "pay us for exactly that rescue."
    ),
    "kind": "committed",
    "owner": "Kai",
    "supports": [{"objective": "co-2", "weight": None}, {"objective": "ops-1", "weight": None}],
    "key_results": [
        {
            "key": "kr-1",
            "title": "Raise callouts reached within four hours from 58% to 80%",
            "kind": "metric",
            "start": 58.0,
            "target": 80.0,
            "unit": "%",
            "owner": "Kai",
            "weight": 1.0,
            "reached": 0.6,
            "shape": "linear",
            "notes": [
                "60%. Mornings in Offenburg are the hardest to reach.",
                "64% since the on-call rota started.",
                "69%. Roadworks on the B31 cost us three slow arrivals.",
                "71% at quarter end.",
            ],
            "grade_comment": (
                "0.6. Better, but most of the gain came from the on-call rota rather than from "
                "anything we changed."
            ),
        },
        {
            "key": "kr-2",
            "title": "Cut average response time for lease customers from 7.5 hours to 4",
            "kind": "metric",
            "start": 7.5,
            "target": 4.0,
            "unit": "hours",
            "owner": "Benedikt",
            "weight": 1.0,
            "reached": 0.7,
            "shape": "early",
            "notes": [
                "6.8 hours. Lease customers now jump the queue.",
                "5.4 hours. Queue priority is working.",
                "Flat at about 5 hours for the last month.",
            ],
            "grade_comment": (
                "0.7. Queue priority gave a quick win, then we hit the limit of two vans."
            ),
        },
        {
            "key": "kr-3",
            "title": "Raise the first-visit fix rate from 64% to 80%",
            "kind": "metric",
            "start": 64.0,
            "target": 80.0,
            "unit": "%",
            "owner": "Florin",
            "weight": 1.0,
            "reached": 0.05,
            "shape": "stalled",
            "notes": [
                "64%. The part we need is usually back in Freiburg.",
                "63%. Vans still leave with whatever happens to be in them.",
                "65%. We talked about a standard van stock again, and again did nothing.",
                "Ended at 65%. Stalled all quarter.",
            ],
            "grade_comment": (
                "0.05. Stalled. We knew the cause from week two, the wrong parts in the van, "
                "and let the van-stock initiative slide every single week."
            ),
        },
    ],
    "initiatives": [
        {
            "title": "Give lease customers priority in the callout queue",
            "status": "done",
            "owner": "Kai",
            "key_results": ["kr-2", "kr-1"],
            "due_week": 2,
        },
        {
            "title": "Agree a standard parts list for each van",
            "status": "planned",
            "owner": "Florin",
            "key_results": ["kr-3"],
            "due_week": 6,
        },
    ],
}

_PREV_FS_2: Objective = {
    "key": "fs-2",
    "team": "field",
    "theme": "leasing",
    "title": "Help cafés look after their machines between our visits",
    "why": (
        "Many emergency callouts trace back to skipped backflushing and hard water. Cafés that "
        "care for the machine every day rarely need us in a hurry."
    ),
    "kind": "aspirational",
    "owner": "Noémie",
    "supports": [{"objective": "co-2", "weight": None}],
    "key_results": [
        {
            "key": "kr-1",
            "title": "Train the staff of 25 lease cafés in daily machine care",
            "kind": "metric",
            "start": 0.0,
            "target": 25.0,
            "unit": "cafés",
            "owner": "Noémie",
            "weight": 1.0,
            "reached": 0.72,
            "shape": "linear",
            "notes": [
                "4 cafés trained. A 20-minute session after closing works best.",
                "10 cafés. Several owners want a version for new staff.",
                "15. Cafés in Strasbourg asked for the session in French, so Noémie ran it.",
                "18 cafés trained by the end.",
            ],
            "grade_comment": (
                "0.72 on an aspirational objective, which is a success. The short after-closing "
                "session is the format to keep."
            ),
        },
        {
            "key": "kr-2",
            "title": "Reduce scale-related callouts from 21 to 10 a quarter",
            "kind": "metric",
            "start": 21.0,
            "target": 10.0,
            "unit": "callouts",
            "owner": "Florin",
            "weight": 1.0,
            "reached": 0.45,
            "shape": "late",
            "notes": [
                "Rolling count 21. Too early to see any effect.",
                "20. Water filters are overdue at many cafés we haven't trained yet.",
                "18. The trained cafés have hardly called.",
                "16 at the end of the quarter.",
            ],
            "grade_comment": "0.45. Moving the right way; filter changes are the next lever.",
        },
        {
            "key": "kr-3",
            "title": "A care card in German and French hangs beside every leased machine",
            "kind": "milestone",
            "done_at": 0.35,
            "owner": "Benedikt",
            "weight": 1.0,
            "reached": 1.0,
            "shape": "early",
            "notes": [
                "Draft card done; Noémie is checking the French.",
                "Printed and laminated. We hang them on every visit.",
                "Every leased machine has its card.",
            ],
            "grade_comment": (
                "Done in week five. Cheap, visible, and cafés photograph it for new staff."
            ),
        },
    ],
    "initiatives": [
        {
            "title": "Run 20-minute care sessions at lease cafés after closing time",
            "status": "done",
            "owner": "Noémie",
            "key_results": ["kr-1", "kr-2"],
            "due_week": 12,
        },
        {
            "title": "Print a care card and hang it at every leased machine",
            "status": "done",
            "owner": "Benedikt",
            "key_results": ["kr-3"],
            "due_week": 5,
        },
    ],
}

_PREV_SA_1: Objective = {
    "key": "sa-1",
    "team": "sales",
    "theme": "leasing",
    "title": "Turn every quote into a lease conversation",
    "why": (
        "We still lead with the purchase price because that is what cafés ask about. For most "
        "of them a lease is the better deal, and we rarely show it."
    ),
    "kind": "committed",
    "owner": "Carla",
    "supports": [{"objective": "co-2", "weight": None}],
    "key_results": [
        {
            "key": "kr-1",
            "title": "Include a lease option in 90% of quotes, up from 35%",
            "kind": "metric",
            "start": 35.0,
            "target": 90.0,
            "unit": "%",
            "owner": "Carla",
            "weight": 1.0,
            "reached": 1.05,
            "shape": "early",
            "notes": [
                "The lease option is on the quote template now. 81% this week.",
                "94%. The few without one are trade-in swaps.",
                "Steady above 90%.",
            ],
            "grade_comment": (
                "1.0. Easy once it was in the template; honestly too easy for a key result."
            ),
        },
        {
            "key": "kr-2",
            "title": "Sign 24 new lease contracts",
            "kind": "metric",
            "start": 0.0,
            "target": 24.0,
            "unit": "leases",
            "owner": "Yusuf",
            "weight": 1.0,
            "reached": 0.83,
            "shape": "linear",
            "notes": [
                "5 signed. Two more waiting on bank approval.",
                "11. The monthly price is what convinces them.",
                "16. Lost two to a competitor who threw in a free grinder.",
                "20 signed in total.",
            ],
            "grade_comment": (
                "0.83. A good quarter; we lost the last four to waiting times, not to price."
            ),
        },
        {
            "key": "kr-3",
            "title": "Raise quote-to-contract conversion from 22% to 32%",
            "kind": "three_level",
            "start": 22.0,
            "commit": 28.0,
            "target": 32.0,
            "stretch": 38.0,
            "unit": "%",
            "owner": "Greta",
            "weight": 1.0,
            "reached": 0.7,
            "shape": "linear",
            "notes": [
                "23%. Many quotes are still open.",
                "26%. Following up within three days helps.",
                "29%, past the commit line.",
                "Holding at 29%.",
            ],
            "grade_comment": (
                "Commit reached, target missed. Quotes to chains rarely convert and pull the "
                "average down."
            ),
        },
    ],
    "initiatives": [
        {
            "title": "Add a lease option to the quote template",
            "status": "done",
            "owner": "Carla",
            "key_results": ["kr-1"],
            "due_week": 1,
        },
        {
            "title": "Follow up every open quote within three working days",
            "status": "done",
            "owner": "Greta",
            "key_results": ["kr-2", "kr-3"],
            "due_week": 3,
        },
    ],
}

_PREV_SA_2: Objective = {
    "key": "sa-2",
    "team": "sales",
    "theme": "leasing",
    "title": "Win back the cafés that bought from us years ago",
    "why": (
        "About 140 cafés bought a machine from us before we offered leases. Many of those "
        "machines are due a rebuild, and nobody has asked their owners."
    ),
    "kind": "aspirational",
    "owner": "Yusuf",
    "supports": [{"objective": "co-2", "weight": None}],
    "key_results": [
        {
            "key": "kr-1",
            "title": "Carry out 30 on-site machine health checks for former customers",
            "kind": "metric",
            "start": 0.0,
            "target": 30.0,
            "unit": "visits",
            "owner": "Yusuf",
            "weight": 1.0,
            "reached": 1.1,
            "shape": "early",
            "notes": [
                "12 booked in the first fortnight. People remember us.",
                "24 done. Half of the machines will need work soon.",
                "33 health checks done.",
            ],
            "grade_comment": (
                "1.1. Former customers were glad to hear from us; we underestimated them."
            ),
        },
        {
            "key": "kr-2",
            "title": "Move 8 former customers to a lease or an upgrade",
            "kind": "metric",
            "start": 0.0,
            "target": 8.0,
            "unit": "cafés",
            "owner": "Marek",
            "weight": 1.0,
            "reached": 0.5,
            "shape": "late",
            "notes": [
                "None yet; the health checks come first.",
                "2 signed, both upgrades to a larger machine.",
                "4 by the end. Several want to wait until their current machine dies.",
            ],
            "grade_comment": (
                "0.5. The health checks opened doors, but we had nothing to offer cafés that "
                "only want a repair."
            ),
        },
    ],
    "initiatives": [
        {
            "title": "Call every café on the old customer list and offer a free health check",
            "status": "done",
            "owner": "Yusuf",
            "key_results": ["kr-1"],
            "due_week": 4,
        },
        {
            "title": "Design a trade-in offer for old machines",
            "status": "done",
            "owner": "Marek",
            "key_results": ["kr-2"],
            "due_week": 8,
        },
    ],
}

_PREV_ON_1: Objective = {
    "key": "on-1",
    "team": "online",
    "theme": None,
    "title": "Make our repair guides the first stop for home baristas",
    "why": (
        "Home baristas search for the fix before they search for the part. If they learn the "
        "fix from us, they buy the part from us."
    ),
    "kind": "aspirational",
    "owner": "Priya",
    "supports": [{"objective": "co-3", "weight": None}],
    "key_results": [
        {
            "key": "kr-1",
            "title": "Grow monthly visitors to the repair guides from 4,100 to 12,000",
            "kind": "metric",
            "start": 4100.0,
            "target": 12000.0,
            "unit": "visitors",
            "owner": "Priya",
            "weight": 1.0,
            "reached": 0.62,
            "shape": "linear",
            "notes": [
                "4,600. The descaling guide does most of the work.",
                "6,200 since the English translations went live.",
                "7,900. A Dutch coffee forum linked to our gasket guide.",
                "About 9,000 last month.",
            ],
            "grade_comment": (
                "0.62. Good growth, but visitors only matter if they order. We will stop "
                "counting them on their own."
            ),
        },
        {
            "key": "kr-2",
            "title": "Raise guide readers who order a part within 7 days from 1.2% to 3%",
            "kind": "metric",
            "start": 1.2,
            "target": 3.0,
            "unit": "%",
            "owner": "Oskar",
            "weight": 1.0,
            "reached": 0.4,
            "shape": "late",
            "notes": [
                "1.2%. The guides don't link to the parts yet.",
                "1.3%. Part links added to the five most-read guides.",
                "1.7% with a parts list at the end of every guide.",
                "1.9% at the end.",
            ],
            "grade_comment": (
                "0.4. The parts list helped; many readers still can't tell which version of a "
                "part they need."
            ),
        },
        {
            "key": "kr-3",
            "title": "Video guides online for our ten most-searched repairs",
            "kind": "milestone",
            "done_at": None,
            "owner": "Timo",
            "weight": 1.0,
            "reached": 0.0,
            "shape": "stalled",
            "notes": [
                "Filming corner set up in the workshop. Two videos done.",
                "Five done. Editing takes longer than filming.",
                "Seven of ten. The last three need a lever machine we don't have on the bench.",
            ],
            "grade_comment": (
                "0.0, because a milestone is done or not. Seven of ten are live, so the work is "
                "far from wasted; smaller milestones would have shown that."
            ),
        },
    ],
    "initiatives": [
        {
            "title": "Translate the ten most-read repair guides into English",
            "status": "done",
            "owner": "Priya",
            "key_results": ["kr-1"],
            "due_week": 4,
        },
        {
            "title": "Film the ten most-searched repairs in the workshop",
            "status": "in_progress",
            "owner": "Timo",
            "key_results": ["kr-3", "kr-1"],
            "due_week": 12,
        },
    ],
}

_PREV_ON_2: Objective = {
    "key": "on-2",
    "team": "online",
    "theme": None,
    "title": "Get parts to people while their machine is still open",
    "why": (
        "Someone who has taken their machine apart wants the gasket tomorrow, not next week. "
        "Slow shipping sends them to the big marketplaces."
    ),
    "kind": "committed",
    "owner": "Lea",
    "supports": [{"objective": "co-3", "weight": None}],
    "key_results": [
        {
            "key": "kr-1",
            "title": "Raise orders shipped the same working day from 71% to 95%",
            "kind": "metric",
            "start": 71.0,
            "target": 95.0,
            "unit": "%",
            "owner": "Lea",
            "weight": 1.0,
            "reached": 1.05,
            "shape": "early",
            "notes": [
                "78%. Orders after 2 p.m. miss the courier.",
                "The courier now collects at 4 p.m. 91%.",
                "96% for three weeks running.",
            ],
            "grade_comment": "1.0. A later pickup did more than any process change.",
        },
        {
            "key": "kr-2",
            "title": "Cut wrong-part returns from 6.5% to 3% of orders",
            "kind": "metric",
            "start": 6.5,
            "target": 3.0,
            "unit": "%",
            "owner": "Oskar",
            "weight": 1.0,
            "reached": 0.86,
            "shape": "linear",
            "notes": [
                "6.1%. Most returns are shower screens in the wrong diameter.",
                "5.0% after we added measuring guides to the product pages.",
                "4.1%. Exploded diagrams are live for the top 20 parts.",
                "3.5% at the end.",
            ],
            "grade_comment": (
                "0.86. Diagrams and measuring guides work; the rest is unusual older machines."
            ),
        },
    ],
    "initiatives": [
        {
            "title": "Move the daily courier pickup from 2 p.m. to 4 p.m.",
            "status": "done",
            "owner": "Lea",
            "key_results": ["kr-1"],
            "due_week": 3,
        },
        {
            "title": "Add exploded diagrams and measuring guides to the 20 best-selling parts",
            "status": "done",
            "owner": "Oskar",
            "key_results": ["kr-2"],
            "due_week": 9,
        },
    ],
}

PREVIOUS_CYCLE: CycleContent = {
    "name_suffix": "previous",
    "themes": [
        {
            "key": "backlog",
            "name": "Clear the rebuild backlog",
            "description": (
                "Cafés wait up to nine weeks for a rebuilt machine, and every lease we sign makes "
                "the queue longer. Until the wait is short and predictable, growth hurts us."
            ),
        },
        {
            "key": "leasing",
            "name": "Leasing first",
            "description": (
                "Move new customers from buying outright to a lease with a service contract: "
                "steadier income for us, no surprise repair bills for them, and the machine "
                "stays in our care."
            ),
        },
    ],
    "objectives": [
        _PREV_CO_1,
        _PREV_CO_2,
        _PREV_CO_3,
        _PREV_OPS_1,
        _PREV_OPS_2,
        _PREV_WS_1,
        _PREV_WS_2,
        _PREV_FS_1,
        _PREV_FS_2,
        _PREV_SA_1,
        _PREV_SA_2,
        _PREV_ON_1,
        _PREV_ON_2,
    ],
    "retrospectives": {
        "company": {
            "achieved": (
                "The rebuild wait fell from 63 to 41 days and most machines now arrive on the "
                "promised date. Lease income reached its target because machines got to cafés "
                "sooner."
            ),
            "missed": (
                "The cost comparison was never published: we relied on three cafés' goodwill for "
                "something that mattered more to us than to them. The lease share stopped at "
                "54% because chains bring their own finance."
            ),
            "process": (
                "Three company objectives was the right number. Weekly check-ins kept the "
                "backlog in view, but we judged our aspirational objective as if it were "
                "committed and felt worse about it than we should have."
            ),
            "continue": (
                "Monday planning across workshop and field service; promising dates from the "
                "queue board."
            ),
            "stop": "Writing key results that depend mainly on favours from other people.",
            "start": (
                "Looking at the KPI board in the monthly review, so that a drifting number "
                "becomes an objective before it becomes a crisis."
            ),
        },
        "operations": {
            "achieved": (
                "One weekly plan for the workshop and the vans, and parts shortages are mostly "
                "gone: rebuilds waiting on a part fell from eleven to two."
            ),
            "missed": (
                "Rebuild hours lost to callouts stuck at about 26 a month, because nobody covers "
                "when the on-call technician is away."
            ),
            "process": (
                "Owning the shared plan made Henrike and Tobias the link between two teams that "
                "used to blame each other. The objective was useful; the lost-hours number was "
                "hard to measure honestly."
            ),
            "continue": "The Monday 7:30 planning meeting and the standing parts order.",
            "stop": "Adding up lost hours from memory at the end of the month.",
            "start": (
                "A backup on-call technician, and logging every pull from the bench in the "
                "dispatch tool as it happens."
            ),
        },
        "workshop": {
            "achieved": (
                "The photo standard hangs at every bench, rebuild time fell from 31 to 24 hours, "
                "and the back store finally matches the inventory system."
            ),
            "missed": (
                "Returns within 30 days only fell to 7%. The faulty pressure-stat batch was a "
                "supplier problem we never took up with the supplier."
            ),
            "process": (
                "Two objectives for five people was manageable. Checking in on Friday afternoon "
                "at the bench worked better than a meeting room."
            ),
            "continue": "Friday check-ins at the bench; pre-packed seal kits.",
            "stop": "Dropping the burn-in test whenever shelf space runs out.",
            "start": "Recording every return by cause; a firm word with the pressure-stat maker.",
        },
        "field": {
            "achieved": (
                "Lease customers now wait about five hours instead of seven and a half, and "
                "eighteen cafés have learned daily care. The care cards are everywhere."
            ),
            "missed": (
                "The first-visit fix rate did not move at all. We knew from week two that van "
                "stock was the problem and kept postponing the fix."
            ),
            "process": (
                "Honest weekly numbers showed the stall early, but nobody owned the work that "
                "would have fixed it. A key result without an initiative is just a number we "
                "watch."
            ),
            "continue": "After-closing care sessions; queue priority for lease customers.",
            "stop": "Leaving the contents of each van to its technician's habits.",
            "start": "A standard van stock list, restocked every Friday, owned by Florin.",
        },
        "sales": {
            "achieved": (
                "Nearly every quote now includes a lease, we signed 20 leases, and 33 former "
                "customers let us check their machines."
            ),
            "missed": (
                "Only four former customers converted, and our quotes to chains still rarely "
                "turn into contracts."
            ),
            "process": (
                "'90% of quotes with a lease' was really an activity: done by week three, it "
                "told us nothing after that. The conversion key result was far more useful."
            ),
            "continue": "Following up quotes within three days; health checks for old customers.",
            "stop": "Setting key results we can tick off by changing a template.",
            "start": "A repair-only offer for former customers who aren't ready for a new machine.",
        },
        "online": {
            "achieved": (
                "Same-day shipping is at 96%, wrong-part returns almost halved, and guide "
                "traffic more than doubled."
            ),
            "missed": (
                "Only seven of ten video guides are live, so the milestone scored zero. Readers "
                "still rarely order after reading a guide."
            ),
            "process": (
                "We learned that traffic was a vanity number and the share of readers who order "
                "is the one that counts. Splitting the video milestone into smaller steps would "
                "have shown our progress honestly."
            ),
            "continue": "The later courier pickup; exploded diagrams on part pages.",
            "stop": "Counting visitors as a result.",
            "start": "Linking each step of a guide to the exact part, and finishing the videos.",
        },
    },
    "carry_forward": {
        "co-1": "done",
        "co-1/kr-1": "modify",
        "co-1/kr-2": "done",
        "co-1/kr-3": "done",
        "co-2": "modify",
        "co-2/kr-1": "modify",
        "co-2/kr-2": "done",
        "co-2/kr-3": "modify",
        "co-3": "modify",
        "co-3/kr-1": "carry",
        "co-3/kr-2": "carry",
        "co-3/kr-3": "drop",
        "ops-1": "done",
        "ops-1/kr-1": "modify",
        "ops-1/kr-2": "done",
        "ops-2": "done",
        "ops-2/kr-1": "done",
        "ops-2/kr-2": "done",
        "ws-1": "modify",
        "ws-1/kr-1": "carry",
        "ws-1/kr-2": "done",
        "ws-1/kr-3": "carry",
        "ws-2": "done",
        "ws-2/kr-1": "done",
        "ws-2/kr-2": "done",
        "fs-1": "modify",
        "fs-1/kr-1": "modify",
        "fs-1/kr-2": "drop",
        "fs-1/kr-3": "carry",
        "fs-2": "done",
        "fs-2/kr-1": "done",
        "fs-2/kr-2": "drop",
        "fs-2/kr-3": "done",
        "sa-1": "done",
        "sa-1/kr-1": "done",
        "sa-1/kr-2": "done",
        "sa-1/kr-3": "drop",
        "sa-2": "drop",
        "sa-2/kr-1": "done",
        "sa-2/kr-2": "drop",
        "on-1": "modify",
        "on-1/kr-1": "drop",
        "on-1/kr-2": "carry",
        "on-1/kr-3": "carry",
        "on-2": "done",
        "on-2/kr-1": "done",
        "on-2/kr-2": "done",
    },
}


# ---------------------------------------------------------------------------
# Current cycle (active)
# ---------------------------------------------------------------------------

_CUR_CO_1: Objective = {
    "key": "co-1",
    "team": "company",
    "theme": "sameday",
    "title": "Make same-day rescue a promise we always keep",
    "why": (
        "Cafés lease from us for the rescue, and more than one callout in four still takes "
        "longer than four hours."
    ),
    "kind": "committed",
    "owner": "Jürgen",
    "supports": [],
    "key_results": [
        {
            "key": "kr-1",
            "title": "Raise callouts reached within four hours from 72% to 95%",
            "kind": "metric",
            "start": 72.0,
            "target": 95.0,
            "unit": "%",
            "owner": "Jürgen",
            "weight": 2.0,
            "reached": 0.45,
            "shape": "linear",
            "notes": [
                "73%. Monday mornings are still the bottleneck.",
                "78%. Tobias moved one technician's start to 6:30.",
                "80%, with one bad day when both vans were in Colmar.",
                "82%. The dispatch board shows us who is nearest.",
            ],
            "grade_comment": None,
        },
        {
            "key": "kr-2",
            "title": "Cut cafés losing a whole trading day to a broken machine from 9 to 2",
            "kind": "metric",
            "start": 9.0,
            "target": 2.0,
            "unit": "cafés",
            "owner": "Zoë",
            "weight": 1.0,
            "reached": 0.57,
            "shape": "early",
            "notes": [
                "Rolling count 8. A loan machine saved a café in Emmendingen on Tuesday.",
                "6. Having two loan machines on the shelf makes all the difference.",
                "5. One café lost a day because the loan machine needed a 380 V socket.",
            ],
            "grade_comment": None,
        },
        {
            "key": "kr-3",
            "title": "Lift the lease-customer NPS from 41 to 55",
            "kind": "three_level",
            "start": 41.0,
            "commit": 48.0,
            "target": 55.0,
            "stretch": 62.0,
            "unit": "NPS points",
            "owner": "Miriam",
            "weight": 1.0,
            "reached": 0.35,
            "shape": "linear",
            "notes": [
                "Survey sent to all 96 lease customers. 41 from the first 30 replies.",
                "44. The comments praise the technicians and grumble about delivery dates.",
                "46, close to the commit line.",
            ],
            "grade_comment": None,
        },
    ],
    "initiatives": [
        {
            "title": "Keep two loan machines ready for cafés we cannot fix on the spot",
            "status": "in_progress",
            "owner": "Jürgen",
            "key_results": ["kr-2"],
            "due_week": 4,
        },
        {
            "title": "Ask every lease customer for a score after each callout",
            "status": "in_progress",
            "owner": "Miriam",
            "key_results": ["kr-3"],
            "due_week": 3,
        },
    ],
}

_CUR_CO_2: Objective = {
    "key": "co-2",
    "team": "company",
    "theme": "border",
    "title": "Plant our flag in Basel and Alsace",
    "why": (
        "Five cafés across the border found us on their own. With a van based in Lörrach we "
        "can serve them properly and find many more."
    ),
    "kind": "aspirational",
    "owner": "Zoë",
    "supports": [],
    "key_results": [
        {
            "key": "kr-1",
            "title": "Grow lease contracts with cafés across the border from 5 to 20",
            "kind": "metric",
            "start": 5.0,
            "target": 20.0,
            "unit": "leases",
            "owner": "Zoë",
            "weight": 1.0,
            "reached": 0.2,
            "shape": "late",
            "notes": [
                "Still 5. The French contract isn't ready yet.",
                "6. A roastery café in Sélestat signed on the spot.",
                "8. Two cafés in Basel want to see the Lörrach van running first.",
            ],
            "grade_comment": None,
        },
        {
            "key": "kr-2",
            "title": "A customs partner clears a machine into Switzerland within one working day",
            "kind": "milestone",
            "done_at": 0.25,
            "owner": "Miriam",
            "weight": 1.0,
            "reached": 1.0,
            "shape": "early",
            "notes": [
                "Met two customs brokers in Weil am Rhein.",
                "A test shipment to Basel cleared in six hours.",
                "Agreement signed. Done.",
            ],
            "grade_comment": None,
        },
        {
            "key": "kr-3",
            "title": "Cut callout response time in Basel from 5.5 hours to 3",
            "kind": "metric",
            "start": 5.5,
            "target": 3.0,
            "unit": "hours",
            "owner": "Jürgen",
            "weight": 1.0,
            "reached": 0.2,
            "shape": "late",
            "notes": [
                "5.5 hours. Every Basel callout still starts in Freiburg.",
                "5.2. We now send whoever is nearest, even if they are mid-job.",
                "5.0. The Lörrach van will change this; until then, small gains.",
            ],
            "grade_comment": None,
        },
    ],
    "initiatives": [
        {
            "title": "Sign a customs partner for machines going into Switzerland",
            "status": "done",
            "owner": "Miriam",
            "key_results": ["kr-2"],
            "due_week": 3,
        },
        {
            "title": "Host an open tasting day for Basel cafés at a partner roastery",
            "status": "planned",
            "owner": "Zoë",
            "key_results": ["kr-1"],
            "due_week": 9,
        },
    ],
}

_CUR_CO_3: Objective = {
    "key": "co-3",
    "team": "company",
    "theme": "parts",
    "title": "Let the parts business pay for the parts we hold",
    "why": (
        "About €140,000 sits on our shelves as spare parts, mostly for our own rebuilds. "
        "Selling faster online frees that cash and keeps the workshop supplied."
    ),
    "kind": "committed",
    "owner": "Miriam",
    "supports": [],
    "key_results": [
        {
            "key": "kr-1",
            "title": "Grow monthly online parts revenue from €27,000 to €38,000",
            "kind": "metric",
            "start": 27000.0,
            "target": 38000.0,
            "unit": "€",
            "owner": "Miriam",
            "weight": 1.5,
            "reached": 0.4,
            "shape": "linear",
            "notes": [
                "€27,600. Steady, nothing new yet.",
                "€29,900 since the parts lists in the guides went live.",
                "€31,400. Group-head kits sold out twice.",
            ],
            "grade_comment": None,
        },
        {
            "key": "kr-2",
            "title": "Raise parts stock turnover from 2.1 to 3.0 times a year",
            "kind": "metric",
            "start": 2.1,
            "target": 3.0,
            "unit": "turns a year",
            "owner": "Zoë",
            "weight": 1.0,
            "reached": 0.3,
            "shape": "late",
            "notes": [
                "2.1. Calculated over the last 12 months, so it moves slowly.",
                "2.2. Sold 60 slow-moving parts for discontinued models.",
                "2.35. Ordering smaller batches more often.",
            ],
            "grade_comment": None,
        },
    ],
    "initiatives": [
        {
            "title": "Clear slow-moving parts for discontinued models in an online sale",
            "status": "done",
            "owner": "Miriam",
            "key_results": ["kr-2"],
            "due_week": 4,
        },
        {
            "title": "Order fast-moving parts weekly in smaller batches",
            "status": "in_progress",
            "owner": "Zoë",
            "key_results": ["kr-2", "kr-1"],
            "due_week": 6,
        },
    ],
}

_CUR_OPS_1: Objective = {
    "key": "ops-1",
    "team": "operations",
    "theme": "sameday",
    "title": "Send every callout the right technician with the right parts",
    "why": (
        "Half of the slow repairs happen because the nearest technician has the wrong part or "
        "the wrong skills. Dispatch should know both before the van leaves."
    ),
    "kind": "committed",
    "owner": "Henrike",
    "supports": [{"objective": "co-1", "weight": None}],
    "key_results": [
        {
            "key": "kr-1",
            "title": "Raise callouts where the van carried the needed part from 61% to 85%",
            "kind": "metric",
            "start": 61.0,
            "target": 85.0,
            "unit": "%",
            "owner": "Tobias",
            "weight": 1.0,
            "reached": 0.5,
            "shape": "linear",
            "notes": [
                "62%. Van lists drafted, not yet in use.",
                "70%. The Friday restock works for the common parts.",
                "73%. Still short of steam valves for the older lever machines.",
            ],
            "grade_comment": None,
        },
        {
            "key": "kr-2",
            "title": "Dispatch board shows every technician's position, skills and van stock",
            "kind": "milestone",
            "done_at": 0.3,
            "owner": "Selin",
            "weight": 1.0,
            "reached": 1.0,
            "shape": "early",
            "notes": [
                "The board is up; van stock is still typed in by hand.",
                "Van stock now comes straight from the handheld scanners.",
                "In daily use since Monday. Done.",
            ],
            "grade_comment": None,
        },
    ],
    "initiatives": [
        {
            "title": "Build the dispatch board on top of the inventory system",
            "status": "done",
            "owner": "Selin",
            "key_results": ["kr-2"],
            "due_week": 4,
        },
        {
            "title": "Train two field technicians on lever machines",
            "status": "in_progress",
            "owner": "Henrike",
            "key_results": ["kr-1"],
            "due_week": 10,
        },
    ],
}

_CUR_OPS_2: Objective = {
    "key": "ops-2",
    "team": "operations",
    "theme": "border",
    "title": "Open the Lörrach base without weakening Freiburg",
    "why": (
        "Every Basel callout costs Freiburg a technician for half a day. A small base in "
        "Lörrach should serve the border area without stripping the home team."
    ),
    "kind": "committed",
    "owner": "Tobias",
    "supports": [{"objective": "co-2", "weight": 0.7}, {"objective": "co-1", "weight": 0.3}],
    "key_results": [
        {
            "key": "kr-1",
            "title": "A technician and a stocked van based in Lörrach, on call five days a week",
            "kind": "milestone",
            "done_at": None,
            "owner": "Tobias",
            "weight": 1.0,
            "reached": 0.0,
            "shape": "late",
            "notes": [
                "Found garage space near Lörrach station.",
                "Van ordered; delivery has slipped by two weeks.",
                "Florin agreed to move to the Lörrach base. The van is still not here.",
            ],
            "grade_comment": None,
        },
        {
            "key": "kr-2",
            "title": "Cut Freiburg technician days spent in the border area from 8 to 1 a month",
            "kind": "metric",
            "start": 8.0,
            "target": 1.0,
            "unit": "days",
            "owner": "Henrike",
            "weight": 1.0,
            "reached": 0.25,
            "shape": "linear",
            "notes": [
                "8 days last month, as expected.",
                "7. Grouping Basel jobs on Tuesdays and Thursdays helps.",
                "6. The real change waits for the Lörrach van.",
            ],
            "grade_comment": None,
        },
    ],
    "initiatives": [
        {
            "title": "Rent a garage in Lörrach and equip it as a parts depot",
            "status": "in_progress",
            "owner": "Tobias",
            "key_results": ["kr-1"],
            "due_week": 6,
        },
        {
            "title": "Group Basel and Alsace jobs onto fixed days",
            "status": "done",
            "owner": "Henrike",
            "key_results": ["kr-2"],
            "due_week": 2,
        },
    ],
}

_CUR_WS_1: Objective = {
    "key": "ws-1",
    "team": "workshop",
    "theme": "sameday",
    "title": "Always have a rebuilt machine ready to leave the door",
    "why": (
        "When a machine can't be fixed on site, or a new lease is signed, we should deliver "
        "within days. Today the ready shelf is usually empty."
    ),
    "kind": "committed",
    "owner": "Dragan",
    "supports": [{"objective": "co-1", "weight": 0.5}, {"objective": "co-2", "weight": 0.5}],
    "key_results": [
        {
            "key": "kr-1",
            "title": "Raise rebuilt two-group machines ready to ship from 1 to 6",
            "kind": "three_level",
            "start": 1.0,
            "commit": 4.0,
            "target": 6.0,
            "stretch": 8.0,
            "unit": "machines",
            "owner": "Dragan",
            "weight": 2.0,
            "reached": 0.6,
            "shape": "linear",
            "notes": [
                "1 on the shelf, and it is promised to Colmar.",
                "3. Two machines came off the bench on the same day.",
                "4, the commit line. Paula keeps one back as a loan machine.",
            ],
            "grade_comment": None,
        },
        {
            "key": "kr-2",
            "title": "Cut median hands-on rebuild time from 24 hours to 19",
            "kind": "metric",
            "start": 24.0,
            "target": 19.0,
            "unit": "hours",
            "owner": "Paula",
            "weight": 1.0,
            "reached": 0.4,
            "shape": "linear",
            "notes": [
                "24 hours. Descaling the boiler is still the slowest step.",
                "23. Trying an ultrasonic bath for the small parts.",
                "22. The heated descaling tank arrives next week.",
            ],
            "grade_comment": None,
        },
        {
            "key": "kr-3",
            "title": "Reduce machines returning within 30 days of delivery from 7% to 3%",
            "kind": "metric",
            "start": 7.0,
            "target": 3.0,
            "unit": "%",
            "owner": "Emre",
            "weight": 1.0,
            "reached": 0.0,
            "shape": "stalled",
            "notes": [
                "7%. From now on every return is logged with its cause.",
                "7.5%. Two pressure-stat failures again.",
                "7%. The supplier hasn't answered our complaint.",
                "Still 7%. Looking at a different pressure-stat maker.",
            ],
            "grade_comment": None,
        },
    ],
    "initiatives": [
        {
            "title": "Replace hand descaling of boilers with a heated descaling tank",
            "status": "in_progress",
            "owner": "Paula",
            "key_results": ["kr-2", "kr-1"],
            "due_week": 6,
        },
        {
            "title": "Test a sample batch of pressure-stats from a new supplier",
            "status": "planned",
            "owner": "Emre",
            "key_results": ["kr-3"],
            "due_week": 8,
        },
    ],
}

# Deliberately unaligned: a pet project that supports no higher objective (the demo's orphan).
_CUR_WS_2: Objective = {
    "key": "ws-2",
    "team": "workshop",
    "theme": None,
    "title": "Prototype a grinder that carries our name",
    "why": (
        "Cafés keep asking which grinder to pair with our machines. We think used commercial "
        "grinders can be rebuilt and rebranded just like the machines."
    ),
    "kind": "aspirational",
    "owner": "Emre",
    "supports": [],
    "key_results": [
        {
            "key": "kr-1",
            "title": "Three working prototype grinders rebuilt from used burr sets",
            "kind": "milestone",
            "done_at": None,
            "owner": "Emre",
            "weight": 1.0,
            "reached": 0.0,
            "shape": "late",
            "notes": [
                "Bought four used grinders at a hotel auction in Zürich.",
                "First one stripped. The burrs are fine; the motor needs rewinding.",
                "One prototype is grinding. Two to go, evenings only.",
            ],
            "grade_comment": None,
        },
        {
            "key": "kr-2",
            "title": "Win blind-tasting approval from 5 partner cafés",
            "kind": "metric",
            "start": 0.0,
            "target": 5.0,
            "unit": "cafés",
            "owner": "Ines",
            "weight": 1.0,
            "reached": 0.2,
            "shape": "late",
            "notes": [
                "Not started; we need a working prototype first.",
                "Asked three partner cafés, and all said yes.",
                "First tasting at a café in Freiburg-Wiehre: approved.",
            ],
            "grade_comment": None,
        },
    ],
    "initiatives": [
        {
            "title": "Rebuild the auction grinders on Thursday evenings",
            "status": "in_progress",
            "owner": "Emre",
            "key_results": ["kr-1"],
            "due_week": 10,
        },
        {
            "title": "Run blind tastings at partner cafés",
            "status": "planned",
            "owner": "Ines",
            "key_results": ["kr-2"],
            "due_week": 12,
        },
    ],
}

_CUR_FS_1: Objective = {
    "key": "fs-1",
    "team": "field",
    "theme": "sameday",
    "title": "Fix it on the first visit",
    "why": (
        "Every second trip to the same café costs us half a day and the café its patience. "
        "Last quarter this number did not move at all."
    ),
    "kind": "committed",
    "owner": "Kai",
    "supports": [{"objective": "ops-1", "weight": None}],
    "key_results": [
        {
            "key": "kr-1",
            "title": "Raise the first-visit fix rate from 65% to 80%",
            "kind": "metric",
            "start": 65.0,
            "target": 80.0,
            "unit": "%",
            "owner": "Florin",
            "weight": 1.0,
            "reached": 0.33,
            "shape": "linear",
            "notes": [
                "66%. The standard van lists have been in use since Friday.",
                "69%. Fewer trips back for gaskets.",
                "70%. Most of the remaining misses are electronics.",
            ],
            "grade_comment": None,
        },
        {
            "key": "kr-2",
            "title": "Cut average time on site per repair from 2.4 hours to 1.6",
            "kind": "metric",
            "start": 2.4,
            "target": 1.6,
            "unit": "hours",
            "owner": "Benedikt",
            "weight": 1.0,
            "reached": 0.5,
            "shape": "early",
            "notes": [
                "2.2 hours. With the part in the van there's no hunting around.",
                "2.0. The workshop's pre-assembled group-head kits help.",
                "2.0 again; electronics faults take long to diagnose.",
            ],
            "grade_comment": None,
        },
        {
            "key": "kr-3",
            "title": "Every van restocked from the standard list each Friday, four weeks running",
            "kind": "milestone",
            "done_at": 0.3,
            "owner": "Kai",
            "weight": 1.0,
            "reached": 1.0,
            "shape": "early",
            "notes": [
                "List agreed: 64 parts per van.",
                "Second Friday in a row.",
                "Four weeks running. Done.",
            ],
            "grade_comment": None,
        },
    ],
    "initiatives": [
        {
            "title": "Introduce a standard parts list for every van",
            "status": "done",
            "owner": "Kai",
            "key_results": ["kr-1", "kr-3"],
            "due_week": 2,
        },
        {
            "title": "Diagnose electronics faults with the workshop over a video call",
            "status": "planned",
            "owner": "Noémie",
            "key_results": ["kr-1", "kr-2"],
            "due_week": 9,
        },
    ],
}

_CUR_FS_2: Objective = {
    "key": "fs-2",
    "team": "field",
    "theme": "sameday",
    "title": "Be the technicians cafés are glad to see",
    "why": (
        "Cafés remember how a repair felt as much as how fast it was. A clear arrival time and "
        "a tidy counter afterwards turn a breakdown into a reason to stay."
    ),
    "kind": "aspirational",
    "owner": "Noémie",
    "supports": [{"objective": "co-1", "weight": None}],
    "key_results": [
        {
            "key": "kr-1",
            "title": "Raise the average callout rating from café staff from 4.1 to 4.6 stars",
            "kind": "three_level",
            "start": 4.1,
            "commit": 4.4,
            "target": 4.6,
            "stretch": 4.8,
            "unit": "stars",
            "owner": "Noémie",
            "weight": 1.0,
            "reached": 0.7,
            "shape": "linear",
            "notes": [
                "4.2 from the first 25 ratings.",
                "4.4. The comments mention the arrival texts.",
                "4.45. One poor rating after a repair ran into opening time.",
            ],
            "grade_comment": None,
        },
        {
            "key": "kr-2",
            "title": "Text an arrival time within 15 minutes for 90% of callouts, up from 20%",
            "kind": "metric",
            "start": 20.0,
            "target": 90.0,
            "unit": "%",
            "owner": "Benedikt",
            "weight": 1.0,
            "reached": 0.9,
            "shape": "early",
            "notes": [
                "55% in the first week with the text template.",
                "78%. Florin forgets when he is already on the road.",
                "83%. The dispatch board now sends the text for us.",
            ],
            "grade_comment": None,
        },
    ],
    "initiatives": [
        {
            "title": "Send the arrival-time text automatically from the dispatch board",
            "status": "done",
            "owner": "Benedikt",
            "key_results": ["kr-2"],
            "due_week": 3,
        },
        {
            "title": "Leave a one-line repair summary card on the counter after each visit",
            "status": "in_progress",
            "owner": "Noémie",
            "key_results": ["kr-1"],
            "due_week": 5,
        },
    ],
}

_CUR_SA_1: Objective = {
    "key": "sa-1",
    "team": "sales",
    "theme": "border",
    "title": "Win the independent cafés of Basel and Alsace",
    "why": (
        "The cafés across the border that found us are happy, and they know their neighbours. "
        "Speaking their language and being close by is our chance."
    ),
    "kind": "aspirational",
    "owner": "Carla",
    "supports": [{"objective": "co-2", "weight": None}],
    "key_results": [
        {
            "key": "kr-1",
            "title": "Hold tasting visits with 40 cafés across the border",
            "kind": "metric",
            "start": 0.0,
            "target": 40.0,
            "unit": "visits",
            "owner": "Greta",
            "weight": 1.0,
            "reached": 0.45,
            "shape": "linear",
            "notes": [
                "6 visits, mostly in Kleinbasel.",
                "12. Greta's French opens doors in Mulhouse and Colmar.",
                "18. Many want to see the Lörrach van before they commit.",
            ],
            "grade_comment": None,
        },
        {
            "key": "kr-2",
            "title": "Raise conversion of cross-border quotes from 15% to 30%",
            "kind": "metric",
            "start": 15.0,
            "target": 30.0,
            "unit": "%",
            "owner": "Carla",
            "weight": 1.0,
            "reached": 0.25,
            "shape": "late",
            "notes": [
                "15%, from a small number of quotes.",
                "17%. Swiss cafés ask for prices in francs.",
                "19%. The price sheet in CHF goes out this week.",
            ],
            "grade_comment": None,
        },
        {
            "key": "kr-3",
            "title": "Lease contract and price sheet in French, Swiss terms checked by a lawyer",
            "kind": "milestone",
            "done_at": 0.2,
            "owner": "Marek",
            "weight": 1.0,
            "reached": 1.0,
            "shape": "early",
            "notes": [
                "Translation done by a customer's daughter in Strasbourg; lawyer booked.",
                "The lawyer asked for two changes to the early-termination clause.",
                "Signed off. Done.",
            ],
            "grade_comment": None,
        },
    ],
    "initiatives": [
        {
            "title": "Visit cafés in Basel, Mulhouse and Colmar every Tuesday",
            "status": "in_progress",
            "owner": "Greta",
            "key_results": ["kr-1"],
            "due_week": 12,
        },
        {
            "title": "Publish lease prices in Swiss francs",
            "status": "in_progress",
            "owner": "Marek",
            "key_results": ["kr-2"],
            "due_week": 5,
        },
    ],
}

_CUR_SA_2: Objective = {
    "key": "sa-2",
    "team": "sales",
    "theme": None,
    "title": "Keep every lease customer for a second term",
    "why": (
        "Twenty-two leases reach the end of their first term this quarter. A renewal costs a "
        "fraction of a new customer, and the machine is already in good hands."
    ),
    "kind": "committed",
    "owner": "Yusuf",
    "supports": [{"objective": "co-1", "weight": None}],
    "key_results": [
        {
            "key": "kr-1",
            "title": "Renew 18 of the 22 leases ending this quarter",
            "kind": "metric",
            "start": 0.0,
            "target": 18.0,
            "unit": "leases",
            "owner": "Yusuf",
            "weight": 1.0,
            "reached": 0.4,
            "shape": "linear",
            "notes": [
                "3 renewed, all without discussion.",
                "6. Two cafés want a larger machine, so we offered an upgrade lease.",
                "7. One café is closing at the end of the month.",
            ],
            "grade_comment": None,
        },
        {
            "key": "kr-2",
            "title": "Cut overdue lease payments from €6,800 to €2,000",
            "kind": "metric",
            "start": 6800.0,
            "target": 2000.0,
            "unit": "€",
            "owner": "Marek",
            "weight": 1.0,
            "reached": 0.6,
            "shape": "early",
            "notes": [
                "€6,100 after a round of friendly phone calls.",
                "€4,300. Every new lease is now paid by direct debit.",
                "€3,900. Two old cases are with the debt collector.",
            ],
            "grade_comment": None,
        },
    ],
    "initiatives": [
        {
            "title": "Call every café four months before its lease ends",
            "status": "in_progress",
            "owner": "Yusuf",
            "key_results": ["kr-1"],
            "due_week": 3,
        },
        {
            "title": "Move all existing lease customers to direct debit",
            "status": "in_progress",
            "owner": "Marek",
            "key_results": ["kr-2"],
            "due_week": 8,
        },
    ],
}

_CUR_ON_1: Objective = {
    "key": "on-1",
    "team": "online",
    "theme": "parts",
    "title": "Turn our repair guides into parts orders",
    "why": (
        "Readers come for the fix and leave without the part. A guide should make buying the "
        "right part the obvious next step."
    ),
    "kind": "committed",
    "owner": "Priya",
    "supports": [{"objective": "co-3", "weight": None}],
    "key_results": [
        {
            "key": "kr-1",
            "title": "Raise guide readers who order within 7 days from 1.9% to 3.5%",
            "kind": "metric",
            "start": 1.9,
            "target": 3.5,
            "unit": "%",
            "owner": "Oskar",
            "weight": 1.0,
            "reached": 0.4,
            "shape": "linear",
            "notes": [
                "1.9%. Part links on every step are live for three guides.",
                "2.3%. The 'which version do I have?' photo checker helps.",
                "2.5%. Readers on phones still struggle to find the button.",
            ],
            "grade_comment": None,
        },
        {
            "key": "kr-2",
            "title": "Grow orders from outside our van area from 350 to 520 a month",
            "kind": "metric",
            "start": 350.0,
            "target": 520.0,
            "unit": "orders",
            "owner": "Priya",
            "weight": 1.0,
            "reached": 0.55,
            "shape": "early",
            "notes": [
                "371. Austria still leads; Poland is growing.",
                "420. A shop in Poznań now resells our gasket kits.",
                "443. Shipping costs to Switzerland put people off.",
            ],
            "grade_comment": None,
        },
        {
            "key": "kr-3",
            "title": "All ten video guides for the most-searched repairs online",
            "kind": "milestone",
            "done_at": 0.15,
            "owner": "Timo",
            "weight": 1.0,
            "reached": 1.0,
            "shape": "early",
            "notes": [
                "Borrowed a lever machine from a customer in Kehl for filming.",
                "Final edits done; uploading tonight.",
                "All ten videos live. Done.",
            ],
            "grade_comment": None,
        },
    ],
    "initiatives": [
        {
            "title": "Link every step of every guide to the exact part it needs",
            "status": "in_progress",
            "owner": "Oskar",
            "key_results": ["kr-1"],
            "due_week": 7,
        },
        {
            "title": "Film the last three repair videos on a borrowed lever machine",
            "status": "done",
            "owner": "Timo",
            "key_results": ["kr-3"],
            "due_week": 2,
        },
    ],
}

_CUR_ON_2: Objective = {
    "key": "on-2",
    "team": "online",
    "theme": "parts",
    "title": "Give home baristas a reason to come back",
    "why": (
        "Most home customers buy once, fix their machine and disappear. A little regular care, "
        "like a descaling reminder, would bring them back."
    ),
    "kind": "aspirational",
    "owner": "Lea",
    "supports": [{"objective": "co-3", "weight": None}],
    "key_results": [
        {
            # Deliberately weak: an activity, not an outcome. The writing coach should flag it.
            "key": "kr-1",
            "title": "Launch a monthly newsletter",
            "kind": "milestone",
            "done_at": 0.2,
            "owner": "Timo",
            "weight": 1.0,
            "reached": 1.0,
            "shape": "early",
            "notes": [
                "Picked a mailing tool that works without tracking pixels.",
                "First issue drafted: a descaling how-to and a gasket guide.",
                "First issue sent to 2,300 subscribers.",
            ],
            "grade_comment": None,
        },
        {
            "key": "kr-2",
            "title": "Raise customers who order again within 90 days from 14% to 22%",
            "kind": "metric",
            "start": 14.0,
            "target": 22.0,
            "unit": "%",
            "owner": "Lea",
            "weight": 1.0,
            "reached": 0.25,
            "shape": "late",
            "notes": [
                "14%. Measured over a rolling 90 days, so changes show slowly.",
                "15%. Reminder emails for descaling powder start next week.",
                "16%. Reorders of descaling powder are up.",
            ],
            "grade_comment": None,
        },
        {
            "key": "kr-3",
            "title": "Sell 18 refurbished home machines a month, up from 9",
            "kind": "three_level",
            "start": 9.0,
            "commit": 14.0,
            "target": 18.0,
            "stretch": 24.0,
            "unit": "machines",
            "owner": "Oskar",
            "weight": 1.0,
            "reached": 0.5,
            "shape": "linear",
            "notes": [
                "10 sold. Waiting on the workshop for more single-group machines.",
                "12. Two buyers came to us through the video guides.",
                "13 this month, just short of the commit line.",
            ],
            "grade_comment": None,
        },
    ],
    "initiatives": [
        {
            "title": "Email a descaling reminder three months after each machine or powder order",
            "status": "planned",
            "owner": "Lea",
            "key_results": ["kr-2"],
            "due_week": 5,
        },
        {
            "title": "Book one workshop bench day a week for single-group home machines",
            "status": "in_progress",
            "owner": "Oskar",
            "key_results": ["kr-3"],
            "due_week": 6,
        },
    ],
}

CURRENT_CYCLE: CycleContent = {
    "name_suffix": "current",
    "themes": [
        {
            "key": "sameday",
            "name": "Same-day, every day",
            "description": (
                "Lease customers pay us for the rescue. This quarter the four-hour arrival and "
                "the first-visit fix become dependable, not just good in quiet weeks."
            ),
        },
        {
            "key": "border",
            "name": "Across the border",
            "description": (
                "Cafés in Basel and Alsace found us on their own. With a van stationed in "
                "Lörrach we can serve them properly and reach the rest before a competitor does."
            ),
        },
        {
            "key": "parts",
            "name": "Parts that pay their way",
            "description": (
                "A lot of our money sits on shelves as spare parts. An online shop that sells "
                "them faster frees that cash and keeps the workshop supplied."
            ),
        },
    ],
    "objectives": [
        _CUR_CO_1,
        _CUR_CO_2,
        _CUR_CO_3,
        _CUR_OPS_1,
        _CUR_OPS_2,
        _CUR_WS_1,
        _CUR_WS_2,
        _CUR_FS_1,
        _CUR_FS_2,
        _CUR_SA_1,
        _CUR_SA_2,
        _CUR_ON_1,
        _CUR_ON_2,
    ],
    "retrospectives": {},
    "carry_forward": {},
}


# ---------------------------------------------------------------------------
# KPIs and the parking lot
# ---------------------------------------------------------------------------

# fmt: off
KPIS: list[Kpi] = [
    {
        # Out of range this week: the seed of a new objective.
        "name": "Open repair tickets in the workshop",
        "team": "workshop",
        "unit": "tickets",
        "healthy_low": None,
        "healthy_high": 25.0,
        "values": [
            17.0, 18.0, 17.0, 19.0, 20.0, 19.0, 21.0, 22.0, 22.0, 23.0, 24.0, 26.0, 27.0,
            29.0, 31.0, 33.0,
        ],
    },
    {
        # Also out of range: too much cash tied up in spare parts.
        "name": "Value of spare parts in stock",
        "team": "operations",
        "unit": "€",
        "healthy_low": 100000.0,
        "healthy_high": 130000.0,
        "values": [
            118000.0, 121500.0, 124000.0, 123000.0, 127500.0, 129000.0, 131000.0, 133500.0,
            136000.0, 138000.0, 139500.0, 141000.0, 140000.0, 141500.0,
        ],
    },
    {
        "name": "Callouts reached within four hours",
        "team": "field",
        "unit": "%",
        "healthy_low": 70.0,
        "healthy_high": None,
        "values": [
            66.0, 68.0, 71.0, 70.0, 72.0, 71.0, 73.0, 72.0, 74.0, 73.0, 78.0, 80.0, 79.0,
            82.0,
        ],
    },
    {
        "name": "Cash runway",
        "team": "company",
        "unit": "months",
        "healthy_low": 6.0,
        "healthy_high": None,
        "values": [
            7.9, 7.8, 7.8, 7.6, 7.5, 7.5, 7.3, 7.2, 7.1, 7.0, 6.9, 6.9,
        ],
    },
    {
        "name": "Online shop conversion rate",
        "team": "online",
        "unit": "%",
        "healthy_low": 1.8,
        "healthy_high": 3.5,
        "values": [
            2.0, 2.1, 2.0, 2.2, 2.3, 2.1, 2.2, 2.4, 2.3, 2.5, 2.4, 2.6, 2.5, 2.6, 2.7, 2.6,
        ],
    },
    {
        "name": "Overdue lease payments",
        "team": "sales",
        "unit": "€",
        "healthy_low": None,
        "healthy_high": 5000.0,
        "values": [
            5200.0, 5600.0, 6100.0, 6800.0, 6700.0, 6500.0, 6100.0, 5400.0, 4900.0, 4300.0,
            4100.0, 3900.0,
        ],
    },
    {
        "name": "Average rating on review sites",
        "team": None,
        "unit": "stars",
        "healthy_low": 4.3,
        "healthy_high": 5.0,
        "values": [
            4.5, 4.5, 4.6, 4.5, 4.5, 4.4, 4.5, 4.5, 4.6, 4.6, 4.6, 4.5, 4.6, 4.6, 4.7, 4.6,
            4.6, 4.7, 4.7, 4.7,
        ],
    },
]
# fmt: on

PARKING_LOT: list[str] = [
    "Rent out rebuilt machines for weddings and weekend markets",
    "Offer our descaling service to offices with bean-to-cup machines",
    "A second workbench in Lörrach, not just a van",
    "Buy back our own machines when a second lease term ends",
    "Saturday repair courses for home baristas in the workshop",
]

ALL_PEOPLE: list[str] = [person for team in TEAMS for person in team["people"]]


# ---------------------------------------------------------------------------
# Self-check: PYTHONPATH=. python okrdesk/demo/content.py
# ---------------------------------------------------------------------------


def _check_cycle(cycle: CycleContent, *, previous: bool) -> None:
    teams = {team["key"]: team for team in TEAMS}

    def ancestors(key: str) -> set[str]:
        found: set[str] = set()
        parent = teams[key]["parent"]
        while parent is not None:
            found.add(parent)
            parent = teams[parent]["parent"]
        return found

    label = cycle["name_suffix"]
    theme_keys = [theme["key"] for theme in cycle["themes"]]
    assert 2 <= len(theme_keys) <= 3 and len(set(theme_keys)) == len(theme_keys), label
    objectives = {objective["key"]: objective for objective in cycle["objectives"]}
    assert len(objectives) == len(cycle["objectives"]), f"{label}: duplicate objective keys"

    kinds_seen: set[str] = set()
    decreases = 0
    orphans: list[str] = []
    per_team: dict[str, int] = {}
    for objective in cycle["objectives"]:
        where = f"{label}/{objective['key']}"
        team = teams[objective["team"]]
        per_team[team["key"]] = per_team.get(team["key"], 0) + 1
        people = team["people"]
        assert objective["theme"] is None or objective["theme"] in theme_keys, where
        assert objective["kind"] in OBJECTIVE_KINDS, where
        assert objective["owner"] in people, where
        title = objective["title"]
        assert not any(ch.isdigit() for ch in title), f"{where}: number in objective title"
        assert len(title.split()) <= 12, f"{where}: objective title too long"
        assert objective["why"].strip(), where
        for support in objective["supports"]:
            higher = objectives[support["objective"]]
            assert higher["team"] in ancestors(team["key"]), f"{where}: supports a non-ancestor"
            assert support["weight"] is None or 0 < support["weight"] <= 1, where
        if team["kind"] != "company" and not objective["supports"]:
            orphans.append(objective["key"])

        krs = objective["key_results"]
        assert 2 <= len(krs) <= 4, f"{where}: {len(krs)} key results"
        kr_keys = [kr["key"] for kr in krs]
        assert len(set(kr_keys)) == len(kr_keys), f"{where}: duplicate KR keys"
        for kr in krs:
            at = f"{where}/{kr['key']}"
            kinds_seen.add(kr["kind"])
            assert kr["owner"] in people, f"{at}: owner {kr['owner']} not in team"
            assert kr["weight"] > 0, at
            assert kr["shape"] in ("linear", "late", "early", "stalled"), at
            assert 3 <= len(kr["notes"]) <= 6, f"{at}: {len(kr['notes'])} notes"
            assert all(note.strip() for note in kr["notes"]), at
            assert 0.0 <= kr["reached"] <= 1.5, at
            if previous:
                assert kr["grade_comment"], f"{at}: missing grade comment"
            else:
                assert kr["grade_comment"] is None, f"{at}: grade comment in current cycle"
            numbers = {"start", "commit", "target", "stretch", "unit"} & set(kr)
            if kr["kind"] == "milestone":
                assert not numbers, f"{at}: milestone with numbers"
                assert "done_at" in kr, at
                done_at = kr["done_at"]
                assert done_at is None or 0.0 <= done_at <= 1.0, at
                assert kr["reached"] == (0.0 if done_at is None else 1.0), at
            else:
                assert "done_at" not in kr, at
                assert kr["unit"], at
                assert any(ch.isdigit() for ch in kr["title"]), f"{at}: unmeasurable title"
                start, target = kr["start"], kr["target"]
                assert start != target, at
                if target < start:
                    decreases += 1
                if kr["kind"] == "three_level":
                    levels = [start, kr["commit"], target, kr["stretch"]]
                    rising = all(a < b for a, b in pairwise(levels))
                    falling = all(a > b for a, b in pairwise(levels))
                    assert rising or falling, f"{at}: thresholds out of order"
                else:
                    assert "commit" not in kr and "stretch" not in kr, at

        initiatives = objective["initiatives"]
        assert 1 <= len(initiatives) <= 3, where
        for initiative in initiatives:
            assert initiative["owner"] in people, where
            assert initiative["status"] in INITIATIVE_STATUSES, where
            assert initiative["key_results"], where
            assert set(initiative["key_results"]) <= set(kr_keys), where
            due = initiative["due_week"]
            assert due is None or 1 <= due <= 13, where

    for team in TEAMS:
        count = per_team.get(team["key"], 0)
        if team["kind"] in ("company", "team"):
            assert 2 <= count <= 3, f"{label}: {team['key']} has {count} objectives"
    assert set(KEY_RESULT_KINDS) <= kinds_seen, label
    assert decreases >= 1, f"{label}: no decreasing key result"

    reached = [kr["reached"] for o in cycle["objectives"] for kr in o["key_results"]]
    metric_reached = [
        kr["reached"]
        for o in cycle["objectives"]
        for kr in o["key_results"]
        if kr["kind"] != "milestone"
    ]
    assert any(r >= 1.0 for r in reached), label
    assert any(0.6 <= r <= 0.8 for r in metric_reached), label
    assert any(0.2 <= r <= 0.4 for r in metric_reached), label
    assert any(r <= 0.05 for r in metric_reached), f"{label}: nothing stalled"

    all_keys = set(objectives) | {
        f"{o['key']}/{kr['key']}" for o in cycle["objectives"] for kr in o["key_results"]
    }
    if previous:
        assert orphans == [], f"{label}: unexpected orphans {orphans}"
        assert set(cycle["retrospectives"]) == set(teams), f"{label}: retrospectives"
        for retro in cycle["retrospectives"].values():
            fields = ("achieved", "missed", "process", "continue", "stop", "start")
            assert set(retro) == set(fields), label
            assert all(retro[field].strip() for field in fields), label
        assert set(cycle["carry_forward"]) == all_keys, f"{label}: carry_forward coverage"
        assert set(cycle["carry_forward"].values()) <= set(CARRY_DECISIONS)
    else:
        assert len(orphans) == 1, f"{label}: expected one orphan, got {orphans}"
        assert cycle["retrospectives"] == {} and cycle["carry_forward"] == {}, label


def _check() -> None:
    keys = [team["key"] for team in TEAMS]
    assert len(set(keys)) == len(keys), "duplicate team keys"
    assert len({team["name"] for team in TEAMS}) == len(TEAMS), "duplicate team names"
    roots = [team for team in TEAMS if team["parent"] is None]
    assert len(roots) == 1 and roots[0]["kind"] == "company" and roots[0]["key"] == "company"
    for team in TEAMS:
        assert team["parent"] is None or team["parent"] in keys, team["key"]
        assert team["kind"] in ("company", "department", "team"), team["key"]
        assert 3 <= len(team["people"]) <= 6, team["key"]
    assert 3 <= sum(team["kind"] == "team" for team in TEAMS) <= 4
    assert len(set(ALL_PEOPLE)) == len(ALL_PEOPLE), "a person appears in two teams"
    assert all(ORGANISATION[field].strip() for field in ORGANISATION)  # type: ignore[literal-required]

    _check_cycle(PREVIOUS_CYCLE, previous=True)
    _check_cycle(CURRENT_CYCLE, previous=False)

    out_of_range = 0
    for kpi in KPIS:
        assert kpi["team"] is None or kpi["team"] in keys, kpi["name"]
        assert 12 <= len(kpi["values"]) <= 20, kpi["name"]
        low, high = kpi["healthy_low"], kpi["healthy_high"]
        assert low is not None or high is not None, kpi["name"]
        latest = kpi["values"][-1]
        if (low is not None and latest < low) or (high is not None and latest > high):
            out_of_range += 1
    assert out_of_range >= 1, "no KPI out of its healthy range"
    assert 3 <= len(PARKING_LOT) <= 5

    text = repr((ORGANISATION, TEAMS, PREVIOUS_CYCLE, CURRENT_CYCLE, KPIS, PARKING_LOT))
    assert any(ord(ch) > 127 for ch in text), "no non-ASCII text"


if __name__ == "__main__":
    _check()
    for cycle in (PREVIOUS_CYCLE, CURRENT_CYCLE):
        objectives = cycle["objectives"]
        krs = sum(len(objective["key_results"]) for objective in objectives)
        initiatives = sum(len(objective["initiatives"]) for objective in objectives)
        print(
            f"{cycle['name_suffix']}: {len(cycle['themes'])} themes, {len(objectives)} "
            f"objectives, {krs} key results, {initiatives} initiatives"
        )
    print(f"{len(TEAMS)} teams, {len(ALL_PEOPLE)} people, {len(KPIS)} KPIs: all checks passed")
