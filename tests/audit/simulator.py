"""A seeded group-chat simulator that knows the truth: which message answers which, and who leads.

It is the ground truth the conversation model of audit/threads.py is calibrated against
(benchmarks/calibrate_threads.py prints the table in docs/metrics.md; tests/audit/test_threads_calibration.py
holds the method to it at a small size). The group behaves like the groups sqtool audits:

- threads interleave: a question, an opinion leader's post, a banter between two regulars, the
  owner's morning notice, each drawing its own answers at their own pace;
- answers come in bursts of a few minutes, some after an hour or more; about a quarter of the
  questions are never answered; nights are quiet;
- greetings, stickers and thumbs-up answer nothing;
- an answer names its thread's topic only some of the time, mentions the asker some of the time,
  and otherwise says something any thread could hear ("yes, that works", "对的");
- opinion leaders (article 002) post what others answer, answer others' questions, and are few;
  heavy posters who chat a lot draw little.

The same conversation is written as a Telegram Desktop JSON export with any share of its answers
carrying reply links, as a WhatsApp Android text export and as a WeChat (MemoTrace) text export,
which have none. Standard library only; everything follows from the seed.
"""

from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

UTC = UTC
START = datetime(2026, 3, 2, tzinfo=UTC)  # a Monday; local time is UTC, so days and hours are plain

EN_NAMES = [
    "Amy",
    "Leo",
    "Coco",
    "Kiki",
    "Jason",
    "Lily",
    "Ethan",
    "Nina",
    "Vivi",
    "Tony",
    "Yuki",
    "Ben",
    "Maya",
    "Omar",
    "Iris",
    "Noah",
    "Zara",
    "Ivan",
    "Luca",
    "Mira",
    "Hugo",
    "Ella",
    "Finn",
    "Ruby",
    "Sami",
    "Tara",
    "Owen",
    "Lena",
    "Axel",
    "Gina",
    "Nico",
    "Dana",
    "Theo",
    "Alma",
    "Reza",
    "Kai",
    "Jude",
    "Nora",
    "Eli",
    "Rosa",
]
ZH_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶"
ZH_GIVEN = "雨晨欣然涵远鸣怡宇琪萱杰婷博轩峰燕梅菊青"

# Topic words: an answer that names its thread's topic shares one of these with the question.
EN_TOPICS = [
    "onboarding",
    "welcome-post",
    "checkin",
    "referral",
    "pricing",
    "newsletter",
    "livestream",
    "coupon",
    "moderation",
    "retention",
    "signup",
    "webinar",
    "poster",
    "survey",
    "giveaway",
    "roadmap",
    "feedback",
    "calendar",
    "badge",
    "ranking",
]
ZH_TOPICS = [
    "冷启动",
    "欢迎语",
    "打卡",
    "裂变",
    "定价",
    "周报",
    "直播",
    "优惠券",
    "群规",
    "复购",
    "报名",
    "分享会",
    "海报",
    "问卷",
    "抽奖",
    "选品",
    "反馈",
    "日历",
    "勋章",
    "积分",
]

TEXTS = {
    "en": {
        "question": (
            "how do you handle {t} in a small group?",
            "has anyone tried {t} here?",
            "what tool do you use for {t}?",
            "any tips on {t} for beginners?",
            "where do I find the {t} template?",
        ),
        "answer_topic": (
            "for {t} we keep it simple and post it every Monday",
            "we tried {t} last month, worked well after the second week",
            "the {t} template is pinned in the files",
            "{t} works best when one person owns it",
        ),
        "answer_plain": (
            "yes, that works",
            "I'd start small and measure",
            "we did the same, no regrets",
            "depends on the group, try it for two weeks",
            "not really, it never stuck for us",
            "ask the admins, they have a list",
        ),
        "post": (
            "a note on {t}: the groups that stick with it weekly keep twice the members",
            "sharing our {t} numbers from last quarter, happy to walk through them",
            "lesson learned on {t}: announce it two days ahead",
        ),
        "react_topic": ("great point about {t}", "our {t} looks exactly like that", "saving this for our {t}"),
        "react_plain": ("agreed", "very useful, thanks", "same experience here", "good to know"),
        "chat": ("lol", "same here", "busy day again", "coffee first", "true", "haha no way", "so tired today"),
        "thanks": ("thanks!", "got it, thank you", "perfect, thanks"),
        "notice": ("Today's theme: {t}. Share what works for you.", "Reminder: {t} session tonight at 8."),
        "greeting": ("good morning all", "morning everyone", "hello from Lisbon", "happy Friday all"),
        "sticker": ("👍", "😂", "🙏"),
    },
    "zh": {
        "question": (
            "请问{t}一般怎么做？",
            "有人试过{t}吗？",
            "{t}用什么工具比较好？",
            "新手做{t}要注意什么？",
            "{t}的模板在哪里找？",
        ),
        "answer_topic": (
            "{t}我们是每周一固定发，简单就好",
            "上个月试过{t}，第二周之后效果就出来了",
            "{t}的模板在群文件里置顶了",
            "{t}最好有一个人专门负责",
        ),
        "answer_plain": (
            "可以的，我们就是这样做",
            "建议先小范围试试，看数据",
            "我们也这么干过，挺好",
            "看群的情况，先试两周",
            "不太行，我们没坚持下来",
            "问下管理员，他们有清单",
        ),
        "post": (
            "说说{t}：每周坚持做的群，留存高一倍",
            "分享一下我们上季度{t}的数据，有问题可以聊",
            "{t}的教训：一定要提前两天预告",
        ),
        "react_topic": ("{t}这点说得好", "我们的{t}也是这样", "收藏了，{t}正好用得上"),
        "react_plain": ("同意", "很有用，谢谢", "一样的体会", "学到了"),
        "chat": ("哈哈", "我也是", "今天又好忙", "先喝杯咖啡", "确实", "笑死", "好累啊"),
        "thanks": ("谢谢！", "明白了，感谢", "好的，谢谢"),
        "notice": ("今日话题：{t}，欢迎大家分享做法。", "提醒：今晚8点{t}分享会。"),
        "greeting": ("早上好", "大家早", "早安各位", "周五快乐"),
        "sticker": ("👍", "😂", "🙏"),
    },
}


@dataclass(slots=True)
class SimMessage:
    """One simulated message and the truth about it."""

    seq: int
    when: datetime
    sender: int
    text: str
    kind: str = "text"  # text or sticker
    parent: int | None = None  # the seq of the message it answers (the truth)
    mention: int | None = None  # the member it @-mentions
    linked: bool = False  # whether the export writes its reply link (set by with_links)


@dataclass(slots=True)
class Conversation:
    """A simulated group: members, messages in time order, and the truth."""

    lang: str
    names: list[str]
    owner: int
    leaders: frozenset[int]  # the real opinion leaders, the owner not among them
    messages: list[SimMessage] = field(default_factory=list)

    def with_links(self, share: float, seed: int = 7) -> Conversation:
        """The same conversation with ``share`` of its answers carrying a reply link."""
        rng = random.Random(seed)
        messages = [
            SimMessage(m.seq, m.when, m.sender, m.text, m.kind, m.parent, m.mention, False) for m in self.messages
        ]
        for message in messages:
            if message.parent is not None and rng.random() < share:
                message.linked = True
        return Conversation(self.lang, self.names, self.owner, self.leaders, messages)


class _Builder:
    def __init__(self, seed: int, lang: str, members: int):
        self.rng = random.Random(seed)
        self.lang = lang
        self.texts = TEXTS[lang]
        self.topics = EN_TOPICS if lang == "en" else ZH_TOPICS
        self.names = self._names(members)
        self.owner = 0
        self.leaders = (1, 2, 3, 4)
        # everyday propensity to talk: a few regulars (heavy chatters among them), a long tail, lurkers
        self.weight = [0.0] * members
        for member in range(5, members):
            self.weight[member] = 8.0 if member < 9 else (2.0 if member < 30 else (0.4 if member < 70 else 0.0))
        self.chatters = (5, 6, 7, 8)  # heavy posters whose chatter rarely draws an answer
        self.rows: list[tuple[datetime, int, str, str, int | None, int | None]] = []  # time, sender, text, kind

    def _names(self, count: int) -> list[str]:
        if self.lang == "en":
            base = list(EN_NAMES)
            return [base[i % len(base)] + ("" if i < len(base) else str(i // len(base) + 1)) for i in range(count)]
        names: list[str] = []
        while len(names) < count:
            name = self.rng.choice(ZH_SURNAMES) + self.rng.choice(ZH_GIVEN) + self.rng.choice(ZH_GIVEN)
            if name not in names:
                names.append(name)
        return names

    def pick(self, exclude: set[int] | frozenset[int] = frozenset()) -> int:
        members = [m for m in range(len(self.weight)) if self.weight[m] > 0 and m not in exclude]
        return self.rng.choices(members, weights=[self.weight[m] for m in members])[0]

    def say(self, key: str, topic: str = "") -> str:
        return self.rng.choice(self.texts[key]).format(t=topic)

    def add(self, when: datetime, sender: int, text: str, parent: int | None = None, **extra) -> int:
        """Queue a message; returns its provisional id (its index in rows)."""
        self.rows.append((when, sender, text, extra.get("kind", "text"), parent, extra.get("mention")))
        return len(self.rows) - 1

    def delay(self, median_minutes: float, late: float = 0.0) -> timedelta:
        """A response delay: lognormal around the median, with a share of late answers (30 to 150 min)."""
        if late and self.rng.random() < late:
            return timedelta(minutes=self.rng.uniform(30, 150))
        return timedelta(minutes=max(0.3, self.rng.lognormvariate(math.log(median_minutes), 0.8)))

    def answer_text(self, topic: str, asker: int) -> tuple[str, int | None]:
        """An answer: names the topic half the time, @-mentions the asker a fifth of the time."""
        text = self.say("answer_topic", topic) if self.rng.random() < 0.5 else self.say("answer_plain")
        if self.rng.random() < 0.2:
            return f"@{self.names[asker]} {text}", asker
        return text, None

    # -- threads --
    def question(self, at: datetime) -> None:
        rng = self.rng
        asker = self.pick(exclude=set(self.leaders))
        topic = rng.choice(self.topics)
        q = self.add(at, asker, self.say("question", topic))
        if rng.random() < 0.27:
            return  # nobody answers
        first = at + self.delay(4.0, late=0.12)
        answerer = rng.choice(self.leaders) if rng.random() < 0.6 else self.pick(exclude={asker})
        text, mention = self.answer_text(topic, asker)
        a = self.add(first, answerer, text, q, mention=mention)
        if rng.random() < 0.5:
            self.add(first + self.delay(1.5), asker, self.say("thanks"), a)
        if rng.random() < 0.35:
            other = rng.choice(self.leaders) if rng.random() < 0.5 else self.pick(exclude={asker, answerer})
            if other not in (asker, answerer):
                text, mention = self.answer_text(topic, asker)
                self.add(first + self.delay(6.0), other, text, q, mention=mention)

    def post(self, at: datetime, author: int) -> None:
        """A post; a leader's draws answers from several others, anyone else's seldom."""
        rng = self.rng
        topic = rng.choice(self.topics)
        p = self.add(at, author, self.say("post", topic))
        count = rng.choice((2, 3, 3, 4, 5)) if author in self.leaders else (1 if rng.random() < 0.2 else 0)
        responders: set[int] = set()
        for _ in range(count):
            who = self.pick(exclude={author} | responders)
            responders.add(who)
            text = self.say("react_topic", topic) if rng.random() < 0.45 else self.say("react_plain")
            mention = None
            if rng.random() < 0.15:
                text, mention = f"@{self.names[author]} {text}", author
            self.add(at + self.delay(5.0, late=0.05), who, text, p, mention=mention)

    def banter(self, at: datetime) -> None:
        """Two regulars chatting: quick turns, each answering the one before."""
        rng = self.rng
        a = rng.choice(self.chatters)
        b = self.pick(exclude={a})
        previous = self.add(at, a, self.say("chat"))
        when = at
        for turn in range(rng.randint(1, 4)):
            when += timedelta(minutes=rng.uniform(0.3, 2.5))
            previous = self.add(when, (b, a)[turn % 2], self.say("chat"), previous)

    def noise(self, at: datetime) -> None:
        who = self.pick()
        if self.rng.random() < 0.5:
            self.add(at, who, self.say("greeting"))
        else:
            self.add(at, who, self.rng.choice(self.texts["sticker"]), kind="sticker")

    def chatter(self, at: datetime) -> None:
        """A heavy poster's aside that nobody picks up."""
        self.add(at, self.rng.choice(self.chatters), self.say("chat"))

    def day(self, day: datetime) -> None:
        rng = self.rng
        # the owner's morning notice, answered by a few
        self.post(day + timedelta(hours=8, minutes=rng.uniform(0, 30)), self.owner)
        for _ in range(3):
            self.noise(day + timedelta(hours=rng.uniform(7.5, 9.5)))
        for _ in range(rng.randint(9, 15)):
            at = day + timedelta(hours=self._hour())
            roll = rng.random()
            if roll < 0.45:
                self.question(at)
            elif roll < 0.60:
                self.post(at, rng.choice(self.leaders))
            elif roll < 0.70:
                self.post(at, self.pick(exclude=set(self.leaders)))
            elif roll < 0.85:
                self.banter(at)
            else:
                self.chatter(at)
        for _ in range(rng.randint(2, 6)):
            self.noise(day + timedelta(hours=self._hour()))
        for _ in range(rng.randint(4, 10)):
            self.chatter(day + timedelta(hours=self._hour()))

    def _hour(self) -> float:
        """An hour of the day: busy at lunch and in the evening, nothing between 1 and 7."""
        return self.rng.choice((self.rng.uniform(8, 12), self.rng.uniform(12, 14), self.rng.uniform(18, 23.5)))

    def build(self, days: int) -> Conversation:
        for number in range(days):
            self.day(START + timedelta(days=number))
        order = sorted(range(len(self.rows)), key=lambda i: (self.rows[i][0], i))
        seq_of = {row: seq for seq, row in enumerate(order)}
        messages = []
        for seq, row in enumerate(order):
            when, sender, text, kind, parent, mention = self.rows[row]
            when = when.replace(microsecond=0)
            messages.append(
                SimMessage(seq, when, sender, text, kind, seq_of[parent] if parent is not None else None, mention)
            )
        return Conversation(self.lang, self.names, self.owner, frozenset(self.leaders), messages)


def simulate(seed: int = 1, days: int = 28, lang: str = "en", members: int = 120) -> Conversation:
    """A seeded conversation of ``days`` days among ``members`` members."""
    return _Builder(seed, lang, members).build(days)


# -- exports --
def telegram_json(conversation: Conversation) -> str:
    """A Telegram Desktop single-chat export; linked answers carry reply_to_message_id, mentions are entities."""
    names = conversation.names
    messages = []
    for m in conversation.messages:
        item: dict = {
            "id": m.seq + 1,
            "type": "message",
            "date": m.when.strftime("%Y-%m-%dT%H:%M:%S"),
            "date_unixtime": str(int(m.when.timestamp())),
            "from": names[m.sender],
            "from_id": f"user{1000 + m.sender}",
        }
        if m.kind == "sticker":
            item.update({"media_type": "sticker", "sticker_emoji": m.text, "file": "(File not included.)", "text": ""})
        elif m.mention is not None:
            rest = m.text.split(" ", 1)[1]
            item["text"] = [{"type": "mention", "text": f"@{names[m.mention]}"}, " " + rest]
        else:
            item["text"] = m.text
        if m.linked:
            item["reply_to_message_id"] = m.parent + 1  # type: ignore[operator]
        messages.append(item)
    return json.dumps({"name": "Sim group", "type": "private_supergroup", "id": 42, "messages": messages}, indent=1)


def whatsapp_text(conversation: Conversation) -> str:
    """A WhatsApp Android export (day-first, 24-hour); stickers are written as WhatsApp omits them."""
    lines = []
    for m in conversation.messages:
        text = "<Media omitted>" if m.kind == "sticker" else m.text
        lines.append(f"{m.when:%d/%m/%Y, %H:%M} - {conversation.names[m.sender]}: {text}")
    return "\n".join(lines) + "\n"


def wechat_text(conversation: Conversation) -> str:
    """A WeChat export in MemoTrace's text layout; stickers as [动画表情]."""
    blocks = []
    for m in conversation.messages:
        text = "[动画表情]" if m.kind == "sticker" else m.text
        blocks.append(f"{m.when:%Y-%m-%d %H:%M:%S} {conversation.names[m.sender]}\n{text}\n")
    return "\n".join(blocks)
