"""Drift: the plan against what the export shows. Every item is a Finding (rule ids SQ801-SQ806).

SQ801 ritual held less often than planned; SQ802 value output kept less often than planned;
SQ803 a plan threshold missed; SQ804 a named owner, admin or opinion leader silent in the period;
SQ805 a named opinion leader who posts but draws too few distinct responders; SQ806 size against the
plan's target, capacity or stated current size.
"""

from __future__ import annotations

from sqtool.audit.aggregate import Aggregate
from sqtool.audit.leaders import responders_by_member
from sqtool.audit.options import Thresholds
from sqtool.audit.report import DriftItem, PeriodFigures
from sqtool.diagnostics import Finding
from sqtool.i18n import Translator, catalogue
from sqtool.plan.model import PlanModel, Pointer
from sqtool.rules.registry import rules_by_id
from sqtool.settings import Lang

SIZE_TOLERANCE = 0.1  # the plan's current_size may be 10% off the counted members before we say so


class _Builder:
    def __init__(self, plan: PlanModel, lang: Lang) -> None:
        self.plan = plan
        self.tr = Translator(lang)
        self.items: list[DriftItem] = []
        self.rules = rules_by_id()  # SQ801-SQ806 are declared in the one rule registry (rules/drift.py)

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
        message_key: str | None = None,
        **args: object,
    ) -> None:
        line, col = self.plan.key_position(pointer) if key else self.plan.position(pointer)
        # "held not once", "nobody responded": a zero reads as people say it, not "only 0"
        variant = ".none" if measured == 0 and f"audit.drift.{rule_id}.none" in catalogue() else ""
        message = self.tr(
            message_key or f"audit.drift.{rule_id}{variant}",
            subject=subject,
            planned=planned,
            measured=measured,
            **args,
        )
        finding = Finding(
            rule_id, self.rules[rule_id].severity, message, self.plan.path, line, col, self.tr(f"rules.{rule_id}.hint")
        )
        self.items.append(DriftItem(kind, subject, planned, measured, finding))


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def drift(
    plan: PlanModel, figures: PeriodFigures, agg: Aggregate, thresholds: Thresholds, *, lang: Lang = "en"
) -> tuple[DriftItem, ...]:
    out = _Builder(plan, lang)
    period = figures.period
    span = {"first": period.first.isoformat(), "last": period.last.isoformat()}
    for item in figures.value.items:
        if item.planned and item.held < item.planned:
            rule_id = "SQ801" if item.section == "rituals" else "SQ802"
            kind = "ritual" if item.section == "rituals" else "value_output"
            out.add(rule_id, kind, item.name, item.planned, item.held, (item.section, item.index), key=True, **span)
    _thresholds(out, plan, figures, thresholds)
    _roles(out, plan, figures, agg)
    _size(out, plan, figures)
    return tuple(out.items)


def _thresholds(out: _Builder, plan: PlanModel, figures: PeriodFigures, thresholds: Thresholds) -> None:
    named = plan.thresholds
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
            figure = out.tr(f"audit.threshold.{name}")  # the figure in words, its key in brackets
            out.add("SQ803", "threshold", name, planned, shown, ("thresholds", name), figure=figure)
    leaders = figures.opinion_leaders
    if "kol_per_members" in named and leaders.needed is not None and leaders.present < leaders.needed:
        # the plan's value is members per leader: say "1 per 100" and what that asks of this group
        out.add(
            "SQ803", "threshold", "kol_per_members", f"{thresholds.kol_per_members:g}", f"{leaders.present}",
            ("thresholds", "kol_per_members"), message_key="audit.drift.SQ803.kol_per_members",
            needed=leaders.needed, members=figures.participation.members,
        )  # fmt: skip


def _roles(out: _Builder, plan: PlanModel, figures: PeriodFigures, agg: Aggregate) -> None:
    period = figures.period
    first, last = period.first.toordinal(), period.last.toordinal()
    messages = agg.messages_by_member(first, last)
    responders = responders_by_member(agg, period)
    bar = figures.opinion_leaders.min_responders
    for role, person in plan.roles.people():
        name, pointer = person.value, person.pointer
        member = agg.find(name)
        count = messages.get(member, 0) if member is not None else 0
        if count == 0:
            out.add("SQ804", "role", name, role, 0, pointer, role=out.tr(f"audit.role.{role}"))
        elif role == "opinion_leaders":
            reach = len(responders.get(member, set())) if member is not None else 0
            if reach < bar:
                out.add("SQ805", "role", name, bar, reach, pointer, messages=count)


def _size(out: _Builder, plan: PlanModel, figures: PeriodFigures) -> None:
    counted = figures.summary.members
    source = figures.summary.members_source
    shown = counted if counted is not None else figures.summary.senders
    target = plan.members.target_size
    if target is not None and shown < target.value:
        out.add(
            "SQ806", "size", "target_size", target.value, shown, target.pointer, figure=out.tr("audit.size.target_size")
        )
    capacity = plan.community.capacity
    if capacity is not None and shown > capacity.value:
        out.add(
            "SQ806", "size", "capacity", capacity.value, shown, capacity.pointer, figure=out.tr("audit.size.capacity")
        )
    current = plan.members.current_size
    if (
        source in ("roster", "option")
        and current is not None
        and current.value > 0
        and abs(shown - current.value) > SIZE_TOLERANCE * current.value
    ):
        out.add(
            "SQ806",
            "size",
            "current_size",
            current.value,
            shown,
            current.pointer,
            figure=out.tr("audit.size.current_size"),
        )
