"""The one model every reader produces and every metric consumes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

# The years a record or an --since/--until day may fall in: datetimes near year 1 or 9999 overflow as
# soon as a period, an offset or a week is added to them (the audit compares a window with the period
# of the same length before it, so the first year must stay further from year 1 than the span is
# long). Wide enough for made-up test files (a QQ sample of another tool is dated 1883); a record
# outside is a bad record (an error, or skipped with --lenient), never an OverflowError.
FIRST_YEAR, LAST_YEAR = 1800, 2999
# The POSIX seconds a MessageRun's messages lie within: in any offset under a day their year is one of
# FIRST_YEAR..LAST_YEAR, so the read pipeline's year check passes a run whole (a native reader leaves
# a message outside to the Python reader and that check).
RUN_FIRST_SECOND, RUN_LAST_SECOND = -5_364_576_000, 32_503_507_200  # 1800-01-02 and 2999-12-30, 00:00 UTC


class MessageKind(StrEnum):
    TEXT = "text"
    MEDIA = "media"
    LINK = "link"
    STICKER = "sticker"
    RED_PACKET = "red_packet"


class EventKind(StrEnum):
    JOIN = "join"
    LEAVE = "leave"
    REMOVAL = "removal"
    RENAME = "rename"
    PIN = "pin"
    SERVICE = "service"  # any other known system line: encryption notices, calls, group photo changes
    OTHER = "other"  # a system line of no kind the reader knows (a notice in an unlisted wording)


# Records are not frozen: a frozen dataclass sets each field through object.__setattr__, which made
# building a Message (2.2 µs) the largest single cost of reading a big export; unfrozen it is 0.45 µs.
# Nothing changes a record once a reader has built it, so they stay hashable on their fields.
@dataclass(slots=True, unsafe_hash=True)
class Message:
    """Something a member sent: text, media, a link, a sticker or a red packet."""

    id: str
    timestamp: datetime  # always timezone-aware
    sender_id: str
    sender_name: str
    text: str
    kind: MessageKind = MessageKind.TEXT
    reply_to: str | None = None  # id of the message this one answers, when the export links replies
    mentions: tuple[str, ...] = ()  # sender ids or display names of the members mentioned
    is_bot: bool = False  # sent by a bot or an integration, not by a member (Slack, Discord)


@dataclass(slots=True, unsafe_hash=True)
class Event:
    """A system record: someone joined, left, was removed, renamed the group, pinned a message."""

    id: str
    timestamp: datetime  # always timezone-aware
    kind: EventKind
    member_id: str | None = None  # who joined, left or was removed; None when the export omits it
    member_name: str | None = None
    actor_id: str | None = None  # who did it (the inviter, the admin who removed), when known
    actor_name: str | None = None
    text: str = ""


Record = Message | Event


class MessageRun:
    """Usual messages in a row, as columns and no Message objects: what a native reader builds
    (telegram.cpp) for the audit's pass to take whole (audit/fastpass.py). Each message is the
    Message ``messages()`` makes (no mentions, not a bot); its time is ``when(seconds)``, which the
    reader made the way it makes a Message's, so a run and its Messages are the same records."""

    __slots__ = ("ids", "kinds", "reply_to", "seconds", "sender_ids", "sender_names", "texts", "when")

    def __init__(
        self,
        when: Callable[[float], datetime],
        ids: list[str],
        seconds: list[float],
        sender_ids: list[str],
        sender_names: list[str],
        texts: list[str],
        kinds: list[MessageKind],
        reply_to: list[str | None],
    ) -> None:
        self.when = when  # POSIX seconds -> the aware datetime of a message at that time
        self.ids = ids
        self.seconds = seconds  # POSIX seconds, whole, as floats
        self.sender_ids = sender_ids
        self.sender_names = sender_names
        self.texts = texts
        self.kinds = kinds
        self.reply_to = reply_to

    def __len__(self) -> int:
        return len(self.ids)

    def __repr__(self) -> str:
        return f"MessageRun({len(self)} messages)"

    def timestamp(self, position: int) -> datetime:
        """The time of the message at ``position``."""
        return self.when(self.seconds[position])

    def messages(self) -> list[Message]:
        """The run's messages as Message objects."""
        return list(
            map(
                Message,
                self.ids,
                map(self.when, self.seconds),
                self.sender_ids,
                self.sender_names,
                self.texts,
                self.kinds,
                self.reply_to,
            )
        )

    def part(self, start: int, stop: int) -> MessageRun:
        """The messages from ``start`` to ``stop`` (positions, as a slice) as a run of their own."""
        return MessageRun(
            self.when,
            self.ids[start:stop],
            self.seconds[start:stop],
            self.sender_ids[start:stop],
            self.sender_names[start:stop],
            self.texts[start:stop],
            self.kinds[start:stop],
            self.reply_to[start:stop],
        )


@dataclass(frozen=True, slots=True)
class ListedMember:
    """A member an export lists itself (ChatLab's ``members``), posting or not: a roster from the export."""

    id: str
    name: str | None = None
    tags: frozenset[str] = frozenset()  # the member's roles: owner, admin, or the exporter's own
