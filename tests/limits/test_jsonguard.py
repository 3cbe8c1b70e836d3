"""JsonGuard (chat/jsonguard.py) against the truth computed from the value itself: for any JSON document
split into chunks anywhere, it stops exactly when the nesting, a string's length or a number's digits
pass the limit, and never otherwise."""

from __future__ import annotations

import json
import re
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sqtool.chat.jsonguard import JsonGuard
from sqtool.errors import SqtoolError
from sqtool.settings import Limits

_TEXT = st.text(alphabet=st.sampled_from(list('ab"\\[]{}0123456789 \n\t,:é中\u2028\x00')), max_size=30)
_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**30), 10**30) | st.floats(allow_nan=False) | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=30,
)


def _depth(value: Any) -> int:
    if isinstance(value, list):
        return 1 + max((_depth(item) for item in value), default=0)
    if isinstance(value, dict):
        return 1 + max((_depth(item) for item in value.values()), default=0)
    return 0


def _strings(value: Any) -> list[str]:
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    if isinstance(value, dict):
        return [*value.keys(), *(text for item in value.values() for text in _strings(item))]
    return [value] if isinstance(value, str) else []


def _numbers(value: Any) -> list[str]:
    if isinstance(value, list):
        return [text for item in value for text in _numbers(item)]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _numbers(item)]
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return []
    return [json.dumps(value)]


def _feed(data: bytes, cuts: list[int], limits: Limits) -> str | None:
    guard = JsonGuard("x.json", limits)
    points = sorted({0, len(data), *(cut % (len(data) + 1) for cut in cuts)})
    try:
        for start, end in pairwise(points):
            guard.feed(data[start:end])
    except SqtoolError as error:
        return error.key
    return None


@settings(max_examples=300, deadline=None)
@given(_VALUES, st.booleans(), st.integers(0, 6), st.lists(st.integers(0, 10**6), max_size=8))
def test_depth_limit_is_exact(value: Any, ascii_only: bool, limit: int, cuts: list[int]) -> None:
    data = json.dumps({"messages": [value]}, ensure_ascii=ascii_only).encode()
    found = _feed(data, cuts, Limits(depth=limit + 2, string_bytes=0, int_digits=0))
    assert found == ("limit.depth" if _depth(value) > limit else None)


@settings(max_examples=300, deadline=None)
@given(_VALUES, st.booleans(), st.integers(0, 40), st.lists(st.integers(0, 10**6), max_size=8))
def test_string_limit_is_exact(value: Any, ascii_only: bool, limit: int, cuts: list[int]) -> None:
    data = json.dumps([value], ensure_ascii=ascii_only).encode()
    longest = max((len(json.dumps(text, ensure_ascii=ascii_only).encode()) - 2 for text in _strings(value)), default=0)
    found = _feed(data, cuts, Limits(depth=0, string_bytes=limit or 1, int_digits=0))
    assert found == ("limit.string_bytes" if longest > (limit or 1) else None)


@settings(max_examples=300, deadline=None)
@given(_VALUES, st.integers(1, 40), st.lists(st.integers(0, 10**6), max_size=8))
def test_digit_limit_is_exact(value: Any, limit: int, cuts: list[int]) -> None:
    data = json.dumps([value]).encode()
    longest = max((len(run) for text in _numbers(value) for run in re.findall(r"[0-9]+", text)), default=0)
    found = _feed(data, cuts, Limits(depth=0, string_bytes=0, int_digits=limit))
    assert found == ("limit.int_digits" if longest > limit else None)


def test_errors_name_the_line_where_it_happened() -> None:
    """The error's line is the line of the bracket that went too deep, or where the long string opened."""
    guard = JsonGuard("x.json", Limits(depth=3))
    with pytest.raises(SqtoolError) as deep:
        guard.feed(b'{"a": [\n"[[[[", [\n[\n[')
    assert (deep.value.key, deep.value.line, deep.value.code) == ("limit.depth", 3, "max-depth")
    guard = JsonGuard("x.json", Limits(string_bytes=10))
    guard.feed(b'{"a":\n\n"0123')
    guard.feed(b"456789")
    with pytest.raises(SqtoolError) as long:
        guard.feed(b'A"}')
    assert (long.value.key, long.value.line) == ("limit.string_bytes", 3)


def test_a_backslash_at_a_chunk_end_escapes_the_next_chunk() -> None:
    """``"a\\`` then ``"]]]]"``: the quote is escaped, so the brackets are text, not nesting."""
    guard = JsonGuard("x.json", Limits(depth=2))
    guard.feed(b'[["a\\')
    guard.feed(b'"]]]]]]"]]')
    assert guard.depth == 0


def _old_long_integer(data: bytes) -> bool:
    """jsonstream._long_integer before issue 18 (quadratic on a long run of digits inside a string)."""
    digits = data.translate(bytes.maketrans(b"123456789", b"000000000"))
    at = digits.find(b"0" * 19)
    while at >= 0:
        start = at
        while start and digits[start - 1] == 0x30:
            start -= 1
        before = data[start - 1] if start else 0x5B
        if before == 0x2D and start > 1:
            before = data[start - 2]
        if before in frozenset(b"[,:-") | frozenset(b" \t\r\n"):
            return True
        at = digits.find(b"0" * 19, at + 19)
    return False


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from([b"1", b"0" * 18, b"9" * 19, b'"', b",", b":", b"-", b" ", b"[", b".", b"a", b"e"]), max_size=40
    )
)
def test_long_integer_answers_as_before(pieces: list[bytes]) -> None:
    """The one-step-per-run _long_integer says what the old walk said, on any mix of digits and punctuation."""
    from sqtool.chat.jsonstream import _long_integer

    data = b"".join(pieces)
    assert _long_integer(data) == _old_long_integer(data)
