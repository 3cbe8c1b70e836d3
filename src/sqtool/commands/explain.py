"""`sqtool explain RULE`: why a rule matters, a failing and a passing example, how to configure it."""

from __future__ import annotations

from sqtool.commands import EXIT_CLEAN
from sqtool.errors import SqtoolError
from sqtool.settings import Settings


def explain_rule(settings: Settings, rule_id: str) -> int:
    """Print the explanation of ``rule_id``; unknown ids are a usage error."""
    import typer

    from sqtool.i18n import Translator
    from sqtool.render.rules import explain_text
    from sqtool.render.wrap import terminal_width
    from sqtool.rules.registry import find_rule

    item = find_rule(rule_id)
    if item is None:
        raise SqtoolError("explain.unknown", hint="explain.unknown_hint", rule=rule_id)
    typer.echo(explain_text(item, Translator(settings.lang), terminal_width()), nl=False)
    return EXIT_CLEAN
