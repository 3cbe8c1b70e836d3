"""Member lists to act on (SPEC §6, the "潜水榜" operators ask for): who never posted, who went
silent, which joiners never said a word, which questions nobody answered, and who could lead."""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, tzinfo
from typing import overload

from sqtool.audit.aggregate import NAME_KEY, Aggregate, day_of
from sqtool.audit.report import ListedMember, MemberLists, OpenQuestion, OpinionLeaders, Period

SILENT_DAYS = 30  # "gone silent": nothing in the last 30 days of the period


class OpenQuestions(Sequence[OpenQuestion]):
    """The unanswered questions of a period, each ``OpenQuestion`` made when it is read: 20 bytes a
    question (its time, asker and opening, shared with the question table) where a tuple of them took
    about 110, and 200,000 are listed on 10^6 messages (issue 22's memory target). Compares equal to
    the tuple of the same questions."""

    __slots__ = ("_asked", "_askers", "_ids", "_names", "_openings", "_tz")

    def __init__(
        self,
        asked: array[float],
        askers: array[int],
        openings: list[str],
        member_ids: list[str],
        member_names: list[str],
        tz: tzinfo,
    ):
        self._asked, self._askers, self._openings = asked, askers, openings  # POSIX seconds, members, words
        self._ids, self._names, self._tz = member_ids, member_names, tz  # the Aggregate's member columns

    def __len__(self) -> int:
        return len(self._asked)

    def _question(self, position: int) -> OpenQuestion:
        member = self._askers[position]
        key = self._ids[member]
        if key.startswith(NAME_KEY):  # Aggregate.member_key and display_name
            key = key[len(NAME_KEY) :]
        return OpenQuestion(
            datetime.fromtimestamp(self._asked[position], self._tz),
            key,
            self._names[member] or key,
            self._openings[position],
        )

    @overload
    def __getitem__(self, index: int) -> OpenQuestion: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[OpenQuestion, ...]: ...

    def __getitem__(self, index: int | slice) -> OpenQuestion | tuple[OpenQuestion, ...]:
        if isinstance(index, slice):
            return tuple(map(self._question, range(len(self))[index]))
        return self._question(range(len(self))[index])  # negative positions, IndexError past the end

    def __iter__(self) -> Iterator[OpenQuestion]:
        return map(self._question, range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OpenQuestions | tuple):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"OpenQuestions({tuple(self)!r})"


def member_lists(agg: Aggregate, period: Period, tz: tzinfo, leaders: OpinionLeaders) -> MemberLists:
    """The lists of ``period``; names are the members' latest display names, each list in a fixed order."""
    first, last = period.first.toordinal(), period.last.toordinal()
    cut = last - SILENT_DAYS + 1  # first day of the silent window
    posted: dict[int, int] = {}  # member -> messages in the period
    last_post: dict[int, int] = {}
    before_cut: dict[int, int] = {}  # messages from the first kept day to the day before the window
    start = min([first, *agg.day_member]) if agg.day_member else first
    for day in range(start, last + 1):
        for member, count in agg.messages_on(day).items():
            if not count:
                continue
            last_post[member] = day
            if day >= first:
                posted[member] = posted.get(member, 0) + count
            if day < cut:
                before_cut[member] = before_cut.get(member, 0) + count
    last_exit: dict[int, datetime] = {}
    for when, member, _kind in agg.exits:
        if member not in last_exit or when > last_exit[member]:
            last_exit[member] = when
    rejoined = {member: when for when, member in agg.joins}

    def still_in(member: int) -> bool:
        left = last_exit.get(member)
        return left is None or (member in rejoined and rejoined[member] > left)

    def row(member: int, messages: int = 0, joined: datetime | None = None) -> ListedMember:
        day = last_post.get(member)
        return ListedMember(
            agg.member_key(member),
            agg.display_name(member),
            messages,
            day_of(day) if day is not None else None,
            joined.astimezone(tz) if joined is not None else None,
        )

    def by_name(rows: list[ListedMember]) -> tuple[ListedMember, ...]:
        return tuple(sorted(rows, key=lambda r: (r.name, r.id)))

    never = by_name([row(m) for m in agg.roster_members if m not in posted and still_in(m)])
    silent = [
        row(m, before_cut[m])
        for m in before_cut
        if last_post[m] < cut and still_in(m) and (m in posted or m in agg.roster_members)
    ]
    silent.sort(key=lambda r: (-r.messages, r.name, r.id))
    joiners = []
    for when, member in agg.joins:
        if not period.first <= when.astimezone(tz).date() <= period.last:
            continue
        after = agg.first_post_after_join.get(member)
        if (after is None or after.astimezone(tz).date() > period.last) and still_in(member):
            joiners.append(row(member, 0, when))
    joiners.sort(key=lambda r: (r.joined or datetime.min.replace(tzinfo=UTC), r.name, r.id))
    table = agg.questions
    minutes, pending = table.minutes, table.pending
    kept = array(  # positions in the table: 4 bytes each, not a list of ints
        "i",
        (
            position
            for position, day in enumerate(table.day)
            if first <= day <= last and minutes[position] != minutes[position] and not pending[position]
        ),
    )
    unanswered = OpenQuestions(
        array("d", [table.asked_at[position] for position in kept]),
        array("i", [table.asker[position] for position in kept]),
        [table.opening[position] for position in kept],
        agg.member_ids,
        agg.member_names,
        tz,
    )
    return MemberLists(
        never_posted=never,
        never_posted_base="roster" if agg.roster_members else None,
        gone_silent=tuple(silent),
        silent_days=SILENT_DAYS,
        joiners_silent=tuple(joiners),
        unanswered=unanswered,
        leader_candidates=leaders.candidates,
    )
