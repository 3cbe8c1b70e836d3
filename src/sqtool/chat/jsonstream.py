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
) -> Iterator[Any]:
    """The JSON values at ``prefix`` (e.g. ``messages.item``), one at a time; bad JSON names its line.

    A syntax error ends the file: when lenient it counts as one skipped record and the records
    read before it are kept.
    """
    with source.open() as raw:
        stream = raw if hasattr(raw, "peek") else io.BufferedReader(raw)  # type: ignore[arg-type]
        bom = stream.peek(3)[:3] == codecs.BOM_UTF8  # type: ignore[attr-defined]
        if bom:  # files re-saved by Windows editors start with one; the JSON parser refuses it
            stream.read(3)
        counted = CountingStream(stream, on_read)  # type: ignore[arg-type]
        counted.position = 3 if bom else 0
        try:
            yield from ijson.items(counted, prefix, use_float=True, buf_size=_BUFFER)
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
