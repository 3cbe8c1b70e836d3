"""Membership: joins, leaves, removals, retention of joiners after 7 and 30 days, time to first post."""

from __future__ import annotations

import statistics
from datetime import timedelta, tzinfo

from sqtool.audit.aggregate import Aggregate
from sqtool.audit.report import Membership, Period


def _retention(agg: Aggregate, joins: list[tuple[object, int]], days: int) -> tuple[float | None, int]:
    """Share of joiners (joined at least ``days`` before the export ends) with no leave or removal
    within ``days`` of joining."""
    if agg.last is None:
        return None, 0
    span = timedelta(days=days)
    base = [(when, member) for when, member in joins if when + span <= agg.last]  # type: ignore[operator]
    if not base:
        return None, 0
    kept = sum(
        1
        for when, member in base
        if not any(m == member and when < left <= when + span for left, m, _kind in agg.exits)  # type: ignore[operator]
    )
    return kept / len(base), len(base)


def membership(agg: Aggregate, period: Period, tz: tzinfo) -> Membership:
    def inside(when) -> bool:  # type: ignore[no-untyped-def]
        return period.first <= when.astimezone(tz).date() <= period.last

    joins = [(when, member) for when, member in agg.joins if inside(when)]
    exits = [(when, kind) for when, _member, kind in agg.exits if inside(when)]
    retention_7, base_7 = _retention(agg, joins, 7)  # type: ignore[arg-type]
    retention_30, base_30 = _retention(agg, joins, 30)  # type: ignore[arg-type]
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
