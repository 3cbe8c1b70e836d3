"""SkipOverLimit (chat/jsonskip.py), what ``--lenient`` reads JSON through after a JSON limit stopped it,
against the truth computed from the values themselves: for any records, split into chunks anywhere,
exactly the records that break a limit become ``null``, every other byte passes unchanged, and a
limit broken outside the records is still the named error."""

from __future__ import annotations

import io
import json
import re
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sqtool.chat.jsonskip import SkipOverLimit
from sqtool.errors import SqtoolError
from sqtool.settings import Limits
from tests.limits.test_jsonguard import _VALUES, _depth, _numbers, _strings


class _Pieces(io.RawIOBase):
    """A stream handing out ``data`` cut at ``cuts`` (so strings, escapes and digit runs straddle reads)."""

    def __init__(self, data: bytes, cuts: list[int]) -> None:
        points = sorted({0, len(data), *(cut % (len(data) + 1) for cut in cuts)})
        self._parts = [data[start:end] for start, end in pairwise(points)]

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        return self._parts.pop(0) if self._parts else b""


def _skip(data: bytes, cuts: list[int], limits: Limits, records: tuple[str, ...] = ("messages.item",)) -> bytes:
    with SkipOverLimit(_Pieces(data, cuts), "x.json", records, limits) as stream:  # type: ignore[arg-type]
        return stream.read()


def _breaks(value: Any, limits: Limits, base: int, ascii_only: bool) -> bool:
    """Whether ``value``, a record ``base`` levels deep, breaks one of ``limits`` (as the guard counts)."""
    if limits.depth and base + _depth(value) > limits.depth:
        return True
    longest = max((len(json.dumps(text, ensure_ascii=ascii_only).encode()) - 2 for text in _strings(value)), default=0)
    if limits.string_bytes and longest > limits.string_bytes:
        return True
    digits = max((len(run) for text in _numbers(value) for run in re.findall(r"[0-9]+", text)), default=0)
    return bool(limits.int_digits and digits > limits.int_digits)


_LIMITS = st.builds(
    Limits,
    depth=st.sampled_from([0, 3, 4, 5]),
    string_bytes=st.sampled_from([0, 8, 12, 30]),
    int_digits=st.sampled_from([0, 2, 8]),
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(_VALUES, max_size=6),
    _LIMITS,
    st.booleans(),
    st.booleans(),
    st.lists(st.integers(0, 10**6), max_size=10),
)
def test_exactly_the_records_over_a_limit_become_null(
    records: list[Any], limits: Limits, ascii_only: bool, indent: bool, cuts: list[int]
) -> None:
    document = {"name": "g", "messages": records, "after": [1, {"k": "v"}]}
    data = json.dumps(document, ensure_ascii=ascii_only, indent=1 if indent else None).encode()
    out = _skip(data, cuts, limits)
    expected = [None if _breaks(record, limits, 2, ascii_only) else record for record in records]
    assert json.loads(out)["messages"] == json.loads(json.dumps(expected))
    if expected == records:
        assert out == data  # nothing over a limit: every byte as it was


@settings(max_examples=200, deadline=None)
@given(st.lists(_VALUES, max_size=4), _LIMITS, st.lists(st.integers(0, 10**6), max_size=6))
def test_records_of_a_top_level_array_and_of_a_second_path(records: list[Any], limits: Limits, cuts: list[int]) -> None:
    """A Slack day file is a top-level array (records at ``item``); a ChatLab file has ``members`` too."""
    data = json.dumps(records).encode()
    assert json.loads(_skip(data, cuts, limits, ("item",))) == [
        None if _breaks(record, limits, 1, True) else record for record in records
    ]
    both = json.dumps({"members": records, "messages": records}).encode()
    expected = [None if _breaks(record, limits, 2, True) else record for record in records]
    assert json.loads(_skip(both, cuts, limits, ("members.item", "messages.item"))) == {
        "members": expected,
        "messages": expected,
    }


@pytest.mark.parametrize(
    ("document", "name", "line"),
    [
        (b'{"name":\n"' + b"n" * 40 + b'", "messages": []}', "limit.string_bytes", 2),
        (b'{"meta": [[[[[[\n]]]]]], "messages": []}', "limit.depth", 1),
        (b'{"id":\n\n' + b"7" * 30 + b', "messages": []}', "limit.int_digits", 3),
        (b'{"messages": [], "tail": "' + b"t" * 40 + b'"}', "limit.string_bytes", 1),
    ],
    ids=["name", "meta", "id", "after"],
)
def test_a_limit_broken_outside_the_records_is_still_the_error(document: bytes, name: str, line: int) -> None:
    """An export's header is no record to skip: its limit stays the named error, with the line."""
    with pytest.raises(SqtoolError) as error:
        _skip(document, [7, 19], Limits(depth=4, string_bytes=20, int_digits=20))
    assert (error.value.key, error.value.line) == (name, line)


def test_a_long_string_is_passed_over_without_being_held() -> None:
    """A 4 MB string in a record, read 64 KiB at a time: what comes out stays small all along."""
    body = b'{"messages": [{"text": "a"}, {"text": "' + b"z" * (4 << 20) + b'"}, {"text": "b"}]}'
    stream = SkipOverLimit(io.BytesIO(body), "x.json", ("messages.item",), Limits(string_bytes=1 << 20))  # type: ignore[arg-type]
    pieces = []
    while piece := stream.read(4096):
        assert len(stream._held) + len(stream._out) < (1 << 20) + (1 << 17)
        pieces.append(piece)
    assert json.loads(b"".join(pieces)) == {"messages": [{"text": "a"}, None, {"text": "b"}]}
    assert stream.dropped == {"messages.item": 1}


def test_escapes_and_brackets_inside_strings_are_text() -> None:
    """Quotes escaped across a read, and brackets inside strings, neither end nor nest a record."""
    record = {"text": 'a\\"[[[[[[{{{{"]]', "n": [1, 2]}
    data = json.dumps({"messages": [record, [[[[[["deep"]]]]]]]}).encode()
    for cut in range(len(data)):
        out = _skip(data, [cut], Limits(depth=5, string_bytes=0, int_digits=0))
        assert json.loads(out) == {"messages": [record, None]}, cut


def test_a_file_cut_inside_a_record_is_left_to_the_parser() -> None:
    """A record the file ends inside is passed on as it is, so the parser names the cut."""
    data = b'{"messages": [{"text": "a"}, {"text": "b", "n": [1, 2'
    assert _skip(data, [5], Limits()) == data
