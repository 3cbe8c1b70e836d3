"""Make untrusted text (plan values quoted in messages, file names) safe for one output line or XML."""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace
from typing import Any, TypeVar

# C0 and C1 controls and DEL can move the cursor, recolour or retitle a terminal, and a newline
# would split one finding over two lines; bidi overrides can make a line read differently from
# what it says ("Trojan Source"); U+2028/U+2029 end a line for many readers (and str.splitlines).
# Tab is harmless and kept.
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

# Characters XML 1.0 cannot carry at all, even as character references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def one_line(text: str) -> str:
    """``text`` with control, bidi-override and surrogate characters shown as visible escapes."""
    return _UNPRINTABLE.sub(_escape, text)


def xml_safe(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids shown as visible escapes (newlines and tabs kept)."""
    return _NOT_XML.sub(_escape, text)


_T = TypeVar("_T")


def neutralised(value: _T) -> _T:
    """``value`` with :func:`one_line` applied to every plain string inside it (dataclasses, tuples,
    lists, sets and dicts, keys too), rebuilt only where something changed; other values as they are.

    The terminal and Markdown reports pass an audit through this once, so no name, id, file name or
    plan value from an export or a config can move the cursor, retitle the terminal or flip a line.
    """
    return _walk(value)


def _walk(value: Any) -> Any:
    if type(value) is str:  # not a StrEnum: its members must stay members
        return one_line(value) if _UNPRINTABLE.search(value) else value
    if is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for item in fields(value):
            if item.init:
                old = getattr(value, item.name)
                new = _walk(old)
                if new is not old:
                    changes[item.name] = new
        return replace(value, **changes) if changes else value
    if isinstance(value, tuple | list | set | frozenset):
        items = [_walk(item) for item in value]
        if all(new is old for new, old in zip(items, value, strict=True)):
            return value
        if isinstance(value, tuple) and hasattr(value, "_fields"):  # a named tuple
            return type(value)(*items)
        return type(value)(items)
    if isinstance(value, dict):
        pairs = [(_walk(key), _walk(item)) for key, item in value.items()]
        if all(nk is k and nv is v for (nk, nv), (k, v) in zip(pairs, value.items(), strict=True)):
            return value
        rebuilt = type(value)()
        for key, item in pairs:
            rebuilt[key] = item
        return rebuilt
    return value
