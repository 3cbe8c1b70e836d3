"""The fast pass: records in, an Aggregate (audit/aggregate.py) out, BATCH records at a time.

The pass works on columns (a list per field), so that most of the work runs in C: map(), Counter,
set and dict updates, list comparisons, and one Aho-Corasick scan of the batch's texts
(audit/scan.py). Only what depends on order (questions and their answers, reply links, mentions) is
done message by message, and in a batch in time order only at the messages that matter. Its results
are those of taking the records one at a time: tests/audit/test_pass_differential.py compares it
with the plain one-record-at-a-time reference pass of tests/audit/reference_pass.py.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from itertools import compress, islice, repeat
from operator import and_, attrgetter, is_, is_not, sub

# The Aggregate's private edge layout: this pass, which fills the edge sets, is its only other user.
from sqtool.audit.aggregate import (
    _MEMBER_BITS,
    CUSTOMER_TAGS,
    NAME_KEY,
    NEXT_REPLY_MINUTES,
    RECENT_IDS,
    Aggregate,
    _edge,
)
from sqtool.audit.options import AuditOptions
from sqtool.audit.scan import Signals, TextScan
from sqtool.audit.text import has_link, is_ad, is_bare_link, is_quarrel, is_question
from sqtool.audit.value import PlannedItem, matches
from sqtool.chat.model import Event, EventKind, Message, MessageKind, Record

_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_ONE_SECOND = timedelta(seconds=1)
# Records per step of the pass: enough that per-batch costs vanish, few enough to stay small in memory.
BATCH = 4096
_NO_LIMIT = 1 << 62  # any question position
_ONLY_MESSAGES = {Message}
_IS_BOT = attrgetter("is_bot")
_TEXT_KINDS = (MessageKind.TEXT, MessageKind.LINK)  # the kinds that can ask a question
_LINK, _RED_PACKET = MessageKind.LINK, MessageKind.RED_PACKET


@dataclass(slots=True)
class _Columns:
    """One batch of messages, a list per field (position i is the batch's i-th message)."""

    whens: list[datetime]
    ts: list[float]  # POSIX seconds
    days: list[int]  # local date ordinals
    texts: list[str]
    kinds: list[MessageKind]
    ids: list[str]
    reply_to: list[str | None]
    sender_ids: list[str]
    sender_names: list[str]
    senders: list[int] = field(default_factory=list)  # interned members


@dataclass(slots=True)
class _Recent:
    """A batch's message ids, senders and days, kept while replies may still point into it."""

    first: int  # the pass's number for the batch's first message
    ids: list[str]
    senders: list[int]
    days: list[int]
    index: dict[str, int] | None = None  # id -> its last position, built when a reply first looks here

    def find(self, key: str) -> int | None:
        if self.index is None:
            self.index = dict(zip(self.ids, range(len(self.ids)), strict=True))
        return self.index.get(key)


def _widen(span: list, ts: list[float], whens: list[datetime]) -> None:
    """Widen [first seconds, first time, last seconds, last time] by a run of times; among equal
    times the first one seen stays."""
    if not span:
        span[:] = [ts[0], whens[0], ts[0], whens[0]]
    high = max(ts)
    if high > span[2]:
        span[2], span[3] = high, whens[ts.index(high)]
    low = min(ts)
    if low < span[0]:
        span[0], span[1] = low, whens[ts.index(low)]


def _local_day_hour(local_seconds: float) -> tuple[int, int]:
    """(date ordinal, hour) of local POSIX seconds (the UTC ones plus the zone's offset)."""
    day = int(local_seconds // 86400)
    return day + _EPOCH_ORDINAL, int((local_seconds - day * 86400) // 3600)


class Accumulator:
    """Feed records with ``feed`` (or ``add`` one by one), in time order for speed (any order gives the
    same figures as taking the records one at a time); ``finish`` returns the Aggregate."""

    def __init__(self, options: AuditOptions, tz: tzinfo, owner_keys: frozenset[str], items: tuple[PlannedItem, ...]):
        self.agg = Aggregate()
        self.tz = tz
        self.options = options
        self.items = items
        self.owner_keys = owner_keys
        self.cutoff = timedelta(minutes=options.response_cutoff_minutes)
        self.next_window = timedelta(minutes=NEXT_REPLY_MINUTES)
        self.ad_keywords = options.ad_keywords
        self.index: dict[str, int] = {}
        self.by_name: dict[str, int] = {}
        self.excluded_keys, excluded_tags = options.exclusions()
        self._recent: deque[_Recent] = deque()  # the batches holding the last RECENT_IDS messages
        self._seq = 0  # messages kept so far
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
        self._prev_ts = -math.inf  # the previous message's POSIX seconds
        self.low_day, self.high_day = options.kept_days()
        self._joined_at: dict[int, datetime] = {}
        self._offsets: dict[int, int | None] = {}  # UTC hour -> the zone's offset in seconds (None: varies)
        # UTC hour -> local day and hour, through the hours with one whole-hour offset; the others:
        self._hour_day: dict[int, int] = {}
        self._hour_hour: dict[int, int] = {}
        self._irregular: set[int] = set()
        # [first POSIX seconds, first record, last POSIX seconds, last record] of the export and of the kept
        # records; floats compare far faster than aware datetimes and order them identically
        self._export_span: list = []
        self._kept_span: list = []
        self._day_span: dict[int, list] = {}  # day -> [first seconds, first message, last seconds, last message]
        self._item_filters = tuple(
            (tuple(word.lower() for word in item.keywords), frozenset(item.people)) for item in items
        )
        # what any item could match: one of the keywords, or one of the people of the items without any
        self._scan = TextScan(options.ad_keywords, (word for filters in self._item_filters for word in filters[0]))
        self._item_people = frozenset(
            person for item_words, people in self._item_filters if not item_words for person in people
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
            and (not member_id or self.agg.member_ids[self.by_name[name]].startswith(NAME_KEY))
        ):
            position = self.by_name[name]
            if member_id:  # the member was first known by name only (a join line); now we have the id
                self.agg.member_ids[position] = member_id
                self.index[member_id] = position
        else:
            key = member_id or f"{NAME_KEY}{name or '?'}"
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
        """Feed one record (a batch of one)."""
        self.feed((record,))

    def feed(self, records: Iterable[Record]) -> None:
        """The pass, BATCH records at a time: each message figure is computed over a whole batch at
        once with C-level builtins (map, Counter, set and dict updates, list comparisons); only the
        few messages that need state in order (questions, reply links, mentions and the messages that
        answer them) go through a Python loop. A batch is also cut at each event, which is taken alone."""
        iterator = iter(records)
        while batch := list(islice(iterator, BATCH)):
            if set(map(type, batch)) == _ONLY_MESSAGES:
                self._messages(batch)  # type: ignore[arg-type]  # every record of the batch is a Message
                continue
            start = 0
            for position, record in enumerate(batch):
                if not isinstance(record, Message):
                    if start < position:
                        self._messages(batch[start:position])  # type: ignore[arg-type]
                    self._record_event(record)
                    start = position + 1
            if start < len(batch):
                self._messages(batch[start:])  # type: ignore[arg-type]

    def _record_event(self, event: Event) -> None:
        agg = self.agg
        excluded = self.excluded_keys
        if excluded and (event.member_id in excluded or event.member_name in excluded):
            agg.excluded_records += 1
            agg.excluded_seen.update(key for key in (event.member_id, event.member_name) if key in excluded)
            return
        when = event.timestamp
        ts = [when.timestamp()]
        _widen(self._export_span, ts, [when])
        day = self._local(ts, [when])[0][0]
        low = self.low_day if self.low_day is not None else day
        high = self.high_day if self.high_day is not None else day
        if not low <= day <= high:
            return
        _widen(self._kept_span, ts, [when])
        self._event(event, day)

    def _local(self, ts: list[float], whens: list[datetime]) -> tuple[list[int], list[int]]:
        """The local day (date ordinal) and hour of each time. The zone's offset is looked up once per
        UTC hour; through an hour with one whole-hour offset every time shares the local day and hour."""
        keys = [int(t // 3600) for t in ts]
        hour_day, hour_hour, irregular = self._hour_day, self._hour_hour, self._irregular
        distinct = set(keys)
        for key in distinct.difference(hour_day, irregular):
            offset = self._offset(key)
            if offset is None or offset % 3600:  # a change inside the hour, or +05:45: each time on its own
                irregular.add(key)
            else:
                day, hour = _local_day_hour(key * 3600 + offset)
                hour_day[key], hour_hour[key] = day, hour
        if irregular.isdisjoint(distinct):
            return list(map(hour_day.__getitem__, keys)), list(map(hour_hour.__getitem__, keys))
        days, hours = [], []
        for key, t, when in zip(keys, ts, whens, strict=True):
            if key in hour_day:
                day, hour = hour_day[key], hour_hour[key]
            elif (offset := self._offsets[key]) is None:  # the offset changes inside this hour
                local = when.astimezone(self.tz)
                day, hour = local.toordinal(), local.hour
            else:
                day, hour = _local_day_hour(t + offset)
            days.append(day)
            hours.append(hour)
        return days, hours

    def _messages(self, batch: list[Message]) -> None:
        agg = self.agg
        if any(map(_IS_BOT, batch)):  # bots and integrations are not members (Slack, Discord)
            kept = [message for message in batch if not message.is_bot]
            agg.bot_messages += len(batch) - len(kept)
            batch = kept
        excluded = self.excluded_keys
        if excluded:
            kept = [m for m in batch if m.sender_id not in excluded and m.sender_name not in excluded]
            if len(kept) < len(batch):  # which --exclude keys matched someone (a warning names the others)
                agg.excluded_seen.update(k for m in batch for k in (m.sender_id, m.sender_name) if k in excluded)
            agg.excluded_records += len(batch) - len(kept)
            batch = kept
        if not batch:
            return
        whens = [message.timestamp for message in batch]
        ts = list(map(datetime.timestamp, whens))
        _widen(self._export_span, ts, whens)
        days, hours = self._local(ts, whens)
        agg.export_messages += len(batch)
        if self.low_day is not None or self.high_day is not None:
            low = self.low_day if self.low_day is not None else -(1 << 62)
            high = self.high_day if self.high_day is not None else 1 << 62
            inside = [position for position, day in enumerate(days) if low <= day <= high]
            if len(inside) < len(batch):
                if not inside:
                    return
                batch, whens, ts, days, hours = (  # type: ignore[assignment]  # each column keeps its type
                    [column[position] for position in inside] for column in (batch, whens, ts, days, hours)
                )
        _widen(self._kept_span, ts, whens)
        agg.messages += len(batch)
        texts = [message.text for message in batch]
        kinds = [message.kind for message in batch]
        ids = [message.id for message in batch]
        columns = _Columns(
            whens,
            ts,
            days,
            texts,
            kinds,
            ids,
            [message.reply_to for message in batch],
            [message.sender_id for message in batch],
            [message.sender_name for message in batch],
        )
        mentions = [message.mentions for message in batch]
        mentioned = list(compress(range(len(batch)), mentions)) if any(mentions) else []
        senders, targets = self._intern(columns, mentions, mentioned)
        columns.senders = senders
        self._count_days(days, hours, senders, ts, whens)
        signals = self._scan.scan(texts)
        sure = signals.sure_question - signals.link
        asked = sorted(
            position
            for position in signals.question
            if kinds[position] in _TEXT_KINDS and (position in sure or is_question(texts[position]))
        )
        replies = list(compress(range(len(batch)), map(is_not, columns.reply_to, repeat(None))))
        if not agg.has_reply_links and not replies:
            self._next_edges(columns)
        self._in_order(columns, asked, replies, mentioned, targets)
        self._hygiene(columns, signals)
        if self._joined_at:
            self._first_posts(columns)
        if self.items:
            self._values(columns, signals)
        self.previous = (whens[-1], senders[-1], ids[-1], days[-1])
        self._prev_ts = ts[-1]

    def _intern(
        self, columns: _Columns, mentions: list[tuple[str, ...]], mentioned: list[int]
    ) -> tuple[list[int], dict[int, list[int | None]]]:
        """Each message's sender as a small int, and the members each mention names as they are known
        at that message (so a welcome to someone who posts next is not credited to them)."""
        senders: list[int] = []
        targets: dict[int, list[int | None]] = {}
        keys, names = columns.sender_ids, columns.sender_names
        start = 0
        for position in mentioned:
            senders += self._intern_run(keys[start : position + 1], names[start : position + 1])
            start = position + 1
            targets[position] = [self._lookup(name.lstrip("@")) for name in mentions[position]]
        senders += self._intern_run(keys[start:], names[start:])
        return senders, targets

    def _intern_run(self, keys: list[str], names: list[str]) -> list[int]:
        """Known members with a name in bulk; a new member or a nameless message one at a time, in order
        (a new member changes what the keys after it find)."""
        found = list(map(self.index.get, keys))
        single = set(compress(range(len(keys)), map(is_, found, repeat(None))))
        if "" in names or None in names:
            single.update(position for position, name in enumerate(names) if not name)
        start = 0
        for position in sorted(single):
            self._name_run(found[start:position], names[start:position])  # type: ignore[arg-type]  # no None before
            found[position] = self._intern_one(keys[position], names[position])
            start = position + 1
        self._name_run(found[start:], names[start:])  # type: ignore[arg-type]  # every None was interned above
        return found  # type: ignore[return-value]

    def _name_run(self, senders: list[int], names: list[str]) -> None:
        """The names of a run of known members: members rename themselves, the latest name wins."""
        if senders:
            self.by_name.update(zip(names, senders, strict=True))
            member_names = self.agg.member_names
            for sender, name in dict(zip(senders, names, strict=True)).items():
                member_names[sender] = name

    def _intern_one(self, sender_id: str, name: str) -> int:
        sender = self.index.get(sender_id) if sender_id else None
        if sender is None:
            sender = self._member(sender_id, name)
            if name:
                self.agg.member_names[sender] = name
        elif name:
            self.by_name[name] = sender
            self.agg.member_names[sender] = name
        return sender

    def _count_days(self, days: list[int], hours: list[int], senders: list[int], ts: list[float], whens: list) -> None:
        """Messages per member and per hour, and the first and last message, of each local day."""
        agg = self.agg
        if days != sorted(days):  # out of order: a stable sort by day keeps each day's records in order
            order = sorted(range(len(days)), key=days.__getitem__)
            columns = (days, hours, senders, ts, whens)
            days, hours, senders, ts, whens = ([column[i] for i in order] for column in columns)  # type: ignore[assignment]
        start = 0
        for day in dict.fromkeys(days):
            stop = bisect_right(days, day, start)
            per_member = agg.day_member.get(day)
            if per_member is None:
                per_member = agg.day_member[day] = Counter()
                day_hours = agg.day_hours[day] = [0] * 24
                span = self._day_span[day] = []
            else:
                day_hours, span = agg.day_hours[day], self._day_span[day]
            per_member.update(senders[start:stop])
            for hour, count in Counter(hours[start:stop]).items():
                day_hours[hour] += count
            _widen(span, ts[start:stop], whens[start:stop])
            start = stop

    def _next_edges(self, columns: _Columns) -> None:
        """Replies by the next-message rule (exports without reply links): a message answers the one
        before it when someone else wrote it within NEXT_REPLY_MINUTES."""
        agg = self.agg
        senders, ts, days = columns.senders, columns.ts, columns.days
        previous = self.previous
        before = [previous[1] if previous is not None else -1, *senders[:-1]]
        gaps = list(map(sub, ts, [self._prev_ts, *ts[:-1]]))  # the first message ever: an infinite gap
        window = self.next_window.total_seconds()
        sure, near = window - 1e-3, window + 1e-3  # near the window the float gap may be off: the exact test
        shift = 2 * _MEMBER_BITS
        agg.next_edges.update(
            [
                (day << shift) | (target << _MEMBER_BITS) | sender
                for day, target, sender, gap in zip(days, before, senders, gaps, strict=True)
                if gap < sure and target != sender
            ]
        )
        check: set[int] = set()
        if any(map(and_, map(sure.__le__, gaps), map(near.__ge__, gaps))):
            check.update(position for position, gap in enumerate(gaps) if sure <= gap <= near)
        owners = agg.owners
        if owners:  # the owner's messages that draw a reply (owner pull)
            check.update(compress(range(len(before)), map(owners.__contains__, before)))
        for position in sorted(check):
            gap, target, sender = gaps[position], before[position], senders[position]
            if target == sender or gap > near:
                continue
            if gap >= sure:
                earlier = columns.whens[position - 1] if position else previous[0]  # type: ignore[index]
                if columns.whens[position] - earlier > self.next_window:
                    continue
                agg.next_edges.add((days[position] << shift) | (target << _MEMBER_BITS) | sender)
            if target in owners:
                if position:
                    agg.owner_replied_next[columns.ids[position - 1]] = days[position - 1]
                else:
                    agg.owner_replied_next[previous[2]] = previous[3]  # type: ignore[index]

    def _in_order(
        self,
        columns: _Columns,
        asked: list[int],
        replies: list[int],
        mentioned: list[int],
        targets: dict[int, list[int | None]],
    ) -> None:
        """Questions, their answers, reply links and mentions, in message order.

        In a batch in time order the next-message rule is worked out for all its questions at once
        (_answer_all_next), and only replies, mentions and the last message are visited; questions
        are opened in bulk just before the message after them that could answer them. What the
        skipped messages would have done (expire questions past the cutoff) the last one does, so
        the state after the batch is the same. A batch out of time order goes message by message."""
        agg = self.agg
        senders, ts, whens, days, ids = columns.senders, columns.ts, columns.whens, columns.days, columns.ids
        count = len(senders)
        owners = agg.owners
        owned = list(compress(range(count), map(owners.__contains__, senders))) if owners else []
        for position in owned:
            agg.owner_posts[days[position]] = agg.owner_posts.get(days[position], 0) + 1
        self._recent.append(_Recent(self._seq, ids, senders, days))
        in_time_order = ts == sorted(ts)
        if in_time_order and not agg.has_reply_links and not replies:
            self._answer_all_next(columns, asked)
        else:  # not answered yet: message by message, or never (reply links make the linked rule count)
            self.next_minutes.extend(repeat(math.nan, len(asked)))
            self.next_responder.extend(repeat(-1, len(asked)))
        visit: Iterable[int] = sorted({*replies, *mentioned, count - 1}) if in_time_order else range(count)
        open_linked, expiry = self.open_linked, self.linked_expiry
        # In time order all the batch's questions are opened at once when their ids are new; an answer
        # at a message then only takes the questions asked before it (table positions below `limit`).
        base, limit = len(agg.questions), _NO_LIMIT
        asked_ids = [ids[question] for question in asked]
        upfront = in_time_order and len(set(asked_ids)) == len(asked) and open_linked.keys().isdisjoint(asked_ids)
        opened = 0  # asked[:opened] are open
        if upfront and asked:
            self._open(columns, asked, False)
            opened = len(asked)
        for position in visit:
            if upfront:
                limit = base + bisect_left(asked, position)
            elif opened < len(asked) and asked[opened] < position:
                stop = bisect_left(asked, position, opened)
                self._open(columns, asked[opened:stop], not in_time_order)
                opened = stop
            reply_to = columns.reply_to[position]
            when, sender, day = whens[position], senders[position], days[position]
            if self.open_next and not agg.has_reply_links and not in_time_order:
                self._answer_next(when, sender)
            if expiry and ts[position] > expiry[0][0]:
                self._expire(when)
            if reply_to is not None and reply_to in open_linked:
                self._answer_reply(reply_to, when, sender, limit)
            found = targets.get(position)
            if found and self.open_by_asker:
                self._answer_mentions(found, when, sender, limit)
            if opened < len(asked) and asked[opened] == position:
                self._open(columns, [position], not in_time_order)
                opened += 1
            if reply_to is not None:
                self._reply_link(reply_to, position, columns)
            if found:
                self._mention_edges(found, sender, day)
        self._seq += count
        while self._recent and self._recent[0].first + len(self._recent[0].ids) <= self._seq - RECENT_IDS:
            self._recent.popleft()

    def _open(self, columns: _Columns, asked: list[int], next_rule: bool) -> None:
        """Questions join the table, unanswered, and open for the linked rule (and for the next-message
        rule when ``next_rule``: in time order _answer_all_next has answered them already)."""
        agg = self.agg
        table = agg.questions
        base = len(table)
        positions = range(base, base + len(asked))
        askers = [columns.senders[question] for question in asked]
        asked_ids = [columns.ids[question] for question in asked]
        asked_at = [columns.ts[question] for question in asked]
        table.day.extend([columns.days[question] for question in asked])
        table.asker.extend(askers)
        self.asked_at.extend(asked_at)
        self.linked_minutes.extend(repeat(math.nan, len(asked)))
        self.linked_responder.extend(repeat(-1, len(asked)))
        self.open_linked.update(zip(asked_ids, positions, strict=True))
        open_by_asker = self.open_by_asker
        for asker, position, message_id in zip(askers, positions, asked_ids, strict=True):
            waiting = open_by_asker.get(asker)
            if waiting is None:
                open_by_asker[asker] = {position: message_id}
            else:
                waiting[position] = message_id
        lead = self._cutoff_seconds - 1e-3
        whens = [columns.whens[question] for question in asked]
        self.linked_expiry.extend(zip([at + lead for at in asked_at], whens, positions, asked_ids, strict=True))
        if next_rule and not agg.has_reply_links:
            for when, position, asker in zip(whens, positions, askers, strict=True):
                self.open_next.append((when, position))
                self.open_next_asker = asker

    def _answer_all_next(self, columns: _Columns, asked: list[int]) -> None:
        """The next-message rule for a batch in time order: a question is answered by the first message
        by someone else after it, within the cutoff. The questions still open from the batch before are
        answered by the batch's first message by someone else; a question the batch does not answer
        stays open for the next one (the batch then ends with its asker's run), unless that run has
        outlasted its cutoff, as taking the asker's messages one at a time would have found."""
        senders, whens = columns.senders, columns.whens
        count = len(senders)
        if self.open_next:
            first = next((p for p, sender in enumerate(senders) if sender != self.open_next_asker), None)
            if first is not None:
                self._answer_next(whens[first], senders[first])
        stop, asker = -1, -1
        for position, question in enumerate(asked, start=len(self.agg.questions)):  # where _open will put it
            if question >= stop:  # a new run of one asker's messages: where does it end?
                asker, stop = senders[question], question + 1
                while stop < count and senders[stop] == asker:
                    stop += 1
            if stop < count:
                waited = whens[stop] - whens[question]
                if waited <= self.cutoff:
                    self.next_minutes.append(waited.total_seconds() / 60)
                    self.next_responder.append(senders[stop])
                    continue
            else:
                self.open_next.append((whens[question], position))
                self.open_next_asker = asker
            self.next_minutes.append(math.nan)
            self.next_responder.append(-1)
        open_next, last = self.open_next, whens[-1]
        while open_next and last - open_next[0][0] > self.cutoff:  # the last message is by their asker
            open_next.popleft()  # stays unanswered, even if a late record by someone else comes next

    def _replied(self, reply_to: str, position: int) -> tuple[int, int] | None:
        """(sender, day) of the message a reply at ``position`` of the current batch answers: the latest
        one with that id among the RECENT_IDS messages before it; None when there is none."""
        current = self._recent[-1]
        oldest = current.first + position - RECENT_IDS
        for recent in reversed(self._recent):
            where = recent.find(reply_to)
            if where is not None and recent is current and where >= position:  # the id comes again later
                where = next(
                    (earlier for earlier in range(position - 1, -1, -1) if recent.ids[earlier] == reply_to), None
                )
            if where is not None:
                return (recent.senders[where], recent.days[where]) if recent.first + where >= oldest else None
        return None

    def _hygiene(self, columns: _Columns, signals: Signals) -> None:
        """Links, bare links, red packets, ads and quarrels: the exact tests on the messages the scan
        flagged."""
        agg = self.agg
        texts, kinds, days, senders = columns.texts, columns.kinds, columns.days, columns.senders
        count = len(texts)
        found: list[tuple[int, int, str]] = []  # (position, order within the message, kind)
        linked = set(signals.link)
        if _LINK in kinds:
            linked.update(compress(range(count), map(is_, kinds, repeat(_LINK))))
        for position in sorted(linked):
            text = texts[position]
            if kinds[position] is _LINK or has_link(text):
                agg.links[days[position]] = agg.links.get(days[position], 0) + 1
                if not text.strip() or is_bare_link(text):
                    found.append((position, 0, "bare_link"))
        if _RED_PACKET in kinds:
            for position in compress(range(count), map(is_, kinds, repeat(_RED_PACKET))):
                agg.red_packets[days[position]] = agg.red_packets.get(days[position], 0) + 1
        for position in sorted(signals.suspect):
            if is_ad(texts[position], self.ad_keywords):
                found.append((position, 1, "ad"))
            if is_quarrel(texts[position]):
                found.append((position, 2, "quarrel"))
        agg.violations.extend((days[position], senders[position], kind) for position, _order, kind in sorted(found))

    def _first_posts(self, columns: _Columns) -> None:
        """The first message of each member who joined, at or after the join."""
        joined_at, first_post = self._joined_at, self.agg.first_post_after_join
        senders, whens = columns.senders, columns.whens
        for sender in joined_at.keys() & (set(senders) - first_post.keys()):
            joined = joined_at[sender]
            position = senders.index(sender)
            try:
                while whens[position] < joined:
                    position = senders.index(sender, position + 1)
            except ValueError:
                continue
            first_post[sender] = whens[position]

    def _values(self, columns: _Columns, signals: Signals) -> None:
        """Planned items held (value outputs and rituals): the messages that hold one of their keywords
        or come from their people, then each item's exact test."""
        candidates = set(signals.keyword)
        people = self._item_people
        if people:
            count = len(columns.texts)
            candidates.update(compress(range(count), map(people.__contains__, columns.sender_ids)))
            candidates.update(compress(range(count), map(people.__contains__, columns.sender_names)))
        for position in sorted(candidates):
            self._value(columns, position)

    def _value(self, columns: _Columns, position: int) -> None:
        """Planned items held by one message; the keyword or author test first, the local time only then."""
        agg = self.agg
        sender_id, name, text = columns.sender_ids[position], columns.sender_names[position], columns.texts[position]
        lowered = text.lower()
        day = columns.days[position]
        local = None
        for item_position, item in enumerate(self.items):
            words, people = self._item_filters[item_position]
            if words:
                if not any(word in lowered for word in words):
                    continue
            elif sender_id not in people and name not in people:
                continue
            if local is None:
                local = columns.whens[position].astimezone(self.tz)
            if matches(item, local, (sender_id, name), text):
                agg.value_days.setdefault(item_position, set()).add(day)
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

    def _answer_reply(self, reply_to: str, when: datetime, sender: int, limit: int) -> None:
        position = self.open_linked[reply_to]
        if position < limit and self.agg.questions.asker[position] != sender:
            self._answer_linked(position, when, sender, reply_to)

    def _answer_mentions(self, targets: list[int | None], when: datetime, sender: int, limit: int) -> None:
        for target in targets:
            if target is not None and target != sender:
                for position, message_id in list(self.open_by_asker.get(target, {}).items()):
                    if position < limit:
                        self._answer_linked(position, when, sender, message_id)

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

    def _reply_link(self, reply_to: str, position: int, columns: _Columns) -> None:
        """A reply link: an edge to the replied message's sender (see _replied)."""
        agg = self.agg
        if not agg.has_reply_links:  # from now on replies are linked: the next-message guesses are moot
            agg.has_reply_links = True
            agg.next_edges.clear()
            agg.owner_replied_next.clear()
            self.open_next.clear()
        sender, day = columns.senders[position], columns.days[position]
        replied = self._replied(reply_to, position)
        if replied is not None and replied[0] != sender:
            target, target_day = replied
            agg.reply_edges.add(_edge(day, target, sender))
            if target in agg.owners:
                agg.owner_replied_link[reply_to] = target_day

    def _mention_edges(self, targets: list[int | None], sender: int, day: int) -> None:
        for target in targets:
            if target is not None and target != sender:
                self.agg.mention_edges.add(_edge(day, target, sender))

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
