"""The operating calendar: each kind's preparation steps, owners and backups, DST in the group's zone,
and the calendar findings (SQ901-SQ904) on top of their fixture pairs."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sqtool.i18n import Translator
from sqtool.plan.load import load_plan
from sqtool.plan.model import PlanModel
from sqtool.schedule.calendar import Calendar, build_calendar
from sqtool.schedule.kit import build_kit
from tests.schedule.helpers import ALL_KINDS_RITUALS, ALL_KINDS_VALUE, write_plan

START = date(2026, 6, 1)  # a Monday


@pytest.fixture
def all_kinds(tmp_path: Path) -> PlanModel:
    return PlanModel.of(load_plan(write_plan(tmp_path, ALL_KINDS_VALUE, ALL_KINDS_RITUALS)))


def _calendar(plan: PlanModel, weeks: int = 5, zone: str = "Asia/Shanghai", start: date = START) -> Calendar:
    return build_calendar(plan, start, weeks, ZoneInfo(zone), zone)


def _steps(calendar: Calendar, name: str) -> list[tuple[str, str, str | None]]:
    return [(s.action, s.day.isoformat(), s.who) for s in calendar.steps if s.item.name == name]


def test_guest_sharing_gets_every_step_of_article_003(all_kinds: PlanModel) -> None:
    calendar = _calendar(all_kinds, weeks=1)
    steps = _steps(calendar, "Guest sharing")
    # Sunday 06-07 at 20:30: book a week ahead (the organizer), announce 2 days ahead, remind an hour before
    assert ("guest_share.book", "2026-05-31", "阿杰") in steps
    assert ("guest_share.announce", "2026-06-05", "Mei") in steps
    remind = next(s for s in calendar.steps if s.action == "guest_share.remind")
    assert remind.at is not None and (remind.at.hour, remind.at.minute) == (19, 30)
    # summary and publishing fall after this one-week window, so they show in a two-week calendar
    two = _steps(_calendar(all_kinds, weeks=2), "Guest sharing")
    assert ("guest_share.summary", "2026-06-08", "Mei") in two
    assert ("guest_share.publish", "2026-06-09", "Mia") in two  # the first spreader of the plan


def test_topic_night_is_announced_the_day_before_and_summed_up(all_kinds: PlanModel) -> None:
    steps = _steps(_calendar(all_kinds, weeks=1), "Topic night")
    assert ("topic.pick", "2026-06-01", "Lin") in steps
    assert ("topic.announce", "2026-06-03", "Lin") in steps  # Thursday 06-04, one day ahead by default
    assert ("topic.highlights", "2026-06-05", "Lin") in steps  # summary: true


def test_check_in_is_daily_on_weekdays_with_a_weekly_recap(all_kinds: PlanModel) -> None:
    calendar = _calendar(all_kinds, weeks=2)
    days = [o.day.isoformat() for o in calendar.occurrences if o.item.name == "Morning check-in"]
    assert len(days) == 10 and "2026-06-06" not in days
    assert _steps(calendar, "Morning check-in") == [
        ("check_in.recap", "2026-06-05", "Kai"),
        ("check_in.recap", "2026-06-12", "Kai"),
    ]


def test_red_packets_offline_and_other_kinds(all_kinds: PlanModel) -> None:
    calendar = _calendar(all_kinds, weeks=5)
    assert [o.day.isoformat() for o in calendar.occurrences if o.item.name == "Red packet hour"] == ["2026-06-15"]
    assert ("red_packet.budget", "2026-06-14", "周老师") in _steps(calendar, "Red packet hour")  # the giver
    assert [o.day.isoformat() for o in calendar.occurrences if o.item.name == "City meetup"] == ["2026-06-27"]
    meetup = _steps(calendar, "City meetup")
    assert ("offline.venue", "2026-06-13", "阿杰") in meetup
    assert ("offline.announce", "2026-06-20", "Lin") in meetup  # a week ahead by default
    assert ("offline.signup", "2026-06-25", "阿杰") in meetup
    assert ("offline.recap", "2026-06-28", "Mia") in meetup
    swap = [o.day.isoformat() for o in calendar.occurrences if o.item.name == "Book swap"]
    assert swap == ["2026-06-03", "2026-06-17", "2026-07-01"]
    assert ("other.announce", "2026-06-14", "Yu") in _steps(calendar, "Book swap")


def test_value_outputs_with_owner_and_backup(all_kinds: PlanModel) -> None:
    calendar = _calendar(all_kinds, weeks=1)
    daily = [o for o in calendar.occurrences if o.item.name == "Daily case"]
    assert len(daily) == 7 and {(o.item.owner, o.item.backup) for o in daily} == {("Mei", "Yu")}
    assert _steps(calendar, "Daily case") == [("value.line_up", "2026-06-01", "Mei")]
    assert ("value.prepare", "2026-05-31", "Yu") in _steps(calendar, "Weekly pack")  # due before week 1


def test_weeks_hold_their_own_days_and_week_zero_holds_what_is_due_before(all_kinds: PlanModel) -> None:
    calendar = _calendar(all_kinds, weeks=3)
    assert [w.number for w in calendar.weeks] == [0, 1, 2, 3]
    for week in calendar.weeks[1:]:
        assert week.last - week.first == timedelta(days=6)
        assert all(week.first <= o.day <= week.last for o in week.occurrences)
        assert all(week.first <= s.day <= week.last for s in week.steps)
    assert all(s.day < START for s in calendar.weeks[0].steps)


def test_times_keep_the_wall_clock_across_berlin_dst(tmp_path: Path) -> None:
    rituals = '  - name: Sunday talk\n    kind: topic\n    cadence: weekly\n    day: sunday\n    time: "20:00-21:00"\n'
    plan = PlanModel.of(load_plan(write_plan(tmp_path, rituals=rituals, timezone="Europe/Berlin")))
    for start, change in ((date(2026, 3, 16), date(2026, 3, 29)), (date(2026, 10, 12), date(2026, 10, 25))):
        calendar = _calendar(plan, weeks=4, zone="Europe/Berlin", start=start)
        talks = [o for o in calendar.occurrences if o.item.name == "Sunday talk"]
        assert {(o.start.hour, o.end.hour) for o in talks if o.start and o.end} == {(20, 21)}
        offsets = {o.day: o.start.utcoffset() for o in talks if o.start}
        before, after = offsets[change - timedelta(days=7)], offsets[change]
        assert before != after  # the offset changed, the wall time did not


def test_nothing_schedulable_gives_an_empty_calendar(tmp_path: Path) -> None:
    rituals = "  - name: Someday\n    kind: other\n    cadence: monthly\n"
    plan = PlanModel.of(load_plan(write_plan(tmp_path, rituals=rituals)))
    kit = build_kit(plan, START, 4, ZoneInfo("UTC"), "UTC", Translator("en"))
    assert not kit.schedulable and kit.calendar.occurrences == ()
    assert [(u.item.name, u.reason) for u in kit.calendar.unplaced] == [("Someday", "no_month_day")]
    assert [f.rule_id for f in kit.findings] == ["SQ904"]


def test_roles_name_holders_duties_and_what_nobody_holds(tmp_path: Path) -> None:
    text = write_plan(tmp_path, ALL_KINDS_VALUE, ALL_KINDS_RITUALS).read_text("utf-8")
    path = tmp_path / "plan.yaml"
    path.write_text(
        text.replace("  talker: [老王]\n", "  talker: []\n").replace("  activist: [大刘]", "  activist: 2"), "utf-8"
    )
    plan = PlanModel.of(load_plan(path))
    kit = build_kit(plan, START, 1, ZoneInfo("UTC"), "UTC", Translator("en"))
    rows = {row.role: row for row in kit.roles}
    assert list(rows) == [
        "owner",
        "admins",
        "opinion_leaders",
        "organizer",
        "spreader",
        "activist",
        "talker",
        "challenger",
        "red_packet_giver",
    ]
    assert rows["owner"].holders == ("周老师",) and rows["talker"].held is False
    assert rows["activist"].count == 2 and rows["activist"].held
    assert rows["admins"].holders == ("小林", "阿杰")


def test_kpi_sheet_names_the_audit_key_of_each_figure(tmp_path: Path) -> None:
    plan = PlanModel.of(load_plan(write_plan(tmp_path, ALL_KINDS_VALUE, ALL_KINDS_RITUALS)))
    kit = build_kit(plan, START, 1, ZoneInfo("UTC"), "UTC", Translator("en"))
    keys = {row.source: (row.target, row.bound, row.audit_key) for row in kit.kpis}
    assert keys["thresholds.max_unanswered_share"] == (0.2, "max", "responsiveness.unanswered_share")
    assert keys["positioning.success_definition.retention_day_30"] == (0.85, "min", "membership.retention_30")
    assert keys["kpis.conversion.course_buyers_per_quarter"] == (30, "min", None)


def test_every_kpi_audit_key_is_in_the_demo_audit_report(cli) -> None:
    """The KPI sheet promises `sqtool audit --report json` keys: each must be in a real report."""
    import json

    from sqtool.schedule.kpis import KPI_FIGURES, SUCCESS_FIGURES, THRESHOLD_FIGURES
    from tests.conftest import REPO

    export, plan = REPO / "examples" / "demo-wechat.csv", REPO / "examples" / "plan.yaml"
    result = cli("audit", str(export), "--plan", str(plan), "--report", "json")
    report = json.loads(result.stdout)
    for key in {*THRESHOLD_FIGURES.values(), *SUCCESS_FIGURES.values(), *KPI_FIGURES.values()}:
        node = report
        for part in key.split("."):
            name = part.removesuffix("[]")
            assert isinstance(node, dict) and name in node, key
            node = node[name]
            if part.endswith("[]"):
                assert isinstance(node, list) and node, key
                node = node[0]
        assert isinstance(node, int | float), key
