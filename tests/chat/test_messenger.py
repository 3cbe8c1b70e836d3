import json

from sqtool.chat.readers import messenger, telegram
from sqtool.chat.readers.messenger import fix_mojibake
from sqtool.chat.sniff import Head
from tests.chat.helpers import read_all
from tests.conftest import CORPUS, needs_shared

MESSENGER = CORPUS / "messenger_json"


@needs_shared
def test_chatanalytics_sample_with_bom_newest_first():
    # 7 objects, newest first: Alice 2 (text, audio), Bob 5 (2 text, file, sticker, photo)
    result = read_all(MESSENGER / "chatanalytics_2A_7M.json")
    assert result.chat.formats == ["messenger"]
    assert result.senders == {"Alice": 2, "Bob": 5}
    assert result.message_kinds == {"text": 3, "media": 3, "sticker": 1}
    times = [message.timestamp for message in result.messages]
    assert times == sorted(times)
    assert result.messages[-1].text == "Hello"


@needs_shared
def test_langchain_sample():
    # 11 objects: "User 1" 5, "User 2" 6; one is a photo with empty content
    result = read_all(MESSENGER / "langchain_facebook_chat.json")
    assert result.senders == {"User 1": 5, "User 2": 6}
    assert result.message_kinds == {"text": 10, "media": 1}
    assert result.messages[0].text.startswith("Hi! Im interested")


def test_mojibake_is_repaired(tmp_path):
    document = {
        "participants": [{"name": "Ren\u00c3\u00a9"}, {"name": "Zo\u00c3\u00ab"}],
        "messages": [
            {
                "sender_name": "Zo\u00c3\u00ab",
                "timestamp_ms": 1700000002000,
                "type": "Unsubscribe",
                "users": [{"name": "Zo\u00c3\u00ab"}],
            },
            {
                "sender_name": "Ren\u00c3\u00a9",
                "timestamp_ms": 1700000001000,
                "content": "caf\u00c3\u00a9 \u00f0\u009f\u0098\u0080",
            },
            {
                "sender_name": "Ren\u00c3\u00a9",
                "timestamp_ms": 1700000000000,
                "type": "Subscribe",
                "users": [{"name": "Zo\u00c3\u00ab"}],
            },
        ],
    }
    path = tmp_path / "message_1.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = read_all(path)
    assert result.messages[0].sender_name == "René"
    assert result.messages[0].text == "café 😀"
    assert [(event.kind.value, event.member_name) for event in result.events] == [("join", "Zoë"), ("leave", "Zoë")]


def test_fix_mojibake_leaves_real_text_alone():
    assert fix_mojibake("café") == "café"  # é alone is not a UTF-8 sequence
    assert fix_mojibake("社群") == "社群"
    assert fix_mojibake("plain") == "plain"


def test_messenger_sniff():
    head = b'{\n  "participants": [{"name": "A"}],\n  "messages": [{"sender_name": "A", "timestamp_ms": 1}]\n}'
    assert messenger.sniff(Head.of(head)) == messenger.CONFIDENCE
    assert messenger.sniff(Head.of(b'{"participants": [], "messages": [{"timestamp_ms": 1}]}')) == messenger.CONFIDENCE
    assert messenger.sniff(Head.of(b'{"participants": [], "messages": []}')) == 0.0
    assert messenger.sniff(Head.of(b'{"sender_name": "A", "timestamp_ms": 1}')) == 0.0  # no participants
    # Messenger messages may be typed or dated like Telegram's
    assert messenger.CONFIDENCE > telegram.CONFIDENCE
