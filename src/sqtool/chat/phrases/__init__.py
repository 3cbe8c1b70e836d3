"""System-line phrases of the chat apps, kept as data: one table per language, each with its source.

The readers compile these tables; nothing here is code that decides. A pattern is a regular
expression for the whole line (without the line's own final full stop) in which ``{actor}``,
``{member}`` and ``{members}`` stand for the names it mentions: who did it, who it happened to, or
a list of them. An empty ``member`` (a pattern that captures nothing) is the person who exported the
chat, written in the table's ``you``. The ``*_hints`` are substrings: a system line holding one is of
that kind whatever the names in it are. Placeholders are patterns of a whole first line.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PhraseTable:
    """The system lines of one app in one language."""

    language: str  # BCP 47 tag: en, es, pt-BR, zh-Hans ...
    source: str  # where the wording comes from
    you: str  # how the table's lines name the person who exported the chat
    list_separators: tuple[str, ...]  # what joins the names of a list ("Ann, Bob and Cy")
    added: tuple[str, ...] = ()  # someone was added: joins
    joined: tuple[str, ...] = ()  # someone joined by themselves (invite link, community): joins
    left: tuple[str, ...] = ()  # someone left: leaves
    removed: tuple[str, ...] = ()  # someone was removed by an admin: removals
    rename_hints: tuple[str, ...] = ()  # the group's name or subject changed
    pin_hints: tuple[str, ...] = ()  # a message was pinned
    notice_hints: tuple[str, ...] = ()  # any other system line: created, icon, description, admins, numbers
    media_placeholders: tuple[str, ...] = ()  # patterns of a member's message that stands for a file
    sticker_words: tuple[str, ...] = ()  # what a media placeholder calls a sticker
    placeholders: tuple[str, ...] = ()  # patterns of a member's message that is a notice (deleted, poll)
