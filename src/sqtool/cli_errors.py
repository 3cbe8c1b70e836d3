"""Usage errors of the command line in the chosen language.

click (or the copy of it that typer vendors) writes its own usage errors in English: ``No such
option``, ``Missing argument``, ``Try 'sqtool check -h' for help.``. ``show_usage_error`` writes them
from sqtool's catalogue instead, naming the option or argument, and ``global_options_first`` lets the
global options (``--lang``, ``-q``, ``--color``, ``--no-color``, ``--debug`` and the input limits,
``--max-depth 400`` and the like) stand after the command name as well as before it.

Errors are told apart by their class names and attributes, which click and typer's copy share, so
this module imports neither.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqtool.settings import LIMIT_OPTIONS, Lang

# the global options of the app (cli.root): option -> whether it takes a value
GLOBAL_OPTIONS: Mapping[str, bool] = {
    "--lang": True,
    "--color": True,
    "--no-color": False,
    "--quiet": False,
    "-q": False,
    "--debug": False,
    **{option: True for option in LIMIT_OPTIONS.values()},  # --max-depth N and the other input limits
}

_EXTRA = re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)$", re.DOTALL)
_REQUIRES = re.compile(r"requires (?:an argument|(?P<n>\d+) arguments)")


def global_options_first(args: Sequence[str], takes_value: Callable[[str, str], bool]) -> list[str]:
    """``args`` with the global options found after the command name moved before it.

    ``takes_value(command, option)`` says whether one of the command's own options reads the next
    argument as its value (that value is never taken for a global option). Nothing after ``--`` moves.
    """
    args = list(args)
    position = 0
    while position < len(args):  # find the command name: the first argument that is no global option
        argument = args[position]
        if argument == "--" or not argument.startswith("-"):
            break
        position += 2 if GLOBAL_OPTIONS.get(argument, False) else 1
    if position >= len(args) or args[position] == "--":
        return args
    command = args[position]
    moved: list[str] = []
    kept: list[str] = [command]
    rest = iter(args[position + 1 :])
    for argument in rest:
        if argument == "--":
            kept.append(argument)
            kept.extend(rest)
            break
        name = argument.partition("=")[0] if argument.startswith("--") else argument
        if name in GLOBAL_OPTIONS:
            moved.append(argument)
            if GLOBAL_OPTIONS[name] and "=" not in argument:
                value = next(rest, None)
                if value is not None:
                    moved.append(value)
        else:
            kept.append(argument)
            if argument.startswith("-") and "=" not in argument and takes_value(command, argument):
                value = next(rest, None)
                if value is not None:
                    kept.append(value)
    return args[:position] + moved + kept


def _hint(param: Any) -> str:
    """How the user named a parameter: its option names (``--format / -f``) or its metavar (``FILE``)."""
    opts = list(getattr(param, "opts", None) or ())
    if getattr(param, "param_type_name", "") == "argument" or not opts or not opts[0].startswith("-"):
        name = getattr(param, "metavar", None) or getattr(param, "name", "") or ""
        return str(name).upper()
    return " / ".join(opts)


def _listed(names: Sequence[str], lang: Lang) -> str:
    return ("、" if lang == "zh" else ", ").join(names)


def usage_error_text(error: Any, lang: Lang) -> str:
    """The message of one click usage error, from the catalogue (without usage line and prefix)."""
    from sqtool.i18n import text

    kind = type(error).__name__
    message = str(getattr(error, "message", "") or "")
    command = getattr(error, "sqtool_command", None)
    if command is not None:
        suggestions = getattr(error, "sqtool_suggestions", ())
        found = text("cli.err.no_such_command", lang, name=command)
        if suggestions:
            found += text("cli.err.did_you_mean", lang, names=_listed(suggestions, lang))
        return found
    if kind == "NoSuchOption":
        found = text("cli.err.no_such_option", lang, option=getattr(error, "option_name", "?"))
        possibilities = sorted(getattr(error, "possibilities", None) or ())
        if possibilities:
            found += text("cli.err.did_you_mean", lang, names=_listed(possibilities, lang))
        return found
    param = getattr(error, "param", None)
    if kind == "MissingParameter":
        hint = _hint(param) if param is not None else str(getattr(error, "param_hint", "") or "")
        key = (
            "cli.err.missing_argument"
            if getattr(param, "param_type_name", "") == "argument"
            else "cli.err.missing_option"
        )
        return text(key, lang, name=hint)
    if kind == "BadOptionUsage":
        option = getattr(error, "option_name", "?")
        if "does not take a value" in message:
            return text("cli.err.no_value_taken", lang, option=option)
        match = _REQUIRES.search(message)
        if match:
            return text("cli.err.needs_value", lang, option=option)
    if kind == "BadParameter":
        hint = getattr(error, "param_hint", None) or (_hint(param) if param is not None else "")
        if not isinstance(hint, str):
            hint = " / ".join(hint)
        return text("cli.err.bad_value", lang, option=hint, problem=message)
    if kind == "UsageError" and message == "Missing command.":
        return text("cli.err.missing_command", lang)
    extra = _EXTRA.match(message)
    if extra:
        return text("cli.err.extra_arguments", lang, args=extra.group("args"))
    return message  # a usage error sqtool does not know yet: click's own words, still with usage and hint


def show_usage_error(error: Any, lang: Lang, echo: Callable[[str], None]) -> None:
    """Write a usage error as click would (usage line, how to get help, the error), in ``lang``."""
    from sqtool.i18n import text

    ctx = getattr(error, "ctx", None)
    if ctx is not None:
        echo(ctx.get_usage())
        help_names = getattr(ctx, "help_option_names", None) or ["-h"]
        echo(text("cli.err.try_help", lang, command=f"{ctx.command_path} {help_names[0]}"))
        echo("")
    echo(f"{text('core.error_prefix', lang)}: {usage_error_text(error, lang)}")
