"""The `validate` and `schema` commands: what they do once the CLI has parsed the arguments."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO

import typer

from sqtool import __version__
from sqtool.errors import SqtoolError
from sqtool.fsutil import write_atomic
from sqtool.i18n import Translator
from sqtool.settings import Settings

EXIT_CLEAN, EXIT_FINDINGS = 0, 1


def run_validate(
    settings: Settings,
    arguments: Sequence[str],
    *,
    report_format: str | None = None,
    output: Path | None = None,
    force: bool = False,
) -> int:
    """Validate the plans named by ``arguments``, print or write the report; 0 clean, 1 findings."""
    from sqtool.plan.files import expand_inputs
    from sqtool.plan.validate import validate_files
    from sqtool.reporters import ReportContext, render

    sources = expand_inputs(arguments)
    if output is not None and output.exists() and not force:  # refuse before doing any work
        raise SqtoolError("fs.exists", hint="fs.exists_hint", path=str(output))
    validation = validate_files(sources, lang=settings.lang)
    chosen = report_format or default_format()
    context = ReportContext(
        tool_version=__version__,
        lang=settings.lang,
        files=validation.files,
        color=chosen == "text" and color_enabled(settings, sys.stdout if output is None else None),
    )
    report = render(chosen, list(validation.findings), context)
    _emit(report, output, force, settings, "plan.report_written")
    return EXIT_CLEAN if validation.clean else EXIT_FINDINGS


def run_schema(settings: Settings, *, output: Path | None = None, force: bool = False) -> int:
    """Print the plan JSON Schema exactly as shipped, or write it to ``output``."""
    from sqtool.resources import schema_path

    text = schema_path("community-plan").read_text(encoding="utf-8")
    _emit(text, output, force, settings, "plan.schema_written")
    return EXIT_CLEAN


def default_format(environ: Mapping[str, str] | None = None) -> str:
    """ "github" inside GitHub Actions (GITHUB_ACTIONS=true) when that reporter exists, else "text"."""
    from sqtool.reporters import FORMATS

    environ = os.environ if environ is None else environ
    return "github" if environ.get("GITHUB_ACTIONS") == "true" and "github" in FORMATS else "text"


def color_enabled(settings: Settings, stream: IO[str] | None, environ: Mapping[str, str] | None = None) -> bool:
    """--color always/never win; auto colours only a terminal, and never when NO_COLOR is set."""
    if settings.color != "auto":
        return settings.color == "always"
    environ = os.environ if environ is None else environ
    if environ.get("NO_COLOR") or environ.get("TERM") == "dumb":
        return False
    try:
        return bool(stream is not None and stream.isatty())
    except (OSError, ValueError):  # a closed or detached stream is no terminal
        return False


def _emit(text: str, output: Path | None, force: bool, settings: Settings, written_key: str) -> None:
    if output is None:
        # color=True: never let click strip escapes; whether to colour was decided above, from Settings
        typer.echo(text, nl=not text.endswith("\n"), color=True)
        return
    write_atomic(output, text, force=force)
    if not settings.quiet:
        typer.echo(Translator(settings.lang)(written_key, path=output), err=True)
