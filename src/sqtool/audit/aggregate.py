"""What the single pass leaves behind (Aggregate), and the questions the metrics ask of it.

Nothing per message is kept except what a figure needs: per-day message counts per member, per-day
hour counts, a few array slots per question, one packed int per distinct (day, member, responder)
edge, and violations. Periods are chosen after the pass, so everything is keyed by local day
(date ordinal). The pass that fills an Aggregate is audit/fastpass.py; the metrics read it through
the methods below, so its layouts (packed edges, NaN for unanswered) stay in this module and the pass.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import ItemsView, Iterable, Iterator, Mapping, MutableMapping, ValuesView
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

# What the figures mean, shared by every pass that fills an Aggregate (who answers whom: audit/threads.py).
# Reply links are resolved through the most recent message ids only, so memory stays bounded on
# million-message exports; a reply to an older message still counts, without its target.
RECENT_IDS = 100_000
# member_ids of members known by display name only (join lines of text exports) start with this.
NAME_KEY = "\0name:"
CUSTOMER_TAGS = frozenset({"customer", "客户", "顾客", "big_customer", "大客户"})

# The edge layout is private to this module and the pass that fills the edge sets (audit/fastpass.py):
# (day, target, responder) packed into one int, since a set of small ints takes a third of the memory
# of a set of tuples on million-message exports.
_MEMBER_BITS = 24  # up to 16 million members per export
_MEMBER_MASK = (1 << _MEMBER_BITS) - 1
_DAY_SHIFT = 2 * _MEMBER_BITS


def _edge(day: int, target: int, responder: int) -> int:
    """(day, target, responder) packed into one int."""
    return (day << _DAY_SHIFT) | (target << _MEMBER_BITS) | responder


def _unpack_edge(packed: int) -> tuple[int, int, int]:
    """The (day, target, responder) of a packed edge."""
    return packed >> _DAY_SHIFT, (packed >> _MEMBER_BITS) & _MEMBER_MASK, packed & _MEMBER_MASK


class MemberCounts(Mapping[int, int]):
    """One day's count per member, read only, in the order the members were first counted (a Counter's):
    12 bytes a member where a Counter took about 45, plus 28 for each count past 256. The pass counts a
    day in a Counter and ``compact_days`` turns every day into one of these when it ends (10^6 messages
    make ~5 * 10^5 day-member counts). Looking one member up scans the day's members: the metrics read
    whole days (``items``, ``values``, iteration)."""

    __slots__ = ("_counts", "_members")

    def __init__(self, counts: Mapping[int, int]):
        self._members = array("i", counts.keys())
        self._counts = array("q", counts.values())

    def __len__(self) -> int:
        return len(self._members)

    def __iter__(self) -> Iterator[int]:
        return iter(self._members)

    def __contains__(self, member: object) -> bool:
        return isinstance(member, int) and member in self._members

    def __getitem__(self, member: int) -> int:
        try:
            return self._counts[self._members.index(member)]
        except (ValueError, TypeError):
            raise KeyError(member) from None

    def items(self) -> ItemsView[int, int]:
        return _CountItems(self)

    def values(self) -> ValuesView[int]:
        return _CountValues(self)

    def __repr__(self) -> str:
        return f"MemberCounts({dict(self.items())!r})"


class _CountItems(ItemsView[int, int]):
    """(member, count) of a MemberCounts, straight from its arrays."""

    _mapping: MemberCounts

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self._mapping._members, self._mapping._counts, strict=True)


class _CountValues(ValuesView[int]):
    _mapping: MemberCounts

    def __iter__(self) -> Iterator[int]:
        return iter(self._mapping._counts)


def compact_days(per_day: MutableMapping[int, Mapping[int, int]]) -> None:
    """Each day's Counter made a MemberCounts, in place, one day at a time (so each Counter's memory is
    free for the next day's arrays); the same members, counts and order."""
    for day, counts in per_day.items():
        if not isinstance(counts, MemberCounts):
            per_day[day] = MemberCounts(counts)


def _per_member(per_day: Mapping[int, Mapping[int, int]], first: int, last: int) -> dict[int, int]:
    """Sum a day -> member -> count map over local days [first, last] (in the order Counter.update sums)."""
    totals: dict[int, int] = {}
    get = totals.get
    for day, members in per_day.items():
        if first <= day <= last:
            for member, count in members.items():
                totals[member] = get(member, 0) + count
    return totals


def day_of(ordinal: int) -> date:
    """The date of a date ordinal."""
    return date.fromordinal(ordinal)


def _sum_days(per_day: Mapping[int, int], first: int, last: int) -> int:
    """The sum of a day -> count map over local days [first, last]."""
    return sum(count for day, count in per_day.items() if first <= day <= last)


@dataclass(frozen=True, slots=True)
class Question:
    """One question: its local day, asker, and first response (None when unanswered)."""

    day: int  # local date ordinal
    asker: int
    minutes: float | None  # to its first answer (audit/threads.py); None when unanswered
    responder: int | None
    pending: bool = False  # asked less than the cutoff before the export ends, still open: not judged
    evidence: int | None = None  # what the first answer rests on: an index into threads.EVIDENCE


@dataclass(frozen=True, slots=True)
class QuestionTally:
    """The questions of a period: how many were asked, how many are pending, and the answered ones'
    minutes to their first response (in asking order) and responders."""

    asked: int
    pending: int
    minutes: list[float]
    responders: Counter[int]
    evidence: Counter[int]  # answered questions per evidence code (threads.EVIDENCE)

    @property
    def judged(self) -> int:
        """Questions asked less pending ones."""
        return self.asked - self.pending


@dataclass(slots=True)
class QuestionTable:
    """Questions as parallel arrays (a few bytes each, not an object each): day, asker, minutes to the
    first response (NaN when none), responder (-1 when none), pending (1 when not judged yet), and what
    the first response rests on (an index into threads.EVIDENCE; 255 when none)."""

    day: array[int] = field(default_factory=lambda: array("i"))
    asker: array[int] = field(default_factory=lambda: array("i"))
    minutes: array[float] = field(default_factory=lambda: array("d"))
    responder: array[int] = field(default_factory=lambda: array("i"))
    pending: bytearray = field(default_factory=bytearray)
    evidence: bytearray = field(default_factory=bytearray)
    asked_at: array[float] = field(default_factory=lambda: array("d"))  # POSIX seconds
    # the question's first words, for the list of unanswered ones; "" once answered (on 10^6 messages the
    # words of every question asked would be the largest thing the pass keeps)
    opening: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.day)

    def between(self, first: int, last: int) -> Iterator[Question]:
        """The questions asked on local days [first, last] (date ordinals)."""
        for position, day in enumerate(self.day):
            if first <= day <= last:
                minutes = self.minutes[position]
                answered = not math.isnan(minutes)
                yield Question(
                    day,
                    self.asker[position],
                    minutes if answered else None,
                    self.responder[position] if answered else None,
                    bool(self.pending[position]),
                    self.evidence[position] if answered else None,
                )

    def tally(self, first: int, last: int) -> QuestionTally:
        """The questions asked on local days [first, last], counted straight over the arrays (no
        Question object each: a big export has hundreds of thousands)."""
        asked = judged = 0
        times: list[float] = []
        responders: Counter[int] = Counter()
        evidence: Counter[int] = Counter()
        columns = (self.day, self.minutes, self.responder, self.pending, self.evidence)
        for day, minutes, responder, pending, rests_on in zip(*columns, strict=True):
            if first <= day <= last:
                asked += 1
                if pending:
                    continue
                judged += 1
                if minutes == minutes:  # not NaN: answered
                    times.append(minutes)
                    responders[responder] += 1
                    evidence[rests_on] += 1
        return QuestionTally(asked, asked - judged, times, responders, evidence)


class EdgeMap(Protocol):
    """What the Aggregate asks of its edges: a dict of packed (day, target, responder) -> evidence, or
    the native model's compact set behind the same calls (audit/threads_native.NativeEdges)."""

    def setdefault(self, key: int, default: int, /) -> int | None: ...

    def items(self) -> Iterable[tuple[int, int]]: ...

    def __iter__(self) -> Iterator[int]: ...

    def __len__(self) -> int: ...


def _edge_dict() -> EdgeMap:
    edges: dict[int, int] = {}
    return edges


VIOLATION_KINDS = ("bare_link", "ad", "quarrel")
_VIOLATION_CODES = {kind: code for code, kind in enumerate(VIOLATION_KINDS)}


class Violations:
    """(day, member, kind) of each violation, in message order, as three arrays: 9 bytes a violation
    where a list of tuples took about 80 (a link-heavy export of 10^6 messages has 10^5 bare links)."""

    __slots__ = ("day", "kind", "member")

    def __init__(self) -> None:
        self.day: array[int] = array("i")
        self.member: array[int] = array("i")
        self.kind = bytearray()  # an index into VIOLATION_KINDS

    def append(self, violation: tuple[int, int, str]) -> None:
        day, member, kind = violation
        self.day.append(day)
        self.member.append(member)
        self.kind.append(_VIOLATION_CODES[kind])

    def extend(self, violations: Iterator[tuple[int, int, str]] | list[tuple[int, int, str]]) -> None:
        for violation in violations:
            self.append(violation)

    def __iter__(self) -> Iterator[tuple[int, int, str]]:
        return zip(self.day, self.member, map(VIOLATION_KINDS.__getitem__, self.kind), strict=True)

    def __len__(self) -> int:
        return len(self.kind)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Violations):
            return NotImplemented
        return self.day == other.day and self.member == other.member and self.kind == other.kind

    __hash__ = None  # type: ignore[assignment]  # mutable, like the list it replaces

    def __repr__(self) -> str:
        return f"Violations({list(self)!r})"


@dataclass(slots=True)
class Aggregate:
    """What the pass leaves behind; every figure is a pure function of it and a period."""

    member_ids: list[str] = field(default_factory=list)
    member_names: list[str] = field(default_factory=list)
    roster_members: set[int] = field(default_factory=set)
    owners: set[int] = field(default_factory=set)
    customers: set[int] = field(default_factory=set)  # roster members tagged customer (002 self-check three)
    # day -> member -> messages (the fast pass counts a batch's senders into Counters with Counter.update,
    # then makes each day a compact MemberCounts when it ends)
    day_member: dict[int, Mapping[int, int]] = field(default_factory=dict)
    day_hours: dict[int, list[int]] = field(default_factory=dict)  # day -> messages per local hour
    day_span: dict[int, tuple[datetime, datetime]] = field(default_factory=dict)  # day -> first, last message
    questions: QuestionTable = field(default_factory=QuestionTable)
    # who answered whom (audit/threads.py): packed (day, target, responder) -> the evidence code of the
    # first answer that made the edge; read them with edges() and responders()
    edges: EdgeMap = field(default_factory=_edge_dict)
    # day -> member -> their posts that drew an answer; answers to others' questions (Counters while the
    # conversation model counts, MemberCounts once the pass ends)
    drawn: dict[int, Mapping[int, int]] = field(default_factory=dict)
    answers_given: dict[int, Mapping[int, int]] = field(default_factory=dict)
    owner_posts: dict[int, int] = field(default_factory=dict)  # day -> owner messages
    joins: list[tuple[datetime, int]] = field(default_factory=list)  # each member's first join only
    exits: list[tuple[datetime, int, str]] = field(default_factory=list)
    first_post_after_join: dict[int, datetime] = field(default_factory=dict)
    violations: Violations = field(default_factory=Violations)  # (day, member, kind) of each, in order
    red_packets: dict[int, int] = field(default_factory=dict)
    links: dict[int, int] = field(default_factory=dict)
    value_days: dict[int, set[int]] = field(default_factory=dict)  # planned item position -> days held
    value_posts: dict[int, int] = field(default_factory=dict)  # day -> posts matching a value output
    first: datetime | None = None  # first and last record kept (inside the window or its previous period)
    last: datetime | None = None
    export_first: datetime | None = None  # first and last message of the whole export, kept or not
    export_last: datetime | None = None
    export_messages: int = 0
    messages: int = 0
    events: int = 0
    other_events: int = 0  # system lines of no kind the readers know (kind "other"): noted in the report
    excluded_records: int = 0
    excluded_seen: set[str] = field(default_factory=set)  # --exclude keys that some record matched
    bot_messages: int = 0  # left out: bots and integrations are not members (Slack, Discord)
    # (first, last) -> responders(first, last): a report asks for the same periods several times
    _responders: dict[tuple[int, int], dict[int, set[int]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    # -- members --
    def member_key(self, index: int) -> str:
        """The member's id, or its display name when the export gave none."""
        key = self.member_ids[index]
        return key[len(NAME_KEY) :] if key.startswith(NAME_KEY) else key

    def display_name(self, index: int) -> str:
        """The member's latest display name, else its key."""
        return self.member_names[index] or self.member_key(index)

    def find(self, key: str) -> int | None:
        """The member whose id or display name is ``key`` (plans name people; exports carry ids)."""
        for position, member_id in enumerate(self.member_ids):
            if member_id == key or self.member_key(position) == key:
                return position
        for position, name in enumerate(self.member_names):
            if name == key:
                return position
        return None

    # -- messages --
    def messages_by_member(self, first: int, last: int) -> dict[int, int]:
        """Messages per member over local days [first, last] (date ordinals)."""
        totals: dict[int, int] = {}
        for day, members in self.day_member.items():
            if first <= day <= last:
                for member, count in members.items():
                    totals[member] = totals.get(member, 0) + count
        return totals

    def messages_on(self, day: int) -> Mapping[int, int]:
        """Messages per member on one local day; empty when nobody posted."""
        return self.day_member.get(day, {})

    def messages_between(self, first: int, last: int) -> int:
        """Messages over local days [first, last]."""
        return sum(sum(members.values()) for day, members in self.day_member.items() if first <= day <= last)

    def has_messages_between(self, first: int, last: int) -> bool:
        """Whether any message was kept on local days [first, last]."""
        return any(first <= day <= last for day in self.day_member)

    def posted_between(self, member: int, first: int, last: int) -> bool:
        """Whether ``member`` posted on any local day of [first, last]."""
        return any(self.messages_on(day).get(member) for day in range(first, last + 1))

    def links_between(self, first: int, last: int) -> int:
        """Messages with a link over local days [first, last]."""
        return _sum_days(self.links, first, last)

    def red_packets_between(self, first: int, last: int) -> int:
        """Red packets over local days [first, last]."""
        return _sum_days(self.red_packets, first, last)

    def value_posts_between(self, first: int, last: int) -> int:
        """Posts matching a value output over local days [first, last]."""
        return _sum_days(self.value_posts, first, last)

    def held_days(self, item: int) -> set[int]:
        """The local days on which the planned item at position ``item`` was held."""
        return self.value_days.get(item, set())

    def violations_between(self, first: int, last: int) -> list[tuple[int, str]]:
        """(member, kind) of each violation over local days [first, last], in message order."""
        return [(member, kind) for day, member, kind in self.violations if first <= day <= last]

    # -- the owner --
    def owner_posts_between(self, first: int, last: int) -> int:
        """The owners' messages over local days [first, last]."""
        return _sum_days(self.owner_posts, first, last)

    def owner_replied_between(self, first: int, last: int) -> int:
        """The owners' messages over local days [first, last] that drew an answer (audit/threads.py)."""
        drawn = self.drawn_by_member(first, last)
        return sum(drawn.get(owner, 0) for owner in self.owners)

    def drawn_by_member(self, first: int, last: int) -> dict[int, int]:
        """Each member's messages over local days [first, last] that drew an answer from someone else."""
        return _per_member(self.drawn, first, last)

    def answers_by_member(self, first: int, last: int) -> dict[int, int]:
        """Each member's answers to other members' questions over local days [first, last]."""
        return _per_member(self.answers_given, first, last)

    # -- who answered whom --
    def add_edge(self, day: int, target: int, responder: int, evidence: int) -> None:
        """Record that ``responder`` answered ``target`` on local ``day``, resting on ``evidence``."""
        self.edges.setdefault(_edge(day, target, responder), evidence)

    def edge_list(self) -> dict[tuple[int, int, int], int]:
        """The (day, target, responder) edges, each with the evidence code of its first answer."""
        return {_unpack_edge(packed): evidence for packed, evidence in self.edges.items()}

    def edge_evidence(self, first: int, last: int) -> Counter[int]:
        """The edges of local days [first, last] per evidence code."""
        low, high = _edge(first, 0, 0), _edge(last + 1, 0, 0)
        return Counter(evidence for packed, evidence in self.edges.items() if low <= packed < high)

    def responders(self, first: int, last: int) -> dict[int, set[int]]:
        """Distinct others who answered each member over local days [first, last] (audit/threads.py).
        Computed once per period, then shared."""
        cached = self._responders.get((first, last))
        if cached is not None:
            return cached
        low, high = _edge(first, 0, 0), _edge(last + 1, 0, 0)  # the day is the high part of a packed edge
        result: dict[int, set[int]] = {}
        get = result.get
        # one int object per member, shared by every set (a member past 256 would be a new int of 28 bytes
        # in each set it is in: hundreds of thousands on 10^6 messages)
        shared = list(range(len(self.member_ids)))
        known = len(shared)
        for packed in self.edges:
            if low <= packed < high:
                # _unpack_edge inlined: this runs once per distinct edge, hundreds of thousands on big exports
                target, responder = (packed >> _MEMBER_BITS) & _MEMBER_MASK, packed & _MEMBER_MASK
                if responder < known:
                    responder = shared[responder]
                responders = get(target)
                if responders is None:
                    result[target] = {responder}
                else:
                    responders.add(responder)
        self._responders[(first, last)] = result
        return result
