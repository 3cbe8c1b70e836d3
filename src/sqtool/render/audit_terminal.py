"""Terminal audit report (rich): the five diagnoses first, then the figures with sparklines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqtool.audit.report import AuditReport
from sqtool.i18n import Translator
from sqtool.render.audit_rows import (
    activity_lines,
    evidence_text,
    figure_rows,
    heatmap_lines,
    people_lines,
    value_rows,
)

if TYPE_CHECKING:
    from rich.console import Console

STATUS_STYLE = {"healthy": "green", "watch": "yellow", "act": "bold red", "not_assessed": "dim"}


def render_terminal(report: AuditReport, tr: Translator, console: Console) -> None:
    """Print the report on ``console``."""
    from rich.table import Table
    from rich.text import Text

    current = report.current
    console.print(
        Text(
            tr(
                "audit.report_title",
                first=current.period.first.isoformat(),
                last=current.period.last.isoformat(),
                days=current.period.days,
            ),
            style="bold",
        )
    )
    diagnoses = Table(title=tr("audit.heading.diagnoses"), title_justify="left", show_lines=True, expand=False)
    diagnoses.add_column(tr("audit.column.diagnosis"))
    diagnoses.add_column(tr("audit.column.score"), justify="right")
    diagnoses.add_column(tr("audit.column.status"))
    diagnoses.add_column(tr("audit.column.evidence"))
    diagnoses.add_column(tr("audit.column.action"), ratio=1, overflow="fold")
    for item in report.diagnoses:
        evidence = Text()
        for line, entry in enumerate(item.evidence):
            if line:
                evidence.append("\n")
            mark = "" if entry.ok is None else ("✓ " if entry.ok else "✗ ")
            evidence.append(mark, style="green" if entry.ok else "red")
            evidence.append(f"{tr(f'audit.evidence.{entry.key}')}: {evidence_text(entry)}")
        diagnoses.add_row(
            tr(f"audit.diagnosis.{item.id}"),
            "–" if item.score is None else str(item.score),
            Text(tr(f"audit.status.{item.status}"), style=STATUS_STYLE[item.status]),
            evidence,
            tr(item.action_key),
        )
    console.print(diagnoses)

    figures = Table(title=tr("audit.heading.figures"), title_justify="left")
    figures.add_column(tr("audit.column.figure"))
    figures.add_column(tr("audit.column.current"), justify="right")
    figures.add_column(tr("audit.column.previous"), justify="right")
    figures.add_column(tr("audit.column.change"), justify="right")
    for row in figure_rows(report, tr):
        figures.add_row(row.label, row.current, row.previous, row.change)
    console.print(figures)

    console.print(Text(tr("audit.heading.activity"), style="bold"))
    for line in activity_lines(report, tr):
        console.print(f"  {line}")
    for line in heatmap_lines(report, tr):
        console.print(f"  {line}")

    rows = value_rows(report, tr)
    if rows:
        value = Table(title=tr("audit.heading.value"), title_justify="left")
        for key in ("audit.column.item", "audit.column.section", "audit.column.planned", "audit.column.held"):
            value.add_column(tr(key))
        for row in rows:
            value.add_row(*row)
        console.print(value)

    console.print(Text(tr("audit.heading.people"), style="bold"))
    for line in people_lines(report, tr):
        console.print(f"  {line}")

    if report.drift:
        console.print(Text(tr("audit.heading.drift"), style="bold"))
        for item in report.drift:
            finding = item.finding
            console.print(
                Text(f"  {finding.location()}: ")
                + Text(f"{tr('severity.' + finding.severity.value)}[{finding.rule_id}]", style="yellow")
                + Text(f": {finding.message}")
            )
    for note in report.notes:
        console.print(Text(f"* {tr(note.key, **dict(note.args))}", style="dim"))
