"""Lines and blocks of lines of a text export: every read size gives the same numbered lines."""

import codecs
import io

import pytest

from sqtool.chat import textio
from sqtool.chat.source import CountingStream
from sqtool.chat.textio import numbered_blocks, numbered_lines
from sqtool.errors import SqtoolError

# the same text in each line-end style; a lone CR ends a line in UTF-16 files only, UTF-8 files split
# it inside the physical line's number (see LONE_CR)
TEXT = "1/1/26, 10:00 - Ann: 第一行\r\nsecond line of it\r\n\r\n1/1/26, 10:01 - Bo: hi é\r\nlast, no end"
LINES = [
    (1, "1/1/26, 10:00 - Ann: 第一行"),
    (2, "second line of it"),
    (3, ""),
    (4, "1/1/26, 10:01 - Bo: hi é"),
    (5, "last, no end"),
]


def read(data: bytes, raw: bool = False) -> list[tuple[int, str]]:
    stream = CountingStream(io.BytesIO(data)) if raw else io.BytesIO(data)
    return list(numbered_lines(stream, data[:65536], "chat.txt"))  # type: ignore[arg-type]


@pytest.fixture(params=[1, 2, 3, 7, 64, textio.BLOCK_SIZE])
def block_size(request, monkeypatch):
    """Reads of every size: a line, a CRLF or a multibyte character is cut across two reads."""
    monkeypatch.setattr(textio, "BLOCK_SIZE", request.param)
    monkeypatch.setattr(textio, "_UTF16_LINES", min(request.param, 4096))
    return request.param


@pytest.mark.parametrize("end", ["\n", "\r\n"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"])
def test_every_read_size_gives_the_same_lines(block_size, encoding, end):
    data = TEXT.replace("\r\n", end).encode(encoding)
    assert read(data) == LINES
    assert read(data, raw=True) == LINES


def test_final_line_end_adds_no_line(block_size):
    assert read(b"a\nb\n") == [(1, "a"), (2, "b")]
    assert read(b"a\n\n") == [(1, "a"), (2, "")]
    assert read(b"a\r\n") == [(1, "a")]
    assert read(b"") == []


def test_lone_cr_splits_a_line_under_its_number_in_utf8(block_size):
    data = b"one\rtwo\nthree\r\r\nfour\r\nfive\r"
    assert read(data) == [(1, "one"), (1, "two"), (2, "three"), (3, "four"), (4, "five")]


def test_lone_cr_is_a_line_end_in_utf16(block_size):
    data = "one\rtwo\nthree\r\n".encode("utf-16")
    assert read(data) == [(1, "one"), (2, "two"), (3, "three")]


def test_byte_order_marks(block_size):
    # utf-8-sig decodes each line on its own terms: a mark starting any line goes, and the file's start loses one more
    data = codecs.BOM_UTF8 * 2 + b"a\n" + codecs.BOM_UTF8 + b"b\nc" + codecs.BOM_UTF8 + b"\n" + codecs.BOM_UTF8
    assert read(data) == [(1, "a"), (2, "b"), (3, "c\ufeff"), (4, "")]


def test_blocks_hold_runs_of_numbered_lines(block_size):
    data = b"a\nb\rc\nd\n"
    blocks = list(numbered_blocks(io.BytesIO(data), data, "chat.txt"))  # type: ignore[arg-type]
    assert all(block.startswith("\n") for _number, block in blocks)
    lines = [(number + index, line) for number, block in blocks for index, line in enumerate(block[1:].split("\n"))]
    assert lines == [(1, "a"), (2, "b"), (2, "c"), (3, "d")]


def test_bad_byte_names_its_line_after_the_lines_before_it(block_size):
    data = b"ok\n" * 30 + b"tail \xc3\nmore\n"  # past the first 64 bytes: sniffed as UTF-8 with a bad byte
    lines: list[tuple[int, str]] = []
    with pytest.raises(SqtoolError) as caught:
        lines.extend(numbered_lines(io.BytesIO(data), data, "chat.txt"))  # type: ignore[arg-type]
    assert lines == [(number, "ok") for number in range(1, 31)]
    assert (caught.value.key, caught.value.line, caught.value.path) == ("chat.bad_encoding", 31, "chat.txt")
    # the reason of the line on its own ("\xc3\n": the next byte is not a continuation byte)
    assert caught.value.args_for_message["reason"] == "invalid continuation byte"


def test_truncated_character_at_the_end_of_the_file(block_size):
    with pytest.raises(SqtoolError) as caught:
        read(b"ok\n" * 30 + b"end \xe4\xb8")
    assert (caught.value.line, caught.value.args_for_message["reason"]) == (31, "unexpected end of data")


def test_bad_utf16_is_an_error_after_the_lines_before_it(monkeypatch):
    monkeypatch.setattr(textio, "_UTF16_LINES", 2)
    # a lone low surrogate in the second internal chunk of the decoder (8 KiB): the first chunk's lines come first
    data = codecs.BOM_UTF16_LE + "x\n".encode("utf-16-le") * 3000 + b"\x00\xdc" + "y\n".encode("utf-16-le")
    lines: list[tuple[int, str]] = []
    with pytest.raises(SqtoolError) as caught:
        lines.extend(numbered_lines(io.BytesIO(data), data[:65536], "chat.txt"))  # type: ignore[arg-type]
    assert caught.value.key == "chat.bad_encoding"
    assert lines and lines == [(number, "x") for number in range(1, len(lines) + 1)]


def test_a_line_longer_than_many_reads(block_size):
    long = "長" * 5000
    assert read(f"a\n{long}\nb".encode()) == [(1, "a"), (2, long), (3, "b")]
