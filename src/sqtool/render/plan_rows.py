"""The operating kit as rows and labels shared by the text and Markdown renderers of `sqtool plan`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqtool.i18n import Translator
from sqtool.reporters.safe_text import one_line
from sqtool.schedule.calendar import WEEKLY_KINDS, Occurrence, PlanItem, Step, Week
from sqtool.schedule.kit import OperatingKit
from sqtool.schedule.kpis import KpiRow
from sqtool.schedule.roles import RoleRow
from sqtool.schedule.words import short_day


@dataclass(frozen=True, slots=True)
class Row:
    day: str
    time: str
    what: str
    who: str


def safe(text: str) -> str:
    """User text on one line, control and bidi characters shown as escapes."""
    return one_line(text)


def who(item: PlanItem, tr: Translator) -> str:
    if item.owner is None:
        return tr("kit.nobody")
    return safe(f"{item.owner} / {item.backup}" if item.backup else item.owner)


def _clock(moment: datetime | None) -> str:
    return moment.strftime("%H:%M") if moment is not None else ""


def _span(occurrence: Occurrence) -> str:
    if occurrence.start is None or occurrence.end is None:
        return ""
    if occurrence.end == occurrence.start:
        return _clock(occurrence.start)
    return f"{_clock(occurrence.start)}-{_clock(occurrence.end)}"


def step_text(step: Step, tr: Translator) -> str:
    return tr(f"kit.step.{step.action}", name=safe(step.item.name))


def during(item: PlanItem, tr: Translator) -> str:
    """The event's row: its name, and for a ritual what its host does during it."""
    if item.section != "rituals" or item.kind not in ("topic", "guest_share", "check_in", "red_packet", "offline"):
        return safe(item.name)
    return tr(f"kit.during.{item.kind}", name=safe(item.name))


def week_rows(week: Week, tr: Translator, mark: str = "▸ ") -> list[Row]:
    """A week as table rows: daily items once at the top, then each dated event and step in order;
    the day is written on its first row only, so a day's rows read as one block."""
    rows: list[Row] = []
    repeated: dict[str, PlanItem] = {}
    for occurrence in week.occurrences:
        if occurrence.item.cadence.kind in WEEKLY_KINDS:
            repeated.setdefault(occurrence.item.key, occurrence.item)
    for item in repeated.values():
        time = item.window.label() if item.window is not None else tr("kit.any_time")
        rows.append(Row(tr(f"kit.every.{item.cadence.kind}"), time, during(item, tr), who(item, tr)))
    dated: list[tuple[tuple[object, ...], Row, object]] = []
    for occurrence in week.occurrences:
        if occurrence.item.key in repeated:
            continue
        order = (occurrence.day, _clock(occurrence.start) or "99", 1)
        dated.append(
            (order, Row("", _span(occurrence), during(occurrence.item, tr), who(occurrence.item, tr)), occurrence.day)
        )
    for step in week.steps:
        order = (step.day, _clock(step.at) or "00", 0)
        row = Row("", _clock(step.at), mark + step_text(step, tr), safe(step.who) if step.who else tr("kit.nobody"))
        dated.append((order, row, step.day))
    last_day = None
    for _, row, day in sorted(dated, key=lambda entry: entry[0]):
        label = short_day(day, tr) if day != last_day else ""  # type: ignore[arg-type]
        last_day = day
        rows.append(Row(label, row.time, row.what, row.who))
    return rows


def week_title(week: Week, tr: Translator) -> str:
    if week.number == 0:
        return tr("kit.week0")
    return tr("kit.week", n=week.number, first=week.first.isoformat(), last=week.last.isoformat())


def role_cells(row: RoleRow, tr: Translator) -> tuple[str, str, str]:
    if row.holders:
        holders = tr("list.separator").join(safe(name) for name in row.holders)
    elif row.count:
        holders = tr("kit.role.count", n=row.count)
    else:
        holders = tr("kit.role.open")
    duties = tr(f"kit.duty.{row.role}")
    sep, gap = tr("list.separator"), "" if tr.lang == "zh" else " "
    if row.leads:
        duties += gap + tr("kit.role.leads", items=sep.join(safe(name) for name in row.leads))
    if row.backs_up:
        duties += gap + tr("kit.role.backs_up", items=sep.join(safe(name) for name in row.backs_up))
    return tr(f"kit.role.{row.role}"), holders, duties


def unheld(kit: OperatingKit, tr: Translator) -> str | None:
    roles = [tr(f"kit.role.{row.role}") for row in kit.roles if not row.held]
    return tr("kit.role.unheld", roles=tr("list.separator").join(roles)) if roles else None


def kpi_cells(row: KpiRow, tr: Translator) -> tuple[str, str, str]:
    bound = "per" if row.name == "kol_per_members" else row.bound  # one opinion leader per N members
    target = tr(f"kit.kpi.{bound}", value=f"{row.target:g}")
    return row.source, target, row.audit_key or tr("kit.kpi.not_measured")


def notice_title(kind: str, subject: str | None, tr: Translator) -> str:
    return tr(f"kit.notice_kind.{kind}", name=safe(subject or ""))
