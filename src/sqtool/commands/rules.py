"""`sqtool rules`: every rule with its id, level and source article, as a table or JSON."""

from __future__ import annotations

from sqtool.commands import EXIT_CLEAN
from sqtool.errors import SqtoolError
from sqtool.settings import Settings


def list_rules(settings: Settings, format_name: str) -> int:
    """Print every rule as a table or as JSON."""
    import typer

    from sqtool.i18n import Translator
    from sqtool.render.rules import rules_json, rules_table
    from sqtool.render.wrap import terminal_width
    from sqtool.rules.registry import all_rules

    tr = Translator(settings.lang)
    if format_name == "json":
        typer.echo(rules_json(all_rules(), tr))
    elif format_name == "text":
        typer.echo(rules_table(all_rules(), tr, terminal_width()))
    else:
        raise SqtoolError("check.bad_format", hint="check.bad_format_hint", value=format_name, choices="text, json")
    return EXIT_CLEAN
