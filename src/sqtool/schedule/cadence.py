"""The one cadence engine: which days a plan item falls on, at what local time, in the group's zone.

Forms: daily; weekdays (Monday to Friday); weekly on a day; biweekly on a day (every other week from
an anchor date); monthly on a day of the month (1-28) or on the n-th (or last) weekday; quarterly
the same way every third month from the anchor's month. A cadence without the day it needs (weekly
with no ``day``) has no dates of its own; the audit still counts it in blocks of days (``BLOCK_DAYS``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Cadences without a fixed date are counted in blocks of this many days from a window's start.
BLOCK_DAYS = {"weekly": 7, "biweekly": 14, "monthly": 30}
LAST = -1  # week_of_month: the last such weekday of the month
_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*(?:[-–~]\s*(\d{1,2}):(\d{2}))?\s*$")


@dataclass(frozen=True, slots=True)
class Cadence:
    """How often an item happens and on which day; ``kind`` is the plan's ``cadence`` (lower-cased)."""

    kind: str | None
    weekday: int | None = None  # 0 = Monday
    month_day: int | None = None  # 1-28
    week_of_month: int | None = None  # 1-4, or LAST

    @classmethod
    def of(
        cls, kind: str | None, day: str | None, month_day: int | None = None, week_of_month: int | None = None
    ) -> Cadence:
        weekday = WEEKDAYS.index(day) if day in WEEKDAYS else None
        return cls(kind, weekday, month_day, week_of_month)

    @property
    def monthly_pin(self) -> bool:
        """A day in the month: the n-th day, or the n-th (or last) given weekday."""
        return self.month_day is not None or (self.week_of_month is not None and self.weekday is not None)

    @property
    def fixed(self) -> bool:
        """Dates follow from the calendar alone, whatever window or anchor is asked about."""
        if self.kind in ("daily", "weekdays"):
            return True
        if self.kind == "weekly":
            return self.weekday is not None
        return self.kind == "monthly" and self.monthly_pin

    @property
    def anchored(self) -> bool:
        """Dates need a first date to count from (every other week, every third month)."""
        return (self.kind == "biweekly" and self.weekday is not None) or (self.kind == "quarterly" and self.monthly_pin)

    @property
    def placeable(self) -> bool:
        return self.fixed or self.anchored


def occurs_on(cadence: Cadence, day: date, anchor: date | None = None) -> bool:
    """Whether ``day`` is one of the cadence's dates (``anchor``: a date in the first week or month)."""
    kind = cadence.kind
    if kind == "daily":
        return True
    if kind == "weekdays":
        return day.weekday() < 5
    if kind in ("weekly", "biweekly"):
        if cadence.weekday is None or day.weekday() != cadence.weekday:
            return False
        if kind == "weekly":
            return True
        start = anchor or day
        weeks = (_monday(day) - _monday(start)).days // 7
        return weeks % 2 == 0
    if kind in ("monthly", "quarterly") and cadence.monthly_pin:
        if kind == "quarterly":
            start = anchor or day
            if ((day.year - start.year) * 12 + day.month - start.month) % 3:
                return False
        return _month_pin_matches(cadence, day)
    return False


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _month_pin_matches(cadence: Cadence, day: date) -> bool:
    if cadence.month_day is not None:
        return day.day == cadence.month_day
    if cadence.weekday is None or cadence.week_of_month is None or day.weekday() != cadence.weekday:
        return False
    if cadence.week_of_month == LAST:
        return (day + timedelta(days=7)).month != day.month
    return (day.day - 1) // 7 + 1 == cadence.week_of_month


def dates(cadence: Cadence, first: date, last: date, anchor: date | None = None) -> Iterator[date]:
    """The cadence's dates in [first, last], in order; none for a cadence that cannot be placed."""
    if not cadence.placeable:
        return
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        if occurs_on(cadence, day, anchor):
            yield day


def is_planned_day(cadence: Cadence, day: date) -> bool:
    """Whether a post on ``day`` can count for the item (the audit's matching, which knows no anchor):
    a weekday-bound cadence only on its weekday, a monthly date only on that date, else any day."""
    if cadence.kind == "weekdays":
        return day.weekday() < 5
    if cadence.kind == "monthly" and cadence.monthly_pin:
        return _month_pin_matches(cadence, day)
    if cadence.weekday is not None and cadence.kind in ("weekly", "biweekly", None):
        return day.weekday() == cadence.weekday
    return True


def block_days(cadence: Cadence) -> int | None:
    """Days per block when the audit counts the item in blocks (no date of its own to count)."""
    if cadence.fixed:
        return None
    return BLOCK_DAYS.get(cadence.kind or "")


def expected_count(cadence: Cadence, first: date, last: date) -> int | None:
    """How many times the item should happen in [first, last] when its phase is unknown (an audited
    window): its dates where the calendar fixes them, else one per block; None for unknown cadences."""
    days = (last - first).days + 1
    if days <= 0:
        return 0
    if cadence.fixed:
        return sum(1 for _ in dates(cadence, first, last))
    size = block_days(cadence)
    return days // size if size else None


@dataclass(frozen=True, slots=True)
class Window:
    """A time of day, or a span, in minutes after local midnight (``end`` == ``start`` for a point)."""

    start: int
    end: int

    @property
    def span(self) -> bool:
        return self.end > self.start

    def label(self) -> str:
        first = f"{self.start // 60:02d}:{self.start % 60:02d}"
        return f"{first}-{self.end // 60:02d}:{self.end % 60:02d}" if self.span else first


def parse_window(text: object) -> Window | None:
    """``"21:00-21:30"`` or ``"08:00"``; None for anything else (the schema reports it)."""
    match = _TIME.match(str(text)) if text is not None else None
    if not match:
        return None
    start = int(match[1]) * 60 + int(match[2])
    end = int(match[3]) * 60 + int(match[4]) if match[3] else start
    if start >= 24 * 60:
        return None
    return Window(start, max(start, end))


def local_moment(day: date, minute: int, zone: tzinfo) -> datetime:
    """The aware local time ``minute`` after midnight of ``day`` in ``zone``. A wall time the spring DST
    change skips (02:30 in Berlin on the last Sunday of March) moves forward by the gap; a repeated one
    (autumn) is its first occurrence."""
    naive = datetime(day.year, day.month, day.day) + timedelta(minutes=minute)
    moment = naive.replace(tzinfo=zone)
    return moment.astimezone(UTC).astimezone(zone)
