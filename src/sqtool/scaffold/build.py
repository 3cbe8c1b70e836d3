"""Build a new plan from a playbook plus given answers (``--answers`` file, ``--set``), and check it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sqtool.errors import SqtoolError
from sqtool.scaffold.answers import (
    QUESTIONS,
    QUESTIONS_BY_KEY,
    TOPIC,
    AnswerProblem,
    apply,
    asked,
    check,
    coerce,
    ordered,
)
from sqtool.scaffold.keypath import MAX_LIST_INDEX, get_value, is_known, parse_key_path, set_value
from sqtool.settings import Lang

PLAYBOOK_KEY = "playbook"  # in an answers file: which playbook to start from
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


def parse_scalar(text: str) -> Any:
    """A ``--set`` value read as a YAML 1.2-like scalar or flow list; raises ValueError when it is not YAML.

    A value such as ``[a`` or ``a: b`` would otherwise silently become text nobody meant; quoted
    (``"[a"``) it is text on purpose.
    """
    from sqtool.plan.load import PlanLoadError, parse_plan

    if "\n" in text:
        return text
    try:
        value = parse_plan(f"value: {text}", "--set").data.get("value")
    except PlanLoadError:
        raise ValueError(text) from None
    # "#ops" reads as a YAML comment: only an explicit null (or nothing) means null
    return text if value is None and text.strip() not in _NULLS else value


def parse_assignments(assignments: Sequence[str]) -> dict[str, Any]:
    """``["community.name=晨读会", ...]`` -> ``{"community.name": "晨读会"}`` (later ones win)."""
    given: dict[str, Any] = {}
    for assignment in assignments:
        key, sign, value = assignment.partition("=")
        if not sign or not key.strip():
            raise SqtoolError("scaffold.bad_set", hint="scaffold.bad_set_hint", assignment=assignment)
        try:
            given[key.strip()] = parse_scalar(value.strip())
        except ValueError:
            raise SqtoolError(
                "scaffold.set_not_yaml", hint="scaffold.set_not_yaml_hint", key=key.strip(), value=value.strip()
            ) from None
    return given


def _flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict) and value and path != PLAYBOOK_KEY:
            flat.update(_flatten(value, f"{path}."))
        else:
            flat[path] = value
    return flat


def read_answers(path: str | Path) -> dict[str, Any]:
    """An answers file: a YAML mapping of dotted key paths (or nested mappings) to values."""
    from sqtool.plan.load import PlanLoadError, load_plan

    try:
        loaded = load_plan(path)
    except PlanLoadError as error:
        if _document_kind(path) in ("sequence", "scalar"):  # YAML, but not a mapping
            raise SqtoolError(
                "scaffold.bad_answers",
                hint="scaffold.bad_answers_hint",
                path=error.path,
                line=error.line,
                col=error.col,
            ) from None
        first = error.findings[0]
        raise SqtoolError(
            "scaffold.answers_unreadable",
            hint="scaffold.bad_answers_hint",
            path=first.path,
            line=first.line,
            col=first.col,
            message=first.message,
        ) from None
    if not isinstance(loaded.data, dict):
        raise SqtoolError("scaffold.bad_answers", hint="scaffold.bad_answers_hint", path=loaded.path)
    return _flatten(loaded.data)


def _document_kind(path: str | Path) -> str:
    """``mapping``, ``sequence`` or ``scalar`` for a YAML document, ``unreadable`` when it does not parse
    (read by the plan loader's guards, so a bomb or deep nesting cannot get past this second look)."""
    from sqtool.plan.load import parse_yaml

    try:
        data = parse_yaml(Path(path).read_text(encoding="utf-8-sig"), str(path)).data
    except (OSError, UnicodeDecodeError, SqtoolError):
        return "unreadable"
    if isinstance(data, list):
        return "sequence"
    if data is None or isinstance(data, dict):
        return "mapping"
    return "scalar"


def _expected_kinds(pointer: tuple[str | int, ...]) -> tuple[str, ...]:
    """The types the schema allows at ``pointer`` (in schema order), or () when any value may go there."""
    from sqtool.scaffold.keypath import schema_nodes

    kinds: list[str] = []
    for node in schema_nodes(pointer):
        declared = node.get("type")
        if not node or (not declared and not {"oneOf", "anyOf", "allOf", "$ref"} & node.keys()):
            return ()  # a free-form or enum-only node: leave the value to the schema check
        for kind in [declared] if isinstance(declared, str) else declared or []:
            if kind not in kinds:
                kinds.append(kind)
    return tuple(kinds)


def _check_kind(pointer: tuple[str | int, ...], key: str, value: Any, source: str) -> None:
    """Refuse a non-mapping where the schema wants only a mapping (or a non-list for a list), naming the key."""
    expected = set(_expected_kinds(pointer)) - {"null"}
    if expected == {"object"} and not isinstance(value, dict):
        from sqtool.scaffold.keypath import schema_nodes

        fields = [name for node in schema_nodes(pointer) for name in (node.get("properties") or {})]
        example = f"{key}.{fields[0] if fields else 'name'}=…"
        raise SqtoolError(
            "scaffold.needs_mapping",
            hint="scaffold.needs_mapping_hint",
            path=source,
            key=key,
            value=value,
            example=example,
        )
    if expected == {"array"} and not isinstance(value, list):
        raise SqtoolError("scaffold.needs_list", hint="scaffold.needs_list_hint", path=source, key=key, value=value)


def _problem(error: AnswerProblem, key: str, source: str, lang: Lang) -> SqtoolError:
    from sqtool.i18n import Translator

    problem = error.text(Translator(lang))
    return SqtoolError("scaffold.bad_value", hint="scaffold.bad_value_hint", path=source, key=key, problem=problem)


def apply_given(plan: dict[str, Any], given: Mapping[str, Any], *, source: str, lang: Lang = "en") -> None:
    """Apply answers by key path: question keys through their checks, other schema paths as they are."""
    for key in ordered(key for key in given if key != PLAYBOOK_KEY):
        question = QUESTIONS_BY_KEY.get(key)
        if question is not None:
            try:
                value = coerce(question, given[key])
                check(question, value, plan)
            except AnswerProblem as error:
                raise _problem(error, key, source, lang) from None
            apply(plan, question, value)
            continue
        try:
            pointer = parse_key_path(key)
        except ValueError:
            pointer = ()
        except IndexError as error:
            raise SqtoolError(
                "scaffold.index_too_large",
                hint="scaffold.index_too_large_hint",
                path=source,
                key=key[:80],
                index=str(error),
                most=MAX_LIST_INDEX,
            ) from None
        if not pointer or not is_known(pointer):
            raise SqtoolError("scaffold.unknown_key", hint="scaffold.unknown_key_hint", path=source, key=key)
        _check_kind(pointer, key, given[key], source)
        try:
            set_value(plan, pointer, given[key])
        except TypeError as error:
            raise SqtoolError(
                "scaffold.unknown_key", hint="scaffold.unknown_key_hint", path=source, key=str(error)
            ) from None


def consistency_problems(plan: dict[str, Any], *, lang: Lang = "en") -> list[tuple[str, str]]:
    """(key, problem) for every answered question whose value no longer fits the rest of the plan."""
    from sqtool.i18n import Translator

    tr = Translator(lang)
    problems: list[tuple[str, str]] = []
    for question in QUESTIONS:
        if not question.stored or not asked(question, plan):
            continue
        value = get_value(plan, question.pointer)
        if value is None and question.optional:
            continue
        try:
            check(question, value, plan)
        except AnswerProblem as error:
            problems.append((question.key, error.text(tr)))
    return problems


def ensure_consistent(plan: dict[str, Any], *, source: str, lang: Lang = "en") -> None:
    problems = consistency_problems(plan, lang=lang)
    if problems:
        key, problem = problems[0]
        raise SqtoolError("scaffold.bad_value", hint="scaffold.bad_value_hint", path=source, key=key, problem=problem)


def schema_problems(text: str, path: str, *, lang: Lang = "en") -> list[str]:
    """The schema (SQ001) or loader (SQ000) messages for a rendered plan; empty when it is valid."""
    from sqtool.plan.load import PlanLoadError, parse_plan
    from sqtool.plan.schema import schema_findings

    try:
        loaded = parse_plan(text, path, lang=lang)
    except PlanLoadError as error:
        return [finding.message for finding in error.findings]
    return [finding.message for finding in schema_findings(loaded, lang=lang)]


def topic_of(given: Mapping[str, Any]) -> str:
    value = given.get(TOPIC)
    return value.strip() if isinstance(value, str) else ""
