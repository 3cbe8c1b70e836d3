"""Records for audit tests, built directly from sqtool.chat.model (never through readers)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqtool.chat.model import Event, EventKind, Message, MessageKind
from sqtool.plan.model import PlanModel

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday


class Chat:
    """Build a time-ordered list of records: ``chat.say("alice", "hi", at=minutes)``."""

    def __init__(self, start: datetime = START) -> None:
        self.start = start
        self.records: list[Message | Event] = []
        self._ids = itertools.count(1)

    def at(self, minutes: float) -> datetime:
        return self.start + timedelta(minutes=minutes)

    def say(
        self,
        who: str,
        text: str = "ok",
        *,
        at: float,
        kind: MessageKind = MessageKind.TEXT,
        reply_to: str | None = None,
        mentions: tuple[str, ...] = (),
    ) -> str:
        ident = f"m{next(self._ids)}"
        self.records.append(Message(ident, self.at(at), who, who, text, kind, reply_to, mentions))
        return ident

    def event(self, kind: EventKind, who: str, *, at: float) -> None:
        self.records.append(Event(f"e{next(self._ids)}", self.at(at), kind, who, who))

    def sorted(self) -> list[Message | Event]:
        return sorted(self.records, key=lambda record: record.timestamp)


def FakePlan(data: Any, path: str = "plan.yaml", lines: dict[tuple[Any, ...], int] | None = None) -> PlanModel:
    """The plan model of ``data``, with fixed fake positions derived from each pointer (or ``lines``)."""
    return PlanModel.of(_FakeSource(data, path, "", dict(lines or {})))


@dataclass(frozen=True, slots=True)
class _FakeSource:
    """Stands in for sqtool.plan.load.LoadedPlan."""

    data: Any
    path: str
    text: str
    lines: dict[tuple[Any, ...], int] = field(default_factory=dict)

    def position(self, pointer: tuple[Any, ...]) -> tuple[int, int]:
        return self.lines.get(pointer, len(pointer) + 1), 3

    def key_position(self, pointer: tuple[Any, ...]) -> tuple[int, int]:
        return self.lines.get(pointer, len(pointer) + 1), 1
