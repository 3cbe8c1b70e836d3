"""`sqtool validate`: plans against the JSON Schema only; 0 valid, 1 invalid, 2 unreadable."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from sqtool.commands import EXIT_CLEAN, EXIT_FINDINGS
from sqtool.fsutil import refuse_to_replace
from sqtool.settings import Settings


def run_validate(
    settings: Settings,
    arguments: Sequence[str],
    *,
    report_format: str | None = None,
    output: Path | None = None,
    force: bool = False,
) -> int:
    """Validate the plans named by ``arguments``, print or write the report; 0 clean, 1 findings."""
    from sqtool import __version__
    from sqtool.console import color_enabled, emit
    from sqtool.plan.files import expand_inputs, refuse_output_among_inputs
    from sqtool.plan.validate import validate_files
    from sqtool.reporters import ReportContext, default_format, render

    sources = expand_inputs(arguments)
    refuse_output_among_inputs(output, sources)  # even with --force: the report would replace a plan
    refuse_to_replace(output, force=force)  # refuse before doing any work
    validation = validate_files(sources, lang=settings.lang)
    chosen = report_format or default_format()
    context = ReportContext(
        tool_version=__version__,
        lang=settings.lang,
        files=validation.files,
        color=chosen == "text" and color_enabled(settings, sys.stdout if output is None else None),
    )
    report = render(chosen, list(validation.findings), context)
    emit(report, output, force=force, settings=settings)
    return EXIT_CLEAN if validation.clean else EXIT_FINDINGS
