import json
from datetime import UTC, datetime

from sqtool.chat.readers import discord, discord_csv, generic_csv
from sqtool.chat.sniff import Head
from tests.chat.helpers import read_all
from tests.conftest import CORPUS, needs_shared

DISCORD = CORPUS / "discord_json"


@needs_shared
def test_dm_with_a_call():
    # 3 objects: two "Default" (mlomb, Someones nickname) and one "Call", which is an event
    result = read_all(DISCORD / "chatanalytics_DM_2A_2M.json")
    assert result.chat.formats == ["discord"]
    assert result.senders == {"111111111111111111": 1, "444444444444444444": 1}
    assert result.event_kinds == {"service": 1}
    assert result.messages[1].is_bot  # the author has "isBot": true
    assert result.messages[0].timestamp == datetime(2019, 1, 4, 17, 52, 39, 762000, tzinfo=UTC)


@needs_shared
def test_group_dm_with_name_and_icon_changes():
    # 6 objects: ChannelNameChange, Default (theplant), ChannelIconChange, Default (lombi), Default (mlomb), Call
    result = read_all(DISCORD / "chatanalytics_GC_3A_5M.json")
    assert len(result.messages) == 3
    assert len(result.senders) == 3
    assert result.event_kinds == {"rename": 1, "service": 2}
    names = [message.sender_name for message in result.messages]
    assert names == ["theplant", "lombi", "mlomb"]  # nickname wins over name
    assert result.messages[2].reply_to == "1064990824305274930"  # "reference.messageId"


@needs_shared
def test_guild_channel_with_a_duplicated_message():
    # 5 objects; the first two are the same message (same id, time, author, text): 4 messages remain
    result = read_all(DISCORD / "chatanalytics_SV_5A_5M.json")
    assert len(result.messages) == 4
    assert result.chat.duplicates == 1
    assert result.senders == {"555555555555555555": 1, "111111111111111111": 3}
    assert result.messages[1].sender_name == "mlomb"  # no "nickname" key: falls back to name
    assert result.message_kinds == {"text": 3, "sticker": 1}


def test_member_joins_and_replies(tmp_path):
    document = {
        "guild": {"id": "1", "name": "G"},
        "channel": {"id": "2", "type": "GuildTextChat", "name": "general"},
        "messages": [
            {
                "id": "10",
                "type": "GuildMemberJoin",
                "timestamp": "2026-01-01T10:00:00+01:00",
                "content": "",
                "author": {"id": "7", "name": "newbie"},
                "mentions": [],
            },
            {
                "id": "11",
                "type": "Reply",
                "timestamp": "2026-01-01T10:01:00+01:00",
                "content": "hello <@7>",
                "author": {"id": "8", "name": "host", "nickname": "Host"},
                "reference": {"messageId": "10"},
                "mentions": [{"id": "7", "name": "newbie"}],
            },
            {
                "id": "12",
                "type": "Default",
                "timestamp": "2026-01-01T10:02:00+01:00",
                "content": "",
                "author": {"id": "8", "name": "host"},
                "attachments": [{"id": "1", "url": "x.png"}],
            },
            {
                "id": "13",
                "type": "RecipientRemove",
                "timestamp": "2026-01-01T10:03:00+01:00",
                "content": "",
                "author": {"id": "8", "name": "host"},
                "mentions": [{"id": "7", "name": "newbie"}],
            },
        ],
    }
    path = tmp_path / "Guild - general [2].json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = read_all(path)
    assert [(event.kind.value, event.member_id) for event in result.events] == [("join", "7"), ("removal", "7")]
    reply, media = result.messages
    assert reply.reply_to == "10" and reply.mentions == ("7",)
    assert reply.timestamp.utcoffset().total_seconds() == 3600  # the export's own offset is kept
    assert media.kind.value == "media"


def test_discord_csv(tmp_path):
    path = tmp_path / "general.csv"
    path.write_text(
        "AuthorID,Author,Date,Content,Attachments,Reactions\n"
        '1,alice,2026-01-01T10:00:00.000+00:00,"hi, all",,\n'
        '2,bob,2026-01-01T10:01:00.000+00:00,"line one\nline two",,\n'
        "2,bob,2026-01-01T10:02:00.000+00:00,,https://cdn.example/x.png,\n"
        "1,alice,01-Jan-26 10:03 AM,@bob ok,,\n",
        encoding="utf-8",
    )
    result = read_all(path)
    assert result.chat.formats == ["discord-csv"]
    assert [message.text for message in result.messages] == ["hi, all", "line one\nline two", "", "@bob ok"]
    assert result.senders == {"1": 2, "2": 2}
    assert result.messages[2].kind.value == "media"
    assert result.messages[3].mentions == ("bob",)
    assert result.messages[3].timestamp == datetime(2026, 1, 1, 10, 3, tzinfo=UTC)


def test_discord_sniff():
    head = Head.of(b'{\n  "guild": {"id": "1"},\n  "channel": {"id": "2"},\n  "messages": [\n')
    assert discord.sniff(head) == discord.CONFIDENCE
    assert discord.sniff(Head.of(b'{"guild": {}, "messages": []}')) == 0.0  # no channel
    assert discord.sniff(Head.of(b'"guild","channel","messages"')) == 0.0  # a CSV line, not JSON


def test_discord_csv_sniff():
    assert discord_csv.sniff(Head.of(b"AuthorID,Author,Date,Content,Attachments,Reactions\n")) == discord_csv.CONFIDENCE
    assert discord_csv.sniff(Head.of(b'\xef\xbb\xbf"AuthorID","Author","Date","Content"\r\n')) == discord_csv.CONFIDENCE
    assert discord_csv.sniff(Head.of(b"AuthorID\tAuthor\tDate\tContent\tExtra\n")) == discord_csv.CONFIDENCE
    assert discord_csv.sniff(Head.of(b"authorid,author,date,content\n")) == 0.0  # the exporter's exact names
    assert discord_csv.sniff(Head.of(b"AuthorID,Author,Date\n")) == 0.0
    assert discord_csv.CONFIDENCE > generic_csv.CONFIDENCE
