"""Findings about a calendar, in the form `check` uses (rule ids SQ901-SQ904, rules/schedule.py):
clashes, events at night in the group's zone, announcements due before the calendar starts, and
items the calendar cannot place."""

from __future__ import annotations

from datetime import datetime
from itertools import combinations

from sqtool.diagnostics import Finding, Severity
from sqtool.i18n import Translator
from sqtool.schedule.calendar import Calendar, Occurrence, PlanItem

NIGHT_START, NIGHT_END = 23 * 60, 6 * 60  # 23:00-06:00 in the group's zone: most members are asleep
SEVERITY = {"SQ901": Severity.WARNING, "SQ902": Severity.WARNING, "SQ903": Severity.WARNING, "SQ904": Severity.INFO}


def calendar_findings(calendar: Calendar, path: str, tr: Translator) -> list[Finding]:
    """Every finding of the calendar, in plan order."""

    def finding(rule_id: str, item: PlanItem, message: str, **args: object) -> Finding:
        return Finding(
            rule_id=rule_id,
            severity=SEVERITY[rule_id],
            message=tr(f"rules.{rule_id}.{message}", **args),
            path=path,
            line=item.line,
            col=item.col,
            hint=tr(f"rules.{rule_id}.hint", **args),
        )

    found: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    timed = [o for o in calendar.occurrences if o.start is not None and o.end is not None]
    by_day: dict[object, list[Occurrence]] = {}
    for occurrence in timed:
        by_day.setdefault(occurrence.day, []).append(occurrence)
    for day, group in sorted(by_day.items(), key=lambda entry: str(entry[0])):
        for first, second in combinations(sorted(group, key=lambda o: (o.item.section, o.item.index)), 2):
            pair = (first.item.key, second.item.key)
            if pair in seen or first.item.key == second.item.key or not _overlap(first, second):
                continue
            seen.add(pair)
            later = max((first.item, second.item), key=lambda item: (item.line, item.col))
            shared = first.item.owner is not None and first.item.owner == second.item.owner
            found.append(
                finding(
                    "SQ901",
                    later,
                    "double_booked" if shared else "message",
                    first=first.item.name,
                    second=second.item.name,
                    day=str(day),
                    time=_clock(max(t for t in (first.start, second.start) if t is not None)),
                    person=first.item.owner or "",
                )
            )
    for item in calendar.items:
        if item.window is not None and _at_night(item.window.start, item.window.end) and item.cadence.placeable:
            found.append(
                finding("SQ902", item, "message", name=item.name, time=item.window.label(), zone=calendar.zone_name)
            )
    announced: set[str] = set()
    for step in calendar.steps:
        if step.announcement and step.day < calendar.first and step.item.key not in announced:
            announced.add(step.item.key)
            found.append(
                finding(
                    "SQ903",
                    step.item,
                    "message",
                    name=step.item.name,
                    event=str(step.event),
                    due=str(step.day),
                    first=str(calendar.first),
                )
            )
    for unplaced in calendar.unplaced:
        item = unplaced.item
        found.append(finding("SQ904", item, "message", name=item.name, why=tr(f"kit.unplaced.{unplaced.reason}")))
    return sorted(found, key=lambda f: (f.line, f.col, f.rule_id))


def _overlap(first: Occurrence, second: Occurrence) -> bool:
    """Two spans overlap when each starts before the other ends; a point in time clashes with a span
    that holds it, and with another point at the same minute."""
    a0, a1, b0, b1 = first.start, first.end, second.start, second.end
    assert a0 is not None and a1 is not None and b0 is not None and b1 is not None
    if a0 == a1 and b0 == b1:
        return a0 == b0
    if a0 == a1:
        return b0 <= a0 < b1
    if b0 == b1:
        return a0 <= b0 < a1
    return a0 < b1 and b0 < a1


def _at_night(start: int, end: int) -> bool:
    return start < NIGHT_END or start >= NIGHT_START or end > NIGHT_START


def _clock(moment: datetime | None) -> str:
    return moment.strftime("%H:%M") if moment is not None else ""
