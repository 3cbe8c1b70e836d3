"""Opinion leaders (002 self-check two): members whose messages draw replies and mentions from many others."""

from __future__ import annotations

import math

from sqtool.audit.aggregate import Aggregate
from sqtool.audit.report import Leader, OpinionLeaders, Period

# A member is an opinion leader when at least this many distinct others replied to or mentioned them,
# or 5% of the period's posters when that is more (a bigger room needs a wider echo).
MIN_RESPONDERS = 3
RESPONDER_SHARE = 0.05
CANDIDATES = 5


def responders_by_member(agg: Aggregate, period: Period) -> dict[int, set[int]]:
    """Distinct responders of each member in the period (Aggregate.responders: computed once per period)."""
    return agg.responders(period.first.toordinal(), period.last.toordinal())


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
