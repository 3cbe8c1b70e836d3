"""Value outputs and rituals matched against posts; drift findings with the plan's positions."""

from datetime import UTC, date
from pathlib import Path

import pytest

from sqtool.audit.engine import run_audit
from sqtool.audit.options import AuditOptions
from sqtool.audit.value import PlannedItem, held_count, planned_count, planned_items
from sqtool.diagnostics import Severity
from sqtool.plan.load import load_plan
from sqtool.plan.model import PlanModel
from tests.audit.builders import Chat, FakePlan

DAY = 24 * 60
EXAMPLE_PLAN = Path(__file__).resolve().parents[2] / "examples" / "plan.yaml"

PLAN = {
    "value_output": [
        {"name": "daily case", "cadence": "daily", "time": "08:00", "owner": "boss", "keywords": ["【每日案例】"]},
        {"name": "weekly pack", "cadence": "weekly", "day": "monday", "time": "12:00", "owner": "lin"},
    ],
    "rituals": [
        {
            "name": "topic night",
            "cadence": "weekly",
            "day": "thursday",
            "time": "21:00-21:30",
            "keywords": ["【话题夜】"],
        },
    ],
    "thresholds": {"min_value_posts_per_week": 7, "max_unanswered_share": 0.2},
    "roles": {"owner": "boss", "admins": ["lin", "ghost"], "opinion_leaders": ["quiet"]},
    "members": {"target_size": 500},
}


def week_of_posts() -> Chat:
    chat = Chat(start=Chat().start.replace(hour=0))  # Monday 2026-03-02 00:00 UTC
    for day in (0, 1, 2, 4):
        chat.say("boss", "【每日案例】第 N 期", at=day * DAY + 8 * 60 + 5)  # held on 4 days
    chat.say("boss", "【每日案例】迟到的一期", at=5 * DAY + 15 * 60)  # 15:00: outside 07:00-09:00
    chat.say("lin", "this week's pack", at=12 * 60 + 30)  # Monday 12:30, no keywords: by its owner
    chat.say("someone", "【话题夜】今晚聊裂变", at=3 * DAY + 20 * 60 + 10)  # Thursday 20:10: inside 20:00-22:30
    chat.say("quiet", "hello", at=6 * DAY + 10)
    return chat


def test_planned_and_held_counts_by_hand():
    report = run_audit(week_of_posts().sorted(), AuditOptions(tz=UTC, plan=FakePlan(PLAN)))
    value = report.current.value
    assert [(i.name, i.planned, i.held) for i in value.items] == [
        ("daily case", 7, 4),  # 7 days planned, 4 held (day 5's post fell outside the time slot)
        ("weekly pack", 1, 1),  # one Monday
        ("topic night", 1, 1),  # one Thursday
    ]
    assert value.value_posts == 5  # 4 daily + 1 weekly; the ritual is not a value output
    assert value.value_posts_per_week == 5  # over 7 days
    diagnosis = report.diagnoses[4]
    # kept (4 + 1) / (7 + 1) = 0.625; posts 5 / 7; 50 * 0.625 + 50 * 5 / 7 = 31.25 + 35.71 = 66.96 -> 67
    assert (diagnosis.id, diagnosis.score, diagnosis.status) == ("value_output", 67, "watch")


def test_drift_findings_carry_rule_ids_and_plan_positions():
    plan = FakePlan(PLAN, lines={("value_output", 0): 12, ("thresholds", "min_value_posts_per_week"): 40})
    report = run_audit(week_of_posts().sorted(), AuditOptions(tz=UTC, plan=plan, members=40))
    found = {(item.finding.rule_id, item.subject): item for item in report.drift}
    daily = found[("SQ802", "daily case")]
    assert (daily.planned, daily.measured, daily.finding.line, daily.finding.path) == (7, 4, 12, "plan.yaml")
    assert daily.finding.severity is Severity.WARNING and daily.finding.hint
    assert "4 of 7" in daily.finding.message
    posts = found[("SQ803", "min_value_posts_per_week")]
    assert posts.finding.line == 40 and posts.measured == "5.0"
    assert ("SQ804", "ghost") in found  # admin who never posted
    assert ("SQ804", "lin") not in found and ("SQ804", "boss") not in found
    assert ("SQ805", "quiet") in found  # a named opinion leader who posts but draws nobody
    assert ("SQ806", "target_size") in found  # 40 counted against 500 planned
    assert ("SQ801", "topic night") not in found  # held as planned
    assert report.findings == [item.finding for item in report.drift]


def test_drift_messages_follow_the_language():
    report = run_audit(week_of_posts().sorted(), AuditOptions(tz=UTC, plan=FakePlan(PLAN), lang="zh"))
    assert any("实际发布" in item.finding.message for item in report.drift)


def test_no_plan_means_no_drift_and_value_not_assessed():
    report = run_audit(week_of_posts().sorted(), AuditOptions(tz=UTC))
    assert report.drift == ()
    assert report.diagnoses[4].status == "not_assessed"


def test_the_demo_plan_loads_and_positions_point_into_it():
    plan = PlanModel.of(load_plan(EXAMPLE_PLAN))
    items = planned_items(plan)
    assert [i.name for i in items] == ["每日案例拆解", "每周资料包", "周四话题夜", "周日嘉宾分享"]
    assert items[2].weekday == 3 and (items[2].start_minute, items[2].end_minute) == (21 * 60, 21 * 60 + 30)
    assert items[0].keywords == ("【每日案例】",) and items[0].people == ("周老师", "小林")
    chat = Chat()
    chat.say("周老师", "大家早", at=0)
    report = run_audit(chat.sorted(), AuditOptions(plan=plan))
    text = EXAMPLE_PLAN.read_text("utf-8").splitlines()
    for item in report.drift:
        line = text[item.finding.line - 1]
        if item.kind in ("ritual", "value_output"):
            assert item.subject in line or "name" in line or line.strip().startswith("-"), line
        if item.kind == "role":
            assert item.subject in line
    assert {i.subject for i in report.drift if i.kind == "role"} == {
        "小林",
        "阿杰",
        "陈姐",
        "老王",
        "Mia",
        "大刘",
        "苏苏",
    }
    assert report.current.summary.members == 300  # members.current_size of the plan
    assert report.current.summary.members_source == "plan"


@pytest.mark.parametrize(
    ("cadence", "weekday", "days", "planned"),
    [
        ("daily", None, 10, 10),
        ("weekdays", None, 7, 5),
        ("weekly", 0, 15, 3),  # Mondays 2, 9, 16 March
        ("weekly", None, 15, 2),  # two full weeks
        ("biweekly", None, 30, 2),
        ("monthly", None, 61, 2),
        ("whenever", None, 30, None),
    ],
)
def test_planned_count(cadence, weekday, days, planned):
    item = PlannedItem("rituals", 0, "x", cadence, weekday, None, None, (), ())
    first = date(2026, 3, 2)
    last = date.fromordinal(first.toordinal() + days - 1)
    assert planned_count(item, first, last) == planned


def test_held_count_in_blocks_is_capped_by_planned():
    item = PlannedItem("rituals", 0, "x", "weekly", None, None, None, (), ())
    first = date(2026, 3, 2)
    start = first.toordinal()
    # 15 days = 2 planned blocks; matches in block 0 (twice) and in the partial block 2
    assert held_count(item, {start, start + 1, start + 14}, first, date(2026, 3, 16)) == 1
    assert held_count(item, {start, start + 8}, first, date(2026, 3, 16)) == 2
