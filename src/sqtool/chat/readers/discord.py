"""DiscordChatExporter JSON: streamed (orjson and ijson, or the native reader); times carry their own offsets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, tzinfo
from functools import partial
from typing import TYPE_CHECKING, Any

from sqtool.chat.classify import text_kind
from sqtool.chat.errors import ReadContext
from sqtool.chat.jsonstream import JsonItems
from sqtool.chat.model import Event, EventKind, Message, MessageKind, Record
from sqtool.chat.sniff import Head
from sqtool.chat.source import Source
from sqtool.chat.timezones import parse_iso_time

if TYPE_CHECKING:
    from sqtool.chat.native_items import NativeItems

NAME = "discord"
CONFIDENCE = 0.9  # guild, channel and messages together: surer than the Messenger and Telegram keys
# patterns of the format's look, for naming the closest format when no reader claims a file
HINTS = (r'"guild"', r'"channel"', r'"author"', r'"timestamp"\s*:')

# message types that are things members said; everything else is a system event
_MESSAGE_TYPES = {"Default", "Reply", "ThreadStarterMessage", "ChatInputCommand", "ContextMenuCommand"}
_EVENT_TYPES = {
    "GuildMemberJoin": EventKind.JOIN,
    "RecipientAdd": EventKind.JOIN,
    "RecipientRemove": EventKind.REMOVAL,
    "ChannelNameChange": EventKind.RENAME,
    "ChannelPinnedMessage": EventKind.PIN,
}


def parse_time(value: Any, ctx: ReadContext) -> datetime | None:
    """An ISO 8601 time; a time without offset is in the --tz zone."""
    if not isinstance(value, str) or not value:
        return None
    return parse_iso_time(value, ctx.tz)


def sniff(head: Head) -> float:
    """DiscordChatExporter's top-level keys in a JSON head."""
    window = head.window
    return CONFIDENCE if '"guild"' in window and '"channel"' in window and '"messages"' in window else 0.0


def read(source: Source, ctx: ReadContext) -> Iterator[Record]:
    items = _items(source, ctx)
    for item in items:
        if type(item) is Message:  # the native reader built it (sqtool._native)
            yield item
            continue
        if not isinstance(item, dict):
            ctx.bad_record("chat.bad_record", locate=items.line, what=type(item).__name__)
            continue
        record_id = str(item.get("id", ""))
        timestamp = parse_time(item.get("timestamp"), ctx)
        if timestamp is None:
            ctx.bad_record("chat.no_time", locate=items.line, record=record_id or "?")
            continue
        author = item.get("author")
        if not isinstance(author, dict):
            author = {}
        author_id = str(author.get("id", ""))
        author_name = str(author.get("nickname") or author.get("name") or author_id)
        message_type = item.get("type", "Default")
        if not isinstance(message_type, str):  # a wrong type in a damaged export: read as a plain message
            message_type = "Default"
        content = _text(item.get("content"))
        if message_type in _MESSAGE_TYPES:
            yield _message(item, record_id, timestamp, author, author_id, author_name, content)
            continue
        kind = _EVENT_TYPES.get(message_type, EventKind.SERVICE)
        mentions = _dicts(item.get("mentions"))
        if kind is EventKind.JOIN and message_type == "GuildMemberJoin":
            yield Event(record_id, timestamp, kind, author_id, author_name, text=content)
        elif kind in (EventKind.JOIN, EventKind.REMOVAL) and mentions:
            target = mentions[0]
            target_name = str(target.get("nickname") or target.get("name") or "")
            leave = kind is EventKind.REMOVAL and str(target.get("id")) == author_id
            yield Event(
                record_id,
                timestamp,
                EventKind.LEAVE if leave else kind,
                str(target.get("id", "")),
                target_name,
                author_id,
                author_name,
                content,
            )
        else:
            yield Event(record_id, timestamp, kind, actor_id=author_id, actor_name=author_name, text=content)


def _items(source: Source, ctx: ReadContext) -> JsonItems | NativeItems:
    """The items of ``messages``: read by the native core when it runs (the messages come built), else by Python."""
    from sqtool.chat.native_items import array_items

    kinds = (MessageKind.TEXT, MessageKind.MEDIA, MessageKind.STICKER)
    types = tuple(sorted(_MESSAGE_TYPES))
    return array_items(
        source, "messages", ctx, lambda core: partial(core.DiscordReader, Message, kinds, text_kind, zone_of, types)
    )


def zone_of(suffix: str) -> tzinfo | None:
    """The zone parse_iso_time gives a time ending in ``suffix`` (``+08:00``, ``Z``), None when it reads none.

    The native reader reads the rest of the time itself and asks this once for each suffix it meets."""
    parsed = parse_iso_time("2000-01-01T00:00:00" + suffix, UTC)
    return None if parsed is None else parsed.tzinfo


def _text(value: Any) -> str:
    """Text of a field that should hold text; a list or an object in its place counts as none."""
    if isinstance(value, str):
        return value
    return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else ""


def _dicts(value: Any) -> list[dict[str, Any]]:
    """The objects of a field that should be a list of objects (anything else in it is skipped)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _message(
    item: dict[str, Any],
    record_id: str,
    timestamp: datetime,
    author: dict[str, Any],
    author_id: str,
    author_name: str,
    content: str,
) -> Message:
    if item.get("stickers"):
        kind = MessageKind.STICKER
    elif item.get("attachments") and not content.strip():
        kind = MessageKind.MEDIA
    else:
        kind = text_kind(content)
    reference = item.get("reference")
    if not isinstance(reference, dict):
        reference = {}
    mentions = tuple(str(who.get("id")) for who in _dicts(item.get("mentions")))
    return Message(
        id=record_id,
        timestamp=timestamp,
        sender_id=author_id,
        sender_name=author_name,
        text=content,
        kind=kind,
        reply_to=str(reference["messageId"]) if reference.get("messageId") else None,
        mentions=mentions,
        is_bot=bool(author.get("isBot")),
    )
