"""The calendar as an iCalendar file (RFC 5545) through ``icalendar``: one recurring event per placed
item (RRULE until the calendar's last day, in the group's zone with its VTIMEZONE), its preparation
steps as VALARMs, the once-a-week steps as their own events. UIDs depend only on the community and
the item (and the date, for a single event), so importing a re-export updates events instead of
adding copies. Nothing here touches the network."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Alarm, Event, vRecur
from icalendar import Calendar as ICalendar

from sqtool import __version__
from sqtool.i18n import Translator
from sqtool.schedule.cadence import LAST, WEEKDAYS
from sqtool.schedule.calendar import Calendar, PlanItem, Step
from sqtool.schedule.kit import OperatingKit

POINT_MINUTES = 30  # a post at one time of day shows as a half-hour slot
_BYDAY = [day[:2].upper() for day in WEEKDAYS]


def uid(community: str | None, *parts: str) -> str:
    digest = hashlib.sha256("\x1f".join([community or "", *parts]).encode("utf-8")).hexdigest()[:24]
    return f"{digest}@sqtool"


def rrule(item: PlanItem, until: datetime | date) -> dict[str, object]:
    """The item's cadence as an RRULE (the calendar places only what this can express)."""
    cadence = item.cadence
    rule: dict[str, object] = {"UNTIL": until}
    if cadence.kind == "daily":
        rule["FREQ"] = "DAILY"
    elif cadence.kind == "weekdays":
        rule.update(FREQ="WEEKLY", BYDAY=_BYDAY[:5])
    elif cadence.kind in ("weekly", "biweekly") and cadence.weekday is not None:
        rule.update(FREQ="WEEKLY", BYDAY=_BYDAY[cadence.weekday])
        if cadence.kind == "biweekly":
            rule["INTERVAL"] = 2
    elif cadence.kind in ("monthly", "quarterly"):
        rule["FREQ"] = "MONTHLY"
        if cadence.kind == "quarterly":
            rule["INTERVAL"] = 3
        if cadence.month_day is not None:
            rule["BYMONTHDAY"] = cadence.month_day
        elif cadence.weekday is not None and cadence.week_of_month is not None:
            nth = -1 if cadence.week_of_month == LAST else cadence.week_of_month
            rule["BYDAY"] = f"{nth}{_BYDAY[cadence.weekday]}"
    else:
        raise ValueError(f"cadence {cadence.kind!r} cannot be placed")
    return rule


def _alarm(step_text: str, offset: timedelta) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", step_text)
    alarm.add("trigger", offset)  # relative to the start: negative before, positive after
    return alarm


def write_ics(kit: OperatingKit, tr: Translator) -> tuple[bytes, int]:
    """The file's bytes and the number of events in it."""
    calendar: Calendar = kit.calendar
    ical = ICalendar()
    ical.add("prodid", f"-//sqtool {__version__}//sqtool plan//{tr.lang.upper()}")
    ical.add("version", "2.0")
    ical.add("calscale", "GREGORIAN")
    ical.add("x-wr-calname", kit.community or kit.path)
    ical.add("x-wr-timezone", calendar.zone_name)
    stamp = datetime.combine(calendar.first, time(0), tzinfo=UTC)  # fixed: the same plan gives the same file
    firsts: dict[str, object] = {}
    for occurrence in calendar.occurrences:
        firsts.setdefault(occurrence.item.key, occurrence)
    count = 0
    for item in calendar.items:
        first = firsts.get(item.key)
        if first is None:
            continue
        event = Event()
        event.add("uid", uid(kit.community, item.section, item.name))
        event.add("dtstamp", stamp)
        event.add("summary", item.name)
        event.add("description", _description(item, tr))
        if item.window is None:
            event.add("dtstart", first.day)  # type: ignore[attr-defined]
            event.add("dtend", first.day + timedelta(days=1))  # type: ignore[attr-defined]
            until: datetime | date = calendar.last
        else:
            start = first.start  # type: ignore[attr-defined]
            end = first.end if first.end != first.start else start + timedelta(minutes=POINT_MINUTES)  # type: ignore[attr-defined]
            event.add("dtstart", start)
            event.add("dtend", end)
            last_moment = datetime.combine(calendar.last, time(23, 59, 59), tzinfo=calendar.zone)
            until = last_moment.astimezone(UTC)
        event.add("rrule", vRecur(rrule(item, until)))
        for rule in item.steps:
            if rule.needs_summary and not item.summary:
                continue
            offset = -timedelta(minutes=rule.minutes_before) if rule.minutes_before else timedelta(days=rule.days)
            event.add_component(_alarm(tr(f"kit.step.{rule.action}", name=item.name), offset))
        ical.add_component(event)
        count += 1
    for step in calendar.steps:
        if step.action not in ("value.line_up", "check_in.recap"):
            continue
        ical.add_component(_step_event(kit, step, stamp, tr))
        count += 1
    ical.add_missing_timezones()
    return ical.to_ical(), count


def _description(item: PlanItem, tr: Translator) -> str:
    people = item.owner or tr("kit.nobody")
    if item.backup:
        people = f"{people} / {item.backup}"
    return f"{tr('kit.col.who')}: {people}"


def _step_event(kit: OperatingKit, step: Step, stamp: datetime, tr: Translator) -> Event:
    event = Event()
    event.add("uid", uid(kit.community, step.item.section, step.item.name, step.action, step.day.isoformat()))
    event.add("dtstamp", stamp)
    event.add("summary", tr(f"kit.step.{step.action}", name=step.item.name))
    if step.at is not None:
        event.add("dtstart", step.at)
        event.add("dtend", step.at + timedelta(minutes=POINT_MINUTES))
    else:
        event.add("dtstart", step.day)
        event.add("dtend", step.day + timedelta(days=1))
    if step.who:
        event.add("description", f"{tr('kit.col.who')}: {step.who}")
    return event
