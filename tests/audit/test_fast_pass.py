"""The speed-ups of the per-record pass (issue 7) against the plain computations they replace."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from sqtool.audit.aggregate import Accumulator
from sqtool.audit.options import AuditOptions
from sqtool.chat.model import Message
from tests.audit.golden_chat import generated_chat

ZONES = [
    "Europe/Berlin",  # DST on the last Sunday of March and October
    "Australia/Lord_Howe",  # half-hour DST
    "Asia/Kathmandu",  # +05:45
    "America/St_Johns",  # -03:30 with DST
    "Pacific/Apia",  # skipped a whole day in 2011
]


@pytest.mark.parametrize("zone", ZONES)
def test_local_days_and_hours_match_astimezone(zone: str) -> None:
    tz = ZoneInfo(zone)
    start = datetime(2011, 12, 25, tzinfo=UTC) if zone == "Pacific/Apia" else datetime(2026, 3, 25, tzinfo=UTC)
    records = []
    for n in range(2_500):  # twelve days, across the change of clocks; stamps in assorted fixed offsets
        when = (start + timedelta(minutes=7 * n, seconds=n % 60)).astimezone(timezone(timedelta(hours=n % 3)))
        records.append(Message(f"m{n}", when, f"u{n % 5}", f"member {n % 5}", "ok"))
    accumulator = Accumulator(AuditOptions(), tz, frozenset(), ())
    accumulator.feed(records)
    agg = accumulator.finish()
    expected = Counter((m.timestamp.astimezone(tz).toordinal(), m.timestamp.astimezone(tz).hour) for m in records)
    got = Counter(
        {(day, hour): count for day, hours in agg.day_hours.items() for hour, count in enumerate(hours) if count}
    )
    assert got == expected
    first = {}
    for message in records:
        first.setdefault(message.timestamp.astimezone(tz).toordinal(), message.timestamp)
    assert {day: span[0] for day, span in agg.day_span.items()} == first


def test_adding_one_by_one_equals_feeding_all() -> None:
    records = generated_chat(3_000, linked=True, seed=5)
    options = AuditOptions(tz=ZoneInfo("Asia/Shanghai"))
    one_by_one = Accumulator(options, options.tz, frozenset({"u0"}), ())  # type: ignore[arg-type]
    for record in records:
        one_by_one.add(record)
    all_at_once = Accumulator(options, options.tz, frozenset({"u0"}), ())  # type: ignore[arg-type]
    all_at_once.feed(records)
    first, second = one_by_one.finish(), all_at_once.finish()
    assert first.questions.minutes.tobytes() == second.questions.minutes.tobytes()  # NaN != NaN in ==
    assert len(first.questions) > 100 and first.reply_edges and first.joins
    second.questions.minutes = first.questions.minutes
    assert first == second


def test_the_next_message_window_is_exact_at_the_microsecond() -> None:
    """The float gap decides only away from the 10-minute edge; at the edge the exact datetimes do."""
    start = datetime(2026, 5, 1, 12, 0, 0, 123_457, tzinfo=UTC)
    ten = timedelta(minutes=10)
    records = [
        Message("a", start, "u1", "a", "hello"),
        Message("b", start + ten, "u2", "b", "right at the edge: a reply"),
        Message("c", start + ten + ten + timedelta(microseconds=1), "u1", "a", "one microsecond late: none"),
    ]
    accumulator = Accumulator(AuditOptions(), UTC, frozenset(), ())
    accumulator.feed(records)
    agg = accumulator.finish()
    assert len(agg.next_edges) == 1
