"""``--lenient`` for JSON exports: a record that breaks a JSON limit becomes ``null``, found without a parser.

When the JSON guard (jsonguard.py) stops a lenient reading at a record nested deeper than
``--max-depth``, a string longer than ``--max-string-bytes`` or a number with more digits than
``--max-int-digits``, the reader reads the bytes again through ``SkipOverLimit``. It follows only
strings (with their escapes), brackets, digits, and the keys above the records (to know which
array holds them: ``messages.item``, as ijson names a path), holds each record's bytes until the
record ends, and hands on ``null`` instead of a record that breaks a limit. The readers count a
``null`` record as one skipped bad record, as they count any record that is not an object, and go
on with the next one. Nothing past a limit is held or parsed: the rest of a long string is passed
over a chunk at a time, and the rest of a deep record is followed by its depth alone.

A limit broken outside any record (in the export's header, say) is still the limit's named error.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import BinaryIO

from sqtool.chat.source import ReadStream, Source
from sqtool.errors import SqtoolError
from sqtool.settings import Limits, active_limits, limit_error

# the limits a lenient reading may skip a record for (the others, bytes and time, end the reading)
SKIPPABLE = frozenset({"limit.depth", "limit.string_bytes", "limit.int_digits"})

_STRING_REST = re.compile(rb'[^"\\]*+(?:\\.[^"\\]*+)*+', re.DOTALL)  # the rest of a string, to its quote
# what matters inside a record: whole strings (or a quote opening one that goes on), brackets, digit runs
_TOKENS = re.compile(rb'"[^"\\]*+(?:\\.[^"\\]*+)*+"|["\[\]{}]|[0-9]+', re.DOTALL)
_NOT_BLANK = re.compile(rb"[^ \t\r\n]")
_ATOM_REST = re.compile(rb'[^ \t\r\n,:\[\]{}"]*')  # the rest of a number, true, false, null (or garbage)
_DIGIT_RUNS = re.compile(rb"[0-9]+")
_KEY_BYTES = 256  # a longer key names no record path; only this much of it is kept
_BLOCK = 1 << 16


def skippable(error: SqtoolError) -> bool:
    """Whether a lenient reading may skip the record that raised ``error`` rather than stop."""
    return error.key in SKIPPABLE


def unless_lenient(error: SqtoolError, lenient: bool) -> SqtoolError | None:
    """``error`` to raise, or None when a lenient reading skips the record instead; an error a
    reading without ``--lenient`` raises tells that ``--lenient`` would skip the record."""
    if not skippable(error):
        return error
    if lenient:
        return None
    if error.hint == "limit.hint":
        error.hint = "limit.hint_record"
    return error


class SkipOverLimit(ReadStream):
    """JSON bytes with each record at one of ``records`` (ijson paths) that breaks a limit replaced by ``null``.

    ``dropped`` counts the records replaced so far, by path.
    """

    def __init__(self, inner: BinaryIO, display: str, records: Collection[str], limits: Limits | None = None) -> None:
        limits = limits or active_limits()
        self._inner = inner
        self._display = display
        self._records = frozenset(records)
        self._depth_limit = limits.depth
        self._string_limit = limits.string_bytes
        self._digit_limit = limits.int_digits
        self.dropped: dict[str, int] = {}
        self._path = ""  # the current record's path
        self._out = bytearray()  # bytes ready for the parser
        self._held = bytearray()  # the current record's bytes so far
        self._eof = False
        self._newlines = 0  # before the current chunk
        # the structure above the records: [path, is an object, current key] per open array or object
        self._stack: list[list[object]] = []
        self._expect_value = True
        self._expect_key = False
        # the current record: None outside one; its depth (0 for a string, number or literal)
        self._record: int | None = None
        self._base = 0  # arrays and objects open around the current record
        self._dropping = False  # the current record broke a limit: its bytes are not kept
        self._in_string = False
        self._escape = False
        self._string_bytes = 0
        self._key: bytearray | None = None  # the key being read (outside records)
        self._in_atom = False  # inside a number or literal
        self._digits = 0  # the run of digits the last chunk ended with
        self._mark = 0  # in the chunk being scanned: where the bytes not sent on yet start

    def read(self, size: int = -1) -> bytes:
        while not self._eof and (size < 0 or len(self._out) < size):
            chunk = self._inner.read(_BLOCK)
            if not chunk:
                self._eof = True
                if self._record is not None and not self._dropping:
                    self._out += self._held  # a file cut inside a record: the parser names the cut
                self._held.clear()
                break
            self._scan(chunk)
        if size < 0 or size >= len(self._out):
            data = bytes(self._out)
            self._out.clear()
            return data
        data = bytes(self._out[:size])
        del self._out[:size]
        return data

    def close(self) -> None:
        self._inner.close()
        super().close()

    # -- the scan: one chunk at a time, ``mark`` is where the bytes not yet sent on start --

    def _scan(self, data: bytes) -> None:
        self._mark = 0
        size = len(data)
        if self._digits and not (size and 0x30 <= data[0] <= 0x39):
            self._digits = 0
        pos = 0
        while pos < size:
            if self._in_string:
                pos = self._string(data, pos)
            elif self._in_atom:
                pos = self._atom(data, pos)
            elif self._record is not None:
                pos = self._inside(data, pos)
            else:
                pos = self._outside(data, pos)
        self._send(data, size)
        self._newlines += data.count(b"\n")

    def _send(self, data: bytes, upto: int) -> None:
        """The bytes from the mark to ``upto`` go where the scan is: on, held, or (a dropped record) nowhere."""
        if upto > self._mark:
            if self._record is None:
                self._out += data[self._mark : upto]
            elif not self._dropping:
                self._held += data[self._mark : upto]
        self._mark = upto

    def _string(self, data: bytes, pos: int) -> int:
        start = pos
        if self._escape:
            self._escape = False
            pos += 1
        found = _STRING_REST.match(data, min(pos, len(data)))
        end = found.end() if found else len(data)
        closed = end < len(data) and data[end] == 0x22
        if not closed and end < len(data):  # a backslash as the chunk's last byte escapes the next chunk's first
            self._escape = True
            end = len(data)
        self._string_bytes += end - start
        if self._key is not None and len(self._key) < _KEY_BYTES:
            self._key += data[start : min(end, start + _KEY_BYTES)]
        if self._string_limit and self._string_bytes > self._string_limit:
            self._broken("string_bytes", data, start)
        if not closed:
            return len(data)
        self._in_string = False
        if self._key is not None:
            key = bytes(self._key[:_KEY_BYTES]).decode("utf-8", "replace")
            self._key = None
            if self._stack:
                self._stack[-1][2] = key
        elif self._record == 0:  # a record that is one string ends with it
            self._end_record(data, end + 1)
        return end + 1

    def _atom(self, data: bytes, pos: int) -> int:
        found = _ATOM_REST.match(data, pos)
        end = found.end() if found else pos
        self._check_digits(data, pos, end)
        if end < len(data):
            self._in_atom = False
            self._digits = 0
            if self._record == 0:
                self._end_record(data, end)
        return end

    def _check_digits(self, data: bytes, start: int, end: int) -> None:
        if not self._digit_limit:
            return
        for run in _DIGIT_RUNS.finditer(data, start, end):
            length = run.end() - run.start() + (self._digits if run.start() == 0 else 0)
            if run.end() == len(data):
                self._digits = length
            if length > self._digit_limit:
                self._broken("int_digits", data, run.start())
                return

    def _inside(self, data: bytes, pos: int) -> int:
        """Inside a record that is an array or object: whole strings, brackets and digit runs, many in
        one loop, until it closes, a string goes on past the chunk, or the chunk ends."""
        assert self._record is not None
        depth, size = self._record, len(data)
        depth_limit = self._depth_limit - self._base if self._depth_limit else 0
        string_limit, digit_limit = self._string_limit, self._digit_limit
        for token in _TOKENS.finditer(data, pos):
            at, end = token.span()
            byte = data[at]
            if byte == 0x22:  # "
                if end - at == 1:  # a string that goes on past the chunk
                    self._record = depth
                    self._start_string()
                    return end
                if string_limit and end - at - 2 > string_limit and not self._dropping:
                    self._record = depth
                    self._string_bytes = end - at - 2
                    self._broken("string_bytes", data, at)
            elif byte == 0x5B or byte == 0x7B:  # [ {
                depth += 1
                if depth_limit and depth > depth_limit and not self._dropping:
                    self._record = depth
                    self._broken("depth", data, at)
            elif byte == 0x5D or byte == 0x7D:  # ] }
                depth -= 1
                if depth <= 0:
                    self._end_record(data, end)
                    return end
            elif digit_limit:  # a run of digits
                run = end - at + (self._digits if at == 0 else 0)
                self._digits = run if end == size else 0
                if run > digit_limit and not self._dropping:
                    self._record = depth
                    self._broken("int_digits", data, at)
        self._record = depth
        return size

    def _outside(self, data: bytes, pos: int) -> int:
        """Above the records: follow keys and brackets to know each value's path."""
        found = _NOT_BLANK.search(data, pos)
        if found is None:
            return len(data)
        at = found.start()
        byte = data[at]
        if byte in (0x5D, 0x7D):  # ] }
            if self._stack:
                self._stack.pop()
            self._expect_value = self._expect_key = False
            return at + 1
        if byte == 0x3A:  # :
            self._expect_value = True
            return at + 1
        if byte == 0x2C:  # ,
            in_object = bool(self._stack) and bool(self._stack[-1][1])
            self._expect_key, self._expect_value = in_object, not in_object
            return at + 1
        if byte == 0x22 and self._expect_key:
            self._expect_key = False
            self._start_string()
            self._key = bytearray()
            return at + 1
        path = _child_path(self._stack[-1]) if self._stack else ""
        self._expect_value = self._expect_key = False
        if path in self._records:
            self._send(data, at)
            self._record, self._base, self._dropping, self._path = 0, len(self._stack), False, path
        if byte == 0x22:
            self._start_string()
            return at + 1
        if byte in (0x5B, 0x7B):  # [ {
            if self._record is not None:
                self._record = 1
                if self._depth_limit and self._base + 1 > self._depth_limit:
                    self._broken("depth", data, at)
                return at + 1
            self._stack.append([path, byte == 0x7B, ""])
            if self._depth_limit and len(self._stack) > self._depth_limit:
                self._broken("depth", data, at)
            self._expect_key, self._expect_value = byte == 0x7B, byte == 0x5B
            return at + 1
        self._in_atom = True
        return self._atom(data, at)

    def _start_string(self) -> None:
        self._in_string = True
        self._escape = False
        self._string_bytes = 0

    def _end_record(self, data: bytes, end: int) -> None:
        self._send(data, end)
        if not self._dropping:
            self._out += self._held
        self._held.clear()
        self._record = None
        self._dropping = False

    def _broken(self, name: str, data: bytes, at: int) -> None:
        """A limit broken at ``data[at]``: the record it is in becomes ``null``; outside a record, the error."""
        if self._dropping:
            return
        if self._record is None:
            line = self._newlines + data.count(b"\n", 0, at) + 1
            raise limit_error(name, path=self._display, line=line)
        self._held.clear()
        self._mark = max(self._mark, at)  # what came before in this chunk, and is held, is dropped too
        self._dropping = True
        self._out += b"null"
        self.dropped[self._path] = self.dropped.get(self._path, 0) + 1


def _child_path(parent: list[object]) -> str:
    path, is_object, key = parent
    name = key if is_object else "item"
    return f"{path}.{name}" if path else str(name)


class SkippingSource:
    """A Source read through SkipOverLimit: what a lenient reading reads again after a JSON limit stopped it."""

    def __init__(self, source: Source, records: Collection[str]) -> None:
        self._source = source
        self._records = records
        self.display = source.display
        self.dropped: dict[str, int] = {}  # records replaced in the streams opened so far, by path

    def open(self) -> BinaryIO:
        stream = _Counted(self._source.open(), self.display, self._records, self)
        return stream  # type: ignore[return-value]  # a readable binary stream

    def head(self, size: int = 65536) -> bytes:
        return self._source.head(size)


class _Counted(SkipOverLimit):
    """SkipOverLimit that adds what it dropped to its SkippingSource when closed (once per stream)."""

    def __init__(self, inner: BinaryIO, display: str, records: Collection[str], owner: SkippingSource) -> None:
        super().__init__(inner, display, records)
        self._owner = owner

    def close(self) -> None:
        if not self.closed:
            for path, count in self.dropped.items():
                self._owner.dropped[path] = self._owner.dropped.get(path, 0) + count
        super().close()
