"""The batch path of jsonstream (orjson over runs of items) gives exactly what ijson alone gives.

Each case reads one file twice: through stream_items (batches where they are safe) and through
ijson alone, one value at a time (the path every file took before, kept here as the reference).
Values, their order, the error (key, line, reason), lenient skipping, JsonItems.line() and the
bytes reported for progress must all be the same.
Chunks are made tiny so that items, headers and separators are split across reads.
"""

from __future__ import annotations

import codecs
import json
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import ijson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sqtool.chat import jsonstream
from sqtool.chat.errors import ReadContext
from sqtool.chat.jsonstream import JsonItems, item_line, stream_items
from sqtool.chat.source import CountingStream, Source
from sqtool.errors import SqtoolError

PREFIX = "messages.item"


def _read(path: Path, *, reference: bool, lenient: bool, prefix: str = PREFIX) -> dict[str, object]:
    """Everything a reader can see of one reading: values, lines, error, skips, bytes reported."""
    source = Source(path, str(path))
    ctx = ReadContext(str(path), tz=None, lenient=lenient)  # type: ignore[arg-type]
    read: list[int] = []
    owner = stream_items(source, prefix, ctx, on_read=read.append)
    values, lines, error = [], [], None
    try:
        if reference:
            for value in _ijson_alone(source, prefix, ctx, read.append):
                values.append(value)
                lines.append((len(values), item_line(source, prefix, len(values) - 1)))
        else:
            for value in owner:
                values.append(value)
                lines.append((owner.count, owner.line()))
    except SqtoolError as caught:
        error = (caught.key, caught.line, caught.path, caught.hint, caught.args_for_message)
    except UnicodeDecodeError as caught:  # what ijson raises on some bad UTF-8: the same either way
        error = repr(caught)
    return {"values": repr(values), "lines": lines, "error": error, "skipped": ctx.skipped, "read": sum(read)}


def _ijson_alone(source: Source, prefix: str, ctx: ReadContext, on_read: Callable[[int], None]) -> Iterator[Any]:
    """How every JSON file was read before the batch path: ijson, one value at a time."""
    with source.open() as stream:
        bom = stream.peek(3)[:3] == codecs.BOM_UTF8  # type: ignore[attr-defined]
        if bom:
            stream.read(3)
        counted = CountingStream(stream, on_read)
        counted.position = 3 if bom else 0
        try:
            yield from ijson.items(counted, prefix, use_float=True, buf_size=65536)
        except (ijson.JSONError, UnicodeDecodeError) as error:
            # yajl's message is bytes when the bytes it quotes are not UTF-8: read as such, not as b'…'
            quoted = error.args[0] if error.args and isinstance(error.args[0], bytes) else None
            message = quoted.decode("utf-8", "replace") if quoted is not None else str(error)
            line = jsonstream._error_line(source, counted, quoted if quoted is not None else message)
            if "invalid bytes in UTF8 string" in message:
                ctx.bad_record("chat.bad_json", line=line, reason="invalid UTF-8")
            elif isinstance(error, UnicodeDecodeError):  # bad UTF-8 inside a string: a bad record too
                ctx.bad_record(
                    "chat.bad_json", line=line, reason=f"invalid UTF-8 (byte 0x{error.object[error.start]:02x})"
                )
            elif "premature EOF" in message:
                ctx.bad_record("chat.json_truncated", line=line)
            else:
                ctx.bad_record("chat.bad_json", line=line, reason=jsonstream._short(message))


def _same(path: Path, prefix: str = PREFIX) -> dict[str, object]:
    for lenient in (False, True):
        fast = _read(path, reference=False, lenient=lenient, prefix=prefix)
        assert fast == _read(path, reference=True, lenient=lenient, prefix=prefix)
    return fast


@pytest.fixture(autouse=True)
def _tiny_chunks(monkeypatch):
    monkeypatch.setattr(jsonstream, "_CHUNK", 64)
    monkeypatch.setattr(jsonstream, "_MAX_ITEM", 512)


# text that looks like JSON structure, escapes, and non-ASCII, to trip a scan that guesses
TRICKY = st.sampled_from(
    ['},{"id": 1}', "}, {", "{", "}", "]", '"', "\\", "\\u00e9", "中文", "😀", "\n", "\t", '\\"}, {\\"id', "x"]
)
TEXTS = st.lists(TRICKY | st.text(max_size=6), max_size=5).map("".join)
NUMBERS = st.sampled_from([0, -0.0, 1.5, 2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 2**64, 10**19, 10**25, 1e300])
SCALARS = st.none() | st.booleans() | st.integers(-(2**70), 2**70) | NUMBERS | st.floats(allow_nan=False) | TEXTS
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["id", "type", "text"]), inner),
    max_leaves=8,
)
OBJECTS = st.dictionaries(st.sampled_from(["id", "type", "text", "text_entities", "from"]), VALUES, max_size=4)
ITEMS = st.lists(
    st.fixed_dictionaries({"id": st.integers(0, 99), "text": TEXTS}) | OBJECTS, min_size=2, max_size=12
) | st.lists(OBJECTS | VALUES, max_size=6)


def _dump(value: object, rng: random.Random, blanks: str) -> str:
    """JSON with random blanks between tokens (any layout a writer may choose)."""
    space = "".join(rng.choice(blanks) for _ in range(rng.randrange(3)))
    if isinstance(value, dict):
        inner = ("," + space).join(
            json.dumps(key, ensure_ascii=rng.random() < 0.5) + space + ":" + _dump(item, rng, blanks)
            for key, item in value.items()
        )
        return "{" + space + inner + space + "}"
    if isinstance(value, list):
        return "[" + space + ("," + space).join(_dump(item, rng, blanks) for item in value) + space + "]"
    return space + json.dumps(value, ensure_ascii=rng.random() < 0.5) + space


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    items=ITEMS,
    before=st.dictionaries(
        st.sampled_from(["name", "type", "id", "about", "messages.item", "messages"]), VALUES, max_size=2
    ),
    after=st.dictionaries(st.sampled_from(["count", "messages"]), VALUES, max_size=2),
    seed=st.integers(0, 2**32),
    odd_blanks=st.sampled_from([False, False, False, True]),
    damage=st.sampled_from(["none", "none", "cut", "byte", "surrogate"]),
    chunk=st.sampled_from([16, 64, 300, 1 << 16]),
)
def test_batches_read_exactly_what_ijson_reads(tmp_path, items, before, after, seed, odd_blanks, damage, chunk):
    rng = random.Random(seed)
    blanks = " \t\r\n\x0c" if odd_blanks else " \n"  # yajl also takes a form feed; orjson does not
    head = "".join(json.dumps(key) + ":" + _dump(value, rng, blanks) + "," for key, value in before.items())
    tail = "".join("," + json.dumps(key) + ":" + _dump(value, rng, blanks) for key, value in after.items())
    text = "{" + head + '"messages": ' + _dump(items, rng, blanks) + tail + "}\n"
    data = text.encode("utf-8", "surrogatepass")
    if damage == "cut":
        data = data[: rng.randrange(len(data) + 1)]
    elif damage == "byte":
        at = rng.randrange(len(data))
        data = data[:at] + bytes([rng.choice(b'{}[]",:\\x\xff0')]) + data[at + 1 :]
    elif damage == "surrogate" and '"' in text[1:]:  # yajl reads a lone surrogate escape as "?"; orjson refuses it
        at = text.rindex('"')
        data = (text[:at] + "\\ud800" + text[at:]).encode()
    path = tmp_path / "result.json"
    path.write_bytes(data)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jsonstream, "_CHUNK", chunk)
        _same(path)


def test_a_telegram_desktop_layout_is_read_in_batches(tmp_path, monkeypatch):
    messages = [
        {
            "id": number,
            "type": "message",
            "text": ["see ", {"type": "link", "text": "https://x.y/{},{"}, " ok"] if number % 3 else "},{",
            "text_entities": [{"type": "plain", "text": "a"}, {"type": "bold", "text": "b"}],
        }
        for number in range(40)
    ]
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"name": "G", "id": 1, "messages": messages}, indent=1, ensure_ascii=False))
    orjson_reads = []
    real = jsonstream.orjson.loads
    monkeypatch.setattr(jsonstream.orjson, "loads", lambda data: orjson_reads.append(data) or real(data))
    found = _same(path)
    assert found["values"] == repr(messages)
    assert orjson_reads  # the batch path ran: this layout does not drive it back to ijson


@pytest.mark.parametrize(
    "text",
    [
        '{"messages": []}',
        '{"messages": [ ]}\n',
        '{"messages": [1, 2, {"a": 1}]}',
        '{"messages": [{"a": 1}, 2, {"a": 3}, {"a": 4}]}',
        '{"messages": [{"a": 1},{"a": 2},{"a": 3}], "messages": [{"a": 4}, {"a": 5}]}',
        '{"messages": [{"a": 1}, {"a": 2}, {"a": 3}]} trailing',
        '{"messages": [{"a": 1}, {"a": 2}, {"a": 3}]',
        '{"messages": [{"a": 1}, {"a": 2}, {"a": 9223372036854775808}, {"a": 4}]}',
        '{"name": 9223372036854775808, "messages": [{"a": 1}, {"a": 2}, {"a": 3}]}',
        '{"messages": [{"a": 1}, {"a": 2}, {"a": "9223372036854775808 and [ 12345678901234567890"}, {"a": 4}]}',
        '{"messages": [{"a": 1}, {"a": 2}, {"a": -18446744073709551617}, {"a": 4}]}',
        '{"messages": [{"a": 1}, {"a": [{"b": 2}, {"b": 3}]}, {"a": 1.5e999}, {"a": 4}]}',
        '{"a": {"messages": [{"a": 1}, {"a": 2}]}, "messages": [{"a": 3}, {"a": 4}]}',
        '{"name": "\\"messages\\": [", "messages": [{"a": 1}, {"a": 2}, {"a": 3}]}',
        '\ufeff{"messages": [{"a": 1}, {"a": 2}, {"a": 3}]}',
        '{"messages": [{"a": 1}, {"a": 2}, {"a": "x\ty"}, {"a": 4}, {"a": 5}]}',
        '{"messages": {"item": [{"a": 1}, {"a": 2}]}}',
    ],
)
def test_odd_files_read_exactly_as_with_ijson(tmp_path, text):
    path = tmp_path / "result.json"
    path.write_text(text, encoding="utf-8")
    _same(path)


def test_an_item_bigger_than_the_buffer_limit(tmp_path):
    items = [{"id": 1, "text": "a" * 2000}, {"id": 2}, {"id": 3, "text": "b" * 100}, {"id": 4}]
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"messages": items}))
    assert _same(path)["values"] == repr(items)


def test_other_prefixes_are_read_by_ijson_alone(tmp_path):
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"chats": {"list": [{"messages": [{"id": 1}, {"id": 2}, {"id": 3}]}]}}))
    found = _same(path, "chats.list.item.messages.item")
    assert found["values"] == repr([{"id": 1}, {"id": 2}, {"id": 3}])


def test_count_is_what_was_yielded(tmp_path):
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"messages": [{"id": number} for number in range(30)]}))
    items = JsonItems(Source(path, "x"), PREFIX, ReadContext("x", tz=None))  # type: ignore[arg-type]
    assert [(value["id"], items.count) for value in items] == [(number, number + 1) for number in range(30)]
