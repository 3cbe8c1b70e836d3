"""Detection by the readers' sniff agrees with the old central if-chain (kept here as the reference)."""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sqtool.chat import readers
from sqtool.chat.readers import FORMAT_NAMES, READERS, detect, platform_of
from sqtool.chat.readers.wechat import TXT_HEADER
from sqtool.chat.readers.whatsapp import HEADER
from sqtool.chat.sniff import Head
from sqtool.chat.textio import decode_head
from tests.conftest import CORPUS, FIXTURES, needs_shared

# --- the reference: chat/detect.py's detect as it was before the readers sniffed, unchanged -----------------

QQ_TITLE = "消息记录（此消息记录为文本格式，不支持重新导入）"
QQ_HEADER = re.compile(
    r"^(?P<date>\d{4}-\d{1,2}-\d{1,2})\s+(?P<time>\d{1,2}:\d{2}:\d{2})(?:\s*(?P<ampm>AM|PM|上午|下午))?\s+"
    r"(?P<who>.*?)(?:\((?P<qq>\d+)\)|<(?P<email>[^<>\s]+)>)\s*$"
)
WECHAT_COLUMNS = ("localId", "TalkerId", "Type", "SubType", "IsSender", "CreateTime")
CHATLOG_COLUMNS = ("Time", "SenderName", "Sender", "TalkerName", "Talker", "Content")
DISCORD_CSV_COLUMNS = ("AuthorID", "Author", "Date", "Content")
GENERIC_REQUIRED = ("time", "sender", "text")


def old_detect(source: object, head: bytes) -> str | None:
    text = decode_head(head).lstrip("\ufeff")
    stripped = text.lstrip()
    if stripped.startswith("{"):
        return _old_detect_json(stripped)
    first_line = stripped.split("\n", 1)[0].rstrip("\r")
    header = _old_csv_header(first_line)
    if header:
        if all(column in header for column in WECHAT_COLUMNS) or all(column in header for column in CHATLOG_COLUMNS):
            return "wechat"
        if all(column in header for column in DISCORD_CSV_COLUMNS):
            return "discord-csv"
        if all(column in {name.strip().lower() for name in header} for column in GENERIC_REQUIRED):
            return "csv"
    lines = [line.rstrip("\r") for line in stripped.split("\n")[:200] if line.strip()]
    if lines and lines[0].strip() == QQ_TITLE:
        return "qq"
    if any(QQ_HEADER.match(line) for line in lines[:60]):
        return "qq"
    if lines and HEADER.match(lines[0]):
        return "whatsapp"
    if lines and TXT_HEADER.match(lines[0]) and sum(1 for line in lines[:60] if TXT_HEADER.match(line)) >= 1:
        return "wechat"
    return None


def _old_detect_json(text: str) -> str | None:
    first_line = text.split("\n", 1)[0].strip()
    if first_line.endswith("}"):
        try:
            record = json.loads(first_line)
        except ValueError:
            record = None
        if isinstance(record, dict) and all(key in record for key in ("time", "sender")):
            return "jsonl"
    window = text[:65536]
    if '"guild"' in window and '"channel"' in window and '"messages"' in window:
        return "discord"
    if '"participants"' in window and ('"sender_name"' in window or '"timestamp_ms"' in window):
        return "messenger"
    if '"messages"' in window and re.search(r'"type"\s*:\s*"(?:message|service)"', window):
        return "telegram"
    if '"chats"' in window and '"list"' in window:
        return "telegram"
    if '"messages"' in window and re.search(r'"(?:date|date_unixtime)"\s*:', window):
        return "telegram"
    return None


def _old_csv_header(line: str) -> list[str] | None:
    if "," not in line and "\t" not in line and ";" not in line:
        return None
    try:
        return next(csv.reader(io.StringIO(line), dialect=_old_dialect(line)))
    except (csv.Error, StopIteration):
        return None


def _old_dialect(line: str) -> type[csv.Dialect]:
    return csv.excel_tab if line.count("\t") > line.count(",") else csv.excel


# --- the comparison ------------------------------------------------------------------------------------------


def outcome(detector: object, head: bytes) -> str | None:
    """What a detector says, or the exception it raises (a deeply nested JSON line exhausts the recursion)."""
    try:
        return detector(None, head)  # type: ignore[operator]
    except RecursionError:
        return "RecursionError"


# formats (and shapes) the readers learnt after the reference: they may claim only heads it left unclaimed
# (issue 15: the ChatLab interchange format, Messenger JSON without "participants")
LEARNT_SINCE = frozenset({"chatlab", "messenger"})


def assert_agree(head: bytes) -> str | None:
    expected = outcome(old_detect, head)
    if expected == "RecursionError":  # the old detector ran out of stack on a deep line; now it is no record
        expected = outcome(old_detect, head.replace(b"[", b" ").replace(b"]", b" "))
    got = outcome(detect, head)
    if expected is None and got in LEARNT_SINCE:
        return got
    if got == "chatlab":  # its "chatlab" header object outranks another format's keys in the same head
        assert '"chatlab"' in decode_head(head), head[:300]
        return got
    assert got == expected, head[:300]
    return expected


HEAD_SIZE = 65536  # what Source.head reads for detection


def heads_of(path: Path) -> list[tuple[str, bytes]]:
    """The head of a file, and of each member when it is a zip (what detection sees of a zip's chat)."""
    data = path.read_bytes()
    heads = [(path.name, data[:HEAD_SIZE])]
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if not info.is_dir():
                    with archive.open(info) as member:
                        heads.append((f"{path.name}!{info.filename}", member.read(HEAD_SIZE)))
    return heads


FIXTURE_FILES = sorted(path for path in (FIXTURES / "chat").rglob("*") if path.is_file())


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda path: path.name)
def test_fixture_files_are_detected_as_before(path):
    for _, head in heads_of(path):
        assert_agree(head)


@needs_shared
def test_corpus_files_are_detected_as_before():
    files = sorted(path for path in CORPUS.rglob("*") if path.is_file() and path.suffix != ".md")
    assert files
    seen = {name: assert_agree(head) for path in files for name, head in heads_of(path)}
    # the corpus has each detectable platform: the comparison is not all None
    assert {"telegram", "discord", "messenger", "qq", "whatsapp"} <= set(seen.values())


CSV_HEADERS = {
    "wechat": "localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender",
    "chatlog": "Time,SenderName,Sender,TalkerName,Talker,Content",
    "discord-csv": "AuthorID,Author,Date,Content,Attachments,Reactions",
    "csv": "time,sender,text",
}
TEXT_HEADS = {
    "qq-title": f"{QQ_TITLE}\n\n消息分组:我的群聊\n================\n消息对象:测试群\n================\n",
    "qq": "2020-01-01 12:00:00 张三(12345)\n你好\n\n2020-01-01 12:01:00 李四<li@example.com>\n嗨\n",
    "qq-ampm": "2020-1-1 8:00:00 上午 张三(12345)\n早\n",
    "whatsapp-android": "12/9/20, 23:55 - Bob: hello\n12/9/20, 23:56 - Ann: hi\n",
    "whatsapp-ios": "[15-01-20 02:22:56] Mary: hi\n[15-01-20 02:23:01] Bob: yo\n",
    "whatsapp-12h": "1/2/21, 9:05\u202fPM - Bob: evening\n",
    "whatsapp-ymd": "2021-03-04 10:11:12 - Bob: also a WeChat TXT header\n",
    "wechat-txt": "2021-03-04 10:11:12 小明\n你好\n\n2021-03-04 10:12:00 小红\n在\n",
}
JSON_HEADS = {
    "jsonl": '{"time": "2021-01-01T00:00:00Z", "sender": "a", "text": "hi"}\n{"time": 1, "sender": "b"}\n',
    "jsonl-no-sender": '{"time": "2021-01-01T00:00:00Z", "text": "hi"}\n',
    "jsonl-array": '["time", "sender"]\n',
    "discord": '{\n  "guild": {"id": "1"},\n  "channel": {"id": "2"},\n  "messages": [\n',
    "messenger": '{\n  "participants": [{"name": "A"}],\n  "messages": [{"sender_name": "A", "timestamp_ms": 1}]\n}\n',
    "messenger-ms": '{"participants": [], "messages": [{"timestamp_ms": 1}]}',
    "telegram": '{\n "name": "g",\n "type": "private_group",\n "messages": [\n  {"id": 1, "type": "message",',
    "telegram-service": '{"messages": [{"type" : "service"}]}',
    "telegram-account": '{\n "about": "x",\n "chats": {\n  "list": [\n',
    "telegram-dated": '{"messages": [{"id": 1, "date_unixtime": "1"}]}',
    "telegram-in-one-line": '{"messages": [{"type": "message", "date": "2020-01-01T00:00:00"}]}',
    "discord-and-telegram": '{"guild": {}, "channel": {}, "messages": [{"type": "message"}]}',
    "messenger-and-telegram": '{"participants": [], "messages": [{"sender_name": "A", "type": "message"}]}',
    "jsonl-and-discord": '{"time": 1, "sender": "a", "guild": 1, "channel": 2, "messages": []}\n',
    "jsonl-broken": '{"time": 1, "sender": "a"\n{"guild": 1, "channel": 2, "messages": []}\n',
    "json-unknown": '{"hello": "world"}\n',
    "chatlab": '{\n  "chatlab": {"version": "0.0.2", "exportedAt": 1},\n  "meta": {"name": "g"},\n  "messages": [\n',
    "chatlab-jsonl": '{"_type": "header", "chatlab": {"version": "0.0.2"}, "meta": {"name": "g"}}\n',
}


def hand_made_heads() -> dict[str, bytes]:
    """Each format's head, mixes of two formats' signatures, and the encodings and damage an export may have."""
    texts: dict[str, str] = {}
    for name, header in CSV_HEADERS.items():
        texts[f"{name}-csv"] = f"{header}\n1,2,3,4,5,6\n"
        texts[f"{name}-csv-extra"] = f"extra,{header},more\n"
        texts[f"{name}-csv-tab"] = header.replace(",", "\t") + "\n"
        texts[f"{name}-csv-semicolon"] = header.replace(",", ";") + "\n"
        texts[f"{name}-csv-quoted"] = ",".join(f'"{column}"' for column in header.split(",")) + "\n"
        texts[f"{name}-csv-then-qq"] = f"{header}\n{TEXT_HEADS['qq']}"
    texts["csv-upper-spaced"] = " TIME , Sender ,TEXT,mentions\n"
    texts["csv-missing-text"] = "time,sender,body\n"
    texts["wechat-and-discord-csv"] = CSV_HEADERS["wechat"] + ",AuthorID,Author,Date\n"
    texts["discord-csv-and-generic"] = CSV_HEADERS["discord-csv"] + ",time,sender,text\n"
    texts["chatlog-and-generic"] = CSV_HEADERS["chatlog"] + ",time,text\n"
    texts["csv-bad-quote"] = 'time,"sender\n'
    texts.update(TEXT_HEADS)
    texts.update(JSON_HEADS)
    texts["qq-after-whatsapp"] = TEXT_HEADS["whatsapp-android"] + TEXT_HEADS["qq"]
    texts["wechat-txt-then-qq"] = TEXT_HEADS["wechat-txt"] + TEXT_HEADS["qq"]
    texts["qq-title-late"] = "hello\n" + QQ_TITLE + "\n"
    texts["qq-header-line-61"] = "x\n" * 60 + TEXT_HEADS["qq"]
    texts["qq-header-line-60"] = "x\n" * 59 + TEXT_HEADS["qq"]
    texts["qq-header-after-200-lines"] = "\n" * 199 + "x\n" + TEXT_HEADS["qq"]
    texts["whatsapp-second-line"] = "hello\n" + TEXT_HEADS["whatsapp-android"]
    texts["whatsapp-after-blank-lines"] = "\n\n  \n" + TEXT_HEADS["whatsapp-ios"]
    texts["whatsapp-csv-line"] = "12/9/20, 23:55 - Bob: x,time,sender,text\n"
    texts["json-after-blanks"] = "\n \t" + JSON_HEADS["discord"]
    texts["json-qq-inside"] = "{\n" + TEXT_HEADS["qq"]
    texts["array"] = '[{"time": 1, "sender": "a"}]\n'
    texts["empty"] = ""
    texts["blanks"] = " \n\r\n\t"
    texts["garbage"] = "lorem ipsum, dolor; sit\tamet\n"
    texts["old-mac"] = TEXT_HEADS["whatsapp-android"].replace("\n", "\r")
    heads: dict[str, bytes] = {}
    for name, text in texts.items():
        heads[name] = text.encode()
        heads[f"{name}-bom"] = codecs.BOM_UTF8 + text.encode()
        heads[f"{name}-crlf"] = text.replace("\n", "\r\n").encode()
        heads[f"{name}-utf16"] = text.encode("utf-16")
        heads[f"{name}-gbk"] = text.encode("gb18030")
        heads[f"{name}-cut"] = text.encode()[: len(text.encode()) // 2]
    heads["binary"] = bytes(range(256)) * 4
    heads["zip-magic"] = b"PK\x03\x04" + b"\x00" * 40
    heads["nul"] = b"\x00" * 64
    heads["double-bom"] = codecs.BOM_UTF8 * 2 + TEXT_HEADS["qq"].encode()
    heads["latin1"] = "time,sender,text\nété,à,ü\n".encode("latin-1")
    heads["deep-json-line"] = b'{"a": ' + b"[" * 5000 + b"]" * 5000 + b"}\n"
    return heads


HAND_MADE = hand_made_heads()


@pytest.mark.parametrize("name", sorted(HAND_MADE))
def test_hand_made_heads_are_detected_as_before(name):
    assert_agree(HAND_MADE[name])


def test_the_hand_made_heads_reach_every_detectable_format():
    found = {outcome(detect, head) for head in HAND_MADE.values()}
    assert set(FORMAT_NAMES) - {"slack"} <= found  # slack is told by its zip layout alone
    assert None in found


# pieces a head is made of: each format's signature lines, near misses, and noise
PIECES = [
    *CSV_HEADERS.values(),
    *(line for text in TEXT_HEADS.values() for line in text.split("\n")),
    *(line for text in JSON_HEADS.values() for line in text.split("\n")),
    QQ_TITLE,
    "time,sender,text",
    "Time;SenderName;Sender;TalkerName;Talker;Content",
    '"guild"',
    '"channel"',
    '"messages"',
    '"participants"',
    '"sender_name"',
    '"timestamp_ms"',
    '"chats"',
    '"list"',
    '"type": "message"',
    '"date":',
    "{",
    "}",
    "",
    " ",
    "\ufeff",
    "2020-01-01 12:00:00 Bob",
    "2020-01-01 12:00:00 Bob(1)",
    "[1/2/21 10:00:00] A: b",
]
LINE_ENDS = st.sampled_from(["\n", "\r\n", "\r"])
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"])


@st.composite
def heads(draw: st.DrawFn) -> bytes:
    """A head of signature pieces and random text, in an export's encodings, sometimes cut or raw bytes."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=400))
    pieces = draw(st.lists(st.sampled_from(PIECES) | st.text(max_size=30), max_size=12))
    if draw(st.booleans()):
        joiner = draw(st.sampled_from([",", "\t", ";", ", ", ""]))
        pieces = [joiner.join(draw(st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=8))), *pieces]
    text = draw(st.sampled_from(["", " ", "\n", "\ufeff", "{"])) + draw(LINE_ENDS).join(pieces)
    data = text.encode(draw(ENCODINGS), errors="replace")
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return data


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(heads())
def test_any_head_is_detected_as_before(head):
    assert_agree(head)


# --- the registry ---------------------------------------------------------------------------------------------


def test_each_reader_declares_its_name_sniff_and_read():
    assert len(set(FORMAT_NAMES)) == len(READERS)
    for reader in READERS:
        assert isinstance(reader, ModuleType)
        assert isinstance(reader.NAME, str)
        assert callable(reader.sniff)
        assert callable(reader.read)
        assert readers.reader_module(reader.NAME) is reader
        assert readers.reader_for(reader.NAME) is reader.read


@pytest.mark.parametrize("head", [b"", b"   ", b"\xef\xbb\xbf"], ids=["empty", "blank", "bom"])
def test_no_reader_claims_an_empty_head(head):
    assert [reader.sniff(Head.of(head)) for reader in READERS] == [0.0] * len(READERS)


def test_confidences_are_between_0_and_1():
    for head in HAND_MADE.values():
        try:
            sniffed = Head.of(head)
        except RecursionError:
            continue
        assert all(0.0 <= reader.sniff(sniffed) <= 1.0 for reader in READERS)


def test_a_tie_goes_to_the_reader_listed_first(monkeypatch):
    telegram, discord = readers.reader_module("telegram"), readers.reader_module("discord")
    monkeypatch.setattr(telegram, "sniff", lambda head: 0.5)
    monkeypatch.setattr(discord, "sniff", lambda head: 0.5)
    assert detect(None, b"anything") == "telegram"  # type: ignore[arg-type]
    monkeypatch.setattr(discord, "sniff", lambda head: 0.6)
    assert detect(None, b"anything") == "discord"  # type: ignore[arg-type]


def test_platforms_of_the_formats():
    assert platform_of("discord-csv") == "discord"
    assert platform_of("csv") == platform_of("jsonl") == ""
    assert platform_of("whatsapp") == "whatsapp"
    assert platform_of("unknown") == "unknown"


def test_head_fields():
    text_head = Head.of(codecs.BOM_UTF8 + b"\r\n time,sender,text\r\n\r\n1,a,b\r\n")
    assert text_head.text == "\r\n time,sender,text\r\n\r\n1,a,b\r\n"
    assert text_head.stripped.startswith("time,")
    assert text_head.lines == ("time,sender,text", "1,a,b")
    assert text_head.csv_header == ("time", "sender", "text")
    assert (text_head.first_json, text_head.window, text_head.is_json) == (None, "", False)
    json_head = Head.of(b' {"time": 1, "sender": "a"}\n{"x": 2}\n')
    assert json_head.is_json
    assert json_head.first_json == {"time": 1, "sender": "a"}
    assert json_head.window == '{"time": 1, "sender": "a"}\n{"x": 2}\n'
    assert (json_head.lines, json_head.csv_header) == ((), None)
    assert Head.of(b"no delimiter here").csv_header is None
    assert Head.of(b'{"a": [1,\n 2]}').first_json is None  # the first line is not a whole object
