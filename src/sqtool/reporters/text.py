"""Text report for people: one line per finding (path:line:col: severity[ID]: message), hints, a summary.

Findings are grouped by file (files in path order) and fix-first within a file. Colour (ANSI) only
when ``context.color``; the words are the same either way.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from sqtool.diagnostics import Finding, Severity, fix_first
from sqtool.i18n import Translator
from sqtool.reporters import ReportContext
from sqtool.reporters.safe_text import one_line

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def render(findings: Sequence[Finding], context: ReportContext) -> str:
    from rich.console import Console
    from rich.text import Text

    tr = Translator(context.lang)
    console = Console(
        record=True,
        force_terminal=context.color,
        color_system="standard" if context.color else None,
        no_color=not context.color,
        highlight=False,
        soft_wrap=True,
        width=200,
        file=_Discard(),
    )
    for finding in grouped_by_file(findings):
        line = Text()
        line.append(f"{one_line(finding.location())}: ", style="bold")
        line.append(
            f"{tr('severity.' + finding.severity.value)}[{one_line(finding.rule_id)}]", style=_STYLE[finding.severity]
        )
        line.append(f": {one_line(finding.message)}")
        console.print(line)
        if finding.hint:
            console.print(Text(f"  {tr('core.hint_prefix')}: {one_line(finding.hint)}", style="dim"))
    console.print(Text(summary_line(findings, context, tr), style="bold"))
    return console.export_text(styles=context.color)


def grouped_by_file(findings: Sequence[Finding]) -> list[Finding]:
    """Files in path order; within each file the fix-first order (most severe, then position)."""
    by_path = sorted(findings, key=lambda finding: finding.path)
    return [finding for _, group in groupby(by_path, key=lambda f: f.path) for finding in fix_first(group)]


def summary_line(findings: Sequence[Finding], context: ReportContext, tr: Translator) -> str:
    """``3 errors, 5 warnings, 0 notes in 2 files`` (or the all-clear)."""
    counts = {severity: sum(1 for f in findings if f.severity is severity) for severity in Severity}
    files = len(set(context.files) | {f.path for f in findings})
    if not findings:
        return tr("report.clean", files=files)
    return tr(
        "report.summary",
        errors=counts[Severity.ERROR],
        warnings=counts[Severity.WARNING],
        infos=counts[Severity.INFO],
        files=files,
    )


class _Discard:
    """A write-only sink: the console records what it prints and export_text returns it."""

    def write(self, _text: str) -> int:
        return 0

    def flush(self) -> None:
        pass
