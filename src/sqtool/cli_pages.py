"""Help pages laid out without typer: the help language, paragraphs and option lists wrapped by display
width, and the top-level page (``sqtool``, ``sqtool --help``) written straight from the catalogue.

``cli_help`` lays out every help page typer asks for with the functions here, so the top-level page
that ``launch`` prints before typer is even imported is the same text, byte for byte
(tests/test_startup.py compares both in both languages at several widths). Importing typer costs
several times Python's own start-up; a user asking what sqtool does should not wait for it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence

from sqtool.langs import lang_from_locale
from sqtool.messages.cli import MESSAGES as HELP_TEXTS

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy knows the name)
if TYPE_CHECKING:
    from sqtool.settings import Lang

LANGS: tuple[Lang, ...] = ("en", "zh")


def help_language(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> Lang:
    """The language of --help and usage errors: the last global ``--lang en|zh`` (before or after the
    command name, as the app accepts both), else the locale."""
    chosen: Lang | None = None
    arguments = iter(argv)
    for argument in arguments:
        if argument == "--":
            break  # what follows is no option
        if argument == "--lang":
            value = next(arguments, "")
        elif argument.startswith("--lang="):
            value = argument.partition("=")[2]
        elif argument == "--color":
            next(arguments, None)  # its value is no language
            continue
        else:
            continue
        if value in LANGS:
            chosen = value  # the last one wins, as when typer parses it
    return chosen or lang_from_locale(environ)


def paragraphs(text: str, width: int, indent: int) -> str:
    """Paragraphs wrapped by display width (Chinese takes two columns), no line opening with Chinese
    closing punctuation, option names and `commands` never split; a paragraph after a ``\\b`` line
    keeps its line breaks (its indented lines, the examples, stay as written)."""
    from sqtool.render.wrap import fill

    margin = " " * indent
    blocks = []
    for paragraph in _paragraphs(text.expandtabs()):
        lines = paragraph.splitlines()
        if lines and lines[0].strip() == "\b":  # its line breaks stay; a long prose line still fits
            blocks.append(
                "\n".join(
                    f"{margin}{line}".rstrip() if line[:1].isspace() or not line else fill(line, width, indent=margin)
                    for line in lines[1:]
                )
            )
        elif lines:
            blocks.append(fill(joined_lines(lines), width, indent=margin, subsequent_indent=margin))
    return "\n\n".join(blocks) + "\n"


def _paragraphs(text: str) -> list[str]:
    """``text`` split at its blank lines (lines of spaces and tabs only), as ``re.split(r"\n[ \t]*\n")``
    splits it, without importing re."""
    found: list[str] = []
    start = search = 0
    while (newline := text.find("\n", search)) != -1:
        end = newline + 1
        while end < len(text) and text[end] in " \t":
            end += 1
        if end < len(text) and text[end] == "\n":  # a blank line: the paragraph ends before it
            found.append(text[start:newline])
            start = search = end + 1
        else:
            search = newline + 1
    found.append(text[start:])
    return found


def definition_list(
    rows: Sequence[tuple[str, str]], width: int, indent: int, lang: Lang, col_max: int = 30, col_spacing: int = 2
) -> str:
    """Options and commands beside their help, the help wrapped as ``paragraphs`` wraps it."""
    from sqtool.render.wrap import display_width, wrap

    def tr(key: str) -> str:
        return HELP_TEXTS[key][lang]

    # typer appends "[default: X; required]" in English to each option's help: translate the tags
    tags = {"[default: ": f"[{tr('cli.tag.default')}", "; default: ": f"; {tr('cli.tag.default')}"}
    tags |= {"[required]": f"[{tr('cli.tag.required')}]", "; required]": f"; {tr('cli.tag.required')}]"}
    rows = list(rows)
    first_col = min(max((display_width(term) for term, _ in rows), default=0), col_max) + col_spacing
    text_width = max(width - first_col - indent, 20)
    out: list[str] = []
    for term, description in rows:
        for english, translated in tags.items():
            description = description.replace(english, translated)
        out.append(f"{'':>{indent}}{term}")
        if not description:
            out.append("\n")
            continue
        if display_width(term) <= first_col - col_spacing:
            out.append(" " * (first_col - display_width(term)))
        else:
            out.append("\n" + " " * (first_col + indent))
        lines = wrap(joined_lines(description.splitlines()), text_width)
        out.append(lines[0] + "\n")
        for line in lines[1:]:
            out.append(f"{'':>{first_col + indent}}{line}\n")
    return "".join(out)


def joined_lines(lines: Sequence[str]) -> str:
    """Lines of one paragraph as one: a space between English words, none between Chinese characters."""
    from sqtool.render.wrap import display_width

    joined = ""
    for line in (line.strip() for line in lines):
        if not line:
            continue
        wide = joined and display_width(joined[-1]) == 2 and display_width(line[0]) == 2
        joined += line if not joined or wide else f" {line}"
    return joined


# -- the top-level page --

# The global options of cli.root, in its order: (option as help shows it, help key, default shown).
GLOBAL_OPTIONS: tuple[tuple[str, str, str | None], ...] = (
    ("--lang en|zh", "cli.opt.lang", None),
    ("--color auto|always|never", "cli.opt.color", "auto"),
    ("--no-color", "cli.opt.no_color", None),
    ("-q, --quiet", "cli.opt.quiet", None),
    ("--debug", "cli.opt.debug", None),
    ("--version", "cli.opt.version", None),
    ("--max-input-bytes SIZE", "cli.opt.max_input_bytes", None),
    ("--max-zip-members N", "cli.opt.max_zip_members", None),
    ("--max-zip-ratio N", "cli.opt.max_zip_ratio", None),
    ("--max-depth N", "cli.opt.max_depth", None),
    ("--max-string-bytes SIZE", "cli.opt.max_string_bytes", None),
    ("--max-records N", "cli.opt.max_records", None),
    ("--max-int-digits N", "cli.opt.max_int_digits", None),
    ("--max-seconds N", "cli.opt.max_seconds", None),
    ("--max-folder-depth N", "cli.opt.max_folder_depth", None),
    ("-h, --help", "cli.opt.help", None),
)

# Commands are declared in cli.py as ``@command("name")``, in the order help lists them.
_COMMAND = '@command("'


def command_names() -> list[str] | None:
    """The commands of cli.py in their order, read from its source; None when it cannot be read."""
    try:
        with open(os.path.join(os.path.dirname(__file__), "cli.py"), encoding="utf-8") as source:
            lines = source.read().split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    names = [line[len(_COMMAND) :].partition('"')[0] for line in lines if line.startswith(_COMMAND)]
    return names or None


def help_width() -> int:
    """The width click lays help out in: the terminal's (or $COLUMNS), at most 80, less 2; at least 50."""
    return max(min(terminal_columns(), 80) - 2, 50)


def terminal_columns(fallback: int = 80) -> int:
    """``shutil.get_terminal_size().columns`` without importing shutil: $COLUMNS, else the terminal's."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    try:
        lines = int(os.environ["LINES"])
    except (KeyError, ValueError):
        lines = 0
    if columns <= 0 or lines <= 0:
        try:
            size = os.get_terminal_size(sys.__stdout__.fileno())  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            size = os.terminal_size((fallback, 24))
        if columns <= 0:
            columns = size.columns or fallback
    return columns


def top_help(lang: Lang, width: int, commands: Sequence[str]) -> str:
    """``sqtool --help`` as typer writes it (without the final newline)."""

    def tr(key: str) -> str:
        return HELP_TEXTS[key][lang]

    options = [
        (term, f"{tr(key)}  [default: {default}]" if default else tr(key)) for term, key, default in GLOBAL_OPTIONS
    ]
    rows = [(name, tr(f"cli.{name}.short").strip()) for name in commands]
    parts = [
        f"{tr('cli.usage')}sqtool [OPTIONS] COMMAND [ARGS]...\n",
        "\n",
        paragraphs(tr("cli.app.help"), width, 2),
        "\n",
        tr("cli.heading.options") + "\n",
        definition_list(options, width, 2, lang),
        "\n",
        tr("cli.heading.commands") + "\n",
        definition_list(rows, width, 2, lang),
    ]
    return "".join(parts).rstrip("\n")


def quick_help(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> tuple[str, bool] | None:
    """The top-level page and whether it goes to stderr (``sqtool`` alone, exit 2), when ``argv`` asks
    for nothing else: none, ``--help``/``-h`` with at most one valid ``--lang``. None otherwise."""
    environ = os.environ if environ is None else environ
    rest = list(argv)
    lang: Lang | None = None
    for index, argument in enumerate(rest):
        if argument == "--lang" and index + 1 < len(rest) and rest[index + 1] in LANGS:
            lang = "zh" if rest[index + 1] == "zh" else "en"
            del rest[index : index + 2]
            break
        if argument.startswith("--lang=") and argument[7:] in LANGS:
            lang = "zh" if argument[7:] == "zh" else "en"
            del rest[index]
            break
    if rest not in (["--help"], ["-h"]) and not (rest == [] and lang is None):
        return None
    commands = command_names()
    if commands is None:
        return None
    page = top_help(lang or lang_from_locale(environ), help_width(), commands)
    return page, not rest
