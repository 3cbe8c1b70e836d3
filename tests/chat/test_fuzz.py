"""Damaged or odd exports never raise anything but SqtoolError (which the CLI shows as a clear message)."""

from __future__ import annotations

import contextlib
import json
import tempfile
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sqtool.chat.read import read_exports
from sqtool.chat.readers import FORMAT_NAMES
from sqtool.errors import SqtoolError

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=20,
)
KEYS = [
    "id",
    "type",
    "date",
    "date_unixtime",
    "from",
    "from_id",
    "text",
    "action",
    "members",
    "actor",
    "timestamp",
    "author",
    "content",
    "reference",
    "mentions",
    "sender_name",
    "timestamp_ms",
    "users",
    "ts",
    "user",
    "subtype",
    "thread_ts",
    "media_type",
    "photo",
    "stickers",
    "attachments",
    "time",
    "sender",
    "event",
    "kind",
    "platformId",
    "accountName",
    "groupNickname",
    "platformMessageId",
    "replyToMessageId",
    "roles",
    "_type",
]
RECORDS = st.dictionaries(st.sampled_from(KEYS), JSON_VALUES, max_size=8)
LINES = st.lists(
    st.one_of(
        st.text(max_size=40),
        st.sampled_from(
            [
                "1/2/26, 10:00 - A: hi",
                "[1/2/26, 10:00:00] B: yo",
                "2026-01-01 9:00:00 甲(123)",
                "13/13/26, 25:61 - C: x",
                "31/2/26, 10:00 - D: x",
                "消息对象:群",
                "",
                "localId,TalkerId",
            ]
        ),
    ),
    max_size=10,
)


def consume(path: Path, format_name: str) -> None:
    for lenient in (False, True):
        try:
            for _ in read_exports([path], format=format_name, tz=ZoneInfo("Asia/Shanghai"), lenient=lenient):
                pass
        except SqtoolError:
            pass


def write_json(folder: Path, records: list[dict], format_name: str) -> Path:
    path = folder / "export.json"
    if format_name == "jsonl":
        path.write_text("\n".join(json.dumps(record) for record in records))
    elif format_name == "chatlab":  # JSON Lines: a header, then the records as members and messages
        header = {"_type": "header", "chatlab": {"version": "0.0.2"}, "meta": {"platform": "wechat"}}
        lines = [
            header,
            *({"_type": "member", **r} for r in records[:2]),
            *({"_type": "message", **r} for r in records),
        ]
        path.write_text("\n".join(json.dumps(line) for line in lines))
    elif format_name == "chatlab-json":
        path.write_text(json.dumps({"chatlab": {"version": "0.0.2"}, "members": records[:3], "messages": records}))
    elif format_name == "slack":
        path = folder / "export.zip"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("users.json", json.dumps(records[:2]))
            archive.writestr("general/2026-01-01.json", json.dumps(records))
    else:
        path.write_text(json.dumps({"guild": {}, "channel": {}, "participants": [], "messages": records}))
    return path


@pytest.mark.parametrize(
    "format_name", ["telegram", "discord", "messenger", "slack", "jsonl", "chatlab", "chatlab-json"]
)
def test_random_json_records(format_name):
    @settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(RECORDS, max_size=6))
    def check(records):
        with tempfile.TemporaryDirectory() as folder:
            path = write_json(Path(folder), records, format_name)
            consume(path, format_name.removesuffix("-json"))
            if format_name.startswith("chatlab"):  # its roster is read on its own pass
                with contextlib.suppress(SqtoolError):
                    read_exports([path], format="chatlab").listed_members()

    check()


@pytest.mark.parametrize("format_name", FORMAT_NAMES)
def test_random_text_and_bytes(format_name):
    @settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(LINES, st.sampled_from(["utf-8", "utf-16", "gb18030"]), st.binary(max_size=30))
    def check(lines, encoding, tail):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / ("export.zip" if format_name == "slack" else "export.txt")
            data = "\r\n".join(lines).encode(encoding, errors="replace") + tail
            if format_name == "csv":
                data = b"time,sender,text\n" + data
            path.write_bytes(data)
            consume(path, format_name)

    check()
