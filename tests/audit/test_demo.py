"""The bundled demo: examples/plan.yaml and the demo WeChat export describe the same group."""

import csv
import html
import re
from pathlib import Path

import pytest

from sqtool.audit.engine import run_audit
from sqtool.chat.read import read_exports
from sqtool.commands.audit import AuditArguments, build_options
from sqtool.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DEMO = EXAMPLES / "demo-wechat.csv"


@pytest.fixture(scope="module")
def september():
    arguments = AuditArguments(exports=(str(DEMO),), plan=str(EXAMPLES / "plan.yaml"), since="2026-09-01")
    options = build_options(arguments, Settings())
    return run_audit(read_exports([str(DEMO)]), options)


def test_the_demo_report_says_what_to_fix(september):
    report = september
    assert report.current.period.days == 30 and report.previous is not None
    assert report.current.summary.members == 300  # members.current_size of the plan
    assert report.current.summary.messages < report.previous.summary.messages  # activity falls in September
    leaders = report.current.opinion_leaders
    # 陈姐 leads; 老王 posts as much but draws answers only as often as anyone: the first candidate
    assert [leader.name for leader in leaders.leaders] == ["陈姐"]
    assert leaders.candidates[0].name == "老王"
    rules = {(item.finding.rule_id, item.subject) for item in report.drift}
    assert ("SQ802", "每日案例拆解") in rules  # the daily case study stopped in September
    assert ("SQ805", "Mia") in rules  # named a leader, draws few answers
    assert report.current.responsiveness.unanswered_share > 0
    statuses = {d.id: d.status for d in report.diagnoses}
    assert statuses["customers_as_fans"] == "not_assessed"
    assert statuses["value_output"] in ("watch", "act")


def _without_links(source: Path, target: Path) -> None:
    """The demo export with every quoted reply (WeChat type 49/57) written as the plain text it says."""
    with (
        source.open(encoding="utf-8-sig", newline="") as given,
        target.open("w", encoding="utf-8-sig", newline="") as out,
    ):
        rows = csv.reader(given)
        writer = csv.writer(out)
        writer.writerow(next(rows))
        for row in rows:
            if row[2] == "49" and row[3] == "57":
                title = re.search(r"<title>(.*?)</title>", row[7], re.S)
                assert title is not None
                row[2], row[3], row[7] = "1", "0", html.unescape(title.group(1))
            writer.writerow(row)


def test_the_same_conversation_with_and_without_reply_links_gives_the_same_picture(tmp_path):
    """Issue 14: a reply link anywhere no longer switches the method. The demo written without its
    quotes keeps unanswered share within 10 points, median first response within 30% and opinion
    leaders within one of the linked export."""
    unlinked = tmp_path / "demo-unlinked.csv"
    _without_links(DEMO, unlinked)
    arguments = AuditArguments(exports=(str(DEMO),), plan=str(EXAMPLES / "plan.yaml"))
    options = build_options(arguments, Settings())
    linked_report = run_audit(read_exports([str(DEMO)]), options).current
    unlinked_report = run_audit(read_exports([str(unlinked)]), options).current
    one, other = linked_report.responsiveness, unlinked_report.responsiveness
    assert dict(one.evidence)["link"] > 50 and dict(other.evidence)["link"] == 0
    assert abs(one.unanswered_share - other.unanswered_share) <= 0.10
    assert abs(one.median_first_response_minutes - other.median_first_response_minutes) <= (
        0.30 * one.median_first_response_minutes
    )
    assert abs(linked_report.opinion_leaders.present - unlinked_report.opinion_leaders.present) <= 1
