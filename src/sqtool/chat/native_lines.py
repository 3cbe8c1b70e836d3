"""WhatsApp text exports scanned by the native core (src/sqtool/_native/whatsapp.cpp), behind the Python
reader's contract: the same records, in the same batches, with the same errors and --lenient skips.

What stays in Python is the Python reader's own code, called from here: the encoding, the blocks of
lines and their limits (chat/textio.py), the date order, the start of each hour (``_hour_start``)
and the localizing of an hour whose offset changes inside it, the names (``_name``), every record
that is not a usual message (``_record``: system lines, media, links, mentions, iOS placeholders),
the error or skip of an impossible date (``ctx.bad_record``), and any line whose stamp holds a
non-ASCII digit (the Python pattern says whether it is a header). The scanner does the rest: which
line is a header, its time, and the usual message.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqtool.chat.errors import ReadContext
from sqtool.chat.model import Message, Record
from sqtool.chat.readers.whatsapp import (
    _EPOCH,
    _GROUPS,
    _INTO_HOUR,
    _SYSTEM,
    DateOrder,
    _Clock,
    _hour_start,
    _name,
    _record,
    _scanners,
)
from sqtool.chat.source import CountingStream, Source
from sqtool.chat.textio import numbered_blocks
from sqtool.errors import SqtoolError


def native_batches(
    core: Any, source: Source, ctx: ReadContext, order: DateOrder, head: bytes
) -> Iterator[list[Record]]:
    """The records of each block of lines, as whatsapp._batches yields them (the last one's once the file has ended)."""
    scanner = make_scanner(core, ctx, order, head)
    with source.open() as raw:
        stream = CountingStream(raw, ctx.on_read)
        for start, block in numbered_blocks(stream, head, ctx.display, on_long_line=ctx.long_line):  # type: ignore[arg-type]
            batch: list[Record] = []
            try:
                scanner.block(start, block, batch)
            except SqtoolError:
                yield batch  # the records before a bad line come first, as in the Python reader
                raise
            yield batch
        last: list[Record] = []
        scanner.finish(last)
        yield last


def make_scanner(core: Any, ctx: ReadContext, order: DateOrder, head: bytes) -> Any:
    """A WhatsAppScanner of one file, calling back into the Python reader's own code (its clock, names, records)."""
    clock = _Clock(order, ctx)
    names: dict[Any, Any] = {_GROUPS: set()}
    line = _scanners(head)[0].match
    known_stamp, convert = clock.stamps.get, clock.convert

    def unsure(text: str) -> tuple[datetime | None, str] | None:
        """A line whose stamp holds a digit outside ASCII, read by the Python pattern: None when it is no header."""
        found = line("\n" + text)
        assert found is not None  # the pattern matches any line
        stamp, _bracket, rest, _other = found.groups()
        if not stamp:
            return None
        timestamp = known_stamp(stamp)
        if timestamp is None:
            timestamp = convert(stamp)
        return timestamp, rest

    def hour_start(d1: str, d2: str, d3: str, hour: str, ampm: str | None) -> datetime | None:
        return _hour_start(d1, d2, d3, hour, ampm, order, ctx)

    def record(number: int, timestamp: datetime, rest: str) -> Record | list[Record]:
        return _record(number, timestamp, rest, names)  # type: ignore[return-value]

    def bad_date(number: int, value: str) -> None:
        ctx.bad_record("chat.bad_date", line=number, value=value)

    return core.WhatsAppScanner(
        message_type=Message,
        system=_SYSTEM,
        names=names,
        name_of=_name,
        record=record,
        hour_start=hour_start,
        naive_at=clock._at,
        bad_date=bad_date,
        unsure=unsure,
        into_hour=_INTO_HOUR,
        **_IN_PLACE,
    )


def _in_place() -> dict[str, Any]:
    """What lets the scanner fill a usual Message in place (its fields' names, and one Message of the defaults),
    when Message is a slots dataclass whose __init__ only sets its fields; else nothing (it calls Message)."""
    fields = dataclasses.fields(Message)
    names = tuple(field.name for field in fields)
    plain = (
        "__post_init__" not in vars(Message)
        and names[:5] == ("id", "timestamp", "sender_id", "sender_name", "text")
        and all(field.default is not dataclasses.MISSING for field in fields[5:])
    )
    if not plain or not hasattr(Message, "__slots__"):
        return {}
    return {"fields": names, "template": Message("", _EPOCH, "", "", "")}


_IN_PLACE = _in_place()
