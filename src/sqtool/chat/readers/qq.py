"""QQ message-manager ``.txt`` exports (UTF-8 with or without BOM, or GBK/GB18030; CRLF)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

from sqtool.chat.classify import at_mentions, text_kind
from sqtool.chat.errors import ReadContext
from sqtool.chat.model import Event, EventKind, Message, MessageKind, Record
from sqtool.chat.sniff import Head
from sqtool.chat.source import CountingStream, Source
from sqtool.chat.textio import numbered_lines
from sqtool.chat.timezones import localize

NAME = "qq"
# a title or header line anywhere near the top: surer than WhatsApp's and WeChat TXT's first-line tests
# (a QQ header is also a WeChat TXT one), less sure than a CSV header's named columns
CONFIDENCE = 0.8
# patterns of the format's look, for naming the closest format when no reader claims a file
HINTS = (r"消息记录", r"消息分组", r"消息对象", r"^\d{4}-\d{1,2}-\d{1,2} +\d{1,2}:\d{2}:\d{2} .*[)>]\s*$")
HEADER_LINES = 60  # non-blank lines of the head searched for a message header

QQ_TITLE = "消息记录（此消息记录为文本格式，不支持重新导入）"
QQ_HEADER = re.compile(
    r"^(?P<date>\d{4}-\d{1,2}-\d{1,2})\s+(?P<time>\d{1,2}:\d{2}:\d{2})(?:\s*(?P<ampm>AM|PM|上午|下午))?\s+"
    r"(?P<who>.*?)(?:\((?P<qq>\d+)\)|<(?P<email>[^<>\s]+)>)\s*$"
)

SYSTEM_IDS = {"10000", "1000000"}
_TITLE = re.compile(r"^【[^】]*】")
_JOIN = re.compile(r"^(?P<member>.+?)(?:加入本群|加入了本群|已加入本群)")
_LEAVE = re.compile(r"^(?P<member>.+?)(?:退出本群|退出了本群|离开本群|已退出本群)")
_REMOVAL = re.compile(
    r"^(?P<member>.+?)(?:被管理员移出本群|被移出本群|被踢出本群)|^(?P<actor>.+?)将(?P<member2>.+?)移出了?本群"
)
_RECALL = re.compile(r"撤回了一条消息$")
_RENAME = re.compile(r"修改了?群名称")


def sniff(head: Head) -> float:
    """The message manager's title as the first line, or a ``date time name(QQ number)`` header near the top."""
    lines = head.lines
    if lines and lines[0].strip() == QQ_TITLE:
        return CONFIDENCE
    return CONFIDENCE if any(QQ_HEADER.match(line) for line in lines[:HEADER_LINES]) else 0.0


def read(source: Source, ctx: ReadContext) -> Iterator[Record]:
    head = source.head()
    pending: tuple[int, datetime, str, str, list[str]] | None = None  # line, time, id, name, body lines
    with source.open() as raw:
        stream = CountingStream(raw, ctx.on_read)
        for number, line in numbered_lines(stream, head, ctx.display, on_long_line=ctx.long_line):  # type: ignore[arg-type]
            match = QQ_HEADER.match(line)
            if match:
                timestamp = _timestamp(match, ctx)
                if pending is not None:
                    yield from _record(*pending)
                    pending = None
                if timestamp is None:
                    ctx.bad_record("chat.bad_date", line=number, value=line[:40])
                    continue
                who = _TITLE.sub("", match.group("who").strip())
                member_id = match.group("qq") or match.group("email")
                pending = (number, timestamp, member_id, who, [])
            elif line.startswith(("消息分组:", "消息对象:", "=====")) or line.strip() == QQ_TITLE:
                if pending is not None:
                    yield from _record(*pending)
                    pending = None
            elif pending is not None:
                pending[4].append(line)
        if pending is not None:
            yield from _record(*pending)


def _timestamp(match: re.Match[str], ctx: ReadContext) -> datetime | None:
    try:
        naive = datetime.strptime(f"{match.group('date')} {match.group('time')}", "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    ampm = match.group("ampm")
    if ampm:
        if naive.hour > 12:
            return None
        hour = naive.hour % 12 + (12 if ampm in ("PM", "下午") else 0)
        naive = naive.replace(hour=hour)
    return localize(naive, ctx.tz)


def _record(number: int, timestamp: datetime, member_id: str, name: str, body: list[str]) -> Iterator[Record]:
    while body and not body[-1].strip():  # the blank line that separates messages
        body.pop()
    text = "\n".join(body)
    record_id = str(number)
    if member_id in SYSTEM_IDS or name == "系统消息":
        yield _system(record_id, timestamp, text)
        return
    if _RECALL.search(text.strip()) and len(body) == 1:
        yield Event(record_id, timestamp, EventKind.SERVICE, actor_id=member_id, actor_name=name, text=text)
        return
    bare = text.strip()
    if bare.startswith("[QQ红包]"):
        kind = MessageKind.RED_PACKET
    elif bare in ("[表情]", "[动画表情]") or re.fullmatch(r"(\[表情\])+", bare):
        kind = MessageKind.STICKER
    elif re.fullmatch(r"(\[(图片|文件|视频|语音)\])+", bare):
        kind = MessageKind.MEDIA
    else:
        kind = text_kind(bare)
    yield Message(record_id, timestamp, member_id, name, text, kind, mentions=at_mentions(text))


def _system(record_id: str, timestamp: datetime, text: str) -> Event:
    line = text.strip()
    if found := _REMOVAL.match(line):
        member = found.group("member") or found.group("member2")
        return Event(
            record_id, timestamp, EventKind.REMOVAL, member_name=member, actor_name=found.group("actor"), text=line
        )
    if found := _JOIN.match(line):
        return Event(record_id, timestamp, EventKind.JOIN, member_name=found.group("member"), text=line)
    if found := _LEAVE.match(line):
        return Event(record_id, timestamp, EventKind.LEAVE, member_name=found.group("member"), text=line)
    if _RENAME.search(line):
        return Event(record_id, timestamp, EventKind.RENAME, text=line)
    return Event(record_id, timestamp, EventKind.SERVICE, text=line)


system_event = _system  # QQ's system wording, also read in ChatLab files that came from QQ
