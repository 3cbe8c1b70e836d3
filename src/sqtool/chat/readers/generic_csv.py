"""The documented generic CSV (``time,sender,text`` plus optional columns) so any tool's data can come in.

Columns (header names, any order, case-insensitive): ``time`` (ISO 8601 with or without offset, or
epoch seconds), ``sender``, ``text``; optional ``sender_id``, ``id``, ``reply_to``, ``kind``
(text, media, link, sticker, red_packet), ``mentions`` (``;``-separated), ``event`` (join, leave,
removal, rename, pin, service: the row is then a system event about ``sender``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from sqtool.chat.classify import at_mentions, text_kind
from sqtool.chat.csvrows import csv_rows
from sqtool.chat.errors import ReadContext
from sqtool.chat.model import Event, EventKind, Message, MessageKind, Record
from sqtool.chat.sniff import Head
from sqtool.chat.source import Source
from sqtool.chat.timezones import from_epoch, parse_iso_time

NAME = "csv"
# patterns of the format's look, for naming the closest format when no reader claims a file
HINTS = (
    r"(?i)^(?:.*[,;\t])?time(?:[,;\t]|$)",
    r"(?i)^(?:.*[,;\t])?sender(?:[,;\t]|$)",
    r"(?i)^(?:.*[,;\t])?text(?:[,;\t]|$)",
)
PLATFORM = ""  # generic: it may come from any platform
REQUIRED = ("time", "sender", "text")  # header names, compared stripped and lower-cased
# below the WeChat and Discord CSVs, whose exact columns are surer; above the text formats' line tests
CONFIDENCE = 0.9

_KINDS = {kind.value: kind for kind in MessageKind}
_EVENTS = {kind.value: kind for kind in EventKind}
_JSON_TYPES = {"list": "a list", "dict": "an object"}


def sniff(head: Head) -> float:
    """A CSV header with the generic columns, in any case and order, extra columns allowed."""
    if not head.csv_header:
        return 0.0
    names = {name.strip().lower() for name in head.csv_header}
    return CONFIDENCE if all(column in names for column in REQUIRED) else 0.0


def read(source: Source, ctx: ReadContext) -> Iterator[Record]:
    for line, row in csv_rows(source, ctx):
        fields = {key.strip().lower(): value for key, value in row.items() if key}
        mentions = tuple(name for name in (fields.get("mentions") or "").split(";") if name)
        record = generic_record(fields, line, ctx, mentions=mentions if "mentions" in fields else None)
        if record is not None:
            yield record


def parse_time(value: Any, ctx: ReadContext) -> datetime | None:
    """ISO 8601 (a time without offset is in the --tz zone) or epoch seconds."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return from_epoch(float(value), ctx.tz)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return from_epoch(float(value), ctx.tz)
    except ValueError:
        pass
    except (OverflowError, OSError):
        return None
    return parse_iso_time(value, ctx.tz)


def generic_record(
    fields: Mapping[str, Any], line: int, ctx: ReadContext, *, mentions: tuple[str, ...] | None = None
) -> Record | None:
    """One row or JSON line of the generic format as a record; a bad row is a bad record."""
    timestamp = parse_time(fields.get("time"), ctx)
    if timestamp is None:
        ctx.bad_record("chat.bad_date", line=line, value=str(fields.get("time", ""))[:40])
        return None
    for column in ("sender", "sender_id", "text"):
        value = fields.get(column)
        if value is not None and not (isinstance(value, str | int | float) and not isinstance(value, bool)):
            # JSON Lines can hold any value; a list or an object is no name (and never shown as a Python repr)
            what = "true/false" if isinstance(value, bool) else type(value).__name__
            ctx.bad_record("chat.bad_sender", line=line, column=column, what=_JSON_TYPES.get(what, what))
            return None
    sender = str(fields.get("sender") or "")
    sender_id = str(fields.get("sender_id") or sender)
    text = str(fields.get("text") or "")
    record_id = str(fields.get("id") or line)
    event = str(fields.get("event") or "").strip().lower()
    if event:
        if event not in _EVENTS:
            ctx.bad_record("chat.bad_value", line=line, column="event", value=event, allowed=", ".join(_EVENTS))
            return None
        return Event(record_id, timestamp, _EVENTS[event], sender_id or None, sender or None, text=text)
    if not sender_id:
        ctx.bad_record("chat.no_sender", line=line)
        return None
    kind_name = str(fields.get("kind") or "").strip().lower()
    if kind_name and kind_name not in _KINDS:
        ctx.bad_record("chat.bad_value", line=line, column="kind", value=kind_name, allowed=", ".join(_KINDS))
        return None
    kind = _KINDS[kind_name] if kind_name else text_kind(text)
    reply = fields.get("reply_to")
    return Message(
        record_id,
        timestamp,
        sender_id,
        sender or sender_id,
        text,
        kind,
        str(reply) if reply not in (None, "") else None,
        at_mentions(text) if mentions is None else mentions,
    )
