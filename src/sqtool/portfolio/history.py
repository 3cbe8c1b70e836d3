"""A portfolio's saved audits: every group under its own history key (``portfolio:NAME``), and the
portfolio's own trend as the sum of its groups per period."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqtool.audit.history import Group, HistoryEntry, load_history
from sqtool.portfolio.manifest import Manifest

KEY_PREFIX = "portfolio:"


def portfolio_group(name: str) -> Group:
    """The history key of a portfolio's group: its name (unique in a manifest). Not the plan's key:
    many groups share one plan."""
    return Group(KEY_PREFIX + name, name)


@dataclass(frozen=True, slots=True)
class GroupTrend:
    name: str
    entries: tuple[HistoryEntry, ...]  # oldest period first


@dataclass(frozen=True, slots=True)
class PeriodTotal:
    """The portfolio in one saved period: the sums over the groups saved for it."""

    period: str  # first..last
    groups: int
    messages: int
    senders: int


def portfolio_trends(path: str | Path, manifest: Manifest, last: int = 0) -> list[GroupTrend]:
    """Each group of the manifest (manifest order) with its saved audits, the ``last`` newest (0: all)."""
    return [
        GroupTrend(group.name, tuple(load_history(path, portfolio_group(group.name).key, last)))
        for group in manifest.groups
    ]


def portfolio_totals(trends: list[GroupTrend]) -> list[PeriodTotal]:
    """Per saved period (in order), the groups saved for it and their messages and active members."""
    totals: dict[str, list[HistoryEntry]] = {}
    for trend in trends:
        for entry in trend.entries:
            totals.setdefault(entry.period, []).append(entry)
    return [
        PeriodTotal(period, len(entries), sum(e.messages for e in entries), sum(e.senders for e in entries))
        for period, entries in sorted(totals.items())
    ]
