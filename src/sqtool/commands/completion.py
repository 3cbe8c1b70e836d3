"""`sqtool completion SHELL`: print the shell completion script (typer's) for bash, zsh or fish."""

from __future__ import annotations

from sqtool.commands import EXIT_CLEAN
from sqtool.errors import SqtoolError
from sqtool.settings import Settings


def show_script(settings: Settings, shell: str) -> int:
    """Print the completion script of ``shell``; another shell name is a usage error."""
    import typer

    from sqtool.completion import SHELLS, completion_script

    if shell not in SHELLS:
        raise SqtoolError(
            "completion.bad_shell", hint="completion.bad_shell_hint", value=shell, shells=", ".join(SHELLS)
        )
    typer.echo(completion_script(shell).rstrip("\n"))
    return EXIT_CLEAN
