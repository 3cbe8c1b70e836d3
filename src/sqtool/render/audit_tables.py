"""The audit's tables as plain rows (lists of dicts): for `--report csv` and the Python API.

Column names are stable, language-independent keys like those of the JSON report. Values are plain
Python: str, int, float, bool, None and ``datetime.date``.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from typing import Any, TypeVar

from sqtool.audit.report import AuditReport

Row = dict[str, Any]
T = TypeVar("T")

# every table, in the order `--report csv` writes them; members, lurkers and questions need the
# per-member and per-question rows (AuditOptions.tables)
TABLE_NAMES = (
    "senders",
    "members",
    "lurkers",
    "daily",
    "weekly",
    "heatmap",
    "questions",
    "leaders",
    "value",
    "diagnoses",
    "drift",
)

# the columns of each table, in order (an empty table still has its header)
COLUMNS: dict[str, tuple[str, ...]] = {
    "senders": ("rank", "id", "name", "messages", "message_share"),
    "members": (
        "id",
        "name",
        "messages",
        "message_share",
        "active_days",
        "first_day",
        "last_day",
        "questions_asked",
        "first_responses",
        "in_roster",
        "owner",
        "lurker",
    ),
    "lurkers": ("id", "name", "in_roster"),
    "daily": ("day", "messages", "active_members"),
    "weekly": ("week_start", "messages", "active_members"),
    "heatmap": ("weekday", "weekday_name", *(f"h{hour:02d}" for hour in range(24))),
    "questions": (
        "day",
        "asker_id",
        "asker",
        "answered",
        "pending",
        "minutes_to_first_response",
        "responder_id",
        "responder",
    ),
    "leaders": ("name", "distinct_responders", "messages", "opinion_leader"),
    "value": ("section", "index", "name", "cadence", "planned", "held", "kept_share"),
    "diagnoses": ("id", "score", "status"),
    "drift": ("kind", "subject", "planned", "measured", "rule", "severity", "line", "message"),
}


def senders(report: AuditReport) -> list[Row]:
    total = report.current.summary.messages
    return [
        {
            "rank": rank,
            "id": sender.id,
            "name": sender.name,
            "messages": sender.messages,
            "message_share": round(sender.messages / total, 4) if total else 0.0,
        }
        for rank, sender in enumerate(report.senders, start=1)
    ]


def members(report: AuditReport) -> list[Row]:
    return [
        {
            "id": row.id,
            "name": row.name,
            "messages": row.messages,
            "message_share": round(row.message_share, 4),
            "active_days": row.active_days,
            "first_day": row.first_day,
            "last_day": row.last_day,
            "questions_asked": row.questions_asked,
            "first_responses": row.first_responses,
            "in_roster": row.in_roster,
            "owner": row.owner,
            "lurker": row.lurker,
        }
        for row in _need(report.members, "members")
    ]


def lurkers(report: AuditReport) -> list[Row]:
    return [
        {"id": row.id, "name": row.name, "in_roster": row.in_roster}
        for row in _need(report.members, "lurkers")
        if row.lurker
    ]


def daily(report: AuditReport) -> list[Row]:
    return [
        {"day": item.day, "messages": item.messages, "active_members": item.active_members}
        for item in report.activity.daily
    ]


def weekly(report: AuditReport) -> list[Row]:
    return [
        {"week_start": item.day, "messages": item.messages, "active_members": item.active_members}
        for item in report.activity.weekly
    ]


def heatmap(report: AuditReport) -> list[Row]:
    """Messages per weekday (Monday first, ISO number 1-7) and local hour (h00 ... h23)."""
    return [
        {"weekday": day + 1, "weekday_name": calendar.day_name[day]}
        | {f"h{hour:02d}": count for hour, count in enumerate(hours)}
        for day, hours in enumerate(report.activity.heatmap)
    ]


def questions(report: AuditReport) -> list[Row]:
    return [
        {
            "day": row.day,
            "asker_id": row.asker_id,
            "asker": row.asker,
            "answered": row.answered,
            "pending": row.pending,
            "minutes_to_first_response": None
            if row.minutes_to_first_response is None
            else round(row.minutes_to_first_response, 2),
            "responder_id": row.responder_id,
            "responder": row.responder,
        }
        for row in _need(report.questions, "questions")
    ]


def leaders(report: AuditReport) -> list[Row]:
    found = report.current.opinion_leaders
    return [
        {
            "name": leader.name,
            "distinct_responders": leader.distinct_responders,
            "messages": leader.messages,
            "opinion_leader": present,
        }
        for present, group in ((True, found.leaders), (False, found.candidates))
        for leader in group
    ]


def value(report: AuditReport) -> list[Row]:
    return [
        {
            "section": item.section,
            "index": item.index,
            "name": item.name,
            "cadence": item.cadence,
            "planned": item.planned,
            "held": item.held,
            "kept_share": None if item.kept_share is None else round(item.kept_share, 4),
        }
        for item in report.current.value.items
    ]


def diagnoses(report: AuditReport) -> list[Row]:
    return [{"id": item.id, "score": item.score, "status": item.status} for item in report.diagnoses]


def drift(report: AuditReport) -> list[Row]:
    return [
        {
            "kind": item.kind,
            "subject": item.subject,
            "planned": item.planned,
            "measured": item.measured,
            "rule": item.finding.rule_id,
            "severity": item.finding.severity.value,
            "line": item.finding.line,
            "message": item.finding.message,
        }
        for item in report.drift
    ]


_TABLES: dict[str, Callable[[AuditReport], list[Row]]] = {
    "senders": senders,
    "members": members,
    "lurkers": lurkers,
    "daily": daily,
    "weekly": weekly,
    "heatmap": heatmap,
    "questions": questions,
    "leaders": leaders,
    "value": value,
    "diagnoses": diagnoses,
    "drift": drift,
}


def table(report: AuditReport, name: str) -> list[Row]:
    """The rows of table ``name`` (one of TABLE_NAMES); KeyError for an unknown name."""
    return _TABLES[name](report)


def _need(rows: tuple[T, ...] | None, name: str) -> tuple[T, ...]:
    if rows is None:
        raise ValueError(f"the {name} table needs an audit run with AuditOptions(tables=True)")
    return rows
