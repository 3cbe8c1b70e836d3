"""Owner pull (002 self-check one): do the owner's posts draw replies, and from how many people."""

from __future__ import annotations

from sqtool.audit.aggregate import Aggregate
from sqtool.audit.report import OwnerPull, Period


def owner_pull(agg: Aggregate, period: Period, posters: int) -> OwnerPull:
    """The owners' posts of the period, the replies they drew and from how many others."""
    first, last = period.first.toordinal(), period.last.toordinal()
    messages = agg.owner_posts_between(first, last)
    replied = agg.owner_replied_between(first, last)
    responders = agg.responders(first, last)
    repliers: set[int] = set()
    for owner in agg.owners:
        repliers |= responders.get(owner, set())
    repliers -= agg.owners
    owners_posting = sum(1 for owner in agg.owners if agg.posted_between(owner, first, last))
    others = posters - owners_posting
    return OwnerPull(
        owners=tuple(sorted(agg.display_name(owner) for owner in agg.owners)),
        messages=messages,
        replied=replied,
        reply_share=replied / messages if messages else None,
        distinct_repliers=len(repliers),
        reach_share=len(repliers) / others if others > 0 else None,
    )
