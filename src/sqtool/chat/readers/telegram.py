"""Telegram Desktop JSON (``result.json``): streamed with ijson, one message object at a time."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, tzinfo
from functools import partial
from typing import TYPE_CHECKING, Any

from sqtool.chat.classify import text_kind
from sqtool.chat.errors import ReadContext
from sqtool.chat.jsonstream import JsonItems, stream_items
from sqtool.chat.model import (
    RUN_FIRST_SECOND,
    RUN_LAST_SECOND,
    Event,
    EventKind,
    Message,
    MessageKind,
    MessageRun,
    Record,
)
from sqtool.chat.sniff import Head
from sqtool.chat.source import Source
from sqtool.chat.timezones import from_epoch, localize, utc_hour_offset

if TYPE_CHECKING:
    from sqtool.chat.native_items import NativeItems

NAME = "telegram"
RUNS = True  # the native reader yields MessageRuns when asked (ReadContext.runs; chat/read.py)
# the loosest of the JSON signatures: a DiscordChatExporter or Messenger file may also hold dated messages
CONFIDENCE = 0.7
# patterns of the format's look, for naming the closest format when no reader claims a file
HINTS = (r'"date_unixtime"', r'"from_id"', r'"text_entities"', r'"type"\s*:\s*"(?:message|service)"', r'"date"\s*:')
_TYPED = re.compile(r'"type"\s*:\s*"(?:message|service)"')
_DATED = re.compile(r'"(?:date|date_unixtime)"\s*:')

_JOIN_ACTIONS = {"invite_members", "join_group_by_link", "join_group_by_request"}
_RENAME_ACTIONS = {"edit_group_title"}
_MEDIA_TYPES = {"animation", "video_file", "video_message", "voice_message", "audio_file"}
_MEDIA_KEYS = frozenset(("photo", "file", "poll", "location_information", "contact_information", "game_title"))


def sniff(head: Head) -> float:
    """Telegram's keys in a JSON head: typed or dated messages, or a whole-account export's chats list."""
    window = head.window
    if '"messages"' in window and (_TYPED.search(window) or _DATED.search(window)):
        return CONFIDENCE
    return CONFIDENCE if '"chats"' in window and '"list"' in window else 0.0


def read(source: Source, ctx: ReadContext) -> Iterator[Record]:
    found = False
    skipped_before = ctx.skipped
    items = _items(source, ctx)
    hours: dict[int, datetime | None] = {}  # see _usual_message
    zone = ctx.tz
    for item in items:
        found = True
        if type(item) is Message or type(item) is MessageRun:  # the native reader built it (sqtool._native)
            yield item  # type: ignore[misc]  # a MessageRun only when ctx.runs asked for it
            continue
        if type(item) is dict and item.get("type") == "message":
            message = _usual_message(item, hours, zone)
            if message is not None:
                yield message
                continue
            # the hot path, without a generator per record
            record_id, timestamp = _id(item.get("id")), _timestamp(item, ctx)
            if timestamp is None:
                ctx.bad_record("chat.no_time", locate=items.line, record=record_id or "?")
            else:
                yield _message(item, record_id, timestamp, ctx)
        else:
            yield from _record(item, ctx, items.line)
    if not found and ctx.skipped == skipped_before:
        # a whole-account export keeps each chat under chats.list
        chats = stream_items(source, "chats.list.item.messages.item", ctx)
        for item in chats:
            yield from _record(item, ctx, chats.line)


def _items(source: Source, ctx: ReadContext) -> JsonItems | NativeItems:
    """The items of ``messages``: read by the native core when it runs (the usual ones come built), else by Python."""
    from sqtool.chat.native_items import array_items

    zone = ctx.tz
    runs: dict[str, Any] = {}
    if ctx.runs:  # the usual messages as MessageRuns, for the audit's pass
        runs = {"run_type": partial(MessageRun, _when_of(zone)), "low": RUN_FIRST_SECOND, "high": RUN_LAST_SECOND}
    return array_items(
        source,
        "messages",
        ctx,
        lambda core: partial(
            core.TelegramReader, Message, MessageKind.TEXT, usual_kind, partial(_hour_start, zone), _SECONDS, **runs
        ),
    )


_UNSET: Any = object()
_SECONDS = [timedelta(seconds=second) for second in range(3600)]


def _when_of(zone: tzinfo) -> Callable[[float], datetime]:
    """The time of a usual message at whole POSIX seconds, made as _usual_message makes it (a run's ``when``)."""
    hours: dict[int, datetime] = {}

    def when(seconds: float) -> datetime:
        whole = int(seconds)
        hour = whole // 3600
        start = hours.get(hour)
        if start is None:
            found = _hour_start(zone, hour)
            if found is None:  # the native reader puts no message of such an hour into a run
                raise ValueError(f"no fixed offset through UTC hour {hour}")
            start = hours[hour] = found
        return start + _SECONDS[whole - hour * 3600]

    return when


def _usual_message(item: dict[str, Any], hours: dict[int, datetime | None], zone: tzinfo) -> Message | None:
    """The usual message (whole epoch seconds, named sender) in one step; None leaves any other to _message.

    Its time is the start of its UTC hour, converted once per hour (``hours``), plus a shared
    timedelta: with the zone's offset fixed through the hour this is what from_epoch gives, for
    a third of the cost of datetime.fromtimestamp.
    """
    unixtime, name, sender_id = item.get("date_unixtime"), item.get("from"), item.get("from_id")
    if type(unixtime) is not str or type(name) is not str or not name or type(sender_id) is not str:
        return None
    try:
        seconds = int(unixtime)  # "1700000000.5" is left to from_epoch
        hour = seconds // 3600
        start = hours.get(hour, _UNSET)
        if start is _UNSET:
            start = hours[hour] = _hour_start(zone, hour)
        if start is None:  # the offset changes within this hour: from_epoch handles it
            return None
        timestamp = start + _SECONDS[seconds - hour * 3600]
    except (ValueError, OverflowError):
        return None
    raw_text = item.get("text", "")
    mentions: tuple[str, ...]
    if type(raw_text) is str:
        text, mentions = raw_text, ()
    else:
        text, mentions = plain_text(raw_text), _mentions(raw_text)
    media_type = item.get("media_type")
    if media_type is None and _MEDIA_KEYS.isdisjoint(item):  # most messages
        kind = usual_kind(text)
    elif media_type == "sticker":
        kind = MessageKind.STICKER
    elif (type(media_type) is str and media_type in _MEDIA_TYPES) or not _MEDIA_KEYS.isdisjoint(item):
        kind = MessageKind.MEDIA
    else:
        kind = text_kind(text)
    record_id, reply = item.get("id"), item.get("reply_to_message_id")
    return Message(
        "" if record_id is None else str(record_id),
        timestamp,
        sender_id or name,
        name,
        text,
        kind,
        None if reply is None else str(reply),
        mentions,
    )


def usual_kind(text: str) -> MessageKind:
    """The kind of a message without media (the native reader asks this of any text with a dot or "://")."""
    # is_link's own first test ("www." needs a dot): most texts skip the call
    link = "://" in text or ("." in text and "www." in text.lower())
    return text_kind(text) if link else MessageKind.TEXT


def _hour_start(zone: tzinfo, hour: int) -> datetime | None:
    """The start of a UTC hour as wall clock in ``zone``'s fixed offset; None when that offset changes within."""
    try:  # an hour past the platform's time range (year 3 million) is left to from_epoch too, which refuses it
        fixed = utc_hour_offset(zone, hour)
        return None if fixed is None else datetime.fromtimestamp(hour * 3600, tz=fixed)
    except (ValueError, OverflowError, OSError):
        return None


def plain_text(text: Any) -> str:
    """The text of a message: a string, or a list of strings and entity objects."""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(
            part if isinstance(part, str) else str(part.get("text", "")) if isinstance(part, dict) else ""
            for part in text
        )
    return ""


def _mentions(text: Any) -> tuple[str, ...]:
    if not isinstance(text, list):
        return ()
    found: list[str] = []
    for part in text:
        if isinstance(part, dict) and part.get("type") in ("mention", "mention_name"):
            who = str(part.get("user_id") or part.get("text", "")).removeprefix("@")
            if who and who not in found:
                found.append(who)
    return tuple(found)


def _timestamp(item: dict[str, Any], ctx: ReadContext) -> datetime | None:
    unixtime = item.get("date_unixtime")
    if unixtime not in (None, ""):
        try:
            return from_epoch(float(unixtime), ctx.tz)
        except (TypeError, ValueError, OverflowError, OSError):
            return None
    date = item.get("date")
    if isinstance(date, str):
        try:
            parsed = datetime.fromisoformat(date)
        except ValueError:
            return None
        return parsed if parsed.tzinfo else localize(parsed, ctx.tz)
    return None


def _id(value: Any) -> str:
    return "" if value is None else str(value)


def _record(item: Any, ctx: ReadContext, locate: Callable[[], int | None]) -> Iterator[Record]:
    if not isinstance(item, dict):
        ctx.bad_record("chat.bad_record", locate=locate, what=type(item).__name__)
        return
    record_id = _id(item.get("id"))
    timestamp = _timestamp(item, ctx)
    if timestamp is None:
        ctx.bad_record("chat.no_time", locate=locate, record=record_id or "?")
        return
    if item.get("type") == "service":
        yield from _service(item, record_id, timestamp)
        return
    if item.get("type") not in (None, "message"):
        return  # unknown record types are future additions, not errors
    yield _message(item, record_id, timestamp, ctx)


def _deleted_name(lang: str) -> str:
    from sqtool.i18n import text

    return text("chat.deleted_account", lang)  # type: ignore[arg-type]


def _sender(item: dict[str, Any], ctx: ReadContext) -> tuple[str, str]:
    """(id, name); a deleted account has ``"from": null``: a placeholder name and a stable id."""
    sender_id, name = item.get("from_id"), item.get("from")
    if isinstance(name, str) and name:
        return (_id(sender_id) if _scalar(sender_id) else "") or name, name
    stable = _id(sender_id) if _scalar(sender_id) and sender_id != "" else "deleted"
    return stable, _deleted_name(ctx.lang)


def _scalar(value: Any) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def _message(item: dict[str, Any], record_id: str, timestamp: datetime, ctx: ReadContext) -> Message:
    raw_text = item.get("text", "")
    text = plain_text(raw_text)
    media_type = item.get("media_type")
    if not isinstance(media_type, str):  # a damaged export may hold any JSON value here
        media_type = None
    if media_type == "sticker":
        kind = MessageKind.STICKER
    elif media_type in _MEDIA_TYPES or not _MEDIA_KEYS.isdisjoint(item):
        kind = MessageKind.MEDIA
    else:
        kind = text_kind(text)
    reply = item.get("reply_to_message_id")
    sender_id, sender_name = _sender(item, ctx)
    return Message(
        id=record_id,
        timestamp=timestamp,
        sender_id=sender_id,
        sender_name=sender_name,
        text=text,
        kind=kind,
        reply_to=None if reply is None else str(reply),
        mentions=_mentions(raw_text),
    )


def _service(item: dict[str, Any], record_id: str, timestamp: datetime) -> Iterator[Event]:
    action = item.get("action", "")
    if not isinstance(action, str):  # a damaged export: a list or an object where the action's name goes
        action = ""
    actor_id = _id(item.get("actor_id")) or None
    actor_name = item.get("actor")
    listed = item.get("members")
    members = [str(name) for name in listed if name is not None] if isinstance(listed, list) else []
    text = plain_text(item.get("text", "")) or str(action)
    if action in _JOIN_ACTIONS or action == "remove_members":
        if action == "remove_members":
            # a member who leaves by themselves appears as the actor removing themselves
            self_leave = members == [actor_name]
            kind = EventKind.LEAVE if self_leave else EventKind.REMOVAL
        else:
            kind = EventKind.JOIN
        if not members:  # joined by link or request: the actor is the joiner
            yield Event(record_id, timestamp, kind, member_id=actor_id, member_name=actor_name, text=text)
            return
        for index, name in enumerate(members):
            event_id = record_id if len(members) == 1 else f"{record_id}.{index}"
            member_id = actor_id if name == actor_name else None
            yield Event(event_id, timestamp, kind, member_id, name, actor_id, actor_name, text)
        return
    if action in _RENAME_ACTIONS:
        kind = EventKind.RENAME
        text = str(item.get("title") or text)
    elif action == "pin_message":
        kind = EventKind.PIN
        text = str(item.get("message_id", ""))
    else:
        kind = EventKind.SERVICE
    yield Event(record_id, timestamp, kind, actor_id=actor_id, actor_name=actor_name, text=text)
