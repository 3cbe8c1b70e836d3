"""DiscordChatExporter CSV: ``AuthorID,Author,Date,Content,Attachments,Reactions``; no ids or replies."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from sqtool.chat.classify import at_mentions, text_kind
from sqtool.chat.csvrows import csv_rows
from sqtool.chat.errors import ReadContext
from sqtool.chat.model import Message, MessageKind, Record
from sqtool.chat.readers.discord import parse_time
from sqtool.chat.sniff import Head
from sqtool.chat.source import Source
from sqtool.chat.timezones import localize

NAME = "discord-csv"
PLATFORM = "discord"
COLUMNS = ("AuthorID", "Author", "Date", "Content")
CONFIDENCE = 0.95  # below the WeChat CSVs' six columns, above the generic CSV's three
# patterns of the format's look, for naming the closest format when no reader claims a file
HINTS = (r"\bAuthorID\b", r"\bAuthor\b", r"\bDate\b", r"\bContent\b")

# older DiscordChatExporter versions wrote dates in the user's short format
_OLD_FORMATS = ("%d-%b-%y %I:%M %p", "%m/%d/%Y %I:%M %p", "%d/%m/%Y %H:%M")


def sniff(head: Head) -> float:
    """A CSV header with DiscordChatExporter's columns (extra columns allowed)."""
    header = head.csv_header or ()
    return CONFIDENCE if all(column in header for column in COLUMNS) else 0.0


def read(source: Source, ctx: ReadContext) -> Iterator[Record]:
    for line, row in csv_rows(source, ctx):
        timestamp = parse_time(row.get("Date", ""), ctx) or _old_time(row.get("Date", ""), ctx)
        if timestamp is None:
            ctx.bad_record("chat.bad_date", line=line, value=row.get("Date", "")[:40])
            continue
        content = row.get("Content", "")
        attachments = row.get("Attachments", "").strip()
        kind = MessageKind.MEDIA if attachments and not content.strip() else text_kind(content)
        author_id = row.get("AuthorID", "").strip() or row.get("Author", "").strip()
        name = row.get("Author", "").strip() or author_id
        yield Message(str(line), timestamp, author_id, name, content, kind, mentions=at_mentions(content))


def _old_time(value: str, ctx: ReadContext) -> datetime | None:
    for pattern in _OLD_FORMATS:
        try:
            return localize(datetime.strptime(value.strip(), pattern), ctx.tz)
        except ValueError:
            continue
    return None
