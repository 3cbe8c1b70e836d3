"""Read an export in tests and split what came out."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from sqtool.chat.model import Event, Message
from sqtool.chat.read import ChatRead, read_exports


@dataclass
class Result:
    chat: ChatRead
    messages: list[Message]
    events: list[Event]

    @property
    def senders(self) -> Counter[str]:
        return Counter(message.sender_id for message in self.messages)

    @property
    def event_kinds(self) -> Counter[str]:
        return Counter(event.kind.value for event in self.events)

    @property
    def message_kinds(self) -> Counter[str]:
        return Counter(message.kind.value for message in self.messages)


def read_all(*paths: str | Path, tz: str = "UTC", **options: object) -> Result:
    chat = read_exports(list(paths), tz=ZoneInfo(tz), **options)  # type: ignore[arg-type]
    records = list(chat)
    return Result(
        chat,
        [record for record in records if isinstance(record, Message)],
        [record for record in records if isinstance(record, Event)],
    )
