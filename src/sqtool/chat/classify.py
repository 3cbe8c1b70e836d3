"""Small text heuristics shared by the readers: links, @mentions."""

from __future__ import annotations

import re

from sqtool.chat.model import MessageKind

_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# WeChat ends a mention with U+2005 (four-per-em space); others with a space or punctuation
_MENTION = re.compile(r"(?<![\w.])@([^\s@\u2005,，.。:：;；!！?？()（）\[\]【】]{1,40})")


def is_link(text: str) -> bool:
    """True when a message is mainly a URL (a bare link): URLs are at least 80% of its visible characters."""
    if "://" not in text and "www." not in text.lower():
        return False
    urls = _URL.findall(text)
    if not urls:
        return False
    visible = len("".join(text.split()))  # str.split() splits on exactly what str.isspace() calls space
    return sum(len(url) for url in urls) * 5 >= visible * 4


def text_kind(text: str) -> MessageKind:
    return MessageKind.LINK if is_link(text) else MessageKind.TEXT


def at_mentions(text: str) -> tuple[str, ...]:
    """Names written as ``@name`` in the text, in order, without repeats."""
    if "@" not in text:
        return ()
    names: list[str] = []
    for match in _MENTION.finditer(text):
        name = match.group(1)
        if name not in names:
            names.append(name)
    return tuple(names)
