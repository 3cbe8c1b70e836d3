"""Monetization rules: purposes, path and entry agree; buyers are not mistaken for fans (001, 002, 004)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sqtool.diagnostics import Finding
from sqtool.plan.access import get, items, mapping, text, words
from sqtool.rules.registry import RuleContext, rule

# Words in a path stage that show it earns through one of 004's commercial purposes.
STAGE_PURPOSES: dict[str, re.Pattern[str]] = {
    "sell_products": re.compile(r"sell|sale|shop|store|product|group_?buy|带货|团购|商品|产品|销售|售卖|卖货"),
    "provide_services": re.compile(
        r"course|class|training|consult|coach|service|membership|subscription|课程|培训|咨询|服务|会员|陪跑"
    ),
}
COMMERCIAL_PURPOSES = ("sell_products", "provide_services", "keep_customer_relations")
NO_PURPOSE = ("none", "no_monetization")


def purposes_of(ctx: RuleContext) -> list[str]:
    return [word.replace("-", "_").replace(" ", "_") for word in words(get(ctx.data, ("monetization", "purposes")))]


@rule("SQ601", severity="warning", sources=("004",))
def path_matches_purposes(ctx: RuleContext) -> Iterator[Finding]:
    """The monetization path serves the declared purposes, and "no monetization" means no paid stages."""
    purposes = purposes_of(ctx)
    if not purposes:
        return  # SQ103 asks for purposes first
    stages = [(index, stage) for index, item in items(ctx.data, ("monetization", "path")) if (stage := text(item))]
    threshold = (text(get(ctx.data, ("rules", "entry", "threshold"))) or "").lower()
    if any(purpose in NO_PURPOSE for purpose in purposes):
        if stages:
            yield ctx.finding(("monetization", "path"), "none_with_path", stages=len(stages))
        if threshold == "paid":
            yield ctx.finding(("rules", "entry", "threshold"), "none_but_paid")
        return
    if not stages and any(purpose in COMMERCIAL_PURPOSES for purpose in purposes):
        yield ctx.finding(("monetization", "path"), "no_path", purposes=", ".join(purposes))
        return
    for index, stage in stages:
        for purpose, pattern in STAGE_PURPOSES.items():
            if pattern.search(stage.lower()) and purpose not in purposes:
                yield ctx.finding(("monetization", "path", index), "stage_contradicts", stage=stage, purpose=purpose)
                break


# Entry criteria that measure buying (volume, spend, big accounts) rather than shared values.
PURCHASE_VOLUME = re.compile(
    r"消费满|消费金额|累计消费|消费额|购买金额|购买满|采购量|采购额|订单量|单量|下单满|买满|大客户|销量|"
    r"spen[dt]\s|purchase[sd]?\s+(?:volume|over|of|above|more)|order\s+volume|orders?\s+(?:over|above)|"
    r"big\s+(?:customer|account)s?|key\s+accounts?|top\s+(?:buyer|spender)s?|vip\s+customers?"
)


@rule("SQ602", severity="error", sources=("002",))
def fans_not_customers(ctx: RuleContext) -> Iterator[Finding]:
    """Entry criteria select members by shared values, not by how much they buy."""
    entry = mapping(ctx.data, ("rules", "entry"))
    for line in words(entry.get("criteria")):
        match = PURCHASE_VOLUME.search(line + " ")
        if match:
            yield ctx.finding(("rules", "entry", "criteria"), "message", words=match.group(0).strip())
            return


@rule("SQ603", severity="info", sources=("001",))
def conversion_described(ctx: RuleContext) -> Iterator[Finding]:
    """A group that sells says how it recognises likely buyers and what it offers them."""
    purposes = purposes_of(ctx)
    if any(purpose in COMMERCIAL_PURPOSES for purpose in purposes) and not text(
        get(ctx.data, ("monetization", "conversion"))
    ):
        yield ctx.finding(("monetization", "conversion"), "message")
