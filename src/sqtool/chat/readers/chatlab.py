"""ChatLab's open interchange format ("ChatLab 标准化格式" v0.0.x), JSON and JSON Lines.

Chinese exporters write it (WeFlow for WeChat, qq-chat-exporter for QQ NT). A JSON file holds
``chatlab`` (version), ``meta`` (name, platform, type), ``members`` and ``messages``; a JSONL file
holds one object per line, told apart by ``_type``: a ``header`` first, then ``member`` lines, then
``message`` lines (lines starting with ``#`` are comments). A message has ``sender`` (the member's
``platformId``), ``accountName``, ``groupNickname``, ``timestamp`` (epoch seconds), a numeric ``type``
and ``content``; ``platformMessageId`` and ``replyToMessageId`` link replies.

The ``members`` list is every member, posting or not: ``members()`` hands it to the audit, which
counts lurkers against it when no ``--roster`` is given.

Limits (docs/limits.md): a JSON file passes the JSON guard (``--max-depth``, ``--max-string-bytes``,
``--max-int-digits``) before ijson or orjson sees it, its head as well as its messages; a JSONL line
longer than ``--max-string-bytes`` is never held whole, and a line nested deeper than ``--max-depth``
or that orjson refuses is checked by the guard too, so it ends in the limit's named error (one
skipped record when lenient).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import ijson
import orjson

from sqtool.chat.classify import at_mentions, text_kind
from sqtool.chat.errors import ReadContext
from sqtool.chat.jsonguard import Guarded, loads_line
from sqtool.chat.jsonskip import SkippingSource, unless_lenient
from sqtool.chat.jsonstream import stream_items
from sqtool.chat.model import Event, EventKind, ListedMember, Message, MessageKind, Record
from sqtool.chat.readers import qq, wechat, whatsapp
from sqtool.chat.sniff import Head
from sqtool.chat.source import CountingStream, Source
from sqtool.chat.textio import numbered_lines
from sqtool.chat.timezones import from_epoch
from sqtool.errors import SqtoolError
from sqtool.settings import active_limits

NAME = "chatlab"
# patterns of the format's look, for naming the closest format when no reader claims a file
HINTS = (r'"chatlab"', r'"platformId"', r'"accountName"', r'"_type"\s*:\s*"(?:header|member|message)"')
PLATFORM = ""  # an interchange format: meta.platform names the app it came from (qq, wechat, discord ...)
# the "chatlab" object with its version is surer than any other JSON reader's keys; a JSONL header line is surest
CONFIDENCE = 0.95
JSONL_CONFIDENCE = 1.0

_HEADER = re.compile(r'"chatlab"\s*:\s*\{')

# the spec's message types (消息类型对照表) as sqtool's kinds; the rest are events
_KINDS: dict[int, MessageKind] = {
    0: MessageKind.TEXT,  # TEXT (a bare link is a link)
    1: MessageKind.MEDIA,  # IMAGE
    2: MessageKind.MEDIA,  # VOICE
    3: MessageKind.MEDIA,  # VIDEO
    4: MessageKind.MEDIA,  # FILE
    5: MessageKind.STICKER,  # EMOJI (表情包/贴纸)
    7: MessageKind.LINK,  # LINK (链接/卡片)
    8: MessageKind.MEDIA,  # LOCATION
    20: MessageKind.RED_PACKET,  # RED_PACKET
    21: MessageKind.MEDIA,  # TRANSFER: a payment to one member, not a red packet for the group
    24: MessageKind.LINK,  # SHARE (music, mini programs)
    25: MessageKind.TEXT,  # REPLY
    26: MessageKind.TEXT,  # FORWARD
    27: MessageKind.MEDIA,  # CONTACT (a contact card)
}
_EVENTS: dict[int, EventKind] = {
    22: EventKind.SERVICE,  # POKE (拍一拍): a notice the app writes, not something said
    23: EventKind.SERVICE,  # CALL
    81: EventKind.SERVICE,  # RECALL (撤回): the message is gone
    99: EventKind.OTHER,  # OTHER
}
SYSTEM = 80  # SYSTEM (入群/退群/群公告): read by the platform's own wording


def sniff(head: Head) -> float:
    """A JSONL header line with ``chatlab``, or a JSON head with the ``chatlab`` object."""
    first = head.first_json
    if first is not None and first.get("_type") == "header" and isinstance(first.get("chatlab"), dict):
        return JSONL_CONFIDENCE
    window = head.window
    if head.is_json and _HEADER.search(window) and ('"messages"' in window or '"members"' in window):
        return CONFIDENCE
    return 0.0


def _is_jsonl(source: Source) -> bool:
    first = Head.of(source.head()).first_json
    return first is not None and first.get("_type") == "header"


def read(source: Source, ctx: ReadContext) -> Iterator[Record]:
    if _is_jsonl(source):
        yield from _read_jsonl(source, ctx)
        return
    meta, _members, dropped = _json_head(source, ctx.lenient)
    ctx.skipped += dropped  # members over a JSON limit, skipped when lenient
    platform = str(meta.get("platform") or "")
    items = stream_items(source, "messages.item", ctx, on_read=ctx.on_read, also_skip=("members.item",))
    for index, item in enumerate(items):
        yield from _record(item, f"#{index + 1}", platform, ctx, items.line)


def _read_jsonl(source: Source, ctx: ReadContext) -> Iterator[Record]:
    platform = ""
    depth = active_limits().depth
    with source.open() as raw:
        stream = CountingStream(raw, ctx.on_read)
        lines = numbered_lines(stream, source.head(), ctx.display, on_long_line=ctx.long_line)  # type: ignore[arg-type]
        for number, line in lines:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                fields = loads_line(line, number, ctx.display, depth)
            except orjson.JSONDecodeError as error:
                ctx.bad_record("chat.bad_json", line=number, reason=error.msg)
                continue
            except SqtoolError as error:  # over a JSON limit: one skipped record when lenient, else the named error
                if (raised := unless_lenient(error, ctx.lenient)) is not None:
                    raise raised from None
                ctx.skipped += 1
                continue
            if not isinstance(fields, dict):
                ctx.bad_record("chat.bad_record", line=number, what=type(fields).__name__)
                continue
            kind = fields.get("_type")
            if kind == "header":
                meta = fields.get("meta")
                platform = str(meta.get("platform") or "") if isinstance(meta, dict) else ""
            elif kind == "message":
                yield from _record(fields, f"L{number}", platform, ctx, _at(number))
            # "member" lines are the roster (members()); other kinds are for other tools


def _at(line: int) -> Callable[[], int | None]:
    return lambda: line


def members(source: Source, ctx: ReadContext) -> list[ListedMember]:
    """The members the export lists (``members`` / ``member`` lines), in order; [] when it lists none."""
    if _is_jsonl(source):
        return list(_jsonl_members(source, ctx))
    return [member for item in _json_head(source, ctx.lenient)[1] if (member := _member(item)) is not None]


def _jsonl_members(source: Source, ctx: ReadContext) -> Iterator[ListedMember]:
    depth = active_limits().depth
    with source.open() as raw:
        # a pass before the reading: a long line is the reading's to count when lenient
        for number, line in numbered_lines(raw, source.head(), ctx.display, on_long_line=ctx.long_line_again):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                fields = loads_line(line, number, ctx.display, depth)
            except orjson.JSONDecodeError:
                continue  # the reading pass reports it with its line
            except SqtoolError as error:
                if (raised := unless_lenient(error, ctx.lenient)) is not None:
                    raise raised from None
                continue  # skipped, and counted by the reading pass
            kind = fields.get("_type") if isinstance(fields, dict) else None
            if kind == "message":
                return  # members come before the messages
            if kind == "member" and (member := _member(fields)) is not None:
                yield member


def _member(item: Any) -> ListedMember | None:
    if not isinstance(item, dict) or not item.get("platformId"):
        return None
    name = item.get("groupNickname") or item.get("accountName")
    roles = item.get("roles")
    tags = (
        frozenset(str(role["id"]) for role in roles if isinstance(role, dict) and role.get("id"))
        if isinstance(roles, list)
        else frozenset()
    )
    return ListedMember(str(item["platformId"]), str(name) if name else None, tags)


def _json_head(source: Source, lenient: bool = False) -> tuple[dict[str, Any], list[Any], int]:
    """``meta`` and ``members`` of a JSON file, read with ijson up to ``messages`` once both are seen,
    and how many members were skipped; the bytes pass the JSON guard first (nesting, string length,
    digits: a limit broken is its named error, or when lenient, in a member, that member skipped)."""
    try:
        return (*_head_through(Guarded(source.open(), source.display)), 0)
    except SqtoolError as error:
        if (raised := unless_lenient(error, lenient)) is not None:
            raise raised from None
    skipping = SkippingSource(source, ("members.item", "messages.item"))
    meta, listed = _head_through(skipping.open())
    return meta, [item for item in listed if item is not None], skipping.dropped.get("members.item", 0)


def _head_through(opened: Any) -> tuple[dict[str, Any], list[Any]]:
    found: dict[str, Any] = {}
    try:
        with opened as stream:
            builder: Any = None
            target = ""
            for prefix, event, value in ijson.parse(stream):
                if builder is not None:
                    builder.event(event, value)
                    if prefix == target and event in ("end_map", "end_array"):
                        found[target] = builder.value
                        builder = None
                elif prefix == "" and event == "map_key" and value == "messages" and len(found) == 2:
                    break
                elif prefix in ("meta", "members") and event in ("start_map", "start_array"):
                    builder, target = ijson.ObjectBuilder(), prefix
                    builder.event(event, value)
    except (ijson.JSONError, ValueError):  # ValueError: bytes that are not UTF-8 too (UnicodeDecodeError)
        pass  # the reading pass reports bad JSON with its line
    meta, listed = found.get("meta"), found.get("members")
    return (meta if isinstance(meta, dict) else {}), (listed if isinstance(listed, list) else [])


def _record(
    item: Any, fallback_id: str, platform: str, ctx: ReadContext, locate: Callable[[], int | None]
) -> list[Record]:
    if not isinstance(item, dict):
        ctx.bad_record("chat.bad_record", locate=locate, what=type(item).__name__)
        return []
    record_id = str(item.get("platformMessageId") or fallback_id)
    try:
        timestamp = from_epoch(float(item["timestamp"]), ctx.tz)
    except (KeyError, TypeError, ValueError, OverflowError, OSError):
        ctx.bad_record("chat.no_time", locate=locate, record=record_id)
        return []
    kind = item.get("type", 0)
    if isinstance(kind, bool) or not isinstance(kind, int):
        ctx.bad_record("chat.bad_record", locate=locate, what=f"type {kind!r}")
        return []
    content = item.get("content")
    text = content if isinstance(content, str) else ""
    sender = str(item.get("sender") or "")
    name = str(item.get("groupNickname") or item.get("accountName") or sender)
    if kind == SYSTEM:
        return _system(record_id, timestamp, text.strip(), platform)
    if kind in _EVENTS or (kind not in _KINDS and kind >= SYSTEM):
        event_kind = _EVENTS.get(kind, EventKind.OTHER)
        return [Event(record_id, timestamp, event_kind, actor_id=sender or None, actor_name=name or None, text=text)]
    if not sender:
        ctx.bad_record("chat.bad_record", locate=locate, what="sender")
        return []
    message_kind = _KINDS.get(kind, MessageKind.TEXT)
    if message_kind is MessageKind.TEXT:
        message_kind = text_kind(text)
    reply = item.get("replyToMessageId")
    return [
        Message(
            record_id,
            timestamp,
            sender,
            name,
            text,
            message_kind,
            str(reply) if reply else None,
            at_mentions(text),
        )
    ]


def _system(record_id: str, timestamp: datetime, text: str, platform: str) -> list[Record]:
    """A system message by the wording of the app it came from (WeChat, QQ, WhatsApp's languages); else ``other``."""
    if platform != "qq":
        events = list(wechat.system_events(record_id, timestamp, text))
        if events[0].kind is not EventKind.SERVICE:
            return list(events)
    if platform != "wechat":
        event = qq.system_event(record_id, timestamp, text)
        if event.kind is not EventKind.SERVICE:
            return [event]
    found = whatsapp.PHRASES.classify(text)
    if found is not None:
        return list(whatsapp.system_events(record_id, timestamp, found, text))
    return [Event(record_id, timestamp, EventKind.OTHER, text=text)]
