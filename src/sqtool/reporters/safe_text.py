"""Make untrusted text (plan values quoted in messages, file names) safe for one output line or XML."""

from __future__ import annotations

import re

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
