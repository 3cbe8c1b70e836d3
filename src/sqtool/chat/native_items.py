"""A JSON export's top-level array of messages read by a native reader, behind JsonItems' contract.

The native readers (src/sqtool/_native/: telegram.cpp, discord.cpp, on the one splitter of
jsonitems.h) build the usual message themselves, exactly as the Python reader would, and hand every
other item back as its bytes, parsed here as chat/jsonstream.py's fast path parses them (orjson).
When a reader is not sure of something (bad JSON, an item that is not an object, a long integer, a
surrogate escape, a huge item, an item near one of the input limits, a cut file), it stops, and
jsonstream reads the file again from the start, skipping the items already handed out, so that
every error is the Python reader's own, with its line (or, with --lenient, its skipped record). The
header and what follows the array pass the JsonGuard of the Python reader; near a limit the Python
reader reads the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Iterator
from itertools import accumulate, chain, islice
from operator import length_hint
from typing import Any

import ijson
import orjson

from sqtool._native import core as native_core
from sqtool.chat.errors import ReadContext
from sqtool.chat.jsonguard import Guarded, JsonGuard
from sqtool.chat.jsonstream import _CHUNK, _MAX_ITEM, JsonItems, _beyond, _header_ok, _Joined, item_line, stream_items
from sqtool.chat.model import MessageRun
from sqtool.chat.source import Source
from sqtool.errors import SqtoolError
from sqtool.settings import active_limits

_EMPTY: Iterator[Any] = iter(())
_BOM = b"\xef\xbb\xbf"
_MORE, _END, _STOP = 0, 1, 2


def array_items(
    source: Source, key: str, ctx: ReadContext, native: Callable[[Any], Callable[..., Any]]
) -> JsonItems | NativeItems:
    """The items of the top-level array ``key``: read by the native core when it runs (``native(core)``
    binds the format's reader to its arguments), else by the Python reader alone (JsonItems)."""
    core = native_core()
    if core is None:
        return stream_items(source, key + ".item", ctx, on_read=ctx.on_read)
    return NativeItems(native(core), source, key, ctx, on_read=ctx.on_read)


class NativeItems:
    """The items of the top-level array ``key``: Message objects (MessageRuns when ``ctx.runs`` asks and the
    reader makes them) for the usual messages, dicts for the rest."""

    def __init__(
        self,
        reader: Callable[..., Any],
        source: Source,
        key: str,
        ctx: ReadContext,
        *,
        on_read: Callable[[int], None] | None = None,
    ) -> None:
        """``reader(max_item=, depth=, string_bytes=, int_digits=)`` makes the format's native reader
        (``_core.TelegramReader`` or ``_core.DiscordReader`` with the reader's own arguments bound)."""
        self._reader = reader
        self._source = source
        self._key = key
        self._prefix = key + ".item"
        self._ctx = ctx
        self._on_read = on_read
        self._handed = 0  # items of the array handed out (a MessageRun counts its messages)
        self._before = 0  # those handed before the current batch
        self._ends: list[int] | None = None  # where each item of the current batch ends, when it holds a run
        self._batch: Iterator[Any] = _EMPTY
        self._python: JsonItems | None = None  # the Python reading that took over, if any

    @property
    def count(self) -> int:
        """Items yielded so far (a MessageRun counts its messages)."""
        left = length_hint(self._batch)
        if self._ends is None:
            return self._handed - left
        taken = len(self._ends) - left
        return self._before + (self._ends[taken - 1] if taken else 0)

    def line(self) -> int | None:
        """The line where the latest item yielded starts (as JsonItems.line)."""
        if self._python is not None:
            return self._python.line()
        count = self.count
        return item_line(self._source, self._prefix, count - 1) if count else None

    def __iter__(self) -> Iterator[Any]:
        return chain.from_iterable(self._batches())

    def _hand(self, batch: list[Any]) -> Iterator[Any]:
        self._batch = values = iter(batch)
        self._before = self._handed
        if MessageRun in set(map(type, batch)):  # where each item ends, counted in items of the array
            self._ends = list(accumulate(len(item) if type(item) is MessageRun else 1 for item in batch))
            self._handed += self._ends[-1]
        else:
            self._ends = None
            self._handed += len(batch)
        return values

    def _batches(self) -> Generator[Iterator[Any], None, None]:
        reported = yield from self._native()
        if reported is None:
            return
        # the Python reader reads the whole file again and skips what was handed out: its errors are the ones said
        skip = self._handed
        self._python = python = stream_items(
            self._source, self._prefix, self._ctx, on_read=_beyond(self._on_read, reported)
        )
        yield islice(iter(python), skip, None)

    def _native(self) -> Generator[Iterator[Any], None, int | None]:
        """The batches the native reader makes; returns None when it read the whole array, else the bytes
        reported read so far (the Python reader reads on)."""
        on_read = self._on_read
        reported = 0
        display = self._source.display
        with self._source.open() as raw:
            buf = raw.read(_CHUNK)
            buf = buf[3:] if buf.startswith(_BOM) else buf
            reported += len(buf)
            if on_read is not None and buf:
                on_read(len(buf))
            opening = re.compile(rb'"' + re.escape(self._key.encode("utf-8")) + rb'"[ \t\r\n]*:[ \t\r\n]*\[')
            found = opening.search(buf)
            if found is None:
                return reported
            header = buf[: found.end()]
            # the limits: the header and what follows the array through the guard the Python reader uses,
            # the items by the native reader, which stops near one; at any of them the Python reader
            # reads the file and does what it does there (the error, or with --lenient a skipped record)
            guard = JsonGuard(display)
            try:
                guard.feed(header)
            except SqtoolError:
                return reported
            if not _header_ok(header, self._prefix, self._key):
                return reported
            limits = active_limits()
            reader = self._reader(
                max_item=_MAX_ITEM, depth=limits.depth, string_bytes=limits.string_bytes, int_digits=limits.int_digits
            )
            chunk = buf[found.end() :]
            while True:
                made, status, rest = reader.feed(chunk)
                if made:
                    items = _as_python(made)
                    yield self._hand(items)
                    if len(items) < len(made):
                        return reported
                if status == _END:
                    break
                if status == _STOP:
                    return reported
                chunk = raw.read(_CHUNK)
                if not chunk:  # the file ends inside the array
                    return reported
                reported += len(chunk)
                if on_read is not None:
                    on_read(len(chunk))
            # after the array: the rest of the document, checked by the guard and by ijson as the Python reader does
            # the lines before the array's end: the header's, and those the reader counted in the array
            guard.newlines = header.count(b"\n") + reader.newlines()
            tail = Guarded(raw, display)
            tail.guard = guard
            joined = _Joined(header + rest, tail, on_read)
            try:
                guard.feed(rest)
                for _ in ijson.items(joined, self._prefix, use_float=True):
                    return reported + joined.reported  # a second array of the same name: the Python reader's case
            except (ijson.JSONError, ValueError, SqtoolError):
                return reported + joined.reported
            return None


def _as_python(made: list[Any]) -> list[Any]:
    """The native reader's items with each item it left to Python parsed; stops before one orjson refuses."""
    items: list[Any] = []
    for item in made:
        if type(item) is bytes:
            try:
                item = orjson.loads(item)
            except orjson.JSONDecodeError:
                break
        items.append(item)
    return items
