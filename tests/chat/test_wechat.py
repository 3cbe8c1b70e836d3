import csv
import subprocess
import sys
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest

from sqtool.chat.readers import discord_csv, generic_csv, wechat
from sqtool.chat.sniff import Head
from sqtool.errors import SqtoolError
from tests.chat.helpers import read_all
from tests.conftest import FIXTURES, REPO

DEMO = REPO / "examples" / "demo-wechat.csv"
GENERATOR = REPO / "examples" / "make_demo_export.py"
CST = timezone(timedelta(hours=8))
HEADER = "localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n"


def demo_rows() -> list[dict[str, str]]:
    with open(DEMO, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_demo_export_counts_match_an_independent_csv_count():
    rows = demo_rows()
    members = [row for row in rows if row["Type"] != "10000"]
    result = read_all(DEMO, tz="Asia/Shanghai")
    assert result.chat.formats == ["wechat"]
    assert len(result.messages) == len(members) == 7985
    assert result.senders == Counter(row["Sender"] for row in members)
    assert len(result.senders) == 119
    assert result.event_kinds["join"] == sum("加入" in row["StrContent"] for row in rows) == 215
    assert result.event_kinds["removal"] == 8


def test_demo_export_tells_the_story():
    result = read_all(DEMO, tz="Asia/Shanghai")
    names = Counter(message.sender_name for message in result.messages)
    assert names.most_common(2)[0][0] == "陈姐" and names.most_common(2)[1][0] == "老王"
    assert names["大刘"] <= 3 and names["苏苏"] <= 3
    cases = [m for m in result.messages if m.sender_name == "周老师" and m.text.startswith("【每日案例】")]
    assert all(m.timestamp.hour == 8 for m in cases)
    before = {m.timestamp.date() for m in cases if m.timestamp.date() <= datetime(2026, 8, 15).date()}
    after = {m.timestamp.date() for m in cases if m.timestamp.date() > datetime(2026, 8, 15).date()}
    assert len(before) == 76 and 0 < len(after) < 20
    topic_nights = {m.timestamp.month for m in result.messages if m.text.startswith("【话题夜】开始")}
    assert topic_nights == {6, 7}
    per_month = Counter(m.timestamp.month for m in result.messages)
    assert per_month[9] < 0.8 * per_month[8]
    assert result.messages[0].timestamp >= datetime(2026, 6, 1, tzinfo=CST)
    assert result.messages[-1].timestamp <= datetime(2026, 9, 30, 23, 59, 59, tzinfo=CST)
    kinds = result.message_kinds
    assert kinds["media"] > 100 and kinds["sticker"] > 100 and kinds["red_packet"] >= 5 and kinds["link"] >= 5
    replies = [m for m in result.messages if m.reply_to]
    ids = {m.id for m in result.messages}
    assert len(replies) > 300 and all(reply.reply_to in ids for reply in replies)


def test_demo_generator_is_byte_identical(tmp_path):
    target = tmp_path / "demo.csv"
    done = subprocess.run([sys.executable, str(GENERATOR), str(target)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert target.read_bytes() == DEMO.read_bytes()


def write_memotrace(path, lines: list[str]) -> None:
    path.write_text(HEADER + "".join(line + "\n" for line in lines), encoding="utf-8")


def test_memotrace_types_system_lines_and_quotes(tmp_path):
    path = tmp_path / "chat.csv"
    quote = (
        '"<msg><appmsg><title>同意 &amp; 补充</title><type>57</type><refermsg><svrid>1</svrid>'
        '<displayname>甲</displayname><content>原话</content></refermsg></appmsg></msg>"'
    )
    write_memotrace(
        path,
        [
            "1,g@chatroom,1,0,0,1767225600,2,大家好 @乙\u2005看这里,2026-01-01 08:00:00,,甲,wxid_a",
            "2,g@chatroom,3,0,0,1767225601,2,[图片],2026-01-01 08:00:01,,乙,wxid_b",
            "3,g@chatroom,47,0,1,1767225602,2,[动画表情],2026-01-01 08:00:02,,我,",
            f"4,g@chatroom,49,57,0,1767225603,2,{quote},2026-01-01 08:00:03,乙同学,乙,wxid_b",
            "5,g@chatroom,49,2001,0,1767225604,2,[红包]恭喜发财,2026-01-01 08:00:04,,甲,wxid_a",
            '6,g@chatroom,10000,0,0,1767225605,4,"""甲""邀请""丙、丁""加入了群聊",2026-01-01 08:00:05,,,',
            '7,g@chatroom,10000,0,0,1767225606,4,"""戊""通过扫描""甲""分享的二维码加入群聊",2026-01-01 08:00:06,,,',
            '8,g@chatroom,10000,0,0,1767225607,4,"你将""丙""移出了群聊",2026-01-01 08:00:07,,,',
            '9,g@chatroom,10000,0,0,1767225608,4,"""乙"" 撤回了一条消息",2026-01-01 08:00:08,,,',
            "10,g@chatroom,1,0,0,,2,no epoch here,2026-01-01 08:00:09,,甲,wxid_a",
            "11,g@chatroom,1,0,0,1767225610,2,https://example.com/x,2026-01-01 08:00:10,,甲,wxid_a",
        ],
    )
    result = read_all(path, tz="Asia/Shanghai")
    assert result.chat.formats == ["wechat"]
    by_id = {m.id: m for m in result.messages}
    assert by_id["1"].mentions == ("乙",)
    assert by_id["1"].timestamp == datetime(2026, 1, 1, 8, 0, tzinfo=CST)
    assert [by_id[key].kind.value for key in "2345"] == ["media", "sticker", "text", "red_packet"]
    assert by_id["3"].sender_id == "self"  # the exporting account, whose Sender is left empty
    assert by_id["4"].text == "同意 & 补充" and by_id["4"].reply_to == "1"
    assert by_id["4"].sender_name == "乙同学"  # the owner's remark wins over the nickname
    assert by_id["10"].timestamp == datetime(2026, 1, 1, 8, 0, 9, tzinfo=CST)  # StrTime in --tz
    assert by_id["11"].kind.value == "link"
    events = [(e.kind.value, e.member_name, e.actor_name) for e in result.events]
    assert events == [
        ("join", "丙", "甲"),
        ("join", "丁", "甲"),
        ("join", "戊", "甲"),
        ("removal", "丙", "你"),
        ("service", None, None),
    ]


def test_chatlog_csv(tmp_path):
    path = tmp_path / "chatlog.csv"
    path.write_text(
        "Time,SenderName,Sender,TalkerName,Talker,Content\n"
        "2026-01-01 09:00:00,甲,wxid_a,群,g@chatroom,早\n"
        '2026-01-01 09:01:00,,,群,g@chatroom,"""乙""通过扫描""甲""分享的二维码加入群聊"\n',
        encoding="utf-8",
    )
    result = read_all(path, tz="Asia/Shanghai")
    assert result.senders == {"wxid_a": 1}
    assert [(e.kind.value, e.member_name) for e in result.events] == [("join", "乙")]


def test_bad_time_names_the_row(tmp_path):
    path = tmp_path / "chat.csv"
    write_memotrace(path, ["1,g,1,0,0,1767225600,2,ok,,,甲,a", "2,g,1,0,0,soon,2,bad,,,甲,a"])
    with pytest.raises(SqtoolError) as caught:
        read_all(path)
    assert (caught.value.key, caught.value.line) == ("chat.bad_date", 3)


def test_memotrace_txt_layout():
    # 6 "date time name" headers: 5 messages (周老师 2, 陈姐, 阿杰, 新朋友) and one 系统消息 join
    result = read_all(FIXTURES / "chat" / "wechat_memotrace.txt", tz="Asia/Shanghai")
    assert result.chat.formats == ["wechat"]
    assert result.senders == {"周老师": 2, "陈姐": 1, "阿杰": 1, "新朋友": 1}
    assert result.messages[0].text == "【每日案例】第1期：社区面包店的接龙团购\n拆解要点：先定门槛；固定时间输出"
    assert result.messages[0].timestamp == datetime(2026, 6, 1, 8, 0, 12, tzinfo=CST)
    assert result.messages[1].mentions == ("周老师",)
    assert [m.kind.value for m in result.messages] == ["text", "text", "media", "sticker", "red_packet"]
    assert [(e.kind.value, e.member_name, e.actor_name) for e in result.events] == [("join", "新朋友", "小林")]


def test_wechat_sniff():
    memotrace = b"localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n"
    assert wechat.sniff(Head.of(memotrace)) == wechat.CSV_CONFIDENCE
    chatlog = b"\xef\xbb\xbfTime,SenderName,Sender,TalkerName,Talker,Content\r\n"
    assert wechat.sniff(Head.of(chatlog)) == wechat.CSV_CONFIDENCE
    assert wechat.sniff(Head.of(chatlog.rstrip() + b",AuthorID,Author,Date\n")) == wechat.CSV_CONFIDENCE
    assert wechat.sniff(Head.of("2021-03-04 10:11:12 小明\n你好\n".encode("gb18030"))) == wechat.TXT_CONFIDENCE
    assert wechat.sniff(Head.of(b"localId,TalkerId,Type\n")) == 0.0
    assert wechat.sniff(Head.of(b"hello\n2021-03-04 10:11:12 A\n")) == 0.0  # a TXT export opens with a header
    assert wechat.CSV_CONFIDENCE > discord_csv.CONFIDENCE > generic_csv.CONFIDENCE
