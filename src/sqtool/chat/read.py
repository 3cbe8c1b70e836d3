"""read_exports: detect each export's format, decode it, and merge all into one ordered record stream."""

from __future__ import annotations

import bisect
import heapq
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, tzinfo
from pathlib import Path

from sqtool.chat.detect import FORMAT_NAMES, detect, zip_source
from sqtool.chat.errors import ReadContext
from sqtool.chat.model import Message, Record
from sqtool.chat.readers import reader_for
from sqtool.chat.source import Source
from sqtool.chat.timezones import local_zone
from sqtool.errors import SqtoolError

__all__ = ["FORMAT_NAMES", "ChatRead", "read_exports"]

EMPTY = "empty"  # the format reported for an export with nothing in it
REORDER_WINDOW = 2048  # records a reader may be out of order by and still come out sorted

Progress = Callable[[int, int], None]


class ChatRead:
    """The records of one or more exports, in time order, merged and de-duplicated; iterate once."""

    def __init__(self, sources: list[Source], formats: list[str], contexts: list[ReadContext], zone: tzinfo) -> None:
        self.formats = formats
        self.files = [source.display for source in sources]
        self.duplicates = 0
        self.zone = zone  # the zone naive export times were read in (records carry fixed offsets)
        self._sources = sources
        self._contexts = contexts
        self._used = False

    @property
    def skipped(self) -> int:
        """Bad records skipped with lenient=True (final once iteration ends)."""
        return sum(ctx.skipped for ctx in self._contexts)

    def __iter__(self) -> Iterator[Record]:
        if self._used:
            raise RuntimeError("a ChatRead can be iterated only once; call read_exports again")
        self._used = True
        return self._records()

    def _records(self) -> Iterator[Record]:
        streams = [
            _tagged(index, ordered(_read_one(source, name, ctx)))
            for index, (source, name, ctx) in enumerate(zip(self._sources, self.formats, self._contexts, strict=True))
        ]
        if not streams:
            return
        merged = streams[0] if len(streams) == 1 else heapq.merge(*streams, key=lambda pair: pair[1].timestamp)
        current: datetime | None = None
        seen: dict[tuple[object, ...], list[tuple[int, str]]] = {}
        for index, record in merged:
            # only records with the same timestamp can be duplicates, so keep only that timestamp's keys
            if record.timestamp != current:
                current = record.timestamp
                seen.clear()
            key = dedup_key(record)
            earlier = seen.get(key)
            if earlier is None:  # the common case: nothing alike at this instant
                seen[key] = [(index, record.id)]
                yield record
                continue
            # the same content twice in one file is two messages unless it has the same id too
            if any(other != index or other_id == record.id for other, other_id in earlier):
                self.duplicates += 1
                continue
            earlier.append((index, record.id))
            yield record


def dedup_key(record: Record) -> tuple[object, ...]:
    """What makes two records the same one seen in two overlapping exports."""
    if isinstance(record, Message):
        return ("message", record.sender_id, record.text)
    return ("event", record.kind, record.member_id or record.member_name, record.text)


def _tagged(index: int, records: Iterator[Record]) -> Iterator[tuple[int, Record]]:
    for record in records:
        yield index, record


def ordered(records: Iterator[Record], window: int = REORDER_WINDOW) -> Iterator[Record]:
    """Sort a nearly sorted stream with a bounded buffer: disorder within ``window`` records is fixed.

    Records in order (the usual case) are appended; a late one is inserted at its place. Equal
    times keep their file order.
    """
    buffer: deque[Record] = deque()
    for record in records:
        if not buffer or buffer[-1].timestamp <= record.timestamp:
            buffer.append(record)
        else:
            position = bisect.bisect_right(buffer, record.timestamp, key=_timestamp_of)
            buffer.insert(position, record)
        if len(buffer) > window:
            yield buffer.popleft()
    yield from buffer


def _timestamp_of(record: Record) -> datetime:
    return record.timestamp


def _read_one(source: Source, name: str, ctx: ReadContext) -> Iterator[Record]:
    if name == EMPTY:
        return iter(())
    return reader_for(name)(source, ctx)


def read_exports(
    paths: Sequence[str | Path],
    *,
    format: str | None = None,
    tz: tzinfo | None = None,
    lenient: bool = False,
    progress: Progress | None = None,
) -> ChatRead:
    """Open, detect and prepare every export; the records are read lazily when the result is iterated.

    Raises SqtoolError for a missing file, an unknown --format, or an export whose format cannot be
    told (it names the formats tried and suggests --format).
    """
    if format is not None and format not in FORMAT_NAMES:
        raise SqtoolError(
            "chat.unknown_format_name", hint="chat.format_names_hint", name=format, names=", ".join(FORMAT_NAMES)
        )
    zone = tz or local_zone()
    sources: list[Source] = []
    formats: list[str] = []
    sizes: list[int] = []
    for given in paths:
        source, name, size = _prepare(Path(given), str(given), format)
        sources.append(source)
        formats.append(name)
        sizes.append(size)
    report = _progress_reporter(progress, sum(sizes))
    contexts = [ReadContext(display=source.display, tz=zone, lenient=lenient, on_read=report) for source in sources]
    return ChatRead(sources, formats, contexts, zone)


def _prepare(path: Path, display: str, forced: str | None) -> tuple[Source, str, int]:
    if not path.exists():
        raise SqtoolError("fs.not_found", hint="fs.not_found_hint", path=display)
    if path.is_dir():
        raise SqtoolError("chat.is_folder", hint="chat.is_folder_hint", path=display)
    source, zip_format = zip_source(path, display) if path.suffix.lower() == ".zip" else (Source(path, display), None)
    try:
        size = source.size()
        head = b"" if zip_format == "slack" else source.head()
    except OSError as error:
        raise SqtoolError("fs.cannot_read", path=display, reason=error.strerror or str(error)) from error
    if forced is not None:
        if forced == "slack" and source.member is not None:
            source = Source(path, display)
        return source, forced, size
    if zip_format is not None:
        return source, zip_format, size
    if not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        return source, EMPTY, size
    name = detect(source, head)
    if name is None:
        raise SqtoolError(
            "chat.unknown_format", hint="chat.unknown_format_hint", path=source.display, names=", ".join(FORMAT_NAMES)
        )
    return source, name, size


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
