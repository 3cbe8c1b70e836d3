"""Membership: joins, leaves, removals, retention of joiners after 7 and 30 days, time to first post."""

from __future__ import annotations

import statistics
from datetime import datetime, timedelta, tzinfo

from sqtool.audit.aggregate import Aggregate
from sqtool.audit.report import Membership, Period


def _retention(
    agg: Aggregate, joins: list[tuple[datetime, int]], exits: dict[int, list[datetime]], days: int
) -> tuple[float | None, int]:
    """Share of joiners (joined at least ``days`` before the export ends) with no leave or removal
    within ``days`` of joining."""
    if agg.last is None:
        return None, 0
    span = timedelta(days=days)
    base = [(when, member) for when, member in joins if when + span <= agg.last]
    if not base:
        return None, 0
    kept = sum(1 for when, member in base if not any(when < left <= when + span for left in exits.get(member, ())))
    return kept / len(base), len(base)


def membership(agg: Aggregate, period: Period, tz: tzinfo) -> Membership:
    def inside(when: datetime) -> bool:
        return period.first <= when.astimezone(tz).date() <= period.last

    joins = [(when, member) for when, member in agg.joins if inside(when)]
    exits = [(when, kind) for when, _member, kind in agg.exits if inside(when)]
    exits_by_member: dict[int, list[datetime]] = {}
    for when, member, _kind in agg.exits:
        exits_by_member.setdefault(member, []).append(when)
    retention_7, base_7 = _retention(agg, joins, exits_by_member, 7)
    retention_30, base_30 = _retention(agg, joins, exits_by_member, 30)
    joiners = {member: when for when, member in joins}
    waits = [
        (agg.first_post_after_join[member] - when).total_seconds() / 3600
        for member, when in joiners.items()
        if member in agg.first_post_after_join and agg.first_post_after_join[member] >= when
    ]
    return Membership(
        joins=len(joins),
        leaves=sum(1 for _when, kind in exits if kind == "leave"),
        removals=sum(1 for _when, kind in exits if kind == "removal"),
        retention_7=retention_7,
        retention_7_base=base_7,
        retention_30=retention_30,
        retention_30_base=base_30,
        joiners_posting_share=len(waits) / len(joiners) if joiners else None,
        median_hours_to_first_post=statistics.median(waits) if waits else None,
    )
