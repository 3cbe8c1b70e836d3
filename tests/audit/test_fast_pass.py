"""The speed-ups of the fast pass (issue 7) against the plain computations they replace."""

from __future__ import annotations

import math
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from sqtool.audit import fastpass
from sqtool.audit.fastpass import Accumulator
from sqtool.audit.options import AuditOptions
from sqtool.audit.value import planned_items
from sqtool.chat.model import Event, EventKind, Message
from sqtool.plan.model import PlanModel
from tests.audit.golden_chat import chat_variant
from tests.audit.reference_pass import differences, reference_pass

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


@pytest.mark.parametrize("name", ["linked", "unlinked", "no_mentions", "disorder", "repeated_ids"])
@pytest.mark.parametrize("batch", [1, 7, 4096])
def test_any_batch_size_gives_the_aggregate_of_the_reference_pass(name: str, batch: int, monkeypatch) -> None:
    """The batched pass against the plain one-record-at-a-time reference (tests/audit/reference_pass.py)."""
    records = chat_variant(name)
    tz = ZoneInfo("Europe/Berlin")
    options = AuditOptions(tz=tz, exclude=frozenset({"u3"}))
    items = planned_items(
        PlanModel.from_data(
            {
                "value_output": [{"name": "case", "cadence": "daily", "time": "09:00", "keywords": ["每日案例"]}],
                "rituals": [{"name": "friday", "cadence": "weekly", "day": "friday", "host": "member 1"}],
            }
        )
    )
    monkeypatch.setattr(fastpass, "BATCH", batch)
    batched = Accumulator(options, tz, frozenset({"u0"}), items)
    batched.feed(records)
    fast = batched.finish()
    reference = reference_pass(records, options, tz, frozenset({"u0"}), items)
    assert differences(fast, reference) == {}
    assert len(fast.questions) > 100 and fast.joins and fast.value_days
    assert fast.edges


@pytest.mark.parametrize("late", [datetime(2026, 5, 4, 9, 59, tzinfo=UTC), datetime(2026, 5, 4, 10, 0, 20, tzinfo=UTC)])
@pytest.mark.parametrize("one_by_one", [False, True])
def test_a_question_past_its_cutoff_stays_unanswered_when_a_late_record_follows(late, one_by_one) -> None:
    """The asker spoke again after the cutoff, so the question is closed; a record by someone else that
    comes next but is stamped earlier (beyond ordered()'s window, or from another export) answers nothing."""
    at = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)
    records = [
        Message("q", at, "a", "A", "how do I do this?"),
        Message("m2", at + timedelta(minutes=40), "a", "A", "still stuck"),
        Event("e", at + timedelta(minutes=41), EventKind.SERVICE),
        Message("m3", late, "b", "B", "like this"),
    ]
    accumulator = Accumulator(AuditOptions(response_cutoff_minutes=30), UTC, frozenset(), ())
    if one_by_one:
        for record in records:
            accumulator.add(record)
    else:
        accumulator.feed(records)
    questions = accumulator.finish().questions
    assert len(questions) == 1 and math.isnan(questions.minutes[0]) and questions.responder[0] == -1


@pytest.mark.parametrize("enabled", [True, False])
def test_the_cycle_collector_is_paused_for_the_pass_only(enabled: bool) -> None:
    import gc

    from sqtool.audit.engine import cycle_collection_paused

    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        with pytest.raises(ValueError), cycle_collection_paused():
            assert not gc.isenabled()
            raise ValueError("a reader error")
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
