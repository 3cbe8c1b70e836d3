"""Write a plan as commented YAML: a schema modeline, then each section under a note saying what it is for."""

from __future__ import annotations

import ntpath
import os
import posixpath
import re
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePath, PureWindowsPath
from typing import Any

import yaml

from sqtool.i18n import Translator
from sqtool.settings import Lang

# The order of SPEC §3, then the Community Canvas fields; anything else follows in its own order.
SECTION_ORDER = (
    "version",
    "community",
    "positioning",
    "members",
    "roles",
    "rules",
    "value_output",
    "rituals",
    "growth",
    "offline",
    "monetization",
    "governance",
    "offboarding",
    "content_plan",
    "channels",
    "data_policy",
    "thresholds",
    "kpis",
    "budget",
)


_TIME_OR_DATE = re.compile(r"\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}")


class _Dumper(yaml.SafeDumper):
    """Block mappings, indented lists, one-line lists of plain values; never anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    leaves = bool(data) and not any(isinstance(item, dict | list) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=leaves)


def _represent_dict(dumper: yaml.SafeDumper, data: dict[str, Any]) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=False)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    # Times and dates are quoted so that YAML 1.1 tools do not read 12:30 as 750 or a date as a date.
    style = '"' if _TIME_OR_DATE.match(data) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(dict, _represent_dict)


SCHEMA_FILE = "community-plan.schema.json"
# where a repository keeps its copy of the schema (`sqtool schema -o ...`), looked for beside the plan
# and in each folder above it, up to the repository's top (the folder holding .git)
SCHEMA_PLACES = (SCHEMA_FILE, f"schemas/{SCHEMA_FILE}", f".sqtool/{SCHEMA_FILE}")


def schema_reference(plan_path: str | Path = "plan.yaml") -> str:
    """What the ``$schema`` modeline of a plan written at ``plan_path`` points at, as a path from the
    plan's folder to a schema file that exists, so editors resolve it without a network: the
    repository's own copy (``sqtool schema -o schemas/community-plan.schema.json``) when there is one
    beside the plan or above it, else the schema sqtool ships. Forward slashes on every system; a
    file URI when no relative path exists (another drive on Windows)."""
    from sqtool.resources import schema_path

    folder = Path(os.path.abspath(Path(plan_path).parent))
    target = find_repository_schema(folder) or schema_path().resolve()
    return relative_reference(str(target), str(folder))


def relative_reference(target: str, folder: str, flavour: type[PurePath] | None = None) -> str:
    """``target`` as a path from ``folder`` with forward slashes (what a modeline wants on Windows too),
    or a file URI when there is no relative path (another drive). ``flavour`` (PureWindowsPath,
    PurePosixPath) lets tests reason about the other system's paths."""
    flavour = flavour or type(PurePath())
    module = ntpath if flavour is PureWindowsPath else posixpath
    try:
        return flavour(module.relpath(target, folder)).as_posix()
    except ValueError:  # Windows: the plan and the schema are on different drives
        return flavour(target).as_uri()


def find_repository_schema(folder: Path) -> Path | None:
    """The first schema copy in SCHEMA_PLACES of ``folder`` or a folder above it, up to the repository top."""
    for current in (folder, *folder.parents):
        for place in SCHEMA_PLACES:
            candidate = current / place
            if candidate.is_file():
                return candidate
        if (current / ".git").exists():
            return None
    return None


def _comment(text: str) -> str:
    return "\n".join(f"# {line}".rstrip() for line in text.splitlines())


def _dump(key: str, value: Any) -> str:
    return yaml.dump(
        {key: value},
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=110,
        indent=2,
    )


def render_plan(plan: Mapping[str, Any], *, lang: Lang, playbook: str, path: str, review: Sequence[str] = ()) -> str:
    """The plan as YAML text with a comment before every section, in ``lang``; the key paths in
    ``review`` (answered by the playbook, not asked) get a ``# review:`` comment line above them."""
    tr = Translator(lang)
    parts = [
        f"# yaml-language-server: $schema={schema_reference(path)}",
        _comment(tr("scaffold.header", playbook=playbook, path=path)),
    ]
    keys = [key for key in SECTION_ORDER if key in plan] + [key for key in plan if key not in SECTION_ORDER]
    others_noted = False
    for key in keys:
        if key in SECTION_ORDER:
            note = tr(f"scaffold.section.{key}")
        elif not others_noted:
            note, others_noted = tr("scaffold.section.other"), True
        else:
            note = ""
        block = _dump(key, plan[key]).rstrip("\n")
        parts.append(f"{_comment(note)}\n{block}" if note else block)
    text = "\n\n".join(parts) + "\n"
    return _mark_review(text, review, tr("scaffold.review_comment")) if review else text


def _mark_review(text: str, review: Sequence[str], comment: str) -> str:
    """A ``# review:`` comment line, indented like the key, above each key path in ``review``."""
    from sqtool.plan.load import parse_plan
    from sqtool.scaffold.keypath import parse_key_path

    loaded = parse_plan(text)
    lines = text.split("\n")
    marks: dict[int, str] = {}
    for key in review:
        pointer = parse_key_path(key)
        if pointer not in loaded.positions:
            continue
        line, _ = loaded.key_position(pointer)
        source = lines[line - 1]
        indent = source[: len(source) - len(source.lstrip(" -"))].replace("-", " ")
        marks.setdefault(line, f"{indent}# {comment}")
    for line in sorted(marks, reverse=True):
        lines.insert(line - 1, marks[line])
    return "\n".join(lines)
