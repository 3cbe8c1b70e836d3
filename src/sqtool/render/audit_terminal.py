"""Terminal audit report (rich): the five diagnoses first, then the figures with sparklines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqtool.audit.report import AuditReport
from sqtool.i18n import Translator
from sqtool.render.audit_lists import list_tables
from sqtool.render.audit_rows import (
    TOP_NOTES,
    activity_lines,
    evidence_lines,
    figure_rows,
    first_step,
    first_step_line,
    heatmap_lines,
    people_lines,
    sender_rows,
    source_lines,
    top_note_lines,
    value_rows,
)
from sqtool.render.wrap import wrap

if TYPE_CHECKING:
    from rich.console import Console

STATUS_STYLE = {"healthy": "green", "watch": "yellow", "act": "bold red", "not_assessed": "dim"}


def render_terminal(report: AuditReport, tr: Translator, console: Console, *, top: int = 10) -> None:
    """Print the report on ``console``, listing the ``top`` most active senders (0: all)."""
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    def heading(title: str) -> None:
        console.print(Text(title, style="bold"))  # above the table: a narrow table would wrap its own title

    def indented(text: Text, depth: int = 4) -> Padding:
        # wrapped here by display width (render/wrap.py: no line starts with 。or ，, words stay whole),
        # not by rich, which breaks Chinese anywhere; wrapped lines keep the indent
        lines = wrap(text.plain, max(20, console.width - depth))
        return Padding(Text("\n".join(lines), style=text.style, no_wrap=True), (0, 0, 0, depth), expand=False)

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
    for line in source_lines(report, tr):
        console.print(Text(line, style="dim"))
    for line in top_note_lines(report, tr):
        console.print(Text(f"! {line}", style="bold yellow"))
    # one block per diagnosis, not a five-column table: evidence and action stay readable at 80 columns
    step = first_step(report)
    console.print()
    console.print(Text(first_step_line(report, tr), style="bold"))
    if step is not None:
        console.print(indented(Text(tr("audit.line.action", action=tr(step.action_key))), 2))
    console.print()
    console.print(Text(tr("audit.heading.diagnoses"), style="bold underline"))
    for item in report.diagnoses:
        head = Text(tr(f"audit.diagnosis.{item.id}"), style="bold")
        if item.score is not None:
            head.append(f"  {tr('audit.line.score', score=item.score)}")
        head.append("  ")
        head.append(tr(f"audit.status.{item.status}"), style=STATUS_STYLE[item.status])
        console.print(head)
        for entry, line in zip(item.evidence, evidence_lines(item, tr), strict=True):
            style = "" if entry.ok is None else ("green" if entry.ok else "red")
            console.print(indented(Text(line, style=style)))
        console.print(indented(Text(tr("audit.line.action", action=tr(item.action_key)))))
    console.print()

    heading(tr("audit.heading.figures" if report.previous is not None else "audit.heading.figures_alone"))
    figures = Table()
    figures.add_column(tr("audit.column.figure"), overflow="fold")
    figures.add_column(tr("audit.column.current"), justify="right")
    compare = report.previous is not None  # without a previous period the last two columns are all dashes
    if compare:
        figures.add_column(tr("audit.column.previous"), justify="right")
        figures.add_column(tr("audit.column.change"), justify="right")
    for row in figure_rows(report, tr):
        figures.add_row(row.label, row.current, *((row.previous, row.change) if compare else ()))
    console.print(figures)

    senders = sender_rows(report, top)
    if senders:
        heading(tr("audit.top_title", count=len(senders)))
        table = Table()
        table.add_column(tr("audit.rank"), justify="right")
        table.add_column(tr("audit.sender"), overflow="fold")
        with_ids = any(row[2] for row in senders)  # exports that know names only need no id column
        if with_ids:
            table.add_column(tr("audit.sender_id"), overflow="fold")
        table.add_column(tr("audit.messages"), justify="right")
        table.add_column(tr("audit.share"), justify="right")
        for rank, name, member_id, count, part in senders:
            table.add_row(rank, name, *((member_id,) if with_ids else ()), count, part)
        console.print(table)

    console.print(Text(tr("audit.heading.activity"), style="bold"))
    for line in activity_lines(report, tr, console.width):
        console.print(indented(Text(line), 2))
    for line in heatmap_lines(report, tr):
        console.print(indented(Text(line), 2))

    rows = value_rows(report, tr)
    if rows:
        heading(tr("audit.heading.value"))
        value = Table()
        for key in ("audit.column.item", "audit.column.section", "audit.column.planned", "audit.column.held"):
            value.add_column(tr(key))
        for value_row in rows:
            value.add_row(*value_row)
        console.print(value)

    console.print(Text(tr("audit.heading.people"), style="bold"))
    for line in people_lines(report, tr):
        console.print(indented(Text(line), 2))

    tables = list_tables(report, tr)
    if tables:
        console.print(Text(tr("html.part.lists"), style="bold"))
        for listed in tables:
            shown = listed.rows if top <= 0 else listed.rows[:top]
            title = Text(f"{listed.title} ({listed.count})", style="bold")
            if not listed.known:
                console.print(indented(title + Text(f"  {listed.why}", style="dim"), 2))
                continue
            console.print(indented(title if shown else title + Text(f"  {tr('html.empty_list')}"), 2))
            if not shown:
                continue
            console.print(indented(Text(listed.why, style="dim"), 4))
            people = Table(padding=(0, 1))
            for position, column in enumerate(listed.header):
                people.add_column(column, overflow="fold", justify="right" if position in listed.numeric else "left")
            for list_row in shown:
                people.add_row(*list_row)
            console.print(Padding(people, (0, 0, 0, 4)))
            if len(listed.rows) > len(shown):
                console.print(indented(Text(tr("html.more", count=len(listed.rows) - len(shown)), style="dim"), 4))

    if report.drift:
        console.print(Text(tr("audit.heading.drift"), style="bold"))
        for drift_item in report.drift:
            finding = drift_item.finding
            console.print(
                indented(
                    Text(f"{finding.location()}: ")
                    + Text(f"{tr('severity.' + finding.severity.value)}[{finding.rule_id}]", style="yellow")
                    + Text(f": {finding.message}"),
                    2,
                )
            )
    for note in (note for note in report.notes if note.key not in TOP_NOTES):
        console.print(Text(f"* {tr(note.key, **dict(note.args))}", style="dim"))
