"""`sqtool history`: the trend across saved audits, as a table with sparklines or as JSON."""

from __future__ import annotations

from sqtool.commands import EXIT_CLEAN
from sqtool.errors import SqtoolError
from sqtool.settings import Settings


def show_history(
    settings: Settings, history: str | None, plan: str | None, output_format: str, last: int | None = None
) -> int:
    """Print the ``last`` audits saved in ``history`` (default: beside ``plan``; 0: every one).

    JSON is written as the rows are read, a page at a time, so any number of saved audits fits in memory.
    """
    import sys

    import typer

    from sqtool.audit.history import DEFAULT_LAST, count_history, default_history_path, iter_history, load_history
    from sqtool.render.history import history_json_pieces, render_history_text

    if output_format not in ("text", "json"):
        raise SqtoolError("audit.bad_format", hint="audit.bad_format_hint", value=output_format, choices="text, json")
    if last is not None and last < 0:
        raise SqtoolError("history.bad_last", hint="history.bad_last_hint", value=last)
    window = DEFAULT_LAST if last is None else last
    path = history or default_history_path(plan)
    if output_format == "json":
        for piece in history_json_pieces(iter_history(path, window)):
            sys.stdout.write(piece)
        sys.stdout.flush()
        return EXIT_CLEAN
    from sqtool.console import make_console

    entries = load_history(path, window)
    total = count_history(path)
    console = make_console(settings)
    render_history_text(entries, settings, console)
    if len(entries) < total:
        from sqtool.i18n import Translator

        typer.echo(Translator(settings.lang)("history.window", shown=len(entries), total=total), err=True)
    return EXIT_CLEAN
