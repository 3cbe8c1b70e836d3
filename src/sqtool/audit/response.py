"""Responsiveness: questions, whether and how soon someone else answered them (audit/threads.py)."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence

from sqtool.audit.aggregate import Aggregate
from sqtool.audit.report import NameCount, Period, Responsiveness
from sqtool.audit.threads import EVIDENCE

TOP_RESPONDERS = 5


def percentile(values: Sequence[float], fraction: float) -> float | None:
    """Nearest rank: the value at position ceil(fraction * n) of the sorted values (1-based)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def responsiveness(agg: Aggregate, period: Period, target_minutes: float) -> Responsiveness:
    """Questions of the period, their first responses and who gave them."""
    tally = agg.questions.tally(period.first.toordinal(), period.last.toordinal())
    times, judged, responders = tally.minutes, tally.judged, tally.responders
    unanswered = judged - len(times)
    return Responsiveness(
        questions=tally.asked,
        answered=len(times),
        unanswered=unanswered,
        pending=tally.pending,
        unanswered_share=unanswered / judged if judged else None,
        median_first_response_minutes=statistics.median(times) if times else None,
        p90_first_response_minutes=percentile(times, 0.9),
        within_target_share=sum(1 for t in times if t <= target_minutes) / judged if judged else None,
        responders=tuple(
            NameCount(agg.display_name(member), count) for member, count in responders.most_common(TOP_RESPONDERS)
        ),
        evidence=tuple((name, tally.evidence.get(code, 0)) for code, name in enumerate(EVIDENCE)),
    )
