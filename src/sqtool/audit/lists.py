"""Member lists to act on (SPEC §6, the "潜水榜" operators ask for): who never posted, who went
silent, which joiners never said a word, which questions nobody answered, and who could lead."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from sqtool.audit.aggregate import Aggregate, day_of
from sqtool.audit.report import ListedMember, MemberLists, OpenQuestion, OpinionLeaders, Period

SILENT_DAYS = 30  # "gone silent": nothing in the last 30 days of the period


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
    unanswered = [
        OpenQuestion(
            datetime.fromtimestamp(table.asked_at[position], tz),
            agg.member_key(table.asker[position]),
            agg.display_name(table.asker[position]),
            table.opening[position],
        )
        for position, day in enumerate(table.day)
        if first <= day <= last and table.minutes[position] != table.minutes[position] and not table.pending[position]
    ]
    return MemberLists(
        never_posted=never,
        never_posted_base="roster" if agg.roster_members else None,
        gone_silent=tuple(silent),
        silent_days=SILENT_DAYS,
        joiners_silent=tuple(joiners),
        unanswered=tuple(unanswered),
        leader_candidates=leaders.candidates,
    )
