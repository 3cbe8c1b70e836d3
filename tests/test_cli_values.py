"""Options and arguments taken without typer's conversion (cli_help._process) get exactly what typer's
own conversion (through pydantic) gives them, or the same error, for every parameter of every command."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import typer
from typer.core import TyperArgument, TyperOption

from sqtool.cli import app
from sqtool.cli_help import _PlainArgument, _PlainOption

ROOT = typer.main.get_command(app)

# what click hands a parameter: nothing, texts (also ones that look like numbers or times), lists of
# them from repeated options or several arguments, flags, and what a Python caller might pass
VALUES: list[Any] = [None, "text", "", " 12 ", "07:00", "中文", ("a", "b"), ("one",), (), ["x", "y"], True, False, 3]


def _parameters() -> Iterator[tuple[Any, Any]]:
    commands = [ROOT, *ROOT.commands.values()]  # type: ignore[attr-defined]
    for command in commands:
        context = typer.Context(command)
        for parameter in [*command.params, command.get_help_option(context)]:
            if parameter is not None:
                yield command, parameter


PARAMETERS = list(_parameters())


def _outcome(call: Callable[[], Any]) -> tuple[Any, ...]:
    try:
        value = call()
    except Exception as error:  # typer's own errors: the same class and wording either way
        return ("error", type(error).__name__, str(error))
    return ("value", type(value), value)


@pytest.mark.parametrize(("command", "parameter"), PARAMETERS, ids=[f"{c.name}:{p.name}" for c, p in PARAMETERS])
def test_the_value_is_typers_own(command: Any, parameter: Any) -> None:
    assert type(parameter) in (_PlainOption, _PlainArgument)
    typer_class = TyperOption if isinstance(parameter, TyperOption) else TyperArgument
    context = typer.Context(command)
    for value in VALUES:
        if parameter.callback is not None and value is True:
            continue  # --version prints the version and exits
        ours = _outcome(lambda: parameter.process_value(context, value))  # noqa: B023 - called at once
        theirs = _outcome(lambda: typer_class.process_value(parameter, context, value))  # noqa: B023
        assert ours == theirs, (command.name, parameter.name, value)


def test_every_kind_of_value_is_compared() -> None:
    """The parameters above cover text, flags, lists of text and the one whole number (typer's way)."""
    kinds = {repr(parameter.type_descriptor.annotation) for _, parameter in PARAMETERS}
    assert {"<class 'str'>", "<class 'bool'>", "list[str]", "<class 'int'>"} <= kinds
