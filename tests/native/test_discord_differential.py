"""One contract, two backends: the native Discord reader reads every input exactly as the Python one.

Records (every field, time zones included: compared by repr too, since equal datetimes may differ
in their offset), the skipped count and warnings, or the error (catalogue key, file, line,
arguments) must be identical, strict and --lenient, on the corpus, the reader's own exports
(tests/chat, tests/fuzz/seeds.py, tests/limits), hand-made quirks of DiscordChatExporter files,
every cut of a small export, and hypothesis-generated exports.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import CORPUS, needs_shared
from tests.fuzz.seeds import DISCORD as DISCORD_SEED
from tests.limits import exports as limit_exports
from tests.limits import lenient_exports
from tests.native.helpers import both, needs_native

pytestmark = needs_native
AUTHORS = [
    {"id": "111111111111111111", "name": "mlomb", "discriminator": "5506", "nickname": "mlomb", "isBot": False},
    {"id": "222222222222222222", "name": "lombi", "discriminator": "0", "nickname": "阿果 🍊", "isBot": False},
    {"id": "333333333333333333", "name": "Helper", "discriminator": "0000", "isBot": True},
]


def message(number: int, **fields: object) -> dict:
    """A message as DiscordChatExporter writes it (every usual key), then ``fields`` over it."""
    record = {
        "id": str(1064990775659729017 + number),
        "type": "Default",
        "timestamp": f"2023-01-17T19:{number % 60:02d}:07.489+00:00",
        "timestampEdited": None,
        "callEndedTimestamp": None,
        "isPinned": False,
        "content": f"message {number}",
        "author": {**AUTHORS[number % 3], "color": None, "avatarUrl": "https://cdn.discordapp.com/embed/avatars/3.png"},
        "attachments": [],
        "embeds": [],
        "stickers": [],
        "reactions": [],
        "mentions": [],
    }
    record.update(fields)
    return record


def export(messages: list, **header: object) -> str:
    return json.dumps(
        {
            "guild": {"id": "253601524398293010", "name": "G", "iconUrl": "x.png"},
            "channel": {"id": "2", "type": "GuildTextChat", "categoryId": "3", "category": "Chat", "name": "general"},
            "dateRange": {"after": None, "before": None},
            **header,
            "messages": messages,
            "messageCount": len(messages),
        },
        ensure_ascii=False,
    )


def assert_same(path: Path, **options: object) -> tuple:
    python, native = both(path, export_format="discord", **options)
    assert native == python
    assert repr(native) == repr(python)  # the same offsets too
    return python


@needs_shared
@pytest.mark.parametrize("lenient", [False, True])
@pytest.mark.parametrize(
    "name", ["chatanalytics_DM_2A_2M.json", "chatanalytics_GC_3A_5M.json", "chatanalytics_SV_5A_5M.json"]
)
def test_corpus(name: str, lenient: bool) -> None:
    """The corpus's DiscordChatExporter exports read the same by both backends."""
    assert assert_same(CORPUS / "discord_json" / name, lenient=lenient)[0] == "read"


HELD_OUT: dict[str, bytes] = {
    "fuzz seed": DISCORD_SEED.data,
    "limits: usual": limit_exports.discord(),
    "limits: deep content": limit_exports.discord("[" * 70 + "]" * 70),
    "limits: long content": limit_exports.discord('"' + "x" * ((1 << 20) + 5) + '"'),
    "limits: long number": limit_exports.discord("9" * 5000),
    "lenient: texts": lenient_exports.discord(["a", "b" * ((1 << 20) + 5), "c"]),
}


@pytest.mark.parametrize("lenient", [False, True])
@pytest.mark.parametrize("name", sorted(HELD_OUT))
def test_held_out_exports(tmp_path: Path, name: str, lenient: bool) -> None:
    """The exports other suites read through the Python reader (fuzz seed, limits): the same outcome."""
    path = tmp_path / "export.json"
    path.write_bytes(HELD_OUT[name])
    assert_same(path, lenient=lenient)


def event(number: int, kind: str, **fields: object) -> dict:
    return message(number, **{"type": kind, "content": "", **fields})


MENTIONED = {"id": "222222222222222222", "name": "lombi", "discriminator": "0", "nickname": "L", "isBot": False}
QUIRKS: dict[str, str] = {
    "usual": export([message(n) for n in range(50)]),
    "empty": export([]),
    "bom": "\ufeff" + export([message(1), message(2)]),
    "crlf": json.dumps(json.loads(export([message(1), message(2)])), indent=2).replace("\n", "\r\n"),
    "indented": json.dumps(json.loads(export([message(1), message(2)])), indent=4, ensure_ascii=False),
    "unicode": export([message(1, content="怎么做用户分层？🍊"), message(2, content="\u00e9\u0301 ٢ \u200f")]),
    "escaped emoji": export([message(1, content="👆 ok")]).replace("👆", "\\ud83d\\udc46"),
    "lone surrogate": export([message(1, content="x")]).replace('"content": "x"', '"content": "\\ud83d"'),
    "high then low escapes apart": export([message(1, content="x")]).replace(
        '"content": "x"', '"content": "\\ud83d\\n\\udc46"'
    ),
    "low surrogate alone": export([message(1, content="x"), message(2)]).replace(
        '"content": "x"', '"content": "\\udc46 y"'
    ),
    "escapes": export([message(1, content='quote " and \\ and \n and \u0000 and \t')]),
    "integer ids": export(
        [message(1, id=1064990775659729018, author={"id": 42, "name": "n"}), message(2, id=-3, author={"id": -7})]
    ),
    "long integer id": export([message(1, id=1064990775659729018123)]),
    "float and other ids": export(
        [message(1, id=1.5), message(2, id=None), message(3, id=True), message(4, id=[1]), message(5, id={"a": 1})]
    ),
    "no id": export([{k: v for k, v in message(1).items() if k != "id"}]),
    "nicknames and names": export(
        [
            message(1, author={"id": "1", "name": "name", "nickname": "nick"}),
            message(2, author={"id": "1", "name": "name", "nickname": ""}),
            message(3, author={"id": "1", "name": "name", "nickname": None}),
            message(4, author={"id": "1", "name": "name"}),
            message(5, author={"id": "1", "name": "", "nickname": ""}),
            message(6, author={"id": "1"}),
            message(7, author={"name": "no id"}),
            message(8, author={}),
            message(9, author=None),
            message(10, author="someone"),
            message(11, author=["a"]),
            message(12, author={"id": "1", "name": "renamed", "nickname": "nick"}),
        ]
    ),
    "odd author values": export(
        [
            message(1, author={"id": "1", "nickname": 0, "name": "n"}),
            message(2, author={"id": "1", "nickname": False, "name": 5}),
            message(3, author={"id": "1", "nickname": [], "name": {}}),
            message(4, author={"id": "1", "nickname": ["x"]}),
            message(5, author={"id": "1", "nickname": 0.0, "name": "n"}),
            message(6, author={"id": 1.5, "name": "n"}),
            message(7, author={"id": None, "name": "n"}),
            message(8, author={"id": True, "name": "n"}),
        ]
    ),
    "bots": export(
        [
            message(1, author={"id": "9", "name": "bot", "isBot": True}),
            message(2, author={"id": "9", "name": "bot", "isBot": "yes"}),
            message(3, author={"id": "9", "name": "bot", "isBot": 1}),
            message(4, author={"id": "9", "name": "bot", "isBot": 0.5}),
            message(5, author={"id": "9", "name": "bot", "isBot": None}),
            message(6, author={"id": "9", "name": "bot", "isBot": []}),
        ]
    ),
    "replies": export(
        [
            message(1, type="Reply", reference={"messageId": "1064990775659729017", "channelId": "2", "guildId": "3"}),
            message(2, type="Reply", reference={"messageId": 1064990775659729017}),
            message(3, type="Reply", reference={"messageId": None}),
            message(4, type="Reply", reference={"messageId": ""}),
            message(5, type="Reply", reference={"messageId": 0}),
            message(6, type="Reply", reference={}),
            message(7, type="Reply", reference=None),
            message(8, type="Reply", reference="1"),
            message(9, type="Reply", reference={"messageId": True}),
            message(10, type="Reply", reference={"messageId": 2.5}),
            message(11, type="Reply", reference={"messageId": [1]}),
        ]
    ),
    "mentions": export(
        [
            message(1, content="@lombi hi", mentions=[MENTIONED]),
            message(2, mentions=[MENTIONED, {"id": 5}, {"name": "no id"}, {"id": None}, "x", 3, None]),
            message(3, mentions=[{"id": True}]),
            message(4, mentions=[{"id": 1.5}]),
            message(5, mentions={"id": "1"}),
            message(6, mentions="x"),
            message(7, mentions=[]),
        ]
    ),
    "attachments, stickers and embeds": export(
        [
            message(1, content="", attachments=[{"id": "1", "url": "a.png", "fileName": "a.png", "fileSizeBytes": 9}]),
            message(2, content="look", attachments=[{"id": "1"}]),
            message(3, content=" \u3000\n\u2028", attachments=[{"id": "1"}]),
            message(4, content="\u200b", attachments=[{"id": "1"}]),
            message(5, stickers=[{"id": "1", "name": "wave", "format": "Png", "sourceUrl": "s.png"}]),
            message(6, content="", attachments={"id": "1"}),
            message(7, content="", attachments=1),
            message(8, content="", attachments=0.0),
            message(9, stickers=1.0),
            message(10, stickers="x"),
            message(11, content="see https://example.com", embeds=[{"title": "Example", "url": "https://example.com"}]),
            message(12, content="https://example.com/a"),
            message(13, content="WWW.EXAMPLE.COM"),
            message(14, content="a.b c"),
            message(15, content=""),
        ]
    ),
    "system messages": export(
        [
            event(1, "GuildMemberJoin"),
            event(2, "ChannelPinnedMessage", reference={"messageId": "1"}),
            event(3, "ThreadCreated", content="a thread"),
            event(4, "RecipientAdd", mentions=[MENTIONED]),
            event(5, "RecipientRemove", mentions=[MENTIONED]),
            event(6, "RecipientRemove", mentions=[{**MENTIONED, "id": AUTHORS[6 % 3]["id"]}]),
            event(7, "ChannelNameChange", content="Changed the channel name."),
            event(8, "Call", callEndedTimestamp="2023-01-17T19:10:00+00:00"),
            message(9, type="ThreadStarterMessage"),
            message(10, type="ChatInputCommand", interaction={"name": "ping", "user": AUTHORS[0]}),
            message(11, type="ContextMenuCommand"),
            message(12, type="Future"),
            message(13, type=None),
            message(14, type=7),
            message(15, type=["Default"]),
            {k: v for k, v in message(16).items() if k != "type"},
        ]
    ),
    "times": export(
        [
            message(1, timestamp="2023-01-17T19:33:07+08:00"),
            message(2, timestamp="2023-01-17T19:33:07.1+05:30"),
            message(3, timestamp="2023-01-17T19:33:07.123456-03:00"),
            message(4, timestamp="2023-01-17T19:33:07.1234567+00:00"),
            message(5, timestamp="2023-01-17T19:33:07.123456789+00:00"),
            message(6, timestamp="2023-01-17T19:33:07.1234567890+00:00"),
            message(7, timestamp="2023-01-17T19:33:07Z"),
            message(8, timestamp="2023-01-17T19:33:07.5Z"),
            message(9, timestamp="2023-01-17T19:33:07-00:00"),
            message(10, timestamp="2023-01-17T19:33:07+05:75"),
            message(11, timestamp="2023-01-17T19:33:07+23:59"),
            message(12, timestamp="2023-01-17T19:33:07+24:00"),
            message(13, timestamp="2023-01-17T19:33:07+0530"),
            message(14, timestamp="2023-01-17T19:33:07.+00:00"),
            message(15, timestamp="2023-01-17 19:33:07+00:00"),
            message(16, timestamp="2023-01-17T19:33:07"),
            message(17, timestamp="2023-01-17"),
            message(18, timestamp="2023-02-29T19:33:07+00:00"),
            message(19, timestamp="0000-01-01T00:00:00+00:00"),
            message(20, timestamp="2023-01-17T24:00:00+00:00"),
            message(21, timestamp="2023-01-17T19:60:07+00:00"),
            message(22, timestamp="2023-01-17T19:33:60+00:00"),
            message(23, timestamp="9999-12-31T23:59:59.999999-23:59"),
            message(24, timestamp="0001-01-01T00:00:00+00:00"),
            message(25, timestamp="２０２３-01-17T19:33:07+00:00"),
            message(26, timestamp="2023-01-17T19:33:07.000+00:00:30"),
            message(27, timestamp="2023-01-17T19:33:07+00:00Z"),
            message(28, timestamp=1673984000),
            message(29, timestamp=None),
            message(30, timestamp=""),
            message(31, timestampEdited="2023-01-17T19:40:00.5+00:00"),
            {k: v for k, v in message(32).items() if k != "timestamp"},
        ]
    ),
    "naive times in a zone with daylight saving": export(
        [message(n, timestamp=f"2025-03-30T0{n % 4}:30:00") for n in range(8)]
    ),
    "content of other types": export(
        [
            message(1, content=None),
            message(2, content=5),
            message(3, content=1.5),
            message(4, content=True),
            message(5, content=["a"]),
            message(6, content={"a": 1}),
            {k: v for k, v in message(7).items() if k != "content"},
        ]
    ),
    "duplicate keys": export([message(1), message(2), message(3), message(4)])
    .replace('"content": "message 1"', '"content": "one", "content": "two"')
    .replace('"nickname": "阿果 🍊"', '"nickname": "a", "nickname": "b"')
    .replace(
        '"timestamp": "2023-01-17T19:03:07.489+00:00"', '"timestamp": "x", "timestamp": "2023-01-17T19:03:07+00:00"'
    ),
    "duplicate keys inside": export(
        [
            message(1, type="Reply", reference={"messageId": "1"}),
            message(2, mentions=[MENTIONED]),
        ]
    )
    .replace('"messageId": "1"', '"messageId": "1", "messageId": "2"')
    .replace(
        '"id": "222222222222222222", "name": "lombi", "discriminator": "0", "nickname": "L"', '"id": "5", "id": "6"'
    ),
    "not objects": export([message(1), 5, "x", [1], None, message(2)]),
    "nested messages": export([message(1)], about={"messages": [message(7)]}),
    "two arrays": export([message(1)])[:-1] + ', "messages": [' + json.dumps(message(2)) + "]}",
    "trailing comma": export([message(1), message(2)]).replace('"mentions": []}]', '"mentions": []},]'),
    "garbage after": export([message(1)]) + " x",
    "bad literal": export([message(1), message(2, isPinned=True)]).replace("true", "tru"),
    "form feed": export([message(1), message(2)]).replace("}, {", "},\f{"),
    "deep item": export([message(1), message(2, embeds=[7])]).replace("[7]", "[" * 120 + "7" + "]" * 120),
    "nearly deep item": export([message(1), message(2, embeds=[7]), message(3)]).replace(
        "[7]", "[" * 96 + "7" + "]" * 96
    ),
    "nearly long string": export([message(1), message(2, content="x" * ((1 << 20) - 8)), message(3)]),
    "long string": export([message(1), message(2, content="x" * ((1 << 20) + 10)), message(3)]),
    "long number": export([message(1), message(2, reactions=[int("9" * 120)])]),
    "deep header": export([message(1)], about=[[[[[[[]]]]]]]).replace("[[[[[[[]]]]]]]", "[" * 120 + "]" * 120),
    "long string in the tail": export([message(1)])[:-1] + ', "about": "' + "y" * ((1 << 20) + 10) + '"}',
    "huge item": export([message(1), message(2, embeds=["z" * 1000] * 3000), message(3)]),
    "invalid utf-8": export([message(1), message(2, content="A~B")]),  # written with a 0xff byte for the ~
}


@pytest.mark.parametrize("lenient", [False, True])
@pytest.mark.parametrize("name", sorted(QUIRKS))
def test_quirks(tmp_path: Path, name: str, lenient: bool) -> None:
    """Each quirk a real or damaged export has: the same records, skips and errors from both backends."""
    path = tmp_path / "export.json"
    data = QUIRKS[name].encode("utf-8")
    path.write_bytes(data.replace(b"A~B", b"A\xffB") if name == "invalid utf-8" else data)
    assert_same(path, lenient=lenient, tz="Europe/Berlin")


def test_every_cut_of_a_small_export(tmp_path: Path) -> None:
    """A file cut at any byte (a copy that stopped part-way): the same outcome, strict and lenient."""
    messages = [
        message(1, content="怎么做？"),
        event(2, "GuildMemberJoin"),
        message(3, type="Reply", reference={"messageId": "1"}),
    ]
    data = ("\ufeff" + export(messages)).encode("utf-8")
    path = tmp_path / "export.json"
    for end in range(0, len(data), 7):
        path.write_bytes(data[:end])
        for lenient in (False, True):
            python, native = both(path, export_format="discord", lenient=lenient)
            assert native == python, (end, lenient)
            assert repr(native) == repr(python), (end, lenient)


def test_big_export(tmp_path: Path) -> None:
    """Several chunks of the native reader, many authors, offsets and kinds: the same records."""
    rng = random.Random(5)
    offsets = ["+00:00", "+08:00", "-05:00", "Z"]
    messages = [
        message(
            n,
            timestamp=f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}T{n % 24:02d}:{n % 60:02d}:07.{n % 1000:03d}"
            + rng.choice(offsets),
            content=rng.choice(["a", "b.c", "问？", "https://x.io/a", ""]) * rng.randint(1, 30),
            author={"id": str(n % 97), "name": f"m{n % 97}", **({"nickname": f"n{n % 5}"} if n % 3 else {})},
            attachments=[{"id": "1"}] if n % 11 == 0 else [],
            mentions=[{"id": str(n % 13)}] if n % 7 == 0 else [],
        )
        for n in range(6000)
    ]
    path = tmp_path / "export.json"
    path.write_text(export(messages), encoding="utf-8")
    assert assert_same(path)[0] == "read"


_ID = st.one_of(st.text(max_size=4), st.integers(-(2**70), 2**70), st.none(), st.booleans(), st.floats(allow_nan=False))
_TIME = st.one_of(
    st.builds(
        lambda y, mo, d, h, mi, s, frac, off: f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}{frac}{off}",
        st.integers(0, 9999),
        st.integers(0, 13),
        st.integers(0, 32),
        st.integers(0, 25),
        st.integers(0, 61),
        st.integers(0, 61),
        st.sampled_from(["", ".", ".5", ".123", ".1234567", ".1234567890"]),
        st.sampled_from(["", "Z", "+00:00", "-00:00", "+08:00", "-13:45", "+24:00", "+0530", "+05:30:15"]),
    ),
    st.text(max_size=6),
    st.integers(),
    st.none(),
)
_ANY = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.floats(allow_nan=False), st.text(max_size=3))
_AUTHOR = st.one_of(
    st.fixed_dictionaries(
        {},
        optional={
            "id": _ID,
            "name": st.one_of(st.text(max_size=6), _ANY),
            "nickname": st.one_of(st.text(max_size=6), _ANY),
            "isBot": _ANY,
        },
    ),
    _ANY,
)
_FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "id": _ID,
        "type": st.one_of(
            st.sampled_from(
                [
                    "Default",
                    "Reply",
                    "GuildMemberJoin",
                    "RecipientAdd",
                    "RecipientRemove",
                    "ThreadCreated",
                    "ChannelPinnedMessage",
                    "ChatInputCommand",
                    "Call",
                ]
            ),
            _ANY,
        ),
        "timestamp": _TIME,
        "content": st.one_of(st.text(max_size=20), _ANY, st.sampled_from(["https://a.io", "www.x.y", "a.b"])),
        "author": _AUTHOR,
        "attachments": st.one_of(st.lists(st.just({"id": "1"}), max_size=2), _ANY),
        "stickers": st.one_of(st.lists(st.just({"id": "1"}), max_size=2), _ANY),
        "reference": st.one_of(st.fixed_dictionaries({}, optional={"messageId": _ID}), _ANY),
        "mentions": st.one_of(
            st.lists(st.one_of(st.fixed_dictionaries({}, optional={"id": _ID}), _ANY), max_size=3), _ANY
        ),
    },
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    records=st.lists(st.one_of(_FIELDS, st.builds(message, st.integers(0, 500))), max_size=12),
    shuffle=st.randoms(),
    crlf=st.booleans(),
    bom=st.booleans(),
    cut=st.one_of(st.none(), st.integers(0, 6000)),
    lenient=st.booleans(),
)
def test_generated_exports(tmp_path: Path, records, shuffle, crlf, bom, cut, lenient) -> None:
    """Generated exports (any field values, duplicates and disorder, CRLF, BOM, cut short): the same outcome."""
    records = records + records[: len(records) // 3]  # duplicates
    shuffle.shuffle(records)  # disorder
    text = json.dumps(json.loads(export([])) | {"messages": records}, ensure_ascii=False, indent=1 if crlf else None)
    if crlf:
        text = text.replace("\n", "\r\n")
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8", "surrogatepass")
    if cut is not None:
        data = data[:cut]
    path = tmp_path / "export.json"
    path.write_bytes(data)
    assert_same(path, lenient=lenient, tz="America/New_York")
