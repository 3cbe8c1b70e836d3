"""The conversation model in C++ (audit/threads_native.py, _native/threads.cpp) against the Python one.

Both are fed the same batches of messages; every answer they find (edges with their evidence and
order, drawn replies, answers given, each question's minutes, responder and evidence) must be the
same. Hypothesis writes the conversations: reply links (to earlier, later, duplicate and dangling
ids, lone surrogates in ids), mentions of members, of oneself and of strangers, names opening a text,
questions, noise (stickers, greetings, emoji), English, accented, Cyrillic, CJK and emoji text,
times out of order, and the model's windows made small so that pruning and the df blocks turn over.
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import accumulate
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sqtool._native import _imported
from sqtool.audit import aggregate, threads
from sqtool.audit.aggregate import Aggregate
from sqtool.audit.threads import Threads
from sqtool.audit.threads_native import NativeEdges, NativeThreads, noise_flags
from sqtool.chat.model import MessageKind
from tests.native.helpers import needs_native

NAMES = ("amy", "bob", "陈晨", "dan", "Zoë")
BY_NAME = {name: member for member, name in enumerate(NAMES)}
PIECES = (
    "amy,",
    "bob:",
    "陈晨，",
    "Zoë:",
    "how do I export tags",
    "export",
    "tags",
    "the",
    "导出数据怎么弄",
    "数据",
    "导出",
    "我们",
    "😀",
    "🎉🎉",
    "good morning",
    "早上好",
    "?",
    "？",
    "https://example.com/a?b=1",
    "İstanbul",
    "STRASSE straße",
    "ǅemal",
    "e\u0301cole",
    "٣٤٥",
    "привет всем",
    "data_set",
    "ありがとう",
    "한국어",
    "\u3000",
    "abc123def",
)
KINDS = tuple(MessageKind)


@st.composite
def conversations(draw: st.DrawFn) -> list[tuple]:
    """(id, sender, ts, day, text, kind, reply_to, targets, question) of each message, in feeding order."""
    count = draw(st.integers(1, 60))
    ids: list[str] = []
    messages = []
    minute = 0.0
    for n in range(count):
        minute += draw(st.sampled_from((0, 0.5, 1, 4.99, 5, 5.01, 9, 14.9, 16, 29, 31, 170, 200, -3, -40)))
        ts = 1_767_000_000.0 + minute * 60 + draw(st.sampled_from((0.0, 0.0, 0.25, 0.999999)))
        sender = draw(st.integers(0, len(NAMES) - 1))
        pieces = draw(st.lists(st.sampled_from(PIECES), max_size=5))
        extra = draw(st.text(st.characters(min_codepoint=0x20, max_codepoint=0x1FAFF), max_size=6))
        text = draw(st.sampled_from((" ", "", ", "))).join([*pieces, extra])
        ident = draw(st.sampled_from((f"m{n}", f"m{n}", f"m{n % 5}", "\ud800x", f"日{n}")))
        reply_to = draw(st.one_of(st.none(), st.none(), st.sampled_from((*ids[-6:], "gone", f"m{n + 1}"))))
        targets = draw(
            st.sampled_from(([], [], [], [1], [None], [sender], [None, 2], [3, 1], [sender, 4])),
        )
        question = draw(st.booleans()) if "?" in text or "？" in text or draw(st.integers(0, 5)) == 0 else False
        kind = draw(st.sampled_from((MessageKind.TEXT,) * 6 + KINDS))
        messages.append((ident, sender, ts, int(ts // 86400) + 719_163, text, kind, reply_to, targets, question))
        ids.append(ident)
    return messages


def _feed(model: Threads | NativeThreads, messages: list[tuple], cuts: list[int]) -> None:
    """Feed ``messages`` in batches ending at ``cuts``."""
    start = 0
    for stop in [*cuts, len(messages)]:
        batch = messages[start:stop]
        start = stop
        if not batch:
            continue
        columns = (list(column) for column in zip(*batch, strict=True))
        ids, senders, ts, days, texts, kinds, reply_to, targets, questions = columns
        given_targets = {position: found for position, found in enumerate(targets) if found}
        asked = [position for position, question in enumerate(questions) if question]
        model.batch(ids, senders, ts, days, texts, kinds, reply_to, given_targets, asked)


def _outcome(agg: Aggregate) -> dict[str, object]:
    table = agg.questions
    return {
        "edges": list(agg.edges.items()),
        "drawn": [(day, list(counter.items())) for day, counter in agg.drawn.items()],
        "answers_given": [(day, list(counter.items())) for day, counter in agg.answers_given.items()],
        "questions": [
            (day, asker, minutes if not math.isnan(minutes) else None, responder, evidence, asked_at, opening, pending)
            for day, asker, minutes, responder, evidence, asked_at, opening, pending in zip(
                table.day,
                table.asker,
                table.minutes,
                table.responder,
                table.evidence,
                table.asked_at,
                table.opening,
                table.pending,
                strict=True,
            )
        ],
    }


def _both(messages: list[tuple], cuts: list[int], cutoff: float) -> tuple[dict, dict]:
    python_agg, native_agg = Aggregate(), Aggregate()
    python = Threads(python_agg, cutoff, dict(BY_NAME))
    module: Any = _imported()[0]
    native = NativeThreads(native_agg, cutoff, dict(BY_NAME), module.ThreadModel, module.EdgeSet)
    last = max(message[2] for message in messages)
    for model in (python, native):
        _feed(model, messages, cuts)
        model.finish(last)
    return _outcome(python_agg), _outcome(native_agg)


SMALL = {"RECENT_IDS": 3, "PRUNE_EVERY": 5, "DF_BLOCK": 4, "LAST": 2}


@needs_native
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    messages=conversations(),
    sizes=st.lists(st.integers(1, 9), max_size=8),
    cutoff=st.sampled_from((30.0, 1440.0)),
    small=st.booleans(),
)
def test_the_native_model_finds_the_parents_the_python_model_finds(
    messages: list[tuple], sizes: list[int], cutoff: float, small: bool
) -> None:
    cuts = list(accumulate(sizes))
    with pytest.MonkeyPatch.context() as patch:
        if small:  # windows that turn over within one conversation
            for name, value in SMALL.items():
                patch.setattr(threads, name, value)
            window = 2 * SMALL["DF_BLOCK"]
            patch.setattr(threads, "DF_WINDOW", window)
            weights = [math.log((window + 1) / (count + 1)) for count in range(window + 2)]
            patch.setattr(threads, "_WEIGHTS", weights)
        python, native = _both(messages, cuts, cutoff)
    assert native == python


def test_noise_flags_are_is_noise_per_message() -> None:
    """The batch test of noise is threads.is_noise on each message."""
    texts = ["", "😀", "good morning!", "早上好", "早上好，今天讨论导出", "x", "...", "hi all", "data", "a" * 41]
    kinds = [MessageKind.TEXT] * len(texts)
    kinds[-2] = MessageKind.STICKER
    assert noise_flags(texts, kinds) == [threads.is_noise(text, kind) for text, kind in zip(texts, kinds, strict=True)]


@needs_native
def test_a_hand_made_conversation_finds_each_kind_of_parent() -> None:
    """A link, a mention, a name, a thread cue and a turn, each found by both models alike (and so not
    a comparison of two empty results)."""
    messages = [
        ("1", 0, 0.0, 1, "how do I export the member tags?", MessageKind.TEXT, None, [], True),
        ("2", 1, 60.0, 1, "settings, then export", MessageKind.TEXT, "1", [], False),
        ("3", 2, 120.0, 1, "@amy did it work", MessageKind.TEXT, None, [0], False),
        ("4", 0, 180.0, 1, "陈晨, yes thanks", MessageKind.TEXT, None, [], False),
        ("5", 3, 240.0, 1, "member tags export works for me too", MessageKind.TEXT, None, [], False),
        ("6", 4, 250.0, 1, "nice", MessageKind.TEXT, None, [], False),
    ]
    python, native = _both(messages, [2, 3], 1440.0)
    assert native == python
    assert sorted(code for _, code in python["edges"]) == [0, 1, 1, 2, 3]  # type: ignore[union-attr]
    assert python["questions"][0][2] == 1.0  # type: ignore[index]  # answered in a minute, by the link
    assert Counter(code for _, code in python["edges"])[threads.THREAD] == 1  # type: ignore[union-attr]


@needs_native
def test_native_edges_read_as_the_dict_of_packed_edges(monkeypatch) -> None:
    """The native edge set keeps the first evidence of each (day, target, responder), in the order made,
    and reads (items, iteration, length; across chunks) as the Aggregate's dict of packed ints does."""
    module: Any = _imported()[0]
    native = NativeEdges(module.EdgeSet(member_bits=aggregate._MEMBER_BITS, day_shift=aggregate._DAY_SHIFT))
    plain: dict[int, int] = {}
    monkeypatch.setattr(NativeEdges, "CHUNK", 3)
    for day, target, responder, evidence in [(739_000, 1, 2, 3), (739_000, 1, 2, 0), (5, 0, 16_777_215, 1)] * 3 + [
        (3_652_059, 16_777_215, 0, 2),
        *((739_001, n, n + 1, n % 4) for n in range(10)),
    ]:
        packed = aggregate._edge(day, target, responder)
        plain.setdefault(packed, evidence)
        native.setdefault(packed, evidence)
    assert list(native.items()) == list(plain.items())
    assert list(native) == list(plain) and len(native) == len(plain) == 13
    with pytest.raises(ValueError):  # a member past the packed layout's 24 bits
        native._set.add(1, 1 << 24, 0, 0)
    with pytest.raises(ValueError):  # an evidence code past the byte each edge keeps for it
        native._set.add(1, 1, 0, 256)


@needs_native
def test_native_edges_across_blocks_and_table_growth() -> None:
    """40,000 edges (the store's blocks hold 16,384; its slot table grows at three quarters full), a third of
    them made again with another evidence: the same edges, first evidence and order as the dict."""
    module: Any = _imported()[0]
    native = NativeEdges(module.EdgeSet(member_bits=aggregate._MEMBER_BITS, day_shift=aggregate._DAY_SHIFT))
    plain: dict[int, int] = {}
    made = [(n, n % 4) for n in range(40_000)] + [(n, (n + 1) % 4) for n in range(0, 40_000, 3)]
    for n, evidence in made:  # (n mod 2,000, 7n mod 1,999) tells every n < 40,000 apart
        packed = aggregate._edge(739_000 + n % 400, n % 2_000, (n * 7) % 1_999)
        plain.setdefault(packed, evidence)
        native.setdefault(packed, evidence)
    assert len(native) == len(plain) == 40_000
    assert list(native.items()) == list(plain.items())
