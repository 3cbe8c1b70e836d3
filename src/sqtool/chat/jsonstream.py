"""Streaming JSON with errors placed on a line: orjson over runs of items where that is exact, ijson otherwise."""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Callable, Generator, Iterable, Iterator
from itertools import chain, islice
from operator import length_hint
from typing import Any

import ijson
import orjson

from sqtool.chat.errors import ReadContext
from sqtool.chat.jsonguard import Guarded
from sqtool.chat.jsonskip import SkippingSource, unless_lenient
from sqtool.chat.source import CountingStream, ReadStream, Source
from sqtool.errors import SqtoolError

_BUFFER = 65536
_CHUNK = 1 << 18  # bytes read at a time by the batch path: a batch holds the items of about one chunk
_MAX_ITEM = 8 * _CHUNK  # an item bigger than this is left to ijson (memory stays bounded)
_RUN = 64  # values ijson reads are handed out this many at a time
_PROBES = 16  # guessed batch ends tried before the rest of the file is left to ijson
# JSON's whitespace; yajl also takes \f and \v, which orjson refuses, so runs holding them go to ijson
_BLANK = frozenset(b" \t\r\n")
_DIGITS = bytes.maketrans(b"123456789", b"000000000")
_LONG_RUN = b"0" * 19  # 19 digits: where a JSON integer may leave the 64-bit range
_RUNS = re.compile(b"0{19,}")
_BEFORE_NUMBER = frozenset(b"[,:-") | _BLANK
_EMPTY: Iterator[Any] = iter(())


def stream_items(
    source: Source,
    prefix: str,
    ctx: ReadContext,
    *,
    on_read: Callable[[int], None] | None = None,
    also_skip: tuple[str, ...] = (),
) -> JsonItems:
    """The JSON values at ``prefix``, iterated once (see JsonItems)."""
    return JsonItems(source, prefix, ctx, on_read=on_read, also_skip=also_skip)


class JsonItems:
    """The JSON values at ``prefix`` (e.g. ``messages.item``), one at a time; bad JSON names its line.

    A syntax error ends the file: when lenient it counts as one skipped record and the records
    read before it are kept. ``line()`` finds the line where the latest value starts, for errors
    about one record (found by a second scan, so only when an error is shown).

    A value that breaks a JSON limit (depth, string length, digits) stops the reading with the
    limit's error; when lenient, the file is read again through jsonskip.SkipOverLimit, which hands
    ``null`` for that value (and for any other such value at ``prefix`` or at the ``also_skip``
    paths, records the reader reads elsewhere), so the reader counts it as one skipped record.
    """

    def __init__(
        self,
        source: Source,
        prefix: str,
        ctx: ReadContext,
        *,
        on_read: Callable[[int], None] | None = None,
        also_skip: tuple[str, ...] = (),
    ) -> None:
        self._source = source
        self._prefix = prefix
        self._ctx = ctx
        self._on_read = on_read
        self._also_skip = also_skip
        self._handed = 0  # values handed out in batches so far, counting the whole current batch
        self._batch: Iterator[Any] = _EMPTY  # the current batch: what it still holds is not yielded yet

    @property
    def count(self) -> int:
        """Values yielded so far."""
        return self._handed - length_hint(self._batch)

    def __iter__(self) -> Iterator[Any]:
        # batches chained in C: a value costs no generator step of ours
        return chain.from_iterable(_lenient_batches(self, self._source, self._prefix, self._ctx, self._on_read))

    def line(self) -> int | None:
        """The line where the latest value yielded starts."""
        count = self.count
        return item_line(self._source, self._prefix, count - 1) if count else None

    def _hand(self, batch: list[Any]) -> Iterator[Any]:
        self._batch = values = iter(batch)
        self._handed += len(batch)
        return values


def _lenient_batches(
    owner: JsonItems, source: Source, prefix: str, ctx: ReadContext, on_read: Callable[[int], None] | None
) -> Iterator[Iterable[Any]]:
    """The batches: as ``_batches``, until a JSON limit stops it; then, when lenient, the file is read
    again through SkipOverLimit, past the values handed out already (all before the value that broke
    the limit, since the guard sees the bytes before any parser)."""
    reported = [0]

    def report(size: int) -> None:
        reported[0] += size
        if on_read is not None:
            on_read(size)

    try:
        yield from _batches(owner, source, prefix, ctx, report)
    except SqtoolError as error:
        if (raised := unless_lenient(error, ctx.lenient)) is not None:
            raise raised from None
    else:
        return
    skipping: Any = SkippingSource(source, (prefix, *owner._also_skip))
    yield from _ijson_batches(owner, skipping, prefix, ctx, _beyond(on_read, reported[0]), owner.count)


def _batches(
    owner: JsonItems, source: Source, prefix: str, ctx: ReadContext, on_read: Callable[[int], None] | None
) -> Iterator[Iterable[Any]]:
    """The values in batches: orjson's fast path when the prefix is a top-level array, else ijson's."""
    key = prefix.removesuffix(".item")
    reported = 0
    if key != prefix and key and "." not in key and key.isprintable() and '"' not in key and "\\" not in key:
        done, reported = yield from _fast_batches(owner, source, prefix, key, on_read)
        if done:
            return
    # what the fast path handed out is skipped: ijson reads the file again from the start so that any
    # error it meets is reported exactly as before (message and line)
    yield from _ijson_batches(owner, source, prefix, ctx, _beyond(on_read, reported), owner.count)


def _ijson_batches(
    owner: JsonItems,
    source: Source,
    prefix: str,
    ctx: ReadContext,
    on_read: Callable[[int], None] | None,
    skip: int,
) -> Iterator[Iterable[Any]]:
    with Guarded(source.open(), source.display) as raw:  # nesting, strings and numbers checked before ijson
        stream: Any = raw if hasattr(raw, "peek") else io.BufferedReader(raw)
        bom = stream.peek(3)[:3] == codecs.BOM_UTF8
        if bom:  # files re-saved by Windows editors start with one; the JSON parser refuses it
            stream.read(3)
        counted = CountingStream(stream, on_read)
        counted.position = 3 if bom else 0
        try:
            yield from _in_runs(
                owner, islice(ijson.items(counted, prefix, use_float=True, buf_size=_BUFFER), skip, None)
            )
        except (ijson.JSONError, UnicodeDecodeError) as error:  # bytes that are not UTF-8 inside a string too
            quoted = error.args[0] if error.args and isinstance(error.args[0], bytes) else None
            # yajl quotes the bytes around an error as they are: a message in bytes when they are not UTF-8
            message = quoted.decode("utf-8", "replace") if quoted is not None else str(error)
            line = _error_line(source, counted, quoted if quoted is not None else message)
            if "invalid bytes in UTF8 string" in message:
                ctx.bad_record("chat.bad_json", line=line, reason="invalid UTF-8")
            elif isinstance(error, UnicodeDecodeError):
                ctx.bad_record(
                    "chat.bad_json", line=line, reason=f"invalid UTF-8 (byte 0x{error.object[error.start]:02x})"
                )
            elif "premature EOF" in message:
                ctx.bad_record("chat.json_truncated", line=line)
            else:
                ctx.bad_record("chat.bad_json", line=line, reason=_short(message))


def _in_runs(owner: JsonItems, values: Iterator[Any]) -> Iterator[Iterable[Any]]:
    """ijson's values handed out a run at a time (fewer steps per value); those before an error come first."""
    run: list[Any] = []
    error: Exception | None = None
    try:
        for value in values:
            run.append(value)
            if len(run) == _RUN:
                yield owner._hand(run)
                run = []
    except (ijson.JSONError, ValueError) as caught:
        error = caught
    if run:
        yield owner._hand(run)
    if error is not None:
        raise error


def _fast_batches(
    owner: JsonItems, source: Source, prefix: str, key: str, on_read: Callable[[int], None] | None
) -> Generator[Iterable[Any], None, tuple[bool, int]]:
    """The items of the top-level array ``key``, many at a time by orjson; returns (done, bytes reported).

    ijson builds each value in Python-visible steps; orjson parses a whole run of items in one call
    (about 3x less CPU). A run must end between two items: the scan guesses such a place (a ``}`` then a
    comma then the opening of the next item) and orjson confirms it, since ``[`` + run + ``]`` parses
    only when the run is whole items (a guess inside a string or a nested list fails). Anything else
    (the header, the array's end, an item orjson refuses) goes to ijson. When ijson meets an error, it
    returns (False, ...) so that the caller re-reads with ijson alone and names the line as before.
    """
    reported = 0
    with Guarded(source.open(), source.display) as raw:  # nesting, strings and numbers checked before orjson
        buf = raw.read(_CHUNK)
        if buf.startswith(codecs.BOM_UTF8):  # as in _ijson_batches: skipped, and not counted as read
            buf = buf[3:]
        reported += len(buf)
        if on_read is not None and buf:
            on_read(len(buf))
        opening = re.compile(rb'"' + re.escape(key.encode("utf-8")) + rb'"[ \t\r\n]*:[ \t\r\n]*\[')
        found = opening.search(buf)
        if found is None or not _header_ok(buf[: found.end()], prefix, key):
            return False, reported
        header, pos = buf[: found.end()], found.end()
        pos = _next_object(buf, pos)
        signature = _signature(buf, pos)
        eof = False
        need_more = True
        while pos >= 0:
            if need_more and not eof:
                more = raw.read(_CHUNK)
                if more:
                    reported += len(more)
                    if on_read is not None:
                        on_read(len(more))
                    buf, pos = buf[pos:] + more, 0
                else:
                    eof = True
            batch = _batch(buf, pos, signature)
            if batch is None:  # no place to cut yet: the rest is one item (or the last)
                if eof or len(buf) - pos > _MAX_ITEM:
                    break
                need_more = True
                continue
            if batch is _HARD:
                break
            items, end, following = batch
            if items is None:  # a number orjson reads differently from ijson: ijson reads this run
                try:
                    items = list(ijson.items(io.BytesIO(b"[" + buf[pos:end] + b"]"), "item", use_float=True))
                except (ijson.JSONError, ValueError):  # the error is reported by the caller's second reading
                    return False, reported
            pos = following
            yield owner._hand(items)
            need_more = len(buf) - pos < _CHUNK
        # the last item, the array's end and what follows it (or an item orjson refuses) are left to
        # ijson, fed the header again so that it knows where it is
        rest = _Joined(header + buf[pos:] if pos >= 0 else buf, raw, on_read)
        try:
            yield from _in_runs(owner, ijson.items(rest, prefix, use_float=True, buf_size=_BUFFER))
        except (ijson.JSONError, ValueError):  # the error is reported by the caller's second reading
            return False, reported + rest.reported
        return True, reported + rest.reported


_HARD: Any = object()  # _batch's answer when every guessed end failed


def _batch(buf: bytes, pos: int, signature: bytes) -> tuple[list[Any] | None, int, int] | Any:
    """The items from ``pos`` to a guessed end near the buffer's end: (items, end, next item's start).

    items is None when orjson read them but ijson would read a number differently; None when there
    is no place to cut yet; _HARD when every guess failed.
    """
    probes = 0
    for opening in (signature, b"{"):
        high = len(buf)
        while probes < _PROBES:
            following = buf.rfind(opening, pos + 1, high)
            if following < 0:
                break
            high = following
            end = _end_before(buf, pos, following)
            if end < 0:
                continue
            probes += 1
            data = b"[" + buf[pos:end] + b"]"
            try:
                items = orjson.loads(data)
            except orjson.JSONDecodeError:
                continue  # a guess inside a string or a nested list, or something only ijson reads
            return (None if _long_integer(data) else items), end, following
        if probes or opening == b"{":
            break
    return _HARD if probes else None


def _end_before(buf: bytes, pos: int, following: int) -> int:
    """Where an item would end if ``following`` starts the next one: after the ``}`` of ``}`` , then blanks."""
    at = following
    while at > pos and buf[at - 1] in _BLANK:
        at -= 1
    if at <= pos or buf[at - 1] != 0x2C:  # ','
        return -1
    at -= 1
    while at > pos and buf[at - 1] in _BLANK:
        at -= 1
    return at if at > pos and buf[at - 1] == 0x7D else -1  # '}'


def _long_integer(data: bytes) -> bool:
    """Whether ``data`` may hold an integer beyond 64 bits: yajl refuses it, orjson reads it (as a float)."""
    digits = data.translate(_DIGITS)
    if _LONG_RUN not in digits:
        return False
    # one step per run of 19+ digits (a run inside a long string is looked at once, not at every digit)
    for run in _RUNS.finditer(digits):
        start = run.start()
        before = data[start - 1] if start else 0x5B
        if before == 0x2D and start > 1:  # '-'
            before = data[start - 2]
        if before in _BEFORE_NUMBER:  # a number token, not digits inside a string or a fraction
            return True
    return False


def _next_object(buf: bytes, pos: int) -> int:
    """Where the object starting at or after ``pos`` (past blanks) opens; -1 when something else comes."""
    while pos < len(buf) and buf[pos] in _BLANK:
        pos += 1
    return pos if buf[pos : pos + 1] == b"{" else -1


def _signature(buf: bytes, pos: int) -> bytes:
    """The opening of the first item up to its first key (``{"id"``): every item of an export opens alike,
    and nested objects seldom do, so the search for the next item's start tries this first."""
    if pos < 0:
        return b"{"
    at = pos + 1
    while at < len(buf) and buf[at] in _BLANK:
        at += 1
    close = buf.find(b'"', at + 1) if buf[at : at + 1] == b'"' else -1
    if close < 0 or close - pos > 80 or b"\\" in buf[at:close]:
        return b"{"
    return buf[pos : close + 1]


def _header_ok(header: bytes, prefix: str, key: str) -> bool:
    """Whether ``header`` is valid JSON up to the ``[`` of the top-level ``key`` and holds no value at ``prefix``."""
    try:
        events = list(ijson.parse(io.BytesIO(header + b"]}"), use_float=True))  # as items() reads: see _long_integer
    except (ijson.JSONError, ValueError):
        return False
    ending = [("", "map_key", key), (key, "start_array", None), (key, "end_array", None), ("", "end_map", None)]
    nested = prefix + "."
    return events[-4:] == ending and not any(path == prefix or path.startswith(nested) for path, _, _ in events)


class _Joined(ReadStream):
    """Bytes already in hand, then the rest of a stream (whose reads are reported)."""

    def __init__(self, head: bytes, stream: Any, on_read: Callable[[int], None] | None) -> None:
        self._head = memoryview(head)
        self._stream = stream
        self._on_read = on_read
        self.reported = 0

    def read(self, size: int = -1) -> bytes:
        if self._head:
            size = len(self._head) if size < 0 else size
            data, self._head = bytes(self._head[:size]), self._head[size:]
            return data
        data = self._stream.read(size)
        if data:
            self.reported += len(data)
            if self._on_read is not None:
                self._on_read(len(data))
        return data


def _beyond(on_read: Callable[[int], None] | None, already: int) -> Callable[[int], None] | None:
    """``on_read`` told only of bytes past the first ``already`` (those were reported by the fast path)."""
    if on_read is None or already <= 0:
        return on_read
    left = already

    def report(size: int) -> None:
        nonlocal left
        if left >= size:
            left -= size
            return
        on_read(size - left)
        left = 0

    return report


def _error_line(source: Source, counted: CountingStream, message: str | bytes) -> int:
    """The line of a JSON error: count newlines up to the failing chunk, then find yajl's snippet in it."""
    chunk, start = counted.last_chunk, counted.last_start
    text = message if isinstance(message, bytes) else message.encode("utf-8", "replace")
    if b"premature EOF" in text or not chunk:
        newlines, ends_with_newline = _count_newlines(source, counted.position)
        # a file cut right after a newline ends on the line before it
        return newlines if ends_with_newline and newlines else newlines + 1
    offset = start
    lines = text.split(b"\n")
    if len(lines) >= 3 and b"^" in lines[2]:
        # yajl shows the bytes around the error with newlines as spaces and a caret under the bad byte
        caret = lines[2].index(b"^")
        if isinstance(message, str):  # a message ijson decoded: the caret counts characters
            shown = message.split("\n")[1]
            before, after = (
                shown[:caret].lstrip(" ").encode("utf-8", "replace"),
                shown[caret:].encode("utf-8", "replace"),
            )
        else:
            before, after = lines[1][:caret].lstrip(b" "), lines[1][caret:]
        where = chunk.replace(b"\n", b" ").find(before + after)
        if where >= 0:
            offset = start + where + len(before)
    return _count_newlines(source, offset)[0] + 1


def _count_newlines(source: Source, offset: int) -> tuple[int, bool]:
    """Newlines in the first ``offset`` bytes, and whether the last of those bytes is one."""
    newlines, last = 0, b""
    with source.open() as stream:
        remaining = offset
        while remaining > 0:
            block = stream.read(min(remaining, 1 << 20))
            if not block:
                break
            newlines += block.count(b"\n")
            last = block[-1:]
            remaining -= len(block)
    return newlines, last == b"\n"


def _short(message: str) -> str:
    first = message.strip().splitlines()[0] if message.strip() else "invalid JSON"
    return first.removeprefix("parse error: ").removeprefix("lexical error: ")


_BLANKS = frozenset(b" \t\r")


def item_line(source: Source, prefix: str, index: int) -> int | None:
    """The line where value number ``index`` (from 0) at ``prefix`` starts, as ijson counts them.

    A small scanner that follows only what it must: strings (for keys and escaped quotes),
    brackets, and where a value starts. It runs on the error path only.
    """
    stack: list[list[Any]] = []  # [path, is an object, current key]
    expect_value, expect_key = True, False
    in_string = escape = collecting = False
    key = bytearray()
    line, seen = 1, -1
    with source.open() as stream:
        first = True
        while chunk := stream.read(1 << 16):
            if first:
                chunk = chunk.removeprefix(codecs.BOM_UTF8)
                first = False
            for byte in chunk:
                if in_string:
                    if escape:
                        escape = False
                    elif byte == 0x5C:  # backslash
                        escape = True
                    elif byte == 0x22:  # the closing quote
                        in_string = False
                        if collecting:
                            stack[-1][2] = key.decode("utf-8", "replace")
                            collecting = False
                        continue
                    if collecting:
                        key.append(byte)
                    continue
                if byte == 0x0A:
                    line += 1
                elif byte in _BLANKS:
                    continue
                elif expect_key and byte == 0x22:
                    in_string = collecting = True
                    expect_key = False
                    key = bytearray()
                elif byte == 0x3A:  # ':'
                    expect_value = True
                elif byte == 0x2C:  # ','
                    if stack and stack[-1][1]:
                        expect_key = True
                    else:
                        expect_value = True
                elif byte in (0x7D, 0x5D):  # '}' ']'
                    if stack:
                        stack.pop()
                    expect_value = expect_key = False
                elif expect_value:
                    expect_value = False
                    path = _child_path(stack[-1]) if stack else ""
                    if path == prefix:
                        seen += 1
                        if seen == index:
                            return line
                    if byte == 0x7B:  # '{'
                        stack.append([path, True, ""])
                        expect_key = True
                    elif byte == 0x5B:  # '['
                        stack.append([path, False, ""])
                        expect_value = True
                    elif byte == 0x22:
                        in_string = True
    return None


def _child_path(parent: list[Any]) -> str:
    path, is_object, key = parent
    name = key if is_object else "item"
    return f"{path}.{name}" if path else name
