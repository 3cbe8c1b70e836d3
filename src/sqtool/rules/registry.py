"""The rule registry: each rule declares its id, severity, source articles and texts in one decorator."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqtool.diagnostics import Finding, Severity
from sqtool.i18n import Translator
from sqtool.plan.model import PlanModel, Pointer
from sqtool.rules.config import CheckConfig

# Families in the order `sqtool rules` lists them; each module registers its rules on import.
FAMILIES: tuple[str, ...] = (
    "plan_file",
    "positioning",
    "roles",
    "entry_and_conduct",
    "value",
    "rituals",
    "monetization",
    "growth",
    "drift",
    "schedule",
)


@dataclass(frozen=True, slots=True)
class RuleContext:
    """What a check function receives: the plan model, the effective config, a translator, today's date."""

    plan: PlanModel
    config: CheckConfig
    tr: Translator
    today: date
    rule: Rule
    severity: Severity

    @property
    def data(self) -> Any:
        return self.plan.data

    def finding(self, pointer: Pointer, message: str = "message", *, at_key: bool = False, **args: object) -> Finding:
        """A finding of this rule at ``pointer`` with the message ``rules.<ID>.<message>`` and the rule's hint."""
        if at_key and pointer:
            line, col = self.plan.key_position(pointer)
        else:
            line, col = self.plan.position(pointer)
        return Finding(
            rule_id=self.rule.id,
            severity=self.severity,
            message=self.tr(f"rules.{self.rule.id}.{message}", **args),
            path=self.plan.path,
            line=line,
            col=col,
            hint=self.tr(f"rules.{self.rule.id}.hint", **args),  # a hint may reuse the message's numbers
        )


CheckFunction = Callable[[RuleContext], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: texts live in the catalogue under ``rules.<id>.*`` (name, why, bad, good, hint, messages)."""

    id: str
    family: str
    severity: Severity
    sources: tuple[str, ...]  # source article numbers (docs/sources.md), e.g. ("002",)
    check: CheckFunction | None  # None for SQ000/SQ001, which the loader and the schema produce
    options: tuple[str, ...] = ()  # CheckConfig option names the rule reads (shown by `explain`)

    def name(self, tr: Translator) -> str:
        return tr(f"rules.{self.id}.name")

    def summary(self, tr: Translator) -> str:
        return tr(f"rules.{self.id}.summary")


_REGISTERED: dict[str, Rule] = {}


def rule(
    rule_id: str,
    *,
    severity: Severity | str,
    sources: tuple[str, ...] = (),
    options: tuple[str, ...] = (),
) -> Callable[[CheckFunction], CheckFunction]:
    """Register the decorated check function as rule ``rule_id`` of the module's family."""

    def register(function: CheckFunction) -> CheckFunction:
        family = function.__module__.rsplit(".", 1)[-1]
        _add(Rule(rule_id, family, Severity(severity), sources, function, options))
        return function

    return register


def declare(rule_id: str, *, family: str, severity: Severity | str, sources: tuple[str, ...] = ()) -> None:
    """Register a rule whose findings come from elsewhere (the loader, the schema)."""
    _add(Rule(rule_id, family, Severity(severity), sources, None))


def _add(new_rule: Rule) -> None:
    if new_rule.id in _REGISTERED:
        raise RuntimeError(f"rule {new_rule.id} is registered twice")
    _REGISTERED[new_rule.id] = new_rule


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, sorted by id (imports the family modules once)."""
    for family in FAMILIES:
        importlib.import_module(f"sqtool.rules.{family}")
    return tuple(sorted(_REGISTERED.values(), key=lambda item: item.id))


def rules_by_id() -> dict[str, Rule]:
    return {item.id: item for item in all_rules()}


def find_rule(rule_id: str) -> Rule | None:
    """The rule with this id (case-insensitive), or None."""
    return rules_by_id().get(rule_id.strip().upper())
