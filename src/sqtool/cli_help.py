"""Help pages in the help language: typer and click write their own headings, usage prefix and option
tags in English, so their formatter, context and command classes are patched here, and every help text
is read from the catalogue (``sqtool.messages.cli``) in the language ``help_language`` picks before
typer parses anything.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from typing import Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from sqtool.messages.cli import MESSAGES as HELP_TEXTS
from sqtool.settings import LIMIT_OPTIONS, Lang, lang_from_locale

LANGS: tuple[Lang, ...] = ("en", "zh")


def help_language(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> Lang:
    """The language of --help: the last global ``--lang en|zh`` before the command name, else the locale."""
    chosen: Lang | None = None
    arguments = iter(argv)
    for argument in arguments:
        if argument == "--lang":
            value = next(arguments, "")
        elif argument.startswith("--lang="):
            value = argument.partition("=")[2]
        elif argument == "--color" or argument in LIMIT_OPTIONS.values():
            next(arguments, None)  # its value is no command name
            continue
        elif argument.startswith("-"):
            continue
        else:
            break  # the command name: later --lang would be that command's own argument
        if value in LANGS:
            chosen = value  # the last one wins, as when typer parses it
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


# The base is whatever formatter the installed typer's Context uses (click's, or the copy of click
# that newer typer releases vendor): a class attribute, which mypy cannot take as a base class.
class _HelpFormatter(typer.Context.formatter_class):  # type: ignore[misc,valid-type]
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
    """Help pages in the help language, down to the -h/--help option's own line (mixed into typer's
    command classes, which also take ``context_class = _HelpContext``)."""

    def get_help_option(self, ctx: Any) -> Any:
        # the typer command class this is mixed into has the method; mypy sees only ``object`` after the mixin
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = tr_help("cli.opt.help")
        return option


class SqtoolGroup(_LocalizedHelp, TyperGroup):
    """The sqtool app as a typer group with help in the help language."""

    context_class = _HelpContext


class SqtoolCommand(_LocalizedHelp, TyperCommand):
    """A typer command whose positional arguments read like FILE... and [PATH] in help and usage."""

    context_class = _HelpContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for parameter in self.params:
            # typer.Argument takes no class of its own, so the argument objects are re-classed here
            if type(parameter) is TyperArgument:
                parameter.__class__ = _PlainArgument
