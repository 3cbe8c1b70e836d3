"""Slack workspace export ``.zip``: per-channel folders of daily JSON arrays, names from users.json.

Read from the zip without extracting, or from the folder it unzips to. Memory holds one day file
per channel at a time; the channels are merged in time order.
"""

from __future__ import annotations

import heapq
import html
import io
import re
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

import orjson

from sqtool.chat.classify import text_kind
from sqtool.chat.errors import ReadContext
from sqtool.chat.jsonguard import JsonGuard
from sqtool.chat.jsonskip import SkipOverLimit, unless_lenient
from sqtool.chat.model import Event, EventKind, Message, MessageKind, Record
from sqtool.chat.sniff import Head
from sqtool.chat.source import ZIP_ERRORS, Bounded, Source, damaged_zip, refuse_unbounded
from sqtool.chat.timezones import from_epoch
from sqtool.errors import SqtoolError
from sqtool.fsutil import read_input, walk_files

NAME = "slack"
# patterns of the format's look, for naming the closest format when no reader claims a file
HINTS = (r'"ts"\s*:\s*"\d+\.\d+"', r'"subtype"', r'"user_profile"')

_DAY_FILE = re.compile(r"^(?:(?P<prefix>.*/))?(?P<channel>[^/]+)/(?P<day>\d{4}-\d{2}-\d{2})\.json$")
_DAY_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}\.json$")
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


class _Tree(Protocol):
    """The files of an export: members of a zip, or files under an unzipped folder."""

    def names(self) -> list[str]: ...

    def read(self, name: str) -> bytes: ...

    def stored_size(self, name: str) -> int: ...


class _ZipTree:
    def __init__(self, archive: zipfile.ZipFile, display: str) -> None:
        self._archive = archive
        self._display = display

    def names(self) -> list[str]:
        return [info.filename for info in self._archive.infolist() if not info.is_dir()]

    def read(self, name: str) -> bytes:
        try:
            refuse_unbounded(self._archive.getinfo(name), self._display)
            with self._archive.open(name) as member:  # counted as it inflates, cut off at --max-input-bytes
                return Bounded(member, f"{self._display}!{name}").read()  # type: ignore[arg-type]
        except ZIP_ERRORS as error:
            raise damaged_zip(self._display, name, error) from error

    def stored_size(self, name: str) -> int:
        return self._archive.getinfo(name).compress_size


class _FolderTree:
    def __init__(self, root: Path, display: str) -> None:
        self._root = root
        self._display = display

    def names(self) -> list[str]:
        # walked without following links to folders, up to --max-folder-depth (no loop, no recursion)
        found = walk_files(self._root, skip_hidden=False)
        return [path.relative_to(self._root).as_posix() for path in found if path.suffix == ".json"]

    def read(self, name: str) -> bytes:
        try:
            return read_input(self._root / name, f"{self._display}/{name}")
        except OSError as error:
            raise SqtoolError(
                "fs.cannot_read", path=f"{self._display}/{name}", reason=error.strerror or str(error)
            ) from error

    def stored_size(self, name: str) -> int:
        return (self._root / name).stat().st_size


def is_slack_folder(path: Path) -> bool:
    """An unzipped Slack export: channels.json or users.json, and channel folders of YYYY-MM-DD.json files."""
    if not ((path / "channels.json").is_file() or (path / "users.json").is_file()):
        return False
    return any(_DAY_NAME.match(day.name) for folder in path.iterdir() if folder.is_dir() for day in folder.iterdir())


def folder_size(path: Path) -> int:
    """The bytes of the JSON files of an unzipped export (for progress)."""
    return sum(file.stat().st_size for file in walk_files(path, skip_hidden=False) if file.suffix == ".json")


def sniff(head: Head) -> float:
    """Never from the first bytes: a workspace export is told by its zip layout (detect.zip_source) or folder."""
    return 0.0


def read(source: Source, ctx: ReadContext) -> Iterator[Record]:
    if source.path.is_dir():
        yield from _read_tree(_FolderTree(source.path, source.display), ctx)
        return
    try:
        archive = zipfile.ZipFile(source.path)
    except ZIP_ERRORS as error:
        raise damaged_zip(source.display, None, error) from error
    with archive:
        yield from _read_tree(_ZipTree(archive, source.display), ctx)


def _read_tree(tree: _Tree, ctx: ReadContext) -> Iterator[Record]:
    users = _users(tree, ctx)
    channels: dict[str, list[str]] = {}
    for name in sorted(tree.names()):
        found = _DAY_FILE.match(name)
        if found:
            channels.setdefault(found.group("channel"), []).append(name)
    streams = [_channel(tree, channel, days, users, ctx) for channel, days in sorted(channels.items())]
    yield from heapq.merge(*streams, key=lambda record: record.timestamp)


def _users(tree: _Tree, ctx: ReadContext) -> dict[str, tuple[str, bool]]:
    """user id -> (display name, is a bot)."""
    member = next((name for name in sorted(tree.names()) if name.rsplit("/", 1)[-1] == "users.json"), None)
    if member is None:
        return {}
    users = _load(tree, member, ctx)
    found: dict[str, tuple[str, bool]] = {}
    for user in users if isinstance(users, list) else []:
        if not isinstance(user, dict) or "id" not in user:
            continue
        profile = user.get("profile") or {}
        name = profile.get("display_name") or user.get("real_name") or profile.get("real_name") or user.get("name")
        found[str(user["id"])] = (str(name or user["id"]), bool(user.get("is_bot")))
    return found


def _load(tree: _Tree, member: str, ctx: ReadContext) -> Any:
    data = tree.read(member)
    display = f"{ctx.display}!{member}"
    try:
        JsonGuard(display).feed(data)  # nesting, strings and numbers, as for every JSON export
    except SqtoolError as error:
        if (raised := unless_lenient(error, ctx.lenient)) is not None:
            raise raised from None
        # lenient: an entry over a JSON limit is handed as null; a day's null is one skipped bad record
        # (_record), a user's is counted here
        with SkipOverLimit(io.BytesIO(data), display, ("item",)) as stream:
            data = stream.read()
            if member.rsplit("/", 1)[-1] == "users.json":
                ctx.skipped += sum(stream.dropped.values())
    if ctx.on_read is not None:
        ctx.on_read(tree.stored_size(member))
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as error:
        ctx.bad_record("chat.bad_json_member", line=error.lineno, member=member, reason=error.msg)
        return []


def _channel(
    tree: _Tree, channel: str, days: list[str], users: dict[str, tuple[str, bool]], ctx: ReadContext
) -> Iterator[Record]:
    for day in days:
        entries = _load(tree, day, ctx)
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
    if not isinstance(subtype, str):  # a damaged export may hold any JSON value here
        subtype = None
    comment = entry.get("comment")
    if not isinstance(comment, dict):
        comment = {}
    user_id = str(entry.get("user") or comment.get("user") or entry.get("bot_id") or entry.get("username") or "")
    name, bot = users.get(user_id, (None, False))
    if name is None:
        profile = entry.get("user_profile")
        profile = profile if isinstance(profile, dict) else {}
        name = profile.get("display_name") or profile.get("real_name") or entry.get("username") or user_id
    raw_text = str(entry.get("text") or "")
    text = plain_text(raw_text, users)
    if subtype in _EVENTS:
        event_kind = _EVENTS[subtype]
        if event_kind in (EventKind.JOIN, EventKind.LEAVE):
            return Event(record_id, timestamp, event_kind, user_id, str(name), text=text)
        return Event(record_id, timestamp, event_kind, actor_id=user_id, actor_name=str(name), text=text)
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
