"""Activity over time: per day and week, trend, last 30 days against the 30 before, silent days, heatmap."""

from __future__ import annotations

from datetime import date, timedelta

from sqtool.audit.aggregate import Aggregate
from sqtool.audit.report import Activity, DayCount, Period


def _days(period: Period) -> range:
    return range(period.first.toordinal(), period.last.toordinal() + 1)


def slope(values: list[int]) -> float:
    """Least-squares slope of values against 0, 1, 2, ...: sum((x - mx)(y - my)) / sum((x - mx)^2)."""
    n = len(values)
    if n < 2:
        return 0.0
    mean_x = (n - 1) / 2
    mean_y = sum(values) / n
    numerator = sum((x - mean_x) * (y - mean_y) for x, y in enumerate(values))
    denominator = sum((x - mean_x) ** 2 for x in range(n))
    return numerator / denominator


def messages_between(agg: Aggregate, first: int, last: int) -> int:
    """Messages over local days [first, last] (date ordinals)."""
    return agg.messages_between(first, last)


def weekly_active_share(agg: Aggregate, period: Period, base: int | None) -> float | None:
    """Mean over 7-day blocks counted back from the last day (full blocks only; the whole period if
    shorter than a week) of distinct posters in the block / members."""
    if not base:
        return None
    last = period.last.toordinal()
    blocks = max(1, period.days // 7)
    shares = []
    for block in range(blocks):
        end = last - 7 * block
        start = max(period.first.toordinal(), end - 6)
        posters: set[int] = set()
        for day in range(start, end + 1):
            posters.update(agg.messages_on(day))
        shares.append(min(1.0, len(posters) / base))
    return sum(shares) / len(shares)


def daily_counts(agg: Aggregate, period: Period) -> tuple[DayCount, ...]:
    """Messages and active members of each day of ``period``."""
    return tuple(
        DayCount(date.fromordinal(ordinal), sum(agg.messages_on(ordinal).values()), len(agg.messages_on(ordinal)))
        for ordinal in _days(period)
    )


def activity(agg: Aggregate, period: Period, base: int | None, previous: Period | None = None) -> Activity:
    daily = []
    weeks: dict[int, tuple[int, set[int]]] = {}
    heatmap = [[0] * 24 for _ in range(7)]
    for ordinal in _days(period):
        members = agg.messages_on(ordinal)
        messages = sum(members.values())
        day = date.fromordinal(ordinal)
        daily.append(DayCount(day, messages, len(members)))
        monday = ordinal - day.weekday()
        count, active = weeks.setdefault(monday, (0, set()))
        active.update(members)
        weeks[monday] = (count + messages, active)
        hours = agg.day_hours.get(ordinal)
        if hours:
            row = heatmap[day.weekday()]
            for hour, value in enumerate(hours):
                row[hour] += value
    last = period.last.toordinal()
    last_30 = messages_between(agg, last - 29, last)
    previous_30 = messages_between(agg, last - 59, last - 30)
    return Activity(
        daily=tuple(daily),
        weekly=tuple(DayCount(date.fromordinal(m), c, len(a)) for m, (c, a) in sorted(weeks.items())),
        slope_per_day=slope([d.messages for d in daily]),
        last_30_messages=last_30,
        previous_30_messages=previous_30,
        change_30=(last_30 / previous_30 - 1) if previous_30 else None,
        silent_days=sum(1 for d in daily if d.messages == 0),
        heatmap=tuple(tuple(row) for row in heatmap),
        weekly_active_share=weekly_active_share(agg, period, base),
        previous_daily=daily_counts(agg, previous) if previous is not None else (),
    )


def previous_period(period: Period) -> Period:
    """The period of the same length that ends the day before ``period`` starts."""
    length = timedelta(days=period.days)
    return Period(period.first - length, period.first - timedelta(days=1))
