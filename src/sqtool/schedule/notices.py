"""Announcement texts ready to paste, filled from the plan's own fields in the reader's language:
the group notice, the welcome message, each ritual's announcement and reminder, the AB-expansion call."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqtool.i18n import Translator
from sqtool.plan.access import get, items, number, text
from sqtool.plan.model import PlanModel
from sqtool.schedule.calendar import Calendar, Occurrence, PlanItem
from sqtool.schedule.words import cadence_label, weekday_name

KNOWN_CONDUCT = (
    "no_ads",
    "no_bare_links",
    "no_quarrels",
    "stay_on_topic",
    "no_spam",
    "no_poaching",
    "no_politics",
    "respect_privacy",
)
RITUAL_KINDS = ("topic", "guest_share", "check_in", "red_packet", "offline", "other")


@dataclass(frozen=True, slots=True)
class Notice:
    kind: str  # group_notice, welcome, announcement, reminder, ab_expansion
    subject: str | None  # the ritual's name for an announcement or a reminder
    text: str


def notices(plan: PlanModel, calendar: Calendar, tr: Translator) -> tuple[Notice, ...]:
    name = plan.community.name.value if plan.community.name is not None else tr("kit.notice.our_group")
    found = [
        Notice("group_notice", None, group_notice(plan, calendar, name, tr)),
        Notice("welcome", None, welcome(plan, calendar, name, tr)),
    ]
    first_of: dict[str, Occurrence] = {}
    for occurrence in calendar.occurrences:
        first_of.setdefault(occurrence.item.key, occurrence)
    for item in calendar.items:
        if item.section != "rituals":
            continue
        kind = item.kind if item.kind in RITUAL_KINDS else "other"
        fields = _ritual_fields(item, first_of.get(item.key), tr)
        found.append(Notice("announcement", item.name, tr(f"kit.announce.{kind}", **fields)))
        if item.window is not None:
            found.append(Notice("reminder", item.name, tr(f"kit.remind.{kind}", **fields)))
    call = ab_call(plan, tr)
    if call is not None:
        found.append(Notice("ab_expansion", None, call))
    return tuple(found)


def _ritual_fields(item: PlanItem, occurrence: Occurrence | None, tr: Translator) -> dict[str, str]:
    tag = _tag(item.keywords[0]) if item.keywords else ""  # the audit finds the ritual by its keyword
    if occurrence is not None:
        when = tr(
            "kit.notice.when",
            date=occurrence.day.strftime("%m-%d"),
            weekday=weekday_name(occurrence.day.weekday(), tr),
            time=item.window.label() if item.window is not None else "",
        ).strip()
    else:
        when = cadence_label(item, tr)
    return {
        "name": item.name,
        "when": when,
        "time": item.window.label() if item.window is not None else "",
        "host": item.owner or tr("kit.notice.host_unnamed"),
        "tag": tag,
    }


def group_notice(plan: PlanModel, calendar: Calendar, name: str, tr: Translator) -> str:
    lines = [tr("kit.notice.title", name=name)]
    purpose = text(get(plan.data, ("positioning", "purpose")))
    if purpose:
        lines.append(tr("kit.notice.purpose", purpose=purpose))
    entry = _entry(plan, tr)
    if entry:
        lines.append(tr("kit.notice.entry", entry=entry))
    conduct = _conduct(plan, tr)
    if conduct:
        lines.append(tr("kit.notice.conduct"))
        lines += [f"  {number}. {rule}" for number, rule in enumerate(conduct, 1)]
    nickname = text(get(plan.data, ("rules", "nickname_format")))
    if nickname:
        lines.append(tr("kit.notice.nickname", format=nickname))
    if calendar.items:
        lines.append(tr("kit.notice.schedule"))
        lines += [f"  · {cadence_label(item, tr)}  {item.name}" for item in calendar.items if item.cadence.placeable]
    removal = text(get(plan.data, ("rules", "removal")))
    if removal:
        lines.append(tr("kit.notice.removal", removal=removal))
    return "\n".join(lines)


def _entry(plan: PlanModel, tr: Translator) -> str | None:
    threshold = get(plan.data, ("rules", "entry", "threshold"))
    criteria = text(get(plan.data, ("rules", "entry", "criteria")))
    parts: list[str] = []
    if isinstance(threshold, str):
        fee = get(plan.data, ("rules", "entry", "fee"))
        amount = number(fee.get("amount")) if isinstance(fee, Mapping) else None
        if threshold == "paid" and amount is not None and isinstance(fee, Mapping):
            period = fee.get("period")
            parts.append(
                tr(
                    "kit.entry.paid_fee",
                    amount=f"{amount:g}",
                    currency=str(fee.get("currency") or ""),
                    period=tr(f"kit.period.{period}") if period in ("month", "quarter", "year", "once") else "",
                ).strip()
            )
        elif threshold in ("open", "invite", "application", "paid", "task"):
            parts.append(tr(f"kit.entry.{threshold}"))
    if criteria:
        parts.append(criteria)
    return tr("list.separator").join(parts) if parts else None


def _conduct(plan: PlanModel, tr: Translator) -> list[str]:
    rules: list[str] = []
    for _, rule in items(plan.data, ("rules", "conduct")):
        if rule in KNOWN_CONDUCT:
            rules.append(tr(f"kit.conduct.{rule}"))
        elif isinstance(rule, str) and rule.strip():
            rules.append(rule.strip())
    return rules


def welcome(plan: PlanModel, calendar: Calendar, name: str, tr: Translator) -> str:
    parts = [tr("kit.welcome.hello", name=name)]
    slogan = text(get(plan.data, ("community", "slogan", "text")))
    if slogan:
        parts.append(tr("kit.welcome.slogan", slogan=slogan))
    nickname = text(get(plan.data, ("rules", "nickname_format")))
    if nickname:
        parts.append(tr("kit.welcome.nickname", format=nickname))
    parts.append(tr("kit.welcome.introduce"))
    rituals = [item for item in calendar.items if item.section == "rituals" and item.cadence.placeable]
    if rituals:
        listed = tr("list.separator").join(f"{cadence_label(item, tr)} {item.name}" for item in rituals[:3])
        parts.append(tr("kit.welcome.rituals", rituals=listed))
    admins = [person.value for person in plan.roles.admins]
    parts.append(
        tr("kit.welcome.admins", admins=tr("list.separator").join(f"@{a}" for a in admins))
        if admins
        else tr("kit.welcome.notice")
    )
    return joined(parts, tr)


def ab_call(plan: PlanModel, tr: Translator) -> str | None:
    expansion = get(plan.data, ("growth", "ab_expansion"))
    if not isinstance(expansion, Mapping):
        return None
    trigger = expansion.get("trigger_size")
    if not isinstance(trigger, int) or isinstance(trigger, bool):
        return None
    current = plan.members.current_size.value if plan.members.current_size is not None else None
    parts = [
        tr("kit.ab.now", current=current, trigger=trigger)
        if current is not None
        else tr("kit.ab.goal", trigger=trigger)
    ]
    reward = text(expansion.get("reward"))
    if reward:
        parts.append(tr("kit.ab.reward", reward=reward))
    parts.append(tr("kit.ab.invite"))
    filtered = text(expansion.get("filter"))
    if filtered:
        parts.append(tr("kit.ab.filter", filter=filtered))
    return joined(parts, tr)


def joined(sentences: list[str], tr: Translator) -> str:
    """Sentences one after another: a space between English ones, none between Chinese ones."""
    return ("" if tr.lang == "zh" else " ").join(sentences)


def _tag(keyword: str) -> str:
    """A keyword opening a text: ``【话题夜】`` sits right against what follows, a word gets a space."""
    return keyword if keyword[-1] in "】]」）)" else f"{keyword} "
