"""The sqtool command line: parse arguments, call one function, map errors to exit codes.

Heavy modules (jsonschema, the readers, the audit) are imported inside the commands so that
``sqtool --help`` starts fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Annotated, NoReturn

import typer

from sqtool import __version__
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
        message = tr(error.key, **error.args_for_message)
        prefix = f"{where}: " if where else ""
        typer.echo(f"{prefix}{tr('core.error_prefix')}: {message}", err=True)
        if error.hint:
            typer.echo(f"  {tr('core.hint_prefix')}: {tr(error.hint, **error.args_for_message)}", err=True)
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
