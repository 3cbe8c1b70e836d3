"""Punctuation a Chinese input method slips into YAML: ``：`` after a key, ``　`` before one, ``，`` in a list.

With a Chinese IME on, ``name：晨读营`` and ``[小美，小雨]`` look right but are not what YAML reads: the
first is no key at all (YAML reports a confusing error one line later, or quietly reads a string), the
second is a list of one item. These functions find them by the line and column where they were typed,
so the loader (errors) and rule SQ002 (the flow-list comma, a warning) can say exactly what to change.
Plan keys are ASCII, which is what tells a mistyped key from Chinese text that merely has a colon in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["colon", "space", "comma"]

FULL_COLON, FULL_SPACE, FULL_COMMA = "：", "\u3000", "，"

# a key typed with a full-width colon: indentation, an optional "- ", an ASCII key, then "："
_COLON_KEY = re.compile(r"^([ \u3000]*(?:-[ \u3000]+)?)[A-Za-z_][A-Za-z0-9_]*[ \u3000]*：")
# a key indented with a full-width space somewhere in its indentation
_SPACE_KEY = re.compile(r"^( *)\u3000[ \u3000]*(?:-[ \u3000]+)?[A-Za-z_][A-Za-z0-9_]*[ \u3000]*[:：]")
# either of the two above on any line: most plans have none, and then no line needs a closer look
_ANY_KEY_MISTAKE = re.compile(
    r"^(?:[ \u3000]*(?:-[ \u3000]+)?[A-Za-z_][A-Za-z0-9_]*[ \u3000]*：|( *)\u3000[ \u3000]*(?:-[ \u3000]+)?"
    r"[A-Za-z_][A-Za-z0-9_]*[ \u3000]*[:：])",
    re.MULTILINE,
)
# a full-width comma after an opening bracket on the same line, as _FLOW_VALUE's items hold it
_COMMA_IN_BRACKETS = re.compile(r"\[[^\]\n]*，")
_BLOCK_START = re.compile(r"[:-][ \t]*[|>][-+0-9]*[ \t]*(#.*)?$")
_FLOW_VALUE = re.compile(r"^\s*(?:-\s+)?(?:[A-Za-z_][A-Za-z0-9_]*\s*:\s+)?\[(?P<items>[^\]\n]*)\]\s*(#.*)?$")


@dataclass(frozen=True, slots=True)
class Mistake:
    kind: Kind
    line: int  # 1-based
    col: int  # 1-based, at the full-width character
    text: str = ""  # for a comma: the one item YAML will read


def _outside_block_scalars(text: str) -> list[tuple[int, str]]:
    """(line number, line) of every line that is not the content of a ``|`` or ``>`` block scalar."""
    kept: list[tuple[int, str]] = []
    block_indent: int | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if block_indent is not None:
            if not stripped or indent > block_indent:
                continue  # inside the block: text, whatever it holds
            block_indent = None
        kept.append((number, line))
        if _BLOCK_START.search(line.split(" #", 1)[0].rstrip()):
            block_indent = indent
    return kept


def _any_key_mistake(text: str) -> bool:
    """Whether _ANY_KEY_MISTAKE matches any line. Such a line holds a full-width colon or space, so only
    the lines with one are tried (Chinese text has colons in values; most lines have neither)."""
    for char in (FULL_COLON, FULL_SPACE):
        found = text.find(char)
        while found != -1:
            start = text.rfind("\n", 0, found) + 1
            if _ANY_KEY_MISTAKE.match(text, start):
                return True
            end = text.find("\n", found)
            if end == -1:
                break
            found = text.find(char, end)
    return False


def key_mistakes(text: str) -> list[Mistake]:
    """Keys typed with a full-width colon or indented with a full-width space: YAML cannot read them as keys."""
    found: list[Mistake] = []
    if not _any_key_mistake(text):
        return found
    for number, line in _outside_block_scalars(text):
        if line.lstrip(" \u3000").startswith("#"):
            continue
        space = _SPACE_KEY.match(line)
        if space is not None:
            found.append(Mistake("space", number, line.index(FULL_SPACE) + 1))
            continue
        colon = _COLON_KEY.match(line)
        if colon is not None and ":" not in line[: colon.end()]:
            found.append(Mistake("colon", number, colon.end()))
    return found


def flow_comma_mistakes(text: str) -> list[Mistake]:
    """Flow lists (``[a，b]``) whose items are joined by a full-width comma: YAML reads one item."""
    found: list[Mistake] = []
    if FULL_COMMA not in text or _COMMA_IN_BRACKETS.search(text) is None:
        return found
    for number, line in _outside_block_scalars(text):
        match = _FLOW_VALUE.match(line)
        if match is None:
            continue
        offset = match.start("items")
        for item in match.group("items").split(","):
            if FULL_COMMA in item and not item.strip().startswith(("'", '"')):
                found.append(Mistake("comma", number, offset + item.index(FULL_COMMA) + 1, item.strip()))
            offset += len(item) + 1
    return found
