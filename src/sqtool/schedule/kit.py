"""The operating kit of a plan: calendar, findings, role sheet, announcement texts, KPI sheet and the
plan's undated items (offline events, the AB expansion), in one result type for the renderers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, tzinfo

from sqtool.diagnostics import Finding
from sqtool.i18n import Translator
from sqtool.plan.access import get, items, text
from sqtool.plan.model import PlanModel
from sqtool.schedule.calendar import Calendar, build_calendar
from sqtool.schedule.findings import calendar_findings
from sqtool.schedule.kpis import KpiRow, kpi_sheet
from sqtool.schedule.notices import Notice, notices
from sqtool.schedule.roles import RoleRow, role_sheet


@dataclass(frozen=True, slots=True)
class Undated:
    """Something the plan promises without a date: what it is and what to do (in the reader's language)."""

    kind: str  # offline_events, ab_expansion
    text: str


@dataclass(frozen=True, slots=True)
class OperatingKit:
    path: str
    community: str | None
    calendar: Calendar
    findings: tuple[Finding, ...]
    roles: tuple[RoleRow, ...]
    notices: tuple[Notice, ...]
    kpis: tuple[KpiRow, ...]
    undated: tuple[Undated, ...]

    @property
    def schedulable(self) -> bool:
        """Whether anything at all landed on the calendar."""
        return bool(self.calendar.occurrences)


def build_kit(plan: PlanModel, first: date, weeks: int, zone: tzinfo, zone_name: str, tr: Translator) -> OperatingKit:
    calendar = build_calendar(plan, first, weeks, zone, zone_name)
    return OperatingKit(
        path=plan.path,
        community=plan.community.name.value if plan.community.name is not None else None,
        calendar=calendar,
        findings=tuple(calendar_findings(calendar, plan.path, tr)),
        roles=role_sheet(plan, calendar),
        notices=notices(plan, calendar, tr),
        kpis=kpi_sheet(plan),
        undated=undated(plan, tr),
    )


def undated(plan: PlanModel, tr: Translator) -> tuple[Undated, ...]:
    found: list[Undated] = []
    events = get(plan.data, ("offline", "events"))
    if isinstance(events, Mapping):
        cadence = events.get("cadence")
        chapters = [str(city) for _, city in items(plan.data, ("offline", "chapters")) if str(city).strip()]
        found.append(
            Undated(
                "offline_events",
                tr(
                    "kit.undated.offline_events",
                    cadence=tr(f"kit.cadence.{cadence}") if isinstance(cadence, str) else tr("kit.cadence.none"),
                    what=text(events.get("description")) or tr("kit.undated.offline_default"),
                    cities=tr("list.separator").join(chapters) if chapters else tr("kit.undated.no_chapters"),
                ),
            )
        )
    expansion = get(plan.data, ("growth", "ab_expansion"))
    trigger = expansion.get("trigger_size") if isinstance(expansion, Mapping) else None
    if isinstance(trigger, int) and not isinstance(trigger, bool):
        current = plan.members.current_size.value if plan.members.current_size is not None else None
        found.append(
            Undated(
                "ab_expansion",
                tr(
                    "kit.undated.ab_expansion",
                    trigger=trigger,
                    now=tr("kit.undated.now", current=current) if current is not None else "",
                ),
            )
        )
    return tuple(found)
