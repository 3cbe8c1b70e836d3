"""The KPI sheet: the plan's thresholds, success targets and KPIs, each with the key of the figure
`sqtool audit --report json` measures for it (None when the audit cannot see it in a chat)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqtool.plan.access import get, items, number
from sqtool.plan.model import PlanModel

# threshold -> the audit report's JSON key (schemas/audit-report.schema.json)
THRESHOLD_FIGURES = {
    "kol_per_members": "opinion_leaders.present",
    "min_weekly_active_share": "summary.weekly_active_share",
    "max_unanswered_share": "responsiveness.unanswered_share",
    "max_first_response_minutes": "responsiveness.median_first_response_minutes",
    "min_value_posts_per_week": "value_output.value_posts_per_week",
    "max_lurker_share": "participation.lurker_share",
}
SUCCESS_FIGURES = {
    "weekly_active_share": "summary.weekly_active_share",
    "lurker_share": "participation.lurker_share",
    "unanswered_share": "responsiveness.unanswered_share",
    "median_first_response_minutes": "responsiveness.median_first_response_minutes",
    "value_posts_per_week": "value_output.value_posts_per_week",
    "messages_per_week": "activity.weekly[].messages",
    "active_members_per_week": "activity.weekly[].active_members",
    "opinion_leaders": "opinion_leaders.present",
    "member_count": "summary.members",
    "retention_day_7": "membership.retention_7",
    "retention_day_30": "membership.retention_30",
    "first_message_rate": "membership.joiners_posting_share",
    "rituals_held_share": "value_output.items[].kept_share",
}
KPI_FIGURES = {
    "growth.new_members_per_month": "membership.joins",
    "activation.first_post_within_days": "membership.median_hours_to_first_post",
    "retention.day_7": "membership.retention_7",
    "retention.day_30": "membership.retention_30",
}
AT_MOST = frozenset(
    {"lurker_share", "unanswered_share", "median_first_response_minutes", "activation.first_post_within_days"}
)
KPI_STAGES = ("growth", "activation", "retention", "conversion", "referral")


@dataclass(frozen=True, slots=True)
class KpiRow:
    source: str  # where the plan states it: thresholds.max_unanswered_share, kpis.growth.new_members_per_month
    name: str  # the figure's name (kit.kpi.<name> when the catalogue has it)
    target: float
    bound: str  # "min" (at least) or "max" (at most)
    audit_key: str | None  # the audit report's JSON key; None: not measured from a chat


def kpi_sheet(plan: PlanModel) -> tuple[KpiRow, ...]:
    rows: list[KpiRow] = []
    for name, located in plan.thresholds.items():
        bound = "max" if name.startswith("max_") else "min"
        rows.append(KpiRow(f"thresholds.{name}", name, located.value, bound, THRESHOLD_FIGURES.get(name)))
    for _, entry in items(plan.data, ("positioning", "success_definition")):
        if not isinstance(entry, Mapping) or not isinstance(entry.get("metric"), str):
            continue
        target = number(entry.get("target"))
        if target is None:
            continue
        metric = entry["metric"]
        bound = "max" if metric in AT_MOST else "min"
        rows.append(
            KpiRow(f"positioning.success_definition.{metric}", metric, target, bound, SUCCESS_FIGURES.get(metric))
        )
    for stage in KPI_STAGES:
        group = get(plan.data, ("kpis", stage))
        if not isinstance(group, Mapping):
            continue
        for key, value in group.items():
            target = number(value)
            if target is None:
                continue
            name = f"{stage}.{key}"
            bound = "max" if name in AT_MOST else "min"
            rows.append(KpiRow(f"kpis.{name}", name, target, bound, KPI_FIGURES.get(name)))
    return tuple(rows)
