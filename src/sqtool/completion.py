"""Shell completion (typer's, for bash, zsh and fish): what each argument completes to.

`sqtool completion SHELL` prints the script; the shell then runs ``sqtool`` with ``_SQTOOL_COMPLETE``
set, and these callbacks answer: plan files and folders, rule ids (also inside comma lists), playbook
names. They never raise: a completion that fails shows nothing rather than a traceback in the prompt.
"""

from __future__ import annotations

import os
from pathlib import Path

COMPLETE_VAR = "_SQTOOL_COMPLETE"
SHELLS = ("bash", "zsh", "fish")
PLAN_SUFFIXES = (".yaml", ".yml")


def rule_ids(incomplete: str) -> list[tuple[str, str]]:
    """Rule ids starting with ``incomplete`` (any case), each with its name as help."""
    from sqtool.i18n import Translator
    from sqtool.rules.registry import all_rules

    tr = Translator("en")
    wanted = incomplete.upper()
    return [(rule.id, rule.name(tr)) for rule in all_rules() if rule.id.startswith(wanted)]


def rule_id_list(incomplete: str) -> list[str]:
    """--select/--ignore take comma-separated ids: complete the last one, keep the ones before."""
    head, comma, last = incomplete.rpartition(",")
    prefix = head + comma
    given = {part.strip().upper() for part in head.split(",")}
    return [prefix + rule_id for rule_id, _ in rule_ids(last.strip()) if rule_id not in given]


def playbook_names(incomplete: str) -> list[str]:
    from sqtool.scaffold.playbooks import playbook_names as names

    try:
        return [name for name in names() if name.startswith(incomplete)]
    except OSError:
        return []


def plan_paths(incomplete: str) -> list[str]:
    """Folders (with a trailing slash, to go on) and *.yaml/*.yml files whose path starts with
    ``incomplete``; hidden entries only when asked for with a leading dot."""
    folder_part, slash, name_part = incomplete.rpartition("/")
    folder = Path(folder_part or "/") if slash else Path(".")
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return []
    shown = f"{folder_part}/" if slash else ""
    found = []
    for entry in entries:
        if not entry.name.startswith(name_part) or (entry.name.startswith(".") and not name_part.startswith(".")):
            continue
        try:
            if entry.is_dir():
                found.append(f"{shown}{entry.name}/")
            elif entry.name.lower().endswith(PLAN_SUFFIXES):
                found.append(f"{shown}{entry.name}")
        except OSError:
            continue
    return found


def completion_script(shell: str) -> str:
    """The script that makes ``shell`` complete sqtool (typer's, bound to ``_SQTOOL_COMPLETE``)."""
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name="sqtool", complete_var=COMPLETE_VAR, shell=shell)


def prepare() -> None:
    """Register typer's completion shells when a shell asks for completions (the app is built without
    typer's --install-completion options, and the import would slow down every other start)."""
    if COMPLETE_VAR in os.environ:
        from typer.completion import completion_init

        completion_init()
