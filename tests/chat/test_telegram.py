import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sqtool.chat.readers import telegram
from sqtool.chat.readers.telegram import plain_text
from sqtool.chat.sniff import Head
from sqtool.errors import SqtoolError
from tests.chat.helpers import read_all
from tests.conftest import CORPUS, needs_shared

TELEGRAM = CORPUS / "telegram_json"


@needs_shared
def test_chatanalytics_dm():
    # counted by hand in the file: 8 objects, 6 with "type": "message" (Bob 2, Alice 4),
    # 2 "service" (joined_telegram, phone_call)
    result = read_all(TELEGRAM / "chatanalytics_DM_2A_7M.json")
    assert result.chat.formats == ["telegram"]
    assert len(result.messages) == 6
    assert result.senders == {"user300000000": 4, "user700000000": 2}
    assert result.event_kinds == {"service": 2}
    assert result.message_kinds == {"text": 3, "link": 1, "media": 2}
    # "date" only (naive, read in --tz) and "date_unixtime" only both give aware times
    first = result.messages[0]
    assert first.timestamp == datetime(2019, 7, 12, 16, 55, 32, tzinfo=UTC)
    assert first.text == "https://google.com 👀"
    assert result.messages[2].timestamp == datetime.fromtimestamp(1652135033, UTC)


@needs_shared
def test_chatstyle_result():
    # 12 objects: 11 messages (Анна Петрова 8, Борис 3) and one pin_message service record
    result = read_all(TELEGRAM / "chatstyle_result.json")
    assert len(result.messages) == 11
    assert result.senders == {"user111": 8, "user222": 3}
    assert [event.kind.value for event in result.events] == ["pin"]
    assert result.events[0].text == "3"  # the pinned message's id
    by_id = {message.id: message for message in result.messages}
    assert by_id["3"].text == "смотри https://example.com/a круто"  # entity list, not text_entities
    assert by_id["4"].mentions == ("boris_k",)
    assert by_id["8"].kind.value == "sticker"
    assert by_id["9"].kind.value == "media"
    assert by_id["12"].text == "ладно))\nщас дойду"


def test_plain_text_of_entity_lists():
    assert plain_text(["a ", {"type": "bold", "text": "b"}, " c"]) == "a b c"
    assert plain_text("x") == "x"
    assert plain_text(None) == ""


def group_export(messages: list[dict]) -> str:
    return json.dumps({"name": "Group", "type": "private_supergroup", "id": 1, "messages": messages}, indent=1)


def test_service_actions_become_events(tmp_path):
    records = [
        {
            "id": 1,
            "type": "service",
            "date": "2026-01-01T10:00:00",
            "actor": "Ann",
            "actor_id": "user1",
            "action": "invite_members",
            "members": ["Bob", "Cy"],
            "text": "",
        },
        {
            "id": 2,
            "type": "service",
            "date": "2026-01-01T10:01:00",
            "actor": "Dee",
            "actor_id": "user4",
            "action": "join_group_by_link",
            "inviter": "Ann",
            "text": "",
        },
        {
            "id": 3,
            "type": "message",
            "date": "2026-01-01T10:02:00",
            "from": "Bob",
            "from_id": "user2",
            "text": ["hi ", {"type": "mention_name", "text": "Ann", "user_id": 1}],
            "reply_to_message_id": 1,
        },
        {
            "id": 4,
            "type": "service",
            "date": "2026-01-01T10:03:00",
            "actor": "Cy",
            "actor_id": "user3",
            "action": "remove_members",
            "members": ["Cy"],
            "text": "",
        },
        {
            "id": 5,
            "type": "service",
            "date": "2026-01-01T10:04:00",
            "actor": "Ann",
            "actor_id": "user1",
            "action": "remove_members",
            "members": ["Dee"],
            "text": "",
        },
        {
            "id": 6,
            "type": "service",
            "date": "2026-01-01T10:05:00",
            "actor": "Ann",
            "actor_id": "user1",
            "action": "edit_group_title",
            "title": "New name",
            "text": "",
        },
        {
            "id": 7,
            "type": "message",
            "date": "2026-01-01T10:06:00",
            "from": "Bob",
            "from_id": 42,
            "text": "",
            "media_type": "voice_message",
            "file": "x.ogg",
        },
    ]
    path = tmp_path / "result.json"
    path.write_text(group_export(records), encoding="utf-8")
    result = read_all(path, tz="Asia/Shanghai")
    kinds = [(event.kind.value, event.member_name) for event in result.events]
    assert kinds == [
        ("join", "Bob"),
        ("join", "Cy"),
        ("join", "Dee"),
        ("leave", "Cy"),
        ("removal", "Dee"),
        ("rename", None),
    ]
    assert result.events[-1].text == "New name"
    reply = result.messages[0]
    assert reply.reply_to == "1" and reply.mentions == ("1",)
    assert reply.timestamp.isoformat() == "2026-01-01T10:02:00+08:00"
    assert result.messages[1].sender_id == "42"  # old exports have integer ids
    assert result.messages[1].kind.value == "media"


def test_whole_account_export(tmp_path):
    document = {
        "about": "x",
        "chats": {
            "about": "y",
            "list": [
                {
                    "name": "A",
                    "type": "personal_chat",
                    "id": 1,
                    "messages": [
                        {
                            "id": 1,
                            "type": "message",
                            "date_unixtime": "1700000000",
                            "from": "A",
                            "from_id": "user1",
                            "text": "a",
                        }
                    ],
                },
                {
                    "name": "B",
                    "type": "private_group",
                    "id": 2,
                    "messages": [
                        {
                            "id": 1,
                            "type": "message",
                            "date_unixtime": "1700000060",
                            "from": "B",
                            "from_id": "user2",
                            "text": "b",
                        }
                    ],
                },
            ],
        },
    }
    path = tmp_path / "result.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = read_all(path)
    assert [message.text for message in result.messages] == ["a", "b"]


def big_export(count: int) -> str:
    return group_export(
        [
            {
                "id": n,
                "type": "message",
                "date_unixtime": str(1700000000 + n),
                "from": "A",
                "from_id": "user1",
                "text": f"message {n}",
            }
            for n in range(count)
        ]
    )


def test_truncated_export_names_the_last_line(tmp_path):
    text = big_export(50)
    cut = text[: text.index('"message 30"')]
    path = tmp_path / "export.json"
    path.write_text(cut, encoding="utf-8")
    with pytest.raises(SqtoolError) as caught:
        read_all(path)
    assert caught.value.key == "chat.json_truncated"
    assert caught.value.line == cut.count("\n") + 1
    assert caught.value.path == str(path)


def test_truncated_export_is_kept_up_to_the_cut_when_lenient(tmp_path):
    text = big_export(50)
    path = tmp_path / "export.json"
    path.write_text(text[: text.index('"message 30"')], encoding="utf-8")
    result = read_all(path, lenient=True)
    assert len(result.messages) == 30
    assert result.chat.skipped == 1


def test_syntax_error_in_a_big_file_names_its_line(tmp_path):
    lines = big_export(3000).split("\n")
    bad = next(number for number, line in enumerate(lines) if '"message 2500"' in line)
    lines[bad] = lines[bad].replace('"text": ', '"text" ')
    path = tmp_path / "export.json"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(SqtoolError) as caught:
        read_all(path)
    assert caught.value.key == "chat.bad_json"
    assert abs(caught.value.line - (bad + 1)) <= 1


def test_record_without_time_is_skipped_when_lenient(tmp_path):
    path = tmp_path / "result.json"
    path.write_text(
        group_export(
            [
                {"id": 1, "type": "message", "from": "A", "from_id": "user1", "text": "no date"},
                {
                    "id": 2,
                    "type": "message",
                    "date": "2026-01-01T00:00:00",
                    "from": "A",
                    "from_id": "user1",
                    "text": "ok",
                },
            ]
        ),
        encoding="utf-8",
    )
    with pytest.raises(SqtoolError) as caught:
        read_all(path)
    assert caught.value.key == "chat.no_time"
    result = read_all(path, lenient=True)
    assert [message.text for message in result.messages] == ["ok"]
    assert result.chat.skipped == 1


def test_bom_before_the_json(tmp_path):
    path = tmp_path / "result.json"
    path.write_bytes(b"\xef\xbb\xbf" + big_export(3).encode())
    assert len(read_all(path).messages) == 3
    path.write_bytes(b"\xef\xbb\xbf" + big_export(3).encode()[:-40])
    with pytest.raises(SqtoolError) as caught:
        read_all(path)
    assert caught.value.line == big_export(3)[:-40].count("\n") + 1


# the usual message is built in one step (_usual_message); whenever it answers, it must give what the
# general path (_timestamp + _message) gives for the same item
USUAL_TEXTS = st.sampled_from(["hi", "see https://x.y", "www.X.org", "WWW.x.org", "a.b", "中文", "", "ｗｗｗ.x"])
USUAL_ITEMS = st.fixed_dictionaries(
    {
        "id": st.integers(0, 10**6) | st.text(max_size=3) | st.none(),
        "type": st.just("message"),
        "date_unixtime": st.integers(-(2**34), 2**38).map(str)
        | st.sampled_from(["1700000000.5", " 1700000000 ", "1_700_000_000", "", "x", "253402300799", "-62135596800"]),
        "from": st.sampled_from(["Ann", "李", "Ann", "李", "", None]),
        "from_id": st.sampled_from(["user1", "user1", "user1", "", 7]),
        "text": USUAL_TEXTS
        | st.lists(
            USUAL_TEXTS | st.fixed_dictionaries({"type": st.just("mention"), "text": st.just("@bo")}), max_size=3
        ),
    },
    optional={
        "media_type": st.sampled_from(["sticker", "voice_message", "video_file", "other"]) | st.integers(0, 2),
        "photo": st.just("photos/1.jpg"),
        "poll": st.just({}),
        "reply_to_message_id": st.integers(0, 9) | st.none(),
    },
)


@settings(max_examples=400, deadline=None)
@given(item=USUAL_ITEMS, zone=st.sampled_from(["UTC", "Asia/Kolkata", "America/New_York", "Australia/Lord_Howe"]))
def test_the_usual_message_is_what_the_general_path_builds(item, zone):
    _check_usual_message(item, zone)


@pytest.mark.parametrize("text", ["https://a.b", "www.a.org", "WWW.A.ORG", "wWw.a.b c", "a.b", "www a.", "ｗｗｗ.a"])
def test_the_usual_message_tells_links_as_the_general_path(text):
    item = {"id": 1, "type": "message", "date_unixtime": "1700000000", "from": "A", "from_id": "u", "text": text}
    _check_usual_message(item, "UTC")


def _check_usual_message(item, zone):
    from sqtool.chat.errors import ReadContext
    from sqtool.chat.readers.telegram import _id, _message, _timestamp, _usual_message

    ctx = ReadContext("result.json", ZoneInfo(zone))
    usual = _usual_message(item, {}, ctx.tz)
    timestamp = _timestamp(item, ctx)
    if usual is None:  # left to the general path: only when that path has something to do
        assert timestamp is None or not item["from"] or type(item["from_id"]) is not str or "." in item["date_unixtime"]
        return
    expected = _message(item, _id(item.get("id")), timestamp, ctx)
    assert usual == expected
    assert usual.timestamp.tzinfo is expected.timestamp.tzinfo
    assert repr(usual) == repr(expected)


@pytest.mark.parametrize("unixtime", ["253402300799999", "1e300", "-99999999999999"])
def test_a_time_beyond_the_calendar_is_a_bad_record_not_a_crash(tmp_path, unixtime):
    # the one-step path used to let datetime's "year is out of range" escape as an internal error
    path = tmp_path / "result.json"
    messages = [
        {"id": 1, "type": "message", "date_unixtime": "1700000000", "from": "A", "from_id": "u", "text": "ok"},
        {"id": 2, "type": "message", "date_unixtime": unixtime, "from": "A", "from_id": "u", "text": "far"},
    ]
    path.write_text(json.dumps({"messages": messages}, indent=1))
    with pytest.raises(SqtoolError) as caught:
        read_all(path)
    assert (caught.value.key, caught.value.line) == ("chat.no_time", 11)
    result = read_all(path, lenient=True)
    assert [message.text for message in result.messages] == ["ok"]
    assert result.chat.skipped == 1


def test_telegram_sniff():
    assert telegram.sniff(Head.of(b'{"name": "g", "messages": [{"id": 1, "type": "message"}]}')) == telegram.CONFIDENCE
    assert telegram.sniff(Head.of(b'{"messages": [{"type" : "service"}]}')) == telegram.CONFIDENCE
    assert telegram.sniff(Head.of(b'{"messages": [{"id": 1, "date_unixtime": "1"}]}')) == telegram.CONFIDENCE
    assert telegram.sniff(Head.of(b'{"about": "", "chats": {"list": []}}')) == telegram.CONFIDENCE  # whole account
    assert telegram.sniff(Head.of(b'{"messages": []}')) == 0.0
    assert telegram.sniff(Head.of(b'{"type": "message"}')) == 0.0  # no messages key
    assert telegram.sniff(Head.of(b'"messages", "type": "message"')) == 0.0  # not a JSON head
