"""One module per export format; each has NAME and ``read(source, ctx) -> Iterator[Message | Event]``."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from types import ModuleType

from sqtool.chat.errors import ReadContext
from sqtool.chat.model import Record
from sqtool.chat.source import Source

# format name -> module under sqtool.chat.readers
MODULES: dict[str, str] = {
    "telegram": "telegram",
    "discord": "discord",
    "discord-csv": "discord_csv",
    "whatsapp": "whatsapp",
    "qq": "qq",
    "wechat": "wechat",
    "slack": "slack",
    "messenger": "messenger",
    "csv": "generic_csv",
    "jsonl": "jsonl",
}

Reader = Callable[[Source, ReadContext], Iterator[Record]]


def reader_module(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{MODULES[name]}")


def reader_for(name: str) -> Reader:
    """The ``read`` generator of format ``name``."""
    return reader_module(name).read
