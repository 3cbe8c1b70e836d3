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

# ANSI SGR styles, written by hand: rich's console costs ~100 µs a line, which a 1,000-plan check
# with thousands of findings would feel; these are the same codes rich's "standard" palette uses.
_RESET = "\x1b[0m"
_BOLD, _DIM = "\x1b[1m", "\x1b[2m"
_SEVERITY_STYLE = {Severity.ERROR: "\x1b[1;31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}


def render(findings: Sequence[Finding], context: ReportContext) -> str:
    tr = Translator(context.lang)

    def styled(text: str, style: str) -> str:
        return f"{style}{text}{_RESET}" if context.color else text

    lines = []
    for finding in grouped_by_file(findings):
        where = styled(f"{one_line(finding.location())}: ", _BOLD)
        label = styled(
            f"{tr('severity.' + finding.severity.value)}[{one_line(finding.rule_id)}]",
            _SEVERITY_STYLE[finding.severity],
        )
        lines.append(f"{where}{label}: {one_line(finding.message)}")
        if finding.hint:
            lines.append(styled(f"  {tr('core.hint_prefix')}: {one_line(finding.hint)}", _DIM))
    lines.append(styled(summary_line(findings, context, tr), _BOLD))
    return "\n".join(lines) + "\n"


def grouped_by_file(findings: Sequence[Finding]) -> list[Finding]:
    """Files in path order; within each file the fix-first order (most severe, then position)."""
    by_path = sorted(findings, key=lambda finding: finding.path)
    return [finding for _, group in groupby(by_path, key=lambda f: f.path) for finding in fix_first(group)]


def summary_line(findings: Sequence[Finding], context: ReportContext, tr: Translator) -> str:
    """``3 errors, 5 warnings, 0 notes in 2 files`` (or the all-clear), singular where a count is 1."""
    counts = {severity: sum(1 for f in findings if f.severity is severity) for severity in Severity}
    files = len(set(context.files) | {f.path for f in findings})
    if not findings:
        return tr("report.clean.one" if files == 1 else "report.clean", files=counted("file", files, tr))
    return tr(
        "report.summary",
        errors=counted("error", counts[Severity.ERROR], tr),
        warnings=counted("warning", counts[Severity.WARNING], tr),
        infos=counted("info", counts[Severity.INFO], tr),
        files=counted("file", files, tr),
    )


def counted(noun: str, count: int, tr: Translator) -> str:
    """``1 error`` / ``2 errors`` (``report.count.<noun>.one|other``) in the translator's language."""
    return tr(f"report.count.{noun}.{'one' if count == 1 else 'other'}", n=count)
