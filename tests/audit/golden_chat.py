"""A generated chat for the golden audit reports: every record kind and text heuristic, across a DST change.

Built directly from sqtool.chat.model (never through readers, which change independently), with a
fixed seed, so the same records come out on every machine and Python version.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

from sqtool.chat.model import Event, EventKind, Message, MessageKind, Record

MEMBERS = 300
TEXTS = (
    "今天的案例很有启发",
    "怎么做用户分层？",
    "【每日案例】第 {n} 期：复购率提升三成的做法",
    "agree, we saw the same",
    "https://example.com/article/{n}",
    "看看这个 https://example.com/p/{n}?x=1 讲得很清楚，大家周末有空可以读一读再讨论",
    "谢谢分享",
    "what tool do you use for tagging?",
    "周末有点忙，晚点补课",
    "有人去吗",
    "加微信领优惠，代理招募",
    "你有病吧，闭嘴",
    "stop being stupid",
    "",
    "Is anyone around",
)
KINDS = (MessageKind.TEXT,) * 12 + (MessageKind.MEDIA, MessageKind.STICKER, MessageKind.RED_PACKET, MessageKind.LINK)
EVENT_KINDS = (EventKind.JOIN, EventKind.JOIN, EventKind.LEAVE, EventKind.REMOVAL, EventKind.RENAME, EventKind.SERVICE)


def generated_chat(count: int = 20_000, *, linked: bool, seed: int = 11) -> list[Record]:
    """``count`` records from 2026-03-20 (Berlin and London move their clocks on 2026-03-29)."""
    rng = random.Random(seed)
    when = datetime(2026, 3, 20, 6, 0, tzinfo=UTC)
    offsets = (UTC, timezone(timedelta(hours=8)), timezone(timedelta(hours=-5)))
    weights = [1 / (rank + 1) for rank in range(MEMBERS)]
    records: list[Record] = []
    ids: list[str] = []
    for n in range(count):
        # bursts and quiet stretches, so next-message replies, cutoffs and silent days all occur
        when += timedelta(seconds=rng.choice((5, 20, 60, 240, 900, 3600, 4 * 3600)))
        stamp = when.astimezone(rng.choice(offsets))
        (sender,) = rng.choices(range(MEMBERS), weights=weights)
        if rng.random() < 0.03:
            kind = rng.choice(EVENT_KINDS)
            member = rng.randrange(MEMBERS + 40)  # some members are only ever seen joining
            named_only = rng.random() < 0.3  # join lines in text exports carry a name, not an id
            records.append(
                Event(f"e{n}", stamp, kind, None if named_only else f"u{member}", f"member {member}", text="system")
            )
            continue
        text = rng.choice(TEXTS).format(n=n)
        reply_to = rng.choice(ids[-60:]) if linked and ids and rng.random() < 0.25 else None
        mentions = (f"@member {rng.randrange(MEMBERS)}",) if rng.random() < 0.05 else ()
        if rng.random() < 0.02:
            mentions = (f"u{rng.randrange(MEMBERS)}",)
        name = f"member {sender}" if rng.random() > 0.01 else f"member {sender} (new name)"
        ident = f"m{n}"
        ids.append(ident)
        records.append(
            Message(
                ident,
                stamp,
                f"u{sender}",
                name,
                text,
                rng.choice(KINDS),
                reply_to,
                mentions,
                is_bot=rng.random() < 0.01,
            )
        )
    return records


def chat_variant(name: str, count: int = 3_000) -> list[Record]:
    """Generated chats that take each path of the batched pass."""
    rng = random.Random(name)
    records = generated_chat(count, linked=name != "unlinked", seed=5)
    if name == "no_mentions":  # whole batches open their questions at once
        records = [replace(r, mentions=()) if isinstance(r, Message) else r for r in records]
    if name == "disorder":  # batches out of time order go message by message
        for _ in range(300):
            i = rng.randrange(len(records) - 1)
            records[i], records[i + 1] = records[i + 1], records[i]
    if name == "repeated_ids":  # ids that repeat: replies resolve to the latest one before them
        short = {r.id: str(rng.randrange(40)) for r in records if isinstance(r, Message)}
        records = [
            replace(r, id=short[r.id], reply_to=short.get(r.reply_to)) if isinstance(r, Message) else r for r in records
        ]
    return records
