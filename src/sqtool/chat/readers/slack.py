"""Slack workspace export ``.zip``: per-channel folders of daily JSON arrays, names from users.json.

Read from the zip without extracting. Memory holds one day file per channel at a time; the
channels are merged in time order.
"""

from __future__ import annotations

import heapq
import html
import re
import zipfile
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import orjson

from sqtool.chat.classify import text_kind
from sqtool.chat.errors import ReadContext
from sqtool.chat.model import Event, EventKind, Message, MessageKind, Record
from sqtool.chat.source import ZIP_ERRORS, Source, damaged_zip
from sqtool.chat.timezones import from_epoch

NAME = "slack"

_DAY_FILE = re.compile(r"^(?:(?P<prefix>.*/))?(?P<channel>[^/]+)/(?P<day>\d{4}-\d{2}-\d{2})\.json$")
_USER_MENTION = re.compile(r"<@(?P<id>[UW][A-Z0-9]+)(?:\|(?P<label>[^>]*))?>")
_LINK = re.compile(r"<(?P<url>(?:https?|mailto):[^|>]+)(?:\|(?P<label>[^>]*))?>")
_CHANNEL = re.compile(r"<#[A-Z0-9]+\|(?P<name>[^>]*)>")
_SPECIAL = re.compile(r"<!(?P<name>here|channel|everyone)[^>]*>")
_BOT_ADDED = re.compile(r"/services/(?P<id>B[A-Z0-9]+)\|(?P<name>[^>]+)>")
_EVENTS = {
    "channel_join": EventKind.JOIN,
    "group_join": EventKind.JOIN,
    "channel_leave": EventKind.LEAVE,
    "group_leave": EventKind.LEAVE,
    "channel_name": EventKind.RENAME,
    "group_name": EventKind.RENAME,
    "pinned_item": EventKind.PIN,
}
_SERVICE = {
    "bot_add",
    "bot_remove",
    "tombstone",
    "channel_topic",
    "channel_purpose",
    "channel_archive",
    "channel_unarchive",
    "group_topic",
    "group_purpose",
    "unpinned_item",
    "reminder_add",
}


def read(source: Source, ctx: ReadContext) -> Iterator[Record]:
    try:
        archive = zipfile.ZipFile(source.path)
    except ZIP_ERRORS as error:
        raise damaged_zip(source.display, None, error) from error
    with archive:
        users = _users(archive, ctx)
        channels: dict[str, list[str]] = {}
        for name in sorted(info.filename for info in archive.infolist() if not info.is_dir()):
            found = _DAY_FILE.match(name)
            if found:
                channels.setdefault(found.group("channel"), []).append(name)
        streams = [_channel(archive, channel, days, users, ctx) for channel, days in sorted(channels.items())]
        yield from heapq.merge(*streams, key=lambda record: record.timestamp)


def _users(archive: zipfile.ZipFile, ctx: ReadContext) -> dict[str, tuple[str, bool]]:
    """user id -> (display name, is a bot)."""
    names = {info.filename for info in archive.infolist()}
    member = next((name for name in sorted(names) if name.rsplit("/", 1)[-1] == "users.json"), None)
    if member is None:
        return {}
    users = _load(archive, member, ctx)
    found: dict[str, tuple[str, bool]] = {}
    for user in users if isinstance(users, list) else []:
        if not isinstance(user, dict) or "id" not in user:
            continue
        profile = user.get("profile") or {}
        name = profile.get("display_name") or user.get("real_name") or profile.get("real_name") or user.get("name")
        found[str(user["id"])] = (str(name or user["id"]), bool(user.get("is_bot")))
    return found


def _load(archive: zipfile.ZipFile, member: str, ctx: ReadContext) -> Any:
    try:
        data = archive.read(member)
    except ZIP_ERRORS as error:
        raise damaged_zip(ctx.display, member, error) from error
    if ctx.on_read is not None:
        ctx.on_read(archive.getinfo(member).compress_size)
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as error:
        ctx.bad_record("chat.bad_json_member", line=error.lineno, member=member, reason=error.msg)
        return []


def _channel(
    archive: zipfile.ZipFile, channel: str, days: list[str], users: dict[str, tuple[str, bool]], ctx: ReadContext
) -> Iterator[Record]:
    for day in days:
        entries = _load(archive, day, ctx)
        if not isinstance(entries, list):
            ctx.bad_record("chat.bad_json_member", member=day, reason="not a list of messages")
            continue
        records: list[Record] = []
        for entry in entries:
            record = _record(entry, channel, users, ctx)
            if record is not None:
                records.append(record)
        records.sort(key=lambda record: record.timestamp)
        yield from records


def _record(entry: Any, channel: str, users: dict[str, tuple[str, bool]], ctx: ReadContext) -> Record | None:
    if not isinstance(entry, dict):
        ctx.bad_record("chat.bad_record", what=type(entry).__name__)
        return None
    ts = str(entry.get("ts", ""))
    try:
        timestamp: datetime = from_epoch(float(ts), ctx.tz)
    except (ValueError, OverflowError, OSError):
        ctx.bad_record("chat.no_time", record=f"{channel}/{ts or '?'}")
        return None
    record_id = f"{channel}/{ts}"
    subtype = entry.get("subtype")
    comment = entry.get("comment") if isinstance(entry.get("comment"), dict) else {}
    user_id = str(entry.get("user") or comment.get("user") or entry.get("bot_id") or entry.get("username") or "")
    name, bot = users.get(user_id, (None, False))
    if name is None:
        profile = entry.get("user_profile") or {}
        name = profile.get("display_name") or profile.get("real_name") or entry.get("username") or user_id
    raw_text = str(entry.get("text") or "")
    text = plain_text(raw_text, users)
    if subtype in _EVENTS:
        kind = _EVENTS[subtype]
        if kind in (EventKind.JOIN, EventKind.LEAVE):
            return Event(record_id, timestamp, kind, user_id, str(name), text=text)
        return Event(record_id, timestamp, kind, actor_id=user_id, actor_name=str(name), text=text)
    if subtype == "bot_add" and (added := _BOT_ADDED.search(raw_text)):
        # later messages of this integration carry only its bot id: remember the name it was added with
        users[added.group("id")] = (added.group("name"), True)
    if subtype in _SERVICE:
        return Event(record_id, timestamp, EventKind.SERVICE, actor_id=user_id or None, actor_name=str(name), text=text)
    kind = (
        MessageKind.MEDIA if subtype == "file_share" or (entry.get("files") and not text.strip()) else text_kind(text)
    )
    thread = entry.get("thread_ts")
    reply_to = f"{channel}/{thread}" if thread and str(thread) != ts else None
    mentions = tuple(dict.fromkeys(found.group("id") for found in _USER_MENTION.finditer(raw_text)))
    return Message(
        id=record_id,
        timestamp=timestamp,
        sender_id=user_id,
        sender_name=str(name),
        text=text,
        kind=kind,
        reply_to=reply_to,
        mentions=mentions,
        is_bot=bot or subtype == "bot_message" or bool(entry.get("bot_id") and not entry.get("user")),
    )


def plain_text(text: str, users: dict[str, tuple[str, bool]]) -> str:
    """Slack markup as a person reads it: ``<@U1>`` -> ``@name``, ``<url|label>`` -> ``label (url)``."""
    if "<" in text:
        text = _USER_MENTION.sub(
            lambda m: "@" + (m.group("label") or users.get(m.group("id"), (m.group("id"),))[0]), text
        )
        text = _LINK.sub(
            lambda m: m.group("url") if not m.group("label") else f"{m.group('label')} ({m.group('url')})", text
        )
        text = _CHANNEL.sub(lambda m: "#" + m.group("name"), text)
        text = _SPECIAL.sub(lambda m: "@" + m.group("name"), text)
    return html.unescape(text) if "&" in text else text
