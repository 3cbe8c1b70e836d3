"""`sqtool audit`: options, read, measure, render, write, save; exit 1 when drift reaches --fail-on.

The plan and the zone are read by sqtool.audit.loading (shared with `portfolio`); both names stay here too."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqtool.audit.loading import audit_zone
from sqtool.audit.options import DEFAULT_AD_KEYWORDS, DEFAULT_RESPONSE_CUTOFF_MINUTES, AuditOptions
from sqtool.audit.report import AuditReport
from sqtool.commands import findings_exit
from sqtool.commands.inputs import refuse_input_as_output
from sqtool.diagnostics import fail_threshold
from sqtool.errors import SqtoolError
from sqtool.plan.model import PlanModel
from sqtool.plan.schema import load_valid_plan
from sqtool.settings import Settings


@dataclass(frozen=True, slots=True)
class AuditArguments:
    """The raw values of the `sqtool audit` options, as typer hands them over."""

    exports: tuple[str, ...]
    export_format: str | None = None  # --format (reader format)
    plan: str | None = None
    roster: str | None = None
    members: int | None = None
    since: str | None = None
    until: str | None = None
    tz: str | None = None
    exclude: tuple[str, ...] = ()
    response_cutoff_minutes: float = DEFAULT_RESPONSE_CUTOFF_MINUTES
    ad_keywords: str | None = None  # comma-separated words, or @FILE with one word per line
    report: str = "text"  # --report text|md|json|csv
    output: str | None = None  # -o PATH
    force: bool = False
    save: bool = False
    history: str | None = None
    fail_on: str = "never"
    lenient: bool = False
    date_order: str | None = None  # --date-order dmy|mdy|ymd for WhatsApp dates
    top: int = 10  # --top: senders listed, 0 for all
    lists_csv: str | None = None  # --lists-csv DIR: each member list as a CSV file
    anonymize: bool = False  # --anonymize: pseudonyms for members, contacts masked (render/anonymize.py)
    anonymize_salt: str | None = None  # --anonymize-salt: the same pseudonyms run after run (implies --anonymize)
    keep_group_name: bool = False  # --keep-group-name: an anonymized report still names the group


MAX_MEMBERS = 10**9  # more than any chat platform allows in one group
MAX_CUTOFF_MINUTES = 366 * 24 * 60  # a year: longer is no longer a response time
MAX_TOP = 10**6


def parse_day(value: str | None, option: str) -> date | None:
    from sqtool.chat.model import FIRST_YEAR, LAST_YEAR

    if value is None:
        return None
    try:
        day = date.fromisoformat(value.strip())
    except ValueError as error:
        raise SqtoolError("audit.bad_date", hint="audit.bad_date_hint", option=option, value=value) from error
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise SqtoolError(
            "audit.date_out_of_range",
            hint="audit.bad_date_hint",
            option=option,
            value=value,
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )
    return day


MAX_KEYWORD_BYTES = 1 << 20  # a list of ad words is a few kilobytes


def parse_ad_keywords(value: str | None) -> tuple[str, ...]:
    if value is None:
        return DEFAULT_AD_KEYWORDS
    if value.startswith("@"):
        path = value[1:]
        from sqtool.fsutil import read_input

        try:  # a FIFO or device is refused; a keyword list is small, so read no more than MAX_KEYWORD_BYTES
            lines = read_input(path, path, MAX_KEYWORD_BYTES).decode("utf-8-sig").splitlines()
        except UnicodeDecodeError as error:
            raise SqtoolError("fs.cannot_read", path=path, reason=str(error)) from error
        return tuple(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))
    return tuple(word.strip() for word in value.split(",") if word.strip())


def audit_inputs(arguments: AuditArguments) -> list[tuple[str, str | None]]:
    """Every file the audit reads, by kind: the exports, roster, plan, ad-keyword file, and the history
    database when --save writes to it or --history names it."""
    from sqtool.audit.history import default_history_path

    ad_file = arguments.ad_keywords[1:] if arguments.ad_keywords and arguments.ad_keywords.startswith("@") else None
    history = arguments.history
    if history is None and arguments.save:
        history = str(default_history_path(arguments.plan))
    return [
        *(("export", export) for export in arguments.exports),
        ("roster", arguments.roster),
        ("plan", arguments.plan),
        ("ad_keywords", ad_file),
        ("history", history),
    ]


def build_options(arguments: AuditArguments, settings: Settings) -> AuditOptions:
    """AuditOptions from the command's arguments; loads the plan and the roster (errors name file and line)."""
    from sqtool.audit.roster import load_roster

    if arguments.members is not None and arguments.members < 0:
        raise SqtoolError("audit.bad_members", hint="audit.bad_members_hint", value=arguments.members)
    if arguments.members is not None and arguments.members > MAX_MEMBERS:
        raise SqtoolError("audit.too_large", hint="audit.bad_members_hint", option="--members", limit=MAX_MEMBERS)
    if not arguments.response_cutoff_minutes > 0:  # NaN too
        raise SqtoolError("audit.bad_cutoff", hint="audit.bad_cutoff_hint", value=arguments.response_cutoff_minutes)
    if arguments.response_cutoff_minutes > MAX_CUTOFF_MINUTES:
        raise SqtoolError(
            "audit.too_large", hint="audit.bad_cutoff_hint", option="--response-cutoff", limit=MAX_CUTOFF_MINUTES
        )
    if arguments.top < 0:
        raise SqtoolError("audit.bad_top", hint="audit.bad_top_hint", value=arguments.top)
    if arguments.top > MAX_TOP:
        raise SqtoolError("audit.too_large", hint="audit.bad_top_hint", option="--top", limit=MAX_TOP)
    since, until = parse_day(arguments.since, "--since"), parse_day(arguments.until, "--until")
    plan = None
    if arguments.plan is not None:
        plan = PlanModel.of(load_valid_plan(arguments.plan, settings.lang))
    return AuditOptions(
        since=since,
        until=until,
        tz=audit_zone(arguments.tz, plan),
        members=arguments.members,
        roster=load_roster(arguments.roster, lang=settings.lang) if arguments.roster is not None else None,
        plan=plan,
        exclude=frozenset(arguments.exclude),
        response_cutoff_minutes=arguments.response_cutoff_minutes,
        ad_keywords=parse_ad_keywords(arguments.ad_keywords),
        lang=settings.lang,
    )


def audit_action(settings: Settings, arguments: AuditArguments, *, color: bool | None = None) -> int:
    """Run a whole `sqtool audit`: options, read, measure, render, write, save; returns the exit code."""
    import sys

    from sqtool.audit.engine import run_audit
    from sqtool.chat.read import read_exports
    from sqtool.console import color_enabled, emit
    from sqtool.generated import output_path, refuse_existing
    from sqtool.i18n import Translator
    from sqtool.render.audit import REPORT_FORMATS, render_report, report_width
    from sqtool.render.progress import progress_bar

    if arguments.report not in REPORT_FORMATS:
        raise SqtoolError(
            "audit.bad_format", hint="audit.bad_format_hint", value=arguments.report, choices=", ".join(REPORT_FORMATS)
        )
    threshold = fail_threshold(arguments.fail_on)
    output = output_path(arguments.output)
    tables = arguments.report == "csv"
    if tables:  # a folder of tables (commands/audit_csv.py), checked before the read like a file
        from sqtool.commands.audit_csv import csv_folder

        for table_file in csv_folder(output, force=arguments.force):
            refuse_input_as_output(table_file, audit_inputs(arguments))  # even with --force
    else:
        refuse_input_as_output(output, audit_inputs(arguments))  # even with --force
        refuse_existing(output, arguments.force)  # before a long read; sqtool's own report may be replaced
    from pathlib import Path

    lists_folder = Path(arguments.lists_csv) if arguments.lists_csv is not None else None
    if lists_folder is not None:
        from sqtool.commands.audit_csv import lists_files

        for list_file in lists_files(lists_folder, force=arguments.force):
            refuse_input_as_output(list_file, audit_inputs(arguments))
    options = build_options(arguments, settings)
    if tables or arguments.report == "html":  # the HTML page draws the response times of every question
        import dataclasses

        options = dataclasses.replace(options, tables=True)
    with progress_bar(settings, Translator(settings.lang)("audit.reading")) as progress:
        records = read_exports(
            list(arguments.exports),
            format=arguments.export_format,
            tz=options.tz,
            lenient=arguments.lenient,
            progress=progress,
            date_order=arguments.date_order,
            lang=settings.lang,
        )
        report = run_audit(records, options)
    saved = report
    if arguments.anonymize or arguments.anonymize_salt is not None:
        from sqtool.render.anonymize import anonymized

        report = anonymized(
            report,
            Translator(settings.lang),
            salt=arguments.anonymize_salt,
            keep_group_name=arguments.keep_group_name,
        )
    if lists_folder is not None:
        from sqtool.commands.audit_csv import write_lists_csv

        write_lists_csv(report, lists_folder, force=arguments.force, settings=settings)
    if tables and output is not None:
        from sqtool.commands.audit_csv import write_csv_tables

        write_csv_tables(report, output, force=arguments.force, settings=settings)
    elif arguments.report == "json":  # written as it is made: a list of 10^5 questions is never held whole
        from sqtool.console import emit_chunks
        from sqtool.render.audit import json_report_chunks

        chunks = json_report_chunks(report, settings.lang, top=arguments.top)
        emit_chunks(chunks, output, force=arguments.force, settings=settings, format_name=arguments.report)
    else:
        if color is None:
            color = output is None and color_enabled(settings, sys.stdout)
        width = report_width() if output is None else 100
        content = render_report(
            report, arguments.report, settings.lang, color=bool(color), width=width, top=arguments.top
        )
        emit(content, output, force=arguments.force, settings=settings, format_name=arguments.report)
    if arguments.save:
        save_to_history(settings, arguments, options, saved)
    return findings_exit(report.findings, threshold)


def save_to_history(settings: Settings, arguments: AuditArguments, options: AuditOptions, report: AuditReport) -> None:
    """--save: store the report under its group (the plan's community name and file, else the
    export's group, else the export's path), replacing the same period's audit, and say which."""
    import typer

    from sqtool.audit.history import default_history_path, group_of, save_summary
    from sqtool.i18n import Translator

    community = options.plan.community.name if options.plan is not None else None
    group = group_of(
        community_name=community.value if community is not None else None,
        plan_path=arguments.plan,
        export_group=report.source.group,
        exports=arguments.exports,
    )
    path = arguments.history or str(default_history_path(arguments.plan))
    saved = save_summary(path, report, group)
    if not settings.quiet:
        key = "history.replaced" if saved.replaced else "history.saved"
        typer.echo(Translator(settings.lang)(key, period=saved.period, path=path, group=group.label), err=True)
