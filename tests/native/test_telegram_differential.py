"""One contract, two backends: the native Telegram reader reads every input exactly as the Python one.

Records (every field), the skipped count and warnings, or the error (catalogue key, file, line,
arguments) must be identical, strict and --lenient, on the corpus, the reader's fixtures, hand-made
quirks, every cut of a small export, and hypothesis-generated exports.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import CORPUS, REPO, needs_shared
from tests.native.helpers import both, needs_native

pytestmark = needs_native
FIXTURES = REPO / "tests" / "fixtures" / "chat"


def message(number: int, **fields: object) -> dict:
    record = {
        "id": number,
        "type": "message",
        "date": "2025-03-01T10:00:00",
        "date_unixtime": str(1740823200 + 60 * number),
        "from": f"member {number % 3}",
        "from_id": f"user{number % 3}",
        "text": f"message {number}",
    }
    record.update(fields)
    return record


def export(messages: list, **header: object) -> str:
    return json.dumps({"name": "Group", "type": "private_supergroup", "id": 1, **header, "messages": messages})


def assert_same(path: Path, **options: object) -> tuple:
    python, native = both(path, **options)
    assert native == python
    return python


@needs_shared
@pytest.mark.parametrize("lenient", [False, True])
@pytest.mark.parametrize("name", ["chatanalytics_DM_2A_7M.json", "chatstyle_result.json"])
def test_corpus(name: str, lenient: bool) -> None:
    """The corpus's Telegram exports read the same by both backends."""
    assert assert_same(CORPUS / "telegram_json" / name, lenient=lenient)[0] == "read"


@pytest.mark.parametrize("lenient", [False, True])
def test_truncated_fixture(lenient: bool) -> None:
    """The reader's cut-off fixture: the same error, or the same records kept and the same skip."""
    assert_same(FIXTURES / "telegram_truncated.json", lenient=lenient)


QUIRKS: dict[str, str] = {
    "usual": export([message(n) for n in range(50)]),
    "empty": export([]),
    "bom": "\ufeff" + export([message(1), message(2)]),
    "crlf": export([message(1), message(2)]).replace(", ", ",\r\n "),
    "indented": json.dumps({"name": "G", "messages": [message(1), message(2)]}, indent=1),
    "unicode": export([message(1, text="怎么做用户分层？", **{"from": "阿果 🍊"}), message(2, text="\u00e9\u0301 ٢")]),
    "escapes": export([message(1, text='quote " and \\ and \n and \u0000 and \t')]),
    "surrogate pair": export([message(1, text="😀")]).replace("😀", "\\ud83d\\ude00"),
    "lone surrogate": export([message(1, text="x")]).replace('"text": "x"', '"text": "\\ud83d"'),
    "long integer": export([message(1, reply_to_message_id=12345678901234567890123)]),
    "float id": export([message(1, id=1.5), message(2, id=2.0)]),
    "bool and list ids": export([message(1, id=True), message(2, id=[1]), message(3, reply_to_message_id=False)]),
    "string ids": export([message(1, id="a1", reply_to_message_id="a0")]),
    "null fields": export([message(1, id=None, reply_to_message_id=None, text=None)]),
    "no text": export([{k: v for k, v in message(1).items() if k != "text"}]),
    "duplicate keys": export([message(1)]).replace('"text": "message 1"', '"text": "one", "text": "two"'),
    "links": export(
        [
            message(1, text="see https://example.com"),
            message(2, text="WWW.EXAMPLE.COM ok"),
            message(3, text="a.b"),
            message(4, text="İwww.x"),
        ]
    ),
    "entities": export(
        [message(1, text=["hi ", {"type": "mention", "text": "@bob"}, {"type": "link", "text": "x.io"}])]
    ),
    "media": export([message(1, media_type="sticker"), message(2, photo="p.jpg"), message(3, media_type=7)]),
    "service": export(
        [
            {
                "id": 9,
                "type": "service",
                "date_unixtime": "1740823200",
                "actor": "A",
                "actor_id": "u1",
                "action": "invite_members",
                "members": ["B", "C"],
            },
            message(1),
        ]
    ),
    "deleted account": export([message(1, **{"from": None}), message(2, **{"from": ""}), message(3, from_id=5)]),
    "empty from_id": export([message(1, from_id="")]),
    "odd times": export(
        [
            message(1, date_unixtime="1740823200.5"),
            message(2, date_unixtime=" 17"),
            message(3, date_unixtime="-3601"),
            message(4, date_unixtime="99999999999999999"),
            message(5, date_unixtime="１７４０８２３２００"),
            message(6, date_unixtime=1740823200),
        ]
    ),
    "no time": export([{"id": 1, "type": "message", "from": "a", "from_id": "u"}, message(2)]),
    "not objects": export([message(1), 5, "x", [1], None, message(2)]),
    "unknown type": export([message(1, type="future"), message(2, type=None)]),
    "nested messages": json.dumps({"name": "G", "about": {"messages": [message(7)]}, "messages": [message(1)]}),
    "two arrays": export([message(1)])[:-1] + ', "messages": [' + json.dumps(message(2)) + "]}",
    "trailing comma": export([message(1), message(2)]).replace("}]}", "},]}"),
    "garbage after": export([message(1)]) + " x",
    "bad literal": export([message(1), message(2, x=True)]).replace("true", "tru"),
    "form feed": export([message(1), message(2)]).replace(", {", ",\f{"),
    "deep item": export([message(1), message(2, x=[7])]).replace("[7]", "[" * 120 + "7" + "]" * 120),
    "nearly deep item": export([message(1), message(2, x=[7]), message(3)]).replace("[7]", "[" * 96 + "7" + "]" * 96),
    "nearly long string": export([message(1), message(2, text="x" * ((1 << 20) - 8)), message(3)]),
    "deep header": '{"about": ' + "[" * 120 + "]" * 120 + ', "messages": [' + json.dumps(message(1)) + "]}",
    "deep tail": export([message(1)])[:-1] + ', "about": ' + "[" * 120 + "]" * 120 + "}",
    "long string": export([message(1), message(2, text="x" * ((1 << 20) + 10)), message(3)]),
    "long string in the tail": export([message(1)])[:-1] + ', "about": "' + "y" * ((1 << 20) + 10) + '"}',
    "long number": export([message(1), message(2, x=int("9" * 120))]),
    "whole account": json.dumps({"chats": {"list": [{"name": "G", "messages": [message(1), message(2)]}]}}),
    "invalid utf-8": export([message(1), message(2, text="A~B")]),  # written with a 0xff byte for the ~
}


@pytest.mark.parametrize("lenient", [False, True])
@pytest.mark.parametrize("name", sorted(QUIRKS))
def test_quirks(tmp_path: Path, name: str, lenient: bool) -> None:
    """Each quirk a real or damaged export has: the same records, skips and errors from both backends."""
    path = tmp_path / "result.json"
    text = QUIRKS[name]
    data = text.encode("utf-8")
    path.write_bytes(data.replace(b"A~B", b"A\xffB") if name == "invalid utf-8" else data)
    assert_same(path, lenient=lenient)


def test_every_cut_of_a_small_export(tmp_path: Path) -> None:
    """A file cut at any byte (a copy that stopped part-way): the same outcome, strict and lenient."""
    data = export([message(n, text="怎么做？" if n % 2 else "ok") for n in range(4)]).encode("utf-8")
    path = tmp_path / "result.json"
    for end in range(0, len(data), 3):
        path.write_bytes(data[:end])
        for lenient in (False, True):
            python, native = both(path, lenient=lenient)
            assert native == python, (end, lenient)


def test_big_export_with_time_zone(tmp_path: Path) -> None:
    """Several chunks of the native reader, in a zone with daylight saving: the same records."""
    rng = random.Random(3)
    messages = [
        message(n, date_unixtime=str(1711846800 + 37 * n), text=rng.choice(["a", "b.c", "问？"]) * 40)
        for n in range(6000)
    ]
    path = tmp_path / "result.json"
    path.write_text(export(messages), encoding="utf-8")
    assert assert_same(path, tz="Europe/Berlin")[0] == "read"


_TEXT = st.one_of(
    st.text(max_size=30),
    st.lists(
        st.one_of(
            st.text(max_size=8),
            st.fixed_dictionaries({"type": st.sampled_from(["mention", "bold"]), "text": st.text(max_size=8)}),
        ),
        max_size=3,
    ),
)
_FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.integers(-(2**70), 2**70), st.text(max_size=4), st.none(), st.floats(allow_nan=False)),
        "type": st.sampled_from(["message", "service", "other"]),
        "date_unixtime": st.one_of(st.integers(-(10**12), 10**12).map(str), st.text(max_size=4)),
        "date": st.sampled_from(["2025-01-01T10:00:00", "bad", "2025-01-01T10:00:00+08:00"]),
        "from": st.one_of(st.text(max_size=6), st.none()),
        "from_id": st.one_of(st.text(max_size=6), st.integers(0, 9)),
        "text": _TEXT,
        "reply_to_message_id": st.one_of(st.integers(0, 2**40), st.text(max_size=3), st.none()),
        "media_type": st.sampled_from(["sticker", "voice_message", "x"]),
        "action": st.sampled_from(["invite_members", "remove_members", "pin_message"]),
    },
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    records=st.lists(st.one_of(_FIELDS, st.builds(lambda n: message(n), st.integers(0, 500))), max_size=12),
    shuffle=st.randoms(),
    crlf=st.booleans(),
    bom=st.booleans(),
    cut=st.one_of(st.none(), st.integers(0, 4000)),
    lenient=st.booleans(),
)
def test_generated_exports(tmp_path: Path, records, shuffle, crlf, bom, cut, lenient) -> None:
    """Generated exports (any field values, duplicates and disorder, CRLF, BOM, cut short): the same outcome."""
    records = records + records[: len(records) // 3]  # duplicates
    shuffle.shuffle(records)  # disorder
    text = json.dumps({"name": "G", "messages": records}, ensure_ascii=False, indent=1 if crlf else None)
    if crlf:
        text = text.replace("\n", "\r\n")
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8", "surrogatepass")
    if cut is not None:
        data = data[:cut]
    path = tmp_path / "result.json"
    path.write_bytes(data)
    assert_same(path, lenient=lenient)
