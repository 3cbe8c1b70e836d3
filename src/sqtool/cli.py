"""The sqtool command line: parse arguments, call one function, map errors to exit codes.

Heavy modules (jsonschema, the readers, the audit) are imported inside the commands so that
``sqtool --help`` starts fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from sqtool import __version__
from sqtool.reporters import FORMATS
from sqtool.settings import Settings, lang_from_locale

app = typer.Typer(
    name="sqtool",
    help="Plan, check and audit online communities (社群) as code.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sqtool {__version__}")
        raise typer.Exit(EXIT_CLEAN)


@app.callback()
def root(
    ctx: typer.Context,
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Output language: en or zh (default: from LANG/LC_ALL)."),
    ] = None,
    color: Annotated[str, typer.Option("--color", help="Colour: auto (on a terminal), always or never.")] = "auto",
    no_color: Annotated[bool, typer.Option("--no-color", help="Same as --color never.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print findings only; no progress.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on internal errors.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Plan, check and audit online communities (社群) as code."""
    chosen = lang or lang_from_locale()
    if chosen not in ("en", "zh"):
        raise typer.BadParameter(f"unknown language {chosen!r}: use en or zh", param_hint="--lang")
    if color not in ("auto", "always", "never"):
        raise typer.BadParameter(f"unknown colour mode {color!r}: use auto, always or never", param_hint="--color")
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
    except Exception as error:  # the last line of defence: never show a traceback to users
        if settings.debug:
            raise
        typer.echo(tr("core.internal_error", error=f"{type(error).__name__}: {error}"), err=True)
        code = EXIT_USAGE
    raise typer.Exit(code)


# Commands are registered below, one block each, in the order of `sqtool --help`.
# -- commands --

# --format choices come from the reporters' registry, so a new reporter shows up here by itself
ReportFormat = Enum("ReportFormat", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]


@app.command()
def validate(
    ctx: typer.Context,
    files: Annotated[
        list[str],
        typer.Argument(metavar="FILE", help="Plan files, folders (their *.yaml/*.yml) or quoted globs; - reads stdin."),
    ],
    report_format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Report format (default: text, or github inside GitHub Actions).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file instead of stdout.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace --output if it exists.")] = False,
) -> None:
    """Check plan files against the plan JSON Schema; report errors at file:line:col.

    Exit status: 0 all valid, 1 some plan is invalid, 2 usage error or unreadable file.

    \b
    Examples:
      sqtool validate examples/plan.yaml
      sqtool validate plans/ 'teams/**/*.yaml'
      cat plan.yaml | sqtool validate -
      sqtool --lang zh validate plan.yaml
      sqtool validate plans/ --format sarif --output plans.sarif
    """

    def action(settings: Settings) -> int:
        from sqtool.plan.commands import run_validate

        chosen = report_format.value if report_format is not None else None
        return run_validate(settings, files, report_format=chosen, output=output, force=force)

    run(ctx, action)


@app.command()
def schema(
    ctx: typer.Context,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the schema to this file instead of stdout.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace --output if it exists.")] = False,
) -> None:
    """Print the JSON Schema of plan files (for editors and SchemaStore).

    \b
    Examples:
      sqtool schema > community-plan.schema.json
      sqtool schema --output .vscode/community-plan.schema.json
    In a plan, point YAML editors at it with a first line such as:
      # yaml-language-server: $schema=community-plan.schema.json
    """

    def action(settings: Settings) -> int:
        from sqtool.plan.commands import run_schema

        return run_schema(settings, output=output, force=force)

    run(ctx, action)


@app.command("check")
def check_command(
    ctx: typer.Context,
    files: Annotated[
        list[str],
        typer.Argument(metavar="FILE", help="Plan files, folders (their *.yaml/*.yml) or quoted globs; - reads stdin."),
    ],
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            metavar="IDS",
            help="Only these rule ids or prefixes (comma-separated or repeated), e.g. SQ2,SQ501.",
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", metavar="IDS", help="Skip these rule ids or prefixes (adds to the config)."),
    ] = None,
    severity: Annotated[
        list[str] | None,
        typer.Option("--severity", metavar="RULE=LEVEL", help="Change a rule's level, e.g. SQ201=error (repeatable)."),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on", metavar="LEVEL", help="Exit 1 when a finding is at or above: error (default), warning or info."
        ),
    ] = None,
    report_format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Report format (default: text, or github inside GitHub Actions).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file instead of stdout.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace --output if it exists.")] = False,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Also print how many findings each rule made.")
    ] = False,
    config: Annotated[
        str | None,
        typer.Option(
            "--config",
            metavar="PATH",
            help="Read settings from this file instead of finding .sqtool.yaml or pyproject.toml.",
        ),
    ] = None,
    today: Annotated[
        str | None, typer.Option("--today", metavar="YYYY-MM-DD", help="Date that date rules (SQ203) treat as today.")
    ] = None,
) -> None:
    """Check plans: JSON Schema first, then every rule (exit 0 clean, 1 findings at --fail-on, 2 bad input).

    Settings come from [tool.sqtool] in pyproject.toml or .sqtool.yaml, looked up from the current folder
    upwards. Inside a plan, `# sqtool: disable=SQ201` silences a rule on that line (or the next one when the
    comment stands alone) and `# sqtool: disable-file=SQ504` in the whole file.

    \b
    Examples:
      sqtool check examples/plan.yaml
      sqtool check plans/ --ignore SQ504 --severity SQ201=error --fail-on warning
      sqtool check plans/ --format sarif --output plans.sarif
      sqtool explain SQ201
    """
    from sqtool.rules.commands import CheckRequest, run_check

    request = CheckRequest(
        files=tuple(files),
        select=tuple(select or ()),
        ignore=tuple(ignore or ()),
        severity=tuple(severity or ()),
        fail_on=fail_on,
        format=report_format.value if report_format is not None else None,
        statistics=statistics,
        output=output,
        force=force,
        config=config,
        today=today,
    )
    run(ctx, lambda settings: run_check(settings, request))


@app.command("rules")
def rules_command(
    ctx: typer.Context,
    format_name: Annotated[str, typer.Option("--format", "-f", help="text (a table) or json.")] = "text",
) -> None:
    """List every rule of `sqtool check` with its id, level, source article and what it checks."""
    from sqtool.rules.commands import list_rules

    run(ctx, lambda settings: list_rules(settings, format_name))


@app.command("explain")
def explain_command(
    ctx: typer.Context,
    rule_id: Annotated[str, typer.Argument(metavar="RULE", help="A rule id such as SQ201.")],
) -> None:
    """Explain one rule: why it matters (citing its article), a failing and a passing example, how to configure it."""
    from sqtool.rules.commands import explain_rule

    run(ctx, lambda settings: explain_rule(settings, rule_id))


@app.command("audit")
def audit(
    ctx: typer.Context,
    exports: Annotated[
        list[str],
        typer.Argument(
            metavar="EXPORT",
            help="Chat exports of one group: Telegram result.json, DiscordChatExporter JSON/CSV, WhatsApp .txt "
            "or .zip, QQ .txt, WeChat CSV/TXT (MemoTrace, chatlog), Slack .zip, Messenger JSON, generic CSV/JSONL. "
            "Several exports are merged and de-duplicated.",
            show_default=False,
        ),
    ],
    export_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="NAME",
            help="Read every export as this format instead of detecting it: telegram, discord, discord-csv, "
            "whatsapp, qq, wechat, slack, messenger, csv, jsonl.",
        ),
    ] = None,
    tz: Annotated[
        str | None,
        typer.Option(
            "--tz",
            metavar="ZONE",
            help="IANA zone (e.g. Asia/Shanghai) for reading times the export writes without offset AND for "
            "counting days and hours. Default: the plan's community.timezone, else this machine's zone.",
        ),
    ] = None,
    lenient: Annotated[
        bool, typer.Option("--lenient", help="Skip bad records and count them instead of stopping at the first.")
    ] = False,
    plan: Annotated[
        str | None,
        typer.Option(
            "--plan", metavar="FILE", help="Community plan: drift findings (SQ8xx), targets, rituals, owner, size."
        ),
    ] = None,
    roster: Annotated[
        str | None,
        typer.Option(
            "--roster",
            metavar="FILE",
            help="Member list (CSV/YAML: id, name, tags) so silent members count and tags such as customer work.",
        ),
    ] = None,
    members: Annotated[
        int | None,
        typer.Option("--members", metavar="N", help="Group size when there is no roster (to count lurkers)."),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", metavar="YYYY-MM-DD", help="First day audited (default: first message).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", metavar="YYYY-MM-DD", help="Last day audited (default: last message).")
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude",
            metavar="WHO",
            help="Leave out a member id or name, or tag:TAG of the roster, e.g. a bot (repeatable).",
        ),
    ] = None,
    response_cutoff: Annotated[
        float,
        typer.Option(
            "--response-cutoff", metavar="MINUTES", help="A question unanswered this long counts as unanswered."
        ),
    ] = 1440,
    ad_keywords: Annotated[
        str | None,
        typer.Option(
            "--ad-keywords",
            metavar="WORDS",
            help="Ad words instead of the built-in list: comma-separated, or @FILE with one per line.",
        ),
    ] = None,
    report: Annotated[
        str, typer.Option("--report", "-r", metavar="FORMAT", help="Report format: text, md (Markdown) or json.")
    ] = "text",
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="PATH", help="Write the report to this file instead of the terminal."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the --output file if it exists.")] = False,
    save: Annotated[
        bool, typer.Option("--save", help="Append this run's figures to the history (see `sqtool history`).")
    ] = False,
    history: Annotated[
        str | None,
        typer.Option(
            "--history",
            metavar="PATH",
            help="History database for --save (default: .sqtool/history.sqlite beside --plan, else here).",
        ),
    ] = None,
    fail_on: Annotated[
        str,
        typer.Option(
            "--fail-on",
            metavar="LEVEL",
            help="Exit 1 when a drift finding is at or above: error, warning, info or never.",
        ),
    ] = "never",
    top: Annotated[int, typer.Option("--top", metavar="N", help="How many senders to list (0: all).")] = 10,
) -> None:
    """Audit a group chat: five diagnoses first, then figures, activity, top senders and drift from the plan.

    One time zone is used for reading and measuring: --tz, else the plan's community.timezone, else this
    machine's zone; the report names it.

    Exit status: 0 audited, 1 a drift finding at --fail-on or above, 2 an export, plan or option is wrong
    (with the file and line).

    \b
    Examples:
      sqtool audit examples/demo-wechat.csv --plan examples/plan.yaml
      sqtool audit result.json --tz Asia/Shanghai --members 480 --since 2026-06-01 --until 2026-06-30
      sqtool audit chat.txt --roster members.csv --exclude tag:bot --report md -o audit.md
      sqtool audit export.zip --plan plan.yaml --save --fail-on warning
      sqtool --lang zh audit examples/demo-wechat.csv --plan examples/plan.yaml
    """

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
            output=output,
            force=force,
            save=save,
            history=history,
            fail_on=fail_on,
            lenient=lenient,
            top=top,
        )
        return audit_action(settings, arguments)

    run(ctx, action)


@app.command("playbooks")
def playbooks_command(
    ctx: typer.Context,
    name: Annotated[
        str | None, typer.Argument(help="Show this playbook (omit to list them all).", metavar="NAME")
    ] = None,
    raw: Annotated[bool, typer.Option("--yaml", help="Print the playbook file itself.")] = False,
) -> None:
    """List the bundled playbooks (ready plans per community type), or show one."""

    def action(settings: Settings) -> int:
        from sqtool.scaffold.listing import show_all, show_one

        return show_one(settings, name, raw=raw) if name else show_all(settings)

    run(ctx, action)


@app.command("init")
def init_command(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(help="Where to write the new plan.", metavar="PATH")] = "plan.yaml",
    playbook: Annotated[
        str | None,
        typer.Option("--playbook", "-p", metavar="NAME", help="Start from this playbook (see `sqtool playbooks`)."),
    ] = None,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Ask nothing: keep the playbook's values except those given.")
    ] = False,
    assignments: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            metavar="KEY.PATH=VALUE",
            help="Set one field, e.g. --set community.name=晨读会 (repeatable; YAML values).",
        ),
    ] = None,
    answers: Annotated[
        str | None,
        typer.Option("--answers", metavar="FILE", help="YAML file of key paths and values (and `playbook: NAME`)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace PATH if it exists.")] = False,
    interactive: Annotated[
        bool, typer.Option("--interactive", help="Ask the questions even when stdin is not a terminal.")
    ] = False,
) -> None:
    """Create a commented community plan: a wizard, or --playbook NAME --yes for scripts and CI.

    The wizard asks what the group is, why members are together and what they do together, then
    name, slogan, platform, size, entry, people, value output and monetization, with defaults from
    the playbook. All answers are collected before anything is written; Ctrl-C writes nothing.
    Without a terminal, pass --yes or --answers. Exit 0 written, 2 bad input or existing file.
    """

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


@app.command("history")
def history_command(
    ctx: typer.Context,
    history: Annotated[
        str | None,
        typer.Option("--history", help="History database (default: .sqtool/history.sqlite beside --plan, else here)."),
    ] = None,
    plan: Annotated[
        str | None, typer.Option("--plan", help="Plan file whose folder holds .sqtool/history.sqlite.")
    ] = None,
    output_format: Annotated[str, typer.Option("--format", help="Output: text or json.")] = "text",
) -> None:
    """Show the trend across audits saved with `sqtool audit --save`."""

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
