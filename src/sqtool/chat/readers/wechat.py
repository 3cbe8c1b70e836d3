"""WeChat exports of the common open-source tools: WeChatMsg/MemoTrace CSV and TXT, sjzar/chatlog CSV.

MemoTrace rows: ``localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,
Remark,NickName,Sender``. ``CreateTime`` (epoch seconds) is exact; ``StrTime`` is the exporter's
wall clock and is used, in the --tz zone, only when ``CreateTime`` is missing. The TXT layout is a
``YYYY-MM-DD HH:MM:SS name`` line followed by the message's lines and a blank line; it has no ids,
so the name is the sender id.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import datetime

from sqtool.chat.classify import at_mentions, text_kind
from sqtool.chat.csvrows import csv_rows
from sqtool.chat.errors import ReadContext
from sqtool.chat.model import Event, EventKind, Message, MessageKind, Record
from sqtool.chat.sniff import Head
from sqtool.chat.source import CountingStream, Source
from sqtool.chat.textio import decode_head, numbered_lines
from sqtool.chat.timezones import from_epoch, localize

NAME = "wechat"
# patterns of the format's look, for naming the closest format when no reader claims a file
HINTS = (
    r"\blocalId\b",
    r"\bStrContent\b",
    r"\bTalkerId\b",
    r"\bCreateTime\b",
    r"^\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}:\d{2} \S",
)
MEMOTRACE_COLUMNS = ("localId", "TalkerId", "Type", "SubType", "IsSender", "CreateTime")
CHATLOG_COLUMNS = ("Time", "SenderName", "Sender", "TalkerName", "Talker", "Content")
CSV_CONFIDENCE = 1.0  # six named columns: no other CSV signature is as sure
# a "date time name" first line is the loosest text signature: QQ and WhatsApp headers win over it
TXT_CONFIDENCE = 0.6

SELF_ID = "self"  # the exporting account when the export leaves its own id out

_MEDIA_TYPES = {"3", "34", "42", "43", "48"}
_STICKER_TYPES = {"47"}
_APP_KINDS = {
    "5": MessageKind.LINK,
    "6": MessageKind.MEDIA,
    "8": MessageKind.STICKER,
    "19": MessageKind.TEXT,
    "33": MessageKind.LINK,
    "36": MessageKind.LINK,
    "57": MessageKind.TEXT,
    "2000": MessageKind.MEDIA,
    "2001": MessageKind.RED_PACKET,
}
_Q = '["“”]?'
_INVITE = re.compile(rf"^{_Q}(?P<actor>.+?){_Q}邀请{_Q}(?P<members>.+?){_Q}加入了群聊")
_QR = re.compile(rf"^{_Q}(?P<members>.+?){_Q}通过扫描{_Q}(?P<actor>.+?){_Q}分享的二维码加入群聊")
_REMOVED = re.compile(rf"^(?P<actor>你|{_Q}.+?{_Q})将{_Q}(?P<members>.+?){_Q}移出了群聊")
_LEFT = re.compile(rf"^{_Q}(?P<members>.+?){_Q}(?:退出了群聊|已退出群聊)")
_RENAME = re.compile(r"修改群名为")
_PIN = re.compile(r"置顶了")
_TAG = re.compile(r"<(?P<tag>title|svrid|displayname|chatusr)>(?P<value>.*?)</(?P=tag)>", re.DOTALL)
_NAMES_SPLIT = re.compile(r"[\"“”]?[、,，][\"“”]?")


TXT_HEADER = re.compile(r"^(?P<time>\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}:\d{2}) (?P<name>\S.*?)\s*$")
_TXT_KINDS = {
    "[图片]": MessageKind.MEDIA,
    "[语音]": MessageKind.MEDIA,
    "[视频]": MessageKind.MEDIA,
    "[文件]": MessageKind.MEDIA,
    "[位置]": MessageKind.MEDIA,
    "[表情包]": MessageKind.STICKER,
    "[动画表情]": MessageKind.STICKER,
    "[表情]": MessageKind.STICKER,
}
_SYSTEM_NAMES = {"系统消息", "系统通知", "system"}


def sniff(head: Head) -> float:
    """A MemoTrace or chatlog CSV header (extra columns allowed), or a TXT ``date time name`` first line."""
    header = head.csv_header or ()
    if all(column in header for column in MEMOTRACE_COLUMNS) or all(column in header for column in CHATLOG_COLUMNS):
        return CSV_CONFIDENCE
    return TXT_CONFIDENCE if head.lines and TXT_HEADER.match(head.lines[0]) else 0.0


def read(source: Source, ctx: ReadContext) -> Iterator[Record]:
    first_line = decode_head(source.head(4096)).lstrip("\ufeff").lstrip().split("\n", 1)[0]
    if TXT_HEADER.match(first_line.rstrip("\r")):
        yield from _read_txt(source, ctx)
        return
    for line, row in csv_rows(source, ctx):
        record = _memotrace(line, row, ctx) if "localId" in row else _chatlog(line, row, ctx)
        if record is not None:
            yield from record


def _read_txt(source: Source, ctx: ReadContext) -> Iterator[Record]:
    head = source.head()
    pending: tuple[int, datetime, str, list[str]] | None = None  # line, time, name, body lines
    with source.open() as raw:
        stream = CountingStream(raw, ctx.on_read)
        for number, line in numbered_lines(stream, head, ctx.display, on_long_line=ctx.long_line):  # type: ignore[arg-type]
            match = TXT_HEADER.match(line)
            if match is None:
                if pending is not None:
                    pending[3].append(line)
                continue
            if pending is not None:
                yield from _txt_record(*pending)
                pending = None
            timestamp = _time("", match.group("time"), ctx)
            if timestamp is None:
                ctx.bad_record("chat.bad_date", line=number, value=match.group("time"))
                continue
            pending = (number, timestamp, match.group("name"), [])
        if pending is not None:
            yield from _txt_record(*pending)


def _txt_record(number: int, timestamp: datetime, name: str, body: list[str]) -> Iterator[Record]:
    while body and not body[-1].strip():  # the blank line between messages
        body.pop()
    text = "\n".join(body)
    if name in _SYSTEM_NAMES:
        yield from _system(str(number), timestamp, text)
        return
    bare = text.strip()
    kind = MessageKind.RED_PACKET if bare.startswith("[红包]") else _TXT_KINDS.get(bare) or text_kind(bare)
    yield Message(str(number), timestamp, name, name, text, kind, None, at_mentions(text))


def _memotrace(line: int, row: dict[str, str], ctx: ReadContext) -> list[Record] | None:
    record_id = row.get("localId", "").strip() or str(line)
    timestamp = _time(row.get("CreateTime", ""), row.get("StrTime", ""), ctx)
    if timestamp is None:
        ctx.bad_record("chat.bad_date", line=line, value=(row.get("CreateTime") or row.get("StrTime") or "")[:40])
        return None
    kind_code, sub = row.get("Type", "").strip(), row.get("SubType", "").strip()
    content = row.get("StrContent", "")
    if kind_code in ("10000", "10002"):
        return list(_system(record_id, timestamp, content))
    is_self = row.get("IsSender", "").strip() == "1"
    sender_id = row.get("Sender", "").strip() or (SELF_ID if is_self else row.get("NickName", "").strip())
    name = row.get("Remark", "").strip() or row.get("NickName", "").strip() or sender_id
    reply_to = None
    if kind_code == "49":
        kind = _APP_KINDS.get(sub, MessageKind.LINK)
        if sub == "62":  # a pat (拍一拍) is a system notice, not something said
            return [Event(record_id, timestamp, EventKind.SERVICE, actor_id=sender_id, actor_name=name, text=content)]
        if "<" in content:
            tags = {found.group("tag"): html.unescape(found.group("value")) for found in _TAG.finditer(content)}
            if sub == "57":
                reply_to = tags.get("svrid") or None
            content = tags.get("title", content)
    elif kind_code in _MEDIA_TYPES:
        kind = MessageKind.MEDIA
    elif kind_code in _STICKER_TYPES:
        kind = MessageKind.STICKER
    elif kind_code == "50":
        return [Event(record_id, timestamp, EventKind.SERVICE, actor_id=sender_id, actor_name=name, text=content)]
    else:
        kind = text_kind(content)
    return [Message(record_id, timestamp, sender_id, name, content, kind, reply_to, at_mentions(content))]


def _chatlog(line: int, row: dict[str, str], ctx: ReadContext) -> list[Record] | None:
    timestamp = _time("", row.get("Time", ""), ctx)
    if timestamp is None:
        ctx.bad_record("chat.bad_date", line=line, value=row.get("Time", "")[:40])
        return None
    sender_id = row.get("Sender", "").strip() or row.get("SenderName", "").strip()
    name = row.get("SenderName", "").strip() or sender_id
    content = row.get("Content", "")
    if not sender_id:
        return list(_system(str(line), timestamp, content))
    return [Message(str(line), timestamp, sender_id, name, content, text_kind(content), None, at_mentions(content))]


def _time(epoch: str, wall: str, ctx: ReadContext) -> datetime | None:
    epoch = epoch.strip()
    if epoch:
        try:
            return from_epoch(float(epoch), ctx.tz)
        except (ValueError, OverflowError, OSError):
            return None
    wall = wall.strip()
    if not wall:
        return None
    try:
        parsed = datetime.fromisoformat(wall)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else localize(parsed, ctx.tz)


def _system(record_id: str, timestamp: datetime, content: str) -> Iterator[Event]:
    text = content.strip()
    for pattern, kind in (
        (_INVITE, EventKind.JOIN),
        (_QR, EventKind.JOIN),
        (_REMOVED, EventKind.REMOVAL),
        (_LEFT, EventKind.LEAVE),
    ):
        found = pattern.match(text)
        if found is None:
            continue
        members = [name for name in _NAMES_SPLIT.split(found.group("members").strip('"“”')) if name]
        actor = found.groupdict().get("actor")
        actor = actor.strip('"“”') if actor else None
        for index, member in enumerate(members):
            event_id = record_id if len(members) == 1 else f"{record_id}.{index}"
            yield Event(event_id, timestamp, kind, member_name=member, actor_name=actor, text=text)
        return
    if _RENAME.search(text):
        yield Event(record_id, timestamp, EventKind.RENAME, text=text)
    elif _PIN.search(text):
        yield Event(record_id, timestamp, EventKind.PIN, text=text)
    else:
        yield Event(record_id, timestamp, EventKind.SERVICE, text=text)


system_events = _system  # WeChat's system wording, also read in ChatLab files that came from WeChat
