"""WhatsApp ``.txt`` exports (Android and iOS layouts, any date order, 12/24 h), also inside a zip."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import chain, groupby
from typing import Any

from sqtool._native import core as native_core
from sqtool.chat.classify import at_mentions, text_kind
from sqtool.chat.errors import ReadContext
from sqtool.chat.model import Event, EventKind, Message, MessageKind, Record
from sqtool.chat.phrases.compiled import Found, Phrases
from sqtool.chat.phrases.whatsapp import TABLES
from sqtool.chat.sniff import Head
from sqtool.chat.source import CountingStream, Source
from sqtool.chat.textio import decode_head, numbered_blocks
from sqtool.chat.timezones import local_hour_offset, localize
from sqtool.errors import SqtoolError

NAME = "whatsapp"
# a header as the first line: below a QQ header anywhere in the first lines, above a WeChat TXT first line
# (a "yyyy-mm-dd hh:mm:ss - name: text" line is both a WhatsApp and a WeChat TXT header)
CONFIDENCE = 0.7
# patterns of the format's look, for naming the closest format when no reader claims a file
HINTS = (r"^\W{0,3}\[?\d{1,4}[./-]\d{1,2}[./-]\d{1,4},? +\d{1,2}[.:]\d{2}", r"end-to-end", r"omitted>?$")

_MARKS = "\u200e\u200f\u202a\u202b\u202c\u2066\u2067\u2068\u2069\ufeff"
# what \s matches, but "\n": in a block of lines a header must not run on into the next line
_BLANKS = "\t\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_ALL_FIELDS = frozenset(("date", "d1", "d2", "d3", "hour", "minute", "second", "ampm"))


def _field(name: str, pattern: str, fields: frozenset[str]) -> str:
    return f"(?P<{name}>{pattern})" if name in fields else pattern


def _date(blank: str, fields: frozenset[str]) -> str:
    """The pattern of a header's date; ``fields`` names the groups to capture."""
    return (
        _field("d1", r"\d{1,4}", fields)
        + rf"[./-][{blank}]?"
        + _field("d2", r"\d{1,2}", fields)
        + rf"[./-][{blank}]?"
        + _field("d3", r"\d{1,4}", fields)
    )


def _stamp(blank: str, fields: frozenset[str]) -> str:
    """The pattern of a header's stamp (date, time, separator); ``fields`` names the groups to capture."""
    return (
        rf"[{_MARKS}{blank}]*(?P<bracket>\[)?"
        + _field("date", _date(blank, fields), fields)
        + rf",?[{blank}]+"
        + _field("hour", r"\d{1,2}", fields)
        + "[.:]"
        + _field("minute", r"\d{2}", fields)
        + r"(?:[.:]"
        + _field("second", r"\d{2}", fields)
        + ")?"
        + rf"(?:[{blank}_\u202f\u00a0]*"
        + _field("ampm", rf"[AaPp]\.?[{blank}]?[Mm]\.?", fields)
        + ")?"
        + rf"(?(bracket)\][{blank}\u00a0]*|[{blank}][-–][{blank}])"
    )


# Android: "12/9/20, 23:55 - Bob: hello"; iOS: "[15-01-20 02:22:56] Mary: hi"; both with AM/PM variants
HEADER = re.compile("^" + _stamp(r"\s", _ALL_FIELDS) + r"(?P<rest>.*)$")
# a header's date alone: the date texts the block scan finds are split into their numbers with it
_DAY = re.compile(_date(r"\s", frozenset(("d1", "d2", "d3"))))


def sniff(head: Head) -> float:
    """An Android or iOS message header as the head's first line."""
    return CONFIDENCE if head.lines and HEADER.match(head.lines[0]) else 0.0


def _scanners(head: bytes) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns that scan this file's blocks of lines (textio.numbered_blocks: each line after a "\n").

    One findall of the first gives each line as (stamp, bracket, rest, "") for a header and
    ("", "", "", line) for any other; the second gives each header's date text as (usual, bracket, date),
    from the usual layout's group or from the general one. Each tries first the stamp layout
    of the file's first header, far cheaper to match than the general pattern, which takes the rest.
    """
    first = next((match for line in decode_head(head).splitlines() if (match := HEADER.match(line))), None)
    plain, dates = _usual(first) if first else _NEVER
    general, general_dates = _stamp(_BLANKS, frozenset()), _stamp(_BLANKS, frozenset(("date",)))
    return re.compile(rf"\n(?:({plain}|{general})(.*)|(.*))"), re.compile(rf"\n(?:{dates}|{general_dates})")


# no header in the file's head: usual layout patterns that never match, with the same groups
_NEVER = ("(?!)", "(?!)(?P<u>)")


def _usual(match: re.Match[str]) -> tuple[str, str]:
    """Patterns of stamps written like the one ``match`` found, without and with date groups.

    Each piece is one case of the general pattern's piece (the same separators, numbers of the same
    size), so a stamp this matches is a header, parsed the same way with the same end.
    """
    line = match.string

    def number(name: str) -> str:
        size = len(match.group(name))
        return r"\d{2}" if name in ("minute", "second") else r"\d{1,2}" if size <= 2 else rf"\d{{{size}}}"

    def between(start: str, end: str) -> str:
        return re.escape(line[match.end(start) : match.start(end)])

    day = (number("d1"), between("d1", "d2"), number("d2"), between("d2", "d3"), number("d3"))
    clock = between("d3", "hour") + number("hour") + between("hour", "minute") + number("minute")
    last = "minute"
    if match.group("second"):
        clock += between("minute", "second") + number("second")
        last = "second"
    ampm = match.group("ampm")
    if ampm:
        clock += between(last, "ampm") + "[AaPp]" + re.escape(ampm[1:])
        last = "ampm"
    if match.group("bracket"):
        before, after = r"\[", rf"\][{_BLANKS}\u00a0]*"
    else:
        before, after = "", between(last, "rest")
    plain = before + "".join(day) + clock + after
    dates = f"{before}(?P<u>{''.join(day)}){clock}{after}"
    return plain, dates


# case-sensitive alternatives: IGNORECASE makes this search, run on every message, several times slower
_E2E = re.compile(r"[Ee]nd-to-end encrypt|Ende-zu-Ende|de extremo a extremo|de ponta a ponta|端到端加密|bout en bout")
# the system lines of every language the tables cover (chat/phrases/whatsapp.py)
PHRASES = Phrases(TABLES)
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
    # the records come a block's worth at a time: chain hands them out without a generator step each
    return chain.from_iterable(_batches(source, ctx))


def _batches(source: Source, ctx: ReadContext) -> Iterator[list[Record]]:
    """The records of each block of lines, in file order (the last one's once the file has ended)."""
    order = FORCED[ctx.date_order] if ctx.date_order else detect_date_order(source, ctx)
    head = source.head()
    core = native_core()
    if core is not None:  # the native line scanner (sqtool._native): the same records, errors and skips
        from sqtool.chat.native_lines import native_batches

        yield from native_batches(core, source, ctx, order, head)
        return
    clock = _Clock(order, ctx)
    lines = _scanners(head)[0].findall
    # author field -> sender name, or _SYSTEM for a system line's own words; _GROUPS -> the group's names
    names: dict[Any, Any] = {_GROUPS: set()}
    # local names for what the loop below, run once per line, looks up
    known_stamp, known_name, convert = clock.stamps.get, names.get, clock.convert
    message, system, text_kind, marks, www = Message, _SYSTEM, _TEXT, _MARKS, _WWW
    with source.open() as raw:
        stream = CountingStream(raw, ctx.on_read)
        first = 0  # the line number of a header whose record is not built yet (0: none)
        when = _EPOCH  # its time, the rest of its line and its continuation lines
        rest = ""
        more: list[str] = []
        for start, block in numbered_blocks(stream, head, ctx.display, on_long_line=ctx.long_line):  # type: ignore[arg-type]
            batch: list[Record] = []
            add = batch.append
            # most blocks hold none of these (the pending header's rest is from the block before)
            rare = _rare_piece(block) or (first and _rare_piece(rest))
            number = start - 1
            try:
                for stamp, _bracket, line_rest, other in lines(block):
                    number += 1
                    if not stamp:  # not a header: a continuation line (any before the first header is ignored)
                        if first:
                            more.append(other)
                        continue
                    timestamp = known_stamp(stamp)
                    if timestamp is None:
                        timestamp = convert(stamp)
                        if timestamp is None:
                            ctx.bad_record("chat.bad_date", line=number, value=(stamp + line_rest)[:40])
                            continue
                    if first:
                        if more:
                            record = _record(first, when, "\n".join((rest, *more)), names)
                            more = []
                        else:
                            # the usual message (one line, a known author, nothing to look into) is built here
                            author, colon, text = rest.partition(": ")
                            name = known_name(author) if colon and author else system
                            if name is None:
                                name = names[author] = _name(author)
                            # what _message looks for, as C-speed substring tests (one regex search for all
                            # of them is several times slower); most texts hold none of it
                            if (
                                name is not system
                                and "@" not in text
                                and "://" not in text
                                and "-" not in text  # with _rare_piece, _e2e_piece
                                and not (("w." in text or "W." in text) and www(text))
                                and not (rare and _rare_piece(text))
                            ):
                                add(message(str(first), when, name, name, text.lstrip(marks), text_kind, None, ()))
                                first, when, rest = number, timestamp, line_rest
                                continue
                            record = _message(first, when, name, text, rest, names)
                        if type(record) is Message:
                            add(record)
                        else:
                            batch.extend(record)  # type: ignore[arg-type]
                    first, when, rest = number, timestamp, line_rest
            except SqtoolError:
                yield batch  # the records before a bad line come first, as they always did
                raise
            yield batch
        if first:
            yield list(_emit(first, when, "\n".join((rest, *more)) if more else rest, names))


def _e2e_piece(text: str) -> bool:
    """True when ``text`` holds a piece of some _E2E wording: without one the _E2E search is skipped."""
    # a chain of substring tests: any() over a tuple of pieces costs a generator step for each
    return "-" in text or _rare_e2e_piece(text)


def _rare_e2e_piece(text: str) -> bool:
    return "extremo" in text or "ponta" in text or "端" in text or "bout" in text


def _rare_piece(text: str) -> bool:
    """_e2e_piece's rarer pieces, a word that can make a message media, or the U+200E that starts an iOS
    system line or placeholder: in most blocks none occurs."""
    return "omitted" in text or "attached" in text or "OMITTED" in text or "\u200e" in text or _rare_e2e_piece(text)


_UNSET: Any = object()
_SYSTEM: Any = object()  # the author field of a system line
_GROUPS: Any = object()  # the key, in a file's names, of the authors that are the group's own name (iOS)
_EPOCH = datetime(1970, 1, 1)
_STAMP_CACHE = 4096  # distinct stamps kept; a chat rarely goes back to an earlier minute
_TEXT = MessageKind.TEXT


class _Clock:
    """Header stamps to times: each distinct stamp converted once, each wall-clock hour parsed once."""

    __slots__ = ("ctx", "hours", "order", "quick", "seconds", "stamps", "tail")

    def __init__(self, order: DateOrder, ctx: ReadContext) -> None:
        self.order = order
        self.ctx = ctx
        # chats post many lines in the same minute; None marks a stamp whose date is impossible
        self.stamps: dict[str, datetime | None] = {}
        self.hours: dict[tuple[str | None, ...], datetime | None] = {}  # the start of each hour met
        # A file writes every stamp alike ("12/9/20, 23:55 - "), so its clock digits sit at the same
        # distance from the stamp's end: ``tail`` characters follow them (-1 until a stamp showed it),
        # after the minute or, with ``seconds``, after "mm:ss". ``quick`` maps a stamp without those
        # digits to its hour's start, so a new minute costs a few slices instead of a HEADER match.
        self.tail = -1
        self.seconds = False
        self.quick: dict[str, datetime] = {}

    def convert(self, stamp: str) -> datetime | None:
        """The time of a stamp not in ``stamps`` yet (None for an impossible date, also remembered)."""
        stamps = self.stamps
        if stamp in stamps:
            return None
        if len(stamps) >= _STAMP_CACHE:
            stamps.clear()
        end = len(stamp) - self.tail
        if self.tail >= 0 and end > 5:
            if self.seconds:
                key = stamp[: end - 5] + stamp[end - 3] + stamp[end:]
                minute, second = _MINUTES.get(stamp[end - 5 : end - 3]), _SECONDS.get(stamp[end - 2 : end])
                into = minute + second if minute is not None and second is not None else None
            else:
                key = stamp[: end - 2] + stamp[end:]
                into = _MINUTES.get(stamp[end - 2 : end])
            start = self.quick.get(key)
            # a stamp that differs from a parsed one only by two-digit clock numbers parses the same way
            if start is not None and into is not None:
                stamps[stamp] = when = self._at(start, into)
                return when
        parsed = stamps[stamp] = self._parse(stamp)
        return parsed

    def _parse(self, stamp: str) -> datetime | None:
        match = HEADER.match(stamp)  # the stamp alone is a header with an empty rest
        assert match is not None  # the block pattern found it with the same pattern
        _bracket, _date, d1, d2, d3, hour, minute, second, ampm, _rest = match.groups()
        key = (d1, d2, d3, hour, ampm)
        hours = self.hours
        start = hours.get(key, _UNSET)
        if start is _UNSET:
            if len(hours) >= _STAMP_CACHE:
                hours.clear()
            start = hours[key] = _hour_start(d1, d2, d3, hour, ampm, self.order, self.ctx)
        if start is None:
            return None
        end = match.end("second" if second else "minute")
        if self.tail < 0:
            self.tail, self.seconds = len(stamp) - end, bool(second)
        if len(stamp) - end == self.tail and bool(second) == self.seconds:
            if len(self.quick) >= _STAMP_CACHE:
                self.quick.clear()
            if second:
                self.quick[stamp[: end - 5] + stamp[end - 3] + stamp[end:]] = start
            else:
                self.quick[stamp[: end - 2] + stamp[end:]] = start
        minutes, seconds = int(minute), int(second or 0)
        if minutes > 59 or seconds > 59:  # what replace(minute=, second=) refuses
            return None
        return self._at(start, minutes * 60 + seconds)

    def _at(self, start: datetime, into: int) -> datetime:
        """``into`` seconds after ``start``, as replace(minute=, second=) would give: the start is on the hour."""
        when = start + _INTO_HOUR[into]
        if when.tzinfo is None:  # the zone's offset changes within this hour: localize each time
            return localize(when, self.ctx.tz)
        return when


_INTO_HOUR = [timedelta(seconds=seconds) for seconds in range(3600)]
# a valid minute or second in ASCII digits, as seconds into the hour (others take the parsing way)
_SECONDS = {f"{number:02d}": number for number in range(60)}
_MINUTES = {text: number * 60 for text, number in _SECONDS.items()}


def _name(author: str) -> Any:
    """The sender's name from a header's author field; _SYSTEM when the field is a system line's own words."""
    # system lines have no author, but their own words can hold ": " ("Chat: Messages ... encrypted")
    if _AUTHOR_SYSTEM.search(author):
        return _SYSTEM
    return _clean_name(author)


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
    runs_of = _date_runs(head)
    steps = [_Backward(), _Backward()]  # day first, month first
    example = ""
    with source.open() as raw:
        for _number, block in numbered_blocks(raw, head, ctx.display, on_long_line=ctx.long_line_again):
            runs = runs_of(block)
            # the first header of each date, in file order, is all the deciding tests need (a date met
            # again decides nothing new)
            for text, d1, d2, _d3, _times in runs:
                if len(d1) == 4:
                    continue
                first, second = int(d1), int(d2)
                if first > 12:
                    return DAY_FIRST
                if second > 12:
                    return MONTH_FIRST
                if not example and first != second:
                    example = text
            # undecided so far: follow both readings through every header (a run of one date counts once)
            for _text, d1, d2, d3, times in runs:
                if len(d1) == 4:
                    continue
                first, second, year = int(d1), int(d2), int(d3)
                steps[0].add(year, second, first, times)
                steps[1].add(year, first, second, times)
    day, month = steps
    if abs(day.count - month.count) >= 2:
        return DAY_FIRST if day.count < month.count else MONTH_FIRST
    if day.count == month.count and day.count and 4 * min(day.days, month.days) <= max(day.days, month.days):
        return DAY_FIRST if day.days < month.days else MONTH_FIRST  # same count: far smaller steps win
    if example:
        ctx.warn("chat.ambiguous_dates_dmy", example=example)
    return DAY_FIRST


def _date_runs(head: bytes) -> Callable[[str], list[tuple[str, str, str, str, int]]]:
    """The runs of header dates in a block of lines: (date text, d1, d2, d3, headers in the run).

    Found by the native scanner where it runs (whatsapp.cpp; a header whose stamp holds a digit
    outside ASCII is read by the pattern here), else by the pattern alone. How a run of one date is
    cut does not change detect_date_order's outcome: a date equal to the one before is no step back.
    """
    dates = _scanners(head)[1]
    core = native_core()
    if core is None:
        return lambda block: [(*_date_fields(entry), len(list(run))) for entry, run in groupby(dates.findall(block))]  # type: ignore[misc]
    match = dates.match

    def unsure(line: str) -> tuple[str, ...] | None:
        found = match("\n" + line)
        return None if found is None else _date_fields(found.groups())  # type: ignore[arg-type]

    return lambda block: core.whatsapp_dates(block, unsure)


def _date_fields(entry: tuple[str, str, str]) -> tuple[str, ...]:
    """(date text, d1, d2, d3) of a header found by the date scanner, from whichever layout matched it."""
    text = entry[0] or entry[2]
    day = _DAY.fullmatch(text)
    assert day is not None  # the scanner matched it with the same pattern
    return (text, *day.groups())


class _Backward:
    """Backward steps of one reading of the dates: how many, and how many days in all."""

    __slots__ = ("count", "days", "previous")

    def __init__(self) -> None:
        self.count = 0
        self.days = 0
        self.previous: int | None = None

    def add(self, year: int, month: int, day: int, times: int = 1) -> None:
        """``times`` headers in a row with this date: only the first can step back, unless it is impossible."""
        try:
            ordinal = date(year + 2000 if year < 100 else year, month, day).toordinal()
        except ValueError:  # impossible under this reading (30 February): as bad as a step back, each time
            self.count += times
            return
        if self.previous is not None and ordinal < self.previous:
            self.count += 1
            self.days += self.previous - ordinal
        self.previous = ordinal


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
    """A name as members are compared: iOS's "~" + U+202F (or a space) before non-contacts dropped, the
    U+202A/U+202C/U+200E/U+00A0 wrappers around phone numbers stripped, NFC (é typed two ways is one é)."""
    name = name.strip(_OUTER).removeprefix("~").strip(_INNER)
    if _PHONE.fullmatch(name):
        name = _PHONE_BLANKS.sub(" ", name)  # "+49\u00a0170\u00a01234567" as "+49 170 1234567"
    return name if name.isascii() else unicodedata.normalize("NFC", name)


_PHONE = re.compile(r"\+[\d\s\u00a0\u202f\u2011()-]+")
_PHONE_BLANKS = re.compile(r"[\s\u00a0\u202f]+")


def _record(number: int, timestamp: datetime, rest: str, names: dict[Any, Any]) -> Message | list[Event]:
    rest = rest.rstrip("\n")
    # the author ends at the first ": " of the header line (continuation lines never hold it)
    line_end = rest.find("\n")
    split = rest.find(": ", 0, line_end) if line_end >= 0 else rest.find(": ")
    if split <= 0:
        return list(_system(str(number), timestamp, rest.strip(_MARKS)))
    author = rest[:split]
    name = names.get(author)
    if name is None:
        name = names[author] = _name(author)
    return _message(number, timestamp, name, rest[split + 2 :], rest, names)


def _message(
    number: int, timestamp: datetime, name: Any, text: str, rest: str, names: dict[Any, Any]
) -> Message | list[Event]:
    """The record of a header whose author field gave ``name``: ``text`` follows the author, ``rest`` is all."""
    if name is _SYSTEM:
        return list(_system(str(number), timestamp, rest.strip(_MARKS)))
    if _e2e_piece(text) and _E2E.search(text):
        names[_GROUPS].add(name)  # iOS writes the encryption notice under the group's name
        return list(_system(str(number), timestamp, rest.strip(_MARKS)))
    bare = text.strip(_OUTER)
    if text.startswith("\u200e"):
        placeholder = PHRASES.placeholder(bare.split("\n", 1)[0])
        if placeholder in _PLACEHOLDER_KINDS:
            kind = _PLACEHOLDER_KINDS[placeholder]
            return Message(str(number), timestamp, name, name, text.lstrip(_MARKS), kind, None, ())
        if placeholder is None:
            events = _ios_system(number, timestamp, name, bare, names[_GROUPS])
            if events is not None:
                return events
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
    return Message(str(number), timestamp, name, name, text.lstrip(_MARKS), kind, None, mentions)


_PLACEHOLDER_KINDS = {"media": MessageKind.MEDIA, "sticker": MessageKind.STICKER}
_WWW = re.compile(r"[Ww]{3}\.").search  # what "www." in text.lower() finds: only W and w lower to w
_OUTER = _MARKS + " "
_INNER = _MARKS + " \u00a0\u202f"
# one search for the ways an author field shows a system line: the encryption notice, an English notice, or
# (any listed language) a subject change whose quoted new name holds ": " ('Ana hat den Betreff ... „A: B" ...')
_RENAMED = "|".join(re.escape(hint) for table in TABLES for hint in table.rename_hints)
_AUTHOR_SYSTEM = re.compile(f"{_E2E.pattern}|{_SYSTEM_HINTS.pattern}|(?:{_RENAMED}).*[\"“„«「']")


def _emit(number: int, timestamp: datetime, rest: str, names: dict[Any, Any]) -> Iterator[Record]:
    record = _record(number, timestamp, rest, names)
    if isinstance(record, list):
        yield from record
    else:
        yield record


def _ios_system(number: int, timestamp: datetime, name: str, body: str, groups: set[str]) -> list[Event] | None:
    """The events of an iOS line ``name: U+200E body`` (not a placeholder), or None when it is a member's message.

    A line the phrase tables know is a system line under any name (the group's, or a member's own);
    any other line is a system line only under the group's name, the author of the encryption notice
    or of a system line that does not name them.
    """
    record_id = str(number)
    found = PHRASES.classify(body)
    if found is not None:
        if name not in body:
            groups.add(name)
        return list(_events(record_id, timestamp, found, body))
    if name in groups:
        return [Event(record_id, timestamp, EventKind.OTHER, text=body)]
    return None


def _system(record_id: str, timestamp: datetime, text: str) -> Iterator[Event]:
    """The events of a line with no author (Android) or of the group's own words: unknown ones are ``other``."""
    if _E2E.search(text):
        yield Event(record_id, timestamp, EventKind.SERVICE, text=text)
        return
    found = PHRASES.classify(text)
    if found is None:
        yield Event(record_id, timestamp, EventKind.OTHER, text=text)
        return
    yield from _events(record_id, timestamp, found, text)


def _events(record_id: str, timestamp: datetime, found: Found, text: str) -> Iterator[Event]:
    """One event per member a system line names (one event when it names none)."""
    if not found.members:
        yield Event(record_id, timestamp, found.kind, text=text)
        return
    actor = _clean_name(found.actor) if found.actor else None
    members = [_clean_name(member) for member in found.members]
    for index, member in enumerate(members):
        event_id = record_id if len(members) == 1 else f"{record_id}.{index}"
        yield Event(event_id, timestamp, found.kind, member, member, actor, actor, text)


system_events = _events  # the events of a phrase-table match, also for ChatLab files' system messages
