"""The conversation model (audit/threads.py), rule by rule, on hand-made conversations."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest

from sqtool.audit.fastpass import Accumulator
from sqtool.audit.options import AuditOptions
from sqtool.audit.threads import EVIDENCE, is_noise, words_of
from sqtool.chat.model import Message, MessageKind

T0 = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def run(*messages: Message):
    accumulator = Accumulator(AuditOptions(tz=UTC), UTC, frozenset(), ())
    accumulator.feed(messages)
    return accumulator.finish()


def answer(agg, position: int = 0) -> tuple[float, str, str] | None:
    """(minutes, responder name, evidence) of the question at ``position``, None when unanswered."""
    table = agg.questions
    if math.isnan(table.minutes[position]):
        return None
    return table.minutes[position], agg.display_name(table.responder[position]), EVIDENCE[table.evidence[position]]


def test_a_reply_link_answers_whatever_came_in_between():
    agg = run(
        Message("q", at(0), "a", "Amy", "where is the onboarding template?"),
        Message("x", at(1), "c", "Cleo", "good morning all"),
        Message("r", at(30), "b", "Ben", "pinned in files", reply_to="q"),
    )
    assert answer(agg) == (30.0, "Ben", "link")


def test_a_mention_of_the_asker_answers_their_open_question():
    agg = run(
        Message("q", at(0), "a", "Amy", "where is the onboarding template?"),
        Message("x", at(1), "c", "Cleo", "good morning all"),
        Message("r", at(40), "b", "Ben", "@Amy in the files", mentions=("Amy",)),
    )
    assert answer(agg) == (40.0, "Ben", "mention")


def test_a_message_that_opens_with_a_name_and_a_comma_is_addressed_to_that_member():
    agg = run(
        Message("q", at(0), "a", "小美", "周报一般怎么写？"),
        Message("x", at(1), "c", "阿杰", "大家早"),
        Message("r", at(50), "b", "老王", "小美，看群文件第三个"),
    )
    assert answer(agg) == (50.0, "老王", "mention")


def test_a_shared_uncommon_word_answers_an_earlier_message_across_interleaved_talk():
    agg = run(
        Message("q", at(0), "a", "Amy", "how do you run a giveaway?"),
        Message("x", at(20), "c", "Cleo", "so tired today"),
        Message("y", at(21), "d", "Dev", "same here"),
        Message("r", at(25), "b", "Ben", "our giveaway runs every Friday"),
    )
    assert answer(agg) == (25.0, "Ben", "thread")


@pytest.mark.parametrize(("minutes", "answered"), [(15, True), (15.01, False)])
def test_the_line_right_after_a_question_answers_it_within_the_question_turn_window(minutes, answered):
    agg = run(
        Message("q", at(0), "a", "Amy", "any tips?"),
        Message("r", at(minutes), "b", "Ben", "start small"),
    )
    assert (answer(agg) is not None) is answered


@pytest.mark.parametrize(("minutes", "edge"), [(5, True), (5.01, False)])
def test_the_line_right_after_a_statement_answers_it_within_the_turn_window(minutes, edge):
    agg = run(
        Message("p", at(0), "a", "Amy", "long day at the shop"),
        Message("r", at(minutes), "b", "Ben", "hang in there"),
    )
    assert bool(agg.edges) is edge


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("👍", MessageKind.TEXT),
        ("good morning all", MessageKind.TEXT),
        ("早上好", MessageKind.TEXT),
        ("", MessageKind.STICKER),
    ],
)
def test_greetings_stickers_and_emoji_answer_nothing(text, kind):
    assert is_noise(text, kind)
    agg = run(Message("q", at(0), "a", "Amy", "any tips?"), Message("r", at(1), "b", "Ben", text, kind))
    assert answer(agg) is None and not agg.edges


def test_a_new_question_answers_nothing_without_a_link_or_a_mention():
    agg = run(
        Message("q", at(0), "a", "Amy", "how do you run a giveaway?"),
        Message("q2", at(1), "b", "Ben", "does the giveaway need a budget?"),
    )
    assert answer(agg, 0) is None and not agg.edges


def test_nobody_answers_their_own_question_and_nothing_answers_a_later_message():
    agg = run(
        Message("q", at(0), "a", "Amy", "any tips?"),
        Message("q+", at(1), "a", "Amy", "anyone?"),
        Message("r", at(-5), "b", "Ben", "before it was asked", reply_to="q"),
    )
    assert answer(agg) is None


def test_a_member_who_answers_with_links_makes_new_remarks_without_them():
    """Ben links his answers (four of them); his unlinked line after a question is a new remark."""
    messages = []
    for number in range(5):
        messages += [
            Message(f"q{number}", at(10 * number), "a", "Amy", f"question {number}?"),
            Message(f"r{number}", at(10 * number + 1), "b", "Ben", "see the docs", reply_to=f"q{number}"),
        ]
    messages += [
        Message("q", at(100), "c", "Cleo", "what about pricing?"),
        Message("r", at(101), "b", "Ben", "lunch time"),
    ]
    agg = run(*messages)
    assert answer(agg, 5) is None


def test_an_owner_post_that_drew_an_answer_counts_once():
    accumulator = Accumulator(AuditOptions(tz=UTC), UTC, frozenset({"o"}), ())
    accumulator.feed(
        [
            Message("p", at(0), "o", "Olga", "new session on pricing tonight"),
            Message("r1", at(1), "b", "Ben", "count me in", reply_to="p"),
            Message("r2", at(2), "c", "Cleo", "me too", reply_to="p"),
        ]
    )
    agg = accumulator.finish()
    day = T0.toordinal()
    assert agg.owner_replied_between(day, day) == 1
    assert agg.responders(day, day) == {0: {1, 2}}


def test_words_are_uncommon_words_and_chinese_character_pairs():
    assert sorted(words_of("The giveaway, THE budget! budget")) == ["budget", "giveaway"]  # each word once
    assert sorted(words_of("裂变海报，海报")) == ["变海", "海报", "裂变"]
