"""Text report for people: one line per finding (path:line:col: severity[ID]: message), hints, a summary."""

from __future__ import annotations

from collections.abc import Sequence

from sqtool.diagnostics import Finding, Severity, fix_first
from sqtool.i18n import Translator
from sqtool.reporters import ReportContext

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
    for finding in fix_first(findings):
        line = Text()
        line.append(f"{finding.location()}: ", style="bold")
        line.append(f"{tr('severity.' + finding.severity.value)}[{finding.rule_id}]", style=_STYLE[finding.severity])
        line.append(f": {finding.message}")
        console.print(line)
        if finding.hint:
            console.print(Text(f"  {tr('core.hint_prefix')}: {finding.hint}", style="dim"))
    console.print(Text(summary_line(findings, context, tr), style="bold"))
    return console.export_text(styles=context.color)


def summary_line(findings: Sequence[Finding], context: ReportContext, tr: Translator) -> str:
    """``3 errors, 5 warnings, 0 notes in 2 files`` (or the all-clear)."""
    counts = {severity: sum(1 for f in findings if f.severity is severity) for severity in Severity}
    files = len(context.files) or len({f.path for f in findings})
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
