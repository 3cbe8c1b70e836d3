"""Dates, weekdays and cadences in the reader's language (the calendar's tables and the notices)."""

from __future__ import annotations

from datetime import date

from sqtool.i18n import Translator
from sqtool.schedule.cadence import LAST, WEEKDAYS
from sqtool.schedule.calendar import PlanItem


def weekday_name(day: int, tr: Translator) -> str:
    return tr(f"rules.day.{WEEKDAYS[day]}")


def short_day(day: date, tr: Translator) -> str:
    """``Thu 12-10`` / ``周四 12-10``: a calendar row's day."""
    return f"{tr(f'kit.weekday.{WEEKDAYS[day.weekday()]}')} {day.strftime('%m-%d')}"


def cadence_label(item: PlanItem, tr: Translator) -> str:
    """``every Thursday 21:00-21:30`` / ``每周四 21:00-21:30``."""
    cadence = item.cadence
    day = weekday_name(cadence.weekday, tr) if cadence.weekday is not None else ""
    kind = cadence.kind or "none"
    if kind in ("monthly", "quarterly") and cadence.month_day is not None:
        text = tr(f"kit.cadence.{kind}.month_day", n=cadence.month_day)
    elif kind in ("monthly", "quarterly") and cadence.monthly_pin:
        nth = "last" if cadence.week_of_month == LAST else str(cadence.week_of_month)
        text = tr(f"kit.cadence.{kind}.nth", nth=tr(f"kit.nth.{nth}"), day=day)
    elif kind in ("weekly", "biweekly") and day:
        text = tr(f"kit.cadence.{kind}.day", day=day)
    else:
        key = f"kit.cadence.{kind}"
        from sqtool.i18n import catalogue

        text = tr(key) if key in catalogue() else kind
    return f"{text} {item.window.label()}" if item.window is not None else text
