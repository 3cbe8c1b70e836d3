"""`sqtool check`: schema, then every rule, over plan files; exit 1 when a finding reaches --fail-on."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqtool.commands import findings_exit
from sqtool.errors import SqtoolError
from sqtool.fsutil import current_folder
from sqtool.rules.config import CheckConfig, build_config, discover, read_config_file
from sqtool.rules.registry import all_rules
from sqtool.settings import Lang, Settings


@dataclass(frozen=True, slots=True)
class CheckRequest:
    """The options of one `sqtool check` run, as typed on the command line."""

    files: tuple[str, ...]
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[str, ...] = ()
    fail_on: str | None = None
    format: str | None = None
    statistics: bool = False
    config: str | None = None
    today: str | None = None
    output: Path | None = None
    force: bool = False
    plans_only: bool = False  # skip YAML files that are not plans (pre-commit hooks)


def resolve_config(request: CheckRequest, cwd: Path | None = None, *, lang: Lang = "en") -> CheckConfig:
    """The discovered (or given) config file merged with the command line."""
    raw: Mapping[str, Any] | None
    source: str | None
    if request.config is not None:
        path = Path(request.config)
        if not path.is_file():
            raise SqtoolError("fs.not_found", hint="fs.not_found_hint", path=request.config)
        raw, source = read_config_file(path, lang=lang), request.config
    else:
        found = discover(cwd or current_folder(), lang=lang)
        raw, source = found if found else (None, None)
    return build_config(
        raw,
        source=source,
        known_ids=[item.id for item in all_rules()],
        select=_split(request.select) or None,
        ignore=_split(request.ignore),
        severity=request.severity,
        fail_on=request.fail_on,
    )


def _split(values: Sequence[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _today(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise SqtoolError("check.bad_today", hint="check.bad_today_hint", value=value) from None


def run_check(settings: Settings, request: CheckRequest) -> int:
    """Check every plan, print the report (and statistics), return the exit code."""
    import typer

    from sqtool import __version__
    from sqtool.commands.inputs import refuse_input_as_output
    from sqtool.console import color_enabled, emit
    from sqtool.generated import refuse_existing
    from sqtool.i18n import Translator
    from sqtool.plan.files import expand_inputs, only_plans, refuse_output_among_inputs
    from sqtool.render.rules import statistics_table
    from sqtool.reporters import FORMATS, ReportContext, default_format, render
    from sqtool.rules.engine import check_files, rule_docs

    format_name = request.format or default_format()
    if format_name not in FORMATS:
        raise SqtoolError(
            "check.bad_format", hint="check.bad_format_hint", value=format_name, choices=", ".join(FORMATS)
        )
    refuse_existing(request.output, request.force)  # before any work; sqtool's own report may be replaced
    config = resolve_config(request, lang=settings.lang)
    refuse_input_as_output(request.output, [("config", config.source)])  # --config or the one found
    today = _today(request.today)
    sources = expand_inputs(request.files)  # raises for a missing file, an empty glob or folder
    if request.plans_only:
        sources = only_plans(sources)
    refuse_output_among_inputs(request.output, sources)  # even with --force: the report would replace a plan
    stdin_text = _plan_from_stdin() if "-" in sources else None
    result = check_files(sources, config, lang=settings.lang, today=today, stdin_text=stdin_text)
    context = ReportContext(
        tool_version=__version__,
        lang=settings.lang,
        files=result.files,
        color=format_name == "text" and request.output is None and color_enabled(settings, sys.stdout),
        rules=rule_docs(settings.lang),
    )
    report = render(format_name, result.findings, context)
    emit(report, request.output, force=request.force, settings=settings, format_name=format_name)
    if request.statistics:
        table = statistics_table(result.findings, all_rules(), Translator(settings.lang))
        typer.echo(table, err=format_name != "text")
    return findings_exit(result.findings, config.fail_on)


def _plan_from_stdin() -> str:
    """Stdin as a plan's text: read no further than one byte past the plan size limit (the loader says
    that it is too large), so `check - < /dev/zero` stops at once."""
    from sqtool.fsutil import read_stdin
    from sqtool.plan.load import MAX_BYTES

    return read_stdin(MAX_BYTES + 1).decode("utf-8", "surrogateescape")
