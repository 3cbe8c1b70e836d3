"""Top senders, the export's counts and the one zone, at unit level (records built, no readers)."""

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from sqtool.audit.engine import resolve_tz, run_audit, zone_label
from sqtool.audit.options import AuditOptions
from sqtool.audit.report import ExportInfo
from sqtool.chat.model import Message
from sqtool.commands.audit import audit_zone
from sqtool.errors import SqtoolError
from sqtool.render.audit_json import report_to_json
from tests.audit.builders import START, Chat, FakePlan


class FakeRead(list):
    """A list of records with the attributes a ChatRead carries after it has been read."""

    formats = ("whatsapp", "telegram")
    files = ("a.txt", "b.json")
    skipped = 2
    duplicates = 3
    zone = ZoneInfo("Asia/Tokyo")


def test_senders_ranked_in_the_one_pass_with_latest_names_and_bots_apart():
    chat = Chat()
    for minute in range(3):
        chat.say("b", at=minute)
    chat.say("a", at=5)
    chat.say("c", at=6)
    records = chat.sorted()
    # "a" renames itself; a bot posts twice
    records.append(Message("r1", START + timedelta(minutes=7), "a", "Alice", "hi"))
    records += [Message(f"bot{n}", START + timedelta(minutes=8 + n), "gh", "github", "CI", is_bot=True) for n in (0, 1)]
    report = run_audit(FakeRead(records), AuditOptions(tz=UTC))
    assert [(s.id, s.name, s.messages) for s in report.senders] == [("b", "b", 3), ("a", "Alice", 2), ("c", "c", 1)]
    assert report.current.summary.messages == 6 and report.current.summary.senders == 3
    assert report.top_senders(2) == report.senders[:2] and report.top_senders(0) == report.senders
    assert report.source == ExportInfo(("whatsapp", "telegram"), ("a.txt", "b.json"), 2, 3, 2)
    document = report_to_json(report, top=1)
    assert document["senders"] == [{"id": "b", "name": "b", "messages": 3}]
    assert document["summary"]["format"] == "whatsapp+telegram" and document["summary"]["bots"] == 2


def test_only_bots_is_no_messages():
    records = [Message("x", START, "gh", "github", "deploy", is_bot=True)]
    with pytest.raises(SqtoolError) as caught:
        run_audit(records, AuditOptions(tz=UTC))
    assert caught.value.key == "audit.no_messages"


def test_engine_zone_option_then_plan_then_the_readers_zone():
    plan = FakePlan({"community": {"timezone": "Europe/Berlin"}})
    assert resolve_tz(AuditOptions(tz=UTC, plan=plan), FakeRead()) is UTC
    assert resolve_tz(AuditOptions(plan=plan), FakeRead()) == ZoneInfo("Europe/Berlin")
    assert resolve_tz(AuditOptions(), FakeRead()) == ZoneInfo("Asia/Tokyo")
    assert resolve_tz(AuditOptions(), []) is UTC  # a plain list has no zone
    assert zone_label(ZoneInfo("Asia/Tokyo")) == "Asia/Tokyo"
    assert zone_label(timezone(timedelta(hours=8))) == "UTC+08:00"


def test_report_days_and_times_in_the_readers_zone():
    chat = Chat(start=datetime(2026, 3, 1, 23, 30, tzinfo=UTC))  # 08:30 on 2 March in Tokyo
    chat.say("a", at=0)
    chat.say("b", at=10)
    document = report_to_json(run_audit(FakeRead(chat.sorted()), AuditOptions()))
    assert document["period"]["first"] == "2026-03-02" and document["period"]["timezone"] == "Asia/Tokyo"
    assert document["summary"]["first"] == "2026-03-02T08:30:00+09:00"


def test_cli_zone_option_then_plan_then_this_machine(monkeypatch):
    plan = FakePlan({"community": {"timezone": "Europe/Berlin"}}, lines={("community", "timezone"): 7})
    assert audit_zone("UTC", plan) == ZoneInfo("UTC")
    assert audit_zone(None, plan) == ZoneInfo("Europe/Berlin")
    monkeypatch.setenv("TZ", "America/New_York")
    assert audit_zone(None, None) == ZoneInfo("America/New_York")
    with pytest.raises(SqtoolError) as caught:
        audit_zone("Mars/Base")
    assert caught.value.key == "chat.bad_tz"
    bad = FakePlan({"community": {"timezone": "Mars/Base"}}, lines={("community", "timezone"): 7})
    with pytest.raises(SqtoolError) as caught:
        audit_zone(None, bad)
    assert (caught.value.key, caught.value.where()) == ("chat.bad_tz", "plan.yaml:7:3")
