"""Rich consoles configured from Settings: colour only where asked or on a terminal."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING

from sqtool.settings import Settings

if TYPE_CHECKING:
    from rich.console import Console


def color_enabled(settings: Settings, stream: IO[str] | None, environ: Mapping[str, str] | None = None) -> bool:
    """Whether to colour what goes to ``stream``.

    ``--color always`` → yes, ``never`` → no; ``auto`` → no when ``NO_COLOR`` is set (non-empty, as
    no-color.org says) or ``TERM=dumb``, yes when ``FORCE_COLOR`` is set (non-empty, not "0"),
    else only when ``stream`` is a terminal.
    """
    if settings.color == "always":
        return True
    if settings.color == "never":
        return False
    environ = os.environ if environ is None else environ
    if environ.get("NO_COLOR") or environ.get("TERM") == "dumb":
        return False
    if environ.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):  # a closed or detached stream is no terminal
        return False


def make_console(settings: Settings, *, stderr: bool = False, file: IO[str] | None = None) -> Console:
    """A console that honours ``--color``, ``NO_COLOR`` and ``FORCE_COLOR``; never wraps long lines mid-path."""
    from rich.console import Console

    stream = file if file is not None else (sys.stderr if stderr else sys.stdout)
    if color_enabled(settings, stream):
        return Console(stderr=stderr, file=file, force_terminal=True, highlight=False, soft_wrap=True)
    return Console(stderr=stderr, file=file, color_system=None, no_color=True, highlight=False, soft_wrap=True)


def emit(
    text: str,
    output: Path | None,
    *,
    force: bool,
    settings: Settings,
    written_key: str = "fs.written",
    format_name: str | None = None,
) -> None:
    """Print ``text`` to stdout as it is (colour already decided), or write it atomically to ``output``
    with sqtool's marker for ``format_name`` (so a later run may replace it without --force), and say
    so on stderr unless --quiet. ``-o -`` is stdout."""
    emit_chunks((text,), output, force=force, settings=settings, written_key=written_key, format_name=format_name)


def emit_chunks(
    chunks: Iterable[str],
    output: Path | None,
    *,
    force: bool,
    settings: Settings,
    written_key: str = "fs.written",
    format_name: str | None = None,
) -> None:
    """``emit`` of the text ``chunks`` make, written as they come: to stdout, or atomically to ``output``
    (a temporary file, renamed once the last chunk is in), never held whole."""
    import typer

    from sqtool.fsutil import write_atomic_chunks
    from sqtool.generated import STDOUT, marked_chunks, may_replace
    from sqtool.i18n import Translator

    if output is None or str(output) == STDOUT:
        last = ""
        for chunk in chunks:
            if chunk:
                typer.echo(chunk, nl=False, color=True)  # color=True: click must not strip escapes
                last = chunk
        if not last.endswith("\n"):  # as emit: a text that does not end a line gets its newline
            typer.echo("", color=True)
        return
    from sqtool.reporters.safe_text import one_line

    write_atomic_chunks(output, marked_chunks(chunks, format_name), force=may_replace(output, force))
    if not settings.quiet:
        typer.echo(Translator(settings.lang)(written_key, path=one_line(str(output))), err=True)
