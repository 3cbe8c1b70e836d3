"""QA issue 4 follow-up: bots, names, empty and wrong-format exports, zones, mixed platforms, folders, stdin."""

import json
import shutil
import zipfile
from datetime import UTC, datetime

import pytest

from sqtool.audit.engine import run_audit
from sqtool.audit.options import AuditOptions
from sqtool.chat.model import Message
from sqtool.chat.read import read_exports
from sqtool.chat.timezones import zone_named
from sqtool.errors import SqtoolError
from sqtool.render.audit_json import report_to_json
from tests.chat.helpers import read_all
from tests.conftest import CORPUS, needs_shared

SLACK_ZIP = CORPUS / "slack_json" / "slackexportviewer_testarchive.zip"
TELEGRAM = {"name": "g", "type": "private_group", "id": 1}


def telegram(path, messages):
    path.write_text(json.dumps({**TELEGRAM, "messages": messages}, indent=1), encoding="utf-8")
    return path


def discord(path, messages):
    document = {"guild": {"id": "1", "name": "g"}, "channel": {"id": "2"}, "messages": messages}
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    return path


def author(name, bot=False):
    return {"id": name, "name": name, "isBot": bot}


# -- 3: bots are not members --


def test_audit_leaves_bots_out_and_counts_them_apart():
    def message(minute, sender, bot=False):
        return Message(str(minute), datetime(2026, 1, 1, 10, minute, tzinfo=UTC), sender, sender, "x", is_bot=bot)

    records = [message(0, "bot", True), message(1, "a"), message(2, "b"), message(3, "bot", True)]
    document = report_to_json(run_audit(records, AuditOptions(tz=UTC)))
    summary = document["summary"]
    assert (summary["messages"], summary["senders"], summary["bots"]) == (2, 2, 2)
    assert summary["first"] == "2026-01-01T10:01:00+00:00"
    assert summary["last"] == "2026-01-01T10:02:00+00:00"
    assert [s["id"] for s in document["senders"]] == ["a", "b"]


def test_discord_bots_through_the_cli(tmp_path, cli):
    path = discord(
        tmp_path / "d.json",
        [
            {"id": "1", "type": "Default", "timestamp": "2026-01-01T10:00:00+00:00", "author": author("a")},
            {"id": "2", "type": "Default", "timestamp": "2026-01-01T10:01:00+00:00", "author": author("mee6", True)},
        ],
    )
    result = cli("audit", str(path), "-r", "json")
    summary = json.loads(result.stdout)["summary"]
    assert (summary["messages"], summary["senders"], summary["bots"]) == (1, 1, 1)
    text = cli("audit", str(path)).stdout
    assert "1 bot message" in text


# -- 4: sender names --


def test_deleted_telegram_account(tmp_path, cli):
    path = telegram(
        tmp_path / "t.json",
        [
            {"id": 1, "type": "message", "date": "2026-01-01T10:00:00", "from": None, "from_id": None, "text": "a"},
            {"id": 2, "type": "message", "date": "2026-01-01T10:01:00", "from": None, "from_id": "user7", "text": "b"},
        ],
    )
    result = read_all(path)
    assert [(m.sender_id, m.sender_name) for m in result.messages] == [
        ("deleted", "Deleted Account"),
        ("user7", "Deleted Account"),
    ]
    assert read_exports([path], tz=UTC, lang="zh").formats == ["telegram"]
    assert {m.sender_name for m in read_exports([path], tz=UTC, lang="zh")} == {"已注销账号"}
    out = cli("audit", str(path), "--tz", "UTC").stdout
    assert "Deleted Account" in out and "None" not in out


@pytest.mark.parametrize("value", [["a"], {"x": 1}, True])
def test_jsonl_sender_that_is_no_name(tmp_path, cli, value):
    path = tmp_path / "c.jsonl"
    good = {"time": "2026-01-01T10:00:00+00:00", "sender": "b", "text": "x"}
    path.write_text(
        json.dumps(good) + "\n" + json.dumps({**good, "sender": value}) + "\n" + json.dumps(good) + "\n",
        encoding="utf-8",
    )
    result = cli("audit", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:2: error: the sender must be text or a number")
    lenient = json.loads(cli("audit", str(path), "--lenient", "-r", "json").stdout)
    assert lenient["summary"]["skipped"] == 1 and lenient["summary"]["messages"] == 2
    assert [s["name"] for s in lenient["senders"]] == ["b"]


# -- 5: empty exports --


def test_empty_export_keeps_its_format_through_the_cli(tmp_path, cli):
    path = tmp_path / "empty.json"
    path.write_text("\n")
    unknown = read_exports([path], tz=UTC)
    assert list(unknown) == [] and unknown.formats == ["unknown"]
    forced = read_exports([path], format="telegram", tz=UTC)
    assert list(forced) == [] and forced.formats == ["telegram"]
    result = cli("audit", str(path), "-r", "json")  # nothing to measure: a clear message, no report
    assert result.exit_code == 2
    assert "no messages to audit" in result.stderr


# -- 6: wrong forced format --


def test_whatsapp_forced_on_telegram_json(tmp_path, cli):
    path = telegram(tmp_path / "t.json", [{"id": 1, "type": "message", "date": "2026-01-01T10:00:00", "from": "a"}])
    result = cli("audit", str(path), "--format", "whatsapp")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}: error: no whatsapp records found; the file looks like telegram")
    assert "--format" in result.stderr


def test_telegram_forced_on_a_whatsapp_text(tmp_path, cli):
    path = tmp_path / "w.txt"
    path.write_text("1/2/26, 10:00 - A: hi\n")
    result = cli("audit", str(path), "--format", "telegram")
    assert result.exit_code == 2
    assert "no telegram records found; the file looks like whatsapp" in result.stderr


def test_forced_format_that_agrees_still_reads(tmp_path):
    path = tmp_path / "w.txt"
    path.write_text("1/2/26, 10:00 - A: hi\n")
    assert len(read_all(path, format="whatsapp").messages) == 1


def slack_zip(path):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("users.json", json.dumps([{"id": "U1", "name": "ann"}]))
        archive.writestr("channels.json", json.dumps([{"id": "C1", "name": "general"}]))
        archive.writestr(
            "general/2026-01-01.json",
            json.dumps([{"type": "message", "user": "U1", "ts": "1767261600.0", "text": "hi"}]),
        )
    return path


def test_qq_forced_on_a_slack_zip(tmp_path, cli):
    path = slack_zip(tmp_path / "s.zip")
    result = cli("audit", str(path), "--format", "qq")
    assert result.exit_code == 2
    assert f"{path}: error: a zip archive is not a qq export" in result.stderr
    assert "encoding" not in result.stderr
    whatsapp = cli("audit", str(path), "--format", "whatsapp")
    assert "no whatsapp records found; the file looks like slack" in whatsapp.stderr


def test_record_errors_in_json_name_the_line(tmp_path, cli):
    path = discord(
        tmp_path / "d.json",
        [
            {"id": "m1", "type": "Default", "timestamp": "2026-01-01T10:00:00+00:00", "author": author("a")},
            {"id": "m2", "type": "Default", "timestamp": "later", "author": author("b")},
        ],
    )
    # the record's "{" is on the line before its "id"
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if '"id": "m2"' in text) - 1
    result = cli("audit", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:{line}: error: record m2 has no readable time")
    tg = telegram(
        tmp_path / "t.json", [{"id": 1, "type": "message", "date": "2026-01-01T10:00:00"}, {"id": 5, "type": "message"}]
    )
    found = cli("audit", str(tg))
    line = next(n for n, text in enumerate(tg.read_text().splitlines(), 1) if '"id": 5' in text) - 1
    assert found.stderr.startswith(f"{tg}:{line}: error: record 5 has no readable time")


def test_item_line_follows_strings_and_nesting(tmp_path):
    from sqtool.chat.jsonstream import item_line
    from sqtool.chat.source import Source

    path = tmp_path / "x.json"
    path.write_text('{"a": "messages [{", "messages":\n[ {"t": "}]\\"["},\n\n {"t": [1, {"messages": [2]}]}, 3]}')
    source = Source(path, "x.json")
    assert [item_line(source, "messages.item", index) for index in range(4)] == [2, 4, 4, None]


# -- 7: zones --


@pytest.mark.parametrize("name", ["", "  ", "Mars/Olympus", "../etc/passwd"])
def test_bad_zones_name_the_value(name):
    with pytest.raises(SqtoolError) as caught:
        zone_named(name)
    assert caught.value.key == "chat.bad_tz" and caught.value.args_for_message["zone"] == name


def test_zone_in_another_case_is_suggested(cli, tmp_path):
    path = tmp_path / "w.txt"
    path.write_text("1/2/26, 10:00 - A: hi\n")
    result = cli("audit", str(path), "--tz", "asia/shanghai")
    assert result.exit_code == 2
    assert "unknown time zone 'asia/shanghai'" in result.stderr and "did you mean Asia/Shanghai?" in result.stderr


# -- 8: mixed platforms --


def test_mixed_platforms_warn(tmp_path, cli):
    chat = tmp_path / "w.txt"
    chat.write_text("13/2/26, 10:00 - A: hi\n")
    tg = telegram(tmp_path / "t.json", [{"id": 1, "type": "message", "date": "2026-02-13T10:01:00", "from": "b"}])
    assert [w.key for w in read_exports([chat, tg], tz=UTC).warnings] == ["chat.mixed_platforms"]
    result = cli("audit", str(chat), str(tg), "--tz", "UTC")
    assert "warning: exports of different platforms were merged (telegram, whatsapp)" in result.stdout
    generic = tmp_path / "g.jsonl"
    generic.write_text(json.dumps({"time": "2026-02-13T10:02:00+00:00", "sender": "c", "text": "x"}) + "\n")
    assert read_exports([chat, generic], tz=UTC).warnings == []  # generic exports may come from anywhere


# -- 9: folders and stdin --


@needs_shared
def test_unzipped_slack_folder_reads_like_the_zip(tmp_path, cli):
    folder = tmp_path / "export"
    with zipfile.ZipFile(SLACK_ZIP) as archive:
        archive.extractall(folder)
    roots = [path for path in folder.rglob("users.json")]
    root = roots[0].parent
    from_zip = json.loads(cli("audit", str(SLACK_ZIP), "--tz", "UTC", "-r", "json").stdout)
    from_folder = json.loads(cli("audit", str(root), "--tz", "UTC", "-r", "json").stdout)
    del from_zip["summary"]["files"], from_folder["summary"]["files"]
    assert from_folder == from_zip


def test_other_folders_say_what_was_expected(tmp_path, cli):
    (tmp_path / "notes").mkdir()
    result = cli("audit", str(tmp_path / "notes"))
    assert result.exit_code == 2
    assert "not an unzipped Slack export (expected channels.json or users.json" in result.stderr
    shutil.rmtree(tmp_path / "notes")


def test_stdin(cli, tmp_path):
    text = "13/2/26, 10:00 - A: hi\n13/2/26, 10:01 - B: yo\n"
    result = cli("audit", "-", "--tz", "UTC", "-r", "json", input=text.encode())
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["summary"]["files"] == ["<stdin>"] and document["summary"]["messages"] == 2
    tg = json.dumps(
        {**TELEGRAM, "messages": [{"id": 1, "type": "message", "date": "2026-01-01T10:00:00", "from": "a"}]}
    )
    assert json.loads(cli("audit", "-", "-r", "json", input=tg).stdout)["summary"]["format"] == "telegram"
    zipped = slack_zip(tmp_path / "s.zip").read_bytes()
    assert json.loads(cli("audit", "-", "-r", "json", input=zipped).stdout)["summary"]["format"] == "slack"
    bad = cli("audit", "-", input=b"nothing to see\n")
    assert bad.exit_code == 2 and bad.stderr.startswith("<stdin>: error: cannot tell which chat export")


def test_stdin_spool_is_removed(tmp_path, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"13/2/26, 10:00 - A: hi\n")))
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    chat = read_exports(["-"], tz=UTC)
    # the spool is unlinked as soon as it is made and read through its open descriptor (Linux), so no
    # name is left even while it is read; elsewhere it goes once the ChatRead is gone
    import os

    visible = list(tmp_path.glob("sqtool-stdin-*"))
    assert len(list(chat)) == 1
    assert visible == [] if os.path.isdir("/proc/self/fd") else len(visible) == 1
    del chat
    import gc

    gc.collect()
    assert list(tmp_path.glob("sqtool-stdin-*")) == []


# -- 10: one time form --


def test_times_to_the_second_in_every_report(tmp_path, cli):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"time": "2026-01-01T10:00:00.123456+08:00", "sender": "a", "text": "x"}) + "\n")
    document = json.loads(cli("audit", str(path), "-r", "json", "--tz", "Asia/Shanghai").stdout)
    assert document["summary"]["first"] == "2026-01-01T10:00:00+08:00"
    assert read_all(path).messages[0].timestamp.microsecond == 123456  # full precision inside
