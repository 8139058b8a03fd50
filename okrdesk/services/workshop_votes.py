"""The dot vote: dots per participant within the session's budget, or room totals, and
the candidates ranked by their dots (grouped duplicates count together)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select

from okrdesk.db import models as m
from okrdesk.errors import NotFoundError, ValidationError
from okrdesk.services.workshop_ideas import (
    candidates_of,
    head_of,
    load_candidate,
    load_session,
    member_ids,
    short,
)
from okrdesk.services.workspace import Workspace, name_change
from okrdesk.vocabulary import CandidateKind, CandidateStatus


@dataclass(frozen=True)
class Ranked:
    """A candidate (with the duplicates grouped under it) and its dots."""

    id: str
    text: str
    kind: CandidateKind
    status: CandidateStatus
    rank: int  # 1 for the most dots; ties share a rank
    dots: int
    by_participant: dict[str | None, int]  # participant id (None: room total) → dots
    members: tuple[str, ...] = ()  # texts of the duplicates grouped under it
    member_ids: tuple[str, ...] = ()
    promoted_objective_id: str | None = None
    position: int = 0  # where it was captured (the order of the list before the vote)


@dataclass(frozen=True)
class Tally:
    budget: int  # dots per participant
    used: dict[str, int]  # participant id → dots given
    ranked: tuple[Ranked, ...] = field(default_factory=tuple)

    def left(self, participant_id: str) -> int:
        return self.budget - self.used.get(participant_id, 0)


def set_dots(ws: Workspace, candidate_id: str, participant_id: str | None, dots: int) -> None:
    """Set how many dots a participant (None: the room, as a total) gives a candidate.

    Dots on a grouped duplicate go to its group. A participant cannot give more than the
    session's dots per participant in all; the refusal says how many are left.
    """
    if isinstance(dots, bool) or not isinstance(dots, int) or dots < 0:
        raise ValidationError("Dots must be a whole number, 0 or more", "dots")
    with ws.write() as s:
        head = head_of(s, load_candidate(s, candidate_id))
        session = load_session(s, head.session_id)
        if head.status != "open":
            raise ValidationError(
                f"“{short(head.text)}” is already {head.status}; votes are closed"
            )
        group_ids = [head.id, *member_ids(s, head.id)]
        who = "The room"
        if participant_id is not None:
            person = s.get(m.Participant, participant_id)
            if person is None or person.session_id != session.id:
                raise NotFoundError("that participant is not in this session")
            who = person.name
            used = s.scalar(
                select(func.coalesce(func.sum(m.Vote.dots), 0))
                .join(m.Candidate, m.Candidate.id == m.Vote.candidate_id)
                .where(
                    m.Candidate.session_id == session.id,
                    m.Vote.participant_id == participant_id,
                    m.Candidate.id.not_in(group_ids),
                )
            )
            budget = session.dots_per_participant
            if used + dots > budget:
                left = max(0, budget - used)
                raise ValidationError(
                    f"{who} has {budget} dot(s) and has given {used} elsewhere: "
                    f"at most {left} can go here, not {dots}",
                    "dots",
                )
        votes = s.scalars(
            select(m.Vote).where(
                m.Vote.candidate_id.in_(group_ids),
                m.Vote.participant_id.is_(participant_id)
                if participant_id is None
                else m.Vote.participant_id == participant_id,
            )
        ).all()
        mine = next((v for v in votes if v.candidate_id == head.id), None)
        for vote in votes:
            if vote is not mine:
                s.delete(vote)
        if dots == 0 and mine is not None:
            s.delete(mine)
        elif mine is not None:
            mine.dots = dots
        elif dots:
            s.add(m.Vote(candidate_id=head.id, participant_id=participant_id, dots=dots))
        name_change(s, f"{who}: {dots} dot(s) on “{short(head.text)}”")


def tally(ws: Workspace, session_id: str, kind: str | None = None) -> Tally:
    """The vote so far: dots used per participant and the candidates ranked by dots."""
    with ws.read() as s:
        session = load_session(s, session_id)
        candidates = candidates_of(s, session_id)
        votes = s.execute(
            select(m.Vote.candidate_id, m.Vote.participant_id, m.Vote.dots)
            .join(m.Candidate, m.Candidate.id == m.Vote.candidate_id)
            .where(m.Candidate.session_id == session_id)
        ).all()
    used: dict[str, int] = defaultdict(int)
    head_id = {c.id: c.group_id or c.id for c in candidates}
    per_head: dict[str, dict[str | None, int]] = defaultdict(lambda: defaultdict(int))
    for candidate_id, participant_id, dots in votes:
        per_head[head_id[candidate_id]][participant_id] += dots
        if participant_id is not None:
            used[participant_id] += dots
    members: dict[str, list[m.Candidate]] = defaultdict(list)
    for c in candidates:
        if c.group_id:
            members[c.group_id].append(c)
    heads = [c for c in candidates if not c.group_id and (kind is None or c.kind == kind)]
    totals = {c.id: sum(per_head[c.id].values()) for c in heads}
    heads.sort(key=lambda c: (-totals[c.id], c.position))
    ranked, rank = [], 0
    for n, c in enumerate(heads):
        if n == 0 or totals[c.id] != totals[heads[n - 1].id]:
            rank = n + 1
        ranked.append(
            Ranked(
                c.id,
                c.text,
                c.kind,
                c.status,
                rank,
                totals[c.id],
                dict(per_head[c.id]),
                tuple(x.text for x in members[c.id]),
                tuple(x.id for x in members[c.id]),
                c.promoted_objective_id,
                c.position,
            )
        )
    return Tally(session.dots_per_participant, dict(used), tuple(ranked))


def ranking(ws: Workspace, session_id: str, kind: str | None = None) -> list[Ranked]:
    """The candidates (with their grouped duplicates) from the most dots to the fewest."""
    return list(tally(ws, session_id, kind).ranked)
