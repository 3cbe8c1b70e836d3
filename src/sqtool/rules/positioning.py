"""Positioning rules: what the group is, why people join, and how it names and sells itself (000, 004)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from sqtool.diagnostics import Finding
from sqtool.plan.access import filled, get, items, mapping, text
from sqtool.rules.registry import RuleContext, rule


@rule("SQ101", severity="error", sources=("004",))
def three_elements(ctx: RuleContext) -> Iterator[Finding]:
    """A group needs a shared attribute, a common goal and its own operating rules."""
    if not filled(get(ctx.data, ("positioning", "shared_attribute"))):
        yield ctx.finding(("positioning", "shared_attribute"), "missing_attribute")
    if not filled(get(ctx.data, ("positioning", "common_goal"))):
        yield ctx.finding(("positioning", "common_goal"), "missing_goal")
    section = mapping(ctx.data, ("rules",))
    if not (filled(section.get("entry")) or filled(section.get("conduct"))):
        yield ctx.finding(("rules",), "missing_rules")


@rule("SQ102", severity="warning", sources=("004",))
def three_questions(ctx: RuleContext) -> Iterator[Finding]:
    """What group is it, why are we together, what do we do together."""
    positioning = mapping(ctx.data, ("positioning",))
    if not filled(positioning.get("category")):
        yield ctx.finding(("positioning", "category"), "no_what")
    if not any(filled(positioning.get(key)) for key in ("member_needs", "drives", "value_for_members")):
        yield ctx.finding(("positioning",), "no_why", at_key=True)
    has_activity = any(True for _ in items(ctx.data, ("value_output",))) or any(
        True for _ in items(ctx.data, ("rituals",))
    )
    if not has_activity:
        yield ctx.finding(("value_output",), "no_together")


# The seven purposes of 004 plus an explicit "none".
PURPOSES = (
    "sell_products",
    "provide_services",
    "build_network",
    "gather_interests",
    "build_brand",
    "keep_customer_relations",
    "build_personal_influence",
)


@rule("SQ103", severity="warning", sources=("004",))
def monetization_purpose(ctx: RuleContext) -> Iterator[Finding]:
    """The plan says why the group exists and whether (and how) it is meant to earn."""
    if not filled(get(ctx.data, ("positioning", "purpose"))):
        yield ctx.finding(("positioning", "purpose"), "no_purpose")
    if not filled(get(ctx.data, ("monetization", "purposes"))):
        yield ctx.finding(("monetization", "purposes"), "no_purposes")


def display_length(value: str) -> int:
    """Length as a reader remembers it: each CJK character is one unit, each Latin word one unit."""
    units = 0
    for token in re.findall(r"[A-Za-z0-9'’-]+|\S", value):
        if len(token) == 1 and unicodedata.category(token).startswith(("P", "S", "Z")):
            continue  # punctuation and symbols are not remembered as words
        units += 1
    return units


@rule("SQ104", severity="warning", sources=("004",), options=("slogan_max_length",))
def slogan(ctx: RuleContext) -> Iterator[Finding]:
    """A slogan exists, says which of the three kinds it is, and is short enough to remember."""
    slogan_value = get(ctx.data, ("community", "slogan"))
    slogan_text = text(slogan_value) or text(get(ctx.data, ("community", "slogan", "text")))
    if slogan_text is None:
        yield ctx.finding(("community", "slogan"), "missing")
        return
    if isinstance(slogan_value, dict) and not filled(slogan_value.get("type")):
        yield ctx.finding(("community", "slogan"), "no_type", at_key=True)
    if isinstance(slogan_value, str):
        yield ctx.finding(("community", "slogan"), "no_type")
    length = display_length(slogan_text)
    limit = ctx.config.options.slogan_max_length
    if length > limit:
        pointer = ("community", "slogan", "text") if isinstance(slogan_value, dict) else ("community", "slogan")
        yield ctx.finding(pointer, "too_long", length=length, limit=limit)


# 004 lists names like these as the typical dead groups: they say nothing but "a group of something".
GENERIC_SUFFIXES = (
    "交流群",
    "资源群",
    "对接群",
    "讨论群",
    "交流会",
    "资源对接群",
    "互助群",
    "福利群",
    "chat group",
    "discussion group",
    "resource group",
    "exchange group",
    "group chat",
)
GENERIC_WORDS = (
    "交流",
    "资源",
    "对接",
    "讨论",
    "互助",
    "群",
    "全国",
    "同城",
    "社群",
    "group",
    "chat",
    "community",
    "resources",
    "resource",
    "discussion",
    "exchange",
    "network",
    "the",
    "our",
)


def is_generic_name(name: str) -> bool:
    """True when a name is only generic words, or a place or trade plus a generic "group" suffix."""
    lowered = name.strip().lower()
    if any(lowered.endswith(suffix) for suffix in GENERIC_SUFFIXES):
        return True
    rest = lowered
    for word in sorted(GENERIC_WORDS, key=len, reverse=True):
        rest = rest.replace(word, "")
    return display_length(rest) < 2


@rule("SQ105", severity="warning", sources=("004",))
def group_name(ctx: RuleContext) -> Iterator[Finding]:
    """The name follows one of the naming methods and is not a generic "exchange group"."""
    name = text(get(ctx.data, ("community", "name")))
    if name is not None and is_generic_name(name):
        yield ctx.finding(("community", "name"), "generic", name=name)
    if not filled(get(ctx.data, ("community", "naming_method"))):
        yield ctx.finding(("community", "naming_method"), "no_method")


@rule("SQ106", severity="warning", sources=("000",))
def values_and_culture(ctx: RuleContext) -> Iterator[Finding]:
    """The founder states the values members share and a culture of the group's own."""
    if not filled(get(ctx.data, ("positioning", "values"))):
        yield ctx.finding(("positioning", "values"), "no_values")
    if not filled(get(ctx.data, ("community", "culture"))):
        yield ctx.finding(("community", "culture"), "no_culture")
