"""The conversation model of audit/threads.py with its per-message part in C++ (issue 22).

``NativeThreads`` keeps what needs Python's Unicode regular expressions here, a batch at a time
(which messages are noise, the words of each text, a member's name opening a text), and hands the
batch to ``sqtool._native._core.ThreadModel`` as columns; the C++ model mirrors ``Threads.message``
line by line and writes into the same Aggregate. ``threads_for`` picks it when the native backend
runs (``SQTOOL_BACKEND``), else the Python ``Threads``, which stays the fallback and the oracle
(tests/audit/test_pass_differential.py runs the fast pass on both against the reference pass).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from itertools import compress
from typing import Any

from sqtool._native import core
from sqtool.audit import aggregate, threads
from sqtool.audit.aggregate import Aggregate
from sqtool.audit.threads import GREETING_MAX, NO_EVIDENCE, Threads, opening, words_of
from sqtool.chat.model import MessageKind

_EMPTY: tuple[str, ...] = ()


@lru_cache(maxsize=16_384)  # chats repeat their short lines all day, as words_of's cache knows
def text_facts(text: str) -> tuple[bool, str | None]:
    """What the model asks of a text besides its words: whether it is worded (``threads.is_noise``'s
    test of the text: a word character, and not a short greeting), and the name that opens it
    (``threads._ADDRESS``'s group), or None."""
    worded = threads._HAS_WORD.search(text) is not None and not (
        len(text) <= GREETING_MAX and threads._GREETING.match(text) is not None
    )
    named = threads._ADDRESS.match(text)
    return worded, None if named is None else named.group(1)


def noise_flags(texts: list[str], kinds: list[MessageKind]) -> list[bool]:
    """``threads.is_noise`` of each message of a batch (text_facts cached per text)."""
    noise_kinds = threads._NOISE_KINDS
    return [kind in noise_kinds or not facts[0] for kind, facts in zip(kinds, map(text_facts, texts), strict=True)]


def _settings(cutoff_minutes: float) -> dict[str, float | int]:
    """The model's constants, read from audit/threads.py when the model is made (tests patch some)."""
    return {
        "cutoff": cutoff_minutes * 60,
        "turn": threads.TURN_MINUTES * 60,
        "question_turn": threads.QUESTION_TURN_MINUTES * 60,
        "continue": threads.CONTINUE_MINUTES * 60,
        "thread": threads.THREAD_MINUTES * 60,
        "link_habit": threads.LINK_HABIT,
        "habit_decay": threads.HABIT_DECAY,
        "habit_min": threads.HABIT_MIN,
        "thread_score": threads.THREAD_SCORE,
        "min_word_weight": threads.MIN_WORD_WEIGHT,
        "df_block": threads.DF_BLOCK,
        "df_window": threads.DF_WINDOW,
        "last": threads.LAST,
        "prune_every": threads.PRUNE_EVERY,
        "recent_ids": threads.RECENT_IDS,
        "member_bits": aggregate._MEMBER_BITS,
        "day_shift": aggregate._DAY_SHIFT,
    }


class NativeEdges:
    """``Aggregate.edges`` kept by the native model (an ``EdgeSet``: 16 bytes an edge where the dict of
    packed ints took about 80), read as the dict is: ``items()`` and iteration in the order made."""

    CHUNK = 4096

    def __init__(self, edge_set: Any):
        self._set = edge_set

    def __len__(self) -> int:
        return len(self._set)

    def items(self) -> Iterator[tuple[int, int]]:
        start = 0
        while chunk := self._set.chunk(start, self.CHUNK):
            yield from chunk
            start += len(chunk)

    def __iter__(self) -> Iterator[int]:
        return (packed for packed, _ in self.items())

    def setdefault(self, key: int, default: int, /) -> None:
        day, target, responder = aggregate._unpack_edge(key)
        self._set.add(day, target, responder, default)


class NativeThreads:
    """``Threads`` for the fast pass, a batch at a time, its message-by-message part in C++."""

    def __init__(
        self, agg: Aggregate, cutoff_minutes: float, by_name: dict[str, int], model_type: type, edge_set_type: type
    ):
        self.agg = agg
        self.cutoff = cutoff_minutes * 60
        self.by_name = by_name  # display name -> member, kept current by the pass
        table = agg.questions
        if len(agg.edges) or len(table):
            raise ValueError("NativeThreads needs an Aggregate the conversation model has not filled yet")
        edge_set = edge_set_type(member_bits=aggregate._MEMBER_BITS, day_shift=aggregate._DAY_SHIFT)
        agg.edges = NativeEdges(edge_set)
        self._model = model_type(
            edges=edge_set,
            drawn=agg.drawn,
            answers_given=agg.answers_given,
            counter=Counter,
            minutes=table.minutes,
            responder=table.responder,
            evidence=table.evidence,
            opening=table.opening,
            weights=threads._WEIGHTS,
            settings=_settings(cutoff_minutes),
        )

    def batch(
        self,
        ids: list[str],
        senders: list[int],
        ts: list[float],
        days: list[int],
        texts: list[str],
        kinds: list[MessageKind],
        reply_to: list[str | None],
        targets: dict[int, list[int | None]],
        asked: list[int],
    ) -> None:
        """Take a batch of messages in order (``Threads.batch``): the columns of the batch, the members
        each message's mentions name (by position), and the positions of its questions, in order."""
        count = len(ids)
        facts = list(map(text_facts, texts))
        noise_kinds = threads._NOISE_KINDS
        noise = [kind in noise_kinds or not fact[0] for kind, fact in zip(kinds, facts, strict=True)]
        words = [_EMPTY if flag else words_of(text) for text, flag in zip(texts, noise, strict=True)]
        targeted = [False] * count
        addressed: list[list[int] | None] = [None] * count
        for position, found in targets.items():
            targeted[position] = True
            sender = senders[position]
            members = [target for target in found if target is not None and target != sender]
            if members:
                addressed[position] = members
        # a member's name opening the text ("Amy, try ..."), looked up as the model would (by_name does
        # not change while a batch is taken)
        named = [fact[1] for fact in facts]
        by_name = self.by_name
        for position in compress(range(count), named):
            if reply_to[position] is None and addressed[position] is None and not noise[position]:
                member = by_name.get(named[position])  # type: ignore[arg-type]  # compress kept the names
                if member is not None and member != senders[position]:
                    addressed[position] = [member]
        questions = [False] * count
        if asked:
            for position in asked:
                questions[position] = True
            table = self.agg.questions
            table.asked_at.extend([ts[position] for position in asked])
            table.opening.extend([opening(texts[position]) for position in asked])
            table.day.extend([days[position] for position in asked])
            table.asker.extend([senders[position] for position in asked])
            table.minutes.extend([math.nan] * len(asked))
            table.responder.extend([-1] * len(asked))
            table.evidence.extend([NO_EVIDENCE] * len(asked))
        self._model.feed(ids, senders, ts, days, noise, words, reply_to, addressed, targeted, questions)

    def finish(self, last: float | None) -> None:
        """``Threads.finish``: questions still open with less than the cutoff left are pending."""
        table = self.agg.questions
        table.pending = bytearray(
            1 if last is not None and minutes != minutes and last - asked < self.cutoff else 0
            for minutes, asked in zip(table.minutes, table.asked_at, strict=True)
        )


def threads_for(agg: Aggregate, cutoff_minutes: float, by_name: dict[str, int]) -> Threads | NativeThreads:
    """The native model when the native backend runs and has it, else the Python one."""
    module = core()
    model_type = getattr(module, "ThreadModel", None) if module is not None else None
    edge_set_type = getattr(module, "EdgeSet", None) if module is not None else None
    if model_type is None or edge_set_type is None:
        return Threads(agg, cutoff_minutes, by_name)
    return NativeThreads(agg, cutoff_minutes, by_name, model_type, edge_set_type)
