"""WhatsApp ``.txt`` exports (Android and iOS layouts, any date order, 12/24 h), also inside a zip."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqtool.chat.classify import at_mentions, text_kind
from sqtool.chat.errors import ReadContext
from sqtool.chat.model import Event, EventKind, Message, MessageKind, Record
from sqtool.chat.source import CountingStream, Source
from sqtool.chat.textio import numbered_lines
from sqtool.chat.timezones import local_hour_offset, localize

NAME = "whatsapp"

_MARKS = "\u200e\u200f\u202a\u202b\u202c\u2066\u2067\u2068\u2069\ufeff"
# Android: "12/9/20, 23:55 - Bob: hello"; iOS: "[15-01-20 02:22:56] Mary: hi"; both with AM/PM variants
HEADER = re.compile(
    rf"^[{_MARKS}\s]*(?P<bracket>\[)?"
    r"(?P<d1>\d{1,4})[./-]\s?(?P<d2>\d{1,2})[./-]\s?(?P<d3>\d{1,4}),?\s+"
    r"(?P<hour>\d{1,2})[.:](?P<minute>\d{2})(?:[.:](?P<second>\d{2}))?"
    r"(?:[\s_\u202f\u00a0]*(?P<ampm>[AaPp]\.?\s?[Mm]\.?))?"
    r"(?(bracket)\][\s\u00a0]*|\s[-–]\s)"
    r"(?P<rest>.*)$"
)

# case-sensitive alternatives: IGNORECASE makes this search, run on every message, several times slower
_E2E = re.compile(r"[Ee]nd-to-end encrypt|Ende-zu-Ende|de extremo a extremo|de ponta a ponta|端到端加密|bout en bout")
_JOIN_LINK = re.compile(
    r"^(?P<member>.+?) (?:joined using this (?:group|community)'s invite link|joined from the community"
    r"|entrou usando o link de convite.*|se unió usando el enlace de invitación.*|joined)$"
)
_ADDED = re.compile(r"^(?P<actor>.+?) added (?P<member>.+)$")
_REMOVED = re.compile(r"^(?P<actor>.+?) removed (?P<member>.+)$")
_LEFT = re.compile(r"^(?P<member>.+?) (?:left|saiu|salió del grupo)$")
_LIST = re.compile(r", | and ")
_RENAME = re.compile(r" changed (?:the subject|the group name|this group's name)")
_SYSTEM_HINTS = re.compile(
    r" created group | created this group|changed this group's icon|deleted this group's icon"
    r"|changed the group description|security code (?:with .+ )?changed|changed their phone number"
    r"|now an admin|changed (?:the subject|the group name|this group's)|changed the settings"
    r"|pinned a message|You're now an admin| turned (?:on|off) disappearing messages"
)
_MEDIA = re.compile(
    r"^(?:<media omitted>|(?:image|video|audio|document|contact card|gif) omitted|<attached: .+>"
    r"|.+ \(file attached\))$",
    re.IGNORECASE,
)
_STICKER = re.compile(r"^(?:sticker omitted|<sticker omitted>)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateOrder:
    """How the three date numbers of a header are ordered: day first, month first, or year first."""

    day_first: bool
    year_first: bool = False


DAY_FIRST, MONTH_FIRST, YEAR_FIRST = DateOrder(True), DateOrder(False), DateOrder(False, True)
FORCED = {"dmy": DAY_FIRST, "mdy": MONTH_FIRST, "ymd": YEAR_FIRST}


def read(source: Source, ctx: ReadContext) -> Iterator[Record]:
    order = FORCED[ctx.date_order] if ctx.date_order else detect_date_order(source, ctx)
    head = source.head()
    match_header = HEADER.match
    # chats post many lines in the same minute: each distinct header stamp is converted once
    stamps: dict[str, datetime | None] = {}
    hours: dict[tuple[str | None, ...], datetime | None] = {}  # see _timestamp
    with source.open() as raw:
        stream = CountingStream(raw, ctx.on_read)
        pending = False  # a header seen, its record not yet built
        first = 0  # its line number, time, header rest and continuation lines
        when = _EPOCH
        rest = ""
        more: list[str] = []
        for number, line in numbered_lines(stream, head, ctx.display):  # type: ignore[arg-type]
            match = match_header(line)
            if match is None:
                if pending:
                    more.append(line)
                continue  # lines before the first header (none in real exports) are ignored
            split = match.start("rest")
            stamp = line[:split]
            timestamp = stamps.get(stamp, _UNSET)
            if timestamp is _UNSET:
                if len(stamps) >= _STAMP_CACHE:
                    stamps.clear()
                timestamp = stamps[stamp] = _timestamp(match, order, ctx, hours)
            if timestamp is None:
                ctx.bad_record("chat.bad_date", line=number, value=line[:40])
                continue
            if pending:
                record = _record(first, when, "\n".join((rest, *more)) if more else rest)
                if type(record) is Message:  # the common case, without a generator
                    yield record
                else:
                    yield from record  # type: ignore[misc]
                if more:
                    more = []
            pending, first, when, rest = True, number, timestamp, line[split:]
        if pending:
            yield from _emit(first, when, "\n".join((rest, *more)) if more else rest)


_UNSET: Any = object()
_EPOCH = datetime(1970, 1, 1)
_STAMP_CACHE = 4096  # distinct stamps kept; a chat rarely goes back to an earlier minute


def detect_date_order(source: Source, ctx: ReadContext) -> DateOrder:
    """Day-first or month-first for the whole file (year-first headers are told by their 4-digit year).

    Any first number over 12 can only be a day, any second number over 12 likewise. Else both
    readings are followed in one pass and the one whose dates run backwards clearly less often wins:
    by at least two backward steps, since real exports hold single out-of-order lines (the true
    reading pays one step for each), while a wrong reading steps back at most month ends. Still
    undecided, it is day first (the order most of the world uses) with a warning when some date
    really is ambiguous (its two small numbers differ).
    """
    head = source.head()
    steps = [_Backward(), _Backward()]  # day first, month first
    example = ""
    with source.open() as raw:
        for _number, line in numbered_lines(raw, head, ctx.display):
            match = HEADER.match(line)
            if not match or len(match.group("d1")) == 4:
                continue
            first, second, year = int(match.group("d1")), int(match.group("d2")), int(match.group("d3"))
            if first > 12:
                return DAY_FIRST
            if second > 12:
                return MONTH_FIRST
            if not example and first != second:
                example = line[match.start("d1") : match.end("d3")]
            steps[0].add(year, second, first)
            steps[1].add(year, first, second)
    day, month = steps
    if abs(day.count - month.count) >= 2:
        return DAY_FIRST if day.count < month.count else MONTH_FIRST
    if day.count == month.count and day.count and 4 * min(day.days, month.days) <= max(day.days, month.days):
        return DAY_FIRST if day.days < month.days else MONTH_FIRST  # same count: far smaller steps win
    if example:
        ctx.warn("chat.ambiguous_dates_dmy", example=example)
    return DAY_FIRST


class _Backward:
    """Backward steps of one reading of the dates: how many, and how many days in all."""

    __slots__ = ("count", "days", "previous")

    def __init__(self) -> None:
        self.count = 0
        self.days = 0
        self.previous: int | None = None

    def add(self, year: int, month: int, day: int) -> None:
        try:
            ordinal = date(year + 2000 if year < 100 else year, month, day).toordinal()
        except ValueError:  # impossible under this reading (30 February): as bad as a step back
            self.count += 1
            return
        if self.previous is not None and ordinal < self.previous:
            self.count += 1
            self.days += self.previous - ordinal
        self.previous = ordinal


def _timestamp(
    match: re.Match[str], order: DateOrder, ctx: ReadContext, hours: dict[tuple[str | None, ...], datetime | None]
) -> datetime | None:
    """The header's time; ``hours`` keeps each wall-clock hour's start so a new minute costs one replace."""
    d1, d2, d3, hour_text, minute, second, ampm = match.group("d1", "d2", "d3", "hour", "minute", "second", "ampm")
    key = (d1, d2, d3, hour_text, ampm)
    start = hours.get(key, _UNSET)
    if start is _UNSET:
        if len(hours) >= _STAMP_CACHE:
            hours.clear()
        start = hours[key] = _hour_start(d1, d2, d3, hour_text, ampm, order, ctx)
    if start is None:
        return None
    try:
        when = start.replace(minute=int(minute), second=int(second or 0))
    except ValueError:
        return None
    if when.tzinfo is None:  # the zone's offset changes within this hour: localize each time
        return localize(when, ctx.tz)
    return when


def _hour_start(
    d1: str, d2: str, d3: str, hour_text: str, ampm: str | None, order: DateOrder, ctx: ReadContext
) -> datetime | None:
    """The start of the header's hour with the zone's fixed offset (naive when it changes within the hour)."""
    if len(d1) == 4 or order.year_first:
        year, month, day = int(d1), int(d2), int(d3)
    elif order.day_first:
        day, month, year = int(d1), int(d2), int(d3)
    else:
        month, day, year = int(d1), int(d2), int(d3)
    if year < 100:
        year += 2000
    hour = int(hour_text)
    if ampm:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if ampm[0] in "Pp" else 0)
    try:
        start = datetime(year, month, day, hour)
    except ValueError:
        return None
    fixed = local_hour_offset(ctx.tz, year, month, day, hour)
    return start if fixed is None else start.replace(tzinfo=fixed)


def _clean_name(name: str) -> str:
    # iOS writes "~ Name" (or "~\u00a0Name") for people not in the phone's contacts
    return name.strip(_MARKS + " ").removeprefix("~").strip(_MARKS + " \u00a0")


def _record(number: int, timestamp: datetime, rest: str) -> Message | list[Event]:
    rest = rest.rstrip("\n")
    # the author ends at the first ": " of the header line (continuation lines never hold it)
    line_end = rest.find("\n")
    split = rest.find(": ", 0, line_end) if line_end >= 0 else rest.find(": ")
    if split <= 0:
        return list(_system(str(number), timestamp, rest.strip(_MARKS)))
    author, text = rest[:split], rest[split + 2 :]
    # system lines have no author, but their own words can hold ": " ("Chat: Messages ... encrypted")
    # every _E2E alternative holds one of _E2E_PIECES: substring tests are far cheaper than the search
    e2e = ("nd" in text or "de " in text or "bout" in text or "端" in text) and _E2E.search(text)
    if e2e or _AUTHOR_SYSTEM.search(author):
        return list(_system(str(number), timestamp, rest.strip(_MARKS)))
    author = author.strip(_OUTER).removeprefix("~").strip(_INNER)  # as _clean_name, without the call
    bare = text.strip(_OUTER)
    if len(bare) < 200 and ("omitted" in bare or "attached" in bare or "OMITTED" in bare):
        if _STICKER.match(bare):
            kind = MessageKind.STICKER
        elif _MEDIA.match(bare):
            kind = MessageKind.MEDIA
        else:
            kind = text_kind(bare)
    elif "://" in bare or "www." in bare.lower():  # is_link's own first test: most texts skip the call
        kind = text_kind(bare)
    else:
        kind = MessageKind.TEXT
    mentions = at_mentions(text) if "@" in text else ()
    return Message(str(number), timestamp, author, author, text.lstrip(_MARKS), kind, None, mentions)


_E2E_PIECES = ("nd", "de ", "bout", "端")  # the tests check each _E2E alternative holds one
_OUTER = _MARKS + " "
_INNER = _MARKS + " \u00a0"
# one search for both ways an author field shows a system line
_AUTHOR_SYSTEM = re.compile(f"{_E2E.pattern}|{_SYSTEM_HINTS.pattern}")


def _emit(number: int, timestamp: datetime, rest: str) -> Iterator[Record]:
    record = _record(number, timestamp, rest)
    if isinstance(record, list):
        yield from record
    else:
        yield record


def _system(record_id: str, timestamp: datetime, text: str) -> Iterator[Event]:
    if _E2E.search(text):
        yield Event(record_id, timestamp, EventKind.SERVICE, text=text)
        return
    if _RENAME.search(text):
        yield Event(record_id, timestamp, EventKind.RENAME, text=text)
        return
    for pattern, kind in ((_ADDED, EventKind.JOIN), (_REMOVED, EventKind.REMOVAL)):
        found = pattern.match(text)
        if found and not _SYSTEM_HINTS.search(text):
            actor = _clean_name(found.group("actor"))
            members = [_clean_name(name) for name in _LIST.split(found.group("member")) if name.strip()]
            for index, member in enumerate(members):
                event_id = record_id if len(members) == 1 else f"{record_id}.{index}"
                yield Event(event_id, timestamp, kind, member, member, actor, actor, text)
            return
    for pattern, kind in ((_JOIN_LINK, EventKind.JOIN), (_LEFT, EventKind.LEAVE)):
        found = pattern.match(text)
        if found and not _SYSTEM_HINTS.search(text):
            member = _clean_name(found.group("member"))
            yield Event(record_id, timestamp, kind, member, member, text=text)
            return
    yield Event(record_id, timestamp, EventKind.SERVICE, text=text)
