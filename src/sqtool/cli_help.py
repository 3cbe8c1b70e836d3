"""Help pages in the help language: typer and click write their own headings, usage prefix and option
tags in English, so their formatter, context and command classes are patched here, and every help text
is read from the catalogue (``sqtool.messages.cli``) in the language ``help_language`` picks before
typer parses anything.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from sqtool.cli_pages import LANGS as LANGS  # cli.py reads them here
from sqtool.cli_pages import definition_list, paragraphs
from sqtool.cli_pages import help_language as help_language
from sqtool.messages.cli import MESSAGES as HELP_TEXTS
from sqtool.settings import Lang

# Decided once at import: typer reads help texts when the app is declared, before it parses argv.
HELP_LANG: Lang = help_language(sys.argv[1:], os.environ)


def tr_help(key: str) -> str:
    """One help text of the command line in the help language (the catalogue's cli area, read directly)."""
    return HELP_TEXTS[key][HELP_LANG]


_CONVERT = object()  # a value only typer's own conversion can take


def _unconverted(parameter: Any, value: Any) -> Any:
    """What typer's conversion would give for ``value`` when that needs no converting, else _CONVERT."""
    if value is None:  # not given: typer gives None, or an empty tuple for a list, whatever the type
        return () if parameter.multiple or parameter.nargs == -1 else None
    annotation = getattr(getattr(parameter, "type_descriptor", None), "annotation", None)
    if annotation is str and type(value) is str and not parameter.multiple and parameter.nargs == 1:
        return value
    if annotation is bool and type(value) is bool:
        return value
    if annotation == list[str] and type(value) in (list, tuple) and all(type(item) is str for item in value):
        return list(value)
    return _CONVERT


def _process(parameter: Any, ctx: Any, value: Any, typer_way: Callable[[Any, Any], Any]) -> Any:
    """A parameter's value, taken as it is when it needs no converting, without typer's pydantic.

    typer converts every parameter's value through a pydantic TypeAdapter, and the first one imports
    pydantic and builds its adapters (about 0.2 s of CPU) on every command, ``--help`` included.
    sqtool's options are text, flags and lists of text (it checks numbers and choices itself, in the
    user's language), and for those typer's conversion gives back what it was given: a text stays
    itself, a missing value is None (an empty tuple for a list), a list of texts becomes a list. Any
    other value, and a required one that is missing, takes typer's own way and its own messages.
    """
    plain = _unconverted(parameter, value)
    if plain is _CONVERT or (parameter.required and parameter.value_is_missing(plain)):
        return typer_way(ctx, value)
    if parameter.callback is not None:
        plain = parameter.callback(ctx, parameter, plain)
    return plain


class _PlainOption(TyperOption):
    """An option whose text, flag or list of text is taken without typer's conversion (``_process``)."""

    def process_value(self, ctx: Any, value: Any) -> Any:
        return _process(self, ctx, value, super().process_value)


def _plain_values(parameters: Sequence[Any]) -> None:
    """Re-class typer's option and argument objects (typer.Option and typer.Argument take no class)."""
    for parameter in parameters:
        if type(parameter) is TyperArgument:
            parameter.__class__ = _PlainArgument
        elif type(parameter) is TyperOption:
            parameter.__class__ = _PlainOption


class _PlainArgument(TyperArgument):
    """An argument shown by its metavar alone: no ``<list[str]>`` type beside it, no ``{FILE}`` in usage;
    its texts are taken without typer's conversion (``_process``)."""

    def process_value(self, ctx: Any, value: Any) -> Any:
        return _process(self, ctx, value, super().process_value)

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        if self.nargs != 1:
            name += "..."
        return name if self.required else f"[{name}]"


# The base is whatever formatter the installed typer's Context uses (click's, or the copy of click
# that newer typer releases vendor): a class attribute, which mypy cannot take as a base class.
class _HelpFormatter(typer.Context.formatter_class):  # type: ignore[misc,valid-type]
    """Writes the usage prefix and the section headings of help pages in the help language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, tr_help("cli.usage") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        # the colon is part of the translation: Chinese takes the full-width one
        self.write(f"{'':>{self.current_indent}}{HEADINGS.get(heading, heading + ':')}\n")

    def write_text(self, text: str) -> None:
        """Paragraphs wrapped by display width (``cli_pages.paragraphs``)."""
        self.write(paragraphs(text, self.width, self.current_indent))

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        """Options and commands beside their help (``cli_pages.definition_list``)."""
        self.write(definition_list(rows, self.width, self.current_indent, HELP_LANG, col_max, col_spacing))


# typer names its help sections in English; these are the ones sqtool's pages have
HEADINGS = {name: tr_help(f"cli.heading.{name.lower()}") for name in ("Arguments", "Options", "Commands")}


class _HelpContext(typer.Context):
    formatter_class = _HelpFormatter


class _LocalizedHelp:
    """Help pages in the help language, down to the -h/--help option's own line (mixed into typer's
    command classes, which also take ``context_class = _HelpContext``)."""

    def get_help_option(self, ctx: Any) -> Any:
        # the typer command class this is mixed into has the method; mypy sees only ``object`` after the mixin
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = tr_help("cli.opt.help")
            _plain_values([option])
        return option


class SqtoolGroup(_LocalizedHelp, TyperGroup):
    """The sqtool app as a typer group with help and usage errors in the help language, which takes
    the global options after the command name too (``sqtool check plan.yaml --lang zh``)."""

    context_class = _HelpContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _plain_values(self.params)  # the global options

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        from sqtool.cli_errors import global_options_first

        arguments = global_options_first(sys.argv[1:] if args is None else args, self._takes_value)
        self.arguments = arguments  # eager options (--version) choose their language from them
        if not standalone_mode:
            return super().main(arguments, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(arguments, prog_name, complete_var, standalone_mode=False, **extra)
        except Exception as error:
            self._exit_on_click_error(error, arguments)
            raise
        sys.exit(code if isinstance(code, int) else 0)

    @staticmethod
    def _exit_on_click_error(error: Exception, arguments: Sequence[str]) -> None:
        """Show a click error as the standalone mode would, usage errors from the catalogue; then exit."""
        kinds = {kind.__name__ for kind in type(error).__mro__}
        if "ClickException" not in kinds and "Abort" not in kinds:
            return
        if "Abort" in kinds:
            typer.echo(tr_help("cli.aborted"), err=True)
            sys.exit(1)
        if "UsageError" in kinds and type(error).__name__ != "NoArgsIsHelpError":
            from sqtool.cli_errors import show_usage_error

            show_usage_error(error, help_language(arguments), lambda line: typer.echo(line, err=True))
        else:
            error.show()  # type: ignore[attr-defined]
        sys.exit(getattr(error, "exit_code", 2))

    def _takes_value(self, command: str, option: str) -> bool:
        """Whether ``option`` of ``command`` reads the next argument as its value."""
        found = self.commands.get(command)
        for param in getattr(found, "params", ()):
            if option in (*param.opts, *param.secondary_opts):
                return not (getattr(param, "is_flag", False) or getattr(param, "count", False))
        return False

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except Exception as error:
            if args and self.get_command(ctx, args[0]) is None:  # mark it for show_usage_error
                from difflib import get_close_matches

                error.sqtool_command = args[0]  # type: ignore[attr-defined]
                error.sqtool_suggestions = get_close_matches(args[0], list(self.commands))  # type: ignore[attr-defined]
            raise


class SqtoolCommand(_LocalizedHelp, TyperCommand):
    """A typer command whose positional arguments read like FILE... and [PATH] in help and usage."""

    context_class = _HelpContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _plain_values(self.params)
