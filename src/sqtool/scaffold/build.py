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
from sqtool.scaffold.keypath import get_value, is_known, parse_key_path, set_value
from sqtool.settings import Lang

PLAYBOOK_KEY = "playbook"  # in an answers file: which playbook to start from
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


def parse_scalar(text: str) -> Any:
    """A ``--set`` value read as a YAML 1.2-like scalar or flow list; text that is not YAML stays text."""
    from sqtool.plan.load import PlanLoadError, parse_plan

    if "\n" in text:
        return text
    try:
        value = parse_plan(f"value: {text}", "--set").data.get("value")
    except PlanLoadError:
        return text
    # "#ops" reads as a YAML comment: only an explicit null (or nothing) means null
    return text if value is None and text.strip() not in _NULLS else value


def parse_assignments(assignments: Sequence[str]) -> dict[str, Any]:
    """``["community.name=晨读会", ...]`` -> ``{"community.name": "晨读会"}`` (later ones win)."""
    given: dict[str, Any] = {}
    for assignment in assignments:
        key, sign, value = assignment.partition("=")
        if not sign or not key.strip():
            raise SqtoolError("scaffold.bad_set", hint="scaffold.bad_set_hint", assignment=assignment)
        given[key.strip()] = parse_scalar(value.strip())
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
    from sqtool.plan.load import load_plan

    loaded = load_plan(path)
    if not isinstance(loaded.data, dict):
        raise SqtoolError("scaffold.bad_answers", hint="scaffold.bad_answers_hint", path=loaded.path)
    return _flatten(loaded.data)


def _problem(error: AnswerProblem, key: str, source: str, lang: Lang) -> SqtoolError:
    from sqtool.i18n import Translator

    problem = Translator(lang)(error.key, **error.args_for_message)
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
        if not pointer or not is_known(pointer):
            raise SqtoolError("scaffold.unknown_key", hint="scaffold.unknown_key_hint", path=source, key=key)
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
            problems.append((question.key, tr(error.key, **error.args_for_message)))
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
