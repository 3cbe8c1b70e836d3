"""Status, ranking, filters (``--where``) and totals per tag (``--by``) of a portfolio's outcomes.

The status rules (docs/portfolio.md), checked in this order, the first that holds wins:

- **failed**: the group could not be audited (its error is shown).
- **dormant**: no member message in the last ``DORMANT_DAYS`` days of the period (in the whole
  period when it is shorter).
- **act**: a diagnosis at "act", a drift finding of severity error, or active members fell by half
  or more from a previous period with at least ``DROP_FLOOR`` of them.
- **watch**: a diagnosis at "watch", any other drift finding, or active members fell by a quarter
  or more (same floor).
- **healthy**: none of the above.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqtool.errors import SqtoolError
from sqtool.portfolio.job import GroupFigures, GroupOutcome

STATUSES = ("failed", "act", "dormant", "watch", "healthy")  # the ranking's order: most urgent first
DORMANT_DAYS = 30
DROP_ACT = 0.5  # active members fell by this share or more: act
DROP_WATCH = 0.25  # ... by this share or more: watch
DROP_FLOOR = 10  # active members in the previous period before a drop counts (2 -> 1 is no trend)
SORTS = ("status", "score", "messages", "active", "change", "name")
WHERE_FIELDS = ("status", "name", "format")


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a group has its status: a catalogue key (portfolio.reason.*) and its arguments."""

    key: str
    args: tuple[tuple[str, str | int | float], ...] = ()


@dataclass(frozen=True, slots=True)
class RankedGroup:
    rank: int
    outcome: GroupOutcome
    status: str
    reasons: tuple[Reason, ...]

    @property
    def name(self) -> str:
        return self.outcome.name

    @property
    def figures(self) -> GroupFigures | None:
        return self.outcome.figures


def change(current: int, previous: int | None) -> float | None:
    """current / previous - 1; None when there was nothing to compare with."""
    if previous is None or previous == 0:
        return None
    return current / previous - 1


def status_of(outcome: GroupOutcome) -> tuple[str, tuple[Reason, ...]]:
    """The group's status and the reasons for it (see the module's docstring)."""
    figures = outcome.figures
    if figures is None:
        return "failed", (Reason("portfolio.reason.failed"),)
    window_first = max(figures.period_first, figures.period_last - timedelta(days=DORMANT_DAYS - 1))
    last = figures.last_message.date() if figures.last_message is not None else None
    if last is None or last < window_first:
        days = (figures.period_last - window_first).days + 1
        if last is None:
            return "dormant", (Reason("portfolio.reason.dormant_none", (("days", days),)),)
        return "dormant", (Reason("portfolio.reason.dormant", (("days", days), ("last", last.isoformat()))),)
    act: list[Reason] = []
    watch: list[Reason] = []
    for diagnosis, score, status in figures.scores:
        reason = Reason(f"portfolio.reason.diagnosis_{status}", (("diagnosis", diagnosis), ("score", score or 0)))
        if status == "act":
            act.append(reason)
        elif status == "watch":
            watch.append(reason)
    errors = sum(1 for _, severity in figures.drift if severity == "error")
    if errors:
        act.append(Reason("portfolio.reason.drift_errors", (("count", errors),)))
    elif figures.drift:
        watch.append(Reason("portfolio.reason.drift", (("count", len(figures.drift)),)))
    drop = _drop(figures)
    if drop is not None and drop >= DROP_ACT:
        act.append(Reason("portfolio.reason.active_drop", (("share", drop),)))
    elif drop is not None and drop >= DROP_WATCH:
        watch.append(Reason("portfolio.reason.active_drop", (("share", drop),)))
    if act:
        return "act", tuple(act)
    if watch:
        return "watch", tuple(watch)
    return "healthy", ()


def _drop(figures: GroupFigures) -> float | None:
    """How far active members fell (0.4 for a 40% fall), when the previous period had enough of them."""
    if figures.active_previous is None or figures.active_previous < DROP_FLOOR:
        return None
    fall = 1 - figures.active / figures.active_previous
    return fall if fall > 0 else None


def rank(outcomes: Iterable[GroupOutcome], sort: str = "status") -> list[RankedGroup]:
    """The groups in ranking order, numbered from 1; ``sort`` is one of SORTS."""
    if sort not in SORTS:
        raise SqtoolError("portfolio.bad_sort", hint="portfolio.bad_sort_hint", value=sort, choices=", ".join(SORTS))
    rows = [(outcome, *status_of(outcome)) for outcome in outcomes]
    rows.sort(key=lambda row: _sort_key(sort, row[0], row[1]))
    return [RankedGroup(number, outcome, status, reasons) for number, (outcome, status, reasons) in enumerate(rows, 1)]


def _sort_key(sort: str, outcome: GroupOutcome, status: str) -> tuple[object, ...]:
    figures = outcome.figures
    mean = figures.mean_score if figures is not None else None
    messages = figures.messages if figures is not None else -1
    active = figures.active if figures is not None else -1
    if sort == "name":
        return (outcome.name,)
    if sort == "score":  # the best first; groups without any score last
        return (mean is None, -(mean or 0.0), outcome.name)
    if sort == "messages":
        return (-messages, outcome.name)
    if sort == "active":
        return (-active, outcome.name)
    if sort == "change":  # the steepest fall of active members first
        moved = change(figures.active, figures.active_previous) if figures is not None else None
        return (moved is None, moved or 0.0, outcome.name)
    # status: the most urgent first; within one, the lowest mean score first (unscored last), then fewest active
    return (STATUSES.index(status), mean is None, mean or 0.0, active, outcome.name)


@dataclass(frozen=True, slots=True)
class Condition:
    """One ``--where`` condition: ``field=value[,value...]`` or ``field!=value[,value...]``."""

    field: str
    values: frozenset[str]
    negated: bool = False

    def holds(self, group: RankedGroup) -> bool:
        value = _field_value(group, self.field)
        found = value is not None and value in self.values
        return found != self.negated


def parse_where(expressions: Sequence[str], tag_keys: Sequence[str]) -> list[Condition]:
    """The ``--where`` conditions; a field that is neither a column nor a tag of the manifest is an error."""
    conditions = []
    known = (*WHERE_FIELDS, *tag_keys)
    for expression in expressions:
        negated = "!=" in expression
        field, separator, value = expression.partition("!=" if negated else "=")
        field, value = field.strip(), value.strip()
        if not separator or not field or not value:
            raise SqtoolError("portfolio.bad_where", hint="portfolio.bad_where_hint", value=expression)
        if field not in known:
            raise SqtoolError(
                "portfolio.unknown_where_field",
                hint="portfolio.unknown_where_field_hint",
                field=field,
                fields=", ".join(known),
            )
        values = frozenset(part.strip() for part in value.split(",") if part.strip())
        if field == "status" and (unknown := values - set(STATUSES)):
            raise SqtoolError(
                "portfolio.bad_status",
                hint="portfolio.bad_status_hint",
                value=", ".join(sorted(unknown)),
                choices=", ".join(STATUSES),
            )
        conditions.append(Condition(field, values, negated))
    return conditions


def _field_value(group: RankedGroup, field: str) -> str | None:
    if field == "status":
        return group.status
    if field == "name":
        return group.name
    if field == "format":
        figures = group.figures
        return "+".join(dict.fromkeys(figures.formats)) if figures is not None else None
    return group.outcome.tag(field)


def select(groups: Iterable[RankedGroup], conditions: Sequence[Condition]) -> list[RankedGroup]:
    """The groups every condition holds for (ranks kept: they are the portfolio's)."""
    return [group for group in groups if all(condition.holds(group) for condition in conditions)]


@dataclass(frozen=True, slots=True)
class TagTotal:
    """The groups sharing one value of a tag (``--by city``: one row per city)."""

    value: str | None  # None: the groups without this tag
    groups: int
    members: int | None  # over the groups whose membership is known; None when none is
    messages: int
    messages_previous: int
    active: int
    statuses: tuple[tuple[str, int], ...]  # (status, groups) in STATUSES order

    @property
    def change(self) -> float | None:
        return change(self.messages, self.messages_previous or None)


def totals_by(groups: Sequence[RankedGroup], tag: str | None) -> list[TagTotal]:
    """One total per value of ``tag`` (most messages first, the untagged last), or one for all when None."""
    buckets: dict[str | None, list[RankedGroup]] = {}
    for group in groups:
        buckets.setdefault(group.outcome.tag(tag) if tag is not None else None, []).append(group)
    totals = [_total(value, members) for value, members in buckets.items()]
    return sorted(
        totals, key=lambda total: (tag is not None and total.value is None, -total.messages, total.value or "")
    )


def _total(value: str | None, groups: list[RankedGroup]) -> TagTotal:
    figures = [group.figures for group in groups if group.figures is not None]
    counts = {status: 0 for status in STATUSES}
    for group in groups:
        counts[group.status] += 1
    return TagTotal(
        value=value,
        groups=len(groups),
        members=sum(f.members for f in figures if f.members is not None)
        if any(f.members is not None for f in figures)
        else None,
        messages=sum(f.messages for f in figures),
        messages_previous=sum(f.messages_previous or 0 for f in figures),
        active=sum(f.active for f in figures),
        statuses=tuple(counts.items()),
    )


def reference_day(until: date | None, today: date) -> date:
    """The last day of the portfolio's period: --until, else today."""
    return until if until is not None else today
