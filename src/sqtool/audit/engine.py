"""run_audit: one pass over the records into aggregates, then pure functions compute every figure."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, date, tzinfo

from sqtool.audit.activity import activity, previous_period, weekly_active_share
from sqtool.audit.aggregate import Aggregate
from sqtool.audit.diagnoses import diagnose
from sqtool.audit.drift import drift
from sqtool.audit.fastpass import Accumulator
from sqtool.audit.hygiene import hygiene
from sqtool.audit.leaders import opinion_leaders
from sqtool.audit.listed_roster import with_listed_roster
from sqtool.audit.lists import member_lists
from sqtool.audit.members import member_rows, question_rows
from sqtool.audit.membership import membership
from sqtool.audit.options import AuditOptions, Thresholds
from sqtool.audit.owner import owner_pull
from sqtool.audit.report import (
    AuditReport,
    ExportInfo,
    Note,
    Period,
    PeriodFigures,
    SenderCount,
    Summary,
    ValueItem,
    ValueOutput,
)
from sqtool.audit.response import responsiveness
from sqtool.audit.tiers import participation
from sqtool.audit.value import PlannedItem, held_count, planned_count, planned_items
from sqtool.chat.model import Record
from sqtool.errors import SqtoolError

OWNER_TAGS = frozenset({"owner", "群主"})


def resolve_tz(options: AuditOptions, records: object = None) -> tzinfo:
    """--tz, else the plan's community.timezone, else the zone the readers used (``ChatRead.zone``),
    else UTC: days are counted in the zone naive export times were read in."""
    if options.tz is not None:
        return options.tz
    planned = options.plan.community.timezone if options.plan is not None else None
    if planned is not None:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            return ZoneInfo(planned.value)
        except (ZoneInfoNotFoundError, ValueError):
            pass  # the schema reports a bad zone name; the audit falls back
    zone = getattr(records, "zone", None)
    return zone if isinstance(zone, tzinfo) else UTC


def zone_label(zone: tzinfo) -> str:
    """An IANA name when the zone has one (Asia/Shanghai), else its offset (UTC+08:00)."""
    key = getattr(zone, "key", None)
    return key if isinstance(key, str) else str(zone)


def ranked_senders(agg: Aggregate, messages: Mapping[int, int]) -> tuple[SenderCount, ...]:
    """Every poster, most messages first; ties by name, then id (a stable order for reports)."""
    posters = [
        SenderCount(agg.member_key(member), agg.display_name(member), count)
        for member, count in messages.items()
        if count
    ]
    return tuple(sorted(posters, key=lambda s: (-s.messages, s.name, s.id)))


def export_info(records: object, agg: Aggregate) -> ExportInfo:
    """What the readers report about the exports (a ChatRead's counts are final once it is read)."""
    return ExportInfo(
        formats=tuple(getattr(records, "formats", ())),
        files=tuple(getattr(records, "files", ())),
        skipped=int(getattr(records, "skipped", 0)),
        duplicates=int(getattr(records, "duplicates", 0)),
        bots=agg.bot_messages,
        warnings=tuple(getattr(records, "warnings", ())),
        group=getattr(records, "group", None),
    )


def owner_keys(options: AuditOptions) -> frozenset[str]:
    keys: set[str] = set()
    owner = options.plan.roles.owner if options.plan is not None else None
    if owner is not None:
        keys.add(owner.value)
    if options.roster is not None:
        for member in options.roster.members:
            if member.tags & OWNER_TAGS:
                keys.update(member.aliases())
    return frozenset(keys)


def membership_base(options: AuditOptions, agg: Aggregate, posting: set[int]) -> tuple[int | None, str]:
    """Members known, in order: roster (plus posters missing from it), --members, the plan's
    members.current_size, else None (only posters are known: lurkers cannot be counted)."""
    if options.roster is not None:
        return len(agg.roster_members | posting), "roster"
    if options.members is not None:
        return max(options.members, 0), "option"
    size = options.plan.members.current_size if options.plan is not None else None
    if size is not None and size.value > 0:
        return size.value, "plan"
    return None, "seen"


def _value(agg: Aggregate, items: tuple[PlannedItem, ...], period: Period) -> ValueOutput:
    figures = []
    for position, item in enumerate(items):
        planned = planned_count(item, period.first, period.last)
        held = held_count(item, agg.held_days(position), period.first, period.last)
        figures.append(
            ValueItem(
                item.section, item.index, item.name, item.cadence, planned, held, held / planned if planned else None
            )
        )
    first, last = period.first.toordinal(), period.last.toordinal()
    posts = agg.value_posts_between(first, last)
    has_value_items = any(item.section == "value_output" for item in items)
    return ValueOutput(tuple(figures), posts, posts / (period.days / 7) if has_value_items else None)


def period_figures(
    agg: Aggregate,
    period: Period,
    options: AuditOptions,
    thresholds: Thresholds,
    items: tuple[PlannedItem, ...],
    tz: tzinfo,
) -> PeriodFigures:
    """Every figure of one period, from the aggregates alone."""
    first, last = period.first.toordinal(), period.last.toordinal()
    messages = agg.messages_by_member(first, last)
    posting = {member for member, count in messages.items() if count}
    base, source = membership_base(options, agg, posting)
    share = participation(list(messages.values()), base)
    total = sum(messages.values())
    conduct = options.plan.conduct if options.plan is not None else None
    conduct_rules = conduct.value if conduct is not None else None
    days_with_messages = [day for day in range(first, last + 1) if agg.messages_on(day)]
    return PeriodFigures(
        period=period,
        summary=Summary(
            messages=total,
            senders=len(posting),
            members=share.members if base is not None else None,
            members_source=source,
            # in the audit's zone: exports with their own offsets (Discord) would otherwise show other clocks
            first=agg.day_span[days_with_messages[0]][0].astimezone(tz) if days_with_messages else None,
            last=agg.day_span[days_with_messages[-1]][1].astimezone(tz) if days_with_messages else None,
        ),
        participation=share,
        opinion_leaders=opinion_leaders(agg, period, messages, share.members, thresholds.kol_per_members),
        responsiveness=responsiveness(agg, period, thresholds.max_first_response_minutes),
        membership=membership(agg, period, tz),
        hygiene=hygiene(agg, period, total, [str(r) for r in conduct_rules] if isinstance(conduct_rules, list) else []),
        value=_value(agg, items, period),
        owner=owner_pull(agg, period, len(posting)),
        weekly_active_share=weekly_active_share(agg, period, share.members if base is not None else None),
    )


def _notes(report_figures: PeriodFigures, options: AuditOptions, agg: Aggregate) -> list[Note]:
    notes = []
    share = report_figures.participation
    if report_figures.summary.senders == 1:
        only = next(
            member for member, count in agg.messages_by_member(*_ordinals(report_figures.period)).items() if count
        )
        notes.append(Note("audit.note.one_sender", (("name", agg.display_name(only)),)))
    if report_figures.summary.members_source == "seen":
        notes.append(Note("audit.note.lurkers_unknown"))
    if share.small_group:
        notes.append(Note("audit.note.small_group", (("members", share.members),)))
    if options.plan is None:
        notes.append(Note("audit.note.no_plan"))
    if agg.excluded_records:
        notes.append(Note("audit.note.excluded", (("records", agg.excluded_records),)))
    if agg.other_events:
        notes.append(Note("audit.note.other_events", (("events", agg.other_events),)))
    notes.extend(_exclusion_notes(options, agg))
    given = options.members if report_figures.summary.members_source == "option" else None
    if given is not None and given < report_figures.summary.senders:  # the base is raised to the posters
        notes.append(Note("audit.note.members_raised", (("given", given), ("posters", report_figures.summary.senders))))
    return notes


def _exclusion_notes(options: AuditOptions, agg: Aggregate) -> list[Note]:
    """An --exclude that matched nobody, and --exclude tag:X without a roster (no tags to match)."""
    keys, tags = options.exclusions()
    roster = options.roster.members if options.roster is not None else ()
    known = {alias for member in roster for alias in member.aliases()}
    notes = [
        Note("audit.note.exclude_nobody", (("who", key),))
        for key in sorted(keys)
        if key not in agg.excluded_seen and key not in known
    ]
    for tag in sorted(tags):
        if options.roster is None:
            notes.append(Note("audit.note.exclude_tag_no_roster", (("tag", tag),)))
        elif not any(tag in member.tags for member in roster):
            notes.append(Note("audit.note.exclude_tag_nobody", (("tag", tag),)))
    return notes


def _ordinals(period: Period) -> tuple[int, int]:
    return period.first.toordinal(), period.last.toordinal()


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Reading and the pass allocate millions of records and small aggregates but hardly any reference
    cycles, yet the cycle collector would walk the ever larger aggregates again and again: on a
    10^6-message export that was a quarter of the audit's time. It is paused for the pass only; the
    few cycles made meanwhile (a caught error's traceback) are collected once it runs again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def message_window(agg: Aggregate, options: AuditOptions, tz: tzinfo) -> tuple[date, date]:
    """--since/--until, else the local days of the first and the last message: events (an encryption
    notice months before, a call after) neither stretch the window nor make silent days. A --since
    after the last message or an --until before the first, with the other bound left open, is said so."""
    if agg.export_first is None or agg.export_last is None:
        raise ValueError("message_window needs an export with messages")
    export_first, export_last = agg.export_first.astimezone(tz).date(), agg.export_last.astimezone(tz).date()
    first_day, last_day = export_first.isoformat(), export_last.isoformat()
    if options.since is not None and options.until is None and options.since > export_last:
        raise SqtoolError(
            "audit.since_after_end",
            hint="audit.since_after_end_hint",
            since=options.since.isoformat(),
            first=first_day,
            last=last_day,
        )
    if options.until is not None and options.since is None and options.until < export_first:
        raise SqtoolError(
            "audit.until_before_start",
            hint="audit.until_before_start_hint",
            until=options.until.isoformat(),
            first=first_day,
            last=last_day,
        )
    days = agg.day_span.keys()  # the local days with a message the pass kept
    first = options.since or (date.fromordinal(min(days)) if days else export_first)
    last = options.until or (date.fromordinal(max(days)) if days else export_last)
    return first, last


def run_audit(records: Iterable[Record], options: AuditOptions) -> AuditReport:
    """Audit ``records`` (timestamp order, as ChatRead yields them) in one pass.

    ``records`` may be a ChatRead: its zone is the default zone, and its formats, files and skipped
    and duplicate counts go into the report. Raises SqtoolError("audit.no_messages") when there is no
    message at all and ("audit.empty_window") when none falls between --since and --until.
    """
    options = with_listed_roster(options, records)
    tz = resolve_tz(options, records)
    items = planned_items(options.plan)
    thresholds = options.effective_thresholds()
    accumulator = Accumulator(options, tz, owner_keys(options), items)
    with cycle_collection_paused():
        accumulator.feed(records)
    agg = accumulator.finish()
    if agg.export_messages == 0 or agg.export_first is None or agg.export_last is None:
        files = ", ".join(getattr(records, "files", ())) or None
        raise SqtoolError("audit.no_messages", hint="audit.no_messages_hint", path=files)
    first, last = message_window(agg, options, tz)
    if first > last:
        raise SqtoolError(
            "audit.bad_window", hint="audit.bad_window_hint", since=first.isoformat(), until=last.isoformat()
        )
    period = Period(first, last)
    current = period_figures(agg, period, options, thresholds, items, tz)
    if current.summary.messages == 0:
        raise SqtoolError(
            "audit.empty_window",
            hint="audit.empty_window_hint",
            since=first.isoformat(),
            until=last.isoformat(),
            first=agg.export_first.astimezone(tz).date().isoformat(),
            last=agg.export_last.astimezone(tz).date().isoformat(),
        )
    before = previous_period(period)
    low, high = before.first.toordinal(), before.last.toordinal()
    has_previous = agg.has_messages_between(low, high)
    previous = period_figures(agg, before, options, thresholds, items, tz) if has_previous else None
    base = current.summary.members
    return AuditReport(
        current=current,
        previous=previous,
        activity=activity(agg, period, base, before if has_previous else None),
        diagnoses=diagnose(current, agg, thresholds, has_plan=options.plan is not None),
        drift=drift(options.plan, current, agg, thresholds, lang=options.lang) if options.plan is not None else (),
        notes=tuple(_notes(current, options, agg)),
        plan_path=options.plan.path if options.plan is not None else None,
        roster_path=options.roster.path if options.roster is not None else None,
        excluded_records=agg.excluded_records,
        senders=ranked_senders(agg, agg.messages_by_member(period.first.toordinal(), period.last.toordinal())),
        source=export_info(records, agg),
        timezone=zone_label(tz),
        members=member_rows(agg, period) if options.tables else None,
        questions=question_rows(agg, period) if options.tables else None,
        lists=member_lists(agg, period, tz, current.opinion_leaders),
        response_cutoff_minutes=options.response_cutoff_minutes,
    )
