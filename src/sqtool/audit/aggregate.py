"""The single pass: every record updates small accumulators keyed by member and by local day.

Nothing per message is kept except what a figure needs: per-day message counts per member, per-day
hour counts, a few array slots per question, one packed int per distinct (day, member, responder)
edge, and violations. Periods are chosen after the pass, so everything is keyed by local day
(date ordinal).
"""

from __future__ import annotations

import math
from array import array
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from sqtool.audit.options import AuditOptions
from sqtool.audit.text import URL, is_ad, is_bare_link, is_quarrel, is_question, suspect_pattern
from sqtool.audit.value import PlannedItem, matches
from sqtool.chat.model import Event, EventKind, Message, MessageKind, Record

# The next message by someone else within this many minutes counts as a reply, for exports without
# reply links (WhatsApp, QQ, WeChat text): conversation in groups is mostly answer-the-last-line.
NEXT_REPLY_MINUTES = 10
# Reply links are resolved through the most recent message ids only, so memory stays bounded on
# million-message exports; a reply to an older message still counts, without its target.
RECENT_IDS = 100_000
_NAME_KEY = "\0name:"
CUSTOMER_TAGS = frozenset({"customer", "客户", "顾客", "big_customer", "大客户"})
MEMBER_BITS = 24  # up to 16 million members per export
MEMBER_MASK = (1 << MEMBER_BITS) - 1
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_ONE_SECOND = timedelta(seconds=1)


def edge(day: int, target: int, responder: int) -> int:
    """(day, target, responder) packed into one int."""
    return (day << (2 * MEMBER_BITS)) | (target << MEMBER_BITS) | responder


def unpack_edge(packed: int) -> tuple[int, int, int]:
    return packed >> (2 * MEMBER_BITS), (packed >> MEMBER_BITS) & MEMBER_MASK, packed & MEMBER_MASK


@dataclass(frozen=True, slots=True)
class Question:
    day: int  # local date ordinal
    asker: int
    minutes: float | None  # to the first message by someone else; None when unanswered
    responder: int | None
    pending: bool = False  # asked less than the cutoff before the export ends, still open: not judged


@dataclass(slots=True)
class QuestionTable:
    """Questions as parallel arrays (a few bytes each, not an object each): day, asker, minutes to the
    first response (NaN when none), responder (-1 when none), pending (1 when not judged yet)."""

    day: array[int] = field(default_factory=lambda: array("i"))
    asker: array[int] = field(default_factory=lambda: array("i"))
    minutes: array[float] = field(default_factory=lambda: array("d"))
    responder: array[int] = field(default_factory=lambda: array("i"))
    pending: bytearray = field(default_factory=bytearray)

    def __len__(self) -> int:
        return len(self.day)

    def between(self, first: int, last: int) -> Iterator[Question]:
        """The questions asked on local days [first, last] (date ordinals)."""
        for position, day in enumerate(self.day):
            if first <= day <= last:
                minutes = self.minutes[position]
                answered = not math.isnan(minutes)
                yield Question(
                    day,
                    self.asker[position],
                    minutes if answered else None,
                    self.responder[position] if answered else None,
                    bool(self.pending[position]),
                )


@dataclass(slots=True)
class Aggregate:
    """What the pass leaves behind; every figure is a pure function of it and a period."""

    member_ids: list[str] = field(default_factory=list)
    member_names: list[str] = field(default_factory=list)
    roster_members: set[int] = field(default_factory=set)
    owners: set[int] = field(default_factory=set)
    customers: set[int] = field(default_factory=set)  # roster members tagged customer (002 self-check three)
    day_member: dict[int, dict[int, int]] = field(default_factory=dict)  # day -> member -> messages
    day_hours: dict[int, list[int]] = field(default_factory=dict)  # day -> messages per local hour
    day_span: dict[int, tuple[datetime, datetime]] = field(default_factory=dict)  # day -> first, last message
    questions: QuestionTable = field(default_factory=QuestionTable)
    # responder edges (day, target, responder) packed into one int each by edge(): a set of small ints
    # takes a third of the memory of a set of tuples on million-message exports
    reply_edges: set[int] = field(default_factory=set)
    next_edges: set[int] = field(default_factory=set)
    mention_edges: set[int] = field(default_factory=set)
    has_reply_links: bool = False
    owner_posts: dict[int, int] = field(default_factory=dict)  # day -> owner messages
    owner_replied_link: dict[str, int] = field(default_factory=dict)  # owner message id -> its day
    owner_replied_next: dict[str, int] = field(default_factory=dict)
    joins: list[tuple[datetime, int]] = field(default_factory=list)
    exits: list[tuple[datetime, int, str]] = field(default_factory=list)
    first_post_after_join: dict[int, datetime] = field(default_factory=dict)
    violations: list[tuple[int, int, str]] = field(default_factory=list)  # (day, member, kind)
    red_packets: dict[int, int] = field(default_factory=dict)
    links: dict[int, int] = field(default_factory=dict)
    value_days: dict[int, set[int]] = field(default_factory=dict)  # planned item position -> days held
    value_posts: dict[int, int] = field(default_factory=dict)  # day -> posts matching a value output
    first: datetime | None = None  # first and last record kept (inside the window or its previous period)
    last: datetime | None = None
    export_first: datetime | None = None  # first and last record of the whole export, kept or not
    export_last: datetime | None = None
    export_messages: int = 0
    messages: int = 0
    events: int = 0
    excluded_records: int = 0
    bot_messages: int = 0  # left out: bots and integrations are not members (Slack, Discord)
    responders_cache: dict[tuple[int, int], dict[int, set[int]]] = field(default_factory=dict)  # see leaders

    def member_key(self, index: int) -> str:
        key = self.member_ids[index]
        return key[len(_NAME_KEY) :] if key.startswith(_NAME_KEY) else key

    def display_name(self, index: int) -> str:
        return self.member_names[index] or self.member_key(index)

    def find(self, key: str) -> int | None:
        """The member whose id or display name is ``key`` (plans name people; exports carry ids)."""
        for position, member_id in enumerate(self.member_ids):
            if member_id == key or self.member_key(position) == key:
                return position
        for position, name in enumerate(self.member_names):
            if name == key:
                return position
        return None

    def messages_by_member(self, first: int, last: int) -> dict[int, int]:
        """Messages per member over local days [first, last] (date ordinals)."""
        totals: dict[int, int] = {}
        for day, members in self.day_member.items():
            if first <= day <= last:
                for member, count in members.items():
                    totals[member] = totals.get(member, 0) + count
        return totals


class Accumulator:
    """Feed records in timestamp order with ``feed`` (or ``add`` one by one); ``finish`` returns the Aggregate."""

    def __init__(self, options: AuditOptions, tz: tzinfo, owner_keys: frozenset[str], items: tuple[PlannedItem, ...]):
        self.agg = Aggregate()
        self.tz = tz
        self.options = options
        self.items = items
        self.owner_keys = owner_keys
        self.cutoff = timedelta(minutes=options.response_cutoff_minutes)
        self.next_window = timedelta(minutes=NEXT_REPLY_MINUTES)
        self.ad_keywords = options.ad_keywords
        self.suspect = suspect_pattern(options.ad_keywords)
        self.index: dict[str, int] = {}
        self.by_name: dict[str, int] = {}
        self.excluded_keys, excluded_tags = _split_exclusions(options.exclude)
        self.recent: dict[str, int] = {}  # message id -> sender, for the last RECENT_IDS messages
        self.recent_order: deque[str] = deque()
        # questions: when they were asked (POSIX seconds) and their answer by each rule, as arrays
        self.asked_at = array("d")
        self.next_minutes, self.next_responder = array("d"), array("i")
        self.linked_minutes, self.linked_responder = array("d"), array("i")
        self.open_next: deque[tuple[datetime, int]] = deque()  # (time, position), all by open_next_asker
        self.open_next_asker = -1
        self.open_linked: dict[str, int] = {}  # message id -> position, within the cutoff
        self.open_by_asker: dict[int, dict[int, str]] = {}  # asker -> position -> message id
        # (deadline in POSIX seconds less a millisecond, asked at, position, message id): the float is the
        # cheap per-message test, the datetimes give the exact one
        self.linked_expiry: deque[tuple[float, datetime, int, str]] = deque()
        self._cutoff_seconds = self.cutoff.total_seconds()
        self.previous: tuple[datetime, int, str, int] | None = None  # (time, sender, id, day)
        self.low_day, self.high_day = _day_bounds(options)
        self._joined_at: dict[int, datetime] = {}
        self._owner_message_day: dict[str, int] = {}  # owner message id -> its day, to credit replies
        self._offsets: dict[int, int | None] = {}  # UTC hour -> the zone's offset in seconds (None: varies)
        # [first POSIX seconds, first record, last POSIX seconds, last record] of the export and of the kept
        # records; floats compare far faster than aware datetimes and order them identically
        self._export_span: list = []
        self._kept_span: list = []
        self._day_span: dict[int, list] = {}  # day -> [first seconds, first message, last seconds, last message]
        self._item_filters = tuple(
            (tuple(word.lower() for word in item.keywords), frozenset(item.people)) for item in items
        )
        if options.roster is not None:
            for member in options.roster.members:
                if member.tags & excluded_tags or any(key in self.excluded_keys for key in member.aliases()):
                    self.excluded_keys.update(member.aliases())
                    continue
                position = self._member(member.id, member.name)
                self.agg.roster_members.add(position)
                if member.tags & CUSTOMER_TAGS:
                    self.agg.customers.add(position)

    # -- members --
    def _member(self, member_id: str | None, name: str | None) -> int:
        if member_id and member_id in self.index:
            position = self.index[member_id]
        elif (
            name
            and name in self.by_name
            and (not member_id or self.agg.member_ids[self.by_name[name]].startswith(_NAME_KEY))
        ):
            position = self.by_name[name]
            if member_id:  # the member was first known by name only (a join line); now we have the id
                self.agg.member_ids[position] = member_id
                self.index[member_id] = position
        else:
            key = member_id or f"{_NAME_KEY}{name or '?'}"
            if key in self.index:
                return self.index[key]
            position = len(self.agg.member_ids)
            self.agg.member_ids.append(key)
            self.agg.member_names.append(name or "")
            self.index[key] = position
            if (member_id and member_id in self.owner_keys) or (name and name in self.owner_keys):
                self.agg.owners.add(position)
        if name:
            self.by_name[name] = position
            if not self.agg.member_names[position]:
                self.agg.member_names[position] = name
        return position

    def _lookup(self, key: str) -> int | None:
        position = self.index.get(key)
        return position if position is not None else self.by_name.get(key)

    def _offset(self, hour: int) -> int | None:
        """The zone's UTC offset in seconds through one UTC hour, None when it changes inside it."""
        start = datetime.fromtimestamp(hour * 3600, tz=self.tz).utcoffset()
        end = datetime.fromtimestamp(hour * 3600 + 3599, tz=self.tz).utcoffset()
        offset = None if start != end or start is None else start // _ONE_SECOND
        if offset is not None and start != timedelta(seconds=offset):
            offset = None  # sub-second offsets: take the exact path
        self._offsets[hour] = offset
        return offset

    # -- records --
    def add(self, record: Record) -> None:
        self.feed((record,))

    def feed(self, records: Iterable[Record]) -> None:
        """The per-record pass. Hot state lives in local variables; the rare branches (questions,
        linked replies, mentions, events) are methods. Timestamps become POSIX seconds once, and the
        local day and hour come from the zone's offset, cached per UTC hour."""
        agg = self.agg
        tz = self.tz
        excluded_keys = self.excluded_keys
        low_day = self.low_day if self.low_day is not None else -(1 << 62)
        high_day = self.high_day if self.high_day is not None else 1 << 62
        offsets = self._offsets
        offset_of = self._offset
        index, by_name, names, owners = self.index, self.by_name, agg.member_names, agg.owners
        member_of = self._member
        day_member, day_hours, day_spans = agg.day_member, agg.day_hours, self._day_span
        owner_posts, red_packets, links, violations = agg.owner_posts, agg.red_packets, agg.links, agg.violations
        joined_at, first_post = self._joined_at, agg.first_post_after_join
        recent, recent_order, owner_message_day = self.recent, self.recent_order, self._owner_message_day
        next_edges = agg.next_edges
        open_next, open_linked, linked_expiry = self.open_next, self.open_linked, self.linked_expiry
        suspect_search = self.suspect.search
        ad_keywords = self.ad_keywords
        url_search = URL.search
        items, item_filters = self.items, self._item_filters
        window_s = self.next_window.total_seconds()
        next_window = self.next_window
        text_kinds = (MessageKind.TEXT, MessageKind.LINK)
        red_packet, link_kind = MessageKind.RED_PACKET, MessageKind.LINK
        export_span, kept_span = self._export_span, self._kept_span
        previous = self.previous
        prev_ts = previous[0].timestamp() if previous is not None else 0.0
        cur_day = None
        hour_start = hour_end = 0.0  # the UTC hour [start, end) in POSIX seconds whose local day and hour are:
        hour_day = hour_hour = 0
        per_member: dict[int, int] = {}
        hours: list[int] = []
        span: list = []
        day_edge = 0
        for record in records:
            is_message = isinstance(record, Message)
            if is_message:
                if record.is_bot:  # type: ignore[union-attr]
                    agg.bot_messages += 1
                    continue
                if excluded_keys and (
                    record.sender_id in excluded_keys  # type: ignore[union-attr]
                    or record.sender_name in excluded_keys  # type: ignore[union-attr]
                ):
                    agg.excluded_records += 1
                    continue
            elif excluded_keys and (
                record.member_id in excluded_keys  # type: ignore[union-attr]
                or record.member_name in excluded_keys  # type: ignore[union-attr]
            ):
                agg.excluded_records += 1
                continue
            when = record.timestamp
            ts = when.timestamp()
            if not export_span:
                export_span[:] = [ts, when, ts, when]
            elif ts > export_span[2]:
                export_span[2], export_span[3] = ts, when
            elif ts < export_span[0]:
                export_span[0], export_span[1] = ts, when
            if not hour_start <= ts < hour_end:  # a new UTC hour: most records share the last one's
                hour_key = int(ts // 3600)
                offset = offsets.get(hour_key, 0.5)
                if offset == 0.5:
                    offset = offset_of(hour_key)
                if offset is None:  # the offset changes inside this hour: the exact, slower way
                    local = when.astimezone(tz)
                    day, hour = local.toordinal(), local.hour
                    hour_start = hour_end = 0.0
                else:
                    local_s = ts + offset
                    day = int(local_s // 86400)
                    hour = int((local_s - day * 86400) // 3600)
                    day += _EPOCH_ORDINAL
                    # a whole-hour offset keeps the local day and hour through the UTC hour (not +05:45)
                    hour_start, hour_end = (hour_key * 3600, hour_key * 3600 + 3600) if offset % 3600 == 0 else (0, 0)
                hour_day, hour_hour = day, hour
            else:
                day, hour = hour_day, hour_hour
            if is_message:
                agg.export_messages += 1
            if day < low_day or day > high_day:
                continue
            if not kept_span:
                kept_span[:] = [ts, when, ts, when]
            elif ts > kept_span[2]:
                kept_span[2], kept_span[3] = ts, when
            elif ts < kept_span[0]:
                kept_span[0], kept_span[1] = ts, when
            if not is_message:
                self._event(record, day)  # type: ignore[arg-type]
                continue
            message: Message = record  # type: ignore[assignment]
            agg.messages += 1
            # -- the sender, interned to a small int --
            sender_id, name = message.sender_id, message.sender_name
            sender = index.get(sender_id) if sender_id else None
            if sender is None:
                sender = member_of(sender_id, name)
                if name:  # members rename themselves; reports show the name they use now
                    names[sender] = name
            elif name:
                by_name[name] = sender
                names[sender] = name
            # -- per-day counts: records come in time order, so the day's tables are looked up once a day --
            if day != cur_day:
                cur_day = day
                day_edge = day << (2 * MEMBER_BITS)
                per_member = day_member.setdefault(day, {})
                hours = day_hours.get(day)  # type: ignore[assignment]
                if hours is None:
                    hours = day_hours[day] = [0] * 24
                    span = day_spans[day] = [ts, when, ts, when]
                else:
                    span = day_spans[day]
            per_member[sender] = per_member.get(sender, 0) + 1
            if ts > span[2]:
                span[2], span[3] = ts, when
            elif ts < span[0]:
                span[0], span[1] = ts, when
            hours[hour] += 1
            # -- responses, by the two rules described above _answer_next --
            has_links = agg.has_reply_links
            if open_next and not has_links:
                self._answer_next(when, sender)
            if linked_expiry and ts > linked_expiry[0][0]:
                self._expire(when)
            reply_to = message.reply_to
            mentions = message.mentions
            if reply_to is not None and reply_to in open_linked:
                self._answer_reply(reply_to, when, sender)
            if mentions and self.open_by_asker:
                self._answer_mentions(mentions, when, sender)
            text = message.text
            kind = message.kind
            if kind in text_kinds and is_question(text):
                self._ask(message, when, ts, sender, day)
            # -- replies: links, mentions, and the next message by someone else within the window --
            if reply_to is not None:
                self._reply_link(message, sender, day)
                has_links = True
            if mentions:
                self._mention_edges(mentions, sender, day)
            if previous is not None and not has_links and previous[1] != sender:
                gap = ts - prev_ts
                # the float gap decides unless it is within a millisecond of the window: then the exact one
                if gap < window_s - 1e-3 or (gap <= window_s + 1e-3 and when - previous[0] <= next_window):
                    next_edges.add(day_edge | (previous[1] << MEMBER_BITS) | sender)
                    if previous[1] in owners:
                        agg.owner_replied_next[previous[2]] = previous[3]
            message_id = message.id
            previous = (when, sender, message_id, day)
            prev_ts = ts
            recent[message_id] = sender
            recent_order.append(message_id)
            if len(recent_order) > RECENT_IDS:
                # a deque keeps the eviction O(1); popping a dict's oldest key is not once many are deleted
                recent.pop(recent_order.popleft(), None)
            if sender in owners:
                owner_message_day[message_id] = day
                owner_posts[day] = owner_posts.get(day, 0) + 1
            if joined_at:
                joined = joined_at.get(sender)
                if joined is not None and sender not in first_post and when >= joined:
                    first_post[sender] = when
            # -- hygiene: cheap `in` tests before any regex --
            if kind is red_packet:
                red_packets[day] = red_packets.get(day, 0) + 1
            if kind is link_kind or (
                ("://" in text or "www." in text or "WWW." in text) and url_search(text) is not None
            ):
                links[day] = links.get(day, 0) + 1
                if not text.strip() or is_bare_link(text):
                    violations.append((day, sender, "bare_link"))
            if text and suspect_search(text.lower()):
                if is_ad(text, ad_keywords):
                    violations.append((day, sender, "ad"))
                if is_quarrel(text):
                    violations.append((day, sender, "quarrel"))
            if items:
                self._value(message, when, day, item_filters)
        self.previous = previous

    def _value(
        self,
        message: Message,
        when: datetime,
        day: int,
        filters: tuple[tuple[tuple[str, ...], frozenset[str]], ...],
    ) -> None:
        """Planned items held by this message; the keyword or author test first, the local time only then."""
        agg = self.agg
        keys = (message.sender_id, message.sender_name)
        lowered = message.text.lower()
        local = None
        for position, item in enumerate(self.items):
            words, people = filters[position]
            if words:
                if not any(word in lowered for word in words):
                    continue
            elif message.sender_id not in people and message.sender_name not in people:
                continue
            if local is None:
                local = when.astimezone(self.tz)
            if matches(item, local, keys, message.text):
                agg.value_days.setdefault(position, set()).add(day)
                if item.section == "value_output":
                    agg.value_posts[day] = agg.value_posts.get(day, 0) + 1

    # Answers by two rules, chosen in finish(): with reply links, the first reply to the question or
    # mention of the asker by someone else; without, the first message by someone else.
    def _answer_next(self, when: datetime, sender: int) -> None:
        """The next-message rule: the first message by someone else answers every open question, so the
        open ones always belong to a single asker (the one who spoke last)."""
        open_next = self.open_next
        if self.open_next_asker != sender:
            for asked, position in open_next:
                if when - asked <= self.cutoff:
                    self.next_minutes[position] = (when - asked).total_seconds() / 60
                    self.next_responder[position] = sender
            open_next.clear()
        else:
            while open_next and when - open_next[0][0] > self.cutoff:
                open_next.popleft()  # stays unanswered

    def _answer_reply(self, reply_to: str, when: datetime, sender: int) -> None:
        position = self.open_linked[reply_to]
        if self.agg.questions.asker[position] != sender:
            self._answer_linked(position, when, sender, reply_to)

    def _answer_mentions(self, mentions: tuple[str, ...], when: datetime, sender: int) -> None:
        for mentioned in mentions:
            target = self._lookup(mentioned.lstrip("@"))
            if target is not None and target != sender:
                for position, message_id in list(self.open_by_asker.get(target, {}).items()):
                    self._answer_linked(position, when, sender, message_id)

    def _ask(self, message: Message, when: datetime, ts: float, sender: int, day: int) -> None:
        table = self.agg.questions
        position = len(table)
        table.day.append(day)
        table.asker.append(sender)
        self.asked_at.append(ts)
        self.next_minutes.append(math.nan)
        self.next_responder.append(-1)
        self.linked_minutes.append(math.nan)
        self.linked_responder.append(-1)
        if not self.agg.has_reply_links:
            self.open_next.append((when, position))
            self.open_next_asker = sender
        self.open_linked[message.id] = position
        waiting = self.open_by_asker.get(sender)
        if waiting is None:
            self.open_by_asker[sender] = {position: message.id}
        else:
            waiting[position] = message.id
        self.linked_expiry.append((ts + self._cutoff_seconds - 1e-3, when, position, message.id))

    def _expire(self, when: datetime) -> None:
        """Close the linked-rule questions whose cutoff has passed (they stay unanswered)."""
        expiry = self.linked_expiry
        cutoff = self.cutoff
        while expiry and when - expiry[0][1] > cutoff:
            _guard, _asked, position, message_id = expiry.popleft()
            self._close_linked(position, message_id)

    def _answer_linked(self, position: int, when: datetime, responder: int, message_id: str) -> None:
        self.linked_minutes[position] = (when.timestamp() - self.asked_at[position]) / 60
        self.linked_responder[position] = responder
        self._close_linked(position, message_id)

    def _close_linked(self, position: int, message_id: str) -> None:
        if self.open_linked.get(message_id) == position:
            del self.open_linked[message_id]
        asker = self.agg.questions.asker[position]
        waiting = self.open_by_asker.get(asker)
        if waiting is not None:
            waiting.pop(position, None)
            if not waiting:
                del self.open_by_asker[asker]

    def _reply_link(self, message: Message, sender: int, day: int) -> None:
        agg = self.agg
        reply_to = message.reply_to
        if not agg.has_reply_links:  # from now on replies are linked: the next-message guesses are moot
            agg.has_reply_links = True
            agg.next_edges.clear()
            agg.owner_replied_next.clear()
            self.open_next.clear()
        target = self.recent.get(reply_to)  # type: ignore[arg-type]
        if target is not None and target != sender:
            agg.reply_edges.add(edge(day, target, sender))
            if target in agg.owners and reply_to in self._owner_message_day:
                agg.owner_replied_link[reply_to] = self._owner_message_day[reply_to]  # type: ignore[index]

    def _mention_edges(self, mentions: tuple[str, ...], sender: int, day: int) -> None:
        for mentioned in mentions:
            target = self._lookup(mentioned.lstrip("@"))
            if target is not None and target != sender:
                self.agg.mention_edges.add(edge(day, target, sender))

    def _event(self, event: Event, day: int) -> None:
        agg = self.agg
        agg.events += 1
        if event.kind not in (EventKind.JOIN, EventKind.LEAVE, EventKind.REMOVAL):
            return
        if event.member_id is None and event.member_name is None:
            return
        member = self._member(event.member_id, event.member_name)
        if event.kind is EventKind.JOIN:
            agg.joins.append((event.timestamp, member))
            self._joined_at[member] = event.timestamp
            agg.first_post_after_join.pop(member, None)  # a rejoin starts a new wait for the first post
        else:
            agg.exits.append((event.timestamp, member, event.kind.value))

    def finish(self) -> Aggregate:
        agg = self.agg
        if self._export_span:
            agg.export_first, agg.export_last = self._export_span[1], self._export_span[3]
        if self._kept_span:
            agg.first, agg.last = self._kept_span[1], self._kept_span[3]
        agg.day_span = {day: (span[1], span[3]) for day, span in self._day_span.items()}
        table = agg.questions
        if agg.has_reply_links:
            table.minutes, table.responder = self.linked_minutes, self.linked_responder
        else:
            table.minutes, table.responder = self.next_minutes, self.next_responder
        last = agg.last.timestamp() if agg.last is not None else None
        cutoff = self.cutoff.total_seconds()
        # still open with less than the cutoff left before the export ends: not judged yet
        table.pending = bytearray(
            1 if last is not None and math.isnan(minutes) and last - asked < cutoff else 0
            for minutes, asked in zip(table.minutes, self.asked_at, strict=True)
        )
        self.asked_at = self.next_minutes = self.linked_minutes = array("d")
        self.next_responder = self.linked_responder = array("i")
        return agg


def _split_exclusions(exclude: frozenset[str]) -> tuple[set[str], frozenset[str]]:
    keys = {item for item in exclude if not item.startswith("tag:")}
    tags = frozenset(item[4:].lower() for item in exclude if item.startswith("tag:"))
    return keys, tags


def _day_bounds(options: AuditOptions) -> tuple[int | None, int | None]:
    """Records outside the window and its previous period are skipped at once."""
    high = options.until.toordinal() if options.until else None
    low = None
    if options.since and options.until:
        length = options.until.toordinal() - options.since.toordinal() + 1
        low = options.since.toordinal() - length
    return low, high


def day_of(ordinal: int) -> date:
    return date.fromordinal(ordinal)
