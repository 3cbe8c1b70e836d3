"""The readers' cached time conversions give what localize/from_epoch give, also across DST changes."""

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from sqtool.chat.timezones import from_epoch, localize
from tests.chat.helpers import read_all

# New York: changes on the hour; Lord Howe: a 30-minute step; Kathmandu 1986: a change at 00:15 local
ZONES = ["America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu"]
WALL_TIMES = [
    datetime(2021, 3, 14, 1, 59),
    datetime(2021, 3, 14, 2, 30),  # skipped in New York
    datetime(2021, 3, 14, 3, 1),
    datetime(2021, 4, 4, 1, 45),  # repeated half hour in Lord Howe
    datetime(2021, 11, 7, 1, 30),  # repeated in New York
    datetime(2021, 11, 7, 1, 59),
    datetime(1985, 12, 31, 23, 50),
    datetime(1986, 1, 1, 0, 20),
]


@pytest.mark.parametrize("zone", ZONES)
def test_whatsapp_times_match_localize(tmp_path, zone):
    export = tmp_path / "WhatsApp Chat with Clock.txt"
    lines = [f"{when:%Y/%m/%d, %H:%M} - Ann: line {index}" for index, when in enumerate(sorted(WALL_TIMES))]
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = read_all(export, tz=zone)
    got = {message.text: message.timestamp for message in result.messages}
    for index, when in enumerate(sorted(WALL_TIMES)):
        expected = localize(when, ZoneInfo(zone))
        assert got[f"line {index}"] == expected
        assert got[f"line {index}"].utcoffset() == expected.utcoffset()


@pytest.mark.parametrize("zone", ZONES)
def test_telegram_times_match_from_epoch(tmp_path, zone):
    start = int(datetime(2021, 3, 14, 5, 0, tzinfo=UTC).timestamp()) // 3600 * 3600
    seconds = [start + step for step in range(0, 3600 * 5, 599)]
    seconds += [int(datetime(2021, 11, 7, 4, tzinfo=UTC).timestamp()) + step for step in range(0, 3600 * 3, 901)]
    seconds += [int(datetime(1985, 12, 31, 17, tzinfo=UTC).timestamp()) + step for step in range(0, 3600 * 3, 450)]
    seconds += [int(datetime(2021, 4, 3, 14, tzinfo=UTC).timestamp()) + step for step in range(0, 3600 * 2, 420)]
    messages = [
        {"id": n, "type": "message", "date_unixtime": str(value), "from": "Ann", "from_id": "user1", "text": f"m{n}"}
        for n, value in enumerate(sorted(seconds))
    ]
    export = tmp_path / "result.json"
    export.write_text(json.dumps({"name": "Clock", "messages": messages}), encoding="utf-8")
    result = read_all(export, tz=zone)
    assert len(result.messages) == len(seconds)
    for message, value in zip(result.messages, sorted(seconds), strict=True):
        expected = from_epoch(float(value), ZoneInfo(zone))
        assert message.timestamp == expected
        assert message.timestamp.utcoffset() == expected.utcoffset()
        assert message.timestamp.replace(tzinfo=None) == expected.replace(tzinfo=None)
    assert len({message.timestamp.utcoffset() for message in result.messages}) >= 2  # a change was crossed
