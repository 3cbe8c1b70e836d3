"""The window is the messages' window (events outside neither stretch it nor make silent days), a
--since after the export's end says just that, and a member joins a community once however many
channels or exports show the join; all through the CLI in both languages."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.conftest import CliInvoke

# a WhatsApp group: the encryption notice four months before the first message, a call a year after
WHATSAPP = """\
01/09/2025, 08:00 - Messages and calls are end-to-end encrypted. Only people in this chat can read them.
05/01/2026, 09:00 - Priya: Morning all, the new schedule is up
05/01/2026, 09:05 - Tom: Thanks! Where do I find it?
05/01/2026, 09:07 - Priya: Pinned at the top
07/01/2026, 20:00 - Zoe: Who is coming on Friday?
07/01/2026, 20:10 - Tom: Me
10/01/2027, 19:00 - Priya started a call
"""

# a Telegram group in Chinese: someone joins by link half a year before anyone writes, a call after
TELEGRAM = {
    "name": "读书会",
    "type": "private_supergroup",
    "id": 42,
    "messages": [
        {"id": 1, "type": "service", "date": "2025-07-01T10:00:00", "date_unixtime": "1751364000",
         "actor": "小周", "actor_id": "user7", "action": "join_group_by_link", "text": ""},
        {"id": 2, "type": "message", "date": "2026-02-02T10:00:00", "date_unixtime": "1770026400",
         "from": "陈姐", "from_id": "user1", "text": "这周读哪一本？"},
        {"id": 3, "type": "message", "date": "2026-02-02T10:03:00", "date_unixtime": "1770026580",
         "from": "小林", "from_id": "user2", "text": "《乡土中国》吧"},
        {"id": 4, "type": "message", "date": "2026-02-04T21:00:00", "date_unixtime": "1770238800",
         "from": "陈姐", "from_id": "user1", "text": "好，周五晚上见"},
        {"id": 5, "type": "service", "date": "2026-12-24T20:00:00", "date_unixtime": "1798113600",
         "actor": "陈姐", "actor_id": "user1", "action": "group_call", "text": ""},
    ],
}  # fmt: skip


def audit_json(cli: CliInvoke, *args: str) -> dict:
    result = cli("audit", *args, "--tz", "UTC", "--report", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def whatsapp(tmp_path: Path) -> Path:
    path = tmp_path / "WhatsApp Chat with Owls.txt"
    path.write_text(WHATSAPP, encoding="utf-8")
    return path


@pytest.fixture
def telegram(tmp_path: Path) -> Path:
    path = tmp_path / "result.json"
    path.write_text(json.dumps(TELEGRAM, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(("export", "first", "last"), [("whatsapp", "2026-01-05", "2026-01-07"),
                                                       ("telegram", "2026-02-02", "2026-02-04")])  # fmt: skip
def test_events_outside_the_messages_neither_stretch_the_window_nor_make_silent_days(
    cli: CliInvoke, request: pytest.FixtureRequest, export: str, first: str, last: str
) -> None:
    path = request.getfixturevalue(export)
    document = audit_json(cli, str(path))
    assert (document["period"]["first"], document["period"]["last"]) == (first, last)
    assert document["period"]["days"] == 3
    assert document["activity"]["silent_days"] == 1  # the one day between, not months of notices
    assert document["summary"]["joins"] == 0  # the join half a year before is outside the window
    for lang in ("en", "zh"):
        result = cli("--lang", lang, "audit", str(path), "--tz", "UTC")
        assert result.exit_code == 0, result.stderr
        assert first in result.stdout and last in result.stdout
        assert "2025-" not in result.stdout and "2027-" not in result.stdout
        assert "2026-12" not in result.stdout


def test_a_given_window_still_counts_the_events_inside_it(cli: CliInvoke, telegram: Path) -> None:
    document = audit_json(cli, str(telegram), "--since", "2025-06-01", "--until", "2026-02-04")
    assert (document["period"]["first"], document["period"]["last"]) == ("2025-06-01", "2026-02-04")
    assert document["summary"]["joins"] == 1


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "--since 2026-03-01 is after the export's last message on 2026-01-07; the export runs from 2026-01-05"),
        (
            "zh",
            "--since 2026-03-01 晚于导出记录的最后一条消息（2026-01-07）；导出记录的时间范围是 2026-01-05 至",
        ),
    ],
)
def test_since_after_the_end_says_so_without_an_until(cli: CliInvoke, whatsapp: Path, lang: str, expected: str) -> None:
    result = cli("--lang", lang, "audit", str(whatsapp), "--tz", "UTC", "--since", "2026-03-01")
    assert result.exit_code == 2
    assert expected in result.stderr
    assert "--until" not in result.stderr  # nobody gave one
    assert "2027" not in result.stderr  # the call a year after is not the export's end


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_until_before_the_start_says_so_without_a_since(cli: CliInvoke, whatsapp: Path, lang: str) -> None:
    result = cli("--lang", lang, "audit", str(whatsapp), "--tz", "UTC", "--until", "2025-12-01")
    assert result.exit_code == 2
    assert "--until 2025-12-01" in result.stderr and "2026-01-05" in result.stderr
    assert "--since" not in result.stderr


def slack_workspace(path: Path) -> Path:
    """Three people join #general and #random (Bo a week later in #random), Cy leaves #random only."""
    day = 86400
    start = 1767261600  # 2026-01-01T10:00:00Z

    def entry(seconds: int, user: str, text: str, subtype: str | None = None) -> dict:
        item = {"type": "message", "user": user, "text": text, "ts": f"{start + seconds}.000100"}
        if subtype:
            item["subtype"] = subtype
        return item

    general = {
        "2026-01-01": [entry(0, "U1", "<@U1> has joined the channel", "channel_join"),
                       entry(60, "U2", "<@U2> has joined the channel", "channel_join"),
                       entry(120, "U3", "<@U3> has joined the channel", "channel_join"),
                       entry(600, "U1", "welcome, what brings you here?")],
        "2026-02-15": [entry(45 * day, "U2", "still here: any news?")],
    }  # fmt: skip
    random = {
        "2026-01-01": [entry(30, "U1", "<@U1> has joined the channel", "channel_join"),
                       entry(180, "U3", "<@U3> has joined the channel", "channel_join"),
                       entry(900, "U3", "hi all")],
        "2026-01-08": [entry(7 * day, "U2", "<@U2> has joined the channel", "channel_join"),
                       entry(7 * day + 60, "U3", "<@U3> has left the channel", "channel_leave")],
    }  # fmt: skip
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("channels.json", json.dumps([{"id": "C1", "name": "general"}, {"id": "C2", "name": "random"}]))
        archive.writestr(
            "users.json",
            json.dumps([{"id": f"U{n}", "name": name, "profile": {"display_name": name}}
                        for n, name in ((1, "ann"), (2, "bo"), (3, "cy"))]),
        )  # fmt: skip
        for channel, days in (("general", general), ("random", random)):
            for name, entries in days.items():
                archive.writestr(f"{channel}/{name}.json", json.dumps(entries))
    return path


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_slack_counts_each_member_joining_once(cli: CliInvoke, tmp_path: Path, lang: str) -> None:
    path = slack_workspace(tmp_path / "workspace.zip")
    document = audit_json(cli, str(path))
    membership = document["membership"]
    # 6 channel_join lines by 3 people: 3 joins; each joined once, on 2026-01-01, 45 days before the end
    assert membership["joins"] == 3
    assert (membership["retention_7_base"], membership["retention_30_base"]) == (3, 3)
    # Cy left #random on day 7 (within 30 days of joining): the only exit
    assert membership["leaves"] == 1
    assert membership["retention_30"] == pytest.approx(2 / 3, abs=1e-4)
    # first posts after the first join: Ann 10 min, Cy 13 min, Bo 45 days less a minute: median 13 min
    assert membership["joiners_posting_share"] == 1
    assert membership["median_hours_to_first_post"] == pytest.approx(13 / 60, abs=0.005)
    result = cli("--lang", lang, "audit", str(path), "--tz", "UTC")
    assert result.exit_code == 0, result.stderr
    label = "joins" if lang == "en" else "入群"
    line = next(line for line in result.stdout.splitlines() if label in line)
    assert "3" in line and "6" not in line
