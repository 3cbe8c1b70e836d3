"""The fast pass: records in, an Aggregate (audit/aggregate.py) out, BATCH records at a time.

The pass works on columns (a list per field), so that most of the work runs in C: map(), Counter,
set and dict updates, list comparisons, and one Aho-Corasick scan of the batch's texts
(audit/scan.py). Only what depends on order (questions and their answers, reply links, mentions) is
done message by message, and in a batch in time order only at the messages that matter. Its results
are those of taking the records one at a time: tests/audit/test_pass_differential.py compares it
with the plain one-record-at-a-time reference pass of tests/audit/reference_pass.py.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from itertools import chain, compress, islice, repeat
from operator import attrgetter, is_
from typing import TypeVar, overload

from sqtool.audit.aggregate import CUSTOMER_TAGS, NAME_KEY, Aggregate, MemberCounts, compact_days
from sqtool.audit.options import AuditOptions
from sqtool.audit.scan import Signals, TextScan
from sqtool.audit.text import has_link, is_ad, is_bare_link, is_quarrel, is_question
from sqtool.audit.threads_native import threads_for
from sqtool.audit.value import PlannedItem, matches
from sqtool.chat.model import Event, EventKind, Message, MessageKind, MessageRun, Record

_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_ONE_SECOND = timedelta(seconds=1)
# Records per step of the pass: enough that per-batch costs vanish, few enough to stay small in memory.
BATCH = 4096
_NO_LIMIT = 1 << 62  # any question position
_ONLY_MESSAGES = {Message}
_IS_BOT = attrgetter("is_bot")
_TEXT_KINDS = (MessageKind.TEXT, MessageKind.LINK)  # the kinds that can ask a question
_LINK, _RED_PACKET = MessageKind.LINK, MessageKind.RED_PACKET
_T = TypeVar("_T")


class _Times(Sequence[datetime]):
    """The times of a batch's messages (``_Columns.whens``) when MessageRuns are in it: each made only
    when asked for, a Message's its own, a run's from its seconds (MessageRun.timestamp). A slice is
    a view; the pass asks for a few times a batch (the first and the last of a span, a join's first
    post, a planned item's match), so a run's times are mostly never made."""

    __slots__ = ("_length", "_offset", "_parts", "_starts")

    def __init__(
        self, parts: list[list[datetime] | MessageRun], starts: list[int], offset: int = 0, length: int = -1
    ) -> None:
        self._parts = parts  # each a list of times or a MessageRun; parts[k] begins at position starts[k]
        self._starts = starts
        self._offset = offset
        self._length = length if length >= 0 else starts[-1] + len(parts[-1]) - offset

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> datetime: ...
    @overload
    def __getitem__(self, index: slice) -> _Times: ...
    def __getitem__(self, index: int | slice) -> datetime | _Times:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._length)
            if step != 1:
                raise ValueError("only plain slices of a batch's times")
            return _Times(self._parts, self._starts, self._offset + start, max(stop - start, 0))
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        at = self._offset + index
        which = bisect_right(self._starts, at) - 1
        part, position = self._parts[which], at - self._starts[which]
        return part.timestamp(position) if type(part) is MessageRun else part[position]  # type: ignore[index]

    def __iter__(self) -> Iterator[datetime]:
        return map(self.__getitem__, range(self._length))


@dataclass(slots=True)
class _Columns:
    """One batch of messages, a list per field (position i is the batch's i-th message)."""

    whens: Sequence[datetime]  # a list, or _Times when the batch holds MessageRuns
    ts: list[float]  # POSIX seconds
    days: list[int]  # local date ordinals
    texts: list[str]
    kinds: list[MessageKind]
    ids: list[str]
    reply_to: list[str | None]
    sender_ids: list[str]
    sender_names: list[str]
    senders: list[int] = field(default_factory=list)  # interned members


def _widen(span: list, ts: list[float], whens: Sequence[datetime]) -> None:
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
        self.ad_keywords = options.ad_keywords
        self.index: dict[str, int] = {}
        self.by_name: dict[str, int] = {}
        self.excluded_keys, excluded_tags = options.exclusions()
        self.threads = threads_for(self.agg, options.response_cutoff_minutes, self.by_name)
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
        # the days whose messages per member are counted in a Counter now; the others are MemberCounts
        self._counting: dict[int, Counter[int]] = {}
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
        answer them) go through a Python loop. A batch is also cut at each event, which is taken alone.
        Records that come in parts (a ChatRead: ``parts()``) are taken as parts, MessageRuns whole."""
        parts = getattr(records, "parts", None)
        if parts is not None:
            self._feed_parts(parts())
            return
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

    def _feed_parts(self, parts: Iterable[list[Record] | MessageRun]) -> None:
        """``feed`` of lists of records and MessageRuns (ChatRead.parts), gathered into batches of about
        BATCH messages; a batch is cut at each event, which is taken alone."""
        pending: list[list[Message] | MessageRun] = []
        size = 0
        for part in parts:
            if type(part) is MessageRun or set(map(type, part)) == _ONLY_MESSAGES:  # type: ignore[arg-type]
                pending.append(part)  # type: ignore[arg-type]  # a run, or a list of Messages
                size += len(part)
            else:
                start = 0
                for position, record in enumerate(part):  # type: ignore[arg-type]  # a list of records
                    if not isinstance(record, Message):
                        if start < position:
                            pending.append(part[start:position])  # type: ignore[arg-type,index]
                        if pending:
                            self._batch(pending)
                            pending, size = [], 0
                        self._record_event(record)
                        start = position + 1
                if start < len(part):
                    pending.append(part[start:])  # type: ignore[arg-type,index]
                    size += len(part) - start
            if size >= BATCH:
                self._batch(pending)
                pending, size = [], 0
        if pending:
            self._batch(pending)

    def _batch(self, parts: list[list[Message] | MessageRun]) -> None:
        """One batch of messages given as lists of Messages and MessageRuns: the columns are the runs'
        own lists, with the Messages' fields between them."""
        if MessageRun not in set(map(type, parts)):
            self._messages(list(chain.from_iterable(parts)))  # type: ignore[arg-type]  # lists of Messages
            return
        excluded = self.excluded_keys
        kept: list[list[Message] | MessageRun] = []
        for part in parts:
            if type(part) is MessageRun:
                if not excluded or (excluded.isdisjoint(part.sender_ids) and excluded.isdisjoint(part.sender_names)):
                    kept.append(part)
                    continue
                part = part.messages()
            part = self._members_only(part)  # type: ignore[arg-type]  # a list of Messages
            if part:
                kept.append(part)
        if not kept:
            return
        ids: list[str] = []
        ts: list[float] = []
        sender_ids: list[str] = []
        names: list[str] = []
        texts: list[str] = []
        kinds: list[MessageKind] = []
        reply_to: list[str | None] = []
        mentions: list[tuple[str, ...]] = []
        times: list[list[datetime] | MessageRun] = []
        starts: list[int] = []
        for part in kept:
            starts.append(len(ids))
            if type(part) is MessageRun:
                times.append(part)
                ids += part.ids
                ts += part.seconds
                sender_ids += part.sender_ids
                names += part.sender_names
                texts += part.texts
                kinds += part.kinds
                reply_to += part.reply_to
                mentions += repeat((), len(part))
            else:
                whens = [message.timestamp for message in part]  # type: ignore[union-attr]
                times.append(whens)
                ts += map(datetime.timestamp, whens)
                ids += [message.id for message in part]  # type: ignore[union-attr]
                sender_ids += [message.sender_id for message in part]  # type: ignore[union-attr]
                names += [message.sender_name for message in part]  # type: ignore[union-attr]
                texts += [message.text for message in part]  # type: ignore[union-attr]
                kinds += [message.kind for message in part]  # type: ignore[union-attr]
                reply_to += [message.reply_to for message in part]  # type: ignore[union-attr]
                mentions += [message.mentions for message in part]  # type: ignore[union-attr]
        self._columns(_Columns(_Times(times, starts), ts, [], texts, kinds, ids, reply_to, sender_ids, names), mentions)

    def _record_event(self, event: Event) -> None:
        agg = self.agg
        excluded = self.excluded_keys
        if excluded and (event.member_id in excluded or event.member_name in excluded):
            agg.excluded_records += 1
            agg.excluded_seen.update(key for key in (event.member_id, event.member_name) if key in excluded)
            return
        when = event.timestamp
        ts = [when.timestamp()]
        # the export's span is its messages': a notice months before or a call after stretches nothing
        day = self._local(ts, [when])[0][0]
        low = self.low_day if self.low_day is not None else day
        high = self.high_day if self.high_day is not None else day
        if not low <= day <= high:
            return
        _widen(self._kept_span, ts, [when])
        self._event(event, day)

    def _local(self, ts: list[float], whens: Sequence[datetime]) -> tuple[list[int], list[int]]:
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

    def _members_only(self, batch: list[Message]) -> list[Message]:
        """The messages of members: bots and integrations (Slack, Discord) and --exclude'd people counted
        and left out."""
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
        return batch

    def _messages(self, batch: list[Message]) -> None:
        batch = self._members_only(batch)
        if not batch:
            return
        whens = [message.timestamp for message in batch]
        columns = _Columns(
            whens,
            list(map(datetime.timestamp, whens)),
            [],
            [message.text for message in batch],
            [message.kind for message in batch],
            [message.id for message in batch],
            [message.reply_to for message in batch],
            [message.sender_id for message in batch],
            [message.sender_name for message in batch],
        )
        self._columns(columns, [message.mentions for message in batch])

    def _columns(self, columns: _Columns, mentions: list[tuple[str, ...]]) -> None:
        """The pass over one batch of messages of members, as columns (``days`` not filled yet)."""
        agg = self.agg
        whens, ts = columns.whens, columns.ts
        _widen(self._export_span, ts, whens)
        days, hours = self._local(ts, whens)
        agg.export_messages += len(ts)
        if self.low_day is not None or self.high_day is not None:
            low = self.low_day if self.low_day is not None else -(1 << 62)
            high = self.high_day if self.high_day is not None else 1 << 62
            inside = [position for position, day in enumerate(days) if low <= day <= high]
            if len(inside) < len(ts):
                if not inside:
                    return

                def pick(column: Sequence[_T]) -> list[_T]:
                    return [column[position] for position in inside]

                columns = _Columns(
                    pick(whens),
                    pick(ts),
                    [],
                    pick(columns.texts),
                    pick(columns.kinds),
                    pick(columns.ids),
                    pick(columns.reply_to),
                    pick(columns.sender_ids),
                    pick(columns.sender_names),
                )
                days, hours, mentions = pick(days), pick(hours), pick(mentions)
                whens, ts = columns.whens, columns.ts
        columns.days = days
        _widen(self._kept_span, ts, whens)
        agg.messages += len(ts)
        texts, kinds = columns.texts, columns.kinds
        mentioned = list(compress(range(len(ts)), mentions)) if any(mentions) else []
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
        self._in_order(columns, asked, targets)
        self._hygiene(columns, signals)
        if self._joined_at:
            self._first_posts(columns)
        if self.items:
            self._values(columns, signals)

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

    def _count_days(
        self, days: list[int], hours: list[int], senders: list[int], ts: list[float], whens: Sequence[datetime]
    ) -> None:
        """Messages per member and per hour, and the first and last message, of each local day."""
        agg = self.agg
        if days != sorted(days):  # out of order: a stable sort by day keeps each day's records in order
            order = sorted(range(len(days)), key=days.__getitem__)
            columns = (days, hours, senders, ts, whens)
            days, hours, senders, ts, whens = ([column[i] for i in order] for column in columns)  # type: ignore[assignment]
        start = 0
        counting = self._counting
        for day in dict.fromkeys(days):
            stop = bisect_right(days, day, start)
            per_member = counting.get(day)
            if per_member is None:
                known = agg.day_member.get(day)
                if known is None:
                    agg.day_hours[day] = [0] * 24
                    self._day_span[day] = []
                # a day made compact before comes back (records out of order): counted on in a Counter, in
                # the same member order
                per_member = counting[day] = agg.day_member[day] = Counter(dict(known.items()) if known else ())
            day_hours, span = agg.day_hours[day], self._day_span[day]
            per_member.update(senders[start:stop])
            for hour, count in Counter(hours[start:stop]).items():
                day_hours[hour] += count
            _widen(span, ts[start:stop], whens[start:stop])
            start = stop
        if len(counting) > 1:  # the days before this batch's first are done (in time order): made compact
            for day in [day for day in counting if day < days[0]]:
                agg.day_member[day] = MemberCounts(counting.pop(day))

    def _in_order(self, columns: _Columns, asked: list[int], targets: dict[int, list[int | None]]) -> None:
        """Who answers whom, message by message in the order given (audit/threads.py), and the owners'
        messages per day."""
        agg = self.agg
        senders, days = columns.senders, columns.days
        owners = agg.owners
        if owners:
            for position in compress(range(len(senders)), map(owners.__contains__, senders)):
                agg.owner_posts[days[position]] = agg.owner_posts.get(days[position], 0) + 1
        self.threads.batch(
            columns.ids, senders, columns.ts, days, columns.texts, columns.kinds, columns.reply_to, targets, asked
        )

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

    def _event(self, event: Event, day: int) -> None:
        agg = self.agg
        agg.events += 1
        if event.kind is EventKind.OTHER:
            agg.other_events += 1
        if event.kind not in (EventKind.JOIN, EventKind.LEAVE, EventKind.REMOVAL):
            return
        if event.member_id is None and event.member_name is None:
            return
        member = self._member(event.member_id, event.member_name)
        if event.kind is EventKind.JOIN:
            # a member joins the community once, at the first join: joining a second channel (Slack,
            # several exports of one community) or coming back is not a new member
            if member not in self._joined_at:
                agg.joins.append((event.timestamp, member))
                self._joined_at[member] = event.timestamp
        else:
            agg.exits.append((event.timestamp, member, event.kind.value))

    def finish(self) -> Aggregate:
        agg = self.agg
        if self._export_span:
            agg.export_first, agg.export_last = self._export_span[1], self._export_span[3]
        if self._kept_span:
            agg.first, agg.last = self._kept_span[1], self._kept_span[3]
        agg.day_span = {day: (span[1], span[3]) for day, span in self._day_span.items()}
        self.threads.finish(agg.last.timestamp() if agg.last is not None else None)
        for per_day in (agg.day_member, agg.drawn, agg.answers_given):
            compact_days(per_day)  # the Counters as arrays: the report is made in the memory they took
        return agg
