"""Growth rules: where members come from and how a full group splits into a second one (000, 001, 003)."""

from __future__ import annotations

from collections.abc import Iterator

from sqtool.diagnostics import Finding
from sqtool.plan.access import filled, get, mapping, whole
from sqtool.plan.platforms import capacity_of
from sqtool.rules.registry import RuleContext, rule


@rule("SQ701", severity="warning", sources=("003",))
def ab_expansion(ctx: RuleContext) -> Iterator[Finding]:
    """AB expansion fires before the group is full and filters who moves to the B group."""
    section = get(ctx.data, ("growth", "ab_expansion"))
    if not isinstance(section, dict) or not section:
        return
    pointer = ("growth", "ab_expansion")
    trigger = whole(section.get("trigger_size"))
    found = capacity_of(ctx.data)
    if trigger is None:
        yield ctx.finding(pointer, "no_trigger", at_key=True)
    elif found is not None and trigger >= found[0]:
        yield ctx.finding((*pointer, "trigger_size"), "trigger_over", trigger=trigger, capacity=found[0])
    if not filled(section.get("filter")):
        yield ctx.finding((*pointer, "filter"), "no_filter")


@rule("SQ702", severity="warning", sources=("000", "001"))
def member_sources(ctx: RuleContext) -> Iterator[Finding]:
    """The plan says where the first members come from or how people find the group."""
    if filled(mapping(ctx.data, ("growth",)).get("channels")) or filled(get(ctx.data, ("members", "sources"))):
        return
    yield ctx.finding(("growth", "channels"), "message")
