"""Streaming JSON with ijson (C backend when present) and errors placed on a line."""

from __future__ import annotations

import codecs
import io
from collections.abc import Callable, Iterator
from typing import Any

import ijson

from sqtool.chat.errors import ReadContext
from sqtool.chat.source import CountingStream, Source

_BUFFER = 65536


def stream_items(
    source: Source, prefix: str, ctx: ReadContext, *, on_read: Callable[[int], None] | None = None
) -> JsonItems:
    """The JSON values at ``prefix``, iterated once (see JsonItems)."""
    return JsonItems(source, prefix, ctx, on_read=on_read)


class JsonItems:
    """The JSON values at ``prefix`` (e.g. ``messages.item``), one at a time; bad JSON names its line.

    A syntax error ends the file: when lenient it counts as one skipped record and the records
    read before it are kept. ``line()`` finds the line where the latest value starts, for errors
    about one record (found by a second scan, so only when an error is shown).
    """

    def __init__(
        self, source: Source, prefix: str, ctx: ReadContext, *, on_read: Callable[[int], None] | None = None
    ) -> None:
        self._source = source
        self._prefix = prefix
        self._ctx = ctx
        self._on_read = on_read
        self.count = 0  # values yielded so far

    def __iter__(self) -> Iterator[Any]:
        return _stream_items(self, self._source, self._prefix, self._ctx, self._on_read)

    def line(self) -> int | None:
        """The line where the latest value yielded starts."""
        return item_line(self._source, self._prefix, self.count - 1) if self.count else None


def _stream_items(
    owner: JsonItems, source: Source, prefix: str, ctx: ReadContext, on_read: Callable[[int], None] | None
) -> Iterator[Any]:
    # counting here, not in a second generator around this one, saves a generator step per record
    with source.open() as raw:
        stream = raw if hasattr(raw, "peek") else io.BufferedReader(raw)  # type: ignore[arg-type]
        bom = stream.peek(3)[:3] == codecs.BOM_UTF8  # type: ignore[attr-defined]
        if bom:  # files re-saved by Windows editors start with one; the JSON parser refuses it
            stream.read(3)
        counted = CountingStream(stream, on_read)  # type: ignore[arg-type]
        counted.position = 3 if bom else 0
        try:
            for item in ijson.items(counted, prefix, use_float=True, buf_size=_BUFFER):
                owner.count += 1
                yield item
        except ijson.JSONError as error:
            message = str(error)
            line = _error_line(source, counted, message)
            if "premature EOF" in message:
                ctx.bad_record("chat.json_truncated", line=line)
            else:
                ctx.bad_record("chat.bad_json", line=line, reason=_short(message))


def _error_line(source: Source, counted: CountingStream, message: str) -> int:
    """The line of a JSON error: count newlines up to the failing chunk, then find yajl's snippet in it."""
    chunk, start = counted.last_chunk, counted.last_start
    if "premature EOF" in message or not chunk:
        newlines, ends_with_newline = _count_newlines(source, counted.position)
        # a file cut right after a newline ends on the line before it
        return newlines if ends_with_newline and newlines else newlines + 1
    offset = start
    lines = message.split("\n")
    if len(lines) >= 3 and "^" in lines[2]:
        # yajl shows the text around the error with newlines as spaces and a caret under the bad byte
        caret = lines[2].index("^")
        before, after = lines[1][:caret].lstrip(" "), lines[1][caret:]
        where = chunk.replace(b"\n", b" ").find((before + after).encode("utf-8", "replace"))
        if where >= 0:
            offset = start + where + len(before.encode("utf-8", "replace"))
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
