import json
import sqlite3
from datetime import UTC, datetime

import pytest

from sqtool.audit.engine import run_audit
from sqtool.audit.history import default_history_path, load_history, save_summary
from sqtool.audit.options import AuditOptions
from sqtool.errors import SqtoolError
from tests.audit.builders import Chat
from tests.conftest import run_sqtool


def small_report(messages: int):
    chat = Chat()
    for n in range(messages):
        chat.say(f"m{n % 3}", "hello", at=n)
    return run_audit(chat.sorted(), AuditOptions(tz=UTC, members=20))


def test_round_trip_keeps_every_figure(tmp_path):
    path = tmp_path / "deep" / "history.sqlite"
    first = save_summary(path, small_report(6), saved_at=datetime(2026, 5, 1, tzinfo=UTC))
    second = save_summary(path, small_report(9), saved_at=datetime(2026, 6, 1, tzinfo=UTC))
    assert (first, second) == (1, 2)
    entries = load_history(path)
    assert [e.messages for e in entries] == [6, 9]
    assert entries[0].saved_at == "2026-05-01T00:00:00+00:00"
    assert entries[1].members == 20 and entries[1].senders == 3
    assert entries[1].lurker_share == pytest.approx(17 / 20)
    assert entries[1].score("owner_pull") is None  # no owner known: not assessed
    assert entries[1].score("opinion_leaders") == 0
    assert entries[0].scores[0][0] == "owner_pull"


def test_default_path_is_beside_the_plan(tmp_path):
    assert default_history_path(str(tmp_path / "plans" / "a.yaml")) == tmp_path / "plans" / ".sqtool" / "history.sqlite"
    assert str(default_history_path(None)) == ".sqtool/history.sqlite"
    assert str(default_history_path("-")) == ".sqtool/history.sqlite"


def test_missing_and_foreign_files_are_clear_errors(tmp_path):
    with pytest.raises(SqtoolError) as caught:
        load_history(tmp_path / "none.sqlite")
    assert caught.value.key == "audit.history_missing"
    junk = tmp_path / "junk.sqlite"
    junk.write_text("this is not a database", "utf-8")
    with pytest.raises(SqtoolError) as caught:
        load_history(junk)
    assert caught.value.key == "audit.history_bad"
    newer = tmp_path / "newer.sqlite"
    connection = sqlite3.connect(newer)
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    with pytest.raises(SqtoolError) as caught:
        load_history(newer)
    assert caught.value.key == "audit.history_newer"


def test_history_command_text_and_json(cli, tmp_path):
    path = tmp_path / "h.sqlite"
    save_summary(path, small_report(6), saved_at=datetime(2026, 5, 1, tzinfo=UTC))
    save_summary(path, small_report(12), saved_at=datetime(2026, 6, 1, tzinfo=UTC))
    result = cli("history", "--history", str(path))
    assert result.exit_code == 0, result.stderr
    assert "Saved audits: 2" in result.stdout and "2026-06-01" in result.stdout and "trend" in result.stdout
    result = cli("--lang", "zh", "history", "--history", str(path))
    assert "已保存的体检" in result.stdout
    result = cli("history", "--history", str(path), "--format", "json")
    document = json.loads(result.stdout)
    assert [a["messages"] for a in document["audits"]] == [6, 12]
    assert document["audits"][0]["scores"]["opinion_leaders"] == 0


def test_history_command_errors_exit_2_without_traceback(cli, tmp_path):
    result = cli("history", "--history", str(tmp_path / "missing.sqlite"))
    assert result.exit_code == 2
    assert "missing.sqlite: error: no audit history here yet" in result.stderr
    assert "--save" in result.stderr and "Traceback" not in result.stderr
    result = cli("history", "--history", str(tmp_path / "missing.sqlite"), "--format", "xml")
    assert result.exit_code == 2 and "xml" in result.stderr


def test_history_finds_the_database_beside_the_plan(tmp_path):
    plan = tmp_path / "plan.yaml"
    save_summary(default_history_path(str(plan)), small_report(4))
    result = run_sqtool("history", "--plan", str(plan), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["audits"][0]["messages"] == 4


def test_history_help_documents_the_options(cli):
    result = cli("history", "--help")
    assert result.exit_code == 0
    for option in ("--history", "--plan", "--format"):
        assert option in result.stdout


def test_an_empty_history_says_how_to_fill_it(cli, tmp_path):
    path = tmp_path / "empty.sqlite"
    sqlite3.connect(path).close()
    result = cli("history", "--history", str(path))
    assert result.exit_code == 0 and "Saved audits: 0" in result.stdout and "--save" in result.stdout
