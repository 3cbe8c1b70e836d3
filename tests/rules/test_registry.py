"""The registry itself: ids, texts in both languages, sources, and the explain snippets behave as they say."""

from __future__ import annotations

import re
from datetime import date

import pytest

from sqtool.diagnostics import Severity
from sqtool.i18n import catalogue, text
from sqtool.plan.load import parse_plan
from sqtool.plan.model import PlanModel
from sqtool.rules.config import OPTION_NAMES, CheckConfig
from sqtool.rules.engine import run_rules
from sqtool.rules.registry import all_rules, find_rule
from tests.conftest import SEEDS, needs_shared

RULES = all_rules()
CHECKED = [rule for rule in RULES if rule.check is not None]
TEXTS = ("name", "summary", "why", "bad", "good", "hint")


def test_at_least_thirty_rules_with_stable_ids() -> None:
    ids = [rule.id for rule in RULES]
    assert len(CHECKED) >= 30
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"SQ\d{3}", rule_id) for rule_id in ids)
    spec_ids = {"SQ001", *(f"SQ10{n}" for n in range(1, 6)), *(f"SQ20{n}" for n in range(1, 5))}
    spec_ids |= {*(f"SQ30{n}" for n in range(1, 6)), "SQ401", "SQ402", *(f"SQ50{n}" for n in range(1, 5))}
    spec_ids |= {"SQ601", "SQ602", "SQ701"}
    assert spec_ids <= set(ids), sorted(spec_ids - set(ids))
    drift = {rule.id for rule in RULES if rule.family == "drift"}
    assert drift == {f"SQ80{n}" for n in range(1, 7)}, "SQ8xx are the audit's drift findings, in the one registry"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_rule_texts_exist_in_both_languages(rule) -> None:
    messages = catalogue()
    for name in TEXTS:
        entry = messages[f"rules.{rule.id}.{name}"]
        assert entry["en"].strip() and entry["zh"].strip()
    assert isinstance(rule.severity, Severity)
    assert set(rule.options) <= set(OPTION_NAMES)


@pytest.mark.parametrize("rule", [rule for rule in RULES if rule.sources], ids=lambda rule: rule.id)
def test_explanations_cite_their_articles(rule) -> None:
    for lang in ("en", "zh"):
        why = text(f"rules.{rule.id}.why", lang)
        for source in rule.sources:
            assert source in why, f"{rule.id} ({lang}) must name article {source}"


@needs_shared
def test_sources_are_real_seed_articles() -> None:
    numbers = {path.name[:3] for path in SEEDS.glob("*.txt")}
    for rule in RULES:
        assert set(rule.sources) <= numbers, rule.id


@pytest.mark.parametrize("rule", CHECKED, ids=lambda rule: rule.id)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_explain_snippets_fail_and_pass_as_labelled(rule, lang) -> None:
    config = CheckConfig(select=(rule.id,))
    for kind, should_fire in (("bad", True), ("good", False)):
        plan = parse_plan(text(f"rules.{rule.id}.{kind}", lang), f"{kind}.yaml")
        fired = [
            f for f in run_rules(PlanModel.of(plan), config, lang=lang, today=date(2026, 6, 1)) if f.rule_id == rule.id
        ]
        assert bool(fired) is should_fire, (kind, [f.message for f in fired])


def test_find_rule_is_case_insensitive() -> None:
    assert find_rule("sq201") is find_rule("SQ201") is not None
    assert find_rule("SQ999") is None
