"""What a committed change did, in the words views refresh from, and what it takes to undo it.

Every write to a workspace is recorded row by row (:mod:`okrdesk.db.capture`). From
those rows come:

- :class:`Changes`: per entity kind (the table's name: "objective", "check_in", ...),
  the ids created, updated and deleted. Views subscribe to kinds and refresh when a
  change concerns them, whether it came from this window, another window, the command
  line or a participant's phone.
- :class:`Edit`: the rows themselves, before and after, under a label for the Edit menu;
  :mod:`okrdesk.services.operations` undoes and redoes it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from okrdesk.db.capture import RowChange

Ids = Mapping[str, frozenset[str]]
ACTIONS = ("created", "updated", "deleted")
# Beyond this many ids a change is logged as "everything" rather than id by id.
MAX_LOGGED_IDS = 2000


@dataclass(frozen=True)
class Changes:
    """Which ids of which kinds a change created, updated and deleted."""

    created: Ids = field(default_factory=dict)
    updated: Ids = field(default_factory=dict)
    deleted: Ids = field(default_factory=dict)
    everything: bool = False  # extent unknown (another program's write): refresh it all
    local: bool = True  # made through this open workspace (False: another process)

    @classmethod
    def of_rows(cls, rows: Iterable[RowChange]) -> Changes:
        found: dict[str, dict[str, set[str]]] = {a: {} for a in ACTIONS}
        for row in rows:
            action = {"create": "created", "update": "updated", "delete": "deleted"}[row.action]
            found[action].setdefault(row.table, set()).add(row.key)
        return cls(**{a: _freeze(found[a]) for a in ACTIONS})

    @classmethod
    def all(cls, *, local: bool = True) -> Changes:
        return cls(everything=True, local=local)

    @property
    def empty(self) -> bool:
        return not (self.everything or self.created or self.updated or self.deleted)

    def kinds(self) -> frozenset[str]:
        return frozenset().union(self.created, self.updated, self.deleted)

    def touches(self, kinds: Iterable[str]) -> bool:
        """Whether a view showing these kinds must refresh."""
        return self.everything or not self.kinds().isdisjoint(kinds)

    def ids(self, kind: str, *actions: str) -> frozenset[str]:
        """The ids of `kind` the change touched (in the given actions, default all)."""
        chosen = actions or ACTIONS
        return frozenset().union(*(getattr(self, a).get(kind, frozenset()) for a in chosen))

    def merged(self, other: Changes) -> Changes:
        def union(a: Ids, b: Ids) -> Ids:
            return {k: a.get(k, frozenset()) | b.get(k, frozenset()) for k in {*a, *b}}

        return Changes(
            union(self.created, other.created),
            union(self.updated, other.updated),
            union(self.deleted, other.deleted),
            self.everything or other.everything,
            self.local and other.local,
        )

    # -- in the change log (text in the workspace, read by other processes) -----------------

    def to_json(self) -> str:
        if self.everything or sum(len(ids) for ids in self._all_ids()) > MAX_LOGGED_IDS:
            return json.dumps({"everything": True})
        return json.dumps(
            {a: {k: sorted(v) for k, v in getattr(self, a).items()} for a in ACTIONS},
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str, *, local: bool) -> Changes:
        """Read a logged change; anything unreadable means "everything may have changed"."""
        try:
            data = json.loads(text)
            if data.get("everything"):
                return cls.all(local=local)
            parts = {
                a: _freeze({str(k): {str(i) for i in v} for k, v in data.get(a, {}).items()})
                for a in ACTIONS
            }
        except (ValueError, TypeError, AttributeError):
            return cls.all(local=local)
        return cls(**parts, local=local)

    def _all_ids(self) -> Iterable[frozenset[str]]:
        for action in ACTIONS:
            yield from getattr(self, action).values()


def _freeze(found: Mapping[str, set[str]]) -> Ids:
    return {kind: frozenset(ids) for kind, ids in found.items()}


@dataclass(frozen=True)
class Edit:
    """One undo step: the rows a change wrote (before → after), under a label."""

    label: str
    rows: tuple[RowChange, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.rows

    def created_ids(self, kind: str) -> list[str]:
        return [r.key for r in self.rows if r.table == kind and r.action == "create"]


def combine(rows: Iterable[RowChange]) -> tuple[RowChange, ...]:
    """Several transactions' rows as one change: each row's first image and its last."""
    first: dict[tuple[str, str], RowChange] = {}
    last: dict[tuple[str, str], RowChange] = {}
    for row in rows:
        first.setdefault((row.table, row.key), row)
        last[(row.table, row.key)] = row
    combined = (
        RowChange(table, key, first[(table, key)].before, last[(table, key)].after)
        for table, key in first
    )
    return tuple(r for r in combined if r.before != r.after)
