"""The bundled demo: examples/plan.yaml and the demo WeChat export describe the same group.

The export and its readers live on the chat branch; until both are in the checkout this is skipped.
"""

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
