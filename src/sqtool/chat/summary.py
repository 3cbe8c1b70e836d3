"""A one-pass aggregate of a record stream: counts, first and last message, messages per sender."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqtool.chat.errors import ReadWarning
from sqtool.chat.model import EventKind, Message, Record


@dataclass(frozen=True, slots=True)
class SenderCount:
    id: str
    name: str  # the latest display name the sender used
    messages: int


@dataclass(frozen=True, slots=True)
class ChatSummary:
    formats: tuple[str, ...]
    files: tuple[str, ...]
    messages: int
    senders: int
    first: datetime | None
    last: datetime | None
    joins: int
    leaves: int
    removals: int
    events: int
    skipped: int
    duplicates: int
    by_sender: tuple[SenderCount, ...]  # every sender, most messages first
    bot_messages: int = 0  # messages of bots and integrations: not members, so not in the counts above
    warnings: tuple[ReadWarning, ...] = ()

    @property
    def format(self) -> str:
        """One name when every file has the same format, else the names joined with "+"."""
        return "+".join(dict.fromkeys(self.formats))

    def top(self, count: int) -> tuple[SenderCount, ...]:
        """The ``count`` most active senders (all of them when count is 0)."""
        return self.by_sender if count <= 0 else self.by_sender[:count]


def summarise(
    records: Iterable[Record],
    *,
    formats: Iterable[str] = (),
    files: Iterable[str] = (),
    skipped: int | None = None,
    duplicates: int | None = None,
) -> ChatSummary:
    """Count everything in one pass; ``skipped``/``duplicates`` default to the ChatRead's own counts.

    Bots are not members: their messages count only as ``bot_messages``, never in messages, senders,
    or the first and last message.
    """
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    messages = events = joins = leaves = removals = bots = 0
    first: datetime | None = None
    last: datetime | None = None
    for record in records:
        if isinstance(record, Message):
            if record.is_bot:
                bots += 1
                continue
            messages += 1
            counts[record.sender_id] = counts.get(record.sender_id, 0) + 1
            names[record.sender_id] = record.sender_name
            if first is None or record.timestamp < first:
                first = record.timestamp
            if last is None or record.timestamp > last:
                last = record.timestamp
            continue
        events += 1
        if record.kind is EventKind.JOIN:
            joins += 1
        elif record.kind is EventKind.LEAVE:
            leaves += 1
        elif record.kind is EventKind.REMOVAL:
            removals += 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], names[item[0]], item[0]))
    return ChatSummary(
        formats=tuple(formats or getattr(records, "formats", ())),
        files=tuple(files or getattr(records, "files", ())),
        messages=messages,
        senders=len(counts),
        first=first,
        last=last,
        joins=joins,
        leaves=leaves,
        removals=removals,
        events=events,
        skipped=getattr(records, "skipped", 0) if skipped is None else skipped,
        duplicates=getattr(records, "duplicates", 0) if duplicates is None else duplicates,
        by_sender=tuple(SenderCount(sender, names[sender], count) for sender, count in ranked),
        bot_messages=bots,
        warnings=tuple(getattr(records, "warnings", ())),  # read after iteration: some come from the contents
    )


def iso_seconds(value: datetime | None, sep: str = "T") -> str | None:
    """One form for every format: ISO 8601 to the second with the offset (records keep full precision)."""
    return value.isoformat(sep=sep, timespec="seconds") if value is not None else None


def summary_document(summary: ChatSummary, *, top: int = 10) -> dict[str, object]:
    """The JSON report of ``sqtool audit`` (public API: keys change only with a migration note)."""
    from sqtool.i18n import Translator

    english = Translator("en")
    return {
        "summary": {
            "format": summary.format,
            "formats": list(summary.formats),
            "files": list(summary.files),
            "messages": summary.messages,
            "senders": summary.senders,
            "first": iso_seconds(summary.first),
            "last": iso_seconds(summary.last),
            "joins": summary.joins,
            "leaves": summary.leaves,
            "removals": summary.removals,
            "events": summary.events,
            "skipped": summary.skipped,
            "duplicates": summary.duplicates,
            "bot_messages": summary.bot_messages,
        },
        "warnings": [
            {"code": warning.key, "file": warning.path or None, "message": warning.text(english)}
            for warning in summary.warnings
        ],
        "senders": [{"id": s.id, "name": s.name, "messages": s.messages} for s in summary.top(top)],
    }


def summary_json(summary: ChatSummary, *, top: int = 10) -> str:
    """``summary_document`` as indented JSON text (UTF-8 characters kept readable)."""
    return json.dumps(summary_document(summary, top=top), ensure_ascii=False, indent=2) + "\n"
