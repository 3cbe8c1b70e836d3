"""read_exports: detect each export's format, decode it, and merge all into one ordered record stream."""

from __future__ import annotations

import atexit
import bisect
import contextlib
import heapq
import os
import sys
import tempfile
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from itertools import chain, islice, repeat
from pathlib import Path
from typing import BinaryIO

from sqtool._native import core as native_core
from sqtool.chat.detect import zip_source
from sqtool.chat.errors import ReadContext, ReadWarning
from sqtool.chat.model import (
    FIRST_YEAR,
    LAST_YEAR,
    RUN_FIRST_SECOND,
    RUN_LAST_SECOND,
    ListedMember,
    Message,
    MessageRun,
    Record,
)
from sqtool.chat.readers import FORMAT_NAMES, closest, detect, platform_of, reader_for, reader_module
from sqtool.chat.remote import is_url, open_url
from sqtool.chat.source import Source
from sqtool.chat.timezones import local_zone
from sqtool.errors import SqtoolError
from sqtool.fsutil import refuse_special
from sqtool.settings import active_limits, limit_error

__all__ = ["FORMAT_NAMES", "ChatRead", "ReadWarning", "read_exports"]

REORDER_WINDOW = 2048  # records a reader may be out of order by and still come out sorted

Progress = Callable[[int, int], None]


class ChatRead:
    """The records of one or more exports, in time order, merged and de-duplicated; iterate once.

    ``formats`` names each export's format as detected or forced ("unknown" for an empty file read
    without --format; an empty export is told by it giving no records). ``warnings`` lists
    ``ReadWarning`` records (catalogue key, file, arguments; ``text(tr)`` renders one); those about
    the contents, such as ambiguous WhatsApp dates, are complete once iteration ends.
    """

    def __init__(
        self,
        prepared: list[Prepared],
        contexts: list[ReadContext],
        zone: tzinfo,
        warnings: list[ReadWarning] | None = None,
    ) -> None:
        self.formats = [item.name for item in prepared]
        self.files = [item.source.display for item in prepared]
        self.duplicates = 0
        self.zone = zone  # the zone naive export times were read in (records carry fixed offsets)
        self._prepared = prepared
        self._contexts = contexts
        self._warnings = warnings or []
        self._used = False

    @property
    def warnings(self) -> list[ReadWarning]:
        """Warnings about the whole run first, then those of each export in order."""
        return [*self._warnings, *(warning for ctx in self._contexts for warning in ctx.warnings)]

    @property
    def group(self) -> str | None:
        """The group every export says it comes from (chat/group.py), None when one does not say or
        they differ."""
        from sqtool.chat.group import export_group

        groups = set()
        for item in self._prepared:
            try:
                head = b"" if item.empty or item.source.path.is_dir() else item.source.head()
            except (OSError, SqtoolError):
                return None
            groups.add(export_group(item.name, item.source, head))
        return groups.pop() if len(groups) == 1 else None

    @property
    def skipped(self) -> int:
        """Bad records skipped with lenient=True (final once iteration ends)."""
        return sum(ctx.skipped for ctx in self._contexts)

    def listed_members(self) -> list[ListedMember] | None:
        """The members the exports list themselves (ChatLab's ``members``), or None when none lists any:
        a roster that counts the members who never posted. Read from the files' heads, before the records."""
        listed: list[ListedMember] = []
        for item, ctx in zip(self._prepared, self._contexts, strict=True):
            reader = reader_module(item.name) if not item.empty and item.name in FORMAT_NAMES else None
            members = getattr(reader, "members", None)
            if members is not None:
                listed += members(item.source, ctx)
        return listed or None

    def __iter__(self) -> Iterator[Record]:
        if self._used:
            raise RuntimeError("a ChatRead can be iterated only once; call read_exports again")
        self._used = True
        return chain.from_iterable(map(_records_of, self._parts()))

    def parts(self) -> Iterator[Part]:
        """The records as iteration gives them, in parts: lists of records, and (from a native reader that
        makes them, one export at a time) MessageRuns, runs of usual messages as columns that stand for
        their ``messages()``. For the audit's pass (audit/fastpass.py); iterate once, as the ChatRead."""
        if self._used:
            raise RuntimeError("a ChatRead can be iterated only once; call read_exports again")
        self._used = True
        if len(self._contexts) == 1:  # several exports are merged record by record
            self._contexts[0].runs = True
        return self._parts()

    def _parts(self) -> Iterator[Part]:
        streams = [_ordered(_read_one(item, ctx)) for item, ctx in zip(self._prepared, self._contexts, strict=True)]
        if len(streams) == 1:
            yield from chain.from_iterable(self._one_chunks(streams[0]))
        elif streams:
            merged = self._merged([chain.from_iterable(map(_flat, stream)) for stream in streams])
            while chunk := list(islice(merged, _CHUNK)):
                yield chunk

    def _one(self, records: Iterator[Record]) -> Iterator[Record]:
        """``_one_chunks`` of plain records (tests/chat/test_read_chunks.py)."""
        return chain.from_iterable(map(_flat, self._one_chunks(_chunked(records, False))))

    def _one_chunks(self, chunks: Iterator[list[Part]]) -> Iterator[list[Part]]:
        """One export: a record is a duplicate only when an earlier one at the same time has the same
        content AND the same id. Chunks in which no id repeats pass through whole; only the records
        that continue the previous chunk's last instant, or a chunk where an id repeats, are compared
        (a chunk holding a MessageRun is taken as its records then)."""
        seen: dict[tuple[object, ...], list[tuple[int, str]]] = {}
        current: datetime | None = None  # the time of the records in `seen`
        for parts in chunks:
            if len(parts) > 1 or type(parts[0]) is MessageRun:
                if _first_time(parts[0]) != current and _ids_unique(parts):  # the usual chunk of a native reader
                    yield parts
                    current, tail = _last_instant(parts)
                    seen.clear()
                    for record in tail:
                        self._first_seen(seen, record, 0)
                    continue
                chunk = _flat(parts)
            else:
                chunk = parts[0]  # type: ignore[assignment]  # a list of records
            kept: list[Record] = []
            stamps = [record.timestamp for record in chunk]
            start = 0
            while start < len(chunk) and stamps[start] == current:  # the previous chunk's last instant goes on
                if self._first_seen(seen, chunk[start], 0):
                    kept.append(chunk[start])
                start += 1
            if start == len(chunk):
                if kept:
                    yield [kept]
                continue
            ids = [record.id for record in chunk[start:]]
            if len(set(ids)) < len(ids):  # an id repeats: the records one by one
                for record in chunk[start:]:
                    if record.timestamp != current:
                        current = record.timestamp
                        seen.clear()
                    if self._first_seen(seen, record, 0):
                        kept.append(record)
                if kept:
                    yield [kept]
                continue
            yield [kept + chunk[start:]] if start else [chunk]
            # the chunk's last instant may go on in the next chunk: its records are what to compare with
            current = stamps[-1]
            seen.clear()
            last = len(chunk) - 1
            while last > start and stamps[last - 1] == current:
                last -= 1
            for record in chunk[last:]:
                self._first_seen(seen, record, 0)

    def _merged(self, streams: list[Iterator[Record]]) -> Iterator[Record]:
        """Several exports merged in time order; the same record in two of them is kept once."""
        # zip with repeat tags each record with its export's index in C, without a generator step
        tagged = [zip(repeat(index), stream) for index, stream in enumerate(streams)]
        current: datetime | None = None
        seen: dict[tuple[object, ...], list[tuple[int, str]]] = {}
        for index, record in heapq.merge(*tagged, key=lambda pair: pair[1].timestamp):
            # only records with the same timestamp can be duplicates, so keep only that timestamp's keys
            if record.timestamp != current:
                current = record.timestamp
                seen.clear()
            if self._first_seen(seen, record, index):
                yield record

    def _first_seen(self, seen: dict[tuple[object, ...], list[tuple[int, str]]], record: Record, index: int) -> bool:
        """False (and one more duplicate counted) when ``record`` repeats one in ``seen``, the records
        at its time so far; else it joins them."""
        key = ("message", record.sender_id, record.text) if type(record) is Message else dedup_key(record)
        earlier = seen.get(key)
        if earlier is None:  # the common case: nothing alike at this instant
            seen[key] = [(index, record.id)]
            return True
        # the same content twice in one file is two messages unless it has the same id too
        if any(other != index or other_id == record.id for other, other_id in earlier):
            self.duplicates += 1
            return False
        earlier.append((index, record.id))
        return True


_CHUNK = 1024  # records taken from a reader at a time by ordered() and the de-duplication

# A part of the record stream: a list of records, or a MessageRun (usual messages as columns). The
# pipeline passes chunks, lists of parts holding at most _CHUNK records, from stage to stage.
Part = list[Record] | MessageRun


def _records_of(part: Part) -> list[Record]:
    return part.messages() if type(part) is MessageRun else part  # type: ignore[return-value]


def _flat(parts: list[Part]) -> list[Record]:
    """The records of a chunk, each MessageRun made into its Messages."""
    if len(parts) == 1:
        return _records_of(parts[0])
    return list(chain.from_iterable(map(_records_of, parts)))


def _size(parts: list[Part]) -> int:
    return sum(map(len, parts))


def _first_time(part: Part) -> datetime:
    return part.timestamp(0) if type(part) is MessageRun else part[0].timestamp  # type: ignore[index]


def _ids_unique(parts: list[Part]) -> bool:
    ids: list[str] = []
    for part in parts:
        ids += part.ids if type(part) is MessageRun else [record.id for record in part]  # type: ignore[union-attr]
    return len(set(ids)) == len(ids)


def _last_instant(parts: list[Part]) -> tuple[datetime, list[Record]]:
    """The time of a chunk's last record, and the chunk's records at that time, in order."""
    last = parts[-1]
    current = last.timestamp(len(last) - 1) if type(last) is MessageRun else last[-1].timestamp  # type: ignore[index]
    tail: list[Record] = []
    for part in reversed(parts):
        if type(part) is MessageRun:
            at = len(part)
            while at and part.timestamp(at - 1) == current:
                at -= 1
            tail[:0] = part.part(at, len(part)).messages()
            whole = at == 0
        else:
            at = len(part)
            while at and part[at - 1].timestamp == current:  # type: ignore[index]
                at -= 1
            tail[:0] = part[at:]  # type: ignore[index]
            whole = at == 0
        if not whole:
            break
    return current, tail


def _in_order(parts: list[Part], latest: datetime | None) -> bool:
    """Whether a chunk's records are in time order, all at or after ``latest``."""
    for part in parts:
        if type(part) is MessageRun:
            if part.seconds != sorted(part.seconds):
                return False
            first, last = part.timestamp(0), part.timestamp(len(part) - 1)
        else:
            stamps = [record.timestamp for record in part]  # type: ignore[union-attr]
            if stamps != sorted(stamps):
                return False
            first, last = stamps[0], stamps[-1]
        if latest is not None and first < latest:
            return False
        latest = last
    return True


def _chunked(records: Iterator[Record | MessageRun], runs: bool) -> Iterator[list[Part]]:
    """A reader's records in chunks of _CHUNK records, as the stages take them; with ``runs`` the reader
    may also yield MessageRuns, cut where a chunk ends (a chunk asks the reader for no record more
    than a chunk of Messages would)."""
    records = iter(records)
    if not runs:
        while chunk := list(islice(records, _CHUNK)):
            yield [chunk]  # type: ignore[list-item]  # only records without runs
        return
    parts: list[Part] = []
    loose: list[Record] = []
    room = _CHUNK
    for item in records:
        if type(item) is not MessageRun:
            loose.append(item)  # type: ignore[arg-type]
            room -= 1
            if not room:
                parts.append(loose)
                yield parts
                parts, loose, room = [], [], _CHUNK
            continue
        if loose:
            parts.append(loose)
            loose = []
        run: MessageRun = item
        while len(run) >= room:
            parts.append(run if len(run) == room else run.part(0, room))
            run = run.part(room, len(run))
            yield parts
            parts, room = [], _CHUNK
        if len(run):
            parts.append(run)
            room -= len(run)
    if loose:
        parts.append(loose)
    if parts:
        yield parts


def dedup_key(record: Record) -> tuple[object, ...]:
    """What makes two records the same one seen in two overlapping exports."""
    if isinstance(record, Message):
        return ("message", record.sender_id, record.text)
    return ("event", record.kind, record.member_id or record.member_name, record.text)


def ordered(records: Iterator[Record], window: int = REORDER_WINDOW) -> Iterator[Record]:
    """``_ordered`` of plain records."""
    return chain.from_iterable(map(_flat, _ordered(_chunked(records, False), window)))


def _ordered(chunks: Iterator[list[Part]], window: int = REORDER_WINDOW) -> Iterator[list[Part]]:
    """Sort a nearly sorted stream with a bounded buffer: disorder within ``window`` records is fixed.

    Records in order (the usual case) are appended; a late one is inserted at its place. Equal
    times keep their file order. A chunk already in order is appended whole (MessageRuns and all);
    any other is taken record by record, with the buffer made plain records first.
    """
    buffer: list[Part] = []  # in time order; `size` records
    size = 0
    latest: datetime | None = None  # the time of the last record appended: always the buffer's last
    for chunk in chunks:
        if _in_order(chunk, latest):
            buffer += chunk
            size += _size(chunk)
            last = chunk[-1]
            latest = last.timestamp(len(last) - 1) if type(last) is MessageRun else last[-1].timestamp  # type: ignore[index]
        else:
            plain = _flat(buffer) if buffer else []
            out: list[Record] = []
            for record in _flat(chunk):
                timestamp = record.timestamp
                if latest is None or latest <= timestamp:
                    plain.append(record)
                    latest = timestamp
                else:
                    plain.insert(bisect.bisect_right(plain, timestamp, key=_timestamp_of), record)
                if len(plain) > window:  # as one by one: a record later than the window is not reached
                    out.append(plain.pop(0))
            if out:
                yield [out]
            buffer, size = [plain] if plain else [], len(plain)
        if size > window:
            yield _take(buffer, size - window)
            size = window
    if buffer:
        yield buffer


def _take(buffer: list[Part], count: int) -> list[Part]:
    """The first ``count`` records of ``buffer``, taken out of it (a part cut in two where they end)."""
    taken: list[Part] = []
    while count:
        part = buffer[0]
        if len(part) <= count:
            taken.append(part)
            del buffer[0]
            count -= len(part)
        else:
            if type(part) is MessageRun:
                taken.append(part.part(0, count))
                buffer[0] = part.part(count, len(part))
            else:
                taken.append(part[:count])  # type: ignore[index]
                buffer[0] = part[count:]  # type: ignore[index]
            count = 0
    return taken


def _timestamp_of(record: Record) -> datetime:
    return record.timestamp


@dataclass(frozen=True, slots=True)
class Prepared:
    """One export ready to read: where its bytes are, its format, and what detection saw."""

    source: Source
    name: str  # the format it is read as ("unknown" for an empty file read without --format)
    size: int
    empty: bool = False  # nothing but blanks or byte-order marks: there is nothing to read
    forced: bool = False  # the format came from --format, not from detection
    detected: str | None = None  # what detection says the file is (also when forced)


def _read_one(item: Prepared, ctx: ReadContext) -> Iterator[list[Part]]:
    """The chunks of one export, past the year check and the record limit."""
    if item.empty:
        return
    # a reader that may yield MessageRuns does so only natively: the Python readers' records go in whole chunks
    runs = ctx.runs and getattr(reader_module(item.name), "RUNS", False) and native_core() is not None
    chunks = _chunked(reader_for(item.name)(item.source, ctx), runs)
    records = _counted(in_supported_years(chunks, ctx), item.source.display)
    if not item.forced or item.detected in (None, item.name):
        yield from records
        return
    # a forced format that detection disagrees with: nothing read means the user picked the wrong one
    found = False
    skipped = ctx.skipped
    try:
        for record in records:
            found = True
            yield record
    except SqtoolError as error:
        if found or error.key.startswith("chat.damaged_zip"):
            raise
        raise _wrong_format(item) from error
    if not found and ctx.skipped == skipped:
        raise _wrong_format(item)


def _counted(chunks: Iterator[list[Part]], display: str) -> Iterator[list[Part]]:
    """The chunks of one export, stopping with ``error[max-records]`` past the limit."""
    limit = active_limits().records
    if not limit:
        return chunks
    return _limited(chunks, limit, display)


def _limited(chunks: Iterator[list[Part]], limit: int, display: str) -> Iterator[list[Part]]:
    left = limit
    for chunk in chunks:  # never empty: a chunk past the limit means a record too many
        size = _size(chunk)
        if size <= left:
            left -= size
            yield chunk
            continue
        if left:
            yield [_flat(chunk)[:left]]
        raise limit_error("records", path=display)


def _in_years(part: Part) -> bool:
    if type(part) is MessageRun:
        return min(part.seconds) >= RUN_FIRST_SECOND and max(part.seconds) <= RUN_LAST_SECOND
    return all(FIRST_YEAR <= record.timestamp.year <= LAST_YEAR for record in part)  # type: ignore[union-attr]


def in_supported_years(chunks: Iterator[list[Part]], ctx: ReadContext) -> Iterator[list[Part]]:
    """The records dated within FIRST_YEAR..LAST_YEAR; one outside is a bad record (every format,
    so no reader has to know). Checked a chunk at a time: a chunk all in range passes whole (a
    MessageRun's seconds lie where every offset gives such a year)."""
    for chunk in chunks:
        if all(map(_in_years, chunk)):
            yield chunk
            continue
        kept: list[Record] = []
        for record in _flat(chunk):
            if FIRST_YEAR <= record.timestamp.year <= LAST_YEAR:
                kept.append(record)
                continue
            if kept:  # the records before a bad one are handed on first, as one by one
                yield [kept]
                kept = []
            ctx.bad_record(
                "chat.time_out_of_range",
                time=record.timestamp.isoformat(),
                id=record.id,
                first=FIRST_YEAR,
                last=LAST_YEAR,
            )
        if kept:
            yield [kept]


def _wrong_format(item: Prepared) -> SqtoolError:
    return SqtoolError(
        "chat.no_records_like",
        hint="chat.no_records_hint",
        path=item.source.archive_display,
        name=item.name,
        detected=item.detected,
    )


def read_exports(
    paths: Sequence[str | Path],
    *,
    format: str | None = None,
    tz: tzinfo | None = None,
    lenient: bool = False,
    progress: Progress | None = None,
    date_order: str | None = None,
    lang: str = "en",
) -> ChatRead:
    """Open, detect and prepare every export; the records are read lazily when the result is iterated.

    A path may be an export file, an unzipped Slack export folder, or "-" for stdin. ``date_order``
    ("dmy", "mdy", "ymd") forces how WhatsApp dates are read; ``lang`` is the language of the few
    names the readers make up (a deleted Telegram account). Raises SqtoolError for a missing file,
    an unknown --format or date order, or an export whose format cannot be told (it names the
    formats tried and suggests --format).
    """
    if format is not None and format not in FORMAT_NAMES:
        raise SqtoolError(
            "chat.unknown_format_name", hint="chat.format_names_hint", name=format, names=", ".join(FORMAT_NAMES)
        )
    if date_order is not None and date_order not in DATE_ORDERS:
        raise SqtoolError("chat.bad_date_order", hint="chat.bad_date_order_hint", name=date_order)
    zone = tz or local_zone()
    spool = _Spool()
    try:
        prepared = [_prepare(*spool.path_of(given), format) for given in paths]
    except BaseException:
        spool.remove()
        raise
    report = _progress_reporter(progress, sum(item.size for item in prepared))
    contexts = [
        ReadContext(
            display=item.source.display, tz=zone, lenient=lenient, on_read=report, date_order=date_order, lang=lang
        )
        for item in prepared
    ]
    chat = ChatRead(prepared, contexts, zone, _platform_warnings(prepared))
    # stdin was copied to a temporary file: closed (and removed, where it has a name) once the ChatRead is gone
    weakref.finalize(chat, spool.remove)
    return chat


DATE_ORDERS = ("dmy", "mdy", "ymd")
UNKNOWN = "unknown"  # the format of an empty export read without --format
STDIN = "-"


class _Spool:
    """Copies stdin, and an export named by a URL (chat/remote.py), to a temporary file (in blocks:
    memory stays bounded) so it reads like any export; the URL stays its name in every message.

    The copy stops with ``error[max-input-bytes]`` past the limit. Where the system names open files
    (/proc/self/fd on Linux), the file is deleted as soon as it is created and read through its open
    descriptor, so nothing is left behind on any exit, even ``kill -9``; elsewhere it is removed when
    the read is over, on an error, or at exit.
    """

    def __init__(self) -> None:
        self.paths: list[Path] = []
        self._handles: list[int] = []

    def path_of(self, given: str | Path) -> tuple[Path, str]:
        if is_url(given):
            with open_url(str(given)) as stream:
                return self._copy(stream, str(given)), str(given)
        if str(given) != STDIN:
            return Path(given), str(given)
        return self._copy(sys.stdin.buffer, "<stdin>"), "<stdin>"

    def _copy(self, stream: BinaryIO, display: str) -> Path:
        handle, name = tempfile.mkstemp(prefix="sqtool-stdin-" if display == "<stdin>" else "sqtool-url-")
        self._handles.append(handle)
        path = Path(name)
        held = Path(f"/proc/self/fd/{handle}")
        if held.exists():
            path.unlink()  # the open descriptor keeps the data; no name is left to clean up
            path = held
        else:
            self.paths.append(path)
            atexit.register(path.unlink, missing_ok=True)
        _copy(stream, handle, display)
        return path

    def remove(self) -> None:
        for path in self.paths:
            path.unlink(missing_ok=True)
        for handle in self._handles:
            with contextlib.suppress(OSError):
                os.close(handle)
        self._handles.clear()


def _copy(source: BinaryIO, handle: int, display: str) -> None:
    """``source`` into the open file ``handle``, a block at a time, up to ``--max-input-bytes``."""
    limit = active_limits().input_bytes
    copied = 0
    while block := source.read(1 << 20):
        copied += len(block)
        if limit and copied > limit:
            raise limit_error("input_bytes", path=display)
        view = memoryview(block)
        while view:
            view = view[os.write(handle, view) :]


def _platform_warnings(prepared: list[Prepared]) -> list[ReadWarning]:
    # the generic CSV/JSONL may come from anywhere (platform ""), so they never count as another platform
    platforms = {platform_of(item.name) for item in prepared if not item.empty} - {""}
    if len(platforms) < 2:
        return []
    return [ReadWarning("chat.mixed_platforms", "", (("names", ", ".join(sorted(platforms))),))]


def _prepare(path: Path, display: str, forced: str | None) -> Prepared:
    if not path.exists():
        raise SqtoolError("fs.not_found", hint="fs.not_found_hint", path=display)
    if not str(path).startswith("/proc/self/fd/"):  # stdin's copy is a regular file seen through a link
        refuse_special(path, display)
    if path.is_dir():
        return _prepare_folder(path, display, forced)
    is_zip = path.suffix.lower() == ".zip" or _has_zip_magic(path, display)
    source, zip_format = zip_source(path, display) if is_zip else (Source(path, display), None)
    if is_zip and forced is not None and forced not in ("slack", "whatsapp"):
        raise SqtoolError("chat.zip_not_format", hint="chat.zip_not_format_hint", path=display, name=forced)
    try:
        size = source.size()
        head = b"" if zip_format == "slack" else source.head()
    except OSError as error:
        raise SqtoolError("fs.cannot_read", path=display, reason=error.strerror or str(error)) from error
    empty = zip_format != "slack" and not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe")
    if is_zip and zip_format is None and source.member is None:
        detected = None  # a zip with no chat inside
    else:
        detected = zip_format or (None if empty else detect(source, head))
    if forced is not None:
        if forced == "slack" and source.member is not None:
            source = Source(path, display)
        prepared = Prepared(source, forced, size, empty, forced=True, detected=detected)
        if is_zip and forced == "whatsapp" and source.member is None:
            raise _wrong_format(prepared)  # no text file inside to read
        return prepared
    if empty:
        return Prepared(source, UNKNOWN, size, empty=True)
    if detected is None:
        near = closest(head)
        raise SqtoolError(
            "chat.unknown_format",
            hint="chat.unknown_format_near_hint" if near else "chat.unknown_format_hint",
            path=source.display,
            names=", ".join(FORMAT_NAMES),
            closest=near or "",
        )
    return Prepared(source, detected, size, detected=detected)


def _has_zip_magic(path: Path, display: str) -> bool:
    try:
        with open(path, "rb") as stream:
            return stream.read(4) == b"PK\x03\x04"
    except OSError as error:
        raise SqtoolError("fs.cannot_read", path=display, reason=error.strerror or str(error)) from error


def _prepare_folder(path: Path, display: str, forced: str | None) -> Prepared:
    """An unzipped Slack export reads like its zip; any other folder is an error that says what was expected."""
    from sqtool.chat.readers.slack import folder_size, is_slack_folder

    if forced not in (None, "slack") or not is_slack_folder(path):
        raise SqtoolError("chat.not_slack_folder", hint="chat.is_folder_hint", path=display)
    return Prepared(Source(path, display), "slack", folder_size(path), forced=forced is not None, detected="slack")


def _progress_reporter(progress: Progress | None, total: int) -> Callable[[int], None] | None:
    if progress is None:
        return None
    done = 0
    step = max(total // 200, 1 << 16)  # at most a few hundred updates
    last = 0

    def advance(count: int) -> None:
        nonlocal done, last
        done += count
        if done - last >= step or done >= total:
            last = done
            progress(min(done, total), total)

    return advance
