"""Value outputs and rituals of the plan (002 self-check five; 003, 004 rituals) matched against posts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqtool.plan.model import PlanModel

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# A post counts for a planned slot when it falls inside the slot widened by this much on each side:
# value posts are often early or late, and a ritual's opening line may precede its slot.
TIME_TOLERANCE_MINUTES = 60
# Cadences without a fixed weekday are counted in blocks of this many days from the window's start.
BLOCK_DAYS = {"weekly": 7, "biweekly": 14, "monthly": 30}
_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*(?:[-–~]\s*(\d{1,2}):(\d{2}))?\s*$")


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


def _minutes(text: object) -> tuple[int | None, int | None]:
    match = _TIME.match(str(text)) if text is not None else None
    if not match:
        return None, None
    start = int(match[1]) * 60 + int(match[2])
    end = int(match[3]) * 60 + int(match[4]) if match[3] else start
    return start, max(start, end)


def planned_items(plan: PlanModel | None) -> tuple[PlannedItem, ...]:
    """Every well-formed item of ``value_output`` and ``rituals``; malformed ones are left to validation."""
    if plan is None:
        return ()
    items: list[PlannedItem] = []
    for item in plan.scheduled:
        start, end = _minutes(item.time)
        items.append(
            PlannedItem(
                section=item.section,
                index=item.index,
                name=item.name,
                cadence=item.cadence,
                weekday=WEEKDAYS.index(item.day) if item.day in WEEKDAYS else None,
                start_minute=start,
                end_minute=end,
                people=item.people,
                keywords=item.keywords,
            )
        )
    return tuple(items)


def is_planned_day(item: PlannedItem, day: date) -> bool:
    if item.cadence == "weekdays":
        return day.weekday() < 5
    if item.weekday is not None and item.cadence in ("weekly", "biweekly", None):
        return day.weekday() == item.weekday
    return True


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
    days = (last - first).days + 1
    if days <= 0:
        return 0
    if item.cadence == "daily":
        return days
    if item.cadence == "weekdays" or (item.cadence == "weekly" and item.weekday is not None):
        return sum(1 for offset in range(days) if is_planned_day(item, date.fromordinal(first.toordinal() + offset)))
    if item.cadence in BLOCK_DAYS:
        return days // BLOCK_DAYS[item.cadence]
    return None


def held_count(item: PlannedItem, matched_days: set[int], first: date, last: date) -> int:
    """Distinct planned days (or blocks, for cadences without a weekday) in [first, last] with a match."""
    start, end = first.toordinal(), last.toordinal()
    inside = {day for day in matched_days if start <= day <= end}
    if item.cadence in BLOCK_DAYS and not (item.cadence == "weekly" and item.weekday is not None):
        size = BLOCK_DAYS[item.cadence]
        planned = planned_count(item, first, last) or 0
        return min(planned, len({(day - start) // size for day in inside if (day - start) // size < planned}))
    return len(inside)
