"""Text from a plan or an export set into Markdown: a viewer (GitHub) shows it as the letters it is.

A member called ``<img src=x onerror=…>`` or ``*boss*`` or ``a|b`` is a name, not HTML, emphasis or a
table column: ``md_text`` escapes HTML's ``& < >`` as entities and Markdown's own marks with a
backslash, ``md_cell`` also keeps a table row on one line, ``md_code`` puts text in a code span that no
backtick inside it can close, ``md_fence`` a fenced block that no line inside it can close.
"""

from __future__ import annotations

import re

_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "`": "\\`",
        "*": "\\*",
        "[": "\\[",
        "]": "\\]",
        "~": "\\~",
        "|": "\\|",
    }
)
_BACKSLASH = re.compile(r"\\(?=[!-/:-@\[-`{-~]|$)")  # one that escapes what follows, or breaks the line
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")  # one that may open or close emphasis: not inside a word
_BLOCK_START = re.compile(r"^(\s*)(#|[-+](?=\s|$)|\d+(?=[.)](?:\s|$)))")  # a heading or list item
_BACKTICKS = re.compile(r"`+")


def _inline(text: str) -> str:
    """``text`` with every mark a viewer would read inside a line escaped."""
    return _UNDERSCORE.sub(r"\\_", _BACKSLASH.sub(r"\\\\", text).translate(_ESCAPES))


def md_text(text: str) -> str:
    """``text`` shown literally in Markdown, at the start of a line (of a list item, a quote) or
    inside one. Only what a viewer would read as markup is escaped: ``wxid_abc`` stays as it is,
    ``_abc_`` becomes ``\\_abc\\_``, a leading ``1.`` or ``-`` does not start a list."""
    return _BLOCK_START.sub(_not_a_block, _inline(text), count=1)


def _not_a_block(match: re.Match[str]) -> str:
    indent, mark = match[1], match[2]
    return f"{indent}{mark}\\" if mark[0].isdigit() else f"{indent}\\{mark}"


def md_cell(text: str, *, newline: str = " ") -> str:
    """``text`` as one table cell: shown literally, line breaks as ``newline`` (a space, or ``<br>``)."""
    return _inline(text).replace("\r\n", "\n").replace("\n", newline)


def md_code(text: str) -> str:
    """``text`` as a code span: fenced by one backtick more than its longest run of them (CommonMark)."""
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def md_fence(text: str, info: str = "") -> list[str]:
    """``text`` as a fenced code block: its fence longer than any run of backticks inside it."""
    fence = "`" * max(3, max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    return [fence + info, text, fence]
