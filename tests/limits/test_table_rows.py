"""Issue 18's table, one test per row that is about input limits: each ends in a named error or a
bounded success within 10 s and 300 MiB (tests/limits/bounded.py measures both), and leaves no
temporary file. Small limits (global --max-… options) stand in for giant inputs where the path is
the same; the default limits are used where the input stays small enough to build quickly."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.limits.bounded import run_bounded
from tests.limits.exports import JSON_FORMATS, WHATSAPP_LINES, chatlab, chatlab_jsonl, slack_zip, whatsapp_zip

TZ = ("--tz", "UTC")


@pytest.fixture
def tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder that is also TMPDIR for the child, so a stray temporary file would be seen."""
    (tmp_path / "tmp").mkdir()
    return tmp_path


def _env(tmp: Path) -> dict[str, str]:
    return {"TMPDIR": str(tmp / "tmp")}


def _no_temporary_files(tmp: Path) -> None:
    assert list((tmp / "tmp").iterdir()) == []


# -- JSON arrays nested deep in a Telegram/Discord export (100 KB -> 6 GiB; 20k levels RecursionError) --


@pytest.mark.parametrize("name", ["telegram", "discord", "messenger"])
def test_json_nested_20000_deep_is_a_depth_error(tmp: Path, name: str) -> None:
    """20,000 nested arrays (a 40 KB file) stop at the 101st level with the line, in every JSON format."""
    path = tmp / f"{name}.json"
    path.write_bytes(JSON_FORMATS[name]("[" * 20000 + "]" * 20000))
    run = run_bounded("audit", str(path), *TZ, env=_env(tmp))
    assert run.named_error("max-depth"), run.stderr
    assert f"{path}:3:" in run.stderr  # the line the nesting starts on
    assert "--max-depth 400" in run.stderr  # how to raise it
    _no_temporary_files(tmp)


def test_json_nesting_under_the_limit_is_read(tmp: Path) -> None:
    """Nesting within --max-depth is an ordinary export (the text of an array is read as the reader reads it)."""
    path = tmp / "telegram.json"
    path.write_bytes(JSON_FORMATS["telegram"]("[" * 50 + "]" * 50))
    run = run_bounded("audit", str(path), *TZ, "--report", "json")
    assert run.code == 0, run.stderr
    assert json.loads(run.stdout)["summary"]["messages"] == 3


# -- one 200 MB string in a Telegram/Discord/Messenger export (13 s to > 170 s, up to 2 GiB) --


@pytest.mark.parametrize("name", ["telegram", "discord", "messenger"])
def test_one_huge_string_stops_at_the_string_limit(tmp: Path, name: str) -> None:
    """A 20 MB string passes the default 1 MiB --max-string-bytes: error with the line, nothing parsed whole."""
    path = tmp / f"{name}.json"
    path.write_bytes(JSON_FORMATS[name]('"' + "z" * (20 << 20) + '"'))
    run = run_bounded("audit", str(path), *TZ)
    assert run.named_error("max-string-bytes"), run.stderr
    assert f"{path}:3:" in run.stderr
    assert "1 MiB" in run.stderr


# -- long runs of digits inside JSON strings (_long_integer was quadratic: 200 KB took 61 s) --


@pytest.mark.parametrize("name", ["telegram", "discord"])
def test_long_digit_runs_inside_strings_are_read_quickly(tmp: Path, name: str) -> None:
    """A 400 KB run of digits inside a message text is text: read with the default limits, exit 0."""
    path = tmp / f"{name}.json"
    path.write_bytes(JSON_FORMATS[name]('"' + "7" * 400_000 + '"'))
    run = run_bounded("audit", str(path), *TZ, "--report", "json")
    assert run.code == 0, run.stderr
    assert json.loads(run.stdout)["summary"]["messages"] == 3


def test_a_number_with_too_many_digits_is_a_named_error(tmp: Path) -> None:
    """A 5,000-digit number (past Python's own int limit) is error[max-int-digits], not an internal error."""
    path = tmp / "telegram.json"
    path.write_bytes(JSON_FORMATS["telegram"]("9" * 5000))
    run = run_bounded("audit", str(path), *TZ)
    assert run.named_error("max-int-digits"), run.stderr


# -- ChatLab (JSON and JSON Lines): a deep or huge value in its head or its messages, a long line --

DEEP = "[" * 20000 + "]" * 20000
HUGE = '"' + "z" * (20 << 20) + '"'


@pytest.mark.parametrize(
    ("value", "error"),
    [(DEEP, "max-depth"), (HUGE, "max-string-bytes"), ("9" * 5000, "max-int-digits")],
    ids=["deep", "huge", "digits"],
)
@pytest.mark.parametrize("where", ["members", "messages"])
def test_chatlab_json_deep_or_huge_is_a_named_error(tmp: Path, value: str, error: str, where: str) -> None:
    """A ChatLab JSON export with 20,000 nested arrays, a 20 MB string or a 5,000-digit number, in its
    members (read before the messages, for the roster) or in a message, stops at the JSON guard's
    limit with the line it is on; never an internal error, nothing parsed whole."""
    path = tmp / "chatlab.json"
    path.write_bytes(chatlab(member=value) if where == "members" else chatlab(value))
    run = run_bounded("audit", str(path), *TZ, env=_env(tmp))
    assert run.named_error(error), run.stderr
    assert f"{path}:{3 if where == 'members' else 6}:" in run.stderr
    _no_temporary_files(tmp)


def test_chatlab_json_within_the_limits_is_read(tmp: Path) -> None:
    """The same ChatLab export with a nesting and a string within the limits is read whole."""
    path = tmp / "chatlab.json"
    path.write_bytes(chatlab('"' + "z" * 1000 + '"', member='["Bo", ' + "[" * 50 + "]" * 50 + "]"))
    run = run_bounded("audit", str(path), *TZ, "--report", "json")
    assert run.code == 0, run.stderr
    assert json.loads(run.stdout)["summary"]["messages"] == 3


@pytest.mark.parametrize(("value", "error"), [(DEEP, "max-depth"), (HUGE, "max-string-bytes")], ids=["deep", "long"])
def test_chatlab_jsonl_deep_or_long_line(tmp: Path, value: str, error: str) -> None:
    """A ChatLab JSONL line nested 20,000 deep, or 20 MB long (never held whole), is the limit's named
    error on its line (5); --lenient skips that one record, counts it, and reads the rest."""
    path = tmp / "chatlab.jsonl"
    path.write_bytes(chatlab_jsonl(value))
    run = run_bounded("audit", str(path), *TZ, env=_env(tmp))
    assert run.named_error(error), run.stderr
    assert f"{path}:5:" in run.stderr
    lenient = run_bounded("audit", str(path), *TZ, "--lenient", "--report", "json")
    assert lenient.code == 0, lenient.stderr
    report = json.loads(lenient.stdout)
    assert report["summary"]["messages"] == 2 and report["summary"]["skipped"] == 1
    _no_temporary_files(tmp)


# -- zip members that inflate to GiBs (Slack day file, WhatsApp chat, one huge line), --lenient too --


def test_zip_bomb_is_refused_before_inflating(tmp: Path) -> None:
    """200 MB of one repeated line deflates ~1000:1: refused by --max-zip-ratio from the zip's directory."""
    path = whatsapp_zip(tmp / "chat.zip", long_line=200 << 20, level=9)
    assert path.stat().st_size < 1 << 20
    run = run_bounded("audit", str(path), *TZ, env=_env(tmp))
    assert run.named_error("max-zip-ratio"), run.stderr
    assert "200.0 MiB" in run.stderr or "MiB" in run.stderr
    _no_temporary_files(tmp)


def test_zip_member_is_counted_while_it_inflates(tmp: Path) -> None:
    """With the ratio check off, --max-input-bytes stops the member as it inflates (not after)."""
    path = whatsapp_zip(tmp / "chat.zip", filler=400_000)  # about 12 MB of ordinary lines
    run = run_bounded("--max-zip-ratio", "0", "--max-input-bytes", "2M", "audit", str(path), *TZ)
    assert run.named_error("max-input-bytes"), run.stderr
    assert "chat.zip!WhatsApp Chat with Group.txt:" in run.stderr
    line = int(run.stderr.split(".txt:", 1)[1].split(":", 1)[0])
    assert 60_000 < line < 80_000  # 2 MiB of 30-byte lines: where it stopped


def test_zip_with_one_huge_line_is_a_line_error(tmp: Path) -> None:
    """One 40 MB line in a WhatsApp chat is error[max-string-bytes] on its line (2 lines come before it)."""
    path = whatsapp_zip(tmp / "chat.zip", long_line=40 << 20)
    run = run_bounded("--max-zip-ratio", "0", "audit", str(path), *TZ)
    assert run.named_error("max-string-bytes"), run.stderr
    assert "!WhatsApp Chat with Group.txt:3:" in run.stderr


def test_zip_with_one_huge_line_under_lenient_skips_that_record(tmp: Path) -> None:
    """--lenient skips the over-long line without holding it, reads the rest, and says one was skipped."""
    path = whatsapp_zip(tmp / "chat.zip", long_line=40 << 20, filler=2000)
    run = run_bounded("--max-zip-ratio", "0", "audit", str(path), *TZ, "--lenient", "--report", "json")
    assert run.code == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["summary"]["messages"] == 2 + 2000 + 1  # hi, hello, the filler, bye: not the long one
    assert report["summary"]["skipped"] == 1


def test_zip_under_lenient_still_stops_at_the_byte_limit(tmp: Path) -> None:
    """--lenient does not read past --max-input-bytes: that limit is an error with or without it."""
    path = whatsapp_zip(tmp / "chat.zip", long_line=40 << 20)
    run = run_bounded("--max-zip-ratio", "0", "--max-input-bytes", "8M", "audit", str(path), *TZ, "--lenient")
    assert run.named_error("max-input-bytes"), run.stderr


def test_slack_day_file_inflating_past_the_limit(tmp: Path) -> None:
    """A Slack day file is counted as it inflates too: --max-input-bytes names the member."""
    path = slack_zip(tmp / "slack.zip", day_bytes=24 << 20)
    refused = run_bounded("audit", str(path), *TZ)
    assert refused.named_error("max-string-bytes") or refused.named_error("max-zip-ratio"), refused.stderr
    run = run_bounded("--max-zip-ratio", "0", "--max-input-bytes", "4M", "audit", str(path), *TZ)
    assert run.named_error("max-input-bytes"), run.stderr
    assert "slack.zip!general/2026-03-01.json" in run.stderr


def test_zip_with_too_many_members(tmp: Path) -> None:
    """--max-zip-members is checked on the zip's directory, before any member is read."""
    import zipfile

    path = tmp / "many.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for number in range(50):
            archive.writestr(f"f{number}.txt", "x")
        archive.writestr("_chat.txt", WHATSAPP_LINES)
    run = run_bounded("--max-zip-members", "20", "audit", str(path), *TZ)
    assert run.named_error("max-zip-members"), run.stderr
    assert "51 files" in run.stderr


# -- stdin, /dev/zero and special files --


def test_audit_stdin_from_dev_zero_stops_and_leaves_no_spool(tmp: Path) -> None:
    """`audit - < /dev/zero` copies stdin only up to --max-input-bytes; the spool file is gone after."""
    with open("/dev/zero", "rb") as zero:
        run = run_bounded("--max-input-bytes", "32M", "audit", "-", *TZ, stdin=zero, env=_env(tmp))
    assert run.named_error("max-input-bytes"), run.stderr
    assert run.stderr.startswith("<stdin>:")
    _no_temporary_files(tmp)


def test_audit_stdin_spool_is_gone_even_after_kill_9(tmp: Path) -> None:
    """The spool is unlinked as soon as it is made: a `kill -9` mid-copy leaves nothing in TMPDIR."""
    environment = dict(os.environ, TMPDIR=str(tmp / "tmp"), PYTHONPATH=str(REPO / "src"))
    child = subprocess.Popen(
        [sys.executable, "-m", "sqtool", "audit", "-", "--tz", "UTC"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=environment,
    )
    assert child.stdin is not None
    try:
        child.stdin.write(WHATSAPP_LINES.encode() * 20000)  # the copy is under way, stdin still open
        child.stdin.flush()
        time.sleep(0.5)
        child.kill()
        child.wait(10)
    finally:
        child.stdin.close()
    _no_temporary_files(tmp)


def test_audit_stdin_is_read_like_a_file(tmp: Path) -> None:
    """`-` stays allowed: a chat piped in is audited, and its spool removed."""
    run = run_bounded("audit", "-", *TZ, "--report", "json", stdin=WHATSAPP_LINES.encode(), env=_env(tmp))
    assert run.code == 0, run.stderr
    assert json.loads(run.stdout)["summary"]["messages"] == 2
    _no_temporary_files(tmp)


def test_check_stdin_from_dev_zero(tmp: Path) -> None:
    """`check - < /dev/zero` reads one byte past the plan limit and says the plan is too large."""
    with open("/dev/zero", "rb") as zero:
        run = run_bounded("check", "-", stdin=zero)
    assert run.code == 2 and "<stdin>" in run.stderr and "over the limit" in run.stderr, run.stderr


def _fifo(tmp: Path) -> Path:
    path = tmp / "pipe"
    os.mkfifo(path)
    return path


def _socket(tmp: Path) -> tuple[Path, socket.socket]:
    path = tmp / "sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    return path, server


@pytest.mark.parametrize("kind", ["fifo", "socket", "device"])
@pytest.mark.parametrize("role", ["export", "plan", "check", "roster", "keywords", "answers"])
def test_special_files_are_refused_in_every_role(tmp: Path, kind: str, role: str) -> None:
    """A FIFO, socket or device as export, plan, roster, answers or keyword file: a named error at once."""
    server = None
    if kind == "fifo":
        special = _fifo(tmp)
    elif kind == "socket":
        special, server = _socket(tmp)
    else:
        special = Path("/dev/zero")
    export = tmp / "chat.txt"
    export.write_text(WHATSAPP_LINES, encoding="utf-8")
    arguments = {
        "export": ("audit", str(special), *TZ),
        "plan": ("audit", str(export), *TZ, "--plan", str(special)),
        "check": ("check", str(special)),
        "roster": ("audit", str(export), *TZ, "--roster", str(special)),
        "keywords": ("audit", str(export), *TZ, "--ad-keywords", f"@{special}"),
        "answers": ("init", str(tmp / "new.yaml"), "--yes", "--answers", str(special)),
    }[role]
    try:
        run = run_bounded(*arguments, cwd=tmp)
    finally:
        if server is not None:
            server.close()
    word = {"fifo": "named pipe", "socket": "socket", "device": "device"}[kind]
    assert run.code == 2 and word in run.stderr and str(special) in run.stderr, run.stderr
    assert not (tmp / "new.yaml").exists()


# -- init: --set with a huge index, scripted answers from /dev/zero, a 50 MB answer --


def test_init_set_with_a_huge_list_index(tmp: Path) -> None:
    """`--set value_output.20000000.time=08:00` is refused by name before any list grows."""
    run = run_bounded("init", str(tmp / "p.yaml"), "--yes", "-p", "retail", "--set", "value_output.20000000.time=08:00")
    assert run.code == 2 and "20000000" in run.stderr and "9999" in run.stderr, run.stderr
    assert not (tmp / "p.yaml").exists()


def test_init_interactive_from_dev_zero(tmp: Path) -> None:
    """An endless line of NULs as the first answer stops at --max-string-bytes."""
    with open("/dev/zero", "rb") as zero:
        run = run_bounded("--max-string-bytes", "1M", "init", str(tmp / "p.yaml"), "--interactive", stdin=zero)
    assert run.named_error("max-string-bytes"), run.stderr
    assert not (tmp / "p.yaml").exists()


def test_init_with_a_50_mb_answer(tmp: Path) -> None:
    """A 50 MB answer line is refused at the default 1 MiB, read no further."""
    answer = b"x" * (50 << 20) + b"\n"
    run = run_bounded("init", str(tmp / "p.yaml"), "--interactive", stdin=answer)
    assert run.named_error("max-string-bytes"), run.stderr
    assert "1 MiB" in run.stderr


# -- globs and folder walks: symlink loops, depth --


def test_folder_walk_does_not_follow_link_loops(tmp: Path) -> None:
    """Links that loop back (two per level, which glob would follow 2**40 times) are not entered."""
    plans = tmp / "plans"
    (plans / "a" / "b").mkdir(parents=True)
    (plans / "a" / "b" / "up").symlink_to("../..")
    (plans / "a" / "b" / "again").symlink_to("..")
    (plans / "a" / "b" / "bad.yaml").write_text("not: [a plan\n", encoding="utf-8")
    for arguments in (("check", "plans"), ("check", "plans/**/*.yaml")):
        run = run_bounded(*arguments, cwd=tmp)
        assert run.code == 1, run.stderr  # the one plan's finding, read once, not once per way round the loop
        assert "plans/a/b/bad.yaml:" in run.stdout and "in 1 file" in run.stdout, run.stdout


def test_folder_walk_has_a_depth_limit(tmp: Path) -> None:
    """A folder 40 levels deep passes the default --max-folder-depth of 32: a named error."""
    deep = tmp / "plans" / Path(*["d"] * 40)
    deep.mkdir(parents=True)
    (deep / "p.yaml").write_text("x: 1\n", encoding="utf-8")
    run = run_bounded("check", "plans", cwd=tmp)
    assert run.named_error("max-folder-depth"), run.stderr


# -- a CSV field over 16 MiB --


def test_csv_field_over_the_limit(tmp: Path) -> None:
    """A 17 MiB quoted field (the csv module's old failure) is error[max-string-bytes] at the default 1 MiB,
    with the row's line; --lenient skips that row."""
    path = tmp / "chat.csv"
    with path.open("w", encoding="utf-8") as stream:
        stream.write('time,sender,text\n2026-03-01 10:00,Ana,hi\n2026-03-01 10:01,Bo,"')
        stream.write("q" * (17 << 20))
        stream.write('"\n2026-03-01 10:02,Ana,ok\n')
    run = run_bounded("audit", str(path), *TZ)
    assert run.named_error("max-string-bytes"), run.stderr
    assert f"{path}:3:" in run.stderr
    lenient = run_bounded("audit", str(path), *TZ, "--lenient", "--report", "json")
    assert lenient.code == 0, lenient.stderr
    assert json.loads(lenient.stdout)["summary"]["messages"] == 2


# -- `history --format json` over 300,000 saved audits --


GROUP = ("plan:Club:plan.yaml", "Club (plan.yaml)")


def _history_with(path: Path, count: int) -> None:
    """``count`` audits of one group, each of its own one-day period (from 1200-01-01 on), saved in a
    shuffled order of periods and with saved_at not in id order, straight into a database of the
    current format (its index included)."""
    from datetime import date, timedelta

    from sqtool.audit.history import _CREATE, _INDEX, SCHEMA_VERSION

    connection = sqlite3.connect(path)
    connection.execute(_CREATE)
    connection.execute(_INDEX)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    row = ("plan.yaml", 100, 10, 50, 0.8, 0.5, 0.3, 1, 2, 12.5, 0.1, json.dumps({"engagement": 50}), *GROUP)
    start = date(1200, 1, 1)

    def audit(number: int) -> tuple[object, ...]:
        day = (start + timedelta(days=number * 7919 % count)).isoformat()  # 7919 is prime: every day once
        return (f"2026-01-{1 + number % 28:02d}T00:00:00+00:00", row[0], day, day, *row[1:])

    connection.executemany(
        "INSERT INTO audits (saved_at, plan, period_first, period_last, messages, senders, members, lurker_share,"
        " gini, weekly_active_share, leaders_present, leaders_needed, median_first_response_minutes,"
        " unanswered_share, scores, group_key, group_label) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (audit(number) for number in range(count)),
    )
    connection.commit()
    connection.close()


def test_history_json_over_300000_audits(tmp: Path) -> None:
    """300,000 saved audits of one group: the default window (the newest 1000 periods) comes out as
    JSON, fast and small; every one of them, streamed, stays within the same memory."""
    database = tmp / "history.sqlite"
    _history_with(database, 300_000)
    run = run_bounded("history", "--history", str(database), "--format", "json")
    assert run.code == 0, run.stderr
    document = json.loads(run.stdout)
    assert document["group"] == {"key": GROUP[0], "label": GROUP[1]}
    periods = [audit["period"]["first"] for audit in document["audits"]]
    assert len(periods) == 1000 and periods == sorted(periods)
    assert periods[-1] == "2021-05-15"  # 1200-01-01 + 299,999 days: the newest period is shown last
    # every one of them, streamed: the memory stays that of one page (about 5 s of processor time when the
    # machine is idle; the budget allows for a machine shared with other test runs)
    every = run_bounded("history", "--history", str(database), "--format", "json", "--last", "0", seconds=20)
    assert every.code == 0 and every.stdout.count('"saved_at"') == 300_000
    # the groups (`--all`) are counted by SQLite, not by loading every audit
    groups = run_bounded("history", "--history", str(database), "--all", "--format", "json")
    assert groups.code == 0, groups.stderr
    assert json.loads(groups.stdout)["groups"] == [
        {"key": GROUP[0], "label": GROUP[1], "audits": 300_000, "period": {"first": "1200-01-01", "last": "2021-05-15"}}
    ]


def _deep_folder(root: Path, levels: int) -> Path:
    """A folder ``levels`` deep (made one level at a time: no path too long for one call)."""
    here = root
    for _ in range(levels):
        here = here / "d"
        here.mkdir()
    return here


def _remove_deep(root: Path) -> None:
    """Remove a deep tree bottom-up without recursion (shutil.rmtree recurses, and pytest uses it)."""
    chain = [root]
    while (chain[-1] / "d").is_dir():
        chain.append(chain[-1] / "d")
    for folder in reversed(chain):
        for entry in folder.iterdir():
            if entry.is_dir():
                shutil.rmtree(entry)  # a shallow folder beside the chain (the chain below is gone already)
            else:
                entry.unlink()
        folder.rmdir()


@pytest.mark.parametrize("command", ["check", "audit"])
def test_a_1500_deep_folder_is_a_named_error(tmp: Path, command: str) -> None:
    """1,500 nested folders (an internal error before: recursion) stop at --max-folder-depth, for a
    plan folder and for an unzipped Slack export alike."""
    root = tmp / "tree"
    root.mkdir()
    try:
        (_deep_folder(root, 1500) / "p.yaml").write_text("x: 1\n", encoding="utf-8")
        if command == "audit":
            (root / "users.json").write_text("[]", encoding="utf-8")
            (root / "general").mkdir()
            (root / "general" / "2026-03-01.json").write_text("[]", encoding="utf-8")
            run = run_bounded("audit", "tree", *TZ, cwd=tmp)
        else:
            run = run_bounded("check", "tree", cwd=tmp)
        assert run.named_error("max-folder-depth"), run.stderr
    finally:
        _remove_deep(root)
