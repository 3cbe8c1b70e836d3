"""Ritual rules: regular topics and guest sharings, announced ahead, run and summed up (000, 003, 004)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import combinations

from sqtool.diagnostics import Finding
from sqtool.plan.access import filled, get, items, text, whole
from sqtool.rules.registry import RuleContext, rule

# Days ahead a ritual must be announced: 004 announces a topic the day before, 003 a guest two days before.
ANNOUNCE_DAYS = {"topic": 1, "guest_share": 2}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*(?:[-–~—]\s*(\d{1,2}):(\d{2})\s*)?$")


def _rituals(ctx: RuleContext) -> Iterator[tuple[int, dict, str]]:
    for index, item in items(ctx.data, ("rituals",)):
        if isinstance(item, dict):
            yield index, item, text(item.get("name")) or f"rituals[{index}]"


@rule("SQ501", severity="warning", sources=("003", "004"))
def announced_ahead(ctx: RuleContext) -> Iterator[Finding]:
    """Topics are announced at least a day ahead and guest sharings at least two days ahead."""
    for index, item, name in _rituals(ctx):
        needed = ANNOUNCE_DAYS.get((text(item.get("kind")) or "").lower())
        if needed is None:
            continue
        days = whole(item.get("announce_days_before"))
        if days is None:
            yield ctx.finding(("rituals", index), "unset", name=name, needed=needed)
        elif days < needed:
            yield ctx.finding(
                ("rituals", index, "announce_days_before"), "too_late", name=name, days=days, needed=needed
            )


@rule("SQ502", severity="warning", sources=("003",))
def guest_share_steps(ctx: RuleContext) -> Iterator[Finding]:
    """A guest sharing has a host to run it and a summary afterwards."""
    for index, item, name in _rituals(ctx):
        if (text(item.get("kind")) or "").lower() != "guest_share":
            continue
        if text(item.get("host")) is None:
            yield ctx.finding(("rituals", index), "no_host", name=name)
        if item.get("summary") is not True and not text(item.get("summary")):
            yield ctx.finding(("rituals", index, "summary"), "no_summary", name=name)


def time_range(value: object) -> tuple[int, int] | None:
    """Minutes since midnight of ``"21:00-21:30"`` (end after start) or of a single ``"21:00"`` (a point)."""
    if not isinstance(value, str):
        return None
    match = _TIME.match(value)
    if not match:
        return None
    start = int(match.group(1)) * 60 + int(match.group(2))
    if match.group(3) is None:
        return start, start
    end = int(match.group(3)) * 60 + int(match.group(4))
    if end < start:
        end += 24 * 60  # runs past midnight
    return start, end


def days_of(item: dict) -> set[str]:
    """The weekdays a ritual takes place on: from its cadence (daily, weekdays) or its ``day`` (or days)."""
    cadence = (text(item.get("cadence")) or "").lower()
    if cadence == "daily":
        return set(WEEKDAYS)
    if cadence == "weekdays":
        return set(WEEKDAYS[:5])
    day = item.get("day")
    listed = day if isinstance(day, list) else [day]
    return {entry.strip().lower() for entry in listed if isinstance(entry, str) and entry.strip().lower() in WEEKDAYS}


def _overlap(first: tuple[int, int], second: tuple[int, int]) -> bool:
    if first[0] == first[1] or second[0] == second[1]:
        return first[0] <= second[1] and second[0] <= first[1]
    return first[0] < second[1] and second[0] < first[1]


@rule("SQ503", severity="warning", sources=())
def rituals_do_not_clash(ctx: RuleContext) -> Iterator[Finding]:
    """No two rituals take place on the same day at overlapping times."""
    timed = [
        (index, name, days_of(item), span)
        for index, item, name in _rituals(ctx)
        if (span := time_range(item.get("time"))) is not None
    ]
    for (_, first_name, first_days, first_span), (index, name, days, span) in combinations(timed, 2):
        shared = [day for day in WEEKDAYS if day in first_days and day in days]
        if shared and _overlap(first_span, span):
            yield ctx.finding(
                ("rituals", index, "time"),
                "message",
                name=name,
                other=first_name,
                day=ctx.tr(f"rules.day.{shared[0]}"),
            )


@rule("SQ504", severity="warning", sources=("000", "004"))
def offline_interaction(ctx: RuleContext) -> Iterator[Finding]:
    """Some offline meeting is planned: groups that never meet go cold."""
    if filled(get(ctx.data, ("offline", "events"))) or filled(get(ctx.data, ("offline", "chapters"))):
        return
    if any((text(item.get("kind")) or "").lower() == "offline" for _, item, _ in _rituals(ctx)):
        return
    yield ctx.finding(("offline",), "message")


@rule("SQ505", severity="warning", sources=("003",))
def fixed_rhythm(ctx: RuleContext) -> Iterator[Finding]:
    """Every ritual has a cadence and a time, so members learn when to expect it."""
    for index, item, name in _rituals(ctx):
        if text(item.get("cadence")) is None:
            yield ctx.finding(("rituals", index), "no_cadence", name=name)
        elif (text(item.get("kind")) or "").lower() != "offline" and text(item.get("time")) is None:
            yield ctx.finding(("rituals", index), "no_time", name=name)


@rule("SQ506", severity="warning", sources=("003", "004"))
def has_rituals(ctx: RuleContext) -> Iterator[Finding]:
    """At least one recurring ritual (a topic night, a guest sharing, a check-in)."""
    if not any(True for _ in _rituals(ctx)):
        yield ctx.finding(("rituals",), "message")
