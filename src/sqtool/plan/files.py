"""Turn command-line arguments (files, globs, folders, "-") into the list of plan files to read."""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Sequence
from pathlib import Path

from sqtool.errors import SqtoolError
from sqtool.fsutil import walk_files

PLAN_SUFFIXES = (".yaml", ".yml")
_GLOB_CHARACTERS = frozenset("*?[")
# --plans-only (pre-commit hooks): a YAML file is a plan when its name ends in "plan" (plan.yaml,
# team-plan.yml, club.plan.yaml), when it sits in a folder named plans/, or when its first lines carry
# the editor modeline that points at the plan schema.
_PLAN_STEM = re.compile(r"(?:^|[-_.])plan$", re.IGNORECASE)
_PLAN_FOLDERS = frozenset({"plans"})
SCHEMA_MARKER = re.compile(r"^\s*#\s*yaml-language-server:\s*\$schema=\S*community-plan\S*\.json\s*$", re.MULTILINE)
_MARKER_LINES = 5


def expand_inputs(arguments: Sequence[str]) -> list[str]:
    """Files as given, globs and folders expanded to their *.yaml/*.yml files (sorted), "-" for stdin.

    Folders are searched recursively, skipping hidden folders such as .git; a glob keeps only the
    YAML files it matches (and the plans inside folders it matches). Duplicates are dropped,
    first occurrence kept. A missing file, a glob that matches nothing or a folder without plans
    raises SqtoolError (exit 2).
    """
    expanded: list[str] = []
    for argument in arguments:
        if argument == "-":
            expanded.append(argument)
        elif Path(argument).is_dir():
            expanded.extend(_plans_in(Path(argument), argument))
        elif Path(argument).exists():
            expanded.append(argument)
        elif _GLOB_CHARACTERS & set(argument):
            expanded.extend(_glob(argument))
        else:
            raise SqtoolError("fs.not_found", hint="fs.not_found_hint", path=argument)
    return list(dict.fromkeys(expanded))


def is_plan_file(path: str | Path) -> bool:
    """Whether a YAML file is a plan by its name, its folder, or the schema marker in its first lines
    (Windows paths with backslashes too). Unreadable files count as plans, so that the command reports them."""
    name = str(path).replace("\\", "/")
    parts = name.split("/")
    stem, dot, suffix = parts[-1].rpartition(".")
    if not dot or f".{suffix.lower()}" not in PLAN_SUFFIXES:
        return False
    if _PLAN_STEM.search(stem) or any(part.lower() in _PLAN_FOLDERS for part in parts[:-1]):
        return True
    try:
        with open(path, "rb") as stream:
            head = stream.read(4096)
    except OSError:
        return True
    lines = head.decode("utf-8", errors="replace").lstrip("\ufeff").splitlines()[:_MARKER_LINES]
    return SCHEMA_MARKER.search("\n".join(lines)) is not None


def only_plans(sources: Sequence[str]) -> list[str]:
    """The sources that are plans (``-`` always is): what --plans-only keeps."""
    return [source for source in sources if source == "-" or is_plan_file(source)]


def refuse_output_among_inputs(output: Path | None, sources: Sequence[str]) -> None:
    """Raise SqtoolError when ``output`` is one of the plans being read: the report would replace a plan."""
    if output is None:
        return
    for source in sources:
        if source != "-" and same_file(output, Path(source)):
            raise SqtoolError("plan.output_is_input", hint="plan.output_is_input_hint", path=str(output))


def same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file: through symlinks and hard links when both exist, else by their
    resolved spelling (``./a``, ``sub/../a`` and a link to ``a`` are all ``a``)."""
    try:
        return first.samefile(second)  # also through symlinks and hard links
    except OSError:  # one of them does not exist (yet)
        return first.resolve() == second.resolve()


def _plans_in(folder: Path, shown: str) -> list[str]:
    found = _find_plans(folder)
    if not found:
        raise SqtoolError("plan.no_plans_in_folder", hint="plan.no_plans_in_folder_hint", path=shown)
    return found


def _find_plans(folder: Path) -> list[str]:
    """*.yaml and *.yml files under ``folder``, sorted, outside hidden folders, named through ``folder``."""
    found = sorted(
        path.relative_to(folder)
        for path in walk_files(folder)
        if path.suffix.lower() in PLAN_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )
    return [str(folder / relative) for relative in found]


def _glob(pattern: str) -> list[str]:
    matches: list[str] = []
    for match in _expand(pattern):
        path = Path(match)
        if path.is_dir():
            matches.extend(_find_plans(path))
        elif path.is_file() and path.suffix.lower() in PLAN_SUFFIXES:
            matches.append(match)
    if not matches:
        raise SqtoolError("plan.no_match", hint="plan.no_match_hint", pattern=pattern)
    return matches


def _expand(pattern: str) -> list[str]:
    """What a glob matches, sorted; ``**`` goes down through ``walk_files`` (no link loops, a depth limit)."""
    if "**" not in pattern:
        return sorted(glob.glob(pattern))  # one level per part: no walk that could loop
    parts = pattern.replace(os.sep, "/").split("/")
    fixed = next(index for index, part in enumerate(parts) if _GLOB_CHARACTERS & set(part))
    anchor = "/".join(parts[:fixed]) or ("/" if pattern.startswith("/") else ".")
    wanted = re.compile(_glob_regex("/".join(parts[fixed:])))
    root = Path(anchor)
    if not root.is_dir():
        return []
    found = []
    for path in walk_files(root, skip_hidden=False):
        relative = path.relative_to(root).as_posix()
        if wanted.fullmatch(relative) and not any(part.startswith(".") for part in relative.split("/")):
            found.append(str(path) if parts[:fixed] else relative)
    return sorted(found)


def _glob_regex(pattern: str) -> str:
    """A glob (``**`` for any folders, ``*``, ``?``, ``[...]``) as a regular expression of a relative path."""
    out, index = [], 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            out.append("(?:[^/]+/)*")
            index += 3
        elif pattern.startswith("**", index):
            out.append(".*")
            index += 2
        elif pattern[index] == "*":
            out.append("[^/]*")
            index += 1
        elif pattern[index] == "?":
            out.append("[^/]")
            index += 1
        elif pattern[index] == "[" and (close := pattern.find("]", index + 2)) > 0:
            body = pattern[index + 1 : close].replace("\\", "\\\\")
            out.append("[^" + body[1:] + "]" if body.startswith("!") else "[" + body + "]")
            index = close + 1
        else:
            out.append(re.escape(pattern[index]))
            index += 1
    return "".join(out)
