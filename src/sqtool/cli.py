"""The sqtool command line, typer only: each command parses its options and makes one call into
``sqtool.commands``, which does the work and decides the exit code.

Heavy modules (jsonschema, the readers, the audit) are imported inside the commands so that
``sqtool --help`` starts fast. Help texts come from the catalogue through ``sqtool.cli_help``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Annotated, NoReturn

import typer

from sqtool import __version__
from sqtool.cli_help import HELP_LANG, LANGS, SqtoolCommand, SqtoolGroup, help_language, tr_help
from sqtool.completion import plan_paths, playbook_names, rule_id_list, rule_ids
from sqtool.generated import output_path
from sqtool.reporters import FORMATS
from sqtool.settings import (
    LIMIT_OPTIONS,
    SIZE_LIMITS,
    ColorMode,
    Limits,
    Settings,
    lang_from_locale,
    parse_count,
    parse_size,
)

__all__ = ["app", "help_language", "main"]

COLOR_MODES: tuple[ColorMode, ...] = ("auto", "always", "never")

app = typer.Typer(
    name="sqtool",
    cls=SqtoolGroup,
    help=tr_help("cli.app.help"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def command(name: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register a command with its summary, help body and examples from the catalogue (cli.NAME.*)."""
    return app.command(
        name, cls=SqtoolCommand, help=tr_help(f"cli.{name}.help"), short_help=tr_help(f"cli.{name}.short")
    )


def _version(ctx: typer.Context, value: bool) -> None:
    if value:
        from sqtool._native import status
        from sqtool.i18n import text

        typer.echo(f"sqtool {__version__}")
        arguments = getattr(ctx.find_root().command, "arguments", sys.argv[1:])
        lang = help_language(arguments)
        key, args = status(lang)
        typer.echo(text(key, lang, **args))
        from sqtool.commands import EXIT_CLEAN

        raise typer.Exit(EXIT_CLEAN)


@app.callback()
def root(
    ctx: typer.Context,
    lang: Annotated[str | None, typer.Option("--lang", metavar="en|zh", help=tr_help("cli.opt.lang"))] = None,
    color: Annotated[
        str, typer.Option("--color", metavar="|".join(COLOR_MODES), help=tr_help("cli.opt.color"))
    ] = "auto",
    no_color: Annotated[bool, typer.Option("--no-color", help=tr_help("cli.opt.no_color"))] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=tr_help("cli.opt.quiet"))] = False,
    debug: Annotated[bool, typer.Option("--debug", help=tr_help("cli.opt.debug"))] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help=tr_help("cli.opt.version"))
    ] = False,
    max_input_bytes: Annotated[
        str | None, typer.Option("--max-input-bytes", metavar="SIZE", help=tr_help("cli.opt.max_input_bytes"))
    ] = None,
    max_zip_members: Annotated[
        str | None, typer.Option("--max-zip-members", metavar="N", help=tr_help("cli.opt.max_zip_members"))
    ] = None,
    max_zip_ratio: Annotated[
        str | None, typer.Option("--max-zip-ratio", metavar="N", help=tr_help("cli.opt.max_zip_ratio"))
    ] = None,
    max_depth: Annotated[
        str | None, typer.Option("--max-depth", metavar="N", help=tr_help("cli.opt.max_depth"))
    ] = None,
    max_string_bytes: Annotated[
        str | None, typer.Option("--max-string-bytes", metavar="SIZE", help=tr_help("cli.opt.max_string_bytes"))
    ] = None,
    max_records: Annotated[
        str | None, typer.Option("--max-records", metavar="N", help=tr_help("cli.opt.max_records"))
    ] = None,
    max_int_digits: Annotated[
        str | None, typer.Option("--max-int-digits", metavar="N", help=tr_help("cli.opt.max_int_digits"))
    ] = None,
    max_seconds: Annotated[
        str | None, typer.Option("--max-seconds", metavar="N", help=tr_help("cli.opt.max_seconds"))
    ] = None,
    max_folder_depth: Annotated[
        str | None, typer.Option("--max-folder-depth", metavar="N", help=tr_help("cli.opt.max_folder_depth"))
    ] = None,
) -> None:
    from sqtool.i18n import text

    chosen = lang or lang_from_locale()
    if chosen not in LANGS:
        raise typer.BadParameter(text("core.bad_lang", HELP_LANG, value=chosen), param_hint="--lang")
    if color not in COLOR_MODES:
        raise typer.BadParameter(text("cli.bad_color", chosen, value=color), param_hint="--color")
    given = {
        "input_bytes": max_input_bytes,
        "zip_members": max_zip_members,
        "zip_ratio": max_zip_ratio,
        "depth": max_depth,
        "string_bytes": max_string_bytes,
        "records": max_records,
        "int_digits": max_int_digits,
        "seconds": max_seconds,
        "folder_depth": max_folder_depth,
    }
    limits = _limits(given, chosen)
    ctx.obj = Settings(lang=chosen, color="never" if no_color else color, quiet=quiet, debug=debug, limits=limits)


def _limits(given: dict[str, str | None], lang: str) -> Limits:
    """The limits of this run: the defaults, with each --max-… option given in its place."""
    from sqtool.i18n import text

    chosen: dict[str, int] = {}
    for name, value in given.items():
        if value is None:
            continue
        try:
            chosen[name] = parse_size(value) if name in SIZE_LIMITS else parse_count(value)
        except ValueError:
            option = LIMIT_OPTIONS[name]
            message = text("limit.bad_value", lang, value=value, option=option)  # type: ignore[arg-type]
            hint = text("limit.bad_value_hint", lang)  # type: ignore[arg-type]
            raise typer.BadParameter(f"{message} ({hint})", param_hint=option) from None
    return Limits(**chosen)


def settings_of(ctx: typer.Context) -> Settings:
    return ctx.obj if isinstance(ctx.obj, Settings) else Settings(lang=lang_from_locale())


def run(ctx: typer.Context, action: Callable[[Settings], int]) -> NoReturn:
    """Run one command's action (``sqtool.commands``) and exit with the code it decides."""
    from sqtool.commands import execute

    raise typer.Exit(execute(settings_of(ctx), action))


# Commands are registered below, one block each, in the order of `sqtool --help`.
# -- commands --

# Options that several commands share, declared once; each command adds only what is its own.
PlanFilesArgument = Annotated[
    list[str],
    typer.Argument(metavar="FILE", help=tr_help("cli.arg.plan_files"), show_default=False, autocompletion=plan_paths),
]
# --format choices come from the reporters' registry, so a new reporter shows up here by itself;
# numbers and choices are read as text and checked by sqtool, so a bad one is told in the chosen language
ReportFormatOption = Annotated[
    str | None,
    typer.Option(
        "--format", "-f", metavar="|".join(FORMATS), help=tr_help("cli.opt.report_format"), show_default=False
    ),
]
OutputOption = Annotated[str | None, typer.Option("--output", "-o", metavar="FILE", help=tr_help("cli.opt.output"))]
ForceOption = Annotated[bool, typer.Option("--force", help=tr_help("cli.opt.force"))]
HistoryOption = Annotated[str | None, typer.Option("--history", metavar="FILE", help=tr_help("cli.opt.history"))]
PlansOnlyOption = Annotated[bool, typer.Option("--plans-only", help=tr_help("cli.opt.plans_only"))]
AnonymizeOption = Annotated[bool, typer.Option("--anonymize", help=tr_help("cli.opt.anonymize"))]
AnonymizeSaltOption = Annotated[
    str | None, typer.Option("--anonymize-salt", metavar="TEXT", help=tr_help("cli.opt.anonymize_salt"))
]
KeepGroupNameOption = Annotated[bool, typer.Option("--keep-group-name", help=tr_help("cli.opt.keep_group_name"))]
TextOrJsonOption = Annotated[
    str, typer.Option("--format", "-f", metavar="text|json", help=tr_help("cli.opt.text_or_json"))
]


def format_value(report_format: str | None) -> str | None:
    """A --format choice of the reporters, None when not given (the reporters pick their default)."""
    if report_format is not None and report_format not in FORMATS:
        from sqtool.errors import SqtoolError

        raise SqtoolError("cli.err.not_choice", option="--format", value=report_format, choices=", ".join(FORMATS))
    return report_format


def whole_value(value: str | None, option: str) -> int | None:
    """An option's whole number (``--members 500``), None when not given."""
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        from sqtool.errors import SqtoolError

        raise SqtoolError("cli.err.not_whole", option=option, value=value) from None


def number_value(value: str, option: str) -> float:
    """An option's number (``--response-cutoff 90``)."""
    try:
        return float(value.strip())
    except ValueError:
        from sqtool.errors import SqtoolError

        raise SqtoolError("cli.err.not_number", option=option, value=value) from None


@command("validate")
def validate(
    ctx: typer.Context,
    files: PlanFilesArgument,
    report_format: ReportFormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    plans_only: PlansOnlyOption = False,
) -> None:
    def action(settings: Settings) -> int:
        from sqtool.commands.validate import run_validate

        return run_validate(
            settings,
            files,
            report_format=format_value(report_format),
            output=output_path(output),
            force=force,
            plans_only=plans_only,
        )

    run(ctx, action)


@command("schema")
def schema(ctx: typer.Context, output: OutputOption = None, force: ForceOption = False) -> None:
    def action(settings: Settings) -> int:
        from sqtool.commands.schema import run_schema

        return run_schema(settings, output=output_path(output), force=force)

    run(ctx, action)


@command("check")
def check_command(
    ctx: typer.Context,
    files: PlanFilesArgument,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", metavar="IDS", help=tr_help("cli.check.opt.select"), autocompletion=rule_id_list),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", metavar="IDS", help=tr_help("cli.check.opt.ignore"), autocompletion=rule_id_list),
    ] = None,
    severity: Annotated[
        list[str] | None, typer.Option("--severity", metavar="RULE=LEVEL", help=tr_help("cli.check.opt.severity"))
    ] = None,
    fail_on: Annotated[
        str | None, typer.Option("--fail-on", metavar="error|warning|info", help=tr_help("cli.check.opt.fail_on"))
    ] = None,
    report_format: ReportFormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    statistics: Annotated[bool, typer.Option("--statistics", help=tr_help("cli.check.opt.statistics"))] = False,
    config: Annotated[
        str | None, typer.Option("--config", metavar="FILE", help=tr_help("cli.check.opt.config"))
    ] = None,
    today: Annotated[
        str | None, typer.Option("--today", metavar="YYYY-MM-DD", help=tr_help("cli.check.opt.today"))
    ] = None,
    plans_only: PlansOnlyOption = False,
) -> None:
    def action(settings: Settings) -> int:
        from sqtool.commands.check import CheckRequest, run_check

        request = CheckRequest(
            files=tuple(files),
            select=tuple(select or ()),
            ignore=tuple(ignore or ()),
            severity=tuple(severity or ()),
            fail_on=fail_on,
            format=format_value(report_format),
            statistics=statistics,
            output=output_path(output),
            force=force,
            config=config,
            today=today,
            plans_only=plans_only,
        )
        return run_check(settings, request)

    run(ctx, action)


@command("plan")
def plan_command(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE", help=tr_help("cli.plan.arg.file"), show_default=False, autocompletion=plan_paths
        ),
    ],
    weeks: Annotated[str | None, typer.Option("--weeks", metavar="N", help=tr_help("cli.plan.opt.weeks"))] = None,
    start: Annotated[
        str | None, typer.Option("--start", metavar="YYYY-MM-DD", help=tr_help("cli.plan.opt.start"))
    ] = None,
    tz: Annotated[str | None, typer.Option("--tz", metavar="ZONE", help=tr_help("cli.plan.opt.tz"))] = None,
    plan_format: Annotated[
        str, typer.Option("--format", "-f", metavar="text|md|json", help=tr_help("cli.plan.opt.format"))
    ] = "text",
    output: OutputOption = None,
    ics: Annotated[str | None, typer.Option("--ics", metavar="FILE", help=tr_help("cli.plan.opt.ics"))] = None,
    force: ForceOption = False,
    fail_on: Annotated[
        str, typer.Option("--fail-on", metavar="error|warning|info|never", help=tr_help("cli.plan.opt.fail_on"))
    ] = "error",
) -> None:
    def action(settings: Settings) -> int:
        from sqtool.commands.plan import PlanRequest, run_plan

        request = PlanRequest(
            file=file,
            weeks=weeks,
            start=start,
            tz=tz,
            format=plan_format,
            output=output_path(output),
            ics=output_path(ics),
            force=force,
            fail_on=fail_on,
        )
        return run_plan(settings, request)

    run(ctx, action)


@command("rules")
def rules_command(ctx: typer.Context, format_name: TextOrJsonOption = "text") -> None:
    from sqtool.commands.rules import list_rules

    run(ctx, lambda settings: list_rules(settings, format_name))


@command("explain")
def explain_command(
    ctx: typer.Context,
    rule_id: Annotated[
        str,
        typer.Argument(
            metavar="RULE", help=tr_help("cli.explain.arg.rule"), show_default=False, autocompletion=rule_ids
        ),
    ],
) -> None:
    from sqtool.commands.explain import explain_rule

    run(ctx, lambda settings: explain_rule(settings, rule_id))


@command("audit")
def audit(
    ctx: typer.Context,
    exports: Annotated[
        list[str], typer.Argument(metavar="EXPORT", help=tr_help("cli.audit.arg.exports"), show_default=False)
    ],
    export_format: Annotated[
        str | None, typer.Option("--format", "-f", metavar="NAME", help=tr_help("cli.audit.opt.format"))
    ] = None,
    tz: Annotated[str | None, typer.Option("--tz", metavar="ZONE", help=tr_help("cli.audit.opt.tz"))] = None,
    lenient: Annotated[bool, typer.Option("--lenient", help=tr_help("cli.audit.opt.lenient"))] = False,
    date_order: Annotated[
        str | None, typer.Option("--date-order", metavar="dmy|mdy|ymd", help=tr_help("cli.audit.opt.date_order"))
    ] = None,
    plan: Annotated[
        str | None,
        typer.Option("--plan", metavar="FILE", help=tr_help("cli.audit.opt.plan"), autocompletion=plan_paths),
    ] = None,
    roster: Annotated[
        str | None, typer.Option("--roster", metavar="FILE", help=tr_help("cli.audit.opt.roster"))
    ] = None,
    members: Annotated[
        str | None, typer.Option("--members", metavar="N", help=tr_help("cli.audit.opt.members"))
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", metavar="YYYY-MM-DD", help=tr_help("cli.audit.opt.since"))
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", metavar="YYYY-MM-DD", help=tr_help("cli.audit.opt.until"))
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", metavar="WHO", help=tr_help("cli.audit.opt.exclude"))
    ] = None,
    response_cutoff: Annotated[
        str,
        typer.Option("--response-cutoff", metavar="MINUTES", help=tr_help("cli.audit.opt.response_cutoff")),
    ] = "1440",
    ad_keywords: Annotated[
        str | None, typer.Option("--ad-keywords", metavar="WORDS", help=tr_help("cli.audit.opt.ad_keywords"))
    ] = None,
    report: Annotated[
        str, typer.Option("--report", "-r", metavar="text|md|json|csv|html", help=tr_help("cli.audit.opt.report"))
    ] = "text",
    output: OutputOption = None,
    force: ForceOption = False,
    save: Annotated[bool, typer.Option("--save", help=tr_help("cli.audit.opt.save"))] = False,
    history: HistoryOption = None,
    fail_on: Annotated[
        str,
        typer.Option("--fail-on", metavar="error|warning|info|never", help=tr_help("cli.audit.opt.fail_on")),
    ] = "never",
    top: Annotated[str, typer.Option("--top", metavar="N", help=tr_help("cli.audit.opt.top"))] = "10",
    lists_csv: Annotated[
        str | None, typer.Option("--lists-csv", metavar="DIR", help=tr_help("cli.audit.opt.lists_csv"))
    ] = None,
    anonymize: AnonymizeOption = False,
    anonymize_salt: AnonymizeSaltOption = None,
    keep_group_name: KeepGroupNameOption = False,
) -> None:
    def action(settings: Settings) -> int:
        from sqtool.commands.audit import AuditArguments, audit_action

        arguments = AuditArguments(
            exports=tuple(exports),
            export_format=export_format,
            plan=plan,
            roster=roster,
            members=whole_value(members, "--members"),
            since=since,
            until=until,
            tz=tz,
            exclude=tuple(exclude or ()),
            response_cutoff_minutes=number_value(response_cutoff, "--response-cutoff"),
            ad_keywords=ad_keywords,
            report=report,
            output=output,
            force=force,
            save=save,
            history=history,
            fail_on=fail_on,
            lenient=lenient,
            date_order=date_order,
            top=whole_value(top, "--top") or 0,
            lists_csv=lists_csv,
            anonymize=anonymize,
            anonymize_salt=anonymize_salt,
            keep_group_name=keep_group_name,
        )
        return audit_action(settings, arguments)

    run(ctx, action)


@command("portfolio")
def portfolio_command(
    ctx: typer.Context,
    target: Annotated[
        list[str],
        typer.Argument(metavar="MANIFEST | init DIR", help=tr_help("cli.portfolio.arg.target"), show_default=False),
    ],
    jobs: Annotated[str, typer.Option("--jobs", "-j", metavar="N", help=tr_help("cli.portfolio.opt.jobs"))] = "1",
    executor: Annotated[
        str | None,
        typer.Option(
            "--executor", metavar="processes|dask|dask://HOST:PORT", help=tr_help("cli.portfolio.opt.executor")
        ),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", metavar="YYYY-MM-DD", help=tr_help("cli.portfolio.opt.since"))
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", metavar="YYYY-MM-DD", help=tr_help("cli.portfolio.opt.until"))
    ] = None,
    where: Annotated[
        list[str] | None, typer.Option("--where", metavar="FIELD=VALUE", help=tr_help("cli.portfolio.opt.where"))
    ] = None,
    by: Annotated[str | None, typer.Option("--by", metavar="TAG", help=tr_help("cli.portfolio.opt.by"))] = None,
    sort: Annotated[
        str,
        typer.Option(
            "--sort", metavar="status|score|messages|active|change|name", help=tr_help("cli.portfolio.opt.sort")
        ),
    ] = "status",
    report: Annotated[
        str, typer.Option("--report", "-r", metavar="text|md|json|html", help=tr_help("cli.portfolio.opt.report"))
    ] = "text",
    with_details: Annotated[
        str | None, typer.Option("--with-details", metavar="DIR", help=tr_help("cli.portfolio.opt.with_details"))
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    save: Annotated[bool, typer.Option("--save", help=tr_help("cli.portfolio.opt.save"))] = False,
    history: HistoryOption = None,
    fail_on: Annotated[
        str,
        typer.Option("--fail-on", metavar="error|warning|info|never", help=tr_help("cli.portfolio.opt.fail_on")),
    ] = "error",
    lenient: Annotated[bool, typer.Option("--lenient", help=tr_help("cli.audit.opt.lenient"))] = False,
) -> None:
    def action(settings: Settings) -> int:
        from sqtool.commands.portfolio import PortfolioArguments, portfolio_action, portfolio_init, targets

        manifest, folder = targets(target)
        if folder is not None:
            return portfolio_init(settings, folder, output, force)
        arguments = PortfolioArguments(
            manifest=manifest,
            jobs=whole_value(jobs, "--jobs") or 0,
            executor=executor,
            since=since,
            until=until,
            report=report,
            output=output,
            force=force,
            save=save,
            history=history,
            where=tuple(where or ()),
            by=by,
            sort=sort,
            fail_on=fail_on,
            lenient=lenient,
            with_details=with_details,
        )
        return portfolio_action(settings, arguments)

    run(ctx, action)


@command("playbooks")
def playbooks_command(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="NAME", help=tr_help("cli.playbooks.arg.name"), show_default=False, autocompletion=playbook_names
        ),
    ] = None,
    raw: Annotated[bool, typer.Option("--yaml", help=tr_help("cli.playbooks.opt.yaml"))] = False,
) -> None:
    def action(settings: Settings) -> int:
        from sqtool.commands.playbooks import show_all, show_one

        return show_one(settings, name, raw=raw) if name else show_all(settings)

    run(ctx, action)


@command("init")
def init_command(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(metavar="PATH", help=tr_help("cli.init.arg.path"))] = "plan.yaml",
    playbook: Annotated[
        str | None,
        typer.Option(
            "--playbook", "-p", metavar="NAME", help=tr_help("cli.init.opt.playbook"), autocompletion=playbook_names
        ),
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help=tr_help("cli.init.opt.yes"))] = False,
    assignments: Annotated[
        list[str] | None, typer.Option("--set", metavar="KEY.PATH=VALUE", help=tr_help("cli.init.opt.set"))
    ] = None,
    answers: Annotated[
        str | None, typer.Option("--answers", metavar="FILE", help=tr_help("cli.init.opt.answers"))
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=tr_help("cli.init.opt.force"))] = False,
    interactive: Annotated[bool, typer.Option("--interactive", help=tr_help("cli.init.opt.interactive"))] = False,
    resume: Annotated[bool, typer.Option("--resume", help=tr_help("cli.init.opt.resume"))] = False,
) -> None:
    def action(settings: Settings) -> int:
        from sqtool.commands.init import InitOptions, init

        options = InitOptions(
            path=path,
            playbook=playbook,
            yes=yes,
            assignments=tuple(assignments or ()),
            answers=answers,
            force=force,
            interactive=interactive,
            resume=resume,
        )
        return init(settings, options)

    run(ctx, action)


@command("history")
def history_command(
    ctx: typer.Context,
    history: HistoryOption = None,
    plan: Annotated[
        str | None,
        typer.Option("--plan", metavar="FILE", help=tr_help("cli.history.opt.plan"), autocompletion=plan_paths),
    ] = None,
    group: Annotated[str | None, typer.Option("--group", metavar="NAME", help=tr_help("cli.history.opt.group"))] = None,
    output_format: Annotated[
        str,
        typer.Option("--format", "-f", "--report", metavar="text|json|html", help=tr_help("cli.history.opt.format")),
    ] = "text",
    output: OutputOption = None,
    force: ForceOption = False,
    anonymize: AnonymizeOption = False,
    anonymize_salt: AnonymizeSaltOption = None,
    keep_group_name: KeepGroupNameOption = False,
    delete: Annotated[
        str | None, typer.Option("--delete", metavar="PERIOD", help=tr_help("cli.history.opt.delete"))
    ] = None,
    all_groups: Annotated[bool, typer.Option("--all", help=tr_help("cli.history.opt.all"))] = False,
    last: Annotated[
        int | None, typer.Option("--last", metavar="N", help=tr_help("cli.history.opt.last"), show_default=False)
    ] = None,
    portfolio: Annotated[
        str | None, typer.Option("--portfolio", metavar="MANIFEST", help=tr_help("cli.history.opt.portfolio"))
    ] = None,
) -> None:
    from sqtool.commands.history import HistoryRequest, show_history

    request = HistoryRequest(
        history,
        plan,
        group,
        output_format,
        delete,
        all_groups,
        last,
        output=output,
        force=force,
        anonymize=anonymize or anonymize_salt is not None,
        anonymize_salt=anonymize_salt,
        keep_group_name=keep_group_name,
        portfolio=portfolio,
    )
    run(ctx, lambda settings: show_history(settings, request))


@command("completion")
def completion_command(
    ctx: typer.Context,
    shell: Annotated[
        str, typer.Argument(metavar="bash|zsh|fish", help=tr_help("cli.completion.arg.shell"), show_default=False)
    ],
) -> None:
    from sqtool.commands.completion import show_script

    run(ctx, lambda settings: show_script(settings, shell))


def main() -> None:
    """Console entry point."""
    from sqtool.completion import prepare

    _forget_a_vanished_folder()
    prepare()  # only when a shell asks for completions
    app(prog_name="sqtool")


def _forget_a_vanished_folder() -> None:
    """When the current folder was deleted under us, say so and stop (exit 2) before the command line
    is parsed: parsing imports compiled dependencies lazily, and on Python 3.13 one of them then fails
    with a SystemError instead of sqtool's named error (fsutil.current_folder says the same later)."""
    import os

    try:
        os.getcwd()
    except OSError as error:
        from sqtool.i18n import Translator
        from sqtool.settings import lang_from_locale

        tr = Translator(lang_from_locale())
        reason = error.strerror or str(error)
        print(f"{tr('core.error_prefix')}: {tr('fs.no_current_folder', reason=reason)}", file=sys.stderr)
        print(f"  {tr('core.hint_prefix')}: {tr('fs.no_current_folder_hint')}", file=sys.stderr)
        raise SystemExit(2) from None
