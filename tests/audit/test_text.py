import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sqtool.audit import text as text_module
from sqtool.audit.options import DEFAULT_AD_KEYWORDS
from sqtool.audit.text import is_ad, is_bare_link, is_quarrel, is_question


@pytest.mark.parametrize(
    "text",
    ["怎么导出聊天记录", "这个课还有吗", "请问几点开始", "How do I join?", "what time", "真的？", "anyone here"],
)
def test_questions(text):
    assert is_question(text)


@pytest.mark.parametrize("text", ["好的", "thanks!", "see https://a.com/x?id=3", "", "   ", "明天见。"])
def test_not_questions(text):
    assert not is_question(text)


def test_bare_links_need_a_few_words_of_their_own():
    assert is_bare_link("https://example.com/article")
    assert is_bare_link("看 https://example.com")
    assert not is_bare_link("这篇讲私域分层的文章很实用，推荐看第三部分 https://example.com")
    assert not is_bare_link("no link here at all")


def test_ads_in_both_languages_and_custom_words():
    assert is_ad("加我微信领资料", DEFAULT_AD_KEYWORDS)
    assert is_ad("Use PROMO CODE x", DEFAULT_AD_KEYWORDS)
    assert not is_ad("今天的案例很好", DEFAULT_AD_KEYWORDS)
    assert is_ad("特价团购", ("团购",)) and not is_ad("加微信", ("团购",))


def test_quarrels():
    assert is_quarrel("你是不是有病") and is_quarrel("you idiot")
    assert not is_quarrel("idiomatic code")  # words, not substrings, in English


# -- the fast is_question against the plain one it replaced (issue 7): same answer on any text --
_REFERENCE_ZH = re.compile("[?？]|" + "|".join(text_module.ZH_QUESTION_WORDS) + r"|[吗呢么嘛][\s。！!~～…]*$")


def _reference_is_question(text: str) -> bool:
    plain = (text_module.URL.sub("", text) if text_module._maybe_link(text) else text).strip()
    return bool(plain) and (
        _REFERENCE_ZH.search(plain) is not None or text_module._EN_QUESTION_START.match(plain) is not None
    )


_PIECES = st.sampled_from(
    ["?", "？", "吗", "呢。", "么~", "嘛 ", "怎么", "请问", "多少", "how", "WHAT", "ſhould", "İs", "any  idea",
     "anyone", " ", "\n", "。", "好的", "https://a.com/x?y=1", "www.b.cn", "doing", "idea", "s", "a", "!"]
)  # fmt: skip


@given(st.lists(_PIECES | st.text(max_size=4), max_size=6).map("".join))
def test_fast_question_test_agrees_with_the_plain_one(text):
    assert is_question(text) == _reference_is_question(text)


def test_english_first_characters_cover_every_case_folding():
    opener = re.compile(r"[hwcdias]", re.IGNORECASE)
    folded = {chr(code) for code in range(sys.maxunicode + 1) if opener.fullmatch(chr(code))}
    assert folded == text_module.EN_QUESTION_FIRST
