"""Validate a loaded plan against the JSON Schema and turn each error into a positioned Finding (SQ001)."""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from sqtool.diagnostics import Finding, Severity
from sqtool.errors import SqtoolError
from sqtool.i18n import Translator
from sqtool.plan.load import LoadedPlan, load_plan
from sqtool.plan.model import Pointer
from sqtool.resources import schema_path
from sqtool.settings import Lang

if TYPE_CHECKING:  # jsonschema is imported only to explain a plan the quick test rejects (0.15 s)
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

RULE_ID = "SQ001"
_SHOWN_VALUE_LIMIT = 60


@cache
def plan_schema() -> dict[str, Any]:
    """The community-plan JSON Schema, parsed once."""
    return json.loads(schema_path("community-plan").read_text(encoding="utf-8"))


@cache
def _validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(plan_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_findings(plan: LoadedPlan, *, lang: Lang = "en") -> list[Finding]:
    """One finding per problem, at the line and column of the offending key or value (none for a
    valid plan, which the quick test of ``plan/fastschema.py`` recognises without jsonschema)."""
    from sqtool.plan.fastschema import surely_valid

    if surely_valid(plan.data):
        return []
    return explain_schema(plan, lang=lang)


def explain_schema(plan: LoadedPlan, *, lang: Lang = "en", whole: bool = False) -> list[Finding]:
    """The findings of jsonschema's explaining validator, whatever the quick test says.

    jsonschema looks only inside the top-level properties the quick test rejects (``whole``: inside
    all of them; tests/rules/test_fastschema.py checks that both give the same findings)."""
    tr = Translator(lang)
    findings: list[Finding] = []
    seen: set[tuple[int, int, str]] = set()
    for error in _one_per_value(_errors(plan.data, whole)):
        for finding in _explain(error, plan, tr):
            identity = (finding.line, finding.col, finding.message)
            if identity not in seen:
                seen.add(identity)
                findings.append(finding)
    for pointer in non_finite(plan.data):  # JSON has no NaN or infinity; YAML's .nan and .inf are no numbers
        line, col = plan.position(pointer)
        if any((finding.line, finding.col) == (line, col) for finding in findings):
            continue  # the schema already refuses this value (an integer field, a bound)
        findings.append(_finding(plan, line, col, tr("plan.schema.not_finite", name=_name(pointer, tr)), None))
    return sorted(findings, key=lambda f: (f.line, f.col))


def _errors(data: Any, whole: bool) -> Iterator[ValidationError]:
    """jsonschema's errors for ``data``. A top-level property whose value the quick test accepts gets
    the schema ``true`` instead of its own: it yields nothing either way, and jsonschema (about 5 ms
    a plan) walks only the properties that hold the errors. Every other keyword (required, unknown
    keys) still sees the whole plan and the same property names."""
    validator = _validator()
    if not whole:
        from sqtool.plan.fastschema import valid_properties

        accepted = valid_properties(data)
        if accepted:
            schema = dict(plan_schema())
            schema["properties"] = {
                name: True if name in accepted else own for name, own in schema["properties"].items()
            }
            return validator.evolve(schema=schema).iter_errors(data)
    return validator.iter_errors(data)


def load_valid_plan(source: str, lang: Lang, *, refusal: str = "audit.plan_invalid") -> LoadedPlan:
    """A plan that passes `sqtool validate` (YAML and schema), else a SqtoolError at its first problem:
    ``audit``, ``plan`` and ``portfolio`` read the plan as validate does. ``refusal`` is the catalogue
    key of the error (its ``_hint`` says what to run again)."""
    loaded = load_plan(source, lang=lang)
    problems = [finding for finding in schema_findings(loaded, lang=lang) if finding.severity is Severity.ERROR]
    if problems:
        first = problems[0]
        raise SqtoolError(
            refusal,
            hint=f"{refusal}_hint",
            path=first.path,
            line=first.line,
            col=first.col,
            message=first.message,
        )
    return loaded


def non_finite(data: Any, pointer: Pointer = ()) -> Iterator[Pointer]:
    """Where ``data`` holds NaN or an infinity (``.nan``, ``.inf``, ``1e999`` in YAML)."""
    if isinstance(data, float) and not math.isfinite(data):
        yield pointer
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from non_finite(value, (*pointer, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from non_finite(value, (*pointer, index))


def _one_per_value(errors: Iterator[ValidationError]) -> list[ValidationError]:
    """Keep every missing and unknown key, but only the clearest of several complaints about one value."""
    kept: list[ValidationError] = []
    by_value: dict[Pointer, list[ValidationError]] = {}
    for error in errors:
        if error.validator in ("required", "additionalProperties"):
            kept.append(error)
        else:
            by_value.setdefault(tuple(error.absolute_path), []).append(error)
    for group in by_value.values():
        kept.append(group[0] if len(group) == 1 else max(group, key=_relevance))
    return kept


def _relevance(error: ValidationError) -> tuple[bool, bool]:
    # a direct complaint (enum, type) reads better than "matches none of the alternatives"
    return error.validator not in ("oneOf", "anyOf"), error.validator != "if"


def _explain(error: ValidationError, plan: LoadedPlan, tr: Translator) -> Iterator[Finding]:
    pointer: Pointer = tuple(error.absolute_path)
    validator = error.validator
    hint: str | None
    if validator == "additionalProperties":
        schema = error.schema if isinstance(error.schema, Mapping) else {}  # the object schema holding the keyword
        known = sorted(schema.get("properties", {}))
        allowed = schema.get("patternProperties", {})
        for key in _unexpected_keys(error.instance, known, allowed):
            suggestion = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            if suggestion:
                hint = tr("plan.schema.unknown_key_hint_close", suggestion=suggestion[0])
            else:
                hint = tr("plan.schema.unknown_key_hint", known=", ".join(known))
            line, col = plan.key_position((*pointer, key))
            message = tr("plan.schema.unknown_key", key=key, where=_where(pointer, tr))
            yield _finding(plan, line, col, message, hint)
        return
    if validator == "required":
        present = error.instance if isinstance(error.instance, dict) else {}
        for key in _keyword_value(error):
            if key in present:
                continue
            line, col = plan.key_position(pointer)
            message = tr("plan.schema.missing", key=key, where=_where(pointer, tr))
            about = _about((*pointer, key), tr)
            hint = tr("plan.schema.missing_hint", key=key, about=about) if about else None
            yield _finding(plan, line, col, message, hint)
        return
    if "propertyNames" in error.schema_path:
        line, col = plan.key_position((*pointer, str(error.instance)))
        yield _finding(plan, line, col, tr("plan.schema.key_name", key=error.instance), _field_hint(pointer, tr))
        return
    message, hint, at = _describe(_clearest(error), pointer, tr)
    line, col = plan.position(at)
    yield _finding(plan, line, col, message, hint or _field_hint(at or pointer, tr))


def _keyword_value(error: ValidationError) -> Any:
    """The value of the schema keyword that failed (``["a", "b"]`` for an enum, ``"string"`` for a type).

    Every error that validation yields has it; the stubs also allow a hand-made error without one.
    """
    return error.validator_value


def _unexpected_keys(instance: Any, known: Sequence[str], patterns: dict[str, Any]) -> list[str]:
    if not isinstance(instance, dict):
        return []
    return [
        str(key)
        for key in instance
        if key not in known and not any(re.search(pattern, str(key)) for pattern in patterns)
    ]


def _clearest(error: ValidationError) -> ValidationError:
    """For oneOf/anyOf: the one cause worth showing, or the error itself when no alternative fits at all."""
    while error.validator in ("oneOf", "anyOf") and error.context:
        branches: dict[Any, list[ValidationError]] = {}
        for sub in error.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        # a branch whose type fits the value is the one the author meant; its errors are the real cause
        fitting = [subs for subs in branches.values() if not any(_wrong_type(sub) for sub in subs)]
        if len(fitting) != 1 or _known_key_or_text(error):
            return error
        from jsonschema.exceptions import best_match

        error = best_match(fitting[0]) or error
    return error


def _wrong_type(error: ValidationError) -> bool:
    """The value is of another JSON type than the branch wants (a weekday name for a number, say)."""
    if error.relative_path:
        return False
    if error.validator == "type":
        return True
    if error.validator == "enum":
        return all(_json_type(option) != _json_type(error.instance) for option in _keyword_value(error))
    return False


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return type(value).__name__


def _known_key_or_text(error: ValidationError) -> bool:
    validators = {sub.validator for sub in error.context}
    return {"enum", "pattern"} <= validators


def _describe(error: ValidationError, pointer: Pointer, tr: Translator) -> tuple[str, str | None, Pointer]:
    """(message, hint or None, pointer of the value to point at) for one value-level error."""
    at: Pointer = tuple(error.absolute_path)
    name = _name(at or pointer, tr)
    value: Any = error.instance  # the plan value at ``at`` (set on every error that validation yields)
    shown = _shown(value, tr)
    validator = error.validator
    if validator in ("oneOf", "anyOf"):
        return _alternatives(error, name, shown, tr), _alternatives_hint(error, tr), at
    if validator == "type":
        expected = _type_names(_keyword_value(error), tr)
        return tr("plan.schema.type", name=name, expected=expected, value=shown), None, at
    if validator == "const":
        expected = json.dumps(_keyword_value(error), ensure_ascii=False)
        return tr("plan.schema.type", name=name, expected=expected, value=shown), None, at
    if validator == "enum":
        allowed = ", ".join(str(option) for option in _keyword_value(error))
        message = tr("plan.schema.enum", name=name, allowed=allowed, value=shown)
        return message, _did_you_mean(value, _keyword_value(error), tr), at
    if validator == "pattern":
        return _pattern_message(error, name, shown, tr), _pattern_hint(error, tr), at
    if validator == "format" and _keyword_value(error) == "date":
        return tr("plan.schema.date", name=name, value=shown), tr("plan.schema.date_hint"), at
    if validator in ("minimum", "exclusiveMinimum"):
        return tr("plan.schema.minimum", name=name, limit=_keyword_value(error), value=shown), None, at
    if validator in ("maximum", "exclusiveMaximum"):
        return tr("plan.schema.maximum", name=name, limit=_keyword_value(error), value=shown), None, at
    if validator == "minLength":
        return tr("plan.schema.empty_text", name=name), None, at
    if validator == "minItems":
        return tr("plan.schema.min_items", name=name, limit=_keyword_value(error)), None, at
    if validator == "uniqueItems":
        index = _first_repeat(value)
        repeated = _shown(value[index], tr) if index is not None else shown
        where = (*at, index) if index is not None else at
        return tr("plan.schema.duplicate_item", name=name, value=repeated), tr("plan.schema.duplicate_item_hint"), where
    return tr("plan.schema.other", name=name, detail=error.message), None, at


def _alternatives(error: ValidationError, name: str, shown: str, tr: Translator) -> str:
    subs = list(error.context)
    enums = [sub for sub in subs if sub.validator == "enum"]
    if enums and any(sub.validator == "pattern" for sub in subs):
        # a known key, or free text: the value looks like a mistyped key
        allowed = ", ".join(str(option) for option in _keyword_value(enums[0]))
        return tr("plan.schema.key_or_text", name=name, value=shown, allowed=allowed)
    if enums:
        allowed = ", ".join(str(option) for option in _keyword_value(enums[0]))
        return tr("plan.schema.enum", name=name, allowed=allowed, value=shown)
    types: list[str] = []
    for sub in subs:
        keyword = _keyword_value(sub)
        names = keyword if isinstance(keyword, list) else [keyword]
        if sub.validator == "type":
            types.extend(name for name in names if name not in types)
    expected = _type_names(types, tr) if types else tr("plan.type.other")
    return tr("plan.schema.type", name=name, expected=expected, value=shown)


def _alternatives_hint(error: ValidationError, tr: Translator) -> str | None:
    if not _known_key_or_text(error):
        return None
    options = [option for sub in error.context if sub.validator == "enum" for option in _keyword_value(sub)]
    return _did_you_mean(error.instance, options, tr) or tr("plan.schema.key_or_text_hint")


def _pattern_message(error: ValidationError, name: str, shown: str, tr: Translator) -> str:
    key = _PATTERN_KEYS.get(_pattern_owner(_keyword_value(error)))
    if key:
        return tr(key, name=name, value=shown)
    return tr("plan.schema.pattern", name=name, pattern=_keyword_value(error), value=shown)


def _pattern_hint(error: ValidationError, tr: Translator) -> str | None:
    owner = _pattern_owner(_keyword_value(error))
    return tr(f"plan.schema.{owner}_hint") if owner in _PATTERN_KEYS else None


_PATTERN_KEYS = {"time": "plan.schema.time", "currency": "plan.schema.currency", "timezone": "plan.schema.timezone"}


def _pattern_owner(pattern: str) -> str:
    """Which well-known field a pattern belongs to, read from the schema itself so the two cannot drift."""
    return _known_patterns().get(pattern, "")


@cache
def _known_patterns() -> dict[str, str]:
    schema = plan_schema()
    defs = schema["$defs"]
    return {
        defs["time"]["pattern"]: "time",
        defs["money"]["properties"]["currency"]["pattern"]: "currency",
        schema["properties"]["community"]["properties"]["timezone"]["pattern"]: "timezone",
    }


def _type_names(types: str | list[str], tr: Translator) -> str:
    names = [types] if isinstance(types, str) else list(types)
    return tr("plan.type.or").join(tr(f"plan.type.{name}") for name in names)


def _did_you_mean(value: Any, options: Sequence[Any], tr: Translator) -> str | None:
    if not isinstance(value, str):
        return None
    close = difflib.get_close_matches(value.lower(), [str(option) for option in options], n=1, cutoff=0.6)
    return tr("plan.schema.did_you_mean", suggestion=close[0]) if close else None


def _first_repeat(items: Any) -> int | None:
    """Index of the first item equal to an earlier one, by JSON equality (1 and true differ, 1 and 1.0 do not)."""
    if not isinstance(items, list):
        return None
    seen: set[str] = set()
    for index, item in enumerate(items):
        if isinstance(item, float) and item.is_integer():
            item = int(item)  # 1.0 and 1 are the same JSON number
        identity = json.dumps(item, sort_keys=True, ensure_ascii=False, default=str)
        if identity in seen:
            return index
        seen.add(identity)
    return None


def _name(pointer: Pointer, tr: Translator) -> str:
    """The key a message is about: 'target_size', or 'admins[1]' for a list item."""
    if not pointer:
        return tr("plan.schema.top_level")
    tail: list[str] = []
    for part in reversed(pointer):
        if isinstance(part, int):
            tail.append(f"[{part}]")
            continue
        tail.append(part)
        break
    return "".join(reversed(tail))


def _where(pointer: Pointer, tr: Translator) -> str:
    if not pointer:
        return tr("plan.schema.top_level")
    dotted = ""
    for part in pointer:
        dotted += f"[{part}]" if isinstance(part, int) else (f".{part}" if dotted else part)
    return tr("plan.schema.in_section", section=dotted)


def _shown(value: Any, tr: Translator) -> str:
    if value is None:
        return tr("plan.schema.empty_value")
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _SHOWN_VALUE_LIMIT else text[: _SHOWN_VALUE_LIMIT - 1] + "…"


def _field_hint(pointer: Pointer, tr: Translator) -> str | None:
    """What to write at ``pointer``: the kind of value the schema wants and an example value."""
    if not pointer:
        return None
    nodes = _nodes_at(pointer)
    if not nodes:
        return None
    key = next((part for part in reversed(pointer) if isinstance(part, str)), "")
    item = isinstance(pointer[-1], int)
    for node in nodes:
        if "const" in node:
            return tr("plan.hint.const", key=key, example=json.dumps(node["const"], ensure_ascii=False))
        if isinstance(node.get("enum"), list) and node["enum"]:
            options = ", ".join(str(option) for option in node["enum"])
            example = _as_item(str(node["enum"][0]), item)
            return tr("plan.hint.enum", options=options, key=key, example=example)
    types = [kind for node in nodes for kind in _types_of(node)]
    kinds = list(dict.fromkeys(kind for kind in types if kind != "null"))
    if not kinds:
        return None
    first = next(node for node in nodes if kinds[0] in _types_of(node))
    return tr(
        "plan.hint.kind",
        kind=_kind_words(kinds, nodes, tr),
        key=key,
        example=_as_item(_example(kinds[0], first, tr), item),
    )


def _as_item(example: str, item: bool) -> str:
    return f"[{example}]" if item else example


def _types_of(node: dict[str, Any]) -> list[str]:
    declared = node.get("type")
    return [declared] if isinstance(declared, str) else list(declared or [])


def _kind_words(kinds: list[str], nodes: list[dict[str, Any]], tr: Translator) -> str:
    words = _type_names(kinds, tr)
    numeric = next((node for node in nodes if {"integer", "number"} & set(_types_of(node))), None)
    if numeric is None:
        return words
    low, high = numeric.get("minimum"), numeric.get("maximum")
    if low is not None and high is not None:
        return tr("plan.hint.between", kind=words, low=low, high=high)
    if low is not None:
        return tr("plan.hint.at_least", kind=words, low=low)
    return words


def _example(kind: str, node: dict[str, Any], tr: Translator) -> str:
    """A value of ``kind`` that the schema accepts at ``node``, written as YAML."""
    if kind in ("integer", "number"):
        low, high = node.get("minimum", 0), node.get("maximum")
        if "default" in node:
            return str(node["default"])
        if kind == "number" and high is not None and high <= 1:
            return str(min(max(low, 0.3), high))  # a share such as 0.3
        value = 100 if low <= 100 and (high is None or high >= 100) else max(low, 1)
        return str(value if high is None else min(value, high))
    if kind == "array":
        listed = node.get("items")
        items = _resolve(listed if isinstance(listed, dict) else {}, plan_schema())
        if isinstance(items.get("enum"), list) and items["enum"]:
            return f"[{', '.join(str(option) for option in items['enum'][:2])}]"
        return tr("plan.example.list")
    if kind == "object":
        fields = list(node.get("properties") or {})
        return "{" + (f"{fields[0]}: …" if fields else "…") + "}"
    if kind == "boolean":
        return "true"  # a YAML literal, the same in every language
    return tr("plan.example.string") if kind == "string" else "…"


def _nodes_at(pointer: Pointer) -> list[dict[str, Any]]:
    """The schema nodes for ``pointer`` (refs resolved, both branches of a names-or-count field)."""
    schema = plan_schema()
    node: dict[str, Any] = schema
    for part in pointer:
        node = _resolve(node, schema)
        child = node.get("items") if isinstance(part, int) else node.get("properties", {}).get(part)
        if not isinstance(child, dict):
            return []
        node = child
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    branches = node.get("oneOf") or node.get("anyOf") or []
    return [node, *(_resolve(branch, schema) for branch in branches if isinstance(branch, dict))]


def _about(pointer: Pointer, tr: Translator) -> str | None:
    """The schema's description of the field at ``pointer``, in the reader's language."""
    description = _description_at(pointer)
    if not description:
        return None
    english, _, chinese = description.partition(" / ")
    return chinese if tr.lang == "zh" and chinese else english


def _description_at(pointer: Pointer) -> str | None:
    schema = plan_schema()
    node: dict[str, Any] = schema
    description = node.get("description")
    for part in pointer:
        node = _resolve(node, schema)
        child = node.get("items") if isinstance(part, int) else node.get("properties", {}).get(part)
        if not isinstance(child, dict):
            return None
        description = child.get("description")
        node = child
    return description


def _resolve(node: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    if "oneOf" in node and "properties" not in node and "items" not in node:
        # names or a count: the list branch is the one with items
        for branch in node["oneOf"]:
            branch = _resolve(branch, schema)
            if "items" in branch or "properties" in branch:
                return branch
    return node


def _finding(plan: LoadedPlan, line: int, col: int, message: str, hint: str | None) -> Finding:
    return Finding(RULE_ID, Severity.ERROR, message, plan.path, line, col, hint)
