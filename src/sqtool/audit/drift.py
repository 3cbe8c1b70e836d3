"""Drift: the plan against what the export shows. Every item is a Finding (rule ids SQ801-SQ806).

SQ801 ritual held less often than planned; SQ802 value output kept less often than planned;
SQ803 a plan threshold missed; SQ804 a named owner, admin or opinion leader silent in the period;
SQ805 a named opinion leader who posts but draws too few distinct responders; SQ806 size against the
plan's target, capacity or stated current size.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqtool.audit.aggregate import Aggregate
from sqtool.audit.leaders import responders_by_member
from sqtool.audit.options import PlanLike, Pointer, Thresholds
from sqtool.audit.report import DriftItem, PeriodFigures
from sqtool.diagnostics import Finding, Severity
from sqtool.i18n import Translator
from sqtool.settings import Lang

RULES: dict[str, Severity] = {
    "SQ801": Severity.WARNING,
    "SQ802": Severity.WARNING,
    "SQ803": Severity.WARNING,
    "SQ804": Severity.WARNING,
    "SQ805": Severity.INFO,
    "SQ806": Severity.INFO,
}
SIZE_TOLERANCE = 0.1  # the plan's current_size may be 10% off the counted members before we say so


class _Builder:
    def __init__(self, plan: PlanLike, lang: Lang) -> None:
        self.plan = plan
        self.tr = Translator(lang)
        self.items: list[DriftItem] = []

    def add(
        self,
        rule_id: str,
        kind: str,
        subject: str,
        planned: float | str | None,
        measured: float | str | None,
        pointer: Pointer,
        *,
        key: bool = False,
        **args: object,
    ) -> None:
        line, col = self.plan.key_position(pointer) if key else self.plan.position(pointer)
        message = self.tr(f"audit.drift.{rule_id}", subject=subject, planned=planned, measured=measured, **args)
        finding = Finding(
            rule_id, RULES[rule_id], message, self.plan.path, line, col, self.tr(f"audit.drift.{rule_id}.hint")
        )
        self.items.append(DriftItem(kind, subject, planned, measured, finding))


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def drift(
    plan: PlanLike, figures: PeriodFigures, agg: Aggregate, thresholds: Thresholds, *, lang: Lang = "en"
) -> tuple[DriftItem, ...]:
    data: Mapping[str, Any] = plan.data if isinstance(plan.data, Mapping) else {}
    out = _Builder(plan, lang)
    period = figures.period
    span = {"first": period.first.isoformat(), "last": period.last.isoformat()}
    for item in figures.value.items:
        if item.planned and item.held < item.planned:
            rule_id = "SQ801" if item.section == "rituals" else "SQ802"
            kind = "ritual" if item.section == "rituals" else "value_output"
            out.add(rule_id, kind, item.name, item.planned, item.held, (item.section, item.index), key=True, **span)
    _thresholds(out, data, figures, thresholds)
    _roles(out, data, figures, agg)
    _size(out, data, figures)
    return tuple(out.items)


def _thresholds(out: _Builder, data: Mapping[str, Any], figures: PeriodFigures, thresholds: Thresholds) -> None:
    named = data.get("thresholds") if isinstance(data.get("thresholds"), Mapping) else {}
    response = figures.responsiveness
    checks: list[tuple[str, float | None, float, bool, str]] = [
        ("min_weekly_active_share", figures.weekly_active_share, thresholds.min_weekly_active_share, True, "share"),
        ("max_unanswered_share", response.unanswered_share, thresholds.max_unanswered_share, False, "share"),
        ("max_first_response_minutes", response.median_first_response_minutes,
         thresholds.max_first_response_minutes, False, "minutes"),
        ("min_value_posts_per_week", figures.value.value_posts_per_week, thresholds.min_value_posts_per_week, True,
         "number"),
        ("max_lurker_share", figures.participation.lurker_share, thresholds.max_lurker_share, False, "share"),
    ]  # fmt: skip
    for name, measured, limit, is_minimum, unit in checks:
        if name not in named or measured is None:
            continue
        if (measured < limit) if is_minimum else (measured > limit):
            shown = _share(measured) if unit == "share" else f"{measured:.1f}"
            planned = _share(limit) if unit == "share" else f"{limit:g}"
            out.add("SQ803", "threshold", name, planned, shown, ("thresholds", name))
    leaders = figures.opinion_leaders
    if "kol_per_members" in named and leaders.needed is not None and leaders.present < leaders.needed:
        out.add(
            "SQ803", "threshold", "kol_per_members", f"{leaders.needed}", f"{leaders.present}",
            ("thresholds", "kol_per_members"),
        )  # fmt: skip


def _people(roles: Mapping[str, Any]) -> list[tuple[str, str, Pointer]]:
    """(role, name, pointer) for the owner, each admin and each opinion leader named in the plan."""
    found: list[tuple[str, str, Pointer]] = []
    if isinstance(roles.get("owner"), str | int):
        found.append(("owner", str(roles["owner"]), ("roles", "owner")))
    for role in ("admins", "opinion_leaders"):
        names = roles.get(role)
        if isinstance(names, list):
            found.extend(
                (role, str(name), ("roles", role, i)) for i, name in enumerate(names) if isinstance(name, str | int)
            )
    return found


def _roles(out: _Builder, data: Mapping[str, Any], figures: PeriodFigures, agg: Aggregate) -> None:
    roles = data.get("roles")
    if not isinstance(roles, Mapping):
        return
    period = figures.period
    first, last = period.first.toordinal(), period.last.toordinal()
    messages = agg.messages_by_member(first, last)
    responders = responders_by_member(agg, period)
    bar = figures.opinion_leaders.min_responders
    for role, name, pointer in _people(roles):
        member = agg.find(name)
        count = messages.get(member, 0) if member is not None else 0
        if count == 0:
            out.add("SQ804", "role", name, role, 0, pointer, role=out.tr(f"audit.role.{role}"))
        elif role == "opinion_leaders":
            reach = len(responders.get(member, set())) if member is not None else 0
            if reach < bar:
                out.add("SQ805", "role", name, bar, reach, pointer, messages=count)


def _size(out: _Builder, data: Mapping[str, Any], figures: PeriodFigures) -> None:
    members = data.get("members") if isinstance(data.get("members"), Mapping) else {}
    community = data.get("community") if isinstance(data.get("community"), Mapping) else {}
    counted = figures.summary.members
    source = figures.summary.members_source
    shown = counted if counted is not None else figures.summary.senders
    target = members.get("target_size")
    if isinstance(target, int) and not isinstance(target, bool) and shown < target:
        out.add("SQ806", "size", "target_size", target, shown, ("members", "target_size"))
    capacity = community.get("capacity")
    if isinstance(capacity, int) and not isinstance(capacity, bool) and shown > capacity:
        out.add("SQ806", "size", "capacity", capacity, shown, ("community", "capacity"))
    current = members.get("current_size")
    if (
        source in ("roster", "option")
        and isinstance(current, int)
        and not isinstance(current, bool)
        and current > 0
        and abs(shown - current) > SIZE_TOLERANCE * current
    ):
        out.add("SQ806", "size", "current_size", current, shown, ("members", "current_size"))
