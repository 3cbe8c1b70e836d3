"""Responsiveness: questions and the time to the first message by someone else (bounded state in the pass)."""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Sequence

from sqtool.audit.aggregate import Aggregate
from sqtool.audit.report import NameCount, Period, Responsiveness

TOP_RESPONDERS = 5


def percentile(values: Sequence[float], fraction: float) -> float | None:
    """Nearest rank: the value at position ceil(fraction * n) of the sorted values (1-based)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def responsiveness(agg: Aggregate, period: Period, target_minutes: float) -> Responsiveness:
    first, last = period.first.toordinal(), period.last.toordinal()
    table = agg.questions
    # straight over the question arrays (no Question object each): NaN minutes means unanswered
    inside = judged = 0
    times: list[float] = []
    responders: Counter[int] = Counter()
    for day, minutes, responder, pending in zip(table.day, table.minutes, table.responder, table.pending, strict=True):
        if first <= day <= last:
            inside += 1
            if pending:
                continue
            judged += 1
            if minutes == minutes:  # not NaN: answered
                times.append(minutes)
                responders[responder] += 1
    unanswered = judged - len(times)
    return Responsiveness(
        questions=inside,
        answered=len(times),
        unanswered=unanswered,
        pending=inside - judged,
        unanswered_share=unanswered / judged if judged else None,
        median_first_response_minutes=statistics.median(times) if times else None,
        p90_first_response_minutes=percentile(times, 0.9),
        within_target_share=sum(1 for t in times if t <= target_minutes) / judged if judged else None,
        responders=tuple(
            NameCount(agg.display_name(member), count) for member, count in responders.most_common(TOP_RESPONDERS)
        ),
    )
