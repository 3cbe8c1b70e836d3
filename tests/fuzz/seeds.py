"""Small, hand-written, valid inputs of every kind sqtool reads: the fuzzers' starting points.

Every name and line here is made up for the tests; none comes from a real chat.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from typing import Literal

Kind = Literal["json", "text", "csv", "yaml", "toml", "zip"]


@dataclass(frozen=True)
class Seed:
    name: str  # the file name the CLI sees (detection may look at it)
    kind: Kind  # how the structured mutations may read it
    data: bytes


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8")


TELEGRAM = Seed(
    "result.json",
    "json",
    _json(
        {
            "name": "读书会",
            "type": "private_supergroup",
            "id": 4242,
            "messages": [
                {
                    "id": 1,
                    "type": "service",
                    "date": "2026-03-01T20:00:00",
                    "date_unixtime": "1772395200",
                    "actor": "周老师",
                    "actor_id": "user9",
                    "action": "invite_members",
                    "members": ["阿杰"],
                },
                {
                    "id": 2,
                    "type": "message",
                    "date": "2026-03-02T09:00:00",
                    "date_unixtime": "1772413200",
                    "from": "小林",
                    "from_id": "user1",
                    "text": "大家早，今天拆哪个案例？",
                },
                {
                    "id": 3,
                    "type": "message",
                    "date": "2026-03-02T09:05:00",
                    "date_unixtime": "1772413500",
                    "from": "阿杰",
                    "from_id": "user2",
                    "reply_to_message_id": 2,
                    "text": [{"type": "mention", "text": "@xiaolin"}, " 就拆上周那个社群"],
                },
                {
                    "id": 4,
                    "type": "message",
                    "date": "2026-03-03T21:10:00",
                    "date_unixtime": "1772543400",
                    "from": "Mia",
                    "from_id": "user3",
                    "photo": "photos/1.jpg",
                    "text": "",
                },
            ],
        }
    ),
)

DISCORD = Seed(
    "general.json",
    "json",
    _json(
        {
            "guild": {"id": "1", "name": "Book club"},
            "channel": {"id": "2", "name": "general", "type": "GuildTextChat"},
            "messages": [
                {
                    "id": "10",
                    "type": "GuildMemberJoin",
                    "timestamp": "2026-03-01T12:00:00+00:00",
                    "content": "Joined the server.",
                    "author": {"id": "7", "name": "dana", "isBot": False},
                },
                {
                    "id": "11",
                    "type": "Default",
                    "timestamp": "2026-03-02T09:00:00.123+00:00",
                    "content": "morning all, which chapter today?",
                    "author": {"id": "5", "name": "amy", "nickname": "Amy", "isBot": False},
                    "mentions": [],
                },
                {
                    "id": "12",
                    "type": "Reply",
                    "timestamp": "2026-03-02T09:04:00+00:00",
                    "content": "@amy chapter three",
                    "author": {"id": "6", "name": "bo", "isBot": False},
                    "reference": {"messageId": "11", "channelId": "2"},
                    "mentions": [{"id": "5", "name": "amy"}],
                    "attachments": [{"id": "1", "fileName": "notes.png"}],
                },
            ],
            "messageCount": 3,
        }
    ),
)

DISCORD_CSV = Seed(
    "general.csv",
    "csv",
    (
        "AuthorID,Author,Date,Content,Attachments,Reactions\r\n"
        '5,amy,2026-03-02T09:00:00+00:00,"morning all, which chapter?",,\r\n'
        "6,bo,2026-03-02T09:04:00+00:00,chapter three,https://cdn.example/notes.png,👍 (2)\r\n"
        "5,amy,2026-03-03T10:00:00+00:00,thanks,,\r\n"
    ).encode(),
)

WHATSAPP = Seed(
    "WhatsApp Chat with Book club.txt",
    "text",
    (
        "02/03/2026, 08:59 - Messages and calls are end-to-end encrypted.\n"
        "02/03/2026, 09:00 - 小林: 大家早\n"
        "02/03/2026, 09:01 - 阿杰 joined using this group's invite link\n"
        "02/03/2026, 09:02 - 阿杰: 早，今天拆哪个案例？\n"
        "第二行接着上一条\n"
        "03/03/2026, 21:15 - Mia: <Media omitted>\n"
        "03/03/2026, 21:16 - 小林 removed Mia\n"
    ).encode(),
)

WHATSAPP_IOS = Seed(
    "_chat.txt",
    "text",
    (
        "[2/3/26, 9:00:00\u202fAM] Book club: \u200eMessages and calls are end-to-end encrypted.\r\n"
        "[2/3/26, 9:01:10\u202fAM] Amy: morning\r\n"
        "[2/3/26, 9:03:00\u202fAM] Bo: \u200eimage omitted\r\n"
        "[3/3/26, 10:00:00\u202fPM] Amy: see you\r\n"
    ).encode("utf-8"),
)

QQ = Seed(
    "群聊.txt",
    "text",
    "\r\n".join(
        [
            "消息记录（此消息记录为文本格式，不支持重新导入）",
            "",
            "=" * 64,
            "消息分组:我的QQ群",
            "=" * 64,
            "消息对象:读书会",
            "=" * 64,
            "",
            "2026-03-02 9:00:00 小林(10001)",
            "大家早",
            "",
            "2026-03-02 9:03:12 阿杰<aj@example.com>",
            "@小林 早",
            "",
            "2026-03-03 21:10:00 系统消息(10000)",
            "阿杰 邀请 Mia 加入了本群",
            "",
        ]
    ).encode("gb18030"),
)

WECHAT_CSV = Seed(
    "wechat.csv",
    "csv",
    (
        "\ufefflocalId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\r\n"
        "1,1@chatroom,1,0,0,1772413200,2,大家早,2026-03-02 09:00:00,,小林,wxid_a1\r\n"
        "2,1@chatroom,1,0,0,1772413500,2,@小林 今天拆哪个？,2026-03-02 09:05:00,,阿杰,wxid_a2\r\n"
        '3,1@chatroom,10000,0,0,1772543400,2,"""阿杰""邀请""Mia""加入了群聊",2026-03-03 21:10:00,,,\r\n'
        "4,1@chatroom,3,0,0,1772543500,2,<img/>,2026-03-03 21:11:40,,Mia,wxid_a3\r\n"
    ).encode("utf-8"),
)

WECHAT_TXT = Seed(
    "wechat.txt",
    "text",
    (
        "2026-03-02 09:00:00 小林\n大家早\n\n"
        "2026-03-02 09:05:00 阿杰\n@小林 今天拆哪个？\n\n"
        "2026-03-03 21:10:00 Mia\n[图片]\n\n"
    ).encode(),
)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


SLACK_MEMBERS = {
    "channels.json": _json([{"id": "C1", "name": "general", "members": ["U1", "U2"]}]),
    "users.json": _json([{"id": "U1", "name": "amy", "real_name": "Amy"}, {"id": "U2", "name": "bo", "is_bot": False}]),
    "general/2026-03-02.json": _json(
        [
            {
                "type": "message",
                "subtype": "channel_join",
                "user": "U2",
                "text": "<@U2> has joined",
                "ts": "1772413100.000100",
            },
            {"type": "message", "user": "U1", "text": "morning <@U2>", "ts": "1772413200.000200"},
            {
                "type": "message",
                "user": "U2",
                "text": "hi",
                "ts": "1772413260.000300",
                "thread_ts": "1772413200.000200",
            },
        ]
    ),
}
SLACK = Seed("workspace.zip", "zip", _zip(SLACK_MEMBERS))

MESSENGER = Seed(
    "message_1.json",
    "json",
    _json(
        {
            "participants": [{"name": "Amy"}, {"name": "Bo"}],
            "messages": [
                {"sender_name": "Bo", "timestamp_ms": 1772413260000, "content": "hi Amy", "type": "Generic"},
                {"sender_name": "Amy", "timestamp_ms": 1772413200000, "photos": [{"uri": "p.jpg"}], "type": "Generic"},
                {  # a notice, an event: the moved-date tests move the message above (the window is the messages')
                    "sender_name": "Amy",
                    "timestamp_ms": 1772413100000,
                    "content": "Amy added Bo to the group.",
                    "type": "Subscribe",
                    "users": [{"name": "Bo"}],
                },
            ],
            "title": "Book club",
            "thread_path": "inbox/bookclub_1",
        }
    ),
)

GENERIC_CSV = Seed(
    "chat.csv",
    "csv",
    (
        "time,sender,text,sender_id,id,reply_to,kind,mentions,event\n"
        "2026-03-02T09:00:00+08:00,小林,大家早,u1,1,,text,,\n"
        "2026-03-02T09:05:00+08:00,阿杰,@小林 早,u2,2,1,text,小林,\n"
        "1772543400,Mia,,u3,3,,,,join\n"
    ).encode(),
)

JSONL = Seed(
    "chat.jsonl",
    "text",
    (
        '{"time": "2026-03-02T09:00:00+08:00", "sender": "小林", "text": "大家早", "id": "1"}\n'
        '{"time": "2026-03-02T09:05:00+08:00", "sender": "阿杰", "text": "早", "reply_to": "1", "mentions": ["小林"]}\n'
        '{"time": 1772543400, "sender": "Mia", "text": "", "event": "join"}\n'
    ).encode(),
)

CHATLAB = Seed(
    "chatlab.json",
    "json",
    _json(
        {
            "chatlab": {"version": "0.0.2", "exportedAt": 1772600000, "generator": "hand-written"},
            "meta": {"name": "烘焙交流群", "platform": "wechat", "type": "group"},
            "members": [
                {"platformId": "wxid_m1", "accountName": "小米", "groupNickname": "米米", "roles": [{"id": "owner"}]},
                {"platformId": "wxid_m2", "accountName": "Leo"},
                {"platformId": "wxid_m3", "accountName": "阿芳"},
            ],
            "messages": [
                {
                    "sender": "wxid_m1",
                    "accountName": "小米",
                    "timestamp": 1772413200,
                    "type": 0,
                    "content": "周六一起做戚风？",
                    "platformMessageId": "c1",
                },
                {
                    "sender": "wxid_m2",
                    "accountName": "Leo",
                    "groupNickname": "Leo",
                    "timestamp": 1772413260,
                    "type": 25,
                    "content": "@米米 我来",
                    "platformMessageId": "c2",
                    "replyToMessageId": "c1",
                },
                {"sender": "wxid_m3", "accountName": "阿芳", "timestamp": 1772413300, "type": 1, "content": "[图片]"},
                {"sender": "", "timestamp": 1772413400, "type": 80, "content": '"阿芳"邀请"Leo"加入了群聊'},
                {"sender": "wxid_m1", "accountName": "小米", "timestamp": 1772413500, "type": 20, "content": "红包"},
            ],
        }
    ),
)

CHATLAB_JSONL = Seed(
    "chatlab.jsonl",
    "text",
    (
        '{"_type": "header", "chatlab": {"version": "0.0.2"},'
        ' "meta": {"name": "跑团", "platform": "qq", "type": "group"}}\n'
        '{"_type": "member", "platformId": "10001", "accountName": "阿跑", "groupNickname": "领跑"}\n'
        '{"_type": "member", "platformId": "10002", "accountName": "Yuki"}\n'
        "# a comment line\n"
        '{"_type": "message", "sender": "10001", "accountName": "阿跑", "timestamp": 1772413200, "type": 0,'
        ' "content": "明早六点集合", "platformMessageId": "q1"}\n'
        '{"_type": "message", "sender": "10002", "accountName": "Yuki", "timestamp": 1772413260, "type": 0,'
        ' "content": "收到", "replyToMessageId": "q1"}\n'
        '{"_type": "message", "sender": "10002", "timestamp": 1772413300, "type": 81, "content": "撤回了一条消息"}\n'
    ).encode(),
)

# the export families: each fuzzed on its own, ≥ 10,000 cases each in the long profile
EXPORTS: dict[str, tuple[Seed, ...]] = {
    "telegram": (TELEGRAM,),
    "discord": (DISCORD, DISCORD_CSV),
    "whatsapp": (WHATSAPP, WHATSAPP_IOS),
    "qq": (QQ,),
    "wechat": (WECHAT_CSV, WECHAT_TXT),
    "slack": (SLACK,),
    "messenger": (MESSENGER,),
    "generic": (GENERIC_CSV, JSONL),
    "chatlab": (CHATLAB, CHATLAB_JSONL),
}

PLAN = Seed(
    "plan.yaml",
    "yaml",
    (
        "version: 1\n"
        "community:\n"
        "  name: 读书会\n"
        "  naming_method: content\n"
        "  slogan: {text: 每周读一本好书, type: benefit}\n"
        "  platform: wechat\n"
        "  capacity: 500\n"
        "  launch_date: 2026-03-01\n"
        "  timezone: Asia/Shanghai\n"
        "positioning:\n"
        "  purpose: 一起读书、交流心得\n"
        "  category: interest\n"
        "  shared_attribute: 喜欢读书的上班族\n"
        "  common_goal: 一年读完五十本书\n"
        "  value_for_members: 每周一次共读和分享\n"
        "members:\n"
        "  target_size: 200\n"
        "  current_size: 80\n"
        "roles:\n"
        "  owner: 小林\n"
        "  admins: [阿杰]\n"
        "  opinion_leaders: [Mia]\n"
        "thresholds:\n"
        "  min_weekly_active_share: 0.3\n"
        "  max_first_response_minutes: 60\n"
        "value_output:\n"
        "  - {name: 每日一书, cadence: daily, time: '08:00', owner: 小林, backup: 阿杰}\n"
        "rituals:\n"
        "  - {name: 周四共读, cadence: weekly, day: thursday, time: '20:00'}\n"
    ).encode(),
)

CONFIG_YAML = Seed(
    ".sqtool.yaml",
    "yaml",
    (
        b"select: [SQ1, SQ2, SQ3]\n"
        b"ignore: [SQ504]\n"
        b"severity:\n  SQ201: warning\n"
        b"fail_on: warning\n"
        b"kol_per_members: 100\n"
        b"slogan_max_length: 16\n"
    ),
)

CONFIG_TOML = Seed(
    "pyproject.toml",
    "toml",
    (
        b'[project]\nname = "book-club"\n\n'
        b"[tool.sqtool]\n"
        b'select = ["SQ1", "SQ2"]\n'
        b'ignore = ["SQ504"]\n'
        b'fail_on = "warning"\n'
        b"maturity_months = 6\n"
        b"[tool.sqtool.severity]\n"
        b'SQ201 = "info"\n'
    ),
)

ANSWERS = Seed(
    "answers.yaml",
    "yaml",
    (
        "playbook: professional-network\n"
        "community.name: 跨境操盘手互助会\n"
        "roles:\n  owner: 老周\n  admins: [阿May]\n"
        "members.target_size: 300\n"
        "value_output.0.time: '08:30'\n"
    ).encode(),
)

ROSTER_CSV = Seed(
    "roster.csv",
    "csv",
    "id,name,joined,tags\nwxid_a1,小林,2026-03-01,admin;kol\nwxid_a2,阿杰,2026-03-02,customer\n,Mia,,\n".encode(),
)

ROSTER_YAML = Seed(
    "roster.yaml",
    "yaml",
    (
        "members:\n"
        "  - id: wxid_a1\n    name: 小林\n    joined: 2026-03-01\n    tags: [admin, kol]\n"
        "  - {id: wxid_a2, name: 阿杰, tags: customer}\n"
        "  - Mia\n"
    ).encode(),
)

# the other families: what a user or a shared repository hands sqtool besides exports
FILES: dict[str, tuple[Seed, ...]] = {
    "plans": (PLAN,),
    "configs": (CONFIG_YAML, CONFIG_TOML),
    "answers": (ANSWERS,),
    "rosters": (ROSTER_CSV, ROSTER_YAML),
}
