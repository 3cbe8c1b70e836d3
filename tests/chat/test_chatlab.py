"""The ChatLab interchange format (JSON and JSONL): detection, exact reading, streaming, members as roster.

The two fixtures hold the same hand-written WeChat group (see their lines): 14 messages in the
spec's sense, of which 7 are things members said (text, reply, image, link, red packet, later text,
sticker) by 3 members (u1 twice, u2 three times, u3 twice), and 7 are events: 钱九 invited (join),
钱九 left (leave), 孙七 removed (removal), a poke and a recall (service), a type-99 record and a
group announcement (other). The members list has 6 people, 3 of whom never post.
"""

from __future__ import annotations

import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sqtool.chat.errors import ReadContext
from sqtool.chat.model import ListedMember
from sqtool.chat.read import read_exports
from sqtool.chat.readers import chatlab, detect
from sqtool.chat.source import Source
from sqtool.errors import SqtoolError
from tests.chat.helpers import read_all
from tests.conftest import FIXTURES

JSON = FIXTURES / "chat" / "chatlab_wechat.json"
JSONL = FIXTURES / "chat" / "chatlab_wechat.jsonl"


@pytest.mark.parametrize("path", [JSON, JSONL], ids=["json", "jsonl"])
def test_fixture_reads_exactly(path: Path) -> None:
    """Messages, senders, kinds, events and the reply link, as counted by hand."""
    result = read_all(path)
    assert result.chat.formats == ["chatlab"]
    assert len(result.messages) == 7
    assert dict(result.senders) == {"u1": 2, "u2": 3, "u3": 2}
    assert dict(result.message_kinds) == {"text": 3, "media": 1, "link": 1, "red_packet": 1, "sticker": 1}
    assert dict(result.event_kinds) == {"join": 1, "leave": 1, "removal": 1, "service": 2, "other": 2}
    assert [(event.kind.value, event.member_name) for event in result.events if event.member_name] == [
        ("join", "钱九"),
        ("leave", "钱九"),
        ("removal", "孙七"),
    ]
    reply = next(message for message in result.messages if message.id == "m2")
    assert reply.reply_to == "m1"
    assert result.messages[0].sender_name == "张三"  # the group nickname before the account name


@pytest.mark.parametrize("path", [JSON, JSONL], ids=["json", "jsonl"])
def test_members_list_is_the_export_roster(path: Path) -> None:
    """All six listed members with their group nickname (else account name) and roles."""
    chat = read_exports([path])
    assert chat.listed_members() == [
        ListedMember("u1", "张三", frozenset({"owner"})),
        ListedMember("u2", "李四", frozenset({"admin"})),
        ListedMember("u3", "王五"),
        ListedMember("u4", "赵六"),
        ListedMember("u5", "孙七"),
        ListedMember("u6", "八哥"),
    ]


def test_other_formats_list_no_members() -> None:
    """An export without a members list gives None: the audit then has no roster from it."""
    assert read_exports([FIXTURES / "chat" / "whatsapp_en_android.txt"]).listed_members() is None


@pytest.mark.parametrize("path", [JSON, JSONL], ids=["json", "jsonl"])
def test_detected_from_the_head(path: Path) -> None:
    """The chatlab object (JSON) or the header line (JSONL) names the format."""
    source = Source(path, str(path))
    assert detect(source, source.head()) == "chatlab"


def test_not_claimed_without_the_chatlab_header(tmp_path: Path) -> None:
    """A JSON with messages and members but no chatlab object is not ChatLab."""
    path = tmp_path / "x.json"
    path.write_text('{"members": [], "messages": [{"sender": "a", "timestamp": 1, "type": 0}]}', encoding="utf-8")
    source = Source(path, str(path))
    assert detect(source, source.head()) != "chatlab"


@pytest.mark.parametrize("path", [JSON, JSONL], ids=["json", "jsonl"])
def test_audit_counts_lurkers_against_the_members_list(cli, path: Path) -> None:
    """Without --roster the six listed members are the base: 3 posters, 3 lurkers, and the two
    unknown notices are in the notes (English and Chinese)."""
    result = cli("audit", str(path), "--tz", "UTC", "--report", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["summary"]["members"] == 6
    assert document["summary"]["members_source"] == "roster"
    assert document["participation"]["lurkers"] == 3
    assert document["roster"] == str(path)
    assert any("2 system notices" in note for note in document["notes"])
    chinese = cli("--lang", "zh", "audit", str(path), "--tz", "UTC", "--report", "json")
    assert any("有 2 条系统提示" in note for note in json.loads(chinese.stdout)["notes"])


def test_given_roster_wins_over_the_members_list(cli, tmp_path: Path) -> None:
    """--roster replaces the export's own list."""
    roster = tmp_path / "roster.csv"
    roster.write_text("id,name\nu1,张三\nu2,李四\nu3,王五\nu9,新人\n", encoding="utf-8")
    result = cli("audit", str(JSONL), "--tz", "UTC", "--report", "json", "--roster", str(roster))
    document = json.loads(result.stdout)
    assert document["summary"]["members"] == 4
    assert document["participation"]["lurkers"] == 1


def test_jsonl_streams_records_before_a_bad_line(tmp_path: Path) -> None:
    """JSONL is read line by line: the records before a broken line come out, then the error names the line."""
    lines = JSONL.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "broken.jsonl"
    path.write_text("\n".join([*lines[:10], '{"_type":"message", broken', *lines[10:]]) + "\n", encoding="utf-8")
    records = chatlab.read(Source(path, str(path)), ReadContext(str(path), ZoneInfo("UTC")))
    assert next(records).id == "m1"  # the reader hands out records as it reads the lines
    with pytest.raises(SqtoolError) as raised:
        list(records)
    assert raised.value.key == "chat.bad_json"
    assert raised.value.line == 11
    lenient = read_all(path, lenient=True)
    assert len(lenient.messages) == 7 and lenient.chat.skipped == 1


def test_bad_records_are_clear_errors(cli, tmp_path: Path) -> None:
    """A message without a time is an input error (exit 2) naming the file and the line."""
    path = tmp_path / "bad.jsonl"
    header = JSONL.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(header + '\n{"_type":"message","sender":"u1","accountName":"a","type":0,"content":"hi"}\n')
    result = cli("audit", str(path))
    assert result.exit_code == 2
    assert "bad.jsonl" in result.stderr and "2" in result.stderr


def test_members_option_wins_over_the_members_list(cli) -> None:
    """--members N is the user's own count: the export's list does not replace it."""
    result = cli("audit", str(JSON), "--tz", "UTC", "--report", "json", "--members", "40")
    document = json.loads(result.stdout)
    assert document["summary"]["members"] == 40
    assert document["summary"]["members_source"] == "option"
