"""The helpers that make `sqtool audit` a one-call command: options, rendering, writing, exit codes."""

import json
import sys
import types
from datetime import date
from pathlib import Path

import pytest

from sqtool.audit.history import load_history
from sqtool.audit.options import DEFAULT_AD_KEYWORDS
from sqtool.commands import findings_exit
from sqtool.commands.audit import AuditArguments, audit_action, build_options, parse_ad_keywords
from sqtool.diagnostics import fail_threshold
from sqtool.errors import SqtoolError
from sqtool.settings import Settings
from tests.audit.builders import Chat

EXAMPLE_PLAN = str(Path(__file__).resolve().parents[2] / "examples" / "plan.yaml")


def test_build_options_parses_and_loads(tmp_path):
    roster = tmp_path / "r.csv"
    roster.write_text("name,tags\n陈姐,customer\n", "utf-8")
    words = tmp_path / "ads.txt"
    words.write_text("# ad words\n团购\n\n秒杀\n", "utf-8")
    options = build_options(
        AuditArguments(
            exports=("x",),
            plan=EXAMPLE_PLAN,
            roster=str(roster),
            since="2026-09-01",
            until="2026-09-30",
            tz="Asia/Shanghai",
            exclude=("bot", "tag:staff"),
            ad_keywords=f"@{words}",
        ),
        Settings(lang="zh"),
    )
    assert options.since == date(2026, 9, 1) and options.until == date(2026, 9, 30)
    assert str(options.tz) == "Asia/Shanghai" and options.lang == "zh"
    assert options.plan is not None and options.plan.data["community"]["name"] == "私域增长研习社"
    assert options.roster is not None and options.roster.has_tag("customer")
    assert options.exclude == frozenset({"bot", "tag:staff"})
    assert options.ad_keywords == ("团购", "秒杀")
    assert options.effective_thresholds().max_lurker_share == 0.7  # from the demo plan


@pytest.mark.parametrize(
    ("arguments", "key"),
    [
        (AuditArguments(exports=(), since="yesterday"), "audit.bad_date"),
        (AuditArguments(exports=(), tz="Mars/Base"), "chat.bad_tz"),
        (AuditArguments(exports=(), top=-1), "audit.bad_top"),
        (AuditArguments(exports=(), members=-1), "audit.bad_members"),
        (AuditArguments(exports=(), response_cutoff_minutes=0), "audit.bad_cutoff"),
        (AuditArguments(exports=(), ad_keywords="@/no/such/file"), "fs.not_found"),
        (AuditArguments(exports=(), roster="/no/such/roster.csv"), "fs.not_found"),
    ],
)
def test_bad_arguments_are_usage_errors(arguments, key):
    with pytest.raises(SqtoolError) as caught:
        build_options(arguments, Settings())
    assert caught.value.key == key


def test_ad_keywords_inline():
    assert parse_ad_keywords("团购, promo ,") == ("团购", "promo")
    assert parse_ad_keywords(None) == DEFAULT_AD_KEYWORDS


@pytest.fixture
def fake_readers(monkeypatch):
    """Stand in for sqtool.chat.read (another branch) with a reader that yields built records."""
    chat = Chat()
    chat.say("周老师", "【每日案例】第一期", at=0)
    chat.say("陈姐", "学到了", at=3)
    module = types.ModuleType("sqtool.chat.read")
    calls = []

    def read_exports(paths, *, format=None, tz=None, lenient=False, progress=None, date_order=None, lang="en"):
        calls.append((tuple(paths), format, tz, lenient))
        return iter(chat.sorted())

    module.read_exports = read_exports
    monkeypatch.setitem(sys.modules, "sqtool.chat.read", module)
    return calls


def test_audit_action_writes_json_saves_history_and_fails_on_drift(fake_readers, tmp_path, capsys):
    output = tmp_path / "report.json"
    history = tmp_path / "h.sqlite"
    arguments = AuditArguments(
        exports=("chat.csv",),
        export_format="wechat",
        plan=EXAMPLE_PLAN,
        tz="UTC",
        report="json",
        output=str(output),
        save=True,
        history=str(history),
        fail_on="warning",
    )
    assert audit_action(Settings(), arguments) == 1  # the demo plan's rituals were not held
    assert fake_readers[0][:2] == (("chat.csv",), "wechat") and str(fake_readers[0][2]) == "UTC"
    document = json.loads(output.read_text("utf-8"))
    assert document["summary"]["messages"] == 2 and document["drift"]
    assert [e.messages for e in load_history(history)] == [2]
    assert audit_action(Settings(), arguments) == 1  # sqtool's own report: replaced without --force
    output.write_text("{}", encoding="utf-8")
    with pytest.raises(SqtoolError) as caught:  # any other file: never overwritten without --force
        audit_action(Settings(), arguments)
    assert caught.value.key == "fs.exists"
    assert audit_action(Settings(), AuditArguments(exports=("c",), report="md", fail_on="never")) == 0
    assert capsys.readouterr().out.startswith("# Community audit")


def test_audit_action_rejects_unknown_formats(fake_readers):
    with pytest.raises(SqtoolError):
        audit_action(Settings(), AuditArguments(exports=("c",), report="pdf"))
    with pytest.raises(SqtoolError):
        audit_action(Settings(), AuditArguments(exports=("c",), fail_on="sometimes"))


def exit_code(report, fail_on: str) -> int:
    return findings_exit(report.findings, fail_threshold(fail_on))


def test_exit_code_follows_fail_on(fake_readers, tmp_path):
    from sqtool.audit.engine import run_audit

    options = build_options(AuditArguments(exports=(), plan=EXAMPLE_PLAN), Settings())
    chat = Chat()
    chat.say("周老师", "hi", at=0)
    report = run_audit(chat.sorted(), options)
    severities = {item.finding.severity.value for item in report.drift}
    assert "warning" in severities
    assert exit_code(report, "never") == 0
    assert exit_code(report, "warning") == 1 and exit_code(report, "info") == 1
    assert exit_code(report, "error") == 0


def test_text_report_has_colour_only_when_asked(fake_readers, capsys):
    audit_action(Settings(color="always"), AuditArguments(exports=("c",)))
    assert "\x1b[" in capsys.readouterr().out
    audit_action(Settings(), AuditArguments(exports=("c",)))
    text = capsys.readouterr().out
    assert "\x1b[" not in text and "Five self-diagnoses" in text
