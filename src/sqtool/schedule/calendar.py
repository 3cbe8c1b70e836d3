"""The operating calendar: every placed item of the plan over N weeks, with owner, backup and the
preparation steps its kind needs (articles 003, 004), in the group's zone."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from sqtool.plan.model import PlanModel, ScheduledItem
from sqtool.schedule.cadence import Cadence, Window, dates, local_moment, parse_window

# Days ahead an item is announced when the plan does not say (articles 003, 004: a guest sharing two
# days ahead, a topic the day before; an offline meetup needs a week for people to plan).
DEFAULT_ANNOUNCE_DAYS = {"guest_share": 2, "topic": 1, "red_packet": 1, "offline": 7}
WEEKLY_KINDS = ("daily", "weekdays")  # value outputs lined up once a week instead of before each post


@dataclass(frozen=True, slots=True)
class StepRule:
    """One preparation (or follow-up) step of a kind: ``days`` before (negative) or after the event, or
    ``minutes_before`` on the day; ``who`` is a role looked up in the plan (the item's lead by default)."""

    action: str  # catalogue key suffix: kit.step.<action>
    days: int = 0
    minutes_before: int | None = None
    who: str = "lead"  # lead, organizer, spreader, red_packet_giver
    announcement: bool = False  # an announcement: its lead time is checked (SQ903)
    needs_summary: bool = False  # only when the item says ``summary: true``


def step_rules(section: str, kind: str | None, announce_days: int | None, cadence: str | None) -> tuple[StepRule, ...]:
    """The steps an item of this kind needs around each occurrence."""
    if section == "value_output":
        return () if cadence in WEEKLY_KINDS else (StepRule("value.prepare", -1),)
    lead = announce_days if announce_days is not None else DEFAULT_ANNOUNCE_DAYS.get(kind or "")
    announce = (StepRule(f"{kind}.announce", -lead, announcement=True),) if lead else ()
    other = tuple(StepRule("other.announce", -lead, announcement=True) for _ in announce if lead)
    if kind == "guest_share":
        return (
            StepRule("guest_share.book", -7, who="organizer"),
            *announce,
            StepRule("guest_share.remind", 0, minutes_before=60),
            StepRule("guest_share.summary", 1),
            StepRule("guest_share.publish", 2, who="spreader"),
        )
    if kind == "topic":
        return (StepRule("topic.pick", -3), *announce, StepRule("topic.highlights", 1, needs_summary=True))
    if kind == "red_packet":
        return (StepRule("red_packet.budget", -1, who="red_packet_giver"), *announce)
    if kind == "offline":
        return (
            StepRule("offline.venue", -14, who="organizer"),
            *announce,
            StepRule("offline.signup", -2, who="organizer"),
            StepRule("offline.recap", 1, who="spreader"),
        )
    if kind == "check_in":
        return announce
    return other


# once-a-week steps, on the first (line_up) or last (recap) day of each calendar week with the item
WEEK_STEPS = {("value_output", "daily"): "value.line_up", ("value_output", "weekdays"): "value.line_up"}
CHECK_IN_RECAP = "check_in.recap"


@dataclass(frozen=True, slots=True)
class PlanItem:
    """One value output or ritual, ready to place: its cadence, time window and people."""

    key: str  # "rituals.1": stable within a plan, the ICS UID is built from it and the name
    section: str
    index: int
    name: str
    kind: str | None
    line: int
    col: int
    cadence: Cadence
    window: Window | None
    owner: str | None
    backup: str | None
    steps: tuple[StepRule, ...]
    summary: bool
    keywords: tuple[str, ...] = ()

    @classmethod
    def of(cls, item: ScheduledItem) -> PlanItem:
        return cls(
            key=f"{item.section}.{item.index}",
            section=item.section,
            index=item.index,
            name=item.name,
            kind=item.kind,
            line=item.line,
            col=item.col,
            cadence=Cadence.of(item.cadence, item.day, item.month_day, item.week_of_month),
            window=parse_window(item.time),
            owner=item.owner,
            backup=item.backup,
            steps=step_rules(item.section, item.kind, item.announce_days_before, item.cadence),
            summary=item.summary,
            keywords=item.keywords,
        )


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One planned event: an item on a date (``start``/``end`` None when the plan gives no time)."""

    item: PlanItem
    day: date
    start: datetime | None
    end: datetime | None


@dataclass(frozen=True, slots=True)
class Step:
    """One thing to do for an occurrence (``event`` is its date) or for a week of a daily item."""

    item: PlanItem
    action: str
    day: date
    at: datetime | None
    who: str | None
    event: date
    announcement: bool = False


@dataclass(frozen=True, slots=True)
class Week:
    number: int  # 1-based; 0 holds the steps due before the first day
    first: date
    last: date
    occurrences: tuple[Occurrence, ...]
    steps: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class Unplaced:
    """An item the calendar cannot place, and why (``reason``: kit.unplaced.<reason>)."""

    item: PlanItem
    reason: str


@dataclass(frozen=True, slots=True)
class Calendar:
    zone: tzinfo
    zone_name: str
    first: date
    last: date
    items: tuple[PlanItem, ...]
    weeks: tuple[Week, ...]  # week 0 (steps due before the first day) only when it has steps
    unplaced: tuple[Unplaced, ...]

    @property
    def occurrences(self) -> tuple[Occurrence, ...]:
        return tuple(occurrence for week in self.weeks for occurrence in week.occurrences)

    @property
    def steps(self) -> tuple[Step, ...]:
        return tuple(step for week in self.weeks for step in week.steps)


def anchor_of(plan: PlanModel, first: date) -> date:
    """The date every-other-week and every-third-month items count from: the plan's launch date when
    it has one (so the phase does not depend on the window), else the calendar's first day."""
    launched = (
        plan.data.get("community", {}).get("launch_date") if isinstance(plan.data.get("community"), dict) else None
    )
    if isinstance(launched, datetime):
        return launched.date()
    if isinstance(launched, date):
        return launched
    if isinstance(launched, str):
        try:
            return date.fromisoformat(launched.strip())
        except ValueError:
            return first
    return first


def people_for(plan: PlanModel) -> dict[str, str | None]:
    """The first person named for each supporting role (organizer, spreader, red-packet giver)."""
    found: dict[str, str | None] = {}
    for role in ("organizer", "spreader", "red_packet_giver"):
        named = plan.roles.ecosystem.get(role, ())
        found[role] = named[0].value if named else None
    found["owner"] = plan.roles.owner.value if plan.roles.owner is not None else None
    return found


def build_calendar(plan: PlanModel, first: date, weeks: int, zone: tzinfo, zone_name: str) -> Calendar:
    """Every placed item of ``plan`` over ``weeks`` weeks from ``first`` (a 7-day block each)."""
    last = first + timedelta(days=7 * weeks - 1)
    anchor = anchor_of(plan, first)
    roles = people_for(plan)
    items = tuple(PlanItem.of(item) for item in plan.scheduled)
    occurrences: list[Occurrence] = []
    steps: list[Step] = []
    unplaced: list[Unplaced] = []
    for item in items:
        if not item.cadence.placeable:
            unplaced.append(Unplaced(item, _why_unplaced(item.cadence)))
            continue
        for day in dates(item.cadence, first, last, anchor):
            occurrence = _occurrence(item, day, zone)
            occurrences.append(occurrence)
            # steps after the window are left out; those due before it stay (week 0: do them now)
            steps += [step for step in _steps_of(item, occurrence, zone, roles) if step.day <= last]
        steps += _week_steps(item, first, weeks, anchor, zone, roles)
    return Calendar(
        zone=zone,
        zone_name=zone_name,
        first=first,
        last=last,
        items=items,
        weeks=_weeks(first, weeks, occurrences, steps),
        unplaced=tuple(unplaced),
    )


def _why_unplaced(cadence: Cadence) -> str:
    if cadence.kind is None:
        return "no_cadence"
    if cadence.kind in ("weekly", "biweekly"):
        return "no_day"
    if cadence.kind in ("monthly", "quarterly"):
        return "no_month_day"
    return "yearly" if cadence.kind == "yearly" else "unknown"


def _occurrence(item: PlanItem, day: date, zone: tzinfo) -> Occurrence:
    if item.window is None:
        return Occurrence(item, day, None, None)
    return Occurrence(item, day, local_moment(day, item.window.start, zone), local_moment(day, item.window.end, zone))


def _who(item: PlanItem, role: str, roles: dict[str, str | None]) -> str | None:
    if role == "lead":
        return item.owner or roles.get("owner")
    return roles.get(role) or item.owner or roles.get("owner")


def _steps_of(item: PlanItem, occurrence: Occurrence, zone: tzinfo, roles: dict[str, str | None]) -> Iterable[Step]:
    for rule in item.steps:
        if rule.needs_summary and not item.summary:
            continue
        day = occurrence.day + timedelta(days=rule.days)
        at = None  # groundwork (book, write up) is done some time that day
        if item.window is not None and (rule.announcement or rule.minutes_before is not None):
            # an announcement goes out at the hour members come for the event; a reminder before it
            at = local_moment(day, max(0, item.window.start - (rule.minutes_before or 0)), zone)
        yield Step(item, rule.action, day, at, _who(item, rule.who, roles), occurrence.day, rule.announcement)


def _week_steps(
    item: PlanItem, first: date, weeks: int, anchor: date, zone: tzinfo, roles: dict[str, str | None]
) -> list[Step]:
    """Once-a-week steps: line up a daily output's week on its first day, recap a check-in on its last."""
    action = WEEK_STEPS.get((item.section, item.cadence.kind or ""))
    recap = item.kind == "check_in"
    if action is None and not recap:
        return []
    found: list[Step] = []
    for week in range(weeks):
        start = first + timedelta(days=7 * week)
        days = list(dates(item.cadence, start, start + timedelta(days=6), anchor))
        if not days:
            continue
        day = days[0] if action is not None else days[-1]
        at = local_moment(day, item.window.end, zone) if recap and item.window else None
        found.append(Step(item, action or CHECK_IN_RECAP, day, at, _who(item, "lead", roles), day))
    return found


def _weeks(first: date, count: int, occurrences: list[Occurrence], steps: list[Step]) -> tuple[Week, ...]:
    def order(moment: datetime | None, day: date) -> tuple[date, int]:
        return day, (moment.hour * 60 + moment.minute) if moment is not None else -1

    found: list[Week] = []
    early = sorted((step for step in steps if step.day < first), key=lambda s: order(s.at, s.day))
    if early:
        found.append(Week(0, early[0].day, first - timedelta(days=1), (), tuple(early)))
    for number in range(count):
        start = first + timedelta(days=7 * number)
        end = start + timedelta(days=6)
        found.append(
            Week(
                number + 1,
                start,
                end,
                tuple(sorted((o for o in occurrences if start <= o.day <= end), key=lambda o: order(o.start, o.day))),
                tuple(sorted((s for s in steps if start <= s.day <= end), key=lambda s: order(s.at, s.day))),
            )
        )
    return tuple(found)
