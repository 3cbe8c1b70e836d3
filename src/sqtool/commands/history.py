"""`sqtool history`: the trend across saved audits, as a table with sparklines or as JSON."""

from __future__ import annotations

from sqtool.commands import EXIT_CLEAN
from sqtool.errors import SqtoolError
from sqtool.settings import Settings


def show_history(settings: Settings, history: str | None, plan: str | None, output_format: str) -> int:
    """Print the audits saved in ``history`` (default: beside ``plan``)."""
    import typer

    from sqtool.audit.history import default_history_path, load_history
    from sqtool.render.history import render_history_json, render_history_text

    if output_format not in ("text", "json"):
        raise SqtoolError("audit.bad_format", hint="audit.bad_format_hint", value=output_format, choices="text, json")
    entries = load_history(history or default_history_path(plan))
    if output_format == "json":
        typer.echo(render_history_json(entries), nl=False)
    else:
        from sqtool.console import make_console

        render_history_text(entries, settings, make_console(settings))
    return EXIT_CLEAN
