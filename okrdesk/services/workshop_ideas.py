"""Brainstorm and decide: candidates captured fast, duplicates grouped, and the chosen
candidates promoted to draft objectives (or key results) while the rest are parked.
The dot vote between the two lives in :mod:`workshop_votes`.

Each writing function is one transaction (one undo step when run as an operation).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from okrdesk.db import models as m
from okrdesk.errors import NotFoundError, ValidationError
from okrdesk.formatting import shorten
from okrdesk.services.specs import spec_for
from okrdesk.services.workspace import Workspace, name_change
from okrdesk.vocabulary import CANDIDATE_KINDS

# -- capture -----------------------------------------------------------------------------------

# A list marker at the start of an item: "-", "*", "•", "1.", "2)", "(3)", "a)", "[ ]".
_MARKER = re.compile(
    r"^(?:[•·▪◦‣–—]\s*|[-*+>](?:\s+|$)|\(?\d{1,3}[.)](?:\s+|$)|\(?[a-zA-Z][.)](?:\s+|$)"
    r"|\[[ xX✓]?\]\s*)+"
)
_SEPARATORS = re.compile(r"[\r\n\t;]+")


def split_candidates(text: str) -> list[str]:
    """Items from typed or pasted text: one a line, and lines split further at semicolons
    and tabs (a spreadsheet row); list markers and extra spaces go, empty items are dropped.

    "- Delight our regulars; 2) Grow online" → ["Delight our regulars", "Grow online"]
    """
    items = []
    for piece in _SEPARATORS.split(text or ""):
        item = _MARKER.sub("", piece.strip())
        item = " ".join(item.split())
        if item:
            items.append(item)
    return items


def add_candidates(
    ws: Workspace, session_id: str, items: str | Sequence[str], kind: str = "objective"
) -> list[str]:
    """Add candidates (a text to split, or the items) at the end of the session's list;
    return their ids."""
    texts = split_candidates(items) if isinstance(items, str) else [i.strip() for i in items]
    texts = [t for t in texts if t]
    if not texts:
        raise ValidationError("Nothing to add: type or paste one candidate a line", "text")
    kind = spec_for("candidate").fields["kind"].coerce("kind", kind)
    text_field = spec_for("candidate").fields["text"]
    for n, item in enumerate(texts, 1):
        try:
            text_field.coerce("text", item)
        except ValidationError as exc:
            where = f"Item {n} (“{item[:40]}…”)" if len(texts) > 1 else "The candidate"
            raise ValidationError(f"{where}: {exc}", "text") from None
    with ws.write(f"Add {len(texts)} candidate(s)") as s:
        load_session(s, session_id)
        start = _next_position(s, session_id)
        added = [
            m.Candidate(
                session_id=session_id, text=item, kind=kind, status="open", position=start + n
            )
            for n, item in enumerate(texts)
        ]
        s.add_all(added)
        s.flush()
        return [c.id for c in added]


# -- duplicates --------------------------------------------------------------------------------

# Small words that do not make two candidates different (English; other languages still
# match on case, spacing, punctuation and near-identical spelling).
STOPWORDS = frozenset(
    {
        *("a", "an", "the", "our", "your", "their", "its", "my", "we", "us", "you", "they"),
        *("to", "of", "for", "and", "or", "in", "on", "at", "by", "with", "from", "into"),
        *("be", "is", "are"),
    }
)
SIMILAR = 0.86  # SequenceMatcher ratio from which two candidates count as the same idea


def normalise(text: str) -> str:
    """Case, punctuation and spacing ignored: "Grow  revenue!" → "grow revenue"."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def other_wordings(text: str, members: Sequence[str]) -> tuple[str, ...]:
    """The grouped duplicates' texts worth showing beside `text`: each wording once, and
    none that only repeats `text` ("also: Read more" under "Read more" says nothing)."""
    seen = {normalise(text)}
    wordings = []
    for member in members:
        if (key := normalise(member)) not in seen:
            seen.add(key)
            wordings.append(member)
    return tuple(wordings)


def _key(text: str) -> str:
    words = [w for w in normalise(text).split() if w not in STOPWORDS]
    stems = sorted(
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words
    )
    return " ".join(stems) or normalise(text)


def find_duplicates(texts: Sequence[str]) -> list[list[int]]:
    """Groups (of indices, in order) of texts that say the same thing; singles are left out."""
    keys = [_key(t) for t in texts]
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            if root(i) != root(j) and _same(keys[i], keys[j]):
                parent[max(root(i), root(j))] = min(root(i), root(j))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(texts)):
        groups[root(i)].append(i)
    return [g for g in groups.values() if len(g) > 1]


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.real_quick_ratio() >= SIMILAR and matcher.ratio() >= SIMILAR


def group_duplicates(ws: Workspace, session_id: str) -> int:
    """Group the open candidates that say the same thing under the earliest of them;
    return how many went under another."""
    with ws.write("Group duplicates") as s:
        load_session(s, session_id)
        heads = [c for c in candidates_of(s, session_id) if c.status == "open" and not c.group_id]
        moved = 0
        for kind in CANDIDATE_KINDS:
            of_kind = [c for c in heads if c.kind == kind]
            for group in find_duplicates([c.text for c in of_kind]):
                moved += _merge(s, [of_kind[i] for i in group])
        return moved


def group(ws: Workspace, candidate_ids: Sequence[str]) -> None:
    """Group candidates by hand under the first one named (or the group it belongs to)."""
    with ws.write("Group candidates") as s:
        chosen = [load_candidate(s, cid) for cid in candidate_ids]
        if len(chosen) < 2:
            raise ValidationError("Choose two or more candidates to group")
        heads = [head_of(s, c) for c in chosen]
        if len({c.session_id for c in heads}) > 1 or len({c.kind for c in heads}) > 1:
            raise ValidationError("Only candidates of one kind in one session can be grouped")
        _merge(s, list({c.id: c for c in heads}.values()))


def ungroup(ws: Workspace, candidate_id: str) -> None:
    """Take a candidate out of its group (a representative: dissolve its group)."""
    with ws.write("Ungroup") as s:
        candidate = load_candidate(s, candidate_id)
        if candidate.group_id:
            candidate.group_id = None
        else:
            for member in members_of(s, candidate.id):
                member.group_id = None


def _merge(s: Session, heads: list[m.Candidate]) -> int:
    """Put the others (and their members) under the first; return how many moved."""
    heads.sort(key=lambda c: c.position)
    head, others = heads[0], heads[1:]
    moved = 0
    for other in others:
        for member in [*members_of(s, other.id), other]:
            member.group_id = head.id
            moved += 1
    return moved


# -- the decision ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Promotion:
    """What a promotion made: the new objectives (or key results), and ideas parked."""

    made: tuple[str, ...]
    parked: int


def promote(
    ws: Workspace,
    session_id: str,
    candidate_ids: Iterable[str],
    team_id: str | None = None,
    cycle_id: str | None = None,
    objective_id: str | None = None,
) -> Promotion:
    """Make the chosen candidates draft objectives of a team in a cycle (key result
    candidates: key results of ``objective_id``), and park the rest, in one transaction.

    The rest — the session's other open candidates of the same kind — go to the parking
    lot, so that no idea of the room is lost. ``cycle_id`` defaults to the session's.
    Returns what was made and how many ideas were parked.
    """
    with ws.write() as s:
        session = load_session(s, session_id)
        chosen: dict[str, m.Candidate] = {}
        for cid in candidate_ids:
            head = head_of(s, load_candidate(s, cid))
            if head.session_id != session_id:
                raise NotFoundError(f"“{short(head.text)}” is not a candidate of this session")
            if head.status != "open":
                raise ValidationError(f"“{short(head.text)}” is already {head.status}")
            chosen[head.id] = head
        if not chosen:
            raise ValidationError("Choose the candidates to promote first")
        kinds = {c.kind for c in chosen.values()}
        if len(kinds) > 1:
            raise ValidationError("Promote objectives and key results separately")
        kind = kinds.pop()
        if kind == "objective":
            targets = _objective_target(s, session, team_id, cycle_id)
            position = _next_objective_position(s, *targets)
        else:
            parent = s.get(m.Objective, objective_id) if objective_id else None
            if parent is None:
                raise ValidationError("Choose the objective the key results belong to", "objective")
            position = _next_kr_position(s, parent.id)
        title = spec_for(kind).fields["title"]
        made: list[m.Objective | m.KeyResult] = []
        for n, c in enumerate(sorted(chosen.values(), key=lambda c: c.position)):
            text = title.coerce("title", c.text)
            if kind == "objective":
                item: m.Objective | m.KeyResult = m.Objective(
                    cycle_id=targets[0],
                    team_id=targets[1],
                    title=text,
                    status="draft",
                    why="",
                    owner="",
                    kind="committed",
                    position=position + n,
                )
            else:
                item = m.KeyResult(objective_id=parent.id, title=text, position=position + n)
            s.add(item)
            s.flush()
            made.append(item)
            objective = item.id if kind == "objective" else parent.id
            for member in [c, *members_of(s, c.id)]:
                member.status, member.promoted_objective_id = "promoted", objective
        parked = 0
        for c in candidates_of(s, session_id):
            if c.status == "open" and c.kind == kind and not c.group_id and c.id not in chosen:
                s.add(m.ParkingLotItem(text=c.text, session_id=session_id, resolved=False))
                parked += 1
                for member in [c, *members_of(s, c.id)]:
                    member.status = "parked"
        noun = "objective" if kind == "objective" else "key result"
        name_change(s, f"Promote {len(chosen)} candidate(s) to {noun}s")
        return Promotion(tuple(x.id for x in made), parked)


def _objective_target(
    s: Session, session: m.WorkshopSession, team_id: str | None, cycle_id: str | None
) -> tuple[str, str]:
    cycle_id = cycle_id or session.cycle_id
    if not cycle_id or s.get(m.Cycle, cycle_id) is None:
        raise ValidationError("Choose the cycle the objectives are for", "cycle")
    if not team_id or s.get(m.Team, team_id) is None:
        raise ValidationError("Choose the team the objectives are for", "team")
    return cycle_id, team_id


def _next_objective_position(s: Session, cycle_id: str, team_id: str) -> int:
    highest = s.scalar(
        select(func.max(m.Objective.position)).where(
            m.Objective.cycle_id == cycle_id, m.Objective.team_id == team_id
        )
    )
    return 0 if highest is None else highest + 1


def _next_kr_position(s: Session, objective_id: str) -> int:
    highest = s.scalar(
        select(func.max(m.KeyResult.position)).where(m.KeyResult.objective_id == objective_id)
    )
    return 0 if highest is None else highest + 1


# -- helpers -----------------------------------------------------------------------------------


def load_session(s: Session, session_id: str) -> m.WorkshopSession:
    session = s.get(m.WorkshopSession, session_id)
    if session is None:
        raise NotFoundError(f"no workshop session with id {session_id}")
    return session


def load_candidate(s: Session, candidate_id: str) -> m.Candidate:
    candidate = s.get(m.Candidate, candidate_id)
    if candidate is None:
        raise NotFoundError(f"no candidate with id {candidate_id}")
    return candidate


def head_of(s: Session, candidate: m.Candidate) -> m.Candidate:
    """The representative of a candidate's group (itself when it is not grouped)."""
    if candidate.group_id:
        head = s.get(m.Candidate, candidate.group_id)
        if head is not None:
            return head
    return candidate


def members_of(s: Session, head_id: str) -> list[m.Candidate]:
    return list(s.scalars(select(m.Candidate).where(m.Candidate.group_id == head_id)))


def member_ids(s: Session, head_id: str) -> list[str]:
    return [c.id for c in members_of(s, head_id)]


def candidates_of(s: Session, session_id: str) -> list[m.Candidate]:
    return list(
        s.scalars(
            select(m.Candidate)
            .where(m.Candidate.session_id == session_id)
            .order_by(m.Candidate.position)
        )
    )


def _next_position(s: Session, session_id: str) -> int:
    highest = s.scalar(
        select(func.max(m.Candidate.position)).where(m.Candidate.session_id == session_id)
    )
    return 0 if highest is None else highest + 1


def short(text: str) -> str:
    """A candidate's text, short enough to name it in a message."""
    return shorten(text, 50)
