#!/usr/bin/env python3
"""Write examples/demo-wechat.csv: a synthetic WeChat group export (MemoTrace/WeChatMsg CSV layout).

The group, 私域增长研习社, is invented, and so is every name and line of text (written for sqtool).
It is the same group as the demo plan, so an audit can compare plan and reality. The story the
audit should find: daily cases stop being daily in mid-August, the Thursday topic night stops after
July, guest shares are announced two days ahead only some of the time, two opinion leaders carry
the chat while three are quiet, night-time questions go unanswered, and activity falls in September.

Standard library only and seeded, so the output is byte-identical on every run:
    python3 examples/make_demo_export.py [OUTPUT]
"""

from __future__ import annotations

import csv
import random
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape

SEED = 20260601
SHANGHAI = timezone(timedelta(hours=8), "CST")  # Asia/Shanghai has had no DST since 1991
START, END = date(2026, 6, 1), date(2026, 9, 30)
TALKER = "43215678901@chatroom"
COLUMNS = [
    "localId", "TalkerId", "Type", "SubType", "IsSender", "CreateTime",
    "Status", "StrContent", "StrTime", "Remark", "NickName", "Sender",
]  # fmt: skip
INITIAL_MEMBERS = 95  # already in the group when the export starts (core team included)
JOINERS = 215
DAILY_CASES_UNTIL = date(2026, 8, 15)
TOPIC_NIGHTS_UNTIL = date(2026, 7, 31)

TOPICS = [
    "社群冷启动", "朋友圈人设", "企业微信加粉", "老客复购", "用户分层", "社群SOP", "直播带货", "小程序商城",
    "裂变海报", "会员积分", "私域转化率", "社群话术", "内容日历", "种子用户", "用户标签", "活动复盘",
]  # fmt: skip
CASES = [
    "一家社区烘焙店用接龙团购把复购做到四成", "母婴品牌靠育儿答疑群留住新客", "本地健身房用打卡群减少退卡",
    "茶叶店把门店熟客搬进企业微信", "读书会用每周共读撑起付费续费", "宠物店用晒图活动带动老客转介绍",
    "服装买手把直播预告放进社群提升到场率", "水果店用社群预售减少损耗", "少儿编程机构用家长群做续课",
    "咖啡品牌用积分体系拉动周末到店", "美妆店用新品试用群收集反馈", "家政公司靠老客群拿到一半新单",
]  # fmt: skip
POINTS = [
    "先定清楚入群门槛", "每天固定时间输出", "让老客先说话", "把活动节奏提前公布", "小步测试再放大",
    "给活跃成员一个身份", "复盘数据而不是凭感觉", "福利要和目标行为挂钩", "答疑要有人兜底", "别在群里硬推销",
]  # fmt: skip
PACKS = [
    "社群SOP模板", "朋友圈文案合集", "活动复盘表", "用户分层表格", "直播脚本范例", "裂变海报素材",
    "私域数据看板模板", "新人欢迎语合集",
]  # fmt: skip
GUESTS = ["某连锁茶饮的私域负责人", "一位做了八年社群的操盘手", "某母婴品牌的用户运营", "一位独立电商店主"]
CHATTER = [
    "今天的案例很有启发", "同意楼上", "学到了，回去就试试", "{topic}这块我们也在摸索", "打卡", "早上好呀",
    "这个思路不错", "我们店上周也做了类似的活动", "收藏了", "说得太对了", "有道理", "mark一下",
    "{topic}确实是难点", "最近{topic}效果一般，有点焦虑", "我们团队刚开始做{topic}", "感谢分享",
    "周末有点忙，晚点补课", "群里干货真多", "哈哈哈", "赞", "今天事情好多", "新人报到，请多关照",
]  # fmt: skip
QUESTIONS = [
    "请问{topic}一般从哪里开始做？", "{topic}有推荐的工具吗？", "大家{topic}的效果怎么样？",
    "有人做过{topic}吗？想请教一下", "怎么提高{topic}的参与度？", "新手做{topic}要注意什么吗？",
    "请问资料包在哪里下载？", "{topic}需要专人负责吗？", "怎么判断{topic}做得好不好？",
]  # fmt: skip
ANSWERS = [
    "我们之前试过，关键是{point}", "建议先{point}，再看数据", "可以看看上周的资料包，里面有{topic}的例子",
    "我的经验是{point}", "这个问题好，{point}就行", "先别急，{point}", "{topic}我们是这样做的：{point}",
]  # fmt: skip
INSIGHTS = [
    "分享一个小经验：做{topic}时{point}", "我观察到一个规律：{point}的群活跃会高很多",
    "{topic}最容易踩的坑是没有{point}", "昨天和几个同行聊{topic}，大家都说{point}",
    "补充一点：{point}，效果会更稳", "说个反常识的：{topic}不是越热闹越好，{point}更重要",
]  # fmt: skip
REACTIONS = ["说得好", "赞同", "学习了", "这个点很关键", "请问具体怎么操作？", "收到，感谢", "太实用了"]
TOPIC_NIGHT_LINES = [
    "我先来说说我们的做法", "{point}这一点我很认同", "我们遇到的问题是没人接话", "有没有具体的例子？",
    "我们试过{point}，确实有用", "这个话题太及时了", "补充一个角度：{point}", "我有不同看法",
]  # fmt: skip
GUEST_LINES = [
    "老师讲得太清楚了", "请问{topic}的预算怎么分配？", "这个案例数据很扎实", "记笔记中", "受益匪浅",
    "{point}这个方法能用在小团队吗？", "感谢嘉宾", "能分享一下课件吗？",
]  # fmt: skip
ADS = [
    "【限时特价】爆款面膜买一送一，私聊我下单 https://shop.example.cn/p/{code}",
    "副业兼职，每天一小时，日结，感兴趣加我",
    "清仓处理，全场五折，链接在这 https://sale.example.cn/{code}",
]  # fmt: skip
SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢"
)
GIVEN = list("雨晨欣然子涵思远一鸣嘉怡浩宇佳琪梓萱俊杰雅婷文博宇轩诗涵晓峰海燕春梅秋菊冬青")
CITIES = ["杭州", "深圳", "成都", "上海", "北京", "广州", "武汉", "南京", "西安", "长沙", "苏州", "厦门"]
TRADES = ["电商", "美业", "教培", "餐饮", "母婴", "服装", "运营", "咨询", "茶饮", "健身"]
ENGLISH = ["Amy", "Leo", "Coco", "Kiki", "Jason", "Lily", "Ethan", "Nina", "Vivi", "Tony", "Yuki", "Ben"]


@dataclass(slots=True)
class Member:
    name: str
    wxid: str
    weight: float  # how much they talk in everyday chat
    joined: datetime | None = None  # None: in the group before the export starts
    removed: datetime | None = None

    def present(self, when: datetime) -> bool:
        return (self.joined is None or self.joined < when) and (self.removed is None or when < self.removed)


@dataclass(slots=True)
class Row:
    when: datetime
    sender: Member | None  # None for system lines
    type: str
    sub: str
    text: str
    reply_to: Row | None = None
    seq: int = 0
    local_id: int = field(default=0)


class Story:
    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.rows: list[Row] = []
        self.members: list[Member] = []
        self.case_number = 0

    # -- people --------------------------------------------------------------------------------
    def wxid(self) -> str:
        return "wxid_" + "".join(self.rng.choice("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(12))

    def make_people(self) -> None:
        rng = self.rng
        core = [
            ("周老师", 15),
            ("小林", 40),
            ("阿杰", 35),
            ("陈姐", 120),
            ("老王", 100),
            ("Mia", 10),
            ("大刘", 0),
            ("苏苏", 0),
        ]
        self.by_name = {name: Member(name, self.wxid(), weight) for name, weight in core}
        self.owner = self.by_name["周老师"]
        self.advertisers = [Member("优选好物小店", self.wxid(), 0), Member("副业达人Kevin", self.wxid(), 0)]
        taken = set(self.by_name) | {member.name for member in self.advertisers}
        names: list[str] = []
        while len(names) < INITIAL_MEMBERS - 10 + JOINERS:
            style = rng.random()
            if style < 0.35:
                name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2))
            elif style < 0.6:
                name = f"{rng.choice(CITIES)}-{rng.choice(TRADES)}-{rng.choice(SURNAMES)}{rng.choice(GIVEN)}"
            elif style < 0.8:
                name = f"{rng.choice(ENGLISH)}{rng.choice(['', '_', '·'])}{rng.choice(SURNAMES)}"
            else:
                name = rng.choice(["阿", "小", "老"]) + rng.choice(GIVEN) + rng.choice(["", "", "同学", "酱"])
            if name not in taken:
                taken.add(name)
                names.append(name)
        ordinary = []
        for name in names:
            # heavy tail: most members never post, a few post a lot
            weight = 0.0 if rng.random() < 0.72 else min(rng.paretovariate(1.5), 10.0)
            ordinary.append(Member(name, self.wxid(), weight))
        self.members = [*self.by_name.values(), *self.advertisers, *ordinary[: INITIAL_MEMBERS - 10]]
        self.joiners = ordinary[INITIAL_MEMBERS - 10 :]

    def schedule_joins(self) -> None:
        rng = self.rng
        days = [START + timedelta(days=offset) for offset in range((END - START).days + 1)]
        rates = {6: 3.0, 7: 2.0, 8: 1.5, 9: 0.6}
        chosen = rng.choices(days, weights=[rates[day.month] for day in days], k=len(self.joiners))
        for member, day in zip(self.joiners, sorted(chosen), strict=True):
            member.joined = self.at(day, rng.randint(9, 22), rng.randint(0, 59), rng.randint(0, 59))
            if rng.random() < 0.5:
                inviter = rng.choice([self.by_name["小林"], self.by_name["阿杰"], self.owner, *self.members[10:40]])
                text = f'"{inviter.name}"邀请"{member.name}"加入了群聊'
            else:
                text = f'"{member.name}"通过扫描"{self.owner.name}"分享的二维码加入群聊'
            self.system(member.joined, text)
            self.members.append(member)
            if rng.random() < 0.15:  # some newcomers say hello
                self.say(member.joined + timedelta(minutes=rng.randint(1, 90)), member, "新人报到，请多关照")
        kevin = self.advertisers[1]
        kevin.removed = self.at(date(2026, 8, 20), 10, 12, 5)
        self.system(kevin.removed, f'你将"{kevin.name}"移出了群聊')
        for _ in range(7):  # a few silent members are cleared out
            quiet = [m for m in self.members[10:] if m.weight == 0 and m.removed is None and m.joined is None]
            member = rng.choice(quiet)
            member.removed = self.at(rng.choice(days[20:]), rng.randint(9, 21), rng.randint(0, 59), 0)
            self.system(member.removed, f'你将"{member.name}"移出了群聊')

    # -- rows ----------------------------------------------------------------------------------
    @staticmethod
    def at(day: date, hour: int, minute: int, second: int = 0) -> datetime:
        return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=SHANGHAI)

    def system(self, when: datetime, text: str) -> None:
        self.rows.append(Row(when, None, "10000", "0", text))

    def say(self, when: datetime, member: Member, text: str, kind: str = "1", sub: str = "0") -> Row:
        row = Row(when, member, kind, sub, text)
        self.rows.append(row)
        return row

    def quote(self, when: datetime, member: Member, text: str, target: Row) -> Row:
        row = Row(when, member, "49", "57", text, reply_to=target)
        self.rows.append(row)
        return row

    def fill(self, template: str, **extra: str) -> str:
        values = {"topic": self.rng.choice(TOPICS), "point": self.rng.choice(POINTS)} | extra
        return template.format(**values)

    def present(self, when: datetime) -> list[Member]:
        return [member for member in self.members if member.present(when)]

    def pick_speaker(self, when: datetime) -> Member:
        present = [m for m in self.present(when) if m.weight > 0]
        return self.rng.choices(present, weights=[m.weight for m in present])[0]

    # -- the days ------------------------------------------------------------------------------
    def activity(self, day: date) -> float:
        level = 1.0 if day < date(2026, 9, 1) else 1.0 - 0.65 * (day - date(2026, 9, 1)).days / 29
        return level * (0.8 if day.weekday() >= 5 else 1.0)

    def everyday_chat(self, day: date) -> None:
        rng = self.rng
        hours = [1, 0.5, 0.2, 0.1, 0.1, 0.2, 0.6, 1.5, 3, 4, 4, 3.5, 3, 2.5, 3, 3, 3, 2.5, 2, 2.5, 4, 4.5, 3.5, 2]
        count = round(rng.gauss(54, 7) * self.activity(day))
        for _ in range(max(count, 0)):
            hour = rng.choices(range(24), weights=hours)[0]
            when = self.at(day, hour, rng.randint(0, 59), rng.randint(0, 59))
            speaker = self.pick_speaker(when)
            roll = rng.random()
            if speaker.name in ("陈姐", "老王", "Mia") and roll < 0.5:
                row = self.say(when, speaker, self.fill(rng.choice(INSIGHTS)))
                self.replies_to(row, {"陈姐": 0.55, "老王": 0.5, "Mia": 0.12}[speaker.name])
            elif roll < 0.13 and speaker not in (self.owner, self.by_name["小林"], self.by_name["阿杰"]):
                self.question(when, speaker)
            elif roll < 0.21:
                self.say(when, speaker, "[图片]", "3")
            elif roll < 0.27:
                self.say(when, speaker, "[动画表情]", "47")
            else:
                self.say(when, speaker, self.fill(rng.choice(CHATTER)))

    def replies_to(self, row: Row, chance: float) -> None:
        rng = self.rng
        if rng.random() >= chance:
            return
        for _ in range(rng.randint(1, 3)):
            when = row.when + timedelta(minutes=rng.randint(1, 25), seconds=rng.randint(0, 59))
            member = self.pick_speaker(when)
            if member is row.sender:
                continue
            if rng.random() < 0.6:
                self.quote(when, member, rng.choice(REACTIONS), row)
            else:
                self.say(when, member, f"@{row.sender.name}\u2005{rng.choice(REACTIONS)}")  # type: ignore[union-attr]

    def question(self, when: datetime, asker: Member) -> None:
        rng = self.rng
        row = self.say(when, asker, self.fill(rng.choice(QUESTIONS)))
        daytime = 8 <= when.hour < 23
        if rng.random() >= (0.88 if daytime else 0.3):
            return  # late-night questions are often left hanging
        delay = rng.randint(2, 55) if daytime else rng.randint(60, 600)
        if daytime and rng.random() < 0.1:
            delay = rng.randint(61, 180)
        answer_at = when + timedelta(minutes=delay, seconds=rng.randint(0, 59))
        helpers = [self.by_name[name] for name in ("陈姐", "老王", "小林", "阿杰", "Mia")]
        answerer = rng.choices([*helpers, self.pick_speaker(answer_at)], weights=[30, 25, 15, 12, 3, 15])[0]
        if answerer is asker:
            return
        text = self.fill(rng.choice(ANSWERS))
        if rng.random() < 0.6:
            self.quote(answer_at, answerer, text, row)
        else:
            self.say(answer_at, answerer, f"@{asker.name}\u2005{text}")

    def daily_case(self, day: date) -> None:
        rng = self.rng
        if day > DAILY_CASES_UNTIL and rng.random() > 0.22:
            return
        self.case_number += 1
        when = self.at(day, 8, rng.randint(0, 9), rng.randint(0, 59))
        points = rng.sample(POINTS, 2)
        text = f"【每日案例】第{self.case_number}期：{rng.choice(CASES)}。拆解要点：{points[0]}；{points[1]}。"
        row = self.say(when, self.owner, text)
        self.replies_to(row, 0.7)

    def weekly_pack(self, day: date) -> None:
        rng = self.rng
        if day.weekday() != 0 or rng.random() > 0.8:
            return
        when = self.at(day, 12, rng.randint(0, 12), rng.randint(0, 59))
        self.say(when, self.by_name["小林"], f"【资料包】本周资料：{rng.choice(PACKS)}，已上传群文件，记得下载～")

    def topic_night(self, day: date) -> None:
        rng = self.rng
        if day.weekday() != 3 or day > TOPIC_NIGHTS_UNTIL:
            return
        host = self.by_name["阿杰"]
        topic = rng.choice(TOPICS)
        eve = day - timedelta(days=1)
        self.say(
            self.at(eve, 20, rng.randint(0, 30)), host, f"【话题夜】预告：明晚21:00聊聊「{topic}」，欢迎带着问题来～"
        )
        self.say(self.at(day, 21, 0, rng.randint(0, 30)), host, f"【话题夜】开始啦！今晚话题：「{topic}」")
        for _ in range(rng.randint(18, 34)):
            when = self.at(day, 21, rng.randint(1, 29), rng.randint(0, 59))
            self.say(when, self.pick_speaker(when), self.fill(rng.choice(TOPIC_NIGHT_LINES), topic=topic))
        self.say(self.at(day, 21, 31, 0), host, "【话题夜】今晚就到这里，谢谢大家参与，下周四见")

    def guest_share(self, day: date) -> None:
        rng = self.rng
        if day.weekday() != 6 or rng.random() > 0.55:
            return
        host, guest = self.by_name["小林"], rng.choice(GUESTS)
        topic = rng.choice(TOPICS)
        if rng.random() < 0.5:  # announced two days ahead only some of the time
            friday = day - timedelta(days=2)
            self.say(
                self.at(friday, 19, rng.randint(0, 59)),
                host,
                f"【嘉宾分享】周日20:30邀请{guest}分享「{topic}」，记得准时来～",
            )
        self.say(self.at(day, 20, 30, rng.randint(0, 20)), host, f"【嘉宾分享】欢迎{guest}！今晚主题：「{topic}」")
        for _ in range(rng.randint(25, 45)):
            when = self.at(day, rng.choice([20, 21, 21]), rng.randint(0, 59), rng.randint(0, 59))
            if when.hour == 20 and when.minute < 31:
                when += timedelta(minutes=31)
            self.say(when, self.pick_speaker(when), self.fill(rng.choice(GUEST_LINES), topic=topic))
        self.say(
            self.at(day, 22, 2, 0), host, f"【嘉宾分享】总结：今晚{guest}讲了「{topic}」，要点是{rng.choice(POINTS)}。"
        )
        if rng.random() < 0.6:
            self.red_packet(self.at(day, 22, 5, 0), self.owner)

    def red_packet(self, when: datetime, giver: Member) -> None:
        rng = self.rng
        self.say(when, giver, "[红包]恭喜发财，大吉大利", "49", "2001")
        if giver is self.owner:
            for claimer in rng.sample(self.present(when), 4):
                if claimer is not giver:
                    self.system(when + timedelta(seconds=rng.randint(2, 90)), f"{claimer.name}领取了你的红包")

    def ads(self, day: date) -> None:
        rng = self.rng
        for member in self.advertisers:
            when = self.at(day, rng.randint(9, 22), rng.randint(0, 59), rng.randint(0, 59))
            if member.present(when) and rng.random() < 0.11:
                code = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))
                if rng.random() < 0.4:
                    self.say(when, member, f"https://shop.example.cn/p/{code}")  # a bare link
                else:
                    self.say(when, member, rng.choice(ADS).format(code=code))

    def quiet_leaders(self) -> None:
        """大刘 and 苏苏 are named opinion leaders who barely speak."""
        self.say(self.at(date(2026, 6, 3), 21, 14, 8), self.by_name["大刘"], "大家好，我是大刘，做餐饮私域的")
        self.say(self.at(date(2026, 7, 9), 21, 12, 40), self.by_name["大刘"], "这个话题我有经验，改天细聊")
        self.say(self.at(date(2026, 6, 14), 20, 45, 3), self.by_name["苏苏"], "感谢嘉宾，收获很多")

    def tell(self) -> list[Row]:
        self.make_people()
        self.schedule_joins()
        self.quiet_leaders()
        day = START
        while day <= END:
            self.daily_case(day)
            self.weekly_pack(day)
            self.topic_night(day)
            self.guest_share(day)
            self.everyday_chat(day)
            self.ads(day)
            if day.day == 1:
                self.red_packet(self.at(day, 9, 0, 0), self.owner)
            day += timedelta(days=1)
        last = self.at(END, 23, 59, 59)
        self.rows = [row for row in self.rows if row.when <= last]  # late answers past the end are cut off
        for index, row in enumerate(self.rows):
            row.seq = index
        self.rows.sort(key=lambda row: (row.when, row.seq))
        for number, row in enumerate(self.rows, start=1):
            row.local_id = number
        return self.rows


def content(row: Row) -> str:
    if row.reply_to is None:
        return row.text
    target = row.reply_to
    sender = target.sender
    return (
        f"<msg><appmsg><title>{escape(row.text)}</title><type>57</type><refermsg>"
        f"<svrid>{target.local_id}</svrid><chatusr>{sender.wxid if sender else ''}</chatusr>"
        f"<displayname>{escape(sender.name) if sender else ''}</displayname>"
        f"<content>{escape(target.text)}</content></refermsg></appmsg></msg>"
    )


def write(path: Path) -> int:
    rows = Story().tell()
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:  # Windows tools write a BOM and CRLF
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for row in rows:
            sender = row.sender
            is_self = sender is not None and sender.name == "周老师"
            writer.writerow(
                [
                    row.local_id,
                    TALKER,
                    row.type,
                    row.sub,
                    1 if is_self else 0,
                    int(row.when.timestamp()),
                    2,
                    content(row),
                    row.when.strftime("%Y-%m-%d %H:%M:%S"),
                    "",
                    sender.name if sender else "",
                    sender.wxid if sender else "",
                ]
            )
    return len(rows)


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else Path(__file__).with_name("demo-wechat.csv")
    count = write(target)
    print(f"wrote {count} rows to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
