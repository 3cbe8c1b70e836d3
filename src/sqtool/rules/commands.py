"""What `sqtool check`, `sqtool rules` and `sqtool explain` do, behind the thin CLI functions."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

import typer

from sqtool.diagnostics import Finding, at_or_above
from sqtool.errors import SqtoolError
from sqtool.i18n import Translator
from sqtool.rules.config import CheckConfig, RuleOptions, build_config, discover, read_config_file
from sqtool.rules.registry import Rule, all_rules, find_rule
from sqtool.settings import Settings

EXIT_CLEAN, EXIT_FINDINGS = 0, 1


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


def resolve_config(request: CheckRequest, cwd: Path | None = None) -> CheckConfig:
    """The discovered (or given) config file merged with the command line."""
    if request.config is not None:
        path = Path(request.config)
        if not path.is_file():
            raise SqtoolError("fs.not_found", hint="fs.not_found_hint", path=request.config)
        raw, source = read_config_file(path), request.config
    else:
        found = discover(cwd or Path.cwd())
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
    from sqtool import __version__
    from sqtool.console import color_enabled, emit
    from sqtool.plan.files import expand_inputs, refuse_output_among_inputs
    from sqtool.reporters import FORMATS, ReportContext, default_format, render
    from sqtool.rules.engine import check_files, rule_docs

    tr = Translator(settings.lang)
    format_name = request.format or default_format()
    if format_name not in FORMATS:
        raise SqtoolError(
            "check.bad_format", hint="check.bad_format_hint", value=format_name, choices=", ".join(FORMATS)
        )
    if request.output is not None and request.output.exists() and not request.force:
        raise SqtoolError("fs.exists", hint="fs.exists_hint", path=str(request.output))  # before any work
    config = resolve_config(request)
    today = _today(request.today)
    sources = expand_inputs(request.files)  # raises for a missing file, an empty glob or folder
    refuse_output_among_inputs(request.output, sources)  # even with --force: the report would replace a plan
    stdin_text = sys.stdin.read() if "-" in sources else None
    result = check_files(sources, config, lang=settings.lang, today=today, stdin_text=stdin_text)
    context = ReportContext(
        tool_version=__version__,
        lang=settings.lang,
        files=result.files,
        color=format_name == "text" and request.output is None and color_enabled(settings, sys.stdout),
        rules=rule_docs(settings.lang),
    )
    report = render(format_name, result.findings, context)
    emit(report, request.output, force=request.force, settings=settings)
    if request.statistics:
        typer.echo(statistics_table(result.findings, tr), err=format_name != "text")
    return EXIT_FINDINGS if at_or_above(result.findings, config.fail_on) else EXIT_CLEAN


def statistics_table(findings: Sequence[Finding], tr: Translator) -> str:
    """Counts per rule, most frequent first: ``count  rule  severity  name``."""
    from tabulate import tabulate

    counts = Counter((finding.rule_id, finding.severity.value) for finding in findings)
    rules = {item.id: item for item in all_rules()}
    rows = [
        [count, rule_id, tr(f"severity.{severity}"), rules[rule_id].name(tr) if rule_id in rules else ""]
        for (rule_id, severity), count in sorted(counts.items(), key=lambda entry: (-entry[1], entry[0]))
    ]
    headers = [tr("check.col.count"), tr("check.col.rule"), tr("check.col.severity"), tr("check.col.name")]
    return f"{tr('check.statistics_title')}\n{tabulate(rows, headers=headers, tablefmt='simple')}"


def rule_record(item: Rule, tr: Translator) -> dict[str, object]:
    """One rule as `sqtool rules --format json` lists it (keys are public API).

    ``name`` is the stable English name in every language, so scripts need not care about --lang;
    ``title`` is the same name in the output language, for people.
    """
    return {
        "id": item.id,
        "name": item.name(Translator("en")),
        "title": item.name(tr),
        "severity": item.severity.value,
        "sources": list(item.sources),
        "family": item.family,
        "summary": item.summary(tr),
        "options": list(item.options),
    }


def list_rules(settings: Settings, format_name: str) -> int:
    """Print every rule as a table or as JSON."""

    tr = Translator(settings.lang)
    if format_name == "json":
        records = [rule_record(item, tr) for item in all_rules()]
        typer.echo(json.dumps({"version": 1, "rules": records}, ensure_ascii=False, indent=2))
        return EXIT_CLEAN
    if format_name != "text":
        raise SqtoolError("check.bad_format", hint="check.bad_format_hint", value=format_name, choices="text, json")
    from sqtool.render.wrap import table, terminal_width

    # Four columns fit 80 terminal columns: the name leads the wrapped "checks" cell instead of a column.
    rows = [
        [
            item.id,
            tr(f"severity.{item.severity.value}"),
            ", ".join(item.sources) or tr("check.no_source"),
            tr("check.name_and_summary", name=item.name(tr), summary=item.summary(tr)),
        ]
        for item in all_rules()
    ]
    headers = ["check.col.rule", "check.col.severity", "check.col.source", "check.col.summary"]
    typer.echo(table([tr(key) for key in headers], rows, width=terminal_width(), wrap_columns=[3]))
    return EXIT_CLEAN


def explain_text(item: Rule, tr: Translator, width: int = 80) -> str:
    """The full explanation of one rule: source, why, a failing and a passing snippet, how to configure.

    Prose is wrapped to ``width`` columns; the YAML snippets are shown exactly as written.
    """
    from sqtool.render.wrap import wrap

    def prose(text: str, indent: str = "") -> list[str]:
        return wrap(text, width, indent=indent, subsequent_indent=indent)

    severity = tr(f"severity.{item.severity.value}")
    lines = prose(f"{item.id} {item.name(tr)} ({tr('explain.default_severity', severity=severity)})")
    if item.sources:
        lines += prose(tr("explain.source", articles=", ".join(item.sources)))
    else:
        lines += prose(tr("explain.no_source"))
    lines += prose(item.summary(tr))
    lines += ["", tr("explain.why"), *prose(tr(f"rules.{item.id}.why"), "  ")]
    for heading, key in (("explain.bad", "bad"), ("explain.good", "good")):
        lines += ["", tr(heading), _indent(tr(f"rules.{item.id}.{key}"))]
    lines += ["", tr("explain.configure")]
    for line in tr("explain.configure_text", rule=item.id).split("\n"):
        lines += wrap(line, width, indent="  ", subsequent_indent="    ")
    defaults = {field.name: field.default for field in fields(RuleOptions)}
    for name in item.options:
        option_line = tr("explain.option", name=name, default=defaults[name], setting=name.replace("_", "-"))
        lines += wrap(option_line, width, indent="  ", subsequent_indent="    ")
    return "\n".join(lines) + "\n"


def _indent(block: str) -> str:
    return "\n".join(f"  {line}" if line else "" for line in block.split("\n"))


def explain_rule(settings: Settings, rule_id: str) -> int:
    """Print the explanation of ``rule_id``; unknown ids are a usage error."""
    item = find_rule(rule_id)
    if item is None:
        raise SqtoolError("explain.unknown", hint="explain.unknown_hint", rule=rule_id)
    from sqtool.render.wrap import terminal_width

    typer.echo(explain_text(item, Translator(settings.lang), terminal_width()), nl=False)
    return EXIT_CLEAN
