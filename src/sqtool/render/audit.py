"""One audit report in the format asked for: terminal text (rich), Markdown, JSON or one HTML page."""

from __future__ import annotations

from collections.abc import Iterator

from sqtool.audit.report import AuditReport
from sqtool.i18n import Translator
from sqtool.settings import Lang

REPORT_FORMATS = ("text", "md", "json", "csv", "html")  # csv: a folder of tables (render/audit_csv.py)


def json_text(document: object) -> str:
    """``json.dumps(document, ensure_ascii=False, indent=2)`` and a newline, the same text, joined from the
    chunks of render/json_stream.py (json.dumps keeps every piece the encoder makes, a few words each,
    until the end)."""
    from sqtool.render.json_stream import json_chunks

    return "".join(json_chunks(document))


def json_report_chunks(report: AuditReport, lang: Lang, *, top: int = 10) -> Iterator[str]:
    """The JSON report (``render_report(..., "json", ...)``'s text) a chunk at a time, for writing as it
    is made: the member lists' rows are made one at a time as they are written, and the text is never
    held whole (on 10^6 messages, 200,000 unanswered questions are 32 MiB of JSON)."""
    from sqtool.render.audit_json import report_to_json
    from sqtool.render.json_stream import json_chunks

    return json_chunks(report_to_json(report, lang=lang, top=top, lazy=True))


def render_report(
    report: AuditReport, report_format: str, lang: Lang, *, color: bool, width: int = 100, top: int = 10
) -> str:
    """The report as text (rich, ``width`` columns, colour only when asked), Markdown or JSON."""
    tr = Translator(lang)
    if report_format == "json":
        return "".join(json_report_chunks(report, lang, top=top))
    from sqtool.reporters.safe_text import neutralised

    report = neutralised(report)  # names, ids and file names from the export: no escapes reach a terminal
    if report_format == "md":
        from sqtool.render.markdown import render_markdown

        return render_markdown(report, tr, top=top)
    if report_format == "html":
        from sqtool.render.audit_html import render_html

        return render_html(report, tr, top=top)
    import io

    from rich.console import Console

    from sqtool.render.audit_terminal import render_terminal

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=not color,
        highlight=False,
        width=width,
    )
    render_terminal(report, tr, console, top=top)
    # rich pads wrapped lines to the full width; trailing blanks only get in the way of diffs and pastes
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def report_width() -> int:
    """Columns of the terminal (or $COLUMNS); 100 when there is none, e.g. in a pipe."""
    import shutil

    return max(shutil.get_terminal_size((100, 24)).columns, 40)
