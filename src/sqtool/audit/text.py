"""Text heuristics shared by the metrics: links, questions, ads and quarrels, in Chinese and English."""

from __future__ import annotations

import re

URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_WORDS = re.compile(r"[\w\u3400-\u9fff]", re.UNICODE)
# A link with fewer than this many letters/characters of its own text is "bare" (001, 003: no link
# without an introduction).
BARE_LINK_MAX_TEXT = 10

_ZH_QUESTION_WORDS = (
    "怎么",
    "如何",
    "请问",
    "为什么",
    "为啥",
    "有没有",
    "能不能",
    "是不是",
    "哪里",
    "哪个",
    "什么",
    "求助",
    "多少",
)
_ZH_QUESTION_ENDINGS = re.compile(r"[吗呢么嘛][\s。！!~～…]*$")
_EN_QUESTION_START = re.compile(
    r"^\s*(?:how|what|why|when|where|who|which|can|could|would|does|do|is|are|should|anyone|any\s+idea)\b",
    re.IGNORECASE,
)
# Insults that mark a quarrel (no_quarrels conduct rule, 001/003); a deliberately short list.
QUARREL_WORDS: tuple[str, ...] = (
    "傻逼",
    "sb",
    "脑残",
    "滚",
    "闭嘴",
    "有病",
    "垃圾",
    "idiot",
    "stupid",
    "shut up",
    "moron",
)
_QUARREL = re.compile(
    "|".join(rf"\b{re.escape(word)}\b" if word.isascii() else re.escape(word) for word in QUARREL_WORDS),
    re.IGNORECASE,
)


def has_link(text: str) -> bool:
    return URL.search(text) is not None


def is_bare_link(text: str) -> bool:
    """A message that is a link with (almost) nothing said about it."""
    if not has_link(text):
        return False
    rest = URL.sub("", text)
    return len(_WORDS.findall(rest)) < BARE_LINK_MAX_TEXT


def is_question(text: str) -> bool:
    """Question marks (full or half width), Chinese question words and endings, English question openers."""
    plain = URL.sub("", text).strip()  # "?" inside a URL's query string is not a question
    if not plain:
        return False
    if "?" in plain or "？" in plain:
        return True
    if _ZH_QUESTION_ENDINGS.search(plain) or any(word in plain for word in _ZH_QUESTION_WORDS):
        return True
    return _EN_QUESTION_START.match(plain) is not None


def is_ad(text: str, keywords: tuple[str, ...]) -> bool:
    lowered = text.lower()
    return any(keyword.lower() in lowered for keyword in keywords if keyword)


def is_quarrel(text: str) -> bool:
    return _QUARREL.search(text) is not None
