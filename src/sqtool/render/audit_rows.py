"""The audit report as labelled, formatted rows, shared by the terminal and Markdown renderers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqtool.audit.report import AuditReport, Diagnosis, Evidence, PeriodFigures
from sqtool.i18n import Translator
from sqtool.render.sparkline import shrink, sparkline
from sqtool.scaffold.answers import platform_name

DASH = "–"


@dataclass(frozen=True, slots=True)
class FigureRow:
    label: str
    current: str
    previous: str
    change: str


def share(value: float | None) -> str:
    return DASH if value is None else f"{value:.0%}"


def number(value: float | None, digits: int = 1) -> str:
    if value is None:
        return DASH
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.{digits}f}"


def evidence_text(item: Evidence, tr: Translator) -> str:
    """``42% (target 25%)`` in the unit of the evidence."""
    show = share if item.unit == "share" else number
    if item.threshold is None:
        return show(item.value)
    return tr("audit.line.target", value=show(item.value), threshold=show(item.threshold))


def evidence_lines(item: Diagnosis, tr: Translator) -> list[str]:
    """``✗ label: value (target t)`` per piece of evidence; ✓/✗ only where there is a target."""
    return [
        ("" if e.ok is None else ("✓ " if e.ok else "✗ "))
        + tr("audit.line.evidence", label=tr(f"audit.evidence.{e.key}"), value=evidence_text(e, tr))
        for e in item.evidence
    ]


_URGENCY = {"act": 0, "watch": 1}


def first_step(report: AuditReport) -> Diagnosis | None:
    """The diagnosis to work on first: act before watch, then the lowest score, then article order."""
    pending = [d for d in report.diagnoses if d.status in _URGENCY]
    if not pending:
        return None
    return min(pending, key=lambda d: (_URGENCY[d.status], d.score if d.score is not None else 100))


def first_step_line(report: AuditReport, tr: Translator) -> str:
    step = first_step(report)
    if step is None:
        return tr("audit.line.all_healthy")
    return tr(
        "audit.line.start_here", diagnosis=tr(f"audit.diagnosis.{step.id}"), status=tr(f"audit.status.{step.status}")
    )


def _change(current: float | None, previous: float | None, is_share: bool) -> str:
    if current is None or previous is None:
        return DASH
    delta = current - previous
    if is_share:
        return f"{delta * 100:+.0f} pt"
    if previous == 0:
        return DASH
    return f"{delta / previous:+.0%}"


# (label key, getter, is the figure a share of 1)
_HEADLINES: tuple[tuple[str, Callable[[PeriodFigures], float | None], bool], ...] = (
    ("audit.figure.messages", lambda f: f.summary.messages, False),
    ("audit.figure.senders", lambda f: f.summary.senders, False),
    ("audit.figure.members", lambda f: f.summary.members, False),
    ("audit.figure.lurker_share", lambda f: f.participation.lurker_share, True),
    ("audit.figure.top_1_share", lambda f: f.participation.tiers[0].message_share, True),
    ("audit.figure.next_9_share", lambda f: f.participation.tiers[1].message_share, True),
    ("audit.figure.rest_share", lambda f: f.participation.tiers[2].message_share, True),
    ("audit.figure.gini", lambda f: f.participation.gini, False),
    ("audit.figure.writers_50", lambda f: f.participation.writers_50, False),
    ("audit.figure.writers_80", lambda f: f.participation.writers_80, False),
    ("audit.figure.weekly_active_share", lambda f: f.weekly_active_share, True),
    ("audit.figure.leaders_present", lambda f: f.opinion_leaders.present, False),
    ("audit.figure.leaders_needed", lambda f: f.opinion_leaders.needed, False),
    ("audit.figure.questions", lambda f: f.responsiveness.questions, False),
    ("audit.figure.unanswered_share", lambda f: f.responsiveness.unanswered_share, True),
    ("audit.figure.median_response", lambda f: f.responsiveness.median_first_response_minutes, False),
    ("audit.figure.p90_response", lambda f: f.responsiveness.p90_first_response_minutes, False),
    ("audit.figure.joins", lambda f: f.membership.joins, False),
    ("audit.figure.leaves", lambda f: f.membership.leaves + f.membership.removals, False),
    ("audit.figure.retention_7", lambda f: f.membership.retention_7, True),
    ("audit.figure.retention_30", lambda f: f.membership.retention_30, True),
    ("audit.figure.joiners_posting", lambda f: f.membership.joiners_posting_share, True),
    ("audit.figure.violations_per_100", lambda f: f.hygiene.violations_per_100, False),
    ("audit.figure.value_posts_per_week", lambda f: f.value.value_posts_per_week, False),
    ("audit.figure.owner_reply_share", lambda f: f.owner.reply_share, True),
    ("audit.figure.owner_repliers", lambda f: f.owner.distinct_repliers, False),
)


def figure_rows(report: AuditReport, tr: Translator) -> list[FigureRow]:
    """Headline figures of the period against the previous period of the same length."""
    rows = []
    for key, get, is_share in _HEADLINES:
        current = get(report.current)
        previous = get(report.previous) if report.previous is not None else None
        digits = 2 if key == "audit.figure.gini" else 1
        show = share if is_share else (lambda value, digits=digits: number(value, digits))
        rows.append(FigureRow(tr(key), show(current), show(previous), _change(current, previous, is_share)))
    return rows


MAX_SPARK = 60


def _squeeze(values: list[int], width: int = MAX_SPARK) -> list[float]:
    """At most ``width`` points: the mean of consecutive runs, so a long period fits on one line."""
    if len(values) <= width:
        return [float(v) for v in values]
    size = -(-len(values) // width)
    return [sum(values[i : i + size]) / len(values[i : i + size]) for i in range(0, len(values), size)]


INDENT = 2  # the terminal report indents the activity lines


def activity_lines(report: AuditReport, tr: Translator, width: int = 100) -> list[str]:
    """The activity figures; the daily and weekly sparklines shrink to fit ``width`` columns."""
    from sqtool.render.wrap import display_width

    a = report.activity
    busiest = max(((day, hour) for day in range(7) for hour in range(24)), key=lambda dh: a.heatmap[dh[0]][dh[1]])

    def room(key: str, **args: object) -> int:  # what the label and "(215 weeks)" leave of the line
        return max(8, min(MAX_SPARK, width - INDENT - 1 - display_width(tr(key, spark="", **args))))

    daily = _squeeze([d.messages for d in a.daily], room("audit.line.daily"))
    weekly = shrink([w.messages for w in a.weekly], room("audit.line.weekly", weeks=len(a.weekly)))
    return [
        tr("audit.line.daily", spark=sparkline(daily)),
        tr("audit.line.weekly", spark=sparkline(weekly), weeks=len(a.weekly)),
        tr("audit.line.trend", slope=f"{a.slope_per_day:+.2f}"),
        tr(
            "audit.line.last_30",
            last=number(a.last_30_messages),
            previous=number(a.previous_30_messages),
            change=DASH if a.change_30 is None else f"{a.change_30:+.0%}",
        ),
        tr("audit.line.silent", days=a.silent_days, total=len(a.daily)),
        tr("audit.line.busiest", weekday=tr(f"audit.weekday.{busiest[0]}"), hour=f"{busiest[1]:02d}:00"),
    ]


def heatmap_lines(report: AuditReport, tr: Translator) -> list[str]:
    """One sparkline per weekday over the 24 hours, on one scale."""
    peak = max((max(row) for row in report.activity.heatmap), default=0)
    lines = []
    for day, row in enumerate(report.activity.heatmap):
        scaled = [*row, peak, 0]  # pad with the global extremes so every row shares one scale
        lines.append(f"{tr(f'audit.weekday.{day}')}  {sparkline(scaled)[:24]}")
    return lines


def value_rows(report: AuditReport, tr: Translator) -> list[tuple[str, str, str, str]]:
    return [
        (
            item.name,
            tr(f"audit.section.{item.section}"),
            number(item.planned),
            f"{item.held} ({share(item.kept_share)})" if item.kept_share is not None else str(item.held),
        )
        for item in report.current.value.items
    ]


def counted(pairs: list[tuple[str, int]], tr: Translator) -> str:
    """``陈姐（72）、老王（63）`` / ``陈姐 (72), 老王 (63)``: names with a count, in the language's punctuation."""
    shown = [f"{name}（{count}）" if tr.lang == "zh" else f"{name} ({count})" for name, count in pairs]
    return tr("list.separator").join(shown) or DASH


def people_lines(report: AuditReport, tr: Translator) -> list[str]:
    figures = report.current
    leaders = counted([(x.name, x.distinct_responders) for x in figures.opinion_leaders.leaders], tr)
    candidates = counted([(x.name, x.distinct_responders) for x in figures.opinion_leaders.candidates], tr)
    responders = counted([(x.name, x.count) for x in figures.responsiveness.responders], tr)
    offenders = counted([(x.name, x.count) for x in figures.hygiene.offenders], tr)
    return [
        tr("audit.line.leaders", names=leaders, bar=figures.opinion_leaders.min_responders),
        tr("audit.line.candidates", names=candidates),
        tr("audit.line.responders", names=responders),
        tr("audit.line.answer_evidence", **dict(figures.responsiveness.evidence)),
        tr("audit.line.offenders", names=offenders),
    ]


def source_lines(report: AuditReport, tr: Translator) -> list[str]:
    """What was read and in which zone, so the owner can tell the report is about the right chat."""
    source, summary = report.source, report.current.summary
    lines = [
        tr(
            "audit.line.read",
            files=", ".join(source.files) or DASH,
            format=platform_name(source.format, tr) if source.format else DASH,
            first=summary.first.strftime("%Y-%m-%d %H:%M") if summary.first else DASH,
            last=summary.last.strftime("%Y-%m-%d %H:%M") if summary.last else DASH,
            zone=report.timezone,
        )
    ]
    dropped = [
        tr(key, count=count)
        for key, count in (
            ("audit.line.skipped", source.skipped),
            ("audit.line.duplicates", source.duplicates),
            ("audit.line.bots", source.bots),
        )
        if count
    ]
    if dropped:
        lines.append(tr("audit.line.left_out", items="; ".join(dropped)))
    lines.extend(f"{tr('audit.warning')}: {warning.text(tr)}" for warning in source.warnings)
    return lines


def top_note_lines(report: AuditReport, tr: Translator) -> list[str]:
    """Caveats that change how to read everything below: shown on top, not among the notes."""
    return [tr(note.key, **dict(note.args)) for note in report.notes if note.key in TOP_NOTES]


TOP_NOTES = frozenset(
    {
        "audit.note.one_sender",
        # options that did not do what was asked: said first, so the figures below are read knowing it
        "audit.note.exclude_nobody",
        "audit.note.exclude_tag_no_roster",
        "audit.note.exclude_tag_nobody",
        "audit.note.members_raised",
    }
)


def sender_rows(report: AuditReport, top: int) -> list[tuple[str, str, str, str, str]]:
    """Rank, name, id, messages and share of the period's messages, most active first."""
    total = report.current.summary.messages
    rows = []
    for rank, sender in enumerate(report.top_senders(top), start=1):
        shown_id = "" if sender.id == sender.name else sender.id  # name-only exports: no second copy
        rows.append((str(rank), sender.name, shown_id, number(sender.messages), share(sender.messages / total)))
    return rows
