"""JSON written a piece at a time: ``json.dumps(value, ensure_ascii=False, indent=2)`` and a newline, the
same text byte for byte, without ever holding it whole, and with arrays whose rows are made as they are
written (``Rows``).

On 10^6 messages an audit lists 200,000 unanswered questions: as JSON dicts, then as one string of
32 MiB (64 MiB in memory once a Chinese character is in it), then as its UTF-8 bytes, the report took
more memory than the whole audit pass (issue 22). Written this way, only one row and one chunk of text
exist at a time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, TypeVar

_INDENT = "  "  # indent=2
_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=2)
CHUNK_CHARS = 1 << 16  # characters handed to the writer at a time

T = TypeVar("T")


class Rows(Generic[T]):
    """A JSON array whose rows are made from ``items`` by ``row`` as they are written, one at a time.
    Iterated once, by ``json_chunks``; ``json.dumps`` does not know it (``plain`` turns a document that
    holds some into plain lists)."""

    __slots__ = ("_items", "_row")

    def __init__(self, items: Iterable[T], row: Callable[[T], Any]):
        self._items = items
        self._row = row

    def __iter__(self) -> Iterator[Any]:
        return map(self._row, self._items)


def plain(value: Any) -> Any:
    """``value`` with every ``Rows`` in its dicts made a list (what ``json.dumps`` and the API take)."""
    if isinstance(value, Rows):
        return list(value)
    if isinstance(value, dict) and _holds_rows(value):
        return {key: plain(item) for key, item in value.items()}
    return value


def _holds_rows(value: dict[Any, Any]) -> bool:
    return any(isinstance(item, Rows) or (isinstance(item, dict) and _holds_rows(item)) for item in value.values())


def _dumps(value: Any, level: int) -> str:
    """``value`` as json.dumps writes it, each line after the first indented ``level`` steps more (a JSON
    text has no line break but those of its layout: a string's own are written ``\\n``)."""
    text = _ENCODER.encode(value)
    return text.replace("\n", "\n" + _INDENT * level) if level and "\n" in text else text


_STRING = json.encoder.encode_basestring  # the C one where there is one


def _flat_row(row: Any, level: int) -> str | None:
    """A row that is a dict of text keys and plain values (every member list's row) as json.dumps writes it,
    without making an encoder's generators for each row (10^5 rows); None for any other value."""
    if type(row) is not dict or not row:
        return None
    pad = "\n" + _INDENT * (level + 1)
    parts = []
    for key, value in row.items():
        if type(key) is not str:
            return None
        kind = type(value)
        if kind is str:
            text = _STRING(value)
        elif value is None:
            text = "null"
        elif value is True:
            text = "true"
        elif value is False:
            text = "false"
        elif kind is int:
            text = int.__repr__(value)
        elif kind is float:
            text = _ENCODER.encode(value)  # NaN, Infinity as json.dumps writes them
        else:
            return None
        parts.append(_STRING(key) + ": " + text)
    return "{" + pad + ("," + pad).join(parts) + "\n" + _INDENT * level + "}"


def _key(key: Any) -> str:
    """A dict key as json.dumps writes it (keys that are numbers, booleans or null become strings)."""
    if isinstance(key, str):
        return _ENCODER.encode(key)
    text = _ENCODER.encode({key: 0})  # '{\n  "key": 0\n}'
    return text[text.index('"') : text.rindex(":")]


def _pieces(value: Any, level: int) -> Iterator[str]:
    if isinstance(value, Rows):
        inner = "\n" + _INDENT * (level + 1)
        opened = False
        for row in value:
            yield ("," if opened else "[") + inner
            flat = _flat_row(row, level + 1)
            yield flat if flat is not None else _dumps(row, level + 1)
            opened = True
        yield "\n" + _INDENT * level + "]" if opened else "[]"
    elif isinstance(value, dict) and _holds_rows(value):  # not empty: it holds rows
        inner = "\n" + _INDENT * (level + 1)
        opened = False
        for key, item in value.items():
            yield ("," if opened else "{") + inner + _key(key) + ": "
            yield from _pieces(item, level + 1)
            opened = True
        yield "\n" + _INDENT * level + "}"
    else:
        yield _dumps(value, level)


def json_chunks(value: Any, size: int = CHUNK_CHARS) -> Iterator[str]:
    """``json.dumps(plain(value), ensure_ascii=False, indent=2) + "\\n"`` in chunks of about ``size``
    characters; ``Rows`` are made as they are written."""
    pieces: list[str] = []
    length = 0
    for piece in _pieces(value, 0):
        pieces.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(pieces)
            pieces.clear()
            length = 0
    pieces.append("\n")
    yield "".join(pieces)
