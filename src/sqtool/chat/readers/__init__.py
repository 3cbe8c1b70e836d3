"""The one registry of export formats: the reader modules, in order, and detection by asking each."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator
from types import ModuleType

from sqtool.chat.errors import ReadContext
from sqtool.chat.model import Record
from sqtool.chat.sniff import Head
from sqtool.chat.source import Source

# Each module declares NAME, ``sniff(head: Head) -> float`` (its confidence, 0.0 to 1.0 with 0 for no, that the
# head is its format; of two signatures that can both match, the one that must win gets the higher confidence)
# and ``read(source, ctx)``; optional PLATFORM names the platform when it is not NAME ("" for any platform);
# optional HINTS are patterns of the format's look, to name the closest format of a file no reader claims.
# Adding a format is adding its module and one line here, in the order --format lists the names; a tie in
# sniff goes to the module listed first.
READERS: tuple[ModuleType, ...] = tuple(
    importlib.import_module(f"{__name__}.{module}")
    for module in (
        "telegram",
        "discord",
        "discord_csv",
        "whatsapp",
        "qq",
        "wechat",
        "slack",
        "messenger",
        "chatlab",
        "generic_csv",
        "jsonl",
    )
)
FORMAT_NAMES: tuple[str, ...] = tuple(reader.NAME for reader in READERS)
_BY_NAME: dict[str, ModuleType] = {reader.NAME: reader for reader in READERS}

Reader = Callable[[Source, ReadContext], Iterator[Record]]


def reader_module(name: str) -> ModuleType:
    """The module of format ``name``."""
    return _BY_NAME[name]


def reader_for(name: str) -> Reader:
    """The ``read`` generator of format ``name``."""
    return reader_module(name).read


def platform_of(name: str) -> str:
    """The platform exports of format ``name`` come from ("" for any); a name no reader has is its own."""
    reader = _BY_NAME.get(name)
    return name if reader is None else getattr(reader, "PLATFORM", reader.NAME)


def detect(source: Source, head: bytes) -> str | None:
    """The format name of an export from its first bytes (the surest reader's), or None when none claims it."""
    sniffed = Head.of(head)
    best, confidence = None, 0.0
    for reader in READERS:
        score = reader.sniff(sniffed)
        if score > confidence:  # strictly: a tie keeps the reader listed first
            best, confidence = reader.NAME, score
    return best


_HINTS: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...] = tuple(
    (reader.NAME, tuple(re.compile(hint, re.MULTILINE) for hint in getattr(reader, "HINTS", ()))) for reader in READERS
)


def closest(head: bytes) -> str | None:
    """The format a head no reader claims looks most like (the most of its HINTS found), or None."""
    text = Head.of(head).text[:65536]
    best, found = None, 0
    for name, hints in _HINTS:
        count = sum(1 for hint in hints if hint.search(text))
        if count > found:
            best, found = name, count
    return best
