"""Value outputs and rituals of the plan (002 self-check five; 003, 004 rituals) matched against posts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqtool.plan.model import PlanModel
from sqtool.schedule import cadence as engine
from sqtool.schedule.cadence import BLOCK_DAYS, WEEKDAYS, Cadence

__all__ = ["BLOCK_DAYS", "WEEKDAYS", "PlannedItem", "held_count", "is_planned_day", "matches", "planned_count"]

# A post counts for a planned slot when it falls inside the slot widened by this much on each side:
# value posts are often early or late, and a ritual's opening line may precede its slot.
TIME_TOLERANCE_MINUTES = 60


@dataclass(frozen=True, slots=True)
class PlannedItem:
    section: str  # "value_output" or "rituals"
    index: int  # position in that list of the plan
    name: str
    cadence: str | None
    weekday: int | None  # 0 = Monday
    start_minute: int | None  # minutes after local midnight, tolerance not applied
    end_minute: int | None
    people: tuple[str, ...]  # owner, backup, host: who is expected to post it
    keywords: tuple[str, ...]
    month_day: int | None = None  # monthly: day of the month
    week_of_month: int | None = None  # monthly: n-th (or last, -1) weekday

    @property
    def rhythm(self) -> Cadence:
        """The item's cadence for the schedule engine (the one place that expands cadences)."""
        return Cadence(self.cadence, self.weekday, self.month_day, self.week_of_month)


def planned_items(plan: PlanModel | None) -> tuple[PlannedItem, ...]:
    """Every well-formed item of ``value_output`` and ``rituals``; malformed ones are left to validation."""
    if plan is None:
        return ()
    items: list[PlannedItem] = []
    for item in plan.scheduled:
        window = engine.parse_window(item.time)
        rhythm = Cadence.of(item.cadence, item.day, item.month_day, item.week_of_month)
        items.append(
            PlannedItem(
                section=item.section,
                index=item.index,
                name=item.name,
                cadence=item.cadence,
                weekday=rhythm.weekday,
                start_minute=window.start if window else None,
                end_minute=window.end if window else None,
                people=item.people,
                keywords=item.keywords,
                month_day=rhythm.month_day,
                week_of_month=rhythm.week_of_month,
            )
        )
    return tuple(items)


def is_planned_day(item: PlannedItem, day: date) -> bool:
    return engine.is_planned_day(item.rhythm, day)


def matches(item: PlannedItem, local: datetime, sender_keys: tuple[str, ...], text: str) -> bool:
    """Keyword (or, without keywords, an expected author) on a planned day inside the widened time slot."""
    if item.keywords:
        lowered = text.lower()
        if not any(word.lower() in lowered for word in item.keywords):
            return False
    elif not any(key in item.people for key in sender_keys):
        return False
    if not is_planned_day(item, local.date()):
        return False
    if item.start_minute is None or item.end_minute is None:
        return True
    minute = local.hour * 60 + local.minute
    return item.start_minute - TIME_TOLERANCE_MINUTES <= minute <= item.end_minute + TIME_TOLERANCE_MINUTES


def planned_count(item: PlannedItem, first: date, last: date) -> int | None:
    """How many times the item should have happened in [first, last]; None for an unknown cadence."""
    return engine.expected_count(item.rhythm, first, last)


def held_count(item: PlannedItem, matched_days: set[int], first: date, last: date) -> int:
    """Distinct planned days (or blocks, for cadences without a date of their own) in [first, last] with a match."""
    start, end = first.toordinal(), last.toordinal()
    inside = {day for day in matched_days if start <= day <= end}
    size = engine.block_days(item.rhythm)
    if size is not None:
        planned = planned_count(item, first, last) or 0
        return min(planned, len({(day - start) // size for day in inside if (day - start) // size < planned}))
    return len(inside)
