"""aggregate.MemberCounts: a day's counts per member kept as arrays once the pass ends (issue 22's memory
target) read as the Counter they were: the same members, counts and order, for every way metrics read."""

from __future__ import annotations

from collections import Counter

import pytest

from sqtool.audit.aggregate import Aggregate, MemberCounts, compact_days


def test_reads_as_the_counter_it_was_made_from() -> None:
    """Members in first-counted order, counts past 256 and 2^31, lookups, absent members, equality."""
    counter: Counter[int] = Counter()
    counter.update([7, 300, 7, 2_000_000])
    counter[300] += 1_000
    counter[5] += 3_000_000_000
    counts = MemberCounts(counter)
    assert list(counts) == [7, 300, 2_000_000, 5] == list(counter)
    assert list(counts.items()) == list(counter.items())
    assert list(counts.values()) == [2, 1_001, 1, 3_000_000_000]
    assert len(counts) == 4 and sum(counts.values()) == sum(counter.values())
    assert counts[300] == 1_001 and counts.get(5) == 3_000_000_000
    assert counts.get(8) is None and counts.get(8, 0) == 0 and 8 not in counts and "7" not in counts
    with pytest.raises(KeyError):
        counts[8]
    assert counts == counter and dict(counts) == dict(counter)
    assert set().union(counts) == {7, 300, 2_000_000, 5}  # activity's posters.update(day)
    assert not MemberCounts(Counter()) and MemberCounts(MemberCounts(counter)) == counter


def test_the_aggregate_sums_compact_days_as_it_summed_counters() -> None:
    """compact_days in place; messages_by_member, drawn_by_member and messages_between give the same
    figures, and the same member order, before and after."""
    agg = Aggregate()
    agg.day_member = {10: Counter({3: 2, 1: 5}), 11: Counter({1: 1, 400: 9}), 14: Counter({2: 1})}
    agg.drawn = {10: Counter({1: 1}), 12: Counter({3: 4, 1: 2})}
    before = (agg.messages_by_member(10, 13), agg.drawn_by_member(9, 12), agg.messages_between(11, 14))
    for per_day in (agg.day_member, agg.drawn):
        compact_days(per_day)
    assert all(isinstance(counts, MemberCounts) for counts in (*agg.day_member.values(), *agg.drawn.values()))
    after = (agg.messages_by_member(10, 13), agg.drawn_by_member(9, 12), agg.messages_between(11, 14))
    assert after == before == ({3: 2, 1: 6, 400: 9}, {1: 3, 3: 4}, 11)
    assert [list(x) for x in after[:2]] == [[3, 1, 400], [1, 3]]
    assert agg.posted_between(400, 11, 11) and not agg.posted_between(2, 10, 13)


def test_a_day_made_compact_and_met_again_counts_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Records out of order, two a batch: days made compact while the pass runs come back later (and a new
    member with them); the fast pass still equals the one-record-at-a-time reference, members in order."""
    from datetime import UTC

    from sqtool.audit.options import AuditOptions
    from tests.audit.builders import Chat
    from tests.audit.test_pass_differential import BACKENDS, Setup, assert_same

    day = 24 * 60
    chat = Chat()
    said = [(0, "amy"), (1, "ben"), (day, "ben"), (2 * day, "cat"), (3 * day, "amy"), (5, "dan"), (6, "amy")]
    for n, (when, who) in enumerate([*said, (day + 1, "eve")]):
        chat.say(who, f"message {n}", at=when)
    records = list(chat.records)  # in the order written: days 0, 1, 2, 3, then 0 and 1 again
    for backend in BACKENDS:
        fast = assert_same(records, Setup(AuditOptions(tz=UTC), UTC, backend=backend), 2, monkeypatch)
        first = min(fast.day_member)
        assert isinstance(fast.day_member[first], MemberCounts)
        assert [fast.display_name(m) for m in fast.day_member[first]] == ["amy", "ben", "dan"]
        assert dict(fast.day_member[first + 1].items()) == {fast.find("ben"): 1, fast.find("eve"): 1}
