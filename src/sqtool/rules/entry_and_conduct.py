"""Entry and conduct rules: who gets in, what is not allowed, who leaves, how big it may grow (001-004)."""

from __future__ import annotations

from collections.abc import Iterator

from sqtool.diagnostics import Finding
from sqtool.plan.access import filled, get, mapping, number, text, whole, words
from sqtool.plan.platforms import capacity_of
from sqtool.rules.registry import RuleContext, rule

# Words that show a conduct rule covers each topic, in the schema's keys, English and Chinese.
CONDUCT_TOPICS: dict[str, tuple[str, ...]] = {
    "ads": ("no_ads", "advert", "ads", "spam", "promotion", "广告", "推销", "刷屏", "营销"),
    "bare_links": ("no_bare_links", "link", "url", "链接"),
    "quarrels": ("no_quarrels", "quarrel", "argu", "fight", "insult", "flam", "争吵", "吵架", "争执", "谩骂", "攻击"),
}


@rule("SQ301", severity="warning", sources=("001", "003"))
def conduct_rules(ctx: RuleContext) -> Iterator[Finding]:
    """Conduct rules cover ads, links dropped without an introduction, and quarrels."""
    written = words(ctx.plan.conduct.value if ctx.plan.conduct is not None else None)
    missing = [
        topic for topic, markers in CONDUCT_TOPICS.items() if not any(m in line for line in written for m in markers)
    ]
    if missing:
        labels = ctx.tr("list.separator").join(ctx.tr(f"rules.topic.{topic}") for topic in missing)
        yield ctx.finding(("rules", "conduct"), "missing", topics=labels)


@rule("SQ302", severity="warning", sources=("004",))
def entry_threshold(ctx: RuleContext) -> Iterator[Finding]:
    """The plan sets an entry threshold; open entry at least names who the group is for."""
    entry = mapping(ctx.data, ("rules", "entry"))
    threshold = text(entry.get("threshold"))
    if threshold is None:
        yield ctx.finding(("rules", "entry", "threshold"), "no_threshold")
    elif threshold.lower() == "open" and not filled(entry.get("criteria")):
        yield ctx.finding(("rules", "entry", "threshold"), "open_no_criteria")


@rule("SQ303", severity="warning", sources=("002",))
def removal_policy(ctx: RuleContext) -> Iterator[Finding]:
    """The plan says how members who do not share the values are asked to leave."""
    if not filled(get(ctx.data, ("rules", "removal"))):
        yield ctx.finding(("rules", "removal"), "message")


@rule("SQ304", severity="error", sources=("001",))
def size_within_capacity(ctx: RuleContext) -> Iterator[Finding]:
    """Target and current sizes fit in one group on the chosen platform."""
    found = capacity_of(ctx.data)
    if found is None:
        return
    capacity, source = found
    where = text(get(ctx.data, source)) if source[-1] == "platform" else "community.capacity"
    for key in ("target_size", "current_size"):
        size = whole(get(ctx.data, ("members", key)))
        if size is not None and size > capacity:
            yield ctx.finding(("members", key), "over", field=key, size=size, capacity=capacity, source=where)


@rule("SQ305", severity="warning", sources=("004",))
def incentives(ctx: RuleContext) -> Iterator[Finding]:
    """Incentives include something material and something that gives status or recognition."""
    section = get(ctx.data, ("rules", "incentives"))
    if not filled(section):
        yield ctx.finding(("rules", "incentives"), "none")
        return
    if not isinstance(section, dict):
        return
    for kind in ("material", "recognition"):
        if not filled(section.get(kind)):
            yield ctx.finding(("rules", "incentives", kind), f"no_{kind}")


@rule("SQ306", severity="warning", sources=("004",))
def paid_entry_fee(ctx: RuleContext) -> Iterator[Finding]:
    """A paid threshold names its fee, and a fee belongs to a paid threshold."""
    entry = mapping(ctx.data, ("rules", "entry"))
    threshold = (text(entry.get("threshold")) or "").lower()
    fee = entry.get("fee")
    amount = number(fee.get("amount")) if isinstance(fee, dict) else number(fee)
    if threshold == "paid" and (amount is None or amount <= 0):
        yield ctx.finding(("rules", "entry", "fee"), "no_fee")
    elif threshold and threshold != "paid" and amount is not None and amount > 0:
        yield ctx.finding(("rules", "entry", "fee"), "fee_not_paid", threshold=threshold, amount=amount)
