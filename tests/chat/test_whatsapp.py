import json
from datetime import UTC, datetime, timedelta

import pytest

from sqtool.chat.readers import qq, wechat, whatsapp
from sqtool.chat.sniff import Head
from sqtool.errors import SqtoolError
from tests.chat.helpers import read_all
from tests.conftest import CORPUS, FIXTURES, needs_shared

WHATSAPP = CORPUS / "whatsapp_txt"
OWN = FIXTURES / "chat"


# Counts for the corpus: header lines (a date at the start of a line) counted with grep, minus the
# system lines (no "Name:" part, or the encryption notice) read by eye; senders with grep -o | sort -u.
@needs_shared
@pytest.mark.parametrize(
    ("name", "messages", "senders", "events"),
    [
        ("chatanalytics_2A_5M.txt", 5, {"A": 3, "B": 2}, {}),
        (
            "chatanalytics_4A_11M.txt",
            11,
            {"Alice": 3, "Bob": 2, "Eve": 2, "Mallory": 2, "Trent": 2},
            {"service": 2, "join": 1},
        ),
        (
            "chatanalytics_4A_11M.zip",
            11,
            {"Alice": 3, "Bob": 2, "Eve": 2, "Mallory": 2, "Trent": 2},
            {"service": 2, "join": 1},
        ),
        ("whatsappchatparser_short-chat.txt", 3, {"Sample User": 1, "TestBot": 1, "+410123456789": 1}, {"service": 2}),
        ("whatstk_pokemon.txt", 18, None, {"service": 2}),
        ("whatstk_lorem.txt", 500, {"+1 123 456 789": 145, "Giuseppe": 118, "John": 124, "Mary": 113}, {}),
        ("whatstk_lorem-merge-part1.txt", 300, {"+1 123 456 789": 78, "Giuseppe": 75, "John": 67, "Mary": 80}, {}),
        (
            "langchain_whatsapp_chat_mixed.txt",
            8,
            {"James": 1, "User name": 1, "User 2": 3, "User 1": 2, "User name 2": 1},
            {},
        ),
    ],
)
def test_corpus(name, messages, senders, events):
    result = read_all(WHATSAPP / name)
    assert result.chat.formats == ["whatsapp"]
    assert len(result.messages) == messages
    if senders is not None:
        assert result.senders == senders
    assert result.event_kinds == events


@needs_shared
def test_pokemon_senders_and_system_line_with_a_colon():
    # 20 header lines; the first ("Pokemon Chat: Messages and calls are end-to-end encrypted") and the
    # second (old notice) are system lines; 8 distinct senders remain
    result = read_all(WHATSAPP / "whatstk_pokemon.txt")
    assert len(result.senders) == 8
    assert result.senders["Ash Ketchum"] == 4
    assert "Pokemon Chat" not in result.senders


@needs_shared
def test_out_of_order_line_is_put_in_place_and_dates_are_month_first():
    result = read_all(WHATSAPP / "chatanalytics_2A_5M.txt")
    assert [m.timestamp.minute for m in result.messages] == [0, 1, 2, 2, 3]
    assert result.messages[-1].kind.value == "media"  # "<media omitted>"
    mixed = read_all(WHATSAPP / "langchain_whatsapp_chat_mixed.txt")
    by_text = {m.text: m.timestamp for m in mixed.messages}
    assert by_text["Bye!"] == datetime(2023, 1, 23, 3, 19, tzinfo=UTC)
    assert by_text["And let me know if anything changes"] == datetime(2023, 1, 23, 3, 22, tzinfo=UTC)  # "3:22_AM"
    assert by_text["Goodbye"] == datetime(2022, 7, 20, 11, 32, tzinfo=UTC)  # lower-case am
    assert by_text["See you!"] == datetime(2023, 5, 4, 16, 13, 23, tzinfo=UTC)  # year first


@needs_shared
def test_zip_member_is_read_in_place_with_crlf():
    result = read_all(WHATSAPP / "chatanalytics_4A_11M.zip")
    assert result.chat.files == [f"{WHATSAPP / 'chatanalytics_4A_11M.zip'}!_chat.txt"]
    assert not any("\r" in message.text for message in result.messages)


def test_ios_utf16_with_lrm_narrow_space_and_tilde():
    result = read_all(OWN / "whatsapp_ios_utf16.txt")
    assert result.chat.formats == ["whatsapp"]
    assert result.senders == {"Ana Souza": 2, "Bruno": 2, "Carla": 2}
    kinds = [message.kind.value for message in result.messages]
    assert kinds == ["text", "media", "sticker", "text", "text", "link"]
    lunch = result.messages[3]
    assert lunch.text == "Lunch plans?\nAnyone free at 1?\n\nLet me know"  # multi-line with a blank line
    assert lunch.timestamp == datetime(2026, 3, 14, 12, 30, 45, tzinfo=UTC)  # 12:30 PM is noon
    assert result.messages[4].mentions == ("Bruno",)
    assert [(e.kind.value, e.member_name, e.actor_name) for e in result.events] == [
        ("join", "Dinesh", "Ana Souza"),
        ("leave", "Dinesh", None),
    ]


def test_android_day_first_with_system_lines():
    result = read_all(OWN / "whatsapp_android_dayfirst.txt")
    assert result.senders == {"Priya": 1, "Tom": 1, "Zoe": 1}
    assert result.messages[0].text == "Happy new year!\nIt is 2026 now"
    assert result.messages[0].timestamp == datetime(2026, 1, 1, 0, 0, tzinfo=UTC)
    assert result.messages[2].text == "Thanks: glad to be here"  # only the first ": " splits
    assert [(e.kind.value, e.member_name) for e in result.events] == [
        ("service", None),
        ("service", None),
        ("join", "Tom"),
        ("join", "Zoe"),
        ("join", "Zoe"),
        ("rename", None),
        ("removal", "Tom"),
        ("leave", "Zoe"),
    ]


def test_twelve_hour_month_first():
    result = read_all(OWN / "whatsapp_12h_monthfirst.txt")
    assert [m.timestamp for m in result.messages] == [
        datetime(2026, 1, 12, 23, 59, tzinfo=UTC),
        datetime(2026, 1, 13, 0, 0, tzinfo=UTC),
        datetime(2026, 1, 13, 12, 0, tzinfo=UTC),
        datetime(2026, 1, 13, 13, 15, tzinfo=UTC),
    ]


def test_dst_edges_resolve_deterministically():
    # Europe/Berlin: 02:30 on 2026-03-29 does not exist, 02:30 on 2026-10-25 happens twice;
    # both take the offset before the change (fold=0)
    result = read_all(OWN / "whatsapp_dst.txt", tz="Europe/Berlin")
    instants = {m.text: m.timestamp.astimezone(UTC) for m in result.messages}
    assert instants["before the spring change"] == datetime(2026, 3, 29, 0, 59, tzinfo=UTC)
    assert instants["a time that does not exist"] == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert instants["after the spring change"] == datetime(2026, 3, 29, 1, 1, tzinfo=UTC)
    assert instants["a time that happens twice"] == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert instants["after the autumn change"] == datetime(2026, 10, 25, 2, 30, tzinfo=UTC)
    # times carry fixed offsets, so differences across the change are real durations
    twice, after = result.messages[-2:]
    assert after.timestamp - twice.timestamp == timedelta(hours=2)
    assert twice.timestamp.utcoffset() == timedelta(hours=2) and after.timestamp.utcoffset() == timedelta(hours=1)


def test_impossible_date_names_its_line(tmp_path):
    path = tmp_path / "chat.txt"
    path.write_text("13/1/26, 10:00 - A: fine\n13/13/26, 10:01 - B: month 13\n14/1/26, 10:02 - A: fine\n")
    with pytest.raises(SqtoolError) as caught:
        read_all(path)
    assert (caught.value.key, caught.value.line) == ("chat.bad_date", 2)
    result = read_all(path, lenient=True)
    assert len(result.messages) == 2 and result.chat.skipped == 1


def test_invalid_utf8_names_its_line(tmp_path):
    path = tmp_path / "chat.txt"
    path.write_bytes(b"1/1/26, 10:00 - A: ok\n" * 3 + b"1/1/26, 10:01 - B: \xff\xfe bad\n")
    with pytest.raises(SqtoolError) as caught:
        read_all(path, format="whatsapp")
    assert (caught.value.key, caught.value.line) == ("chat.bad_encoding", 4)


# -- date order over the whole file (QA issue 4) --


def lines(path, stamps):
    path.write_text("".join(f"{stamp}, 10:00 - A: message {n}\n" for n, stamp in enumerate(stamps)), encoding="utf-8")
    return path


@needs_shared
def test_short_chat_is_day_first_with_a_warning():
    # 06/03/2017 ×3, 08/05/2017, 09/04/2017: no number is over 12. Month first runs forward (3 June,
    # 5 Aug, 4 Sep) and day first steps back once (8 May -> 9 Apr): one step is what a single
    # out-of-order line costs (the two chat-analytics samples have such lines), so it decides nothing.
    # SOURCES.md gives the format as DD/MM/YYYY, the author writes with a Swiss (+41) number, and the
    # zero-padded dd/MM/yyyy form is the European Android layout: 6 March to 8 May 2017, day first.
    result = read_all(WHATSAPP / "whatsappchatparser_short-chat.txt")
    stamps = [message.timestamp for message in result.messages]
    assert min(stamps) == datetime(2017, 3, 6, 0, 45, tzinfo=UTC)
    assert max(stamps) == datetime(2017, 5, 8, 1, 48, tzinfo=UTC)
    assert [w.key for w in result.chat.warnings] == ["chat.ambiguous_dates_dmy"]
    assert dict(result.chat.warnings[0].args) == {"example": "06/03/2017"}


@needs_shared
@pytest.mark.parametrize("name", ["chatanalytics_4A_11M.txt", "chatanalytics_4A_11M.zip"])
def test_4a_11m_is_12_september_2020(name):
    # Every line is 12/9/20, so neither reading can be told from the file. The sample's own expected
    # result in chat-analytics (tests/samples/whatsapp/4A_11M.txt.ts) is new Date(2020, 8, 12, 23, 55),
    # JavaScript months counting from 0: 12 September 2020, day first. That is also the default, with
    # a warning that the dates were ambiguous.
    result = read_all(WHATSAPP / name)
    stamps = [message.timestamp for message in result.messages]
    assert min(stamps) == datetime(2020, 9, 12, 23, 55, tzinfo=UTC)
    assert max(stamps) == datetime(2020, 9, 12, 23, 56, tzinfo=UTC)
    assert [w.key for w in result.chat.warnings] == ["chat.ambiguous_dates_dmy"]
    forced = read_all(WHATSAPP / name, date_order="mdy")
    assert min(m.timestamp for m in forced.messages) == datetime(2020, 12, 9, 23, 55, tzinfo=UTC)
    assert forced.chat.warnings == []


def test_a_day_over_12_anywhere_decides_the_whole_file(tmp_path):
    # the telling date is the last line: everything before it is read the same way
    path = lines(tmp_path / "a.txt", ["3/4/26", "5/4/26", "7/4/26", "4/5/26", "20/5/26"])
    result = read_all(path)
    assert [m.timestamp.date().isoformat() for m in result.messages] == [
        "2026-04-03",
        "2026-04-05",
        "2026-04-07",
        "2026-05-04",
        "2026-05-20",
    ]
    assert result.chat.warnings == []
    month = read_all(lines(tmp_path / "b.txt", ["4/3/26", "4/5/26", "4/7/26", "5/4/26", "5/20/26"]))
    assert [m.timestamp.month for m in month.messages] == [4, 4, 4, 5, 5]
    assert month.chat.warnings == []


def test_time_order_decides_when_no_number_is_over_12(tmp_path):
    # month first runs forward (5 Jan ... 6 Apr); day first (1 May, 1 Sep, 2 Mar, ...) steps back
    # three times, more than single out-of-order lines explain
    stamps = ["1/5/26", "1/9/26", "2/3/26", "2/8/26", "3/2/26", "3/7/26", "4/1/26", "4/6/26"]
    result = read_all(lines(tmp_path / "a.txt", stamps))
    assert [m.timestamp.month for m in result.messages] == [1, 1, 2, 2, 3, 3, 4, 4]
    assert result.chat.warnings == []
    # the same dates the other way round are day first
    swapped = ["/".join((stamp.split("/")[1], stamp.split("/")[0], "26")) for stamp in stamps]
    assert [m.timestamp.month for m in read_all(lines(tmp_path / "b.txt", swapped)).messages] == [
        1,
        1,
        2,
        2,
        3,
        3,
        4,
        4,
    ]


def test_undecidable_order_is_day_first_and_a_warning_in_the_cli(tmp_path, cli):
    path = lines(tmp_path / "a.txt", ["1/2/26", "1/2/26", "3/4/26"])
    result = cli("audit", str(path), "--tz", "UTC")
    assert result.exit_code == 0
    flat = " ".join(result.stdout.split())  # the report wraps long lines at the terminal width
    assert f"warning: {path}: dates like 1/2/26 could be day/month or month/day" in flat
    assert "2026-02-01 10:00" in flat  # read day first
    document = json.loads(cli("audit", str(path), "--tz", "UTC", "-r", "json").stdout)
    assert document["warnings"][0]["code"] == "chat.ambiguous_dates_dmy"
    assert document["warnings"][0]["file"] == str(path)
    zh = cli("--lang", "zh", "audit", str(path), "--tz", "UTC")
    assert "警告" in zh.stdout and "日/月" in "".join(zh.stdout.split())


def test_same_numbers_are_not_ambiguous(tmp_path):
    assert read_all(lines(tmp_path / "a.txt", ["5/5/26", "5/5/26"])).chat.warnings == []


def test_forced_orders_and_a_bad_order_name(tmp_path):
    path = lines(tmp_path / "a.txt", ["10/11/12"])
    assert read_all(path, date_order="dmy").messages[0].timestamp.date().isoformat() == "2012-11-10"
    assert read_all(path, date_order="mdy").messages[0].timestamp.date().isoformat() == "2012-10-11"
    assert read_all(path, date_order="ymd").messages[0].timestamp.date().isoformat() == "2010-11-12"
    with pytest.raises(SqtoolError) as caught:
        read_all(path, date_order="ydm")
    assert caught.value.key == "chat.bad_date_order"


def test_date_order_option_forces_the_reading(tmp_path, cli):
    path = lines(tmp_path / "a.txt", ["1/2/26", "1/2/26", "3/4/26"])
    document = json.loads(cli("audit", str(path), "--tz", "UTC", "--date-order", "mdy", "-r", "json").stdout)
    assert document["summary"]["first"].startswith("2026-01-02T")
    assert document["warnings"] == []  # the order was given, nothing is ambiguous
    bad = cli("audit", str(path), "--date-order", "ydm")
    assert bad.exit_code == 2
    assert "unknown date order 'ydm'" in bad.stderr


def test_every_encryption_notice_wording_holds_a_prefilter_piece():
    from sqtool.chat.readers import whatsapp

    # the reader skips the _E2E search when no piece occurs, so a wording without one would be missed;
    # the usual message's own tests are "-" and, when the block holds one, the rarer pieces
    for alternative in whatsapp._E2E.pattern.split("|"):
        for spelled in (alternative.replace("[Ee]", "e"), alternative.replace("[Ee]", "E")):
            assert whatsapp._e2e_piece(spelled), alternative
            assert "-" in spelled or whatsapp._rare_piece(spelled), alternative
    assert all(whatsapp._rare_piece(word) for word in ("<Media omitted>", "<attached: a.jpg>", "IMAGE OMITTED"))


def test_encryption_notice_with_an_author_like_colon_is_a_service_event(tmp_path):
    export = tmp_path / "WhatsApp Chat with Crew.txt"
    export.write_text(
        "12/9/20, 23:55 - Chat: Messages and calls are end-to-end encrypted. Tap to learn more.\n"
        "13/9/20, 08:01 - Bob: morning\n",
        encoding="utf-8",
    )
    result = read_all(export)
    assert [event.kind for event in result.events] == ["service"]
    assert [message.sender_name for message in result.messages] == ["Bob"]


def test_whatsapp_sniff():
    for first in (
        "12/9/20, 23:55 - Bob: hello",
        "[15-01-20 02:22:56] Mary: hi",
        "\u200e[1/2/21, 9:05:00\u202fPM] A: b",
    ):
        assert whatsapp.sniff(Head.of(f"\n{first}\nmore\n".encode())) == whatsapp.CONFIDENCE, first
    assert whatsapp.sniff(Head.of("[15-01-20 02:22:56] Mary: hi\n".encode("utf-16"))) == whatsapp.CONFIDENCE
    assert whatsapp.sniff(Head.of(b"hello\n12/9/20, 23:55 - Bob: hello\n")) == 0.0  # only the first line counts
    assert whatsapp.sniff(Head.of(b'{"text": "12/9/20, 23:55 - Bob: hello"}')) == 0.0
    # a QQ export may open with a line like a header; a yyyy-mm-dd header is also a WeChat TXT one
    assert qq.CONFIDENCE > whatsapp.CONFIDENCE > wechat.TXT_CONFIDENCE
