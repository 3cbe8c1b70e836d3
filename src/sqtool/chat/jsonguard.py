"""JSON bytes checked as they stream past, before any parser sees them: nesting, string length, digits.

A parser handed a 100 KB file of 20,000 nested arrays, or one 200 MB string, spends gigabytes before
it says anything; this guard reads the same bytes first and stops at ``--max-depth``,
``--max-string-bytes`` or ``--max-int-digits`` with the line reached. It works chunk by chunk in C
(regex substitution, ``bytes.translate``), with a Python step per chunk rather than per byte: complete
strings are cut out of the chunk, and what is left (brackets, numbers, blanks) is what it measures.
A string that goes on past the chunk is followed into the next one.
"""

from __future__ import annotations

import re
from typing import Any, BinaryIO

import orjson

from sqtool.chat.source import ReadStream
from sqtool.settings import Limits, active_limits, limit_error

# a whole JSON string; possessive, so a string left open at the chunk's end fails without backtracking
_STRING = re.compile(rb'"[^"\\]*+(?:\\.[^"\\]*+)*+"', re.DOTALL)
_STRING_REST = re.compile(rb'[^"\\]*+(?:\\.[^"\\]*+)*+', re.DOTALL)  # the rest of a string begun earlier
_BRACKETS = bytes.maketrans(b"{}", b"[]")
_NOT_BRACKETS = bytes(byte for byte in range(256) if byte not in b"[]{}")
_DIGITS = b"0123456789"


class JsonGuard:
    """The state of one JSON document read so far; ``feed`` each chunk in order."""

    def __init__(self, display: str, limits: Limits | None = None) -> None:
        limits = limits or active_limits()
        self._display = display
        self._depth_limit = limits.depth
        self._string_limit = limits.string_bytes
        self._digit_limit = limits.int_digits
        self._long_number = re.compile(rb"[0-9]{%d,}" % (limits.int_digits + 1)) if limits.int_digits else None
        self.depth = 0  # arrays and objects open at the end of what was fed
        self.newlines = 0  # before the current chunk
        self._in_string = False
        self._escape = False  # inside a string, the last byte fed was a backslash that escapes the next
        self._string_bytes = 0  # bytes of the open string so far
        self._string_line = 0
        self._digits = 0  # the run of digits the last chunk ended with

    def feed(self, chunk: bytes) -> None:
        """Check one more chunk; raises ``error[max-depth|max-string-bytes|max-int-digits]``."""
        pos = 0
        if self._in_string:
            pos = self._continue_string(chunk)
        if pos < len(chunk):
            self._structure(chunk, pos)
        self.newlines += chunk.count(b"\n")

    def _continue_string(self, chunk: bytes) -> int:
        """Follow a string begun in an earlier chunk; where the structure resumes (len(chunk) if it does not)."""
        start = 1 if self._escape else 0
        self._escape = False
        end = _STRING_REST.match(chunk, min(start, len(chunk))).end()  # type: ignore[union-attr]
        closed = end < len(chunk) and chunk[end] == 0x22
        if not closed and end < len(chunk):  # a backslash as the chunk's last byte escapes the next chunk's first
            self._escape = True
        self._string_bytes += end if closed else len(chunk)
        self._check_string(self._string_line)
        if not closed:
            return len(chunk)
        self._in_string = False
        return end + 1

    def _structure(self, chunk: bytes, pos: int) -> None:
        segment = chunk[pos:] if pos else chunk
        if self._string_limit and self._string_limit < len(segment):  # a small limit: whole strings may pass it
            for found in _STRING.finditer(segment):
                if found.end() - found.start() - 2 > self._string_limit:
                    self._string_bytes = found.end() - found.start() - 2
                    self._check_string(self._line(chunk, pos + found.start()))
        cleaned = _STRING.sub(b"", segment)
        opened = cleaned.find(b'"')  # a string left open: everything after it is inside it
        structure = cleaned if opened < 0 else cleaned[:opened]
        if self._digit_limit:
            self._check_digits(structure, chunk, pos)
        if self._depth_limit:
            self._check_depth(structure, chunk, pos)
        if opened >= 0:
            tail = cleaned[opened + 1 :]
            self._in_string = True
            self._string_bytes = len(tail)
            self._string_line = self.newlines + structure.count(b"\n") + 1  # strings hold no raw newline
            trailing = len(tail) - len(tail.rstrip(b"\\"))
            self._escape = trailing % 2 == 1
            self._check_string(self._string_line)
            self._digits = 0

    def _check_string(self, line: int) -> None:
        if self._string_limit and self._string_bytes > self._string_limit:
            raise limit_error("string_bytes", path=self._display, line=line)

    def _check_digits(self, structure: bytes, chunk: bytes, pos: int) -> None:
        lead = len(structure) - len(structure.lstrip(_DIGITS))
        run = self._digits + lead
        found = self._long_number.search(structure) if self._long_number else None
        if run > self._digit_limit or found is not None:
            where = 0 if run > self._digit_limit or found is None else found.start()
            line = self.newlines + structure[:where].count(b"\n") + 1
            raise limit_error("int_digits", path=self._display, line=line)
        self._digits = run if lead == len(structure) else len(structure) - len(structure.rstrip(_DIGITS))

    def _check_depth(self, structure: bytes, chunk: bytes, pos: int) -> None:
        brackets = structure.translate(_BRACKETS, _NOT_BRACKETS)
        opens = brackets.count(b"[")
        start = self.depth
        end = start + opens - (len(brackets) - opens)
        if start + opens > self._depth_limit:
            # peel innermost pairs one level at a time: after k peels, groups nested up to k levels are gone
            peeled, passes = brackets, 0
            while b"[]" in peeled and passes <= self._depth_limit:
                peeled = peeled.replace(b"[]", b"")
                passes += 1
            if b"[]" in peeled or max(start, end) + passes > self._depth_limit:
                self._exact_depth(structure)  # near or past the limit: find the very bracket
        self.depth = max(end, 0)

    def _exact_depth(self, structure: bytes) -> None:
        depth = self.depth
        for index, byte in enumerate(structure):
            if byte in (0x5B, 0x7B):  # [ {
                depth += 1
                if depth > self._depth_limit:
                    line = self.newlines + structure[:index].count(b"\n") + 1
                    raise limit_error("depth", path=self._display, line=line)
            elif byte in (0x5D, 0x7D):
                depth -= 1

    def _line(self, chunk: bytes, offset: int) -> int:
        return self.newlines + chunk[:offset].count(b"\n") + 1


class Guarded(ReadStream):
    """A JSON stream whose every chunk passes a JsonGuard before the reader gets it."""

    def __init__(self, inner: BinaryIO, display: str) -> None:
        self._inner = inner
        self.guard = JsonGuard(display)

    def read(self, size: int = -1) -> bytes:
        data = self._inner.read(size)
        if data:
            self.guard.feed(data)
        return data

    def close(self) -> None:
        self._inner.close()
        super().close()


def read_guarded(stream: BinaryIO, display: str, block: int = 1 << 20) -> bytes:
    """A whole JSON document read through a JsonGuard, a block at a time (stops early on a limit)."""
    guard = JsonGuard(display)
    parts: list[bytes] = []
    while data := stream.read(block):
        guard.feed(data)
        parts.append(data)
    return b"".join(parts)


def loads_line(line: str, number: int, display: str, depth: int) -> Any:
    """One JSON Lines line parsed by orjson; a line with more brackets than ``--max-depth`` allows, or one
    orjson refuses, first passes the JSON guard, which names the limit it breaks (depth, digits)."""
    if depth and line.count("[") + line.count("{") > depth:
        _guard_line(line, number, display)
    try:
        return orjson.loads(line)
    except orjson.JSONDecodeError:
        _guard_line(line, number, display)  # a limit, if one is broken, says more than orjson's message
        raise


def _guard_line(line: str, number: int, display: str) -> None:
    guard = JsonGuard(display)
    guard.newlines = number - 1  # the error names the line in the file
    guard.feed(line.encode("utf-8", "surrogatepass"))
