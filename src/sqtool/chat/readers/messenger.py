"""Facebook Messenger / Instagram "Download your information" JSON (``message_1.json``…).

These files are newest-first and Facebook splits a thread into parts of about 10,000 messages, so
one part is read whole and reversed. Text is repaired when it was written as one escape per UTF-8
byte (the usual mojibake of these exports).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import orjson

from sqtool.chat.classify import text_kind
from sqtool.chat.errors import ReadContext
from sqtool.chat.jsonguard import read_guarded
from sqtool.chat.jsonstream import item_line
from sqtool.chat.model import Event, EventKind, Message, MessageKind, Record
from sqtool.chat.sniff import Head
from sqtool.chat.source import Source
from sqtool.chat.timezones import from_epoch

NAME = "messenger"
# a file may hold more than one format's keys: below Discord's three top-level ones, above Telegram's looser ones
CONFIDENCE = 0.8

_MEDIA_KEYS = ("photos", "videos", "audio_files", "gifs", "files")


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 bytes stored as Latin-1 characters; leave real text alone."""
    if not text or max(text) > "\xff" or not any(char >= "\x80" for char in text):
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return text


def sniff(head: Head) -> float:
    """Facebook's participants with sender names or millisecond times in a JSON head."""
    window = head.window
    if '"participants"' in window and ('"sender_name"' in window or '"timestamp_ms"' in window):
        return CONFIDENCE
    return 0.0


def read(source: Source, ctx: ReadContext) -> Iterator[Record]:
    with source.open() as stream:
        data = read_guarded(stream, source.display)  # nesting and string length checked as it comes
    if ctx.on_read is not None:
        ctx.on_read(len(data))
    try:
        document = orjson.loads(data.removeprefix(b"\xef\xbb\xbf"))
    except orjson.JSONDecodeError as error:
        ctx.bad_record("chat.bad_json", line=error.lineno, reason=error.msg)
        return
    messages = document.get("messages") if isinstance(document, dict) else None
    if not isinstance(messages, list):
        ctx.bad_record("chat.bad_record", what="messages")
        return
    seen: dict[str, int] = {}
    for index in range(len(messages) - 1, -1, -1):  # newest first in the file
        item = messages[index]
        # the time in ms is the stable id (re-exports keep it); repeats within one ms get a suffix
        stamp = str(item.get("timestamp_ms", "")) if isinstance(item, dict) else ""
        repeat = seen[stamp] = seen.get(stamp, -1) + 1

        def locate(index: int = index) -> int | None:
            return item_line(source, "messages.item", index)

        record = _record(item, stamp if repeat == 0 else f"{stamp}.{repeat}", ctx, locate)
        if record is not None:
            yield from record


def _record(item: Any, record_id: str, ctx: ReadContext, locate: Callable[[], int | None]) -> list[Record] | None:
    if not isinstance(item, dict):
        ctx.bad_record("chat.bad_record", locate=locate, what=type(item).__name__)
        return None
    try:
        timestamp = from_epoch(float(item["timestamp_ms"]) / 1000, ctx.tz)
    except (KeyError, TypeError, ValueError, OverflowError, OSError):
        ctx.bad_record("chat.no_time", locate=locate, record=record_id)
        return None
    sender = fix_mojibake(str(item.get("sender_name", "")))
    text = fix_mojibake(str(item.get("content", "")))
    message_type = item.get("type", "Generic")
    if message_type in ("Subscribe", "Unsubscribe"):
        kind = EventKind.JOIN if message_type == "Subscribe" else EventKind.LEAVE
        users = [fix_mojibake(str(user.get("name", ""))) for user in item.get("users") or [] if isinstance(user, dict)]
        return [
            Event(
                f"{record_id}.{index}" if len(users) > 1 else record_id,
                timestamp,
                kind,
                name,
                name,
                sender,
                sender,
                text,
            )
            for index, name in enumerate(users or [sender])
        ]
    if message_type == "Call" or "call_duration" in item:
        return [Event(record_id, timestamp, EventKind.SERVICE, actor_id=sender, actor_name=sender, text=text)]
    if "sticker" in item:
        kind_of = MessageKind.STICKER
    elif any(item.get(key) for key in _MEDIA_KEYS) and not text.strip():
        kind_of = MessageKind.MEDIA
    elif "share" in item and not text.strip():
        kind_of = MessageKind.LINK
    else:
        kind_of = text_kind(text)
    return [Message(record_id, timestamp, sender, sender, text, kind_of)]
