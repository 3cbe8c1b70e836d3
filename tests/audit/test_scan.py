"""The batch scan flags a superset of what the exact text tests accept (never misses a question, a
link, an ad or quarrel word, or a plan keyword), whatever the texts around it in the batch."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sqtool.audit.options import DEFAULT_AD_KEYWORDS
from sqtool.audit.scan import _FOLDED, TextScan
from sqtool.audit.text import EN_OPENERS, has_link, is_question, suspect_pattern

KEYWORDS = ("每日案例", "Weekly AMA")
SCAN = TextScan(DEFAULT_AD_KEYWORDS, [word.lower() for word in KEYWORDS])
SUSPECT = suspect_pattern(DEFAULT_AD_KEYWORDS)

# pieces that make the heuristics fire, or nearly fire, glued together with random characters
PIECES = (
    "?", "？", "怎么", "如何", "吗", "呢", "么", "嘛", "。", "！", "~", "…", " ", "\t", "\u3000", "\n",
    "How", "WHAT", "is", "İs", "ıs", "ſhould", "any  idea", "http://x.io/a?b", "www.q.cn", "WWW.Q.CN", "Www.x",
    "://", "加微信", "VX", "sb", "Stupid", "闭嘴", "每日案例", "weekly ama", "\x00", "abc", "你好",
)  # fmt: skip
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=6).map("".join)


@settings(max_examples=400, deadline=None)
@given(batch=st.lists(texts, min_size=1, max_size=8))
def test_the_scan_flags_every_text_the_exact_tests_accept(batch: list[str]) -> None:
    signals = SCAN.scan(batch)
    for position, text in enumerate(batch):
        if is_question(text):
            assert position in signals.question, text
            if position in signals.sure_question and position not in signals.link:
                continue
        if position in signals.sure_question and position not in signals.link:
            assert is_question(text), text  # "sure" means sure
        if has_link(text):
            assert position in signals.link, text
        assert (position in signals.suspect) == bool(SUSPECT.search(text.lower())), text
        if any(word.lower() in text.lower() for word in KEYWORDS):
            assert position in signals.keyword, text


def test_the_folded_characters_are_all_there_are() -> None:
    """Every character the case-insensitive opener test folds onto an ASCII letter, where lower()
    does not give that letter, is among the scan's extra needles."""
    letter = re.compile(r"(?i:[a-z])")
    odd = {
        char
        for char in map(chr, range(0x80, 0x110000))
        if letter.fullmatch(char) and not (char.lower().isascii() and char.lower().isalpha())
    }
    assert {char.lower()[-1] for char in odd} <= set(_FOLDED), odd


def test_openers_are_the_question_regex_words() -> None:
    for opener in EN_OPENERS:
        assert is_question(opener.upper() + " x")
