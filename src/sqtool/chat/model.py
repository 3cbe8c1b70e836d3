"""The one model every reader produces and every metric consumes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

# The years a record or an --since/--until day may fall in: datetimes near year 1 or 9999 overflow as
# soon as a period, an offset or a week is added to them (the audit compares a window with the period
# of the same length before it, so the first year must stay further from year 1 than the span is
# long). Wide enough for made-up test files (a QQ sample of another tool is dated 1883); a record
# outside is a bad record (an error, or skipped with --lenient), never an OverflowError.
FIRST_YEAR, LAST_YEAR = 1800, 2999


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


@dataclass(frozen=True, slots=True)
class ListedMember:
    """A member an export lists itself (ChatLab's ``members``), posting or not: a roster from the export."""

    id: str
    name: str | None = None
    tags: frozenset[str] = frozenset()  # the member's roles: owner, admin, or the exporter's own
