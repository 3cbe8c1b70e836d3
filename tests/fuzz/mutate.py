"""Hypothesis strategies that damage a seed the ways hostile or careless input does.

Each case is a seed plus one to four mutations: truncate, flip bytes, shuffle / drop / repeat lines,
delete or retype a JSON field, extreme numbers and dates, hostile strings (terminal escapes, bidi
overrides, NUL, very long text), wrong encodings and invalid UTF-8, deep nesting, and zip wrappers
(including an unknown compression method).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from tests.fuzz.seeds import Seed

EXTREME_NUMBERS = (
    "0",
    "-1",
    "-0",
    "1" * 30,
    "9" * 400,
    "1" * 4301,  # Python's int() refuses more than 4,300 digits
    "1e308",
    "1e400",
    "-1e400",
    "NaN",
    "Infinity",
    "0.0000000001",
    "18446744073709551616",
    "-9223372036854775809",
    "253402300800",  # 10000-01-01 in epoch seconds
    "253402300800000",  # and in milliseconds
    "-62135596801",  # before year 1
    "-1000",  # before 1970
    "0x10",
    "1_000",
)
EXTREME_DATES = (
    "0001-01-01",
    "9999-12-31",
    "1969-12-31",
    "1900-01-01",
    "0000-00-00",
    "2026-02-30",
    "2026-13-01",
    "99999-01-01",
    "0001-01-01T00:00:00",
    "9999-12-31T23:59:59+14:00",
    "0001-01-01T00:00:00-12:00",
)
HOSTILE_TEXT = (
    "\x1b]0;pwned\x07",  # OSC: retitle the terminal
    "\x1b[2J\x1b[H",  # clear the screen
    "\u202egnp.exe",  # right-to-left override
    "\x00",
    "\r",
    "\u2028",
    "\ud800",
    "x" * 20_000,
    "\n" * 50,
    "💥" * 100,
    "{0}{name}%s%n",
    "\\u0000",
    "<script>x</script>",
    "| a | b |\n|---|---|",
    "&anchor",
    "*alias",
    "!!python/object/apply:os.system ['true']",
    "- - - -",
    "? complex",
)
ENCODINGS = ("utf-16", "utf-16-be", "utf-32", "gb18030", "latin-1", "cp1252", "shift_jis")
INVALID_UTF8 = (b"\xff", b"\xfe\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80", b"\xe2\x82")

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(EXTREME_DATES + HOSTILE_TEXT[:7])
    | st.text(max_size=12),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)

Mutation = Callable[[bytes, st.DrawFn], bytes]


def _truncate(data: bytes, draw: st.DrawFn) -> bytes:
    return data[: draw(st.integers(min_value=0, max_value=max(len(data) - 1, 0)))]


def _flip(data: bytes, draw: st.DrawFn) -> bytes:
    if not data:
        return data
    changed = bytearray(data)
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        index = draw(st.integers(min_value=0, max_value=len(changed) - 1))
        changed[index] ^= draw(st.integers(min_value=1, max_value=255))
    return bytes(changed)


def _lines(data: bytes, draw: st.DrawFn) -> bytes:
    lines = data.split(b"\n")
    how = draw(st.sampled_from(["shuffle", "drop", "repeat", "reverse"]))
    if how == "shuffle":
        lines = draw(st.permutations(lines))
    elif how == "drop" and lines:
        del lines[draw(st.integers(min_value=0, max_value=len(lines) - 1))]
    elif how == "repeat" and lines:
        index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        lines[index:index] = [lines[index]] * draw(st.integers(min_value=1, max_value=50))
    else:
        lines.reverse()
    return b"\n".join(lines)


def _text_of(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def _bytes_of(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _numbers(data: bytes, draw: st.DrawFn) -> bytes:
    text = _text_of(data)
    runs = list(re.finditer(r"-?\d+(?:\.\d+)?", text))
    if not runs:
        return data
    run = runs[draw(st.integers(min_value=0, max_value=len(runs) - 1))]
    return _bytes_of(text[: run.start()] + draw(st.sampled_from(EXTREME_NUMBERS)) + text[run.end() :])


def _dates(data: bytes, draw: st.DrawFn) -> bytes:
    text = _text_of(data)
    found = list(re.finditer(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?|\d{1,2}/\d{1,2}/\d{2,4}", text))
    if not found:
        return _numbers(data, draw)
    spot = found[draw(st.integers(min_value=0, max_value=len(found) - 1))]
    if "/" in spot.group():
        new = draw(st.sampled_from(["00/00/0000", "31/12/9999", "01/01/0001", "99/99/99", "29/02/2027"]))
    else:
        new = draw(st.sampled_from(EXTREME_DATES))
    return _bytes_of(text[: spot.start()] + new + text[spot.end() :])


def _hostile(data: bytes, draw: st.DrawFn) -> bytes:
    text = _text_of(data)
    at = draw(st.integers(min_value=0, max_value=len(text)))
    return _bytes_of(text[:at] + draw(st.sampled_from(HOSTILE_TEXT)) + text[at:])


def _encoding(data: bytes, draw: st.DrawFn) -> bytes:
    if draw(st.booleans()):
        at = draw(st.integers(min_value=0, max_value=len(data)))
        return data[:at] + draw(st.sampled_from(INVALID_UTF8)) + data[at:]
    text = data.decode("utf-8", "replace")
    return text.encode(draw(st.sampled_from(ENCODINGS)), "replace")


def _nesting(data: bytes, draw: st.DrawFn) -> bytes:
    depth = draw(st.integers(min_value=2, max_value=200))
    text = _text_of(data)
    spots = [match.start() for match in re.finditer(r"[\[{]", text)]
    if not spots:
        return _bytes_of("[" * depth + text + "]" * depth)
    at = spots[draw(st.integers(min_value=0, max_value=len(spots) - 1))]
    return _bytes_of(text[:at] + "[" * depth + "1" + "]" * depth + "," + text[at:])


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _json_field(data: bytes, draw: st.DrawFn) -> bytes:
    """Delete a field or give it a value of another type (a list for a name, a string for a date)."""
    try:
        document = json.loads(data)
    except ValueError:
        return _hostile(data, draw)
    paths = [path for path in _paths(document) if path]
    if not paths:
        return data
    path = draw(st.sampled_from(paths))
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    if draw(st.booleans()) and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = draw(JSON_VALUES)
    return json.dumps(document, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")


def _zip_wrap(data: bytes, draw: st.DrawFn, name: str = "export.json") -> bytes:
    buffer = io.BytesIO()
    method = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))
    with zipfile.ZipFile(buffer, "w", method) as archive:
        archive.writestr(draw(st.sampled_from([name, "../evil.txt", "a/" * 30 + name, "x" * 300])), data)
        if draw(st.booleans()):
            archive.writestr("other.txt", b"not an export")
    wrapped = buffer.getvalue()
    if draw(st.integers(min_value=0, max_value=4)) == 0:  # an unknown compression method (99: AES)
        patched = bytearray(wrapped)
        for header, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):  # local and central headers
            at = patched.find(header)
            if at != -1:
                patched[at + offset : at + offset + 2] = (99).to_bytes(2, "little")
        wrapped = bytes(patched)
    return wrapped


MUTATIONS: dict[str, Mutation] = {
    "truncate": _truncate,
    "flip": _flip,
    "lines": _lines,
    "numbers": _numbers,
    "dates": _dates,
    "hostile": _hostile,
    "encoding": _encoding,
    "nesting": _nesting,
    "json_field": _json_field,
}


def _mutate_zip(seed: Seed, draw: st.DrawFn) -> bytes:
    """Mutate one member of a zip export and pack it again, or damage the archive itself."""
    with zipfile.ZipFile(io.BytesIO(seed.data)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    if draw(st.integers(min_value=0, max_value=5)) == 0:
        return _flip(seed.data, draw) if draw(st.booleans()) else _truncate(seed.data, draw)
    name = draw(st.sampled_from(sorted(members)))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        members[name] = MUTATIONS[draw(st.sampled_from(sorted(MUTATIONS)))](members[name], draw)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return buffer.getvalue()


@st.composite
def mutated(draw: st.DrawFn, seeds: tuple[Seed, ...]) -> tuple[Seed, bytes, tuple[str, ...]]:
    """A seed, its damaged bytes, and the names of the mutations applied (for the failure log)."""
    seed = draw(st.sampled_from(seeds))
    if seed.kind == "zip":
        return seed, _mutate_zip(seed, draw), ("zip-member",)
    names = draw(st.lists(st.sampled_from(sorted(MUTATIONS)), min_size=1, max_size=4))
    data = seed.data
    for name in names:
        data = MUTATIONS[name](data, draw)
    if seed.kind in ("json", "text", "csv") and draw(st.integers(min_value=0, max_value=9)) == 0:
        return seed, _zip_wrap(data, draw, seed.name), (*names, "zip-wrap")
    return seed, data, tuple(names)
