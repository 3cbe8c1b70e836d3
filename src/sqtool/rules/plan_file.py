"""Findings about the file itself: reading it (SQ000) and the JSON Schema (SQ001) come from the loader
and the schema; SQ002 reads the text for a full-width comma typed into a flow list."""

from __future__ import annotations

from collections.abc import Iterator

from sqtool.diagnostics import Finding
from sqtool.plan.ime import flow_comma_mistakes
from sqtool.rules.registry import RuleContext, declare, rule

declare("SQ000", family="plan_file", severity="error")
declare("SQ001", family="plan_file", severity="error")


@rule("SQ002", severity="warning")
def ime_comma_in_flow_list(ctx: RuleContext) -> Iterator[Finding]:
    """``[小美，小雨]`` is a list of one item: the comma a Chinese input method types is no separator."""
    text = ctx.plan.source.text
    if "，" not in text:
        return
    for mistake in flow_comma_mistakes(text):
        fixed = ", ".join(part.strip() for part in mistake.text.split("，"))
        yield Finding(
            rule_id=ctx.rule.id,
            severity=ctx.severity,
            message=ctx.tr("rules.SQ002.message", item=mistake.text),
            path=ctx.plan.path,
            line=mistake.line,
            col=mistake.col,
            hint=ctx.tr("rules.SQ002.hint", fixed=fixed),
        )
