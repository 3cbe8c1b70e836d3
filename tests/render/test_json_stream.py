"""render/json_stream.py: JSON written a chunk at a time, with arrays made as they are written, is
json.dumps's text byte for byte (the audit's JSON report is streamed through it, issue 22)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from sqtool.render.json_stream import Rows, json_chunks, plain

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=4), inner, max_size=5),
    max_leaves=40,
)
# keys json.dumps turns into strings: numbers, booleans and null
_KEYS = st.text(max_size=4) | st.integers() | st.floats() | st.booleans() | st.none()


def _lazy(draw: st.DrawFn, depth: int) -> Any:
    """A dict whose values may be Rows (lists of rows made as they are written) or dicts holding some."""
    document: dict[Any, Any] = {}
    for key in draw(st.lists(_KEYS, max_size=5)):
        choice = draw(st.integers(0, 2 if depth < 3 else 1))
        if choice == 0:
            document[key] = draw(_VALUES)
        elif choice == 1:
            rows = draw(st.lists(_VALUES, max_size=6))
            document[key] = Rows(rows, lambda row: row)
        else:
            document[key] = _lazy(draw, depth + 1)
    return document


@st.composite
def _documents(draw: st.DrawFn) -> Any:
    return _lazy(draw, 0)


def _expected(document: Any) -> str:
    return json.dumps(plain(document), ensure_ascii=False, indent=2) + "\n"


@settings(max_examples=150, deadline=None)
@given(document=_VALUES, size=st.integers(1, 64))
def test_plain_values_are_json_dumps(document: object, size: int) -> None:
    """Any JSON value (NaN, infinities, unicode, nesting), cut in chunks of any size: json.dumps's text."""
    assert "".join(json_chunks(document, size)) == json.dumps(document, ensure_ascii=False, indent=2) + "\n"


@settings(max_examples=150, deadline=None)
@given(document=_documents(), size=st.integers(1, 64))
def test_rows_anywhere_in_dicts_are_json_dumps(document: object, size: int) -> None:
    """Rows (empty, one, many; rows of any JSON value) at any depth of dicts, next to plain values and keys
    that are numbers, booleans or null: the text json.dumps writes for the same document made plain."""
    expected = _expected(document)
    assert "".join(json_chunks(document, size)) == expected


def test_rows_are_made_one_at_a_time_as_written() -> None:
    """A row is made only when the text before it has been handed out: no list of rows is built."""
    made: list[int] = []

    def row(n: int) -> dict[str, object]:
        made.append(n)
        return {"n": n, "opening": f"问题 {n}？"}

    document = {"version": 1, "lists": {"unanswered": Rows(range(50_000), row), "after": []}}
    chunks = json_chunks(document, size=1 << 12)
    first = next(chunks)
    assert first.startswith('{\n  "version": 1,\n  "lists": {\n    "unanswered": [\n      {\n        "n": 0,')
    assert len(made) < 200  # one chunk's worth, not 50,000
    rest = "".join(chunks)
    assert len(made) == 50_000
    expected = {"version": 1, "lists": {"unanswered": [row_of(n) for n in range(50_000)], "after": []}}
    assert first + rest == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"


def row_of(n: int) -> dict[str, object]:
    return {"n": n, "opening": f"问题 {n}？"}


def test_flat_rows_of_every_plain_value_are_json_dumps() -> None:
    """Rows that are flat dicts (written by the row fast path): text with escapes and Chinese, numbers, NaN
    and infinities, booleans, null; and rows that are not (nested, non-text keys, empty) beside them."""
    rows = [
        {"asked": "2026-01-01T00:00:00+08:00", "opening": '问题 "引号" \\ \n\t\u2028 end', "n": -3, "big": 10**30},
        {"x": 1.5, "nan": float("nan"), "inf": float("inf"), "-inf": float("-inf"), "t": True, "f": False, "z": None},
        {"nested": {"a": [1, 2]}},
        {1: "number key"},
        {},
        [1, 2],
    ]
    for level in range(3):
        document: Any = {"rows": Rows(rows, lambda row: row)}
        for _ in range(level):
            document = {"lists": document}
        assert "".join(json_chunks(document)) == _expected(document)


def test_plain_leaves_documents_without_rows_alone() -> None:
    """plain() returns a document holding no Rows as it is, and makes lists of the Rows of the others."""
    document = {"a": [1, 2], "b": {"c": None}}
    assert plain(document) is document
    assert plain({"a": {"b": Rows([1, 2], str)}}) == {"a": {"b": ["1", "2"]}}
