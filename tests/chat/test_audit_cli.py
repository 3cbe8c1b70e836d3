import json

import pytest

from tests.conftest import CORPUS, REPO, needs_shared, run_sqtool

DEMO = REPO / "examples" / "demo-wechat.csv"


@needs_shared
def test_text_report(cli):
    result = cli("audit", str(CORPUS / "whatsapp_txt" / "whatstk_pokemon.txt"), "--tz", "UTC")
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())  # lines wrap at the console's width
    for label in (
        "(WhatsApp)",
        "members who posted",
        "2016-08-06 13:23 to 2016-10-31 12:23, times in UTC",
        "Top 8 senders",
        "Ash Ketchum",
    ):
        assert label in out
    assert "\x1b[" not in out  # no colour unless asked


@needs_shared
def test_json_report_keys(cli):
    result = cli(
        "audit", str(CORPUS / "slack_json" / "slackexportviewer_testarchive.zip"), "--tz", "UTC", "--report", "json"
    )
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    summary = document["summary"]
    assert summary["format"] == "slack"
    # bots are not members: of the 147 messages, the 94 of integrations count only as summary.bots;
    # the 53 left (hamza 33, doubledeez 14, abilinski 5, heroeshannibal 1) were checked with a separate
    # json.load loop over the zip, as were the first and last member message (ts 1452837352.000006 and
    # 1459155174.000025); times are shown to the second, whatever precision the export has
    # 8 channel_join lines (4 in #enrique, 4 in #traveling-sailor) by 4 people: 4 joins to the workspace
    assert (summary["messages"], summary["senders"], summary["joins"], summary["leaves"]) == (53, 4, 4, 0)
    assert summary["bots"] == 94
    assert summary["first"] == "2016-01-15T05:55:52+00:00"
    assert summary["last"] == "2016-03-28T08:52:54+00:00"
    assert document["warnings"] == []
    senders = document["senders"]
    assert len(senders) == 4
    assert senders[0] == {"id": "U0BMQB6JE", "name": "hamza", "messages": 33}
    assert all(not s["id"].startswith("B") for s in senders)
    assert [s["messages"] for s in senders] == sorted((s["messages"] for s in senders), reverse=True)


def test_demo_export_in_chinese_with_top(cli):
    result = cli("--lang", "zh", "audit", str(DEMO), "--tz", "Asia/Shanghai", "--top", "3")
    assert result.exit_code == 0, result.stderr
    assert "消息数" in result.stdout and "发言最多的 3 人" in result.stdout
    assert "陈姐" in result.stdout and "2026-06-01" in result.stdout


def test_json_report_to_a_file_is_atomic_and_not_overwritten(cli, tmp_path):
    target = tmp_path / "out" / "report.json"
    result = cli("audit", str(DEMO), "--tz", "Asia/Shanghai", "-r", "json", "-o", str(target), "--top", "0")
    assert result.exit_code == 0, result.stderr
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["summary"]["messages"] == 7985
    assert len(document["senders"]) == document["summary"]["senders"] == 119
    assert document["summary"]["first"].endswith("+08:00")
    again = cli("audit", str(DEMO), "--tz", "Asia/Shanghai", "-r", "json", "-o", str(target))
    assert again.exit_code == 0, again.stderr  # sqtool's own report is replaced without --force
    target.write_text('{"tool": "another"}', encoding="utf-8")
    refused = cli("audit", str(DEMO), "--tz", "Asia/Shanghai", "-r", "json", "-o", str(target))
    assert refused.exit_code == 2 and "--force" in refused.stderr
    forced = cli("audit", str(DEMO), "-r", "text", "-o", str(target), "--force", "--tz", "UTC")
    assert forced.exit_code == 0
    assert "Top 10 senders" in target.read_text(encoding="utf-8")


def test_merged_exports_report_duplicates(cli, tmp_path):
    first = tmp_path / "a.txt"
    second = tmp_path / "b.txt"
    first.write_text("1/2/26, 10:00 - A: one\n1/2/26, 10:01 - B: two\n", encoding="utf-8")
    second.write_text("1/2/26, 10:01 - B: two\n1/2/26, 10:02 - B: three\n", encoding="utf-8")
    result = cli("audit", str(first), str(second), "--tz", "UTC", "--report", "json")
    summary = json.loads(result.stdout)["summary"]
    assert (summary["messages"], summary["duplicates"], summary["files"]) == (3, 1, [str(first), str(second)])


def test_truncated_export_exit_2_with_position(cli, tmp_path):
    path = tmp_path / "export.json"
    path.write_text(
        '{"name": "g", "type": "private_group", "id": 1, "messages": [\n'
        ' {"id": 1, "type": "message", "date": "2026-03-01T09:01:00", "from": "A", "from_id": "user1", "text": "hi"},\n'
        ' {"id": 2, "type": "message",\n'
    )
    result = cli("audit", str(path), "--tz", "UTC")
    assert result.exit_code == 2
    assert f"{path}:3: error: unexpected end of data" in result.stderr  # the last line of the file
    assert "--lenient" in result.stderr and "Traceback" not in result.stderr
    lenient = cli("audit", str(path), "--tz", "UTC", "--lenient", "--report", "json")
    assert lenient.exit_code == 0
    assert json.loads(lenient.stdout)["summary"]["skipped"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "fax"], "unknown export format 'fax'"),
        (["--tz", "Mars/Olympus"], "unknown time zone 'Mars/Olympus'"),
        (["--report", "pdf"], "'pdf'"),
    ],
)
def test_usage_errors(cli, args, message):
    result = cli("audit", str(DEMO), *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_unknown_and_missing_exports(cli, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("hello\n")
    result = cli("audit", str(notes))
    assert result.exit_code == 2
    assert f"{notes}: error: cannot tell which chat export this is" in result.stderr
    assert "--format" in result.stderr
    missing = cli("audit", str(tmp_path / "nope.json"))
    assert missing.exit_code == 2 and "no such file" in missing.stderr


def test_empty_export_is_reported_clearly(cli, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("")
    result = cli("audit", str(path))
    assert result.exit_code == 2
    assert f"{path}: error: no messages to audit" in result.stderr and "Traceback" not in result.stderr
    zh = cli("--lang", "zh", "audit", str(path))
    assert "没有可分析的消息" in zh.stderr


def test_help_documents_the_options(cli):
    result = cli("audit", "--help")
    assert result.exit_code == 0
    for option in ("--format", "--tz", "--lenient", "--report", "--output", "--force", "--top", "--plan", "--save"):
        assert option in result.stdout


def test_subprocess_run_as_a_user_would():
    done = run_sqtool("audit", str(DEMO), "--tz", "Asia/Shanghai", "--report", "json", "--top", "2")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert [s["name"] for s in document["senders"]] == ["陈姐", "老王"]


def test_summary_counts_in_the_audit_pass(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "1/2/26, 10:00 - A: one\n1/2/26, 10:01 - B added C\n1/2/26, 10:02 - C: hi\n"
        "1/2/26, 10:03 - C left\n1/2/26, 10:04 - B removed A\n1/2/26, 10:05 - B: bye\n"
    )
    result = cli("audit", str(path), "--tz", "UTC", "--report", "json", "--top", "2")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    summary = document["summary"]
    assert (summary["messages"], summary["senders"], summary["joins"], summary["leaves"], summary["removals"]) == (
        3,
        3,
        1,
        1,
        1,
    )
    assert [s["id"] for s in document["senders"]] == ["A", "B"]  # ties are broken by name
    assert summary["format"] == "whatsapp" and summary["files"] == [str(path)]
    assert document["period"]["timezone"] == "UTC"


def test_progress_bar_only_on_a_terminal(monkeypatch):
    import io
    import sys

    from sqtool.render.progress import progress_bar
    from sqtool.settings import Settings

    with progress_bar(Settings(quiet=True), "Reading") as callback:
        assert callback is None
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with progress_bar(Settings(), "Reading") as callback:
        assert callback is None  # not a terminal
    terminal = io.StringIO()
    terminal.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr(sys, "stderr", terminal)
    with progress_bar(Settings(color="always"), "Reading") as callback:
        assert callback is not None
        callback(50, 100)
        callback(100, 100)


def test_quiet_report_file_prints_nothing(cli, tmp_path):
    target = tmp_path / "r.txt"
    result = cli("--quiet", "audit", str(DEMO), "--tz", "UTC", "-o", str(target))
    assert result.exit_code == 0
    assert result.stdout == "" and result.stderr == ""
    assert "\x1b[" not in target.read_text(encoding="utf-8")
