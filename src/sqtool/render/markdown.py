"""The audit report as Markdown: the same content as the terminal report, for sharing."""

from __future__ import annotations

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


def _cell(text: str) -> str:
    """Markdown table cells may not hold pipes or line breaks."""
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: AuditReport, tr: Translator) -> str:
    current = report.current
    out = [
        "# "
        + tr(
            "audit.report_title",
            first=current.period.first.isoformat(),
            last=current.period.last.isoformat(),
            days=current.period.days,
        ),
        "",
        f"## {tr('audit.heading.diagnoses')}",
        "",
    ]
    header = [tr(f"audit.column.{name}") for name in ("diagnosis", "score", "status", "evidence", "action")]
    out += ["| " + " | ".join(header) + " |", "|---|---:|---|---|---|"]
    for item in report.diagnoses:
        evidence = "<br>".join(
            ("" if e.ok is None else ("✓ " if e.ok else "✗ ")) + f"{tr(f'audit.evidence.{e.key}')}: {evidence_text(e)}"
            for e in item.evidence
        )
        cells = [
            tr(f"audit.diagnosis.{item.id}"),
            "–" if item.score is None else str(item.score),
            tr(f"audit.status.{item.status}"),
            evidence or "–",
            tr(item.action_key),
        ]
        out.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    out += ["", f"## {tr('audit.heading.figures')}", ""]
    header = [tr(f"audit.column.{name}") for name in ("figure", "current", "previous", "change")]
    out += ["| " + " | ".join(header) + " |", "|---|---:|---:|---:|"]
    for row in figure_rows(report, tr):
        out.append("| " + " | ".join(_cell(c) for c in (row.label, row.current, row.previous, row.change)) + " |")
    out += ["", f"## {tr('audit.heading.activity')}", ""]
    out += [f"- {line}" for line in activity_lines(report, tr)]
    out += ["", "```", *heatmap_lines(report, tr), "```"]
    rows = value_rows(report, tr)
    if rows:
        out += ["", f"## {tr('audit.heading.value')}", ""]
        header = [tr(f"audit.column.{name}") for name in ("item", "section", "planned", "held")]
        out += ["| " + " | ".join(header) + " |", "|---|---|---:|---:|"]
        out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    out += ["", f"## {tr('audit.heading.people')}", ""]
    out += [f"- {line}" for line in people_lines(report, tr)]
    if report.drift:
        out += ["", f"## {tr('audit.heading.drift')}", ""]
        for item in report.drift:
            f = item.finding
            out.append(f"- `{f.location()}` **{f.rule_id}** {_cell(f.message)}")
    if report.notes:
        out += [""]
        out += [f"> {tr(note.key, **dict(note.args))}" for note in report.notes]
    return "\n".join(out) + "\n"
