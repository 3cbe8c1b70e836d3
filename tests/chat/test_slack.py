import json
import zipfile

from sqtool.chat.readers import slack
from sqtool.chat.sniff import Head
from tests.chat.helpers import read_all
from tests.conftest import CORPUS, needs_shared

SLACK = CORPUS / "slack_json"


@needs_shared
def test_slack_export_viewer_archive():
    # 158 entries in 17 day files: 8 channel_join and 3 bot_add are events; the other 147 are messages
    # (49 plain, 94 bot_message, 3 file_share, 1 file_comment). Per sender, counted with a separate
    # json.load loop over the zip: hamza 33, doubledeez 14, abilinski 5, heroeshannibal 1, and the
    # three integrations B0JL6RASU 49, B0JL6UFSL 28, B0VJZKVHC 17.
    result = read_all(SLACK / "slackexportviewer_testarchive.zip")
    assert result.chat.formats == ["slack"]
    assert len(result.messages) == 147
    assert result.senders == {
        "U0BMQB6JE": 33,
        "U0BMS113R": 14,
        "U0BMYT2FL": 5,
        "U0BMM2FEH": 1,
        "B0JL6RASU": 49,
        "B0JL6UFSL": 28,
        "B0VJZKVHC": 17,
    }
    assert result.event_kinds == {"join": 8, "service": 3}
    names = {message.sender_id: message.sender_name for message in result.messages}
    assert names["U0BMQB6JE"] == "hamza"
    assert names["B0JL6RASU"] == "github"  # learnt from the bot_add line
    assert sum(message.is_bot for message in result.messages) == 94
    times = [record.timestamp for record in result.messages]
    assert times == sorted(times)  # two channels merged in time order


@needs_shared
def test_slackdump_export_with_threads():
    # 16 entries in 4 day files: one channel_join and one tombstone (deleted thread parent) are events
    result = read_all(SLACK / "slackdump_source_export.zip")
    assert len(result.messages) == 14
    assert result.senders == {"UOF82F39AE": 10, "UOB5F987BF17": 3, "UO0EC43A4792": 1}
    assert result.event_kinds == {"join": 1, "service": 1}
    replies = [message for message in result.messages if message.reply_to]
    assert replies and all(reply.reply_to.startswith("B75B4C7/") for reply in replies)


def make_workspace(path, days):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("channels.json", json.dumps([{"id": "C1", "name": "general"}]))
        archive.writestr(
            "users.json",
            json.dumps(
                [
                    {"id": "U1", "name": "ann", "profile": {"display_name": "Ann"}},
                    {"id": "U2", "name": "bo", "real_name": "Bo Li", "profile": {"display_name": ""}},
                ]
            ),
        )
        for day, entries in days.items():
            archive.writestr(f"general/{day}.json", json.dumps(entries))


def test_markup_threads_and_leaves(tmp_path):
    path = tmp_path / "workspace.zip"
    make_workspace(
        path,
        {
            "2026-01-02": [
                {
                    "type": "message",
                    "user": "U2",
                    "text": "reply &amp; more",
                    "ts": "1767312060.000200",
                    "thread_ts": "1767312000.000100",
                },
                {
                    "type": "message",
                    "user": "U1",
                    "text": "hi <@U2>, see <https://example.org|the doc>",
                    "ts": "1767312000.000100",
                    "thread_ts": "1767312000.000100",
                },
                {
                    "type": "message",
                    "subtype": "channel_leave",
                    "user": "U2",
                    "text": "<@U2> has left",
                    "ts": "1767312120.000300",
                },
            ],
        },
    )
    result = read_all(path)
    first, second = result.messages
    assert first.text == "hi @Bo Li, see the doc (https://example.org)"
    assert first.mentions == ("U2",) and first.reply_to is None
    assert second.reply_to == "general/1767312000.000100" == first.id
    assert second.text == "reply & more"
    assert [(event.kind.value, event.member_id) for event in result.events] == [("leave", "U2")]


def test_bad_day_file_names_the_member(tmp_path):
    path = tmp_path / "workspace.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("users.json", "[]")
        archive.writestr("general/2026-01-01.json", '[{"type": "message", "user": "U1", "ts": "1"},')
        archive.writestr("general/2026-01-02.json", '[{"type": "message", "user": "U1", "ts": "1767312000"}]')
    result = read_all(path, lenient=True)
    assert len(result.messages) == 1 and result.chat.skipped == 1
    import pytest

    from sqtool.errors import SqtoolError

    with pytest.raises(SqtoolError) as caught:
        read_all(path)
    assert caught.value.key == "chat.bad_json_member"
    assert caught.value.args_for_message["member"] == "general/2026-01-01.json"


def test_slack_sniff_never_claims_a_head():
    # a workspace export is told by its zip layout or folder, never by one file's first bytes
    assert slack.sniff(Head.of(b'[{"type": "message", "user": "U1", "text": "hi", "ts": "1.0"}]')) == 0.0
    assert slack.sniff(Head.of(b'{"channels": [], "users": []}')) == 0.0
