"""The one cadence engine (schedule/cadence.py): every cadence form, local times across DST, and the
audit's phase-free counting that drift relies on."""

from __future__ import annotations

from datetime import UTC, date, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sqtool.audit.value import PlannedItem, planned_count
from sqtool.schedule.cadence import LAST, Cadence, dates, expected_count, local_moment, occurs_on, parse_window

BERLIN = ZoneInfo("Europe/Berlin")
JUNE = (date(2026, 6, 1), date(2026, 6, 30))  # 2026-06-01 is a Monday


def _days(cadence: Cadence, first: date = JUNE[0], last: date = JUNE[1], anchor: date | None = None) -> list[int]:
    return [day.day for day in dates(cadence, first, last, anchor)]


def test_daily_and_weekdays() -> None:
    assert _days(Cadence("daily")) == list(range(1, 31))
    # June 2026: weekends are 6-7, 13-14, 20-21, 27-28 (counted by hand on a calendar)
    assert _days(Cadence("weekdays")) == [d for d in range(1, 31) if d not in (6, 7, 13, 14, 20, 21, 27, 28)]


def test_weekly_on_a_day() -> None:
    assert _days(Cadence.of("weekly", "thursday")) == [4, 11, 18, 25]
    assert _days(Cadence.of("weekly", "sunday")) == [7, 14, 21, 28]


def test_biweekly_counts_from_its_anchor_week() -> None:
    thursday = Cadence.of("biweekly", "thursday")
    assert _days(thursday, anchor=date(2026, 6, 1)) == [4, 18]
    assert _days(thursday, anchor=date(2026, 6, 8)) == [11, 25]  # the anchor's week is an "on" week
    assert _days(thursday, anchor=date(2026, 3, 1)) == [4, 18]  # a Sunday: its week began 02-23, 14 weeks before 06-01


def test_monthly_on_a_day_of_the_month() -> None:
    fifteenth = Cadence("monthly", month_day=15)
    assert [d.isoformat() for d in dates(fifteenth, date(2026, 1, 1), date(2026, 4, 30))] == [
        "2026-01-15",
        "2026-02-15",
        "2026-03-15",
        "2026-04-15",
    ]


def test_monthly_on_the_nth_and_last_weekday() -> None:
    second_tuesday = Cadence.of("monthly", "tuesday", week_of_month=2)
    last_saturday = Cadence.of("monthly", "saturday", week_of_month=LAST)
    first, last = date(2026, 1, 1), date(2026, 3, 31)
    # by hand: Tuesdays of Jan 2026 are 6, 13…; Feb 3, 10…; Mar 3, 10…; last Saturdays Jan 31, Feb 28, Mar 28
    assert [d.isoformat() for d in dates(second_tuesday, first, last)] == ["2026-01-13", "2026-02-10", "2026-03-10"]
    assert [d.isoformat() for d in dates(last_saturday, first, last)] == ["2026-01-31", "2026-02-28", "2026-03-28"]


def test_quarterly_every_third_month_from_the_anchor() -> None:
    quarterly = Cadence("quarterly", month_day=1)
    found = [d.isoformat() for d in dates(quarterly, date(2026, 1, 1), date(2026, 12, 31), date(2026, 3, 1))]
    assert found == ["2026-03-01", "2026-06-01", "2026-09-01", "2026-12-01"]


def test_cadences_without_their_day_have_no_dates() -> None:
    for cadence in (Cadence("weekly"), Cadence("biweekly"), Cadence("monthly"), Cadence("yearly"), Cadence(None)):
        assert not cadence.placeable
        assert _days(cadence) == []
    assert not occurs_on(Cadence("monthly"), date(2026, 6, 1))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("21:00-21:30", 21 * 60, 21 * 60 + 30), ("08:00", 480, 480), (" 7:05 ", 425, 425), ("nonsense", None, None)],
)
def test_time_windows(text: str, start: int | None, end: int | None) -> None:
    window = parse_window(text)
    assert ((window.start, window.end) if window else (None, None)) == (start, end)


def test_berlin_spring_forward_keeps_the_wall_time_and_moves_the_gap_forward() -> None:
    """2026-03-29: clocks jump from 02:00 to 03:00 in Berlin."""
    before = local_moment(date(2026, 3, 28), 20 * 60, BERLIN)
    after = local_moment(date(2026, 3, 29), 20 * 60, BERLIN)
    assert (before.hour, after.hour) == (20, 20)
    assert before.utcoffset() == timedelta(hours=1) and after.utcoffset() == timedelta(hours=2)
    assert after.astimezone(UTC) - before.astimezone(UTC) == timedelta(hours=23)  # a shorter day
    skipped = local_moment(date(2026, 3, 29), 2 * 60 + 30, BERLIN)
    assert (skipped.hour, skipped.minute, skipped.utcoffset()) == (3, 30, timedelta(hours=2))


def test_berlin_fall_back_keeps_the_wall_time_and_takes_the_first_repeat() -> None:
    """2026-10-25: clocks go back from 03:00 to 02:00 in Berlin."""
    before = local_moment(date(2026, 10, 24), 20 * 60, BERLIN)
    after = local_moment(date(2026, 10, 25), 20 * 60, BERLIN)
    assert after.astimezone(UTC) - before.astimezone(UTC) == timedelta(hours=25)
    repeated = local_moment(date(2026, 10, 25), 2 * 60 + 30, BERLIN)
    assert (repeated.hour, repeated.utcoffset()) == (2, timedelta(hours=2))


def _item(cadence: str | None, weekday: int | None = None) -> PlannedItem:
    return PlannedItem("rituals", 0, "x", cadence, weekday, None, None, (), ())


@given(
    st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(min_value=0, max_value=400),
    st.sampled_from(["daily", "weekdays", "weekly", "biweekly", "monthly", "quarterly", None]),
    st.one_of(st.none(), st.integers(min_value=0, max_value=6)),
)
def test_audit_counts_dates_where_the_calendar_fixes_them_else_blocks(first, length, cadence, weekday) -> None:
    """The audit's planned count (drift) is the engine's: the dates themselves for fixed cadences, one
    per block of 7/14/30 days otherwise, None for cadences the audit cannot count."""
    last = first + timedelta(days=length)
    item = _item(cadence, weekday)
    rhythm = item.rhythm
    count = planned_count(item, first, last)
    assert count == expected_count(rhythm, first, last)
    if rhythm.fixed:
        assert count == sum(1 for _ in dates(rhythm, first, last))
    elif cadence in ("weekly", "biweekly", "monthly"):
        assert count == (length + 1) // {"weekly": 7, "biweekly": 14, "monthly": 30}[cadence]
    else:
        assert count is None
