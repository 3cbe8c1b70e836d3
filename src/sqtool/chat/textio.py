"""Text exports: find the encoding (BOM, UTF-16, UTF-8, GB18030) and yield numbered lines."""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Callable, Iterator
from functools import partial
from itertools import count, islice
from typing import BinaryIO

from sqtool.errors import SqtoolError
from sqtool.settings import active_limits, limit_error

LongLine = Callable[[int], None]  # told the number of a line over --max-string-bytes; raises, or lets it be skipped

_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def sniff_encoding(head: bytes) -> str | None:
    """The encoding of a text export from its first bytes; None when no candidate fits."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = head[:4096]
    if sample and sample.count(0) * 4 >= len(sample):
        # UTF-16 without a BOM: every ASCII character has a zero byte on one side
        even_zeros = sample[0::2].count(0)
        odd_zeros = sample[1::2].count(0)
        return "utf-16-le" if odd_zeros > even_zeros else "utf-16-be"
    if _decodes(head, "utf-8"):
        return "utf-8"
    # GB18030 accepts many byte pairs, so also ask for Chinese text before trusting it
    if _decodes(head, "gb18030"):
        decoded = head.decode("gb18030", errors="ignore")
        if len(_CJK.findall(decoded)) >= 2:
            return "gb18030"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # mostly UTF-8 with a bad byte further on: read as UTF-8 so the error names that line
        if error.start >= 64:
            return "utf-8"
    return None


def _decodes(head: bytes, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        decoder.decode(head, final=False)  # a character cut at the end of the sample is fine
    except UnicodeDecodeError:
        return False
    return True


def decode_head(head: bytes) -> str:
    """The first bytes as text for detection, whatever the encoding (never raises)."""
    encoding = sniff_encoding(head) or "utf-8"
    return codecs.getincrementaldecoder(encoding)(errors="replace").decode(head, final=False)


def numbered_lines(
    stream: BinaryIO, head: bytes, display: str, *, on_long_line: LongLine | None = None
) -> Iterator[tuple[int, str]]:
    """(1-based line number, line without its end) for each line; CRLF, CR and LF all end a line.

    A line longer than ``--max-string-bytes`` is never held whole: ``on_long_line`` is told its
    number and may raise (an error), else the line reads as empty; without it, it is an error.
    """
    for number, block in numbered_blocks(stream, head, display, on_long_line=on_long_line):
        yield from zip(count(number), islice(block.split("\n"), 1, None))


BLOCK_SIZE = 1 << 18  # bytes read at a time: big enough to amortise each step, small enough to stay in cache
_UTF16_LINES = 4096  # lines decoded per block of a UTF-16 export


def numbered_blocks(
    stream: BinaryIO, head: bytes, display: str, *, on_long_line: LongLine | None = None
) -> Iterator[tuple[int, str]]:
    """Runs of consecutively numbered lines: (number of the first, every line with a "\n" in front).

    Long lines are handled as in ``numbered_lines``.

    The lines are those of ``numbered_lines``; a reader can scan a whole block with one regex
    (``findall`` of a pattern starting with "\n") instead of a Python step per line. Lines that
    old Mac line ends (a lone CR) split share their physical line's number, so each is a block.
    """
    encoding = sniff_encoding(head)
    if encoding is None:
        raise SqtoolError("chat.unknown_encoding", hint="chat.unknown_encoding_hint", path=display)
    limit = active_limits().string_bytes
    number = 1

    def long_line(offset: int) -> None:  # ``offset`` lines after the first line not yielded yet
        if on_long_line is None:
            raise limit_error("string_bytes", key="limit.string_bytes_line", path=display, line=number + offset)
        on_long_line(number + offset)

    if encoding.startswith("utf-16"):
        yield from _utf16_blocks(stream, encoding, display, limit, long_line)
        return
    # utf-8-sig drops a byte-order mark at the start of each line (the old per-line decoding did)
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    for raw in _line_bytes(stream, limit, long_line):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError as error:
            # the lines before the bad one are read as usual, then the error names the bad line
            cut = raw.rfind(b"\n", 0, error.start) + 1
            if cut:
                yield from _text_blocks(number, raw[:cut].decode(codec), encoding)
            reason = _line_reason(raw[cut : raw.find(b"\n", cut) + 1 or len(raw)], encoding) or error.reason
            raise SqtoolError(
                "chat.bad_encoding",
                path=display,
                line=number + raw.count(b"\n", 0, cut),
                encoding=encoding,
                reason=reason,
            ) from error
        yield from _text_blocks(number, text, encoding)
        number += raw.count(b"\n")


def _line_bytes(stream: BinaryIO, limit: int = 0, long_line: Callable[[int], None] | None = None) -> Iterator[bytes]:
    """The stream in blocks of whole lines: each ends with b"\n", but the file's last one may not.

    A line growing past ``limit`` bytes is never held whole: ``long_line`` is told (it may raise),
    its bytes are skipped up to its end as they are read, and it stands as an empty line.
    """
    # cutting bytes at LF is safe for UTF-8 and GB18030: no multibyte character contains 0x0A
    size = min(BLOCK_SIZE, limit) if limit else BLOCK_SIZE  # a line inside one read is never over the limit
    pieces: list[bytes] = []  # the start of the line not ended yet
    held = 0  # bytes in pieces
    dropping = False  # inside a line over the limit
    while chunk := stream.read(size):
        if dropping or (limit and held + _line_end(chunk) > limit):
            if not dropping and long_line is not None:
                long_line(0)  # the line not ended yet is the first after those yielded so far
            pieces, held = [], 0
            end = chunk.find(b"\n") + 1
            dropping = not end
            if dropping:
                continue
            yield b"\n"  # the skipped line, as an empty one (the numbers of the lines after it stay true)
            chunk = chunk[end:]
        cut = chunk.rfind(b"\n") + 1
        if not cut:
            pieces.append(chunk)
            held += len(chunk)
            continue
        if pieces:
            pieces.append(chunk[:cut])
            yield b"".join(pieces)
            pieces, held = [], 0
        else:
            yield chunk[:cut]
        if cut < len(chunk):
            pieces.append(chunk[cut:])
            held = len(chunk) - cut
    if pieces:
        yield b"".join(pieces)


def _line_end(chunk: bytes) -> int:
    """Bytes of ``chunk`` that belong to the line open before it (without its LF)."""
    end = chunk.find(b"\n")
    return len(chunk) if end < 0 else end


def _line_reason(line: bytes, encoding: str) -> str | None:
    """Why one line does not decode on its own: the reason the reader always gave."""
    try:
        line.decode(encoding)
    except UnicodeDecodeError as error:
        return error.reason
    return None


def _text_blocks(number: int, text: str, encoding: str) -> Iterator[tuple[int, str]]:
    """Blocks of decoded whole lines: the first line numbered ``number``."""
    # the last line's end goes first: each "\n" left in the block starts a line
    block = "\n" + (text[:-2] if text.endswith("\r\n") else text.removesuffix("\n"))
    if "\r" in block:
        block = block.replace("\r\n", "\n")
    if "\ufeff" in block:
        if encoding == "utf-8-sig":
            block = block.replace("\n\ufeff", "\n")
        if number == 1:  # a mark at the very start is never part of the text
            block = "\n" + block[1:].removeprefix("\ufeff")
    if "\r" not in block:
        yield number, block
        return
    # old Mac line ends (a lone CR) inside a line: its parts keep the line's number
    run: list[str] = []
    start = number
    for line_number, line in enumerate(block[1:].split("\n"), start=number):
        if "\r" not in line:
            if not run:
                start = line_number
            run.append(line)
            continue
        if run:
            yield start, "\n" + "\n".join(run)
            run = []
        for part in line.removesuffix("\r").split("\r"):
            yield line_number, "\n" + part
    if run:
        yield start, "\n" + "\n".join(run)


def _utf16_blocks(
    stream: BinaryIO, encoding: str, display: str, limit: int, long_line: Callable[[int], None]
) -> Iterator[tuple[int, str]]:
    if isinstance(stream, io.RawIOBase):  # line iteration on a raw stream reads one byte at a time
        stream = io.BufferedReader(stream, buffer_size=1 << 16)
    # TextIOWrapper with newline="" ends a line at CR, LF or CRLF and keeps the end: each is one line
    text = io.TextIOWrapper(stream, encoding=encoding, errors="strict", newline="")
    cap = limit // 2 + 2 if limit else -1  # characters of two bytes each, and the line's end
    number = 1
    while True:
        lines: list[str] = []
        try:
            # list.extend keeps what it appended before an error, so the lines before a bad one are read
            told = partial(_told, long_line, number)
            lines.extend(islice(_bounded_lines(text, cap, told), _UTF16_LINES))
        except UnicodeDecodeError as error:
            if lines:
                yield number, _joined(lines)
            raise SqtoolError("chat.bad_encoding", path=display, encoding=encoding, reason=error.reason) from error
        if not lines:
            return
        yield number, _joined(lines)
        number += len(lines)


def _told(long_line: Callable[[int], None], first: int, before: int) -> None:
    """Tell ``long_line`` of the line ``before`` lines after line ``first`` (as an offset from line 1)."""
    long_line(first + before - 1)


def _bounded_lines(text: io.TextIOWrapper, cap: int, long_line: Callable[[int], None]) -> Iterator[str]:
    """Lines read at most ``cap`` characters at a time; a longer one is told, skipped and read as empty."""
    read = 0
    while line := text.readline(cap):
        if cap < 0 or len(line) < cap or line.endswith(("\n", "\r")):
            read += 1
            yield line
            continue
        long_line(read)  # lines before it in this run
        while (rest := text.readline(cap)) and not rest.endswith(("\n", "\r")):
            pass
        read += 1
        yield "\n"


def _joined(lines: list[str]) -> str:
    """Lines that each end with CR, LF or CRLF (the file's last maybe not) as one block."""
    block = "\n" + "".join(lines)
    if "\r" in block:
        block = block.replace("\r\n", "\n").replace("\r", "\n")
    return block.removesuffix("\n")
