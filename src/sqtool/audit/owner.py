"""Owner pull (002 self-check one): do the owner's posts draw replies, and from how many people."""

from __future__ import annotations

from sqtool.audit.aggregate import Aggregate
from sqtool.audit.leaders import responders_by_member
from sqtool.audit.report import OwnerPull, Period


def owner_pull(agg: Aggregate, period: Period, posters: int) -> OwnerPull:
    first, last = period.first.toordinal(), period.last.toordinal()
    messages = sum(count for day, count in agg.owner_posts.items() if first <= day <= last)
    replied_map = agg.owner_replied_link if agg.has_reply_links else agg.owner_replied_next
    replied = sum(1 for day in replied_map.values() if first <= day <= last)
    responders = responders_by_member(agg, period)
    repliers: set[int] = set()
    for owner in agg.owners:
        repliers |= responders.get(owner, set())
    repliers -= agg.owners
    owners_posting = sum(
        1 for owner in agg.owners if any(agg.day_member.get(day, {}).get(owner) for day in range(first, last + 1))
    )
    others = posters - owners_posting
    return OwnerPull(
        owners=tuple(sorted(agg.display_name(owner) for owner in agg.owners)),
        messages=messages,
        replied=replied,
        reply_share=replied / messages if messages else None,
        distinct_repliers=len(repliers),
        reach_share=len(repliers) / others if others > 0 else None,
    )
