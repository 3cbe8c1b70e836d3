"""The audit report as Markdown: the same content as the terminal report, for sharing."""

from __future__ import annotations

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
from sqtool.render.md_text import md_cell, md_code, md_text


def _cell(text: str) -> str:
    """Text from the export or the plan (names, groups, files) on one line, shown literally."""
    return md_cell(text)


def render_markdown(report: AuditReport, tr: Translator, *, top: int = 10) -> str:
    """The report as Markdown, listing the ``top`` most active senders (0: all)."""
    current = report.current
    step = first_step(report)
    out = [
        "# "
        + tr(
            "audit.report_title",
            first=current.period.first.isoformat(),
            last=current.period.last.isoformat(),
            days=current.period.days,
        ),
        "",
        *(f"_{_cell(line)}_  " for line in source_lines(report, tr)),
        *(f"> **{_cell(line)}**" for line in top_note_lines(report, tr)),
        "",
        f"**{_cell(first_step_line(report, tr))}**" + (f" {_cell(tr(step.action_key))}" if step else ""),
        "",
        f"## {tr('audit.heading.diagnoses')}",
        "",
    ]
    header = [tr(f"audit.column.{name}") for name in ("diagnosis", "score", "status", "evidence", "action")]
    out += ["| " + " | ".join(header) + " |", "|---|---:|---|---|---|"]
    for item in report.diagnoses:
        evidence = "<br>".join(_cell(line) for line in evidence_lines(item, tr))
        cells = [
            tr(f"audit.diagnosis.{item.id}"),
            "–" if item.score is None else str(item.score),
            tr(f"audit.status.{item.status}"),
            evidence or "–",
            tr(item.action_key),
        ]
        out.append("| " + " | ".join(c if c is evidence else _cell(c) for c in cells) + " |")
    out += [
        "",
        f"## {tr('audit.heading.figures' if report.previous is not None else 'audit.heading.figures_alone')}",
        "",
    ]
    names = ("figure", "current", "previous", "change") if report.previous is not None else ("figure", "current")
    out += [
        "| " + " | ".join(tr(f"audit.column.{name}") for name in names) + " |",
        "|---|" + "---:|" * (len(names) - 1),
    ]
    for row in figure_rows(report, tr):
        figure_cells = (row.label, row.current, row.previous, row.change)[: len(names)]
        out.append("| " + " | ".join(_cell(c) for c in figure_cells) + " |")
    senders = sender_rows(report, top)
    if senders:
        out += ["", f"## {tr('audit.top_title', count=len(senders))}", ""]
        header = [tr(key) for key in ("audit.rank", "audit.sender", "audit.sender_id", "audit.messages", "audit.share")]
        out += ["| " + " | ".join(header) + " |", "|---:|---|---|---:|---:|"]
        out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in senders]
    out += ["", f"## {tr('audit.heading.activity')}", ""]
    out += [f"- {md_text(line)}" for line in activity_lines(report, tr)]
    out += ["", "```", *heatmap_lines(report, tr), "```"]
    rows = value_rows(report, tr)
    if rows:
        out += ["", f"## {tr('audit.heading.value')}", ""]
        header = [tr(f"audit.column.{name}") for name in ("item", "section", "planned", "held")]
        out += ["| " + " | ".join(header) + " |", "|---|---|---:|---:|"]
        out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    out += ["", f"## {tr('audit.heading.people')}", ""]
    out += [f"- {md_text(line)}" for line in people_lines(report, tr)]
    tables = list_tables(report, tr)
    if tables:
        out += ["", f"## {tr('html.part.lists')}"]
        for listed in tables:
            shown = listed.rows if top <= 0 else listed.rows[:top]
            out += ["", f"### {_cell(listed.title)} ({listed.count})", "", f"_{_cell(listed.why)}_"]
            if not shown and listed.known:
                out += ["", tr("html.empty_list")]
            if not shown:
                continue
            align = "|" + "".join("---:|" if i in listed.numeric else "---|" for i in range(len(listed.header)))
            out += ["", "| " + " | ".join(_cell(c) for c in listed.header) + " |", align]
            out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in shown]
            if len(listed.rows) > len(shown):
                out += ["", f"_{_cell(tr('html.more', count=len(listed.rows) - len(shown)))}_"]
    if report.drift:
        out += ["", f"## {tr('audit.heading.drift')}", ""]
        for drift_item in report.drift:
            f = drift_item.finding
            out.append(f"- {md_code(f.location())} **{f.rule_id}** {_cell(f.message)}")
    if report.notes:
        out += [""]
        out += [f"> {md_text(tr(note.key, **dict(note.args)))}" for note in report.notes if note.key not in TOP_NOTES]
    return "\n".join(out) + "\n"
