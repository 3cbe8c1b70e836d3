"""`sqtool audit` end to end: the demo export with the demo plan, every option, both languages."""

import json
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from rich.cells import cell_len

from sqtool.resources import schema_path
from tests.conftest import CORPUS, REPO, needs_shared, run_sqtool

DEMO = str(REPO / "examples" / "demo-wechat.csv")
PLAN = str(REPO / "examples" / "plan.yaml")
DIAGNOSES = ["owner_pull", "opinion_leaders", "customers_as_fans", "operations", "value_output"]


@cache
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(Path(schema_path("audit-report")).read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def audit_json(cli, *args: str) -> dict:
    result = cli("audit", DEMO, "--report", "json", *args)
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    errors = [f"{e.json_path}: {e.message}" for e in validator().iter_errors(document)]
    assert not errors, errors
    return document


def test_demo_with_plan_diagnoses_first_then_figures_senders_and_drift(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    result = cli("audit", DEMO, "--plan", PLAN)
    assert result.exit_code == 0, result.stderr  # --fail-on defaults to never
    out = result.stdout
    assert "times in Asia/Shanghai" in " ".join(out.split())  # the plan's community.timezone
    order = [
        out.index("Start here: 2. Opinion leaders (act)"),
        out.index("Five self-diagnoses"),
        out.index("1. Owner / IP pull"),
        out.index("5. Continuous value output"),
        out.index("Figures"),
        out.index("Top 10 senders"),
        out.index("Drift from the plan"),
    ]
    assert order == sorted(order)
    assert "陈姐" in out and "wxid_tvkjratw84mg" in out
    for rule in ("SQ801", "SQ802", "SQ803", "SQ805", "SQ806"):
        assert f"[{rule}]" in out
    too_wide = [line for line in out.splitlines() if cell_len(line) > 80]
    assert not too_wide  # the console's width, not a fixed one
    assert "\x1b[" not in out


def test_json_is_a_superset_of_the_first_surface(cli):
    document = audit_json(cli, "--plan", PLAN, "--top", "3")
    summary = document["summary"]
    assert summary["format"] == "wechat" and summary["files"] == [DEMO]
    assert (summary["messages"], summary["senders"], summary["members"]) == (7985, 119, 300)
    assert summary["first"] == "2026-06-01T01:50:52+08:00"  # seconds precision, the plan's zone
    assert (summary["joins"], summary["skipped"], summary["duplicates"], summary["bots"]) == (215, 0, 0, 0)
    assert summary["leaves"] + summary["removals"] == 8
    assert [s["name"] for s in document["senders"]] == ["陈姐", "老王", "小林"]
    assert document["senders"][0] == {"id": "wxid_tvkjratw84mg", "name": "陈姐", "messages": 1913}
    assert document["period"] == {"first": "2026-06-01", "last": "2026-09-30", "days": 122, "timezone": "Asia/Shanghai"}
    assert [d["id"] for d in document["diagnoses"]] == DIAGNOSES
    assert {d["rule_id"] for d in document["drift"]} >= {"SQ801", "SQ802", "SQ803"}
    assert document["plan"] == PLAN and document["previous"] is None


def test_fail_on_sets_the_exit_code(cli):
    assert cli("audit", DEMO, "--plan", PLAN, "--fail-on", "warning").exit_code == 1
    assert cli("audit", DEMO, "--plan", PLAN, "--fail-on", "error").exit_code == 0  # drift is warning at most
    bad = cli("audit", DEMO, "--fail-on", "sometimes")
    assert bad.exit_code == 2 and "'sometimes'" in bad.stderr


def test_markdown_report_to_a_file(cli, tmp_path):
    target = tmp_path / "audit.md"
    result = cli("audit", DEMO, "--plan", PLAN, "--report", "md", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert f"report written to {target}" in result.stderr
    text = target.read_text("utf-8")
    assert text.startswith("# Community audit 2026-06-01 to 2026-09-30")
    assert text.index("## Five self-diagnoses") < text.index("## Top 10 senders") < text.index("## Drift")
    assert "| 1 | 陈姐 | wxid_tvkjratw84mg | 1,913 | 24% |" in text
    again = cli("audit", DEMO, "--report", "md", "-o", str(target))  # the weekly re-run: sqtool's own report
    assert again.exit_code == 0, again.stderr
    target.write_text("# my own notes\n", encoding="utf-8")
    refused = cli("audit", DEMO, "--report", "md", "-o", str(target))
    assert refused.exit_code == 2 and "--force" in refused.stderr  # checked before reading
    assert cli("audit", DEMO, "--report", "md", "-o", str(target), "--force").exit_code == 0


def test_save_then_history_shows_the_run(cli, tmp_path):
    history = tmp_path / "history.sqlite"
    saved = cli("audit", DEMO, "--plan", PLAN, "--save", "--history", str(history), "-r", "json")
    assert saved.exit_code == 0, saved.stderr
    shown = cli("history", "--history", str(history), "--format", "json")
    assert shown.exit_code == 0, shown.stderr
    entries = json.loads(shown.stdout)["audits"]
    assert len(entries) == 1
    assert entries[0]["messages"] == 7985 and entries[0]["period"] == {"first": "2026-06-01", "last": "2026-09-30"}
    assert entries[0]["plan"] == PLAN and entries[0]["scores"]["operations"] == 50
    text = cli("history", "--history", str(history))
    assert "2026-06-01" in text.stdout and "..2026-09-30" in text.stdout and "7,985" in text.stdout


def test_roster_counts_silent_members_and_customers(cli, tmp_path):
    roster = tmp_path / "members.csv"
    rows = ["id,name,tags", "wxid_tvkjratw84mg,陈姐,customer", "wxid_zgmtxjfmmmbg,老王,", "silent1,潜水者,customer"]
    roster.write_text("\n".join(rows) + "\n", "utf-8")
    document = audit_json(cli, "--roster", str(roster))
    assert document["summary"]["members_source"] == "roster"
    assert document["summary"]["members"] == 119 + 1  # the posters plus the one who never posted
    fans = next(d for d in document["diagnoses"] if d["id"] == "customers_as_fans")
    assert fans["status"] != "not_assessed" and document["roster"] == str(roster)


def test_members_option_sets_the_base(cli):
    document = audit_json(cli, "--members", "500")
    assert (document["summary"]["members"], document["summary"]["members_source"]) == (500, "option")
    assert document["participation"]["lurkers"] == 500 - 119


def test_since_until_window_with_previous_period(cli):
    document = audit_json(cli, "--since", "2026-09-01", "--until", "2026-09-30", "--tz", "Asia/Shanghai")
    assert document["period"]["first"] == "2026-09-01" and document["period"]["days"] == 30
    previous = document["previous"]
    assert previous is not None and previous["period"]["first"] == "2026-08-02"
    assert previous["summary"]["messages"] > 0 and document["summary"]["messages"] < 7985
    text = " ".join(cli("audit", DEMO, "--since", "2026-09-01", "--until", "2026-09-30").stdout.split())
    assert "Figures against the previous period" in text and "Change" in text


def test_exclude_leaves_a_member_out(cli):
    document = audit_json(cli, "--exclude", "陈姐", "--exclude", "wxid_zgmtxjfmmmbg")
    assert document["summary"]["senders"] == 117
    assert document["excluded_records"] == 1913 + 1733
    assert {s["name"] for s in document["senders"]}.isdisjoint({"陈姐", "老王"})


def test_zone_precedence_option_plan_machine(cli, monkeypatch):
    assert audit_json(cli, "--plan", PLAN, "--tz", "UTC")["period"]["timezone"] == "UTC"
    monkeypatch.setenv("TZ", "Europe/Berlin")
    document = audit_json(cli)  # no plan, no --tz: this machine's zone
    assert document["period"]["timezone"] == "Europe/Berlin"
    assert document["summary"]["first"].endswith("+02:00")  # read in the same zone


def test_bad_zone_in_the_plan_points_at_its_line(cli, tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(Path(PLAN).read_text("utf-8").replace("timezone: Asia/Shanghai", "timezone: Mars/Base"), "utf-8")
    result = cli("audit", DEMO, "--plan", str(plan))
    assert result.exit_code == 2
    assert f"{plan}:15:" in result.stderr and "Mars/Base" in result.stderr and "Traceback" not in result.stderr


def test_empty_and_one_person_exports_say_so(cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = cli("audit", str(empty))
    assert result.exit_code == 2
    assert f"{empty}: error: no messages to audit" in result.stderr and "hint:" in result.stderr
    alone = tmp_path / "alone.txt"
    alone.write_text("2/1/26, 10:00 - Ana: anyone here?\n2/1/26, 10:05 - Ana: hello\n")
    result = cli("audit", str(alone), "--tz", "UTC")
    assert result.exit_code == 0, result.stderr
    assert "Only one person (Ana) posted" in " ".join(result.stdout.split())
    zh = cli("--lang", "zh", "audit", str(alone), "--tz", "UTC")
    assert "本期只有一个人（Ana）发言" in zh.stdout
    for output in (result.stderr, zh.stderr):
        assert "Traceback" not in output


def test_chinese_report(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    result = cli("--lang", "zh", "audit", DEMO, "--plan", PLAN)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert max(cell_len(line) for line in out.splitlines()) <= 60  # Chinese is two cells a character
    for text in (
        "社群体检",
        "先做这一项：二、意见领袖（需行动）",
        "五项自检",
        "发言最多的 10 人",
        "与计划的偏差",
        "时区 Asia/Shanghai",
    ):
        assert text in out
    document = audit_json(cli, "--plan", PLAN)
    zh = json.loads(cli("--lang", "zh", "audit", DEMO, "--plan", PLAN, "-r", "json").stdout)
    assert zh["diagnoses"][0]["title"].startswith("一") and zh["summary"] == document["summary"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "June"], "--since 'June' is not a date"),
        (["--members", "-3"], "--members -3 is negative"),
        (["--top", "-1"], "--top -1 is negative"),
        (["--response-cutoff", "0"], "--response-cutoff 0"),
        (["--plan", "nope.yaml"], "nope.yaml"),
    ],
)
def test_bad_options_exit_2(cli, args, message):
    result = cli("audit", DEMO, *args)
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_help_lists_every_option():
    done = run_sqtool("audit", "--help")
    assert done.returncode == 0
    for option in (
        "--format",
        "--tz",
        "--lenient",
        "--plan",
        "--roster",
        "--members",
        "--since",
        "--until",
        "--exclude",
        "--response-cutoff",
        "--ad-keywords",
        "--report",
        "--output",
        "--force",
        "--save",
        "--history",
        "--fail-on",
        "--top",
        "machine's zone",
    ):
        assert option in done.stdout, option


def test_subprocess_demo_with_plan_fails_on_warning(tmp_path):
    target = tmp_path / "audit.json"
    done = run_sqtool("audit", DEMO, "--plan", PLAN, "-r", "json", "-o", str(target), "--fail-on", "warning")
    assert done.returncode == 1, done.stderr
    document = json.loads(target.read_text("utf-8"))
    assert not list(validator().iter_errors(document))
    assert document["senders"][0]["name"] == "陈姐"


@needs_shared
def test_times_with_their_own_offsets_are_shown_in_the_audit_zone(cli):
    export = str(CORPUS / "discord_json" / "chatanalytics_DM_2A_2M.json")
    result = cli("audit", export, "--tz", "Asia/Shanghai", "--report", "json")
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)["summary"]
    assert summary["format"] == "discord"
    assert summary["first"].endswith("+08:00") and summary["last"].endswith("+08:00")


def test_walkthrough_shows_the_current_report(cli, monkeypatch):
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("COLUMNS", "80")
    result = cli("audit", "examples/demo-wechat.csv", "--plan", "examples/plan.yaml")
    doc = (REPO / "docs" / "audit-walkthrough.md").read_text("utf-8")
    assert result.stdout in doc, "regenerate the report in docs/audit-walkthrough.md (COLUMNS=80)"
