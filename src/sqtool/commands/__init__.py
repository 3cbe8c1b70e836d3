"""One module per command: turn parsed options into one call of the core and one rendered output.

This package is the only place that decides exit codes: ``EXIT_CLEAN`` when nothing reaches
``--fail-on``, ``EXIT_FINDINGS`` when something does, ``EXIT_USAGE`` for usage errors and unreadable
input (``execute`` maps every ``SqtoolError`` to it).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable

from sqtool.diagnostics import Finding, Severity, at_or_above
from sqtool.errors import SqtoolError
from sqtool.settings import Settings

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def findings_exit(findings: Iterable[Finding], threshold: Severity | None) -> int:
    """``EXIT_FINDINGS`` when a finding is at or above ``threshold``, else ``EXIT_CLEAN``."""
    if threshold is None:
        return EXIT_CLEAN
    return EXIT_FINDINGS if at_or_above(findings, threshold) else EXIT_CLEAN


def execute(settings: Settings, action: Callable[[Settings], int]) -> int:
    """Run one command's action and return its exit code; turn every failure into a clear message."""
    import typer

    from sqtool.i18n import Translator
    from sqtool.iosafety import guarded_streams, named_os_error
    from sqtool.settings import limits_in_force

    tr = Translator(settings.lang)
    try:
        try:
            with limits_in_force(settings.limits), guarded_streams():
                return action(settings)
        except BrokenPipeError:
            raise
        except OSError as error:  # what the system refused (a full disk, a closed stream): a named error
            raise named_os_error(error) from error
    except SqtoolError as error:
        from sqtool.reporters.safe_text import one_line

        # file names and values quoted from the input: no escape or bidi override reaches the terminal
        where = one_line(error.where())
        message, hint = (_lines_safe(text) if text else text for text in error.texts(tr))
        prefix = f"{where}: " if where else ""
        code = f"[{error.code}]" if error.code else ""
        typer.echo(f"{prefix}{tr('core.error_prefix')}{code}: {message}", err=True)
        if hint:
            typer.echo(f"  {tr('core.hint_prefix')}: {hint}", err=True)
        return EXIT_USAGE
    except KeyboardInterrupt:
        typer.echo(tr("core.interrupted"), err=True)
        return EXIT_INTERRUPTED
    except (typer.Exit, typer.Abort, SystemExit):
        raise
    except BrokenPipeError:
        # the reader of our output went away (`sqtool rules | head`): stop quietly, as cat does
        _silence_stdout()
        return EXIT_CLEAN
    except Exception as error:  # the last line of defence: never show a traceback to users
        if settings.debug:
            raise
        typer.echo(tr("core.internal_error", error=f"{type(error).__name__}: {error}"), err=True)
        return EXIT_USAGE


def _lines_safe(text: str) -> str:
    """``text`` with each line made safe for a terminal (the catalogue's own line breaks kept)."""
    from sqtool.reporters.safe_text import one_line

    return "\n".join(one_line(line) for line in text.split("\n"))


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's exit-time flush cannot fail on the closed pipe again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
