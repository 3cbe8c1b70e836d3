"""The status rules of docs/portfolio.md on hand-made groups whose answer is known, the ranking order,
--where and --by."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest

from sqtool.errors import SqtoolError
from sqtool.portfolio.job import Failure, GroupFigures, GroupOutcome
from sqtool.portfolio.ranking import parse_where, rank, select, status_of, totals_by

FIRST, LAST = date(2026, 6, 1), date(2026, 6, 30)


def figures(**changes: object) -> GroupFigures:
    """A healthy group: 300 messages by 20 of 100 members, both periods, every diagnosis healthy."""
    base = GroupFigures(
        period_first=FIRST,
        period_last=LAST,
        members=100,
        messages=300,
        messages_previous=300,
        active=20,
        active_previous=20,
        lurker_share=0.8,
        leaders_present=2,
        leaders_needed=2,
        unanswered_share=0.1,
        median_first_response_minutes=12.0,
        scores=(("owner_pull", 80, "healthy"), ("operations", 90, "healthy"), ("value_output", None, "not_assessed")),
        drift=(),
        last_message=datetime(2026, 6, 29, 20, 0),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def outcome(name: str = "g", tags: dict[str, str] | None = None, **changes: object) -> GroupOutcome:
    return GroupOutcome(name, tuple((tags or {}).items()), figures(**changes))


def failed(name: str = "bad") -> GroupOutcome:
    return GroupOutcome(name, (), failure=Failure("fs.not_found", "a.csv", "no such file"))


@pytest.mark.parametrize(
    ("changes", "status", "reason"),
    [
        ({}, "healthy", None),
        # dormant: the last member message more than 30 days before the period's end, or none at all
        ({"last_message": datetime(2026, 5, 31, 23, 59)}, "dormant", "portfolio.reason.dormant"),
        ({"last_message": datetime(2026, 6, 1, 0, 0)}, "healthy", None),  # day 30 of 30: still awake
        ({"last_message": None, "messages": 0, "active": 0}, "dormant", "portfolio.reason.dormant_none"),
        # act: a diagnosis at act, a drift error, or active members halved (from at least 10)
        ({"scores": (("owner_pull", 20, "act"),)}, "act", "portfolio.reason.diagnosis_act"),
        ({"drift": (("SQ801", "error"), ("SQ802", "warning"))}, "act", "portfolio.reason.drift_errors"),
        ({"active": 10, "active_previous": 20}, "act", "portfolio.reason.active_drop"),
        ({"active": 4, "active_previous": 8}, "healthy", None),  # below the floor of 10: no trend
        # watch: a diagnosis at watch, any other drift, or active members down by a quarter
        ({"scores": (("owner_pull", 55, "watch"),)}, "watch", "portfolio.reason.diagnosis_watch"),
        ({"drift": (("SQ802", "warning"),)}, "watch", "portfolio.reason.drift"),
        ({"active": 15, "active_previous": 20}, "watch", "portfolio.reason.active_drop"),
        ({"active": 16, "active_previous": 20}, "healthy", None),  # down 20%: under a quarter
        ({"active": 30, "active_previous": 20}, "healthy", None),  # growth is never a drop
    ],
)
def test_status_rules(changes: dict[str, object], status: str, reason: str | None) -> None:
    """Each rule at and just past its threshold, on figures made by hand."""
    found, reasons = status_of(outcome(**changes))
    assert found == status
    if reason is None:
        assert reasons == ()
    else:
        assert reason in {item.key for item in reasons}


def test_dormant_wins_over_act_and_failed_over_everything() -> None:
    """The first rule that holds decides: failed, then dormant, then act, then watch."""
    quiet_and_bad = outcome(last_message=datetime(2026, 4, 1), scores=(("owner_pull", 0, "act"),))
    assert status_of(quiet_and_bad)[0] == "dormant"
    assert status_of(failed())[0] == "failed"


def test_a_short_period_is_dormant_only_when_it_is_silent_throughout() -> None:
    """A 7-day period: dormant means no message in those 7 days (not 30)."""
    short = dict(period_first=date(2026, 6, 24), last_message=datetime(2026, 6, 24, 8, 0))
    assert status_of(outcome(**short))[0] == "healthy"
    reasons = status_of(outcome(**{**short, "last_message": datetime(2026, 6, 23, 23, 0)}))[1]
    assert reasons[0].args == (("days", 7), ("last", "2026-06-23"))


def test_ranking_puts_the_most_urgent_first_then_the_lowest_score() -> None:
    groups = [
        outcome("fine-high", scores=(("owner_pull", 90, "healthy"),)),
        outcome("fine-low", scores=(("owner_pull", 70, "healthy"),)),
        outcome("watch", drift=(("SQ802", "warning"),)),
        outcome("asleep", last_message=None),
        outcome("act", scores=(("owner_pull", 10, "act"),)),
        failed("broken"),
    ]
    ranked = rank(groups)
    assert [group.name for group in ranked] == ["broken", "act", "asleep", "watch", "fine-low", "fine-high"]
    assert [group.rank for group in ranked] == [1, 2, 3, 4, 5, 6]
    by_score = [group.name for group in rank(groups, "score")]
    assert by_score[0] == "fine-high" and by_score[-2:] == ["act", "broken"]  # the unscored failure last
    assert next(group.name for group in rank(groups, "name")) == "act"
    with pytest.raises(SqtoolError):
        rank(groups, "colour")


def test_where_keeps_the_groups_every_condition_holds_for() -> None:
    """status and tags, several values with commas, != and repeated conditions (AND)."""
    ranked = rank(
        [
            outcome("a", {"city": "上海"}, scores=(("owner_pull", 10, "act"),)),
            outcome("b", {"city": "上海"}),
            outcome("c", {"city": "北京"}, scores=(("owner_pull", 10, "act"),)),
            outcome("d"),
        ]
    )
    keys = ("city",)
    names = lambda *exprs: sorted(g.name for g in select(ranked, parse_where(exprs, keys)))  # noqa: E731
    assert names("status=act") == ["a", "c"]
    assert names("city=上海") == ["a", "b"]
    assert names("city=上海", "status=act") == ["a"]
    assert names("city=上海,北京") == ["a", "b", "c"]
    assert names("city!=上海") == ["c", "d"]
    assert names("status=healthy,act") == ["a", "b", "c", "d"]


@pytest.mark.parametrize(
    ("expression", "key"),
    [
        ("status", "portfolio.bad_where"),
        ("=act", "portfolio.bad_where"),
        ("colour=red", "portfolio.unknown_where_field"),
        ("status=sleeping", "portfolio.bad_status"),
    ],
)
def test_a_bad_where_is_a_usage_error(expression: str, key: str) -> None:
    with pytest.raises(SqtoolError) as caught:
        parse_where([expression], ("city",))
    assert caught.value.key == key


def test_totals_by_tag_add_up_the_groups() -> None:
    """Per city: groups, known members, messages (and the previous period's), active, statuses."""
    ranked = rank(
        [
            outcome("a", {"city": "上海"}, messages=100, messages_previous=50, active=12),
            outcome("b", {"city": "上海"}, messages=200, messages_previous=250, members=None, active=8),
            outcome("c", {"city": "北京"}, messages=30, last_message=None),
            failed("d"),
        ]
    )
    totals = {total.value: total for total in totals_by(ranked, "city")}
    shanghai = totals["上海"]
    assert (shanghai.groups, shanghai.members, shanghai.messages, shanghai.messages_previous) == (2, 100, 300, 300)
    assert shanghai.active == 20 and shanghai.change == 0.0
    assert dict(totals["北京"].statuses)["dormant"] == 1
    assert totals[None].groups == 1 and dict(totals[None].statuses)["failed"] == 1 and totals[None].members is None
    assert list(totals) == ["上海", "北京", None]  # most messages first, the untagged last
    (everything,) = totals_by(ranked, None)
    assert everything.groups == 4 and everything.messages == 330
