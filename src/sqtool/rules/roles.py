"""Role rules: owner, admins, opinion leaders and the wider role ecology (000, 002, 004)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from sqtool.diagnostics import Finding
from sqtool.plan.access import filled, get, items, mapping, names, people, text, whole, words
from sqtool.plan.platforms import group_size
from sqtool.rules.registry import RuleContext, rule


def kol_per_members(ctx: RuleContext) -> int:
    """Members per opinion leader: the plan's ``thresholds.kol_per_members``, else the config's."""
    threshold = ctx.plan.thresholds.get("kol_per_members")
    planned = whole(threshold.value) if threshold is not None else None
    return planned if planned is not None and planned > 0 else ctx.config.options.kol_per_members


@rule("SQ201", severity="warning", sources=("002",), options=("kol_per_members",))
def opinion_leaders(ctx: RuleContext) -> Iterator[Finding]:
    """At least one opinion leader per ``kol_per_members`` members (the 1-9-90 ratio: 500 members need 5)."""
    sized = group_size(ctx.data)
    if sized is None:
        return
    size, _ = sized
    per = kol_per_members(ctx)
    needed = -(-size // per)  # integer ceiling: a float would round sizes beyond 2**53
    has = people(get(ctx.data, ("roles", "opinion_leaders"))) or 0
    if has < needed:
        yield ctx.finding(("roles", "opinion_leaders"), "message", needed=needed, has=has, size=size, per=per)


@rule("SQ202", severity="warning", sources=("004",))
def owner_not_alone(ctx: RuleContext) -> Iterator[Finding]:
    """The owner has at least one admin, and the admins have something in return."""
    roles = mapping(ctx.data, ("roles",))
    if not filled(roles.get("admins")) or not people(roles.get("admins")):
        owner = ctx.tr("list.separator").join(names(roles.get("owner"))) or ctx.tr("rules.SQ202.the_owner")
        yield ctx.finding(("roles", "admins"), "no_admins", owner=owner)
    elif not filled(get(ctx.data, ("rules", "incentives"))):
        yield ctx.finding(("rules", "incentives"), "no_incentives")


# How a plan says it will let members run the group themselves (in governance or culture).
SELF_ORGANIZATION = re.compile(
    r"self[- _]?organi[sz]|self[- _]?manag|self[- _]?govern|decentrali[sz]|自组织|自我管理|自治|去中心化"
)


def _launch(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def months_between(start: date, end: date) -> int:
    """Whole calendar months from ``start`` to ``end`` (0 when ``end`` is not later)."""
    months = (end.year - start.year) * 12 + end.month - start.month - (1 if end.day < start.day else 0)
    return max(months, 0)


@rule("SQ203", severity="warning", sources=("002",), options=("maturity_months",))
def self_organization_too_early(ctx: RuleContext) -> Iterator[Finding]:
    """Self-organised management only in a group that has run long enough to have settled roles."""
    pointer = ("governance",)
    declared = " ".join(words(get(ctx.data, pointer)))
    if not SELF_ORGANIZATION.search(declared):
        return
    needed = ctx.config.options.maturity_months
    launched = _launch(get(ctx.data, ("community", "launch_date")))
    if launched is None:
        yield ctx.finding(pointer, "no_launch_date", months_needed=needed)
        return
    age = months_between(launched, ctx.today)
    if age < needed:
        yield ctx.finding(pointer, "message", months_old=age, months_needed=needed, launched=launched.isoformat())


# The role ecology of 000, in the schema's keys.
ECOLOGY_ROLES = ("organizer", "spreader", "activist", "talker", "challenger", "red_packet_giver")


@rule("SQ204", severity="info", sources=("000",), options=("ecology_min_size",))
def role_ecology(ctx: RuleContext) -> Iterator[Finding]:
    """Above a size, the plan names people (or counts) for every role of the ecology."""
    sized = group_size(ctx.data)
    if sized is None or sized[0] < ctx.config.options.ecology_min_size:
        return
    roles = mapping(ctx.data, ("roles",))
    missing = [role for role in ECOLOGY_ROLES if not people(roles.get(role))]
    if missing:
        labels = ctx.tr("list.separator").join(ctx.tr(f"rules.role.{role}") for role in missing)
        yield ctx.finding(("roles",), "missing", roles=labels, size=sized[0], at_key=True)


def team_names(ctx: RuleContext) -> set[str]:
    roles = mapping(ctx.data, ("roles",))
    team: set[str] = set()
    for value in roles.values():
        team.update(names(value))
    return team


@rule("SQ205", severity="warning", sources=("004",))
def duty_holders_known(ctx: RuleContext) -> Iterator[Finding]:
    """Whoever owns a value output or hosts a ritual is a person the roles section names."""
    roles = mapping(ctx.data, ("roles",))
    if not roles:
        return
    team = team_names(ctx)
    duties = (("value_output", ("owner", "backup")), ("rituals", ("host",)))
    for section, keys in duties:
        for index, item in items(ctx.data, (section,)):
            if not isinstance(item, dict):
                continue
            for key in keys:
                person = text(item.get(key))
                if person is not None and person not in team:
                    label = text(item.get("name")) or f"{section}[{index}]"
                    yield ctx.finding((section, index, key), "unknown", person=person, duty=label, role=key)
