"""Hygiene (001, 003): bare links, ads and quarrels, checked against the plan's conduct rules."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sqtool.audit.aggregate import Aggregate
from sqtool.audit.report import ConductCheck, Hygiene, NameCount, Period

# conduct rule of the plan -> violation kind the pass counts; other rules cannot be measured from text
CONDUCT_KINDS = {"no_ads": "ad", "no_bare_links": "bare_link", "no_quarrels": "quarrel"}
TOP_OFFENDERS = 5


def hygiene(agg: Aggregate, period: Period, messages: int, conduct_rules: Sequence[str]) -> Hygiene:
    """Links, red packets and conduct violations of the period, and who broke the rules most."""
    first, last = period.first.toordinal(), period.last.toordinal()
    inside = agg.violations_between(first, last)
    kinds = Counter(kind for _member, kind in inside)
    offenders = Counter(member for member, _kind in inside)
    total = sum(kinds.values())
    return Hygiene(
        links=agg.links_between(first, last),
        bare_links=kinds["bare_link"],
        ads=kinds["ad"],
        quarrels=kinds["quarrel"],
        red_packets=agg.red_packets_between(first, last),
        violations_per_100=100 * total / messages if messages else 0.0,
        conduct=tuple(
            ConductCheck(rule, kinds[CONDUCT_KINDS[rule]] if rule in CONDUCT_KINDS else None) for rule in conduct_rules
        ),
        offenders=tuple(
            NameCount(agg.display_name(member), count) for member, count in offenders.most_common(TOP_OFFENDERS)
        ),
    )
