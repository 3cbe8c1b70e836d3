"""Value output rules: the steady value the group delivers, and whether its makers can keep it up (002)."""

from __future__ import annotations

from collections.abc import Iterator

from sqtool.diagnostics import Finding
from sqtool.plan.access import items, text
from sqtool.rules.registry import RuleContext, rule

# Posts per week that each cadence promises; unknown cadences count as nothing.
POSTS_PER_WEEK: dict[str, float] = {
    "daily": 7,
    "weekdays": 5,
    "twice_weekly": 2,
    "weekly": 1,
    "biweekly": 0.5,
    "fortnightly": 0.5,
    "monthly": 12 / 52,
    "quarterly": 4 / 52,
    "yearly": 1 / 52,
}


def _label(item: dict, index: int) -> str:
    return text(item.get("name")) or f"value_output[{index}]"


@rule("SQ401", severity="error", sources=("002",))
def value_output_exists(ctx: RuleContext) -> Iterator[Finding]:
    """At least one value output with a cadence."""
    outputs = [(index, item) for index, item in items(ctx.data, ("value_output",)) if isinstance(item, dict)]
    if not outputs:
        yield ctx.finding(("value_output",), "none")
        return
    if not any(text(item.get("cadence")) for _, item in outputs):
        yield ctx.finding(("value_output", outputs[0][0]), "no_cadence", name=_label(outputs[0][1], outputs[0][0]))


@rule("SQ402", severity="warning", sources=("002",))
def daily_output_has_backup(ctx: RuleContext) -> Iterator[Finding]:
    """Daily output needs a backup person: one person alone rarely keeps a daily promise."""
    for index, item in items(ctx.data, ("value_output",)):
        if not isinstance(item, dict) or (text(item.get("cadence")) or "").lower() != "daily":
            continue
        owner = text(item.get("owner"))
        backup = text(item.get("backup"))
        if owner is not None and (backup is None or backup == owner):
            yield ctx.finding(("value_output", index), "message", name=_label(item, index), owner=owner)


@rule("SQ403", severity="warning", sources=("002",))
def value_output_owner(ctx: RuleContext) -> Iterator[Finding]:
    """Every value output has an owner, or it quietly stops."""
    for index, item in items(ctx.data, ("value_output",)):
        if isinstance(item, dict) and text(item.get("owner")) is None:
            yield ctx.finding(("value_output", index), "message", name=_label(item, index))


def planned_posts_per_week(data: object) -> float:
    total = 0.0
    for _, item in items(data, ("value_output",)):
        if isinstance(item, dict):
            total += POSTS_PER_WEEK.get((text(item.get("cadence")) or "").lower(), 0)
    return total


@rule("SQ404", severity="warning", sources=("002",))
def cadence_meets_threshold(ctx: RuleContext) -> Iterator[Finding]:
    """The value outputs promise at least ``thresholds.min_value_posts_per_week`` posts a week."""
    threshold = ctx.plan.thresholds.get("min_value_posts_per_week")
    required = threshold.value if threshold is not None else None
    if required is None or required <= 0:
        return
    planned = planned_posts_per_week(ctx.data)
    if planned < required:
        yield ctx.finding(
            ("thresholds", "min_value_posts_per_week"),
            "message",
            planned=f"{planned:g}",
            required=f"{required:g}",
        )
