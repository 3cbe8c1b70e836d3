"""Text exports: find the encoding (BOM, UTF-16, UTF-8, GB18030) and yield numbered lines."""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from typing import BinaryIO

from sqtool.errors import SqtoolError

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


def numbered_lines(stream: BinaryIO, head: bytes, display: str) -> Iterator[tuple[int, str]]:
    """(1-based line number, line without its end) for each line; CRLF, CR and LF all end a line."""
    encoding = sniff_encoding(head)
    if encoding is None:
        raise SqtoolError("chat.unknown_encoding", hint="chat.unknown_encoding_hint", path=display)
    if isinstance(stream, io.RawIOBase):  # line iteration on a raw stream reads one byte at a time
        stream = io.BufferedReader(stream, buffer_size=1 << 16)  # type: ignore[assignment]
    if encoding.startswith("utf-16"):
        text = io.TextIOWrapper(stream, encoding=encoding, errors="strict", newline="")
        try:
            yield from _split(enumerate(text, start=1))
        except UnicodeDecodeError as error:
            raise SqtoolError("chat.bad_encoding", path=display, encoding=encoding, reason=error.reason) from error
        return
    first = True
    # splitting bytes on LF is safe for UTF-8 and GB18030: no multibyte character contains 0x0A
    for number, raw in enumerate(stream, start=1):
        try:
            line = raw.decode(encoding)
        except UnicodeDecodeError as error:
            raise SqtoolError(
                "chat.bad_encoding", path=display, line=number, encoding=encoding, reason=error.reason
            ) from error
        if first:
            line = line.removeprefix("\ufeff")
            first = False
        if line.endswith("\n"):
            line = line[:-2] if line.endswith("\r\n") else line[:-1]
        if "\r" in line:  # old Mac line ends inside one physical line
            for part in line.removesuffix("\r").split("\r"):
                yield number, part
        else:
            yield number, line


def _split(lines: Iterator[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    for number, line in lines:
        line = line.removesuffix("\n").removesuffix("\r")
        if "\r" in line:
            for part in line.split("\r"):
                yield number, part
        else:
            yield number, line
