"""settings.Limits and the layers that enforce it, in-process: option parsing, the error's form in both
languages, the byte cut-off with its line, long lines (UTF-8 and UTF-16, lenient or not), records,
runtime, special files and the stdin spool."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from sqtool.chat.errors import ReadContext
from sqtool.chat.source import Source
from sqtool.chat.textio import numbered_lines
from sqtool.errors import SqtoolError
from sqtool.fsutil import read_input, refuse_special
from sqtool.messages.cli import MESSAGES as HELP
from sqtool.settings import LIMIT_OPTIONS, Limits, human_size, limits_in_force, parse_count, parse_size, size_option
from tests.chat.helpers import read_all
from tests.conftest import REPO


def test_sizes_and_counts_parse_as_documented() -> None:
    assert [parse_size(text) for text in ("0", "512", "4K", "16M", "16MiB", "4G", "1 GB", "2t")] == [
        0,
        512,
        4096,
        16 << 20,
        16 << 20,
        4 << 30,
        1 << 30,
        2 << 40,
    ]
    assert parse_count("50_000_000") == 50_000_000
    for bad in ("", "-1", "1.5M", "4Q", "M", "9" * 16, "0x10"):
        with pytest.raises(ValueError):
            parse_size(bad)
    assert [size_option(size) for size in (4 << 30, 64 << 20, 4096, 1000)] == ["4G", "64M", "4K", "1000"]
    assert [human_size(size) for size in (1 << 20, 3 << 29, 100)] == ["1 MiB", "1.5 GiB", "100 bytes"]


def test_every_default_is_the_one_help_and_docs_state() -> None:
    """--help and docs/limits.md say each default; they must say the Limits class's."""
    defaults = Limits()
    docs = (REPO / "docs" / "limits.md").read_text(encoding="utf-8")
    for name, option in LIMIT_OPTIONS.items():
        value = getattr(defaults, name)
        shown = size_option(value) if name in ("input_bytes", "string_bytes") else str(value)
        key = "cli.opt." + option.removeprefix("--").replace("-", "_")
        assert f"Default {shown}." in HELP[key]["en"], (key, shown)
        assert f"默认 {shown}。" in HELP[key]["zh"], (key, shown)
        assert re.search(rf"`{option}`[^\n]*\| {re.escape(shown)} \|", docs), (option, shown)


def test_limit_options_reach_the_settings(cli) -> None:
    """A bad value is a usage error naming the option; a good one is in force for the command."""
    bad = cli("--max-depth", "deep", "rules")
    assert bad.exit_code == 2 and "--max-depth" in bad.stderr and "'deep'" in bad.stderr


def test_limit_error_in_both_languages(tmp_path: Path, cli) -> None:
    """``path:line: error[max-…]`` with the limit's value and the option to raise it, in en and zh."""
    path = tmp_path / "chat.txt"
    path.write_text("01/03/2026, 10:00 - Ana: hi\n" * 100, encoding="utf-8")
    english = cli("--max-input-bytes", "1K", "audit", str(path), "--tz", "UTC")
    assert english.exit_code == 2
    assert english.stderr.startswith(f"{path}:37: error[max-input-bytes]: ")  # 1024 bytes = 36 lines and a bit
    assert "1 KiB" in english.stderr and "sqtool --max-input-bytes 4K" in english.stderr
    chinese = cli("--lang", "zh", "--max-input-bytes", "1K", "audit", str(path), "--tz", "UTC")
    assert chinese.stderr.startswith(f"{path}:37: 错误[max-input-bytes]: 这份输入超过了 1 KiB 的上限")
    assert "可以调高上限：sqtool --max-input-bytes 4K" in chinese.stderr


def _lines(data: bytes, *, lenient: bool) -> tuple[list[tuple[int, str]], int]:
    ctx = ReadContext("x.txt", tz=None, lenient=lenient)  # type: ignore[arg-type]
    lines = list(numbered_lines(io.BytesIO(data), data[:4096], "x.txt", on_long_line=ctx.long_line))
    return lines, ctx.skipped


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_long_line_is_skipped_unheld_when_lenient_and_an_error_otherwise(encoding: str) -> None:
    """The line over --max-string-bytes reads as empty and counts one skip; the numbers after it stay true."""
    text = "first\nsecond\n" + "x" * 5000 + "\nfourth\n"
    data = text.encode(encoding)
    with limits_in_force(Limits(string_bytes=1000)):
        lines, skipped = _lines(data, lenient=True)
        assert [(number, line) for number, line in lines if line] == [(1, "first"), (2, "second"), (4, "fourth")]
        assert skipped == 1
        with pytest.raises(SqtoolError) as error:
            _lines(data, lenient=False)
    assert (error.value.key, error.value.line, error.value.code) == ("limit.string_bytes_line", 3, "max-string-bytes")


def test_lines_under_the_limit_read_as_before() -> None:
    """Reading in blocks no bigger than the limit changes no line and no number."""
    text = "".join(f"line {number} " + "y" * (number % 37) + "\n" for number in range(2000))
    with limits_in_force(Limits(string_bytes=64)):
        small, _ = _lines(text.encode(), lenient=False)
    big, _ = _lines(text.encode(), lenient=False)
    assert small == big == list(enumerate(text.splitlines(), start=1))


def test_byte_limit_cuts_a_source_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"abc\n" * 1000)
    with (
        limits_in_force(Limits(input_bytes=401)),
        Source(path, "a.txt").open() as stream,
        pytest.raises(SqtoolError) as error,
    ):
        stream.read()
    assert (error.value.key, error.value.line) == ("limit.input_bytes", 101)
    with limits_in_force(Limits(input_bytes=4000)), Source(path, "a.txt").open() as stream:
        assert len(stream.read()) == 4000  # exactly the limit is allowed


def test_records_limit(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text("".join(f"01/03/2026, 10:0{n} - Ana: m{n}\n" for n in range(5)), encoding="utf-8")
    with limits_in_force(Limits(records=5)):
        assert len(read_all(path).messages) == 5
    with limits_in_force(Limits(records=4)), pytest.raises(SqtoolError) as error:
        read_all(path)
    assert error.value.key == "limit.records" and error.value.code == "max-records"


def test_runtime_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past --max-seconds, the next read stops with error[max-seconds] (the clock is moved, not waited for)."""
    import sqtool.settings as settings_module

    path = tmp_path / "chat.txt"
    path.write_text("01/03/2026, 10:00 - Ana: hi\n", encoding="utf-8")
    with limits_in_force(Limits(seconds=5)):
        now = settings_module.time.monotonic()
        monkeypatch.setattr(settings_module.time, "monotonic", lambda: now + 6)
        with pytest.raises(SqtoolError) as error:
            read_all(path)
    assert error.value.key == "limit.seconds" and error.value.path == str(path)


def test_special_files(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path, key in ((fifo, "fs.not_regular_fifo"), (Path("/dev/null"), "fs.not_regular_device")):
        with pytest.raises(SqtoolError) as error:
            refuse_special(path, "shown")
        assert (error.value.key, error.value.path) == (key, "shown")
        with pytest.raises(SqtoolError):
            read_input(path)
    refuse_special(tmp_path)  # a folder passes, and so does a missing path (the caller says so)
    refuse_special(tmp_path / "missing")


def test_read_input_stops_at_its_limit(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    path.write_bytes(b"x" * 100)
    assert read_input(path, limit=100) == b"x" * 100
    with pytest.raises(SqtoolError) as own:
        read_input(path, limit=99)
    assert own.value.key == "fs.too_large"
    with limits_in_force(Limits(input_bytes=50)), pytest.raises(SqtoolError) as general:
        read_input(path)
    assert general.value.key == "limit.input_bytes"


def test_history_window_option(tmp_path: Path, cli) -> None:
    """--last N shows the group's newest N periods, each by its latest saved audit (and says how many
    were left out); a negative N is a usage error."""
    import json
    import sqlite3

    from tests.limits.test_table_rows import _history_with

    database = tmp_path / "history.sqlite"
    _history_with(database, 30)
    with sqlite3.connect(database) as connection:  # two more audits of the newest period: one older, one newer
        connection.execute(
            "INSERT INTO audits (saved_at, plan, period_first, period_last, messages, senders, gini,"
            " leaders_present, scores, group_key, group_label)"
            " SELECT ?, plan, period_first, period_last, ?, senders, gini, leaders_present, scores, group_key,"
            " group_label FROM audits ORDER BY period_first DESC LIMIT 1",
            ("2025-01-01T00:00:00+00:00", 1),
        )
        connection.execute(
            "INSERT INTO audits (saved_at, plan, period_first, period_last, messages, senders, gini,"
            " leaders_present, scores, group_key, group_label)"
            " SELECT ?, plan, period_first, period_last, ?, senders, gini, leaders_present, scores, group_key,"
            " group_label FROM audits ORDER BY period_first DESC LIMIT 1",
            ("2027-01-01T00:00:00+00:00", 2),
        )
        rows = connection.execute("SELECT id, saved_at, period_first, period_last FROM audits").fetchall()
    # the truth, by hand: the latest saved audit of each period, periods in order, the newest 7
    latest: dict[tuple[str, str], tuple[str, int]] = {}
    for number, saved_at, first, last in rows:
        latest[(first, last)] = max(latest.get((first, last), ("", 0)), (saved_at, number))
    newest = [latest[period][1] for period in sorted(latest)[-7:]]
    shown = cli("history", "--history", str(database), "--format", "json", "--last", "7")
    audits = json.loads(shown.stdout)["audits"]
    assert shown.exit_code == 0 and [audit["id"] for audit in audits] == newest
    assert audits[-1]["messages"] == 2  # the newest period's latest audit, not its first or the older one
    assert newest != sorted(newest)  # period and id orders differ here: the test tells them apart
    text = cli("history", "--history", str(database), "--last", "5")
    assert text.exit_code == 0 and "showing the last 5 of 30 saved periods" in text.stderr
    bad = cli("history", "--history", str(database), "--last", "-1")
    assert bad.exit_code == 2 and "--last -1" in bad.stderr


def _entry(number: int, group: object, **changed: object):
    from sqtool.audit.history import DIAGNOSES, HistoryEntry

    fields: dict[str, object] = {
        "id": number,
        "saved_at": f"2026-0{1 + number % 9}-01T00:00:00+00:00",
        "plan": None if number % 2 else "计划.yaml",
        "period_first": f"2026-03-{number:02d}",
        "period_last": f"2026-03-{number:02d}",
        "messages": 10 * number,
        "senders": number,
        "members": None if number % 3 else 40,
        "lurker_share": None if number % 3 else 0.125,
        "gini": 0.5,
        "weekly_active_share": 0.3,
        "leaders_present": 1,
        "leaders_needed": None,
        "median_first_response_minutes": 12.5,
        "unanswered_share": None,
        "scores": tuple((name, None if index % 2 else 60 + number) for index, name in enumerate(DIAGNOSES)),
        "group": group,
    }
    fields.update(changed)
    return HistoryEntry(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("count", [0, 1, 2, 5])
def test_history_json_streamed_is_the_document_written_whole(count: int) -> None:
    """The JSON `history` streams a page at a time (here pages of 2) is, byte for byte, the document
    json.dumps writes for the same audits: version 2, the group (a Chinese label kept as written), nulls."""
    from sqtool.audit.history import Group
    from sqtool.render.history import history_json_pieces, render_history_json

    group = Group("plan:读书会:plan.yaml", "读书会 (plan.yaml)")
    entries = [_entry(number, group) for number in range(1, count + 1)]
    streamed = "".join(history_json_pieces(group if entries else None, iter(entries), page=2))
    assert streamed == render_history_json(entries)


def test_history_groups_are_counted_in_sqlite(tmp_path: Path) -> None:
    """`history --all`'s figures, aggregated by SQLite, against a hand count: two groups, one with a
    period saved twice (a migrated database: counted once, its label the latest period's)."""
    import sqlite3

    from sqtool.audit.history import _CREATE, _INDEX, SCHEMA_VERSION, Group, list_groups

    database = tmp_path / "history.sqlite"
    connection = sqlite3.connect(database)
    connection.execute(_CREATE)
    connection.execute(_INDEX)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    rows = [  # (saved_at, first, last, key, label)
        ("2026-04-01", "2026-03-01", "2026-03-31", "a", "Alpha old"),
        ("2026-05-01", "2026-03-01", "2026-03-31", "a", "Alpha old"),  # March again
        ("2026-06-01", "2026-05-01", "2026-05-31", "a", "Alpha"),
        ("2026-02-01", "2026-01-01", "2026-01-31", "b", "Beta"),
    ]
    connection.executemany(
        "INSERT INTO audits (saved_at, period_first, period_last, messages, senders, gini, leaders_present,"
        " scores, group_key, group_label) VALUES (?, ?, ?, 1, 1, 0.0, 0, '{}', ?, ?)",
        rows,
    )
    connection.commit()
    connection.close()
    summaries = [(s.group, s.audits, s.first, s.last) for s in list_groups(database)]
    assert summaries == [
        (Group("a", "Alpha"), 2, "2026-03-01", "2026-05-31"),  # March and May: 2 periods
        (Group("b", "Beta"), 1, "2026-01-01", "2026-01-31"),
    ]


@pytest.mark.parametrize("where", ["before", "after"])
def test_limit_options_stand_before_or_after_the_command(where: str) -> None:
    """A limit is a global option: `sqtool --max-depth 3 audit X` and `sqtool audit X --max-depth 3` both
    apply it (its value is never taken for the command name), like --lang."""
    from tests.conftest import FIXTURES, run_sqtool

    export = str(FIXTURES / "chat" / "chatlab_wechat.json")
    args = ["--max-depth", "3", "audit", export] if where == "before" else ["audit", export, "--max-depth", "3"]
    done = run_sqtool(*args, "--tz", "UTC")
    assert done.returncode == 2 and "error[max-depth]" in done.stderr, done.stderr
    assert "chatlab_wechat.json:15:" in done.stderr  # the first line nested four deep (roles: [{...}] in members)
