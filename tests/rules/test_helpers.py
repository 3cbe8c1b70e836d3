"""The small pure functions the rules are built from."""

from __future__ import annotations

from datetime import date

import pytest

from sqtool.plan.access import get, people, whole
from sqtool.plan.platforms import capacity_of, group_size
from sqtool.rules.positioning import display_length, is_generic_name
from sqtool.rules.rituals import days_of, time_range
from sqtool.rules.roles import months_between
from sqtool.rules.value import planned_posts_per_week


@pytest.mark.parametrize(
    ("slogan", "units"),
    [("百度一下，你就知道", 8), ("Just do it", 3), ("每天 20 分钟 read more", 7), ("", 0), ("！？", 0)],
)
def test_display_length_counts_characters_and_words(slogan: str, units: int) -> None:
    assert display_length(slogan) == units


@pytest.mark.parametrize(
    ("name", "generic"),
    [("全国程序员交流群", True), ("互联网资源对接群", True), ("Resource group", True), ("交流群", True),
     ("私域增长研习社", False), ("樊登读书会", False), ("Rust Night Shift", False), ("同城群", True)],
)  # fmt: skip
def test_generic_names(name: str, generic: bool) -> None:
    assert is_generic_name(name) is generic


def test_months_between_counts_whole_months() -> None:
    assert months_between(date(2026, 3, 1), date(2026, 6, 1)) == 3
    assert months_between(date(2026, 3, 15), date(2026, 6, 14)) == 2
    assert months_between(date(2026, 7, 1), date(2026, 6, 1)) == 0


def test_time_ranges_and_days() -> None:
    assert time_range("21:00-21:30") == (1260, 1290)
    assert time_range("23:30-00:30") == (1410, 1470)
    assert time_range("08:00") == (480, 480)
    assert time_range("late") is None and time_range(8) is None
    assert days_of({"cadence": "daily"}) == {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    }
    assert days_of({"cadence": "weekly", "day": "Sunday"}) == {"sunday"}
    assert days_of({"cadence": "monthly", "day": 15}) == set()


def test_capacity_size_and_counts() -> None:
    data = {"community": {"platform": "wechat"}, "members": {"target_size": 450, "current_size": 480}}
    assert capacity_of(data) == (500, ("community", "platform"))
    assert capacity_of({"community": {"platform": "slack"}}) is None
    assert capacity_of({"community": {"platform": "qq", "capacity": 1000}}) == (1000, ("community", "capacity"))
    assert group_size(data) == (480, ("members", "current_size"))
    assert people(["a", "", "b"]) == 2 and people(3) == 3 and people("solo") == 1 and people(None) is None
    assert people(True) is None and whole(2.0) == 2 and whole(2.5) is None
    assert get({"a": [{"b": 1}]}, ("a", 0, "b")) == 1 and get({"a": 1}, ("a", 0)) is None


def test_planned_posts_per_week() -> None:
    data = {"value_output": [{"cadence": "daily"}, {"cadence": "weekly"}, {"cadence": "fortnightly"}, "junk"]}
    assert planned_posts_per_week(data) == 8.5
