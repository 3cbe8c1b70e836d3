"""Dotted key paths (``value_output.0.time``) into a plan, and the schema's view of them."""

from __future__ import annotations

import re
from typing import Any

from sqtool.plan.access import get as get_value  # noqa: F401  # re-exported: one walk of a pointer for everyone
from sqtool.plan.model import Pointer

MAX_LIST_INDEX = 9_999  # a plan's lists hold a few items; a bigger index would only fill memory with blanks


def parse_key_path(text: str) -> Pointer:
    """``"roles.admins.0"`` -> ``("roles", "admins", 0)``; numeric parts are list indexes.

    ValueError for an empty part; IndexError for an index over MAX_LIST_INDEX (checked on its
    digits, before any int is made of them).
    """
    parts = text.strip().split(".")
    if not text.strip() or any(not part for part in parts):
        raise ValueError(text)
    for part in parts:
        if part.isdigit() and (len(part) > len(str(MAX_LIST_INDEX)) or int(part) > MAX_LIST_INDEX):
            raise IndexError(part[:12] + ("…" if len(part) > 12 else ""))
    return tuple(int(part) if part.isdigit() else part for part in parts)


def format_key_path(pointer: Pointer) -> str:
    return ".".join(str(part) for part in pointer)


def set_value(data: dict[str, Any], pointer: Pointer, value: Any) -> None:
    """Set ``value`` at ``pointer``, creating mappings and extending lists on the way."""
    current: Any = data
    for position, step in enumerate(pointer):
        last = position == len(pointer) - 1
        following = None if last else pointer[position + 1]
        empty: Any = [] if isinstance(following, int) else {}
        if isinstance(step, int):
            if not isinstance(current, list):
                raise TypeError(format_key_path(pointer[:position]))
            if step > MAX_LIST_INDEX:
                raise IndexError(str(step))
            while len(current) <= step:
                current.append({} if not last else None)
            if last:
                current[step] = value
            elif not isinstance(current[step], dict | list):
                current[step] = empty
            current = None if last else current[step]
        else:
            if not isinstance(current, dict):
                raise TypeError(format_key_path(pointer[:position]))
            if last:
                current[step] = value
            else:
                if not isinstance(current.get(step), dict | list):
                    current[step] = empty
                current = current[step]


def plan_schema() -> dict[str, Any]:
    """The community-plan JSON Schema shipped with sqtool (parsed once, by sqtool.plan.schema)."""
    from sqtool.plan.schema import plan_schema as loaded

    return loaded()


def _resolve(schema: dict[str, Any], node: Any) -> list[dict[str, Any]]:
    """``node`` with local ``$ref``s followed and ``allOf/anyOf/oneOf`` branches spread out."""
    if not isinstance(node, dict):
        return []
    found: list[dict[str, Any]] = []
    reference = node.get("$ref")
    # "#/$defs/x", or the same made absolute ("https://.../schema.json#/$defs/x") by fastjsonschema
    fragment = reference.partition("#")[2] if isinstance(reference, str) else ""
    if fragment.startswith("/"):
        target: Any = schema
        for part in fragment[1:].split("/"):
            target = target.get(part, {}) if isinstance(target, dict) else {}
        found.extend(_resolve(schema, target))
    found.append(node)
    for combinator in ("allOf", "anyOf", "oneOf"):
        for branch in node.get(combinator, []) or []:
            found.extend(_resolve(schema, branch))
    return found


# A sub-schema with none of these keys constrains nothing (e.g. the ``^x-`` extension fields).
_CONSTRAINTS = frozenset(
    {"type", "properties", "items", "enum", "const", "$ref", "oneOf", "anyOf", "allOf", "additionalProperties"}
)


def _children(schema: dict[str, Any], nodes: list[dict[str, Any]], step: str | int) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for node in nodes:
        if not _CONSTRAINTS & node.keys() and "patternProperties" not in node:
            found.append({})  # anything may go below a free-form field
            continue
        if isinstance(step, int):
            items = node.get("items")
            if isinstance(items, dict):
                found.extend(_resolve(schema, items))
            continue
        properties = node.get("properties") or {}
        if step in properties:
            found.extend(_resolve(schema, properties[step]))
            continue
        for pattern, sub in (node.get("patternProperties") or {}).items():
            if re.search(pattern, step):
                found.extend(_resolve(schema, sub))
        extra = node.get("additionalProperties")
        if isinstance(extra, dict):
            found.extend(_resolve(schema, extra))
    return found


def schema_nodes(pointer: Pointer, schema: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The sub-schemas that describe ``pointer``; empty when the schema has no such field."""
    schema = plan_schema() if schema is None else schema
    nodes = _resolve(schema, schema)
    for step in pointer:
        nodes = _children(schema, nodes, step)
        if not nodes:
            return []
    return nodes


def is_known(pointer: Pointer, schema: dict[str, Any] | None = None) -> bool:
    return bool(schema_nodes(pointer, schema))


def enum_at(pointer: Pointer, schema: dict[str, Any] | None = None) -> tuple[str, ...]:
    """The enumeration allowed at ``pointer`` (for lists: of their items), in schema order."""
    schema = plan_schema() if schema is None else schema
    nodes = schema_nodes(pointer, schema)
    for node in nodes:
        if isinstance(node.get("enum"), list):
            return tuple(str(value) for value in node["enum"])
    for node in nodes:
        items = node.get("items")
        for item in _resolve(schema, items) if isinstance(items, dict) else []:
            if isinstance(item.get("enum"), list):
                return tuple(str(value) for value in item["enum"])
    return ()
