"""The role sheet: who holds each role of the plan (owner, admins, opinion leaders and the ecosystem
roles of article 000), what the role is for, what it leads in the calendar, and which roles nobody holds."""

from __future__ import annotations

from dataclasses import dataclass

from sqtool.plan.access import get
from sqtool.plan.model import ECOSYSTEM_ROLES, PlanModel
from sqtool.schedule.calendar import Calendar

ROLES = ("owner", "admins", "opinion_leaders", *ECOSYSTEM_ROLES)


@dataclass(frozen=True, slots=True)
class RoleRow:
    role: str  # a key of ``roles`` in the plan; duties: kit.duty.<role>
    holders: tuple[str, ...]
    count: int | None  # the plan gave a number of people instead of names
    leads: tuple[str, ...]  # calendar items a holder owns or hosts
    backs_up: tuple[str, ...]  # calendar items a holder stands in for

    @property
    def held(self) -> bool:
        return bool(self.holders) or bool(self.count)


def role_sheet(plan: PlanModel, calendar: Calendar) -> tuple[RoleRow, ...]:
    """One row per role, in the order of the plan schema."""
    rows: list[RoleRow] = []
    credited: set[str] = set()  # a person's calendar items are listed under the first role they hold
    for role in ROLES:
        if role == "owner":
            holders: tuple[str, ...] = (plan.roles.owner.value,) if plan.roles.owner is not None else ()
        elif role == "admins":
            holders = tuple(person.value for person in plan.roles.admins)
        elif role == "opinion_leaders":
            holders = tuple(person.value for person in plan.roles.opinion_leaders)
        else:
            holders = tuple(person.value for person in plan.roles.ecosystem.get(role, ()))
        raw = get(plan.data, ("roles", role))
        count = raw if isinstance(raw, int) and not isinstance(raw, bool) and not holders else None
        fresh = set(holders) - credited
        credited |= fresh
        leads = tuple(item.name for item in calendar.items if item.owner is not None and item.owner in fresh)
        backs = tuple(item.name for item in calendar.items if item.backup is not None and item.backup in fresh)
        rows.append(RoleRow(role, holders, count, leads, backs))
    return tuple(rows)
