"""Generate docs/plan-reference.md from the plan schema: ``python -m sqtool.plan.reference [--check] [PATH]``.

Every field of schemas/community-plan.schema.json with its type, its description in English and in
Chinese (the schema writes them "English / 中文"), whether it is required, and an example: the value
the complete example plan (examples/plan.yaml) has there, else the first bundled playbook that has
one, else the schema's own const, default or first allowed value.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqtool.plan.load import load_plan
from sqtool.resources import data_dir, schema_path

CHECKOUT = Path(__file__).resolve().parents[3]
DEFAULT_PATH = CHECKOUT / "docs" / "plan-reference.md"
EXAMPLE_PLAN = CHECKOUT / "examples" / "plan.yaml"
EXAMPLE_WIDTH = 70
_MISSING = object()
TABLE_HEADER = "| field | type | description | 说明 | example |"


@dataclass(frozen=True, slots=True)
class Field:
    path: tuple[str, ...]  # keys; "[]" stands for every item of a list
    type: str
    required: bool
    english: str
    chinese: str
    example: Any  # _MISSING when no source has one
    section: bool = False  # a mapping whose own fields follow in the table


def _resolve(node: Mapping[str, Any], defs: Mapping[str, Any]) -> dict[str, Any]:
    """``node`` with its $ref followed (the referring node's own keys, such as its description, win)."""
    merged = dict(node)
    while "$ref" in merged:
        target = defs[str(merged.pop("$ref")).rsplit("/", 1)[-1]]
        merged = {**target, **merged}
    return merged


def type_text(node: Mapping[str, Any], defs: Mapping[str, Any]) -> str:
    """A short type: string, integer, list of string, one of: a, b, ..., or the alternatives joined with "or"."""
    node = _resolve(node, defs)
    if "const" in node:
        return f"constant {json.dumps(node['const'], ensure_ascii=False)}"
    if "enum" in node:
        return "one of: " + ", ".join(str(value) for value in node["enum"])
    for key in ("oneOf", "anyOf"):
        if key in node:
            return " or ".join(dict.fromkeys(type_text(alternative, defs) for alternative in node[key]))
    kind = node.get("type")
    if kind == "array":
        items = node.get("items")
        return f"list of {type_text(items, defs)}" if isinstance(items, Mapping) else "list"
    if kind == "object" and "properties" not in node and isinstance(node.get("additionalProperties"), Mapping):
        return f"mapping of name to {type_text(node['additionalProperties'], defs)}"
    if isinstance(kind, list):
        return " or ".join(str(item) for item in kind)
    if kind == "object":
        return "mapping"
    return str(kind) if kind else "any"


def split_description(text: str) -> tuple[str, str]:
    """The English and the Chinese halves of a schema description ("English / 中文")."""
    english, separator, chinese = text.rpartition(" / ")
    return (english, chinese) if separator else (text, "")


def _value_at(data: Any, path: Sequence[str]) -> Any:
    for key in path:
        if key == "[]":
            if not isinstance(data, list) or not data:
                return _MISSING
            data = data[0]
        elif isinstance(data, Mapping) and key in data:
            data = data[key]
        else:
            return _MISSING
    return data


def _schema_example(node: Mapping[str, Any]) -> Any:
    for key in ("const", "default"):
        if key in node:
            return node[key]
    if node.get("examples"):
        return node["examples"][0]
    if node.get("enum"):
        return node["enum"][0]
    return _MISSING


def walk(schema: Mapping[str, Any], sources: Sequence[Any]) -> Iterator[Field]:
    """Every field, depth first in schema order; list items are walked as "[]"."""
    defs = schema.get("$defs", {})
    seen: set[tuple[str, ...]] = set()

    def fields_of(node: Mapping[str, Any], path: tuple[str, ...]) -> Iterator[Field]:
        node = _resolve(node, defs)
        required = set(node.get("required", ()))
        for key, child in node.get("properties", {}).items():
            here = (*path, key)
            resolved = _resolve(child, defs)
            if here not in seen:
                seen.add(here)
                english, chinese = split_description(str(resolved.get("description", "")))
                example = next(
                    (value for value in (_value_at(source, here) for source in sources) if value is not _MISSING),
                    _schema_example(resolved),
                )
                kind = type_text(child, defs)
                yield Field(here, kind, key in required, english, chinese, example, "properties" in resolved)
            yield from fields_of(child, here)
        items = node.get("items")
        if isinstance(items, Mapping):
            yield from fields_of(items, (*path, "[]"))
        for key in ("oneOf", "anyOf"):
            for alternative in node.get(key, ()):
                yield from fields_of(alternative, path)

    yield from fields_of(schema, ())


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def example_text(value: Any) -> str:
    if value is _MISSING:
        return "—"
    shown = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    if len(shown) > EXAMPLE_WIDTH:
        shown = shown[: EXAMPLE_WIDTH - 1] + "…"
    return f"`{_cell(shown)}`" if shown else '`""`'


def example_sources() -> list[Any]:
    """The complete example plan, then every bundled playbook (for the playbook-only fields)."""
    sources: list[Any] = [load_plan(EXAMPLE_PLAN).data] if EXAMPLE_PLAN.is_file() else []
    sources += [load_plan(path).data for path in sorted(data_dir("playbooks").glob("*.yaml"))]
    return sources


def render_markdown() -> str:
    schema = json.loads(schema_path("community-plan").read_text(encoding="utf-8"))
    fields = list(walk(schema, example_sources()))
    lines = [
        "# Plan reference / 计划字段参考",
        "",
        "<!-- Generated by `python -m sqtool.plan.reference` from schemas/community-plan.schema.json; "
        "do not edit by hand. -->",
        "",
        "Every field of a plan file, in the order of the schema: its type, its description in English and",
        "Chinese, and an example (from [examples/plan.yaml](../examples/plan.yaml), else a bundled",
        "playbook, else the schema). `[]` stands for each item of a list; **required** fields must be",
        "present when their section is. Keys starting with `x-` are allowed anywhere and ignored.",
        "[plan-file.md](plan-file.md) explains how the file is read and checked.",
        "",
        "计划文件的每个字段：类型、中英文说明和示例。`[]` 表示列表中的每一项；标为 **required** 的字段",
        "在其所在部分出现时必须填写。以 `x-` 开头的键可以放在任何位置，sqtool 不检查。",
    ]
    section = None
    for field in fields:
        if field.path[0] != section:
            section = field.path[0]
            lines += ["", f"## {section}", "", TABLE_HEADER, "|---|---|---|---|---|"]
        name = f"`{'.'.join(field.path)}`" + (" **required**" if field.required else "")
        lines.append(
            f"| {name} | {_cell(field.type)} | {_cell(field.english)} | {_cell(field.chinese)} | "
            f"{'(the fields below)' if field.section else example_text(field.example)} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the page, or with ``--check`` exit 1 when the page on disk is out of date."""
    from sqtool.docpages import page_main

    return page_main(argv, DEFAULT_PATH, render_markdown, "sqtool.plan.reference")


if __name__ == "__main__":
    sys.exit(main())
