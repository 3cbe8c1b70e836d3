"""The reference pass: records in, an Aggregate out, one record at a time, with plain loops.

Written from docs/metrics.md and the docstrings of audit/aggregate.py, not from audit/fastpass.py
(which it must never import): no batches, no columns, no scan, no packed ints, no float shortcuts.
It keeps every kept message in memory, so it is for tests only. The fast pass must fill the very
same Aggregate from the same records and options (tests/audit/test_pass_differential.py).

Records are taken in the order given ("later" means later in that order), as the fast pass's
docstring promises: any order gives the figures of taking the records one at a time. Who answers whom
is the one conversation model of audit/threads.py, which both passes feed message by message; this
pass checks everything around it (windows, members, days, hygiene, values) and what it is fed.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from sqtool.audit.aggregate import CUSTOMER_TAGS, NAME_KEY, RECENT_IDS, Aggregate
from sqtool.audit.options import AuditOptions
from sqtool.audit.text import has_link, is_ad, is_bare_link, is_quarrel, is_question
from sqtool.audit.threads import Threads
from sqtool.audit.value import PlannedItem, matches
from sqtool.chat.model import Event, EventKind, Message, MessageKind, Record


@dataclass(slots=True)
class ReferencePass:
    """Fill an Aggregate one record at a time: ``add`` each record, then ``finish``."""

    options: AuditOptions
    tz: tzinfo
    owner_keys: frozenset[str]
    items: tuple[PlannedItem, ...]
    recent_ids: int = RECENT_IDS
    agg: Aggregate = field(default_factory=Aggregate)
    index: dict[str, int] = field(default_factory=dict)  # member id (or NAME_KEY + name) -> member
    by_name: dict[str, int] = field(default_factory=dict)  # display name -> the member who used it last
    excluded: set[str] = field(default_factory=set)
    joined_at: dict[int, datetime] = field(default_factory=dict)
    threads: Threads = field(init=False)

    def __post_init__(self) -> None:
        self.threads = Threads(self.agg, self.options.response_cutoff_minutes, self.by_name)
        keys, tags = self.options.exclusions()
        self.excluded = set(keys)
        for member in self.options.roster.members if self.options.roster is not None else ():
            if member.tags & tags or any(key in self.excluded for key in member.aliases()):
                self.excluded.update(member.aliases())  # an excluded roster member by any of its names
                continue
            position = self.member(member.id, member.name)
            self.agg.roster_members.add(position)
            if member.tags & CUSTOMER_TAGS:
                self.agg.customers.add(position)

    # -- members --
    def member(self, member_id: str | None, name: str | None) -> int:
        """The member a record names: by id; else by name when that name's member has no id yet (a join
        line names, a message has an id: the same person); else a new member, an owner when its id or
        name is one of the owner keys."""
        agg = self.agg
        if member_id and member_id in self.index:
            position = self.index[member_id]
        elif (
            name and name in self.by_name and (not member_id or agg.member_ids[self.by_name[name]].startswith(NAME_KEY))
        ):
            position = self.by_name[name]
            if member_id:
                agg.member_ids[position] = member_id
                self.index[member_id] = position
        else:
            key = member_id or f"{NAME_KEY}{name or '?'}"
            if key in self.index:
                return self.index[key]
            position = len(agg.member_ids)
            agg.member_ids.append(key)
            agg.member_names.append(name or "")
            self.index[key] = position
            if (member_id and member_id in self.owner_keys) or (name and name in self.owner_keys):
                agg.owners.add(position)
        if name:
            self.by_name[name] = position
            if not agg.member_names[position]:
                agg.member_names[position] = name
        return position

    def sender(self, message: Message) -> int:
        """The message's sender; a message's name is the member's latest display name."""
        if message.sender_id and message.sender_id in self.index:
            position = self.index[message.sender_id]
            if message.sender_name:
                self.by_name[message.sender_name] = position
        else:
            position = self.member(message.sender_id, message.sender_name)
        if message.sender_name:
            self.agg.member_names[position] = message.sender_name
        return position

    def mentioned(self, mention: str) -> int | None:
        """The member a mention names, by id or display name, as known at the mentioning message."""
        key = mention.lstrip("@")
        return self.index[key] if key in self.index else self.by_name.get(key)

    # -- records --
    def add(self, record: Record) -> None:
        """Take one record."""
        if isinstance(record, Message):
            self.message(record)
        else:
            self.event(record)

    def kept_day(self, when: datetime) -> int | None:
        """The local day of a time, None when it lies outside the window and its previous period."""
        day = when.astimezone(self.tz).toordinal()
        low, high = self.options.kept_days()
        if (low is not None and day < low) or (high is not None and day > high):
            return None
        return day

    def widen(self, first: str, last: str, when: datetime) -> None:
        """Widen the Aggregate's span (first, last); among equal times the first one seen stays."""
        agg = self.agg
        if getattr(agg, first) is None or when < getattr(agg, first):
            setattr(agg, first, when)
        if getattr(agg, last) is None or when > getattr(agg, last):
            setattr(agg, last, when)

    def event(self, event: Event) -> None:
        agg = self.agg
        if event.member_id in self.excluded or event.member_name in self.excluded:
            agg.excluded_records += 1
            agg.excluded_seen.update(key for key in (event.member_id, event.member_name) if key in self.excluded)
            return
        if self.kept_day(event.timestamp) is None:
            return
        self.widen("first", "last", event.timestamp)
        agg.events += 1
        if event.kind is EventKind.OTHER:
            agg.other_events += 1
        if event.kind not in (EventKind.JOIN, EventKind.LEAVE, EventKind.REMOVAL):
            return
        if event.member_id is None and event.member_name is None:
            return
        member = self.member(event.member_id, event.member_name)
        if event.kind is EventKind.JOIN:
            if member not in self.joined_at:  # one join per member: the first (other channels, comebacks)
                agg.joins.append((event.timestamp, member))
                self.joined_at[member] = event.timestamp
        else:
            agg.exits.append((event.timestamp, member, event.kind.value))

    def message(self, message: Message) -> None:
        agg = self.agg
        if message.is_bot:
            agg.bot_messages += 1
            return
        if message.sender_id in self.excluded or message.sender_name in self.excluded:
            agg.excluded_records += 1
            agg.excluded_seen.update(key for key in (message.sender_id, message.sender_name) if key in self.excluded)
            return
        when = message.timestamp
        agg.export_messages += 1
        self.widen("export_first", "export_last", when)
        day = self.kept_day(when)
        if day is None:
            return
        self.widen("first", "last", when)
        agg.messages += 1
        local = when.astimezone(self.tz)
        sender = self.sender(message)
        targets = [self.mentioned(mention) for mention in message.mentions]
        self.count(day, local.hour, sender, when)
        if sender in agg.owners:
            agg.owner_posts[day] = agg.owner_posts.get(day, 0) + 1
        asks = message.kind in (MessageKind.TEXT, MessageKind.LINK) and is_question(message.text)
        self.threads.message(
            message.id, sender, when.timestamp(), day, message.text, message.kind, message.reply_to, targets, asks
        )
        self.hygiene(message, day, sender)
        joined = self.joined_at.get(sender)
        if joined is not None and sender not in agg.first_post_after_join and when >= joined:
            agg.first_post_after_join[sender] = when
        self.values(message, local, day)

    def count(self, day: int, hour: int, sender: int, when: datetime) -> None:
        """Messages per member and per local hour of the day, and the day's first and last message."""
        agg = self.agg
        members = agg.day_member.setdefault(day, {})
        members[sender] = members.get(sender, 0) + 1
        agg.day_hours.setdefault(day, [0] * 24)[hour] += 1
        first, last = agg.day_span.get(day, (when, when))
        agg.day_span[day] = (when if when < first else first, when if when > last else last)

    def hygiene(self, message: Message, day: int, sender: int) -> None:
        """Links, red packets, and the violations in the order bare link, ad, quarrel."""
        agg = self.agg
        text = message.text
        if message.kind is MessageKind.LINK or has_link(text):
            agg.links[day] = agg.links.get(day, 0) + 1
            if not text.strip() or is_bare_link(text):
                agg.violations.append((day, sender, "bare_link"))
        if message.kind is MessageKind.RED_PACKET:
            agg.red_packets[day] = agg.red_packets.get(day, 0) + 1
        if is_ad(text, self.options.ad_keywords):
            agg.violations.append((day, sender, "ad"))
        if is_quarrel(text):
            agg.violations.append((day, sender, "quarrel"))

    def values(self, message: Message, local: datetime, day: int) -> None:
        """The planned items the message holds; a value post when it matches any value output."""
        agg = self.agg
        value_post = False
        for position, item in enumerate(self.items):
            if matches(item, local, (message.sender_id, message.sender_name), message.text):
                agg.value_days.setdefault(position, set()).add(day)
                value_post = value_post or item.section == "value_output"
        if value_post:
            agg.value_posts[day] = agg.value_posts.get(day, 0) + 1

    def finish(self) -> Aggregate:
        """The Aggregate; questions still open less than the cutoff before the last kept record are pending."""
        self.threads.finish(self.agg.last.timestamp() if self.agg.last is not None else None)
        return self.agg


def reference_pass(
    records: Iterable[Record],
    options: AuditOptions,
    tz: tzinfo,
    owner_keys: frozenset[str] = frozenset(),
    items: tuple[PlannedItem, ...] = (),
    *,
    recent_ids: int = RECENT_IDS,
) -> Aggregate:
    """The Aggregate of ``records``, one record at a time."""
    reference = ReferencePass(options, tz, owner_keys, items, recent_ids)
    for record in records:
        reference.add(record)
    return reference.finish()


# -- comparing two Aggregates --


def snapshot(agg: Aggregate) -> dict[str, object]:
    """Every compared field of an Aggregate as plain values: NaN as None (NaN != NaN), edges unpacked,
    Counters as dicts."""
    result: dict[str, object] = {}
    for item in dataclasses.fields(agg):
        if not item.compare:
            continue
        value = getattr(agg, item.name)
        if item.name == "questions":
            value = {
                column: [None if isinstance(x, float) and math.isnan(x) else x for x in getattr(value, column)]
                for column in ("day", "asker", "minutes", "responder", "pending", "evidence")
            }
        elif item.name == "edges":
            value = agg.edge_list()
        elif item.name in ("day_member", "drawn", "answers_given"):
            value = {day: dict(members) for day, members in value.items()}
        result[item.name] = value
    return result


def _close_minutes(one: dict[str, object], other: dict[str, object], tolerance: float) -> None:
    """Take the fast pass's minutes for the reference's where they differ by less than ``tolerance``."""
    mine, theirs = one["questions"]["minutes"], other["questions"]["minutes"]  # type: ignore[index]
    if len(mine) == len(theirs):
        for position, (a, b) in enumerate(zip(mine, theirs, strict=True)):
            if a is not None and b is not None and abs(a - b) < tolerance:
                theirs[position] = a


def differences(
    fast: Aggregate, reference: Aggregate, *, minutes_tolerance: float = 0.0
) -> dict[str, tuple[object, object]]:
    """The fields that differ, each as (fast, reference), cut to the first differing entries; question
    minutes within ``minutes_tolerance`` of each other count as equal."""
    found: dict[str, tuple[object, object]] = {}
    one, other = snapshot(fast), snapshot(reference)
    if minutes_tolerance:
        _close_minutes(one, other, minutes_tolerance)
    for name, value in one.items():
        expected = other[name]
        if value == expected:
            continue
        if isinstance(value, dict) and isinstance(expected, dict):
            keys = [key for key in {*value, *expected} if value.get(key) != expected.get(key)][:5]
            found[name] = ({key: value.get(key) for key in keys}, {key: expected.get(key) for key in keys})
        elif isinstance(value, set) and isinstance(expected, set):
            found[name] = (sorted(value - expected)[:5], sorted(expected - value)[:5])
        else:
            found[name] = (value, expected)
    return found
