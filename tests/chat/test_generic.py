import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from sqtool.chat.readers import discord, generic_csv, jsonl
from sqtool.chat.sniff import Head
from sqtool.errors import SqtoolError
from tests.chat.helpers import read_all


def test_generic_csv_with_optional_columns(tmp_path):
    path = tmp_path / "any.csv"
    path.write_text(
        "Time,Sender,Text,sender_id,id,reply_to,kind,event,mentions\n"
        "2026-01-01T10:00:00+02:00,Ann,hello,u1,m1,,,,\n"
        '2026-01-01 10:05:00,Bob,"hi Ann, welcome",u2,m2,m1,,,u1\n'
        "1767261600,Bob,,u2,m3,,media,,\n"
        "2026-01-01T12:00:00Z,Cy,,u3,e1,,,join,\n",
        encoding="utf-8",
    )
    result = read_all(path, tz="Europe/Berlin")
    assert result.chat.formats == ["csv"]
    first, second, third = result.messages
    assert first.timestamp.utcoffset() == timedelta(hours=2)  # the row's own offset is kept
    assert second.timestamp == datetime(2026, 1, 1, 10, 5, tzinfo=timezone(timedelta(hours=1)))  # --tz
    assert (second.reply_to, second.mentions) == ("m1", ("u1",))
    assert third.kind.value == "media" and third.timestamp == datetime.fromtimestamp(1767261600, UTC)
    assert [(e.kind.value, e.member_id) for e in result.events] == [("join", "u3")]


def test_generic_csv_without_sender_id_uses_the_name(tmp_path):
    path = tmp_path / "any.csv"
    path.write_text("time,sender,text\n2026-01-01 10:00,Ann,@Bob look\n", encoding="utf-8")
    (message,) = read_all(path).messages
    assert (message.sender_id, message.mentions, message.id) == ("Ann", ("Bob",), "2")


def test_generic_csv_bad_values_name_the_line(tmp_path):
    path = tmp_path / "any.csv"
    path.write_text("time,sender,text,kind\n2026-01-01 10:00,Ann,x,text\n2026-01-01 10:01,Ann,y,video\n")
    with pytest.raises(SqtoolError) as caught:
        read_all(path)
    assert (caught.value.key, caught.value.line) == ("chat.bad_value", 3)
    assert read_all(path, lenient=True).chat.skipped == 1


def test_generic_jsonl(tmp_path):
    path = tmp_path / "any.jsonl"
    lines = [
        {"time": "2026-01-01T10:00:00+00:00", "sender": "Ann", "text": "a", "mentions": ["Bob"]},
        {"time": 1767261660, "sender": "Bob", "sender_id": "b", "text": "b", "reply_to": "1"},
        {"time": "2026-01-01T10:02:00+00:00", "sender": "Cy", "text": "", "event": "leave"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n", encoding="utf-8")
    result = read_all(path)
    assert result.chat.formats == ["jsonl"]
    assert [(m.id, m.sender_id, m.mentions, m.reply_to) for m in result.messages] == [
        ("1", "Ann", ("Bob",), None),
        ("2", "b", (), "1"),
    ]
    assert [e.kind.value for e in result.events] == ["leave"]


def test_generic_jsonl_bad_line(tmp_path):
    path = tmp_path / "any.jsonl"
    path.write_text('{"time": "2026-01-01T10:00:00Z", "sender": "A", "text": "a"}\n{"time": \n', encoding="utf-8")
    with pytest.raises(SqtoolError) as caught:
        read_all(path)
    assert (caught.value.key, caught.value.line) == ("chat.bad_json", 2)


def test_generic_csv_sniff():
    assert generic_csv.sniff(Head.of(b"time,sender,text\n")) == generic_csv.CONFIDENCE
    assert generic_csv.sniff(Head.of(b"\xef\xbb\xbf id , TIME,Sender,Text,mentions\r\n")) == generic_csv.CONFIDENCE
    assert generic_csv.sniff(Head.of(b"time\tsender\ttext\n")) == generic_csv.CONFIDENCE
    assert generic_csv.sniff(Head.of(b"time,sender,body\n")) == 0.0
    assert generic_csv.sniff(Head.of(b"hello\ntime,sender,text\n")) == 0.0  # the header is the first line


def test_jsonl_sniff():
    assert jsonl.sniff(Head.of(b'{"time": 1, "sender": "a"}\n{"time": 2}\n')) == jsonl.CONFIDENCE
    assert jsonl.sniff(Head.of(b'\xef\xbb\xbf {"TIME": 1, "sender": "a"}\n')) == 0.0  # keys as written
    assert jsonl.sniff(Head.of(b'{"time": 1, "text": "a"}\n')) == 0.0
    assert jsonl.sniff(Head.of(b'{"time": 1,\n "sender": "a"}\n')) == 0.0  # pretty-printed: not one line
    assert jsonl.sniff(Head.of(b'[{"time": 1, "sender": "a"}]\n')) == 0.0
    # a record on the first line wins over keys a JSON document is told by
    assert jsonl.CONFIDENCE > discord.CONFIDENCE
