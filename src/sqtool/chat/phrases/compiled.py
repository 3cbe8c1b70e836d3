"""Phrase tables compiled into one classifier of system lines (what a reader asks of a line's text)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqtool.chat.model import EventKind
from sqtool.chat.phrases import PhraseTable

_NAME_GROUPS = {
    "{actor}": "(?P<actor>.+?)",
    "{members}": "(?P<members>.+?)",
    "{member}": "(?P<member>.+?)",
}
_END = r"[.。!！]?"  # the final full stop some languages write


@dataclass(frozen=True, slots=True)
class Found:
    """What a system line says: its kind, who it happened to (several for a list) and who did it."""

    kind: EventKind
    members: tuple[str, ...] = ()
    actor: str | None = None


def _fixed_length(pattern: str) -> int:
    """How many characters of ``pattern`` are not a name: a rough measure of how specific it is."""
    for token in _NAME_GROUPS:
        pattern = pattern.replace(token, "")
    return len(pattern)


def _numbered(pattern: str, index: int) -> str:
    """``pattern`` with its name tokens as groups whose names end in ``_index`` (one pattern holds all)."""
    for token, group in _NAME_GROUPS.items():
        pattern = pattern.replace(token, group)
    return _GROUP_NAME.sub(lambda found: f"(?P<{found.group(1)}_{index}>", pattern)


_GROUP_NAME = re.compile(r"\(\?P<(actor|members|member)>")


class Phrases:
    """Every table's patterns, tried kind by kind (added, removed, joined, left) across the languages."""

    def __init__(self, tables: Iterable[PhraseTable]) -> None:
        self.tables = tuple(tables)
        kinds = (
            ("added", EventKind.JOIN),
            ("removed", EventKind.REMOVAL),
            ("joined", EventKind.JOIN),
            ("left", EventKind.LEAVE),
        )
        # within a kind the most specific wording first ("joined using the invite link" before "joined"),
        # whichever table it is in: its fixed words are the longest
        self._membership = [
            (pattern, kind, table)
            for field, kind in kinds
            for pattern, table in sorted(
                ((pattern, table) for table in self.tables for pattern in getattr(table, field)),
                key=lambda entry: -_fixed_length(entry[0]),
            )
        ]
        # all of them as one pattern, in that order, tried in one call: alternative i is the group _i, its
        # names actor_i, members_i, member_i
        self._any = re.compile(
            "(?:"
            + "|".join(
                f"(?P<_{index}>{_numbered(pattern, index)})" for index, (pattern, *_) in enumerate(self._membership)
            )
            + f"){_END}",
            re.DOTALL,
        )
        self._hints = [
            (hint, kind)
            for field, kind in (
                ("rename_hints", EventKind.RENAME),
                ("pin_hints", EventKind.PIN),
                ("notice_hints", EventKind.SERVICE),
            )
            for table in self.tables
            for hint in getattr(table, field)
        ]
        self._splits = {
            table.language: re.compile("|".join(re.escape(sep) for sep in table.list_separators))
            for table in self.tables
        }
        self._media = re.compile("|".join(f"(?:{p})" for table in self.tables for p in table.media_placeholders))
        self._sticker_words = tuple(word for table in self.tables for word in table.sticker_words)
        self._notices = re.compile("|".join(f"(?:{p})" for table in self.tables for p in table.placeholders))

    def hint(self, text: str) -> EventKind | None:
        """The kind of the first hint ``text`` holds (rename, pin, other notice), or None."""
        for hint, kind in self._hints:
            if hint in text:
                return kind
        return None

    def classify(self, text: str) -> Found | None:
        """What the system line ``text`` (marks stripped) says, or None when no table knows it."""
        found = self._any.fullmatch(text)
        hinted = self.hint(text)
        if found is None or hinted is not None:  # "X removed this group's icon": a notice that reads like a removal
            return Found(hinted) if hinted is not None else None
        index = int(found.lastgroup[1:])  # type: ignore[index]
        _pattern, kind, table = self._membership[index]
        actor = found.group(f"actor_{index}") if f"actor_{index}" in self._any.groupindex else None
        listed = found.group(f"members_{index}") if f"members_{index}" in self._any.groupindex else None
        if listed is not None:
            members = tuple(name for name in self._splits[table.language].split(listed) if name.strip())
            members = members or (listed,)  # a name that is only a separator stays whole
        else:
            member = found.group(f"member_{index}") if f"member_{index}" in self._any.groupindex else None
            members = (member or table.you,)
        return Found(kind, members, actor)

    def placeholder(self, first_line: str) -> str | None:
        """What a member's message is when it is a placeholder ("media", "sticker": a file left out;
        "notice": a deleted text, a poll), else None."""
        if self._media.fullmatch(first_line):
            return "sticker" if any(word in first_line for word in self._sticker_words) else "media"
        if self._notices.fullmatch(first_line):
            return "notice"
        return None
