"""`sqtool plan` for the terminal (a sheet to pin on the wall, 80 columns with Chinese) and as Markdown."""

from __future__ import annotations

from sqtool.diagnostics import Finding
from sqtool.i18n import Translator
from sqtool.render.md_text import md_cell, md_code, md_fence, md_text
from sqtool.render.plan_rows import (
    kpi_cells,
    notice_title,
    role_cells,
    safe,
    unheld,
    week_rows,
    week_title,
)
from sqtool.render.wrap import display_width, fill, short_names, table
from sqtool.schedule.kit import OperatingKit
from sqtool.schedule.words import cadence_label

WIDTH = 80


def _title(kit: OperatingKit, tr: Translator) -> list[str]:
    calendar = kit.calendar
    name = safe(kit.community or kit.path)
    return [
        tr("kit.title", name=name),
        tr(
            "kit.subtitle",
            weeks=len([week for week in calendar.weeks if week.number]),
            first=calendar.first.isoformat(),
            last=calendar.last.isoformat(),
            zone=calendar.zone_name,
            path=safe(kit.path),
        ),
    ]


def finding_lines(findings: tuple[Finding, ...], tr: Translator) -> list[str]:
    lines = []
    for finding in findings:
        lines.append(
            f"{safe(finding.location())}: {tr('severity.' + finding.severity.value)}[{finding.rule_id}]: "
            f"{safe(finding.message)}"
        )
        if finding.hint:
            lines.append(f"  {tr('core.hint_prefix')}: {safe(finding.hint)}")
    return lines


def kept_names(kit: OperatingKit) -> tuple[str, ...]:
    """The kit's short names (rituals, value outputs, people) that the sheet never breaks: 周日嘉宾分享
    stays whole in a cell rather than ending a line with 周日嘉宾分 and starting the next with 享."""
    people = {name for row in kit.roles for name in row.holders}
    people |= {name for item in kit.calendar.items for name in (item.owner, item.backup) if name}
    return short_names([safe(item.name) for item in kit.calendar.items] + [safe(name) for name in people])


def render_text(kit: OperatingKit, tr: Translator, width: int = WIDTH) -> str:
    title, subtitle = _title(kit, tr)
    keep = kept_names(kit)
    out = [title, fill(subtitle, width)]

    def heading(key: str) -> None:
        text = tr(key)
        out.extend(["", text, "=" * display_width(text)])

    heading("kit.heading.calendar")
    headers = [tr("kit.col.day"), tr("kit.col.time"), tr("kit.col.what"), tr("kit.col.who")]
    for week in kit.calendar.weeks:
        rows = week_rows(week, tr)
        out += ["", week_title(week, tr)]
        if rows:
            out.append(
                table(
                    headers, [(r.day, r.time, r.what, r.who) for r in rows], width=width, wrap_columns=[2, 3], keep=keep
                )
            )
    if kit.calendar.unplaced or kit.undated:
        heading("kit.heading.undated")
        for unplaced in kit.calendar.unplaced:
            reason = tr(f"kit.unplaced.{unplaced.reason}")
            out.append(
                fill(
                    f"{safe(unplaced.item.name)} ({cadence_label(unplaced.item, tr)}): {reason}",
                    width,
                    indent="- ",
                    subsequent_indent="  ",
                    keep=keep,
                )
            )
        for item in kit.undated:
            out.append(fill(safe(item.text), width, indent="- ", subsequent_indent="  ", keep=keep))
    heading("kit.heading.roles")
    role_rows = [role_cells(row, tr) for row in kit.roles]
    out.append(
        table(
            [tr("kit.role.col.role"), tr("kit.role.col.who"), tr("kit.role.col.duties")],
            role_rows,
            width=width,
            wrap_columns=[2],
            keep=keep,
        )
    )
    missing = unheld(kit, tr)
    if missing:
        out += ["", fill(missing, width, keep=keep)]
    heading("kit.heading.notices")
    for notice in kit.notices:
        out += ["", f"[{notice_title(notice.kind, notice.subject, tr)}]"]
        for line in notice.text.split("\n"):
            out.append(
                fill(
                    safe(line),
                    width,
                    indent="  ",
                    subsequent_indent="    " if line.startswith("  ") else "  ",
                    keep=keep,
                )
            )
    heading("kit.heading.kpis")
    if kit.kpis:
        out += kpi_lines(kit, tr, width)
    else:
        out.append(tr("kit.kpi.none"))
    heading("kit.heading.findings")
    out += finding_lines(kit.findings, tr) or [tr("kit.findings.none")]
    return "\n".join(out) + "\n"


def kpi_lines(kit: OperatingKit, tr: Translator, width: int) -> list[str]:
    """Each target on its line, the audit's JSON key under it: dotted keys do not wrap, so no table."""
    lines: list[str] = []
    section = None
    for row in kit.kpis:
        source, target, audit = kpi_cells(row, tr)
        group, _, name = source.rpartition(".") if not source.startswith("kpis.") else ("kpis", ".", source[5:])
        if group != section:
            section = group
            lines += ["", f"{group}:"]
        lines.append(fill(f"{name}: {target}", width, indent="  ", subsequent_indent="    "))
        lines.append(fill(f"→ {audit}", width, indent="      ", subsequent_indent="      "))
    return lines


def _md_table(headers: list[str], rows: list[tuple[str, ...]], *, code: tuple[int, ...] = ()) -> list[str]:
    """A pipe table of plain text, shown literally; a dotted key in a ``code`` column as a code span."""

    def cell(index: int, text: str) -> str:
        if index in code and "." in text and " " not in text:
            return md_code(text).replace("|", "\\|")
        return md_cell(text, newline="<br>")

    lines = ["| " + " | ".join(md_cell(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(i, c) for i, c in enumerate(row)) + " |" for row in rows]
    return lines


def render_markdown(kit: OperatingKit, tr: Translator) -> str:
    title, subtitle = _title(kit, tr)
    out = [f"# {md_text(title)}", "", md_text(subtitle), "", f"## {tr('kit.heading.calendar')}"]
    headers = [tr("kit.col.day"), tr("kit.col.time"), tr("kit.col.what"), tr("kit.col.who")]
    for week in kit.calendar.weeks:
        rows = week_rows(week, tr, mark="↳ ")
        out += ["", f"### {md_text(week_title(week, tr))}", ""]
        out += _md_table(headers, [(r.day, r.time, r.what, r.who) for r in rows])
    if kit.calendar.unplaced or kit.undated:
        out += ["", f"## {tr('kit.heading.undated')}", ""]
        for unplaced in kit.calendar.unplaced:
            reason = tr(f"kit.unplaced.{unplaced.reason}")
            out.append(f"- {md_text(f'{safe(unplaced.item.name)} ({cadence_label(unplaced.item, tr)}): {reason}')}")
        out += [f"- {md_text(safe(item.text))}" for item in kit.undated]
    out += ["", f"## {tr('kit.heading.roles')}", ""]
    out += _md_table(
        [tr("kit.role.col.role"), tr("kit.role.col.who"), tr("kit.role.col.duties")],
        [role_cells(row, tr) for row in kit.roles],
    )
    missing = unheld(kit, tr)
    if missing:
        out += ["", md_text(missing)]
    out += ["", f"## {tr('kit.heading.notices')}"]
    for notice in kit.notices:
        out += ["", f"### {md_text(notice_title(notice.kind, notice.subject, tr))}", "", *md_fence(notice.text, "text")]
    out += ["", f"## {tr('kit.heading.kpis')}", ""]
    if kit.kpis:
        out += _md_table(
            [tr("kit.kpi.col.source"), tr("kit.kpi.col.target"), tr("kit.kpi.col.audit")],
            [kpi_cells(row, tr) for row in kit.kpis],
            code=(0, 2),
        )
    else:
        out.append(tr("kit.kpi.none"))
    out += ["", f"## {tr('kit.heading.findings')}", ""]
    lines = finding_lines(kit.findings, tr)
    out += [
        f"- {md_text(line.strip())}" if not line.startswith("  ") else f"  {md_text(line.strip())}" for line in lines
    ] or [tr("kit.findings.none")]
    return "\n".join(out) + "\n"
