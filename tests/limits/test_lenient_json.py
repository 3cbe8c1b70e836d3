"""``--lenient`` and the JSON limits (issue 18): a message nested deeper than ``--max-depth``, with a string
over ``--max-string-bytes`` or a number over ``--max-int-digits`` is skipped, counted, and the reading
goes on with the next message, in every JSON format; without ``--lenient`` it stays the limit's
named error. The exports are hand-made (lenient_exports.py): six messages by six members, three of
them (the first, the fourth and the last) over a limit, so three messages are kept, by members 2, 3
and 5, and three are skipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sqtool.chat.model import Message
from sqtool.chat.read import read_exports
from sqtool.settings import Limits, limits_in_force
from tests.limits.bounded import run_bounded
from tests.limits.lenient_exports import FORMATS, chatlab

TZ = ("--tz", "UTC")
BAD = {
    "deep": ("[" * 20000 + "]" * 20000, "max-depth"),
    "long": ('"' + "z" * (3 << 20) + '"', "max-string-bytes"),  # three times the default 1 MiB
    "digits": ("9" * 5000, "max-int-digits"),
}
KEPT = ["member2", "member3", "member5"]
# the line message 1 (the first over the limit) is on
FIRST_LINE = {"chatlab": 4, "jsonl": 1}
# a JSON Lines file is told by its first line, which is over a limit here: the user names the format
FORMAT = {"jsonl": "jsonl"}


def _format(name: str) -> tuple[str, ...]:
    return ("--format", FORMAT[name]) if name in FORMAT else ()


def _texts(bad: str) -> list[str]:
    return [bad, '"two"', '"three"', bad, '"five"', bad]


def _export(tmp_path: Path, name: str, kind: str) -> Path:
    file_name, build = FORMATS[name]
    path = tmp_path / file_name
    path.write_bytes(build(_texts(BAD[kind][0])))
    return path


@pytest.mark.parametrize("kind", sorted(BAD))
@pytest.mark.parametrize("name", sorted(FORMATS))
def test_lenient_reading_keeps_the_messages_within_the_limits(tmp_path: Path, name: str, kind: str) -> None:
    """Read in-process: the messages kept are exactly those of members 2, 3 and 5, three are skipped."""
    path = _export(tmp_path, name, kind)
    chat = read_exports([path], lenient=True, format=FORMAT.get(name))
    senders = [record.sender_name for record in chat if isinstance(record, Message)]
    assert sorted(senders) == KEPT
    assert chat.skipped == 3


@pytest.mark.parametrize("kind", sorted(BAD))
@pytest.mark.parametrize("name", sorted(FORMATS))
def test_without_lenient_the_first_record_over_a_limit_is_the_named_error(
    tmp_path: Path, cli, name: str, kind: str
) -> None:
    """Without --lenient nothing changes: the limit's named error, on the line of the first message."""
    path = _export(tmp_path, name, kind)
    result = cli("audit", str(path), *TZ, *_format(name))
    assert result.exit_code == 2, result.output
    assert f"error[{BAD[kind][1]}]" in result.output and "internal error" not in result.output
    line = FIRST_LINE.get(name, 2)
    assert f":{line}: error[" in result.output


@pytest.mark.parametrize("kind", sorted(BAD))
@pytest.mark.parametrize("name", sorted(FORMATS))
def test_lenient_audit_skips_and_counts_within_time_and_memory(tmp_path: Path, name: str, kind: str) -> None:
    """Through the CLI in a child process: exit 0, three messages by three members, three skipped, within
    10 s and 300 MiB (a 3 MiB string is passed over, never held), no temporary file left."""
    (tmp_path / "tmp").mkdir()
    path = _export(tmp_path, name, kind)
    run = run_bounded(
        "audit", str(path), *TZ, *_format(name), "--lenient", "--report", "json", env={"TMPDIR": str(tmp_path / "tmp")}
    )
    assert run.code == 0, run.stderr
    summary = json.loads(run.stdout)["summary"]
    assert (summary["messages"], summary["senders"], summary["skipped"]) == (3, 3, 3)
    assert list((tmp_path / "tmp").iterdir()) == []


def test_the_error_and_the_skips_read_in_both_languages(tmp_path: Path, cli) -> None:
    """Without --lenient the error says --lenient would skip such messages; with it, the skipped
    records are reported as any other lenient skip; in English and in Chinese."""
    path = _export(tmp_path, "telegram", "deep")
    english = cli("audit", str(path), *TZ)
    chinese = cli("--lang", "zh", "audit", str(path), *TZ)
    assert "or pass --lenient to skip each message over it and count it" in english.output
    assert "也可以加 --lenient，跳过超限的消息并计数" in chinese.output
    english = cli("audit", str(path), *TZ, "--lenient")
    chinese = cli("--lang", "zh", "audit", str(path), *TZ, "--lenient")
    assert english.exit_code == chinese.exit_code == 0
    assert "left out: 3 bad records skipped" in english.output
    assert "未计入：跳过 3 条坏记录" in chinese.output


def test_a_member_over_a_limit_is_skipped_and_counted(tmp_path: Path) -> None:
    """A ChatLab member whose name breaks a limit is skipped from the listed members and counted; the
    messages are all kept."""
    path = tmp_path / "chatlab.json"
    data = chatlab(['"one"', '"two"']).replace(
        b'"accountName": "member1"}]', b'"accountName": ' + b"[" * 200 + b"]" * 200 + b"}]"
    )
    path.write_bytes(data)
    chat = read_exports([path], lenient=True)
    assert len([record for record in chat if isinstance(record, Message)]) == 2
    assert chat.skipped == 1


def test_a_header_over_a_limit_is_still_the_error_when_lenient(tmp_path: Path, cli) -> None:
    """The group's name is no record to skip: a limit broken there stops the reading even with --lenient."""
    path = tmp_path / "result.json"
    path.write_bytes(FORMATS["telegram"][1](['"one"']).replace(b'"Group"', b'"' + b"g" * 300 + b'"'))
    result = cli("--max-string-bytes", "100", "audit", str(path), *TZ, "--lenient")
    assert result.exit_code == 2
    assert f"{path}:1: error[max-string-bytes]" in result.output


def test_lenient_skips_under_smaller_limits_too(tmp_path: Path) -> None:
    """The limits in force decide: with --max-depth 4, a text nested in two lists (depth 5) goes, one in
    a single list (depth 4: the export, its messages, the message, the list) stays."""
    path = tmp_path / "result.json"
    path.write_bytes(FORMATS["telegram"][1](['"one"', '["two"]', '"three"', '[["four"]]']))
    with limits_in_force(Limits(depth=4)):
        chat = read_exports([path], lenient=True)
        kept = [record.text for record in chat if isinstance(record, Message)]
    assert (kept, chat.skipped) == (["one", "two", "three"], 1)
