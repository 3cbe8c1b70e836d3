"""The audit report: frozen records the engine returns and renderers read; JSON per the published schema."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqtool.chat.errors import ReadWarning
from sqtool.diagnostics import Finding
from sqtool.settings import Lang

REPORT_VERSION = 1


@dataclass(frozen=True, slots=True)
class Period:
    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True, slots=True)
class NameCount:
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class Summary:
    messages: int
    senders: int
    members: int | None  # the membership base; None when only posters are known
    members_source: str  # "roster", "option", "plan" or "seen"
    first: datetime | None  # first and last message in the period
    last: datetime | None


@dataclass(frozen=True, slots=True)
class Tier:
    name: str  # "top_1", "next_9", "rest"
    members: int
    messages: int
    message_share: float


@dataclass(frozen=True, slots=True)
class Participation:
    members: int  # population for the tiers: the base, or posters when the base is unknown
    posters: int
    lurkers: int | None
    lurker_share: float | None  # None when lurkers cannot be counted
    tiers: tuple[Tier, ...]  # over all members (never-posters included)
    tiers_posters: tuple[Tier, ...]  # over posters only
    gini: float  # over all members
    gini_posters: float
    lorenz: tuple[float, ...]  # share of messages written by the least active 0%, 10%, ..., 100% of members
    writers_50: int  # fewest members who together wrote half of the messages
    writers_80: int
    small_group: bool  # under 100 members: the top 1% is a single person


@dataclass(frozen=True, slots=True)
class Leader:
    name: str
    distinct_responders: int
    messages: int


@dataclass(frozen=True, slots=True)
class OpinionLeaders:
    needed: int | None  # ceil(members / kol_per_members); None without a membership base
    present: int
    min_responders: int  # distinct others needed to count as an opinion leader
    method: str  # "reply_links" or "next_message"
    leaders: tuple[Leader, ...]  # the present ones, most responders first
    candidates: tuple[Leader, ...]  # the next ones below the bar, for the report


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    messages: int
    active_members: int


@dataclass(frozen=True, slots=True)
class Activity:
    daily: tuple[DayCount, ...]
    weekly: tuple[DayCount, ...]  # day = Monday of the week
    slope_per_day: float  # least-squares trend of messages per day, in messages per day per day
    last_30_messages: int
    previous_30_messages: int
    change_30: float | None  # last_30 / previous_30 - 1
    silent_days: int
    heatmap: tuple[tuple[int, ...], ...]  # 7 weekdays (Monday first) x 24 local hours
    weekly_active_share: float | None


@dataclass(frozen=True, slots=True)
class Responsiveness:
    questions: int
    answered: int
    unanswered: int
    pending: int  # too recent to judge
    unanswered_share: float | None
    median_first_response_minutes: float | None
    p90_first_response_minutes: float | None
    within_target_share: float | None  # answered within max_first_response_minutes, of judged questions
    responders: tuple[NameCount, ...]


@dataclass(frozen=True, slots=True)
class Membership:
    joins: int
    leaves: int
    removals: int
    retention_7: float | None
    retention_7_base: int
    retention_30: float | None
    retention_30_base: int
    joiners_posting_share: float | None
    median_hours_to_first_post: float | None


@dataclass(frozen=True, slots=True)
class ConductCheck:
    rule: str  # the plan's conduct entry, e.g. "no_ads"
    violations: int | None  # None when sqtool cannot measure this rule


@dataclass(frozen=True, slots=True)
class Hygiene:
    links: int
    bare_links: int
    ads: int
    quarrels: int
    red_packets: int
    violations_per_100: float  # (bare links + ads + quarrels) per 100 messages
    conduct: tuple[ConductCheck, ...]
    offenders: tuple[NameCount, ...]


@dataclass(frozen=True, slots=True)
class ValueItem:
    section: str  # "value_output" or "rituals"
    index: int
    name: str
    cadence: str | None
    planned: int | None
    held: int
    kept_share: float | None  # held / planned


@dataclass(frozen=True, slots=True)
class ValueOutput:
    items: tuple[ValueItem, ...]
    value_posts: int
    value_posts_per_week: float | None


@dataclass(frozen=True, slots=True)
class OwnerPull:
    owners: tuple[str, ...]
    messages: int
    replied: int
    reply_share: float | None
    distinct_repliers: int
    reach_share: float | None  # distinct repliers / other posters


@dataclass(frozen=True, slots=True)
class PeriodFigures:
    period: Period
    summary: Summary
    participation: Participation
    opinion_leaders: OpinionLeaders
    responsiveness: Responsiveness
    membership: Membership
    hygiene: Hygiene
    value: ValueOutput
    owner: OwnerPull
    weekly_active_share: float | None


@dataclass(frozen=True, slots=True)
class Evidence:
    key: str  # catalogue key of the label: audit.evidence.<key>
    value: float | None
    threshold: float | None
    unit: str  # "share", "minutes", "count", "per_week", "score"
    ok: bool | None  # meets its threshold; None when there is no threshold or no value


@dataclass(frozen=True, slots=True)
class Diagnosis:
    id: str  # owner_pull, opinion_leaders, customers_as_fans, operations, value_output
    score: int | None
    status: str  # healthy, watch, act, not_assessed
    evidence: tuple[Evidence, ...]
    action_key: str  # catalogue key of the first action (or of what to provide when not assessed)


@dataclass(frozen=True, slots=True)
class DriftItem:
    kind: str  # ritual, value_output, threshold, role, size
    subject: str
    planned: float | str | None
    measured: float | str | None
    finding: Finding


@dataclass(frozen=True, slots=True)
class Note:
    key: str  # catalogue key
    args: tuple[tuple[str, str | int | float], ...] = ()


@dataclass(frozen=True, slots=True)
class SenderCount:
    id: str
    name: str  # the latest display name the sender used
    messages: int  # in the period


@dataclass(frozen=True, slots=True)
class ExportInfo:
    """What was read: the exports, their formats, and the records the readers dropped."""

    formats: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    skipped: int = 0  # bad records skipped with --lenient
    duplicates: int = 0  # records seen twice in overlapping exports
    bots: int = 0  # messages by bots and integrations, left out of every figure
    warnings: tuple[ReadWarning, ...] = ()  # what the readers want the user to know (ambiguous dates, ...)

    @property
    def format(self) -> str:
        """One name when every file has the same format, else the names joined with "+"."""
        return "+".join(dict.fromkeys(self.formats))


@dataclass(frozen=True, slots=True)
class AuditReport:
    current: PeriodFigures
    previous: PeriodFigures | None  # same length just before; None when no record falls in it
    activity: Activity
    diagnoses: tuple[Diagnosis, ...]
    drift: tuple[DriftItem, ...]
    notes: tuple[Note, ...]
    plan_path: str | None
    roster_path: str | None
    excluded_records: int
    senders: tuple[SenderCount, ...] = ()  # every sender of the period, most messages first
    source: ExportInfo = ExportInfo()
    timezone: str = "UTC"  # the zone export times were read in and days are counted in

    def top_senders(self, count: int) -> tuple[SenderCount, ...]:
        """The ``count`` most active senders (all of them when count is 0)."""
        return self.senders if count <= 0 else self.senders[:count]

    @property
    def findings(self) -> list[Finding]:
        return [item.finding for item in self.drift]


def _number(value: float | None, digits: int = 4) -> float | None:
    """JSON-safe: None for missing, never NaN or infinity."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return None
    return round(float(value), digits)


def _tiers(tiers: tuple[Tier, ...]) -> list[dict[str, Any]]:
    return [
        {"name": t.name, "members": t.members, "messages": t.messages, "message_share": _number(t.message_share)}
        for t in tiers
    ]


def _names(items: tuple[NameCount, ...]) -> list[dict[str, Any]]:
    return [{"name": item.name, "count": item.count} for item in items]


def _leaders(items: tuple[Leader, ...]) -> list[dict[str, Any]]:
    return [{"name": i.name, "distinct_responders": i.distinct_responders, "messages": i.messages} for i in items]


def _stamp(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


def figures_to_json(figures: PeriodFigures, timezone: str = "UTC") -> dict[str, Any]:
    """One period's figures as plain JSON; ``timezone`` names the zone its days are counted in."""
    s, p, o, r, m, h, v, w = (
        figures.summary,
        figures.participation,
        figures.opinion_leaders,
        figures.responsiveness,
        figures.membership,
        figures.hygiene,
        figures.value,
        figures.owner,
    )
    return {
        "period": {
            "first": figures.period.first.isoformat(),
            "last": figures.period.last.isoformat(),
            "days": figures.period.days,
            "timezone": timezone,
        },
        "summary": {
            "messages": s.messages,
            "senders": s.senders,
            "members": s.members,
            "members_source": s.members_source,
            "first": _stamp(s.first),
            "last": _stamp(s.last),
            "joins": m.joins,
            "leaves": m.leaves,
            "removals": m.removals,
            "weekly_active_share": _number(figures.weekly_active_share),
        },
        "participation": {
            "members": p.members,
            "posters": p.posters,
            "lurkers": p.lurkers,
            "lurker_share": _number(p.lurker_share),
            "tiers": _tiers(p.tiers),
            "tiers_posters": _tiers(p.tiers_posters),
            "gini": _number(p.gini),
            "gini_posters": _number(p.gini_posters),
            "lorenz": [_number(x) for x in p.lorenz],
            "writers_50": p.writers_50,
            "writers_80": p.writers_80,
            "small_group": p.small_group,
        },
        "opinion_leaders": {
            "needed": o.needed,
            "present": o.present,
            "min_responders": o.min_responders,
            "method": o.method,
            "leaders": _leaders(o.leaders),
            "candidates": _leaders(o.candidates),
        },
        "responsiveness": {
            "questions": r.questions,
            "answered": r.answered,
            "unanswered": r.unanswered,
            "pending": r.pending,
            "unanswered_share": _number(r.unanswered_share),
            "median_first_response_minutes": _number(r.median_first_response_minutes, 2),
            "p90_first_response_minutes": _number(r.p90_first_response_minutes, 2),
            "within_target_share": _number(r.within_target_share),
            "responders": _names(r.responders),
        },
        "membership": {
            "joins": m.joins,
            "leaves": m.leaves,
            "removals": m.removals,
            "retention_7": _number(m.retention_7),
            "retention_7_base": m.retention_7_base,
            "retention_30": _number(m.retention_30),
            "retention_30_base": m.retention_30_base,
            "joiners_posting_share": _number(m.joiners_posting_share),
            "median_hours_to_first_post": _number(m.median_hours_to_first_post, 2),
        },
        "hygiene": {
            "links": h.links,
            "bare_links": h.bare_links,
            "ads": h.ads,
            "quarrels": h.quarrels,
            "red_packets": h.red_packets,
            "violations_per_100": _number(h.violations_per_100),
            "conduct": [{"rule": c.rule, "violations": c.violations} for c in h.conduct],
            "offenders": _names(h.offenders),
        },
        "value_output": {
            "items": [
                {
                    "section": i.section,
                    "index": i.index,
                    "name": i.name,
                    "cadence": i.cadence,
                    "planned": i.planned,
                    "held": i.held,
                    "kept_share": _number(i.kept_share),
                }
                for i in v.items
            ],
            "value_posts": v.value_posts,
            "value_posts_per_week": _number(v.value_posts_per_week, 2),
        },
        "owner": {
            "owners": list(w.owners),
            "messages": w.messages,
            "replied": w.replied,
            "reply_share": _number(w.reply_share),
            "distinct_repliers": w.distinct_repliers,
            "reach_share": _number(w.reach_share),
        },
    }


def report_to_json(report: AuditReport, *, lang: Lang = "en", top: int = 10) -> dict[str, Any]:
    """The whole report as JSON matching schemas/audit-report.schema.json; texts in ``lang``, the
    ``top`` most active senders (0: all)."""
    from sqtool.i18n import Translator

    tr = Translator(lang)
    document: dict[str, Any] = {"version": REPORT_VERSION, "tool": "sqtool"}
    document.update(figures_to_json(report.current, report.timezone))
    source = report.source
    document["summary"].update(
        {
            "format": source.format,
            "formats": list(source.formats),
            "files": list(source.files),
            "skipped": source.skipped,
            "duplicates": source.duplicates,
            "bots": source.bots,
        }
    )
    document["warnings"] = [
        {"code": warning.key, "file": warning.path, "message": tr(warning.key, **dict(warning.args))}
        for warning in source.warnings
    ]
    document["senders"] = [{"id": s.id, "name": s.name, "messages": s.messages} for s in report.top_senders(top)]
    a = report.activity
    document["activity"] = {
        "daily": [
            {"day": d.day.isoformat(), "messages": d.messages, "active_members": d.active_members} for d in a.daily
        ],
        "weekly": [
            {"week": d.day.isoformat(), "messages": d.messages, "active_members": d.active_members} for d in a.weekly
        ],
        "slope_per_day": _number(a.slope_per_day),
        "last_30_messages": a.last_30_messages,
        "previous_30_messages": a.previous_30_messages,
        "change_30": _number(a.change_30),
        "silent_days": a.silent_days,
        "heatmap": [list(row) for row in a.heatmap],
        "weekly_active_share": _number(a.weekly_active_share),
    }
    previous = report.previous
    document["previous"] = figures_to_json(previous, report.timezone) if previous is not None else None
    document["diagnoses"] = [
        {
            "id": d.id,
            "title": tr(f"audit.diagnosis.{d.id}"),
            "score": d.score,
            "status": d.status,
            "evidence": [
                {
                    "key": e.key,
                    "label": tr(f"audit.evidence.{e.key}"),
                    "value": _number(e.value),
                    "threshold": _number(e.threshold),
                    "unit": e.unit,
                    "ok": e.ok,
                }
                for e in d.evidence
            ],
            "action": tr(d.action_key),
        }
        for d in report.diagnoses
    ]
    document["drift"] = [
        {
            "rule_id": item.finding.rule_id,
            "severity": item.finding.severity.value,
            "kind": item.kind,
            "subject": item.subject,
            "planned": item.planned,
            "measured": _number(item.measured) if isinstance(item.measured, float) else item.measured,
            "message": item.finding.message,
            "hint": item.finding.hint,
            "path": item.finding.path,
            "line": item.finding.line,
            "col": item.finding.col,
        }
        for item in report.drift
    ]
    document["notes"] = [tr(note.key, **dict(note.args)) for note in report.notes]
    document["plan"] = report.plan_path
    document["roster"] = report.roster_path
    document["excluded_records"] = report.excluded_records
    return document
