"""JSON report against the published schema; terminal and Markdown renderers in both languages."""

import io
import json
from datetime import UTC
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from rich.console import Console

from sqtool.audit.engine import run_audit
from sqtool.audit.options import AuditOptions
from sqtool.chat.model import EventKind
from sqtool.i18n import Translator
from sqtool.render.audit_json import report_to_json
from sqtool.render.audit_terminal import render_terminal
from sqtool.render.markdown import render_markdown
from sqtool.render.sparkline import sparkline
from sqtool.resources import schema_path
from tests.audit.builders import Chat, FakePlan
from tests.audit.test_value_drift import PLAN

DAY = 24 * 60


@cache
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(Path(schema_path("audit-report")).read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def rich_report():
    chat = Chat()
    for day in range(20):
        question = chat.say("asker", "怎么做用户分层？", at=day * DAY)
        chat.say("boss", "【每日案例】today", at=day * DAY + 10, reply_to=question)
        chat.say("fan", "https://x.example", at=day * DAY + 20)
    chat.event(EventKind.JOIN, "new", at=DAY)
    return run_audit(chat.sorted(), AuditOptions(tz=UTC, plan=FakePlan(PLAN), members=50))


def test_json_report_matches_the_schema_and_has_the_stable_keys():
    report = rich_report()
    document = report_to_json(report)
    errors = list(validator().iter_errors(document))
    assert not errors, [f"{e.json_path}: {e.message}" for e in errors]
    assert document["summary"]["messages"] == 60 and document["summary"]["senders"] == 3
    assert document["summary"]["members"] == 50
    assert document["summary"]["first"].startswith("2026-03-02T09:00")
    assert [t["name"] for t in document["participation"]["tiers"]] == ["top_1", "next_9", "rest"]
    assert document["participation"]["lurker_share"] == pytest.approx(47 / 50)
    assert document["opinion_leaders"]["needed"] == 1
    assert document["responsiveness"]["median_first_response_minutes"] == 10
    assert document["responsiveness"]["unanswered_share"] == 0
    assert [d["id"] for d in document["diagnoses"]] == [
        "owner_pull",
        "opinion_leaders",
        "customers_as_fans",
        "operations",
        "value_output",
    ]
    assert all({"id", "score", "status", "evidence"} <= set(d) for d in document["diagnoses"])
    assert {d["rule_id"] for d in document["drift"]} >= {"SQ802", "SQ804"}
    json.dumps(document, allow_nan=False)  # never NaN


def test_json_with_a_previous_period_matches_the_schema():
    chat = Chat()
    for day in range(14):
        chat.say("a" if day % 2 else "b", "hi?", at=day * DAY)
    start = chat.at(0).date()
    from datetime import timedelta

    report = run_audit(chat.sorted(), AuditOptions(tz=UTC, since=start + timedelta(days=7)))
    document = report_to_json(report, lang="zh")
    assert document["previous"]["summary"]["messages"] == 7
    assert not list(validator().iter_errors(document))
    assert document["diagnoses"][0]["title"].startswith("一")
    document["unknown"] = 1
    assert list(validator().iter_errors(document))  # the schema is closed


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_terminal_report_puts_diagnoses_first(lang):
    tr = Translator(lang)
    buffer = io.StringIO()
    render_terminal(rich_report(), tr, Console(file=buffer, width=160, color_system=None))
    text = buffer.getvalue()
    diagnoses, figures = text.index(tr("audit.heading.diagnoses")), text.index(tr("audit.heading.figures_alone"))
    assert text.index(tr("audit.line.start_here", diagnosis="", status="")[:4]) < diagnoses < figures
    assert tr("audit.diagnosis.value_output") in text
    assert "SQ802" in text and any(block in text for block in "▁▂▃▄▅▆▇█")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown_report(lang):
    tr = Translator(lang)
    text = render_markdown(rich_report(), tr)
    assert text.startswith("# ") and f"## {tr('audit.heading.diagnoses')}" in text
    assert text.count("\n| ") > 20 and "`plan.yaml:" in text


def test_sparkline():
    assert sparkline([1, 2, 5]) == "▁▃█"
    assert sparkline([0, 0]) == "▁▁" and sparkline([3, 3]) == "▄▄"
    assert sparkline([1, None, 2]) == "▁ █" and sparkline([]) == ""
