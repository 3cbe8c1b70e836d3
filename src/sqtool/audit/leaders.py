"""Opinion leaders (002 self-check two): members whose messages draw replies and mentions from many others."""

from __future__ import annotations

import math

from sqtool.audit.aggregate import MEMBER_BITS, MEMBER_MASK, Aggregate, edge
from sqtool.audit.report import Leader, OpinionLeaders, Period

# A member is an opinion leader when at least this many distinct others replied to or mentioned them,
# or 5% of the period's posters when that is more (a bigger room needs a wider echo).
MIN_RESPONDERS = 3
RESPONDER_SHARE = 0.05
CANDIDATES = 5


def edges(agg: Aggregate) -> set[int]:
    """Reply links when the export has them, else the next-message heuristic; mentions always (packed)."""
    return (agg.reply_edges if agg.has_reply_links else agg.next_edges) | agg.mention_edges


def responders_by_member(agg: Aggregate, period: Period) -> dict[int, set[int]]:
    """Distinct responders of each member in the period (computed once per period, then shared)."""
    first, last = period.first.toordinal(), period.last.toordinal()
    cached = agg.responders_cache.get((first, last))
    if cached is not None:
        return cached
    low, high = edge(first, 0, 0), edge(last + 1, 0, 0)  # the day is the high part of a packed edge
    result: dict[int, set[int]] = {}
    get = result.get
    for packed in edges(agg):
        if low <= packed < high:
            # unpack_edge inlined: this runs once per distinct edge, hundreds of thousands on big exports
            target, responder = (packed >> MEMBER_BITS) & MEMBER_MASK, packed & MEMBER_MASK
            responders = get(target)
            if responders is None:
                result[target] = {responder}
            else:
                responders.add(responder)
    agg.responders_cache[(first, last)] = result
    return result


def members_needed(base: int | None, kol_per_members: float) -> int | None:
    """ceil(members / kol_per_members): 500 members at one per 100 need 5."""
    if base is None:
        return None
    return math.ceil(base / kol_per_members) if base > 0 else 0


def opinion_leaders(
    agg: Aggregate, period: Period, messages: dict[int, int], base: int | None, kol_per_members: float
) -> OpinionLeaders:
    posters = sum(1 for count in messages.values() if count > 0)
    bar = max(MIN_RESPONDERS, math.ceil(posters * RESPONDER_SHARE))
    ranked = sorted(
        (
            Leader(agg.display_name(member), len(responders), messages.get(member, 0))
            for member, responders in responders_by_member(agg, period).items()
        ),
        key=lambda leader: (-leader.distinct_responders, -leader.messages, leader.name),
    )
    present = tuple(leader for leader in ranked if leader.distinct_responders >= bar)
    return OpinionLeaders(
        needed=members_needed(base, kol_per_members),
        present=len(present),
        min_responders=bar,
        method="reply_links" if agg.has_reply_links else "next_message",
        leaders=present,
        candidates=tuple(ranked[len(present) : len(present) + CANDIDATES]),
    )
