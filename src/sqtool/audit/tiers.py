"""1-9-90 tiers, Gini, Lorenz curve and how few members write half and 80% of the messages (002)."""

from __future__ import annotations

from collections.abc import Sequence

from sqtool.audit.report import Participation, Tier

SMALL_GROUP = 100  # under this many members the top 1% is one person and the tiers say little


def tier_sizes(members: int) -> tuple[int, int, int]:
    """(top, next, rest): top = ceil(1% of n), top + next = ceil(10% of n), rest = the others."""
    if members <= 0:
        return 0, 0, 0
    top = (members + 99) // 100
    top_and_next = (members + 9) // 10
    return top, top_and_next - top, members - top_and_next


def tiers(counts: Sequence[int]) -> tuple[Tier, ...]:
    """Members ranked by messages (most first); each tier's members, messages and share of all messages."""
    ranked = sorted(counts, reverse=True)
    total = sum(ranked)
    top, following, rest = tier_sizes(len(ranked))
    result = []
    start = 0
    for name, size in (("top_1", top), ("next_9", following), ("rest", rest)):
        messages = sum(ranked[start : start + size])
        result.append(Tier(name, size, messages, messages / total if total else 0.0))
        start += size
    return tuple(result)


def gini(counts: Sequence[int]) -> float:
    """G = sum_i (2i - n - 1) * x_i / (n * sum x), x ascending, i = 1..n; 0 for n < 2 or no messages."""
    n = len(counts)
    total = sum(counts)
    if n < 2 or total == 0:
        return 0.0
    ordered = sorted(counts)
    weighted = sum((2 * i - n - 1) * x for i, x in enumerate(ordered, start=1))
    return min(1.0, max(0.0, weighted / (n * total)))


def lorenz(counts: Sequence[int], points: int = 10) -> tuple[float, ...]:
    """Share of messages written by the least active k/points of members, k = 0..points."""
    ordered = sorted(counts)
    total = sum(ordered)
    n = len(ordered)
    if total == 0 or n == 0:
        return tuple(k / points for k in range(points + 1))
    cumulative = [0]
    for x in ordered:
        cumulative.append(cumulative[-1] + x)
    return tuple(cumulative[k * n // points] / total for k in range(points + 1))


def writers_for(counts: Sequence[int], percent: int) -> int:
    """Fewest members whose messages together reach ``percent`` % of all messages."""
    total = sum(counts)
    if total == 0:
        return 0
    cumulative = 0
    for rank, x in enumerate(sorted(counts, reverse=True), start=1):
        cumulative += x
        if cumulative * 100 >= percent * total:
            return rank
    return len(counts)  # pragma: no cover - the loop always reaches the total


def participation(poster_counts: Sequence[int], base: int | None) -> Participation:
    """Figures over the base (members who never posted count as zeros) and over posters only."""
    posters = sum(1 for x in poster_counts if x > 0)
    active = [x for x in poster_counts if x > 0]
    population = max(base, posters) if base is not None else posters
    everyone = active + [0] * (population - posters)
    lurkers = population - posters if base is not None else None
    return Participation(
        members=population,
        posters=posters,
        lurkers=lurkers,
        lurker_share=(lurkers / population if population else 0.0) if lurkers is not None else None,
        tiers=tiers(everyone),
        tiers_posters=tiers(active),
        gini=gini(everyone),
        gini_posters=gini(active),
        lorenz=lorenz(everyone),
        writers_50=writers_for(active, 50),
        writers_80=writers_for(active, 80),
        small_group=population < SMALL_GROUP,
    )
