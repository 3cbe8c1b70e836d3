"""The audit as one self-contained HTML page (templates/audit.html.j2 on the shared skeleton): the
scorecard first, then charts drawn by render/charts/, the member lists, drift and every figure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from sqtool.audit.report import AuditReport, Diagnosis
from sqtool.i18n import Translator
from sqtool.render.audit_lists import ListTable, list_tables, lists_summary
from sqtool.render.audit_rows import (
    TOP_NOTES,
    activity_lines,
    evidence_text,
    figure_rows,
    first_step,
    first_step_line,
    people_lines,
    sender_rows,
    share,
    source_lines,
    top_note_lines,
)
from sqtool.render.charts import Series, bar_chart, heatmap, histogram, line_chart, lorenz_curve
from sqtool.render.charts.bars import Bar
from sqtool.render.html_page import Page, generated_at, render_page

HTML_LIST_ROWS = 100  # rows of each member list on the page; --lists-csv writes them all
RESPONSE_EDGES = (5, 15, 30, 60, 120, 240, 480, 1440, 2880, 10080)  # minutes


@dataclass(frozen=True, slots=True)
class EvidenceView:
    text: str
    ok: bool | None


@dataclass(frozen=True, slots=True)
class DiagnosisView:
    title: str
    score: int | None
    status: str
    status_text: str
    evidence: tuple[EvidenceView, ...]
    action: str


@dataclass(frozen=True, slots=True)
class ChartView:
    heading: str
    svg: Markup
    caption: str = ""


@dataclass(frozen=True, slots=True)
class ListView:
    table: ListTable
    rows: tuple[tuple[str, ...], ...]
    more: int


def _diagnosis(item: Diagnosis, tr: Translator) -> DiagnosisView:
    evidence = tuple(
        EvidenceView(tr("audit.line.evidence", label=tr(f"audit.evidence.{e.key}"), value=evidence_text(e, tr)), e.ok)
        for e in item.evidence
    )
    return DiagnosisView(
        tr(f"audit.diagnosis.{item.id}"),
        item.score,
        item.status,
        tr(f"audit.status.{item.status}"),
        evidence,
        tr(item.action_key),
    )


def _duration(minutes: float, tr: Translator) -> str:
    """5m / 2h / 7d (5分 / 2小时 / 7天): the unit that keeps the number short."""
    if minutes < 60:
        return tr("html.unit.minutes", n=f"{minutes:.0f}")
    if minutes < 48 * 60:
        return tr("html.unit.hours", n=f"{minutes / 60:.0f}")
    return tr("html.unit.days", n=f"{minutes / 1440:.0f}")


def activity_chart(report: AuditReport, tr: Translator) -> ChartView:
    daily, previous = report.activity.daily, report.activity.previous_daily
    series = [Series(tr("html.series.messages"), [d.messages for d in daily], "s0")]
    if previous:
        laid = [d.messages for d in previous][: len(daily)]
        series.append(Series(tr("html.series.previous"), laid + [None] * (len(daily) - len(laid)), "s3", dashed=True))
    series.append(Series(tr("html.series.active"), [d.active_members for d in daily], "s1", axis="right"))
    labels = [d.day.strftime("%m-%d") if len(daily) <= 400 else d.day.strftime("%Y-%m") for d in daily]
    caption = tr("html.chart.daily_caption", days=len(previous)) if previous else ""
    return ChartView(tr("html.chart.daily"), line_chart(series, labels, tr("html.chart.daily")), caption)


def heatmap_chart(report: AuditReport, tr: Translator) -> ChartView:
    rows = [tr(f"audit.weekday.{day}") for day in range(7)]
    svg = heatmap(
        report.activity.heatmap,
        rows,
        [f"{hour:02d}" for hour in range(24)],
        tr("html.chart.heatmap"),
        cell_title=lambda row, column, value: tr("html.chart.heatmap_cell", row=row, column=column, value=value),
    )
    return ChartView(tr("html.chart.heatmap"), svg)


def lorenz_chart(report: AuditReport, tr: Translator) -> ChartView:
    p = report.current.participation
    points = [(index / 10, value) for index, value in enumerate(p.lorenz)]
    if p.members >= 100:  # the tiers add the 90% and 99% points when the top 1% is more than one person
        points += [(0.9, p.tiers[2].message_share), (0.99, 1 - p.tiers[0].message_share)]
    svg = lorenz_curve(
        points,
        tr("html.chart.lorenz"),
        reference=[(0.9, 0.0), (0.99, 0.1)],
        reference_label=tr("html.lorenz.reference"),
        equality_label=tr("html.lorenz.equality"),
        x_label=tr("html.lorenz.x"),
        y_label=tr("html.lorenz.y"),
    )
    return ChartView(tr("html.chart.lorenz"), svg, tr("html.chart.lorenz_caption"))


def tier_chart(report: AuditReport, tr: Translator) -> ChartView:
    reference = {"top_1": 0.9, "next_9": 0.1, "rest": 0.0}
    bars = [
        Bar(tr(f"html.tier.{t.name}"), t.message_share, share(t.message_share), ghost=reference[t.name], css="s0")
        for t in report.current.participation.tiers
    ]
    return ChartView(
        tr("html.chart.tiers"), bar_chart(bars, tr("html.chart.tiers"), top=1.0), tr("html.chart.tiers_caption")
    )


def response_chart(report: AuditReport, tr: Translator) -> ChartView | None:
    questions = report.questions
    if not questions:
        return None
    cutoff = report.response_cutoff_minutes or RESPONSE_EDGES[-1]
    edges = [edge for edge in RESPONSE_EDGES if edge < cutoff] + [cutoff]
    counts = [0] * (len(edges) + 1)
    judged = 0
    for q in questions:
        if q.pending:
            continue
        judged += 1
        minutes = q.minutes_to_first_response
        if minutes is None:
            counts[-1] += 1
            continue
        counts[next((i for i, edge in enumerate(edges) if minutes <= edge), len(edges) - 1)] += 1
    labels = [f"≤{_duration(edges[0], tr)}"]
    labels += [f"≤{_duration(edge, tr)}" for edge in edges[1:]]
    labels.append(tr("html.response.none"))
    cut = _duration(cutoff, tr)
    svg = histogram(
        counts,
        labels,
        tr("html.chart.response"),
        marker=float(len(edges)),
        marker_label=tr("html.response.cutoff", cutoff=cut),
    )
    caption = tr("html.chart.response_caption", questions=judged, cutoff=cut)
    return ChartView(tr("html.chart.response"), svg, caption)


def membership_charts(report: AuditReport, tr: Translator) -> list[ChartView]:
    m = report.current.membership
    before = report.previous.membership if report.previous is not None else None
    moves = [
        Bar(tr("html.membership.joins"), m.joins, str(m.joins), before.joins if before else None, "s2"),
        Bar(tr("html.membership.leaves"), m.leaves, str(m.leaves), before.leaves if before else None, "s1"),
        Bar(tr("html.membership.removals"), m.removals, str(m.removals), before.removals if before else None, "act"),
    ]
    shares = [
        (tr("audit.figure.retention_7"), m.retention_7),
        (tr("audit.figure.retention_30"), m.retention_30),
        (tr("audit.figure.joiners_posting"), m.joiners_posting_share),
    ]
    kept = [Bar(label, value or 0.0, share(value), css="s2") for label, value in shares]
    caption = tr("html.chart.membership_caption") if before else ""
    return [
        ChartView(tr("html.chart.membership"), bar_chart(moves, tr("html.chart.membership")), caption),
        ChartView(tr("html.chart.retention"), bar_chart(kept, tr("html.chart.retention"), top=1.0)),
    ]


def value_chart(report: AuditReport, tr: Translator) -> ChartView | None:
    items = report.current.value.items
    if not items:
        return None
    bars = []
    for item in items:  # each item as the share of its planned times held: a daily and a weekly item side by side
        if item.planned:
            kept = item.held / item.planned
            status = "s2" if kept >= 1 else ("watch" if kept >= 0.5 else "act")
            shown = f"{item.held} / {item.planned} ({share(kept)})"
            bars.append(Bar(item.name, min(kept, 1.0), shown, ghost=1.0, css=status))
        else:
            bars.append(Bar(item.name, 1.0 if item.held else 0.0, str(item.held), css="s2"))
    svg = bar_chart(bars, tr("html.chart.value"), top=1.0)
    return ChartView(tr("html.chart.value"), svg, tr("html.chart.value_caption"))


def report_context(report: AuditReport, tr: Translator, *, top: int = 10, group: str | None = None) -> dict[str, Any]:
    """Everything the template shows, as text, tables and ready charts."""
    current = report.current
    step = first_step(report)
    views = [
        ListView(table, table.rows[:HTML_LIST_ROWS], max(0, len(table.rows) - HTML_LIST_ROWS))
        for table in list_tables(report, tr)
    ]
    drift = [(f.finding.location(), f.finding.rule_id, f.finding.message) for f in report.drift]
    header = [tr(key) for key in ("audit.rank", "audit.sender", "audit.sender_id", "audit.messages", "audit.share")]
    return {
        "tr": tr,
        "group": group,
        "top_notes": top_note_lines(report, tr),
        "first_step": first_step_line(report, tr),
        "first_status": step.status if step is not None else "healthy",
        "first_action": tr(step.action_key) if step is not None else "",
        "diagnoses": [_diagnosis(item, tr) for item in report.diagnoses],
        "activity_chart": activity_chart(report, tr),
        "heatmap_chart": heatmap_chart(report, tr),
        "activity_lines": activity_lines(report, tr, width=200),
        "lorenz_chart": lorenz_chart(report, tr),
        "tier_chart": tier_chart(report, tr),
        "response_chart": response_chart(report, tr),
        "membership_charts": membership_charts(report, tr),
        "value_chart": value_chart(report, tr),
        "has_plan": report.plan_path is not None,
        "drift": drift,
        "lists": views,
        "lists_summary": lists_summary(report, tr),
        "people": people_lines(report, tr),
        "senders_header": header,
        "senders": sender_rows(report, top),
        "figures_header": [
            tr(f"audit.column.{name}")
            for name in (("figure", "current", "previous", "change") if report.previous else ("figure", "current"))
        ],
        "figures": [
            (row.label, row.current, row.previous, row.change)[: 4 if report.previous else 2]
            for row in figure_rows(report, tr)
        ],
        "notes": [tr(note.key, **dict(note.args)) for note in report.notes if note.key not in TOP_NOTES],
        "period_days": current.period.days,
    }


def render_html(report: AuditReport, tr: Translator, *, top: int = 10) -> str:
    """The whole page."""
    from sqtool import __version__

    current = report.current
    title = tr(
        "audit.report_title",
        first=current.period.first.isoformat(),
        last=current.period.last.isoformat(),
        days=current.period.days,
    )
    group = report.source.group
    subtitle = ((group,) if group else ()) + tuple(source_lines(report, tr))
    footer = tr("html.footer", version=__version__, time=generated_at().strftime("%Y-%m-%d %H:%M"))
    page = Page(title=title, lang=tr.lang, footer=footer, subtitle=subtitle)
    return render_page("audit.html.j2", page, **report_context(report, tr, top=top, group=group))
