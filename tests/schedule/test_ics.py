"""`sqtool plan --ics`: the file parses back, its RRULEs expand (with recurring-ical-events, not
sqtool's engine) to exactly sqtool's own calendar, across DST, with stable UIDs and a VTIMEZONE."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events

from sqtool.i18n import Translator
from sqtool.plan.load import load_plan
from sqtool.plan.model import PlanModel
from sqtool.schedule.ics import uid, write_ics
from sqtool.schedule.kit import OperatingKit, build_kit
from tests.schedule.helpers import ALL_KINDS_RITUALS, ALL_KINDS_VALUE, write_plan

BERLIN = ZoneInfo("Europe/Berlin")


def _kit(path: Path, first: date, weeks: int, zone: str = "Europe/Berlin") -> OperatingKit:
    plan = PlanModel.of(load_plan(path))
    return build_kit(plan, first, weeks, ZoneInfo(zone), zone, Translator("en"))


def _expanded(data: bytes, first: date, last: date) -> set[tuple[str, datetime | date]]:
    calendar = icalendar.Calendar.from_ical(data)
    events = recurring_ical_events.of(calendar).between(first, last + timedelta(days=1))
    return {(str(event["SUMMARY"]), event["DTSTART"].dt) for event in events}


def _own(kit: OperatingKit) -> set[tuple[str, datetime | date]]:
    return {(o.item.name, o.start if o.start is not None else o.day) for o in kit.calendar.occurrences}


def test_rrules_expand_to_sqtools_calendar_across_both_dst_changes(tmp_path: Path) -> None:
    path = write_plan(tmp_path, ALL_KINDS_VALUE, ALL_KINDS_RITUALS, timezone="Europe/Berlin")
    for first, weeks in ((date(2026, 3, 9), 6), (date(2026, 10, 5), 6), (date(2026, 1, 5), 20)):
        kit = _kit(path, first, weeks)
        data, count = write_ics(kit, Translator("en"))
        expanded = _expanded(data, kit.calendar.first, kit.calendar.last)
        items = {name for name, _ in _own(kit)}
        recurring = {(name, start) for name, start in expanded if name in items}
        assert recurring == _own(kit), (first, sorted(map(str, recurring ^ _own(kit)))[:6])
        assert count == len(items) + sum(
            1 for s in kit.calendar.steps if s.action in ("value.line_up", "check_in.recap")
        )


def test_wall_times_survive_dst_in_the_file(tmp_path: Path) -> None:
    path = write_plan(tmp_path, ALL_KINDS_VALUE, ALL_KINDS_RITUALS, timezone="Europe/Berlin")
    kit = _kit(path, date(2026, 3, 16), 3)
    data, _ = write_ics(kit, Translator("en"))
    sharings = sorted(
        start for name, start in _expanded(data, kit.calendar.first, kit.calendar.last) if name == "Guest sharing"
    )
    assert [(s.date().isoformat(), s.hour, s.minute, s.utcoffset()) for s in sharings] == [
        ("2026-03-22", 20, 30, timedelta(hours=1)),
        ("2026-03-29", 20, 30, timedelta(hours=2)),  # the day clocks went forward
        ("2026-04-05", 20, 30, timedelta(hours=2)),
    ]


def test_the_file_carries_a_vtimezone_alarms_and_stable_uids(tmp_path: Path) -> None:
    path = write_plan(tmp_path, ALL_KINDS_VALUE, ALL_KINDS_RITUALS, timezone="Europe/Berlin")
    first, _ = write_ics(_kit(path, date(2026, 6, 1), 4), Translator("en"))
    again, _ = write_ics(_kit(path, date(2026, 6, 1), 4), Translator("en"))
    later, _ = write_ics(_kit(path, date(2026, 7, 6), 4), Translator("en"))
    assert first == again  # the same plan and window give the same bytes
    calendar = icalendar.Calendar.from_ical(first)
    zones = [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")]
    assert zones == ["Europe/Berlin"]
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT") if e.get("RRULE")}
    sharing = events["Guest sharing"]
    assert sharing["DTSTART"].params["TZID"] == "Europe/Berlin"
    triggers = sorted(alarm["TRIGGER"].dt for alarm in sharing.walk("VALARM"))
    assert triggers == [
        timedelta(days=-7),
        timedelta(days=-2),
        timedelta(hours=-1),
        timedelta(days=1),
        timedelta(days=2),
    ]
    assert str(sharing["UID"]) == uid("私域增长研习社", "rituals", "Guest sharing")
    later_uids = {str(e["UID"]) for e in icalendar.Calendar.from_ical(later).walk("VEVENT") if e.get("RRULE")}
    assert {str(e["UID"]) for e in events.values()} == later_uids  # a re-export updates the same events
