import json
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sqtool.chat.model import Message
from sqtool.chat.read import ordered, read_exports
from sqtool.chat.readers import FORMAT_NAMES
from sqtool.chat.textio import sniff_encoding
from sqtool.chat.timezones import local_zone, zone_named
from sqtool.errors import SqtoolError
from tests.chat.helpers import read_all
from tests.conftest import CORPUS, needs_shared


def test_format_names_are_the_agreed_ones():
    assert FORMAT_NAMES == (
        "telegram",
        "discord",
        "discord-csv",
        "whatsapp",
        "qq",
        "wechat",
        "slack",
        "messenger",
        "chatlab",
        "csv",
        "jsonl",
    )


def whatsapp(path, lines):
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return path


def test_overlapping_exports_are_merged_and_deduplicated(tmp_path):
    first = whatsapp(
        tmp_path / "a.txt", ["1/2/26, 10:00 - A: one", "1/2/26, 10:01 - B: two", "1/2/26, 10:02 - A: three"]
    )
    second = whatsapp(
        tmp_path / "b.txt", ["1/2/26, 10:01 - B: two", "1/2/26, 10:02 - A: three", "1/2/26, 10:03 - B: four"]
    )
    result = read_all(first, second)
    assert [m.text for m in result.messages] == ["one", "two", "three", "four"]
    assert result.chat.duplicates == 2
    assert result.chat.files == [str(first), str(second)]
    assert result.chat.formats == ["whatsapp", "whatsapp"]


def test_same_text_twice_in_one_export_is_two_messages(tmp_path):
    path = whatsapp(tmp_path / "a.txt", ["1/2/26, 10:00 - A: ok", "1/2/26, 10:00 - A: ok"])
    result = read_all(path)
    assert len(result.messages) == 2 and result.chat.duplicates == 0


def test_different_formats_merge_in_time_order(tmp_path):
    chat = whatsapp(tmp_path / "a.txt", ["1/2/26, 10:00 - A: one", "1/2/26, 10:02 - A: three"])
    other = tmp_path / "b.jsonl"
    other.write_text(json.dumps({"time": "2026-02-01T10:01:00+00:00", "sender": "B", "text": "two"}) + "\n")
    result = read_all(chat, other)
    assert [m.text for m in result.messages] == ["one", "two", "three"]
    assert result.chat.formats == ["whatsapp", "jsonl"]
    assert str(result.chat.zone) == "UTC"


def test_ordered_fixes_small_disorder_within_the_window():
    def message(minute):
        return Message(str(minute), datetime(2026, 1, 1, 0, minute, tzinfo=UTC), "a", "a", "")

    stream = [message(minute) for minute in (0, 2, 1, 3, 5, 4)]
    assert [m.id for m in ordered(iter(stream), window=2)] == ["0", "1", "2", "3", "4", "5"]


def test_ordered_keeps_equal_times_in_file_order_and_emits_very_late_records_late():
    def message(minute, name):
        return Message(name, datetime(2026, 1, 1, 0, minute, tzinfo=UTC), "a", "a", "")

    stream = [message(1, "a"), message(1, "b"), message(0, "c"), message(1, "d")]
    assert [m.id for m in ordered(iter(stream), window=10)] == ["c", "a", "b", "d"]
    late = [message(minute, str(minute)) for minute in (5, 6, 7, 8, 1)]
    # memory stays bounded: a record later than the window is passed on where it arrives
    assert [m.id for m in ordered(iter(late), window=2)] == ["5", "6", "1", "7", "8"]


def test_no_exports_is_an_empty_stream():
    chat = read_exports([])
    assert list(chat) == [] and chat.files == [] and chat.skipped == 0


def test_a_chat_read_is_iterated_once(tmp_path):
    chat = read_exports([whatsapp(tmp_path / "a.txt", ["1/2/26, 10:00 - A: one"])], tz=UTC)
    assert len(list(chat)) == 1
    with pytest.raises(RuntimeError):
        list(chat)


def test_unknown_format_names_the_formats_tried(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("just some notes\nnothing else\n")
    with pytest.raises(SqtoolError) as caught:
        read_exports([path])
    assert caught.value.key == "chat.unknown_format"
    assert caught.value.hint == "chat.unknown_format_hint"
    assert "whatsapp" in caught.value.args_for_message["names"]


def test_forced_format_reads_what_detection_would_not(tmp_path):
    path = tmp_path / "chat.log"
    path.write_text("just a preamble line\n1/2/26, 10:00 - A: one\n")
    with pytest.raises(SqtoolError):
        read_exports([path])
    assert [m.text for m in read_all(path, format="whatsapp").messages] == ["one"]


def test_bad_format_name_and_missing_file_and_folder(tmp_path):
    with pytest.raises(SqtoolError) as caught:
        read_exports([tmp_path], format="fax")
    assert caught.value.key == "chat.unknown_format_name"
    with pytest.raises(SqtoolError) as caught:
        read_exports([tmp_path / "missing.json"])
    assert caught.value.key == "fs.not_found"
    with pytest.raises(SqtoolError) as caught:
        read_exports([tmp_path])
    assert caught.value.key == "chat.not_slack_folder"


def test_empty_export_has_zero_messages(tmp_path):
    path = tmp_path / "empty.json"
    path.write_bytes(b"\xef\xbb\xbf\n")
    result = read_all(path)
    # no pseudo-format: "unknown" when nothing tells the format, the forced one when given
    assert result.messages == [] and result.events == [] and result.chat.formats == ["unknown"]
    forced = read_all(path, format="telegram")
    assert forced.messages == [] and forced.chat.formats == ["telegram"]


def test_progress_reaches_the_total(tmp_path):
    path = whatsapp(tmp_path / "a.txt", [f"1/2/26, 10:{n % 60:02d} - A: message {n}" for n in range(3000)])
    seen = []
    chat = read_exports([path], tz=UTC, progress=lambda done, total: seen.append((done, total)))
    assert sum(1 for _ in chat) == 3000
    assert seen and seen[-1] == (path.stat().st_size, path.stat().st_size)


def test_encoding_sniffing():
    assert sniff_encoding("社群".encode("gb18030") * 4) == "gb18030"
    assert sniff_encoding(b"\xef\xbb\xbfhello") == "utf-8-sig"
    assert sniff_encoding("hello".encode("utf-16")) == "utf-16"
    assert sniff_encoding("hello world".encode("utf-16-le")) == "utf-16-le"
    assert sniff_encoding("hello world".encode("utf-16-be")) == "utf-16-be"
    assert sniff_encoding(b"\x80\x81\xff\xfe\x00abc") is None


def test_undecidable_encoding_is_a_clear_error(tmp_path):
    path = tmp_path / "chat.txt"
    path.write_bytes(b"1/2/26, 10:00 - A: \xe9t\xe9\n")  # Latin-1, not UTF-8 and not Chinese
    with pytest.raises(SqtoolError) as caught:
        list(read_exports([path], format="whatsapp"))
    assert caught.value.key == "chat.unknown_encoding"


def test_time_zones():
    assert str(zone_named("Asia/Shanghai")) == "Asia/Shanghai"
    with pytest.raises(SqtoolError) as caught:
        zone_named("Mars/Olympus")
    assert caught.value.key == "chat.bad_tz"
    assert local_zone().utcoffset(datetime(2026, 1, 1)) is not None


def test_local_zone_follows_tz(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    assert str(local_zone()) == "America/New_York"


@needs_shared
def test_every_corpus_file_is_detected():
    expected = {
        "telegram_json": "telegram",
        "discord_json": "discord",
        "messenger_json": "messenger",
        "qq_txt": "qq",
        "slack_json": "slack",
        "whatsapp_txt": "whatsapp",
    }
    files = [path for path in sorted(CORPUS.glob("*/*")) if path.suffix != ".md"]
    assert len(files) == 18
    for path in files:
        assert read_exports([path]).formats == [expected[path.parent.name]], path


@pytest.mark.parametrize("zone_name", ["Europe/Berlin", "Australia/Lord_Howe", "America/St_Johns", "Asia/Kathmandu"])
def test_from_epoch_agrees_with_zoneinfo_around_dst_changes(zone_name):
    from zoneinfo import ZoneInfo

    from sqtool.chat.timezones import from_epoch

    zone = ZoneInfo(zone_name)
    # Lord Howe moves by 30 minutes in the middle of a UTC hour; the others on whole or half hours
    changes = [
        datetime(2026, 3, 29, 1, tzinfo=UTC),
        datetime(2026, 4, 4, 15, tzinfo=UTC),
        datetime(2026, 10, 3, 15, tzinfo=UTC),
        datetime(2026, 11, 1, 3, tzinfo=UTC),
    ]
    for change in changes:
        for step in range(-4000, 4000, 97):
            seconds = change.timestamp() + step
            expected = datetime.fromtimestamp(seconds, tz=zone)
            got = from_epoch(seconds, zone)
            # compare instants: Python never calls a repeated (fold=1) time equal to one in another zone
            assert got.timestamp() == expected.timestamp() and got.utcoffset() == expected.utcoffset()
            assert got.replace(tzinfo=None) == expected.replace(tzinfo=None)


@pytest.mark.parametrize("zone_name", ["Europe/Berlin", "Australia/Lord_Howe", "America/St_Johns"])
def test_localize_agrees_with_zoneinfo_fold_0(zone_name):
    from datetime import timedelta
    from zoneinfo import ZoneInfo

    from sqtool.chat.timezones import localize

    zone = ZoneInfo(zone_name)
    for day in (
        datetime(2026, 3, 29),
        datetime(2026, 4, 5),
        datetime(2026, 10, 4),
        datetime(2026, 10, 25),
        datetime(2026, 11, 1),
        datetime(2026, 3, 8),
    ):
        for minutes in range(0, 24 * 60, 7):
            naive = day + timedelta(minutes=minutes)
            expected = zone.utcoffset(naive.replace(fold=0))
            assert localize(naive, zone).utcoffset() == expected, naive


@given(st.text(max_size=80))
def test_is_link_counts_visible_characters_as_isspace_does(text):
    from sqtool.chat.classify import _URL, is_link

    urls = _URL.findall(text)
    visible = sum(1 for char in text if not char.isspace())
    expected = ("://" in text or "www." in text.lower()) and bool(urls)
    expected = expected and sum(len(url) for url in urls) * 5 >= visible * 4
    assert is_link(text) == expected
    assert is_link("a long note about growth: https://e.co") is False and is_link(" https://example.com/abc ") is True


def test_records_compare_and_hash_by_their_fields():
    from sqtool.chat.model import Event, EventKind

    at = datetime(2026, 5, 1, tzinfo=UTC)
    first, again = Message("1", at, "u", "U", "hi"), Message("1", at, "u", "U", "hi")
    joined = Event("2", at, EventKind.JOIN, "u", "U")
    assert first == again and len({first, again, joined, Event("2", at, EventKind.JOIN, "u", "U")}) == 2


@pytest.mark.parametrize(
    ("text", "near"),
    [
        ('{"conversation": [{"sender_name": "A", "timestamp_ms": 1}]}', "messenger"),
        ("12/9/20 23:55 Bob hello\n12/9/20 23:56 Ann hi\n", "whatsapp"),
        ('{"chatlab": {"version": "0.0.2"}, "data": []}', "chatlab"),
        ("Time;Sender;Text\n", "csv"),
    ],
)
def test_unknown_format_names_the_closest_one(tmp_path, text, near):
    """A file no reader claims names the format it looks most like, and --format with it (issue 15)."""
    path = tmp_path / "export.data"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SqtoolError) as caught:
        read_exports([path])
    assert caught.value.key == "chat.unknown_format"
    assert caught.value.hint == "chat.unknown_format_near_hint"
    assert caught.value.args_for_message["closest"] == near


def test_unknown_format_hint_through_the_cli(cli, tmp_path):
    """The CLI shows the closest format and the --format option, in English and Chinese, exit 2."""
    path = tmp_path / "export.json"
    path.write_text('{"conversation": [{"sender_name": "A", "timestamp_ms": 1}]}', encoding="utf-8")
    result = cli("audit", str(path))
    assert result.exit_code == 2
    assert "--format messenger" in result.stderr
    chinese = cli("--lang", "zh", "audit", str(path))
    assert "看着最像 messenger" in chinese.stderr and "--format messenger" in chinese.stderr
