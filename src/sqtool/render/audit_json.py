"""The audit report and its summaries as JSON documents matching schemas/audit-report.schema.json."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from sqtool.audit.report import (
    AuditReport,
    Leader,
    ListedMember,
    MemberLists,
    NameCount,
    OpenQuestion,
    PeriodFigures,
    Tier,
)
from sqtool.render.json_stream import Rows
from sqtool.settings import Lang

REPORT_VERSION = 1


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
    return [
        {
            "name": i.name,
            "distinct_responders": i.distinct_responders,
            "messages": i.messages,
            "drawn": i.drawn,
            "answers": i.answers,
        }
        for i in items
    ]


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
            "evidence": dict(o.evidence),
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
            "evidence": dict(r.evidence),
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


def report_to_json(report: AuditReport, *, lang: Lang = "en", top: int = 10, lazy: bool = False) -> dict[str, Any]:
    """The whole report as JSON matching schemas/audit-report.schema.json; texts in ``lang``, the
    ``top`` most active senders (0: all). ``lazy``: the member lists' rows as ``Rows``, made as
    render/json_stream.py writes them (a list of 10^5 questions is not held as dicts)."""
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
            "missing": list(d.missing),
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
    if report.lists is not None:
        document["lists"] = lists_to_json(report.lists, lazy=lazy)
    return document


def _member(member: ListedMember) -> dict[str, Any]:
    return {
        "id": member.id,
        "name": member.name,
        "messages": member.messages,
        "last_post": member.last_day.isoformat() if member.last_day is not None else None,
        "joined": _stamp(member.joined),
    }


def _question(question: OpenQuestion) -> dict[str, Any]:
    return {
        "asked": _stamp(question.asked),
        "asker_id": question.asker_id,
        "asker": question.asker,
        "opening": question.opening,
    }


def lists_to_json(lists: MemberLists, *, lazy: bool = False) -> dict[str, Any]:
    """The member lists to act on (every row; the HTML page shows the first ones); ``lazy``: each list
    as ``Rows``, its rows made as they are written."""
    rows: Callable[[Iterable[Any], Callable[[Any], dict[str, Any]]], Any] = Rows if lazy else _made
    return {
        "never_posted_base": lists.never_posted_base,
        "never_posted": rows(lists.never_posted, _member),
        "silent_days": lists.silent_days,
        "gone_silent": rows(lists.gone_silent, _member),
        "joiners_silent": rows(lists.joiners_silent, _member),
        "unanswered": rows(lists.unanswered, _question),
        "leader_candidates": _leaders(lists.leader_candidates),
    }


def _made(items: Iterable[Any], row: Callable[[Any], dict[str, Any]]) -> list[dict[str, Any]]:
    return [row(item) for item in items]
