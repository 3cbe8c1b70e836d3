"""The sqtool command line: parse arguments, call one function, map errors to exit codes.

Heavy modules (jsonschema, the readers, the audit) are imported inside the commands so that
``sqtool --help`` starts fast. Every help text comes from ``sqtool.messages.cli`` in the language
that ``help_language`` picks before typer parses anything.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from sqtool import __version__
from sqtool.messages.cli import MESSAGES as HELP_TEXTS
from sqtool.reporters import FORMATS
from sqtool.settings import Lang, Settings, lang_from_locale

LANGS: tuple[Lang, ...] = ("en", "zh")
COLOR_MODES = ("auto", "always", "never")
EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def help_language(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> Lang:
    """The language of --help: the last global ``--lang en|zh`` before the command name, else the locale."""
    chosen: Lang | None = None
    arguments = iter(argv)
    for argument in arguments:
        if argument == "--lang":
            value = next(arguments, "")
        elif argument.startswith("--lang="):
            value = argument.partition("=")[2]
        elif argument == "--color":
            next(arguments, None)  # its value is no command name
            continue
        elif argument.startswith("-"):
            continue
        else:
            break  # the command name: later --lang would be that command's own argument
        if value in LANGS:
            chosen = value  # type: ignore[assignment]  # the last one wins, as when typer parses it
    return chosen or lang_from_locale(environ)


# Decided once at import: typer reads help texts when the app is declared, before it parses argv.
HELP_LANG: Lang = help_language(sys.argv[1:], os.environ)


def tr_help(key: str) -> str:
    """One help text of the command line in the help language (the catalogue's cli area, read directly)."""
    return HELP_TEXTS[key][HELP_LANG]


class _PlainArgument(TyperArgument):
    """An argument shown by its metavar alone: no ``<list[str]>`` type beside it, no ``{FILE}`` in usage."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        if self.nargs != 1:
            name += "..."
        return name if self.required else f"[{name}]"


class _HelpFormatter(typer.Context.formatter_class):  # type: ignore[name-defined,misc]
    """Writes the usage prefix and the section headings of help pages in the help language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, tr_help("cli.usage") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        # the colon is part of the translation: Chinese takes the full-width one
        self.write(f"{'':>{self.current_indent}}{HEADINGS.get(heading, heading + ':')}\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        # typer appends "[default: X; required]" in English to each option's help: translate the tags
        tags = {"[default: ": f"[{tr_help('cli.tag.default')}", "; default: ": f"; {tr_help('cli.tag.default')}"}
        tags |= {"[required]": f"[{tr_help('cli.tag.required')}]", "; required]": f"; {tr_help('cli.tag.required')}]"}
        localized = []
        for term, description in rows:
            for english, translated in tags.items():
                description = description.replace(english, translated)
            localized.append((term, description))
        super().write_dl(localized, col_max, col_spacing)


# typer names its help sections in English; these are the ones sqtool's pages have
HEADINGS = {name: tr_help(f"cli.heading.{name.lower()}") for name in ("Arguments", "Options", "Commands")}


class _HelpContext(typer.Context):
    formatter_class = _HelpFormatter


class _LocalizedHelp:
    """Help pages in the help language, down to the -h/--help option's own line."""

    context_class = _HelpContext

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = tr_help("cli.opt.help")
        return option


class SqtoolGroup(_LocalizedHelp, TyperGroup):
    """The sqtool app as a typer group with help in the help language."""


class SqtoolCommand(_LocalizedHelp, TyperCommand):
    """A typer command whose positional arguments read like FILE... and [PATH] in help and usage."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for parameter in self.params:
            # typer.Argument takes no class of its own, so the argument objects are re-classed here
            if type(parameter) is TyperArgument:
                parameter.__class__ = _PlainArgument


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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sqtool {__version__}")
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
) -> None:
    from sqtool.i18n import text

    chosen = lang or lang_from_locale()
    if chosen not in LANGS:
        raise typer.BadParameter(text("core.bad_lang", HELP_LANG, value=chosen), param_hint="--lang")
    if color not in COLOR_MODES:
        raise typer.BadParameter(text("cli.bad_color", chosen, value=color), param_hint="--color")  # type: ignore[arg-type]
    ctx.obj = Settings(lang=chosen, color="never" if no_color else color, quiet=quiet, debug=debug)  # type: ignore[arg-type]


def settings_of(ctx: typer.Context) -> Settings:
    return ctx.obj if isinstance(ctx.obj, Settings) else Settings(lang=lang_from_locale())


def run(ctx: typer.Context, action: Callable[[Settings], int]) -> NoReturn:
    """Run one command's action and exit with its code; turn every failure into a clear message."""
    from sqtool.errors import SqtoolError
    from sqtool.i18n import Translator

    settings = settings_of(ctx)
    tr = Translator(settings.lang)
    try:
        code = action(settings)
    except SqtoolError as error:
        where = error.where()
        message, hint = error.texts(tr)
        prefix = f"{where}: " if where else ""
        typer.echo(f"{prefix}{tr('core.error_prefix')}: {message}", err=True)
        if hint:
            typer.echo(f"  {tr('core.hint_prefix')}: {hint}", err=True)
        code = EXIT_USAGE
    except KeyboardInterrupt:
        typer.echo(tr("core.interrupted"), err=True)
        code = 130
    except (typer.Exit, typer.Abort, SystemExit):
        raise
    except BrokenPipeError:
        # the reader of our output went away (`sqtool rules | head`): stop quietly, as cat does
        _silence_stdout()
        code = EXIT_CLEAN
    except Exception as error:  # the last line of defence: never show a traceback to users
        if settings.debug:
            raise
        typer.echo(tr("core.internal_error", error=f"{type(error).__name__}: {error}"), err=True)
        code = EXIT_USAGE
    raise typer.Exit(code)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's exit-time flush cannot fail on the closed pipe again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


# Commands are registered below, one block each, in the order of `sqtool --help`.
# -- commands --

# --format choices come from the reporters' registry, so a new reporter shows up here by itself
ReportFormat = Enum("ReportFormat", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]

# Options that several commands share, declared once; each command adds only what is its own.
PlanFilesArgument = Annotated[
    list[str], typer.Argument(metavar="FILE", help=tr_help("cli.arg.plan_files"), show_default=False)
]
ReportFormatOption = Annotated[
    ReportFormat | None,
    typer.Option(
        "--format", "-f", metavar="|".join(FORMATS), help=tr_help("cli.opt.report_format"), show_default=False
    ),
]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE", help=tr_help("cli.opt.output"))]
ForceOption = Annotated[bool, typer.Option("--force", help=tr_help("cli.opt.force"))]
HistoryOption = Annotated[str | None, typer.Option("--history", metavar="FILE", help=tr_help("cli.opt.history"))]
TextOrJsonOption = Annotated[
    str, typer.Option("--format", "-f", metavar="text|json", help=tr_help("cli.opt.text_or_json"))
]


def format_value(report_format: ReportFormat | None) -> str | None:
    """The name behind a --format choice, None when not given (the reporters pick their default)."""
    return report_format.value if report_format is not None else None


@command("validate")
def validate(
    ctx: typer.Context,
    files: PlanFilesArgument,
    report_format: ReportFormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    def action(settings: Settings) -> int:
        from sqtool.plan.commands import run_validate

        return run_validate(settings, files, report_format=format_value(report_format), output=output, force=force)

    run(ctx, action)


@command("schema")
def schema(ctx: typer.Context, output: OutputOption = None, force: ForceOption = False) -> None:
    def action(settings: Settings) -> int:
        from sqtool.plan.commands import run_schema

        return run_schema(settings, output=output, force=force)

    run(ctx, action)


@command("check")
def check_command(
    ctx: typer.Context,
    files: PlanFilesArgument,
    select: Annotated[
        list[str] | None, typer.Option("--select", metavar="IDS", help=tr_help("cli.check.opt.select"))
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", metavar="IDS", help=tr_help("cli.check.opt.ignore"))
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
) -> None:
    from sqtool.rules.commands import CheckRequest, run_check

    request = CheckRequest(
        files=tuple(files),
        select=tuple(select or ()),
        ignore=tuple(ignore or ()),
        severity=tuple(severity or ()),
        fail_on=fail_on,
        format=format_value(report_format),
        statistics=statistics,
        output=output,
        force=force,
        config=config,
        today=today,
    )
    run(ctx, lambda settings: run_check(settings, request))


@command("rules")
def rules_command(ctx: typer.Context, format_name: TextOrJsonOption = "text") -> None:
    from sqtool.rules.commands import list_rules

    run(ctx, lambda settings: list_rules(settings, format_name))


@command("explain")
def explain_command(
    ctx: typer.Context,
    rule_id: Annotated[str, typer.Argument(metavar="RULE", help=tr_help("cli.explain.arg.rule"), show_default=False)],
) -> None:
    from sqtool.rules.commands import explain_rule

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
    plan: Annotated[str | None, typer.Option("--plan", metavar="FILE", help=tr_help("cli.audit.opt.plan"))] = None,
    roster: Annotated[
        str | None, typer.Option("--roster", metavar="FILE", help=tr_help("cli.audit.opt.roster"))
    ] = None,
    members: Annotated[
        int | None, typer.Option("--members", metavar="N", help=tr_help("cli.audit.opt.members"))
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
        float,
        typer.Option("--response-cutoff", metavar="MINUTES", help=tr_help("cli.audit.opt.response_cutoff")),
    ] = 1440,
    ad_keywords: Annotated[
        str | None, typer.Option("--ad-keywords", metavar="WORDS", help=tr_help("cli.audit.opt.ad_keywords"))
    ] = None,
    report: Annotated[
        str, typer.Option("--report", "-r", metavar="text|md|json", help=tr_help("cli.audit.opt.report"))
    ] = "text",
    output: OutputOption = None,
    force: ForceOption = False,
    save: Annotated[bool, typer.Option("--save", help=tr_help("cli.audit.opt.save"))] = False,
    history: HistoryOption = None,
    fail_on: Annotated[
        str,
        typer.Option("--fail-on", metavar="error|warning|info|never", help=tr_help("cli.audit.opt.fail_on")),
    ] = "never",
    top: Annotated[int, typer.Option("--top", metavar="N", help=tr_help("cli.audit.opt.top"))] = 10,
) -> None:
    def action(settings: Settings) -> int:
        from sqtool.audit.cli_support import AuditArguments, audit_action

        arguments = AuditArguments(
            exports=tuple(exports),
            export_format=export_format,
            plan=plan,
            roster=roster,
            members=members,
            since=since,
            until=until,
            tz=tz,
            exclude=tuple(exclude or ()),
            response_cutoff_minutes=response_cutoff,
            ad_keywords=ad_keywords,
            report=report,
            output=str(output) if output is not None else None,
            force=force,
            save=save,
            history=history,
            fail_on=fail_on,
            lenient=lenient,
            date_order=date_order,
            top=top,
        )
        return audit_action(settings, arguments)

    run(ctx, action)


@command("playbooks")
def playbooks_command(
    ctx: typer.Context,
    name: Annotated[
        str | None, typer.Argument(metavar="NAME", help=tr_help("cli.playbooks.arg.name"), show_default=False)
    ] = None,
    raw: Annotated[bool, typer.Option("--yaml", help=tr_help("cli.playbooks.opt.yaml"))] = False,
) -> None:
    def action(settings: Settings) -> int:
        from sqtool.scaffold.listing import show_all, show_one

        return show_one(settings, name, raw=raw) if name else show_all(settings)

    run(ctx, action)


@command("init")
def init_command(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(metavar="PATH", help=tr_help("cli.init.arg.path"))] = "plan.yaml",
    playbook: Annotated[
        str | None, typer.Option("--playbook", "-p", metavar="NAME", help=tr_help("cli.init.opt.playbook"))
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
) -> None:
    def action(settings: Settings) -> int:
        from sqtool.scaffold.command import InitOptions, init

        options = InitOptions(
            path=path,
            playbook=playbook,
            yes=yes,
            assignments=tuple(assignments or ()),
            answers=answers,
            force=force,
            interactive=interactive,
        )
        return init(settings, options)

    run(ctx, action)


@command("history")
def history_command(
    ctx: typer.Context,
    history: HistoryOption = None,
    plan: Annotated[str | None, typer.Option("--plan", metavar="FILE", help=tr_help("cli.history.opt.plan"))] = None,
    output_format: TextOrJsonOption = "text",
) -> None:
    def action(settings: Settings) -> int:
        from sqtool.audit.history import default_history_path, load_history
        from sqtool.errors import SqtoolError
        from sqtool.render.history import render_history_json, render_history_text

        if output_format not in ("text", "json"):
            raise SqtoolError(
                "audit.bad_format", hint="audit.bad_format_hint", value=output_format, choices="text, json"
            )
        entries = load_history(history or default_history_path(plan))
        if output_format == "json":
            typer.echo(render_history_json(entries), nl=False)
        else:
            from sqtool.console import make_console

            render_history_text(entries, settings, make_console(settings))
        return EXIT_CLEAN

    run(ctx, action)


def main() -> None:
    """Console entry point."""
    app(prog_name="sqtool")


if __name__ == "__main__":  # pragma: no cover
    main()
    sys.exit(0)
