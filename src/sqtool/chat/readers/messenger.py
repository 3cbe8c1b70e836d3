"""Facebook Messenger / Instagram "Download your information" JSON (``message_1.json``…).

These files are newest-first and Facebook splits a thread into parts of about 10,000 messages, so
one part is read whole and reversed. Text is repaired when it was written as one escape per UTF-8
byte (the usual mojibake of these exports).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

import orjson

from sqtool.chat.classify import text_kind
from sqtool.chat.errors import ReadContext
from sqtool.chat.jsonguard import read_guarded
from sqtool.chat.jsonskip import SkippingSource, unless_lenient
from sqtool.chat.jsonstream import item_line
from sqtool.chat.model import Event, EventKind, Message, MessageKind, Record
from sqtool.chat.phrases.compiled import Phrases
from sqtool.chat.phrases.meta import TABLES
from sqtool.chat.sniff import Head
from sqtool.chat.source import Source
from sqtool.chat.timezones import from_epoch
from sqtool.errors import SqtoolError

NAME = "messenger"
# patterns of the format's look, for naming the closest format when no reader claims a file
HINTS = (r'"sender_name"', r'"timestamp_ms"', r'"participants"', r'"is_still_participant"')
# a file may hold more than one format's keys: below Discord's three top-level ones, above Telegram's looser ones
CONFIDENCE = 0.8
# a thread part without "participants": below Telegram's keys, so a head holding both stays Telegram's
BARE_CONFIDENCE = 0.65

_MEDIA_KEYS = ("photos", "videos", "audio_files", "gifs", "files")
# the notices of every language the tables cover (chat/phrases/meta.py)
PHRASES = Phrases(TABLES)
_YOU = tuple(sorted({table.you for table in TABLES}))


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 bytes stored as Latin-1 characters; leave real text alone."""
    if not text or max(text) > "\xff" or not any(char >= "\x80" for char in text):
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return text


def sniff(head: Head) -> float:
    """Facebook's participants with sender names or millisecond times in a JSON head, or (a thread part
    without ``participants``) messages with both sender names and millisecond times."""
    window = head.window
    names, stamps = '"sender_name"' in window, '"timestamp_ms"' in window
    if '"participants"' in window and (names or stamps):
        return CONFIDENCE
    if names and stamps and '"messages"' in window:
        return BARE_CONFIDENCE
    return 0.0


def read(source: Source, ctx: ReadContext) -> Iterator[Record]:
    try:
        with source.open() as stream:
            data = read_guarded(stream, source.display)  # nesting and string length checked as it comes
    except SqtoolError as error:
        if (raised := unless_lenient(error, ctx.lenient)) is not None:
            raise raised from None
        # lenient: read again, a message over a JSON limit handed as null (one skipped bad record below)
        with SkippingSource(source, ("messages.item",)).open() as stream:
            data = stream.read()
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
    sender = _name(str(item.get("sender_name", "")))
    text = fix_mojibake(str(item.get("content", "")))
    message_type = item.get("type", "Generic")
    if message_type in ("Subscribe", "Unsubscribe"):
        listed = item.get("users")  # a list of {"name": …}; anything else in a damaged export names nobody
        users = (
            [_name(str(user.get("name", ""))) for user in listed if isinstance(user, dict)]
            if isinstance(listed, list)
            else []
        )
        found = PHRASES.classify(text.strip()) if text else None
        if message_type == "Subscribe":
            kind = EventKind.JOIN
        elif (found is not None and found.kind is EventKind.REMOVAL) or (users and sender not in users):
            kind = EventKind.REMOVAL  # "X removed Y from the group": someone else's exit
        else:
            kind = EventKind.LEAVE
        named = [_name(member) for member in found.members] if found is not None else []
        return _membership(record_id, timestamp, kind, users or named or [sender], sender, text)
    if message_type == "Call" or "call_duration" in item:
        return [Event(record_id, timestamp, EventKind.OTHER, actor_id=sender, actor_name=sender, text=text)]
    notice = _notice(record_id, timestamp, sender, text, item)
    if notice is not None:
        return notice
    if "sticker" in item:
        kind_of = MessageKind.STICKER
    elif any(item.get(key) for key in _MEDIA_KEYS) and not text.strip():
        kind_of = MessageKind.MEDIA
    elif "share" in item and not text.strip():
        kind_of = MessageKind.LINK
    else:
        kind_of = text_kind(text)
    return [Message(record_id, timestamp, sender, sender, text, kind_of)]


def _name(name: str) -> str:
    """A sender or member name as members are compared: mojibake repaired, NFC."""
    name = fix_mojibake(name)
    return name if name.isascii() else unicodedata.normalize("NFC", name)


def _membership(
    record_id: str, timestamp: Any, kind: EventKind, members: list[str], actor: str, text: str
) -> list[Record]:
    return [
        Event(
            f"{record_id}.{index}" if len(members) > 1 else record_id, timestamp, kind, name, name, actor, actor, text
        )
        for index, name in enumerate(members)
    ]


def _notice(record_id: str, timestamp: Any, sender: str, text: str, item: dict[str, Any]) -> list[Record] | None:
    """The events of a plain message that is a notice the app wrote ("Ann added Bob to the group.",
    "Ann changed the theme."): it starts with its sender's name (or the exporter's "You") and a table
    knows its wording. Membership notices are joins, leaves and removals; every other one is ``other``."""
    bare = text.strip()
    if not bare or any(item.get(key) for key in (*_MEDIA_KEYS, "sticker", "share")):
        return None
    if not ((sender and bare.startswith(sender)) or bare.startswith(_YOU)):
        return None
    found = PHRASES.classify(bare)
    if found is None:
        return None
    if found.kind in (EventKind.JOIN, EventKind.LEAVE, EventKind.REMOVAL):
        members = [_name(member) for member in found.members] or [sender]
        return _membership(record_id, timestamp, found.kind, members, _name(found.actor or sender), bare)
    return [Event(record_id, timestamp, EventKind.OTHER, actor_id=sender, actor_name=sender, text=bare)]
