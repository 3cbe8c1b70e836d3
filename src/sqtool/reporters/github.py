"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` annotation per finding.

``::error file=plans/a.yaml,line=12,col=5,title=SQ001::plans/a.yaml:12:5: message`` — the body
repeats ``path:line:col`` because the log view drops the properties; the hint follows on a second
line of the same annotation. A plain summary line ends the output (GitHub shows it in the log).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqtool.diagnostics import Finding, Severity
from sqtool.i18n import Translator
from sqtool.reporters import ReportContext
from sqtool.reporters.safe_text import one_line
from sqtool.reporters.text import grouped_by_file, summary_line

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message as the runner decodes it: ``%``, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as for the message, plus ``:`` and ``,`` which end a property."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, tr: Translator) -> str:
    """The workflow command for one finding."""
    path = finding.path  # render() has already dropped any leading "./"
    body = f"{one_line(path)}:{finding.line}:{finding.col}: {one_line(finding.message)}"
    if finding.hint:
        body += f"\n{tr('core.hint_prefix')}: {one_line(finding.hint)}"
    properties = [("title", one_line(finding.rule_id))]
    if not path.startswith("<"):  # "<stdin>" is no file in the repository: annotate the run instead
        properties = [("file", one_line(path)), ("line", str(finding.line)), ("col", str(finding.col)), *properties]
    joined = ",".join(f"{name}={escape_property(value)}" for name, value in properties)
    return f"::{COMMAND[finding.severity]} {joined}::{escape_data(body)}"


def render(findings: Sequence[Finding], context: ReportContext) -> str:
    tr = Translator(context.lang)
    lines = [annotation(finding, tr) for finding in grouped_by_file(findings)]
    # The summary is a plain log line; a line starting with "::" would be read as a command.
    lines.append(summary_line(findings, context, tr))
    return "\n".join(lines) + "\n"
