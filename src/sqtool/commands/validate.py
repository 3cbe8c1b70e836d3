"""`sqtool validate`: plans against the JSON Schema only; 0 valid, 1 invalid, 2 unreadable."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from sqtool.commands import EXIT_CLEAN, EXIT_FINDINGS
from sqtool.settings import Settings


def run_validate(
    settings: Settings,
    arguments: Sequence[str],
    *,
    report_format: str | None = None,
    output: Path | None = None,
    force: bool = False,
    plans_only: bool = False,
) -> int:
    """Validate the plans named by ``arguments``, print or write the report; 0 clean, 1 findings."""
    from sqtool import __version__
    from sqtool.console import color_enabled, emit
    from sqtool.generated import refuse_existing
    from sqtool.plan.files import expand_inputs, only_plans, refuse_output_among_inputs
    from sqtool.plan.validate import validate_files
    from sqtool.reporters import ReportContext, default_format, render

    sources = expand_inputs(arguments)
    if plans_only:  # pre-commit hands over every YAML file; keep the plans
        sources = only_plans(sources)
    refuse_output_among_inputs(output, sources)  # even with --force: the report would replace a plan
    refuse_existing(output, force)  # before doing any work; sqtool's own report may be replaced
    validation = validate_files(sources, lang=settings.lang)
    chosen = report_format or default_format()
    context = ReportContext(
        tool_version=__version__,
        lang=settings.lang,
        files=validation.files,
        color=chosen == "text" and color_enabled(settings, sys.stdout if output is None else None),
    )
    report = render(chosen, list(validation.findings), context)
    emit(report, output, force=force, settings=settings, format_name=chosen)
    return EXIT_CLEAN if validation.clean else EXIT_FINDINGS
