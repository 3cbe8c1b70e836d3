"""The reference pass: records in, an Aggregate out, one record at a time, with plain loops.

Written from docs/metrics.md and the docstrings of audit/aggregate.py, not from audit/fastpass.py
(which it must never import): no batches, no columns, no scan, no packed ints, no float shortcuts.
It keeps every kept message in memory, so it is for tests only. The fast pass must fill the very
same Aggregate from the same records and options (tests/audit/test_pass_differential.py).

Records are taken in the order given ("later" means later in that order), as the fast pass's
docstring promises: any order gives the figures of taking the records one at a time.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

from sqtool.audit.aggregate import CUSTOMER_TAGS, NAME_KEY, NEXT_REPLY_MINUTES, RECENT_IDS, Aggregate
from sqtool.audit.options import AuditOptions
from sqtool.audit.text import has_link, is_ad, is_bare_link, is_quarrel, is_question
from sqtool.audit.value import PlannedItem, matches
from sqtool.chat.model import Event, EventKind, Message, MessageKind, Record


@dataclass(slots=True)
class _Question:
    """One question and its first response by each rule (None: none yet)."""

    message_id: str
    asked: datetime
    day: int
    asker: int
    next_answer: tuple[float, int] | None = None  # (minutes, responder) by the next-message rule
    linked_answer: tuple[float, int] | None = None  # by a reply to it or a mention of its asker


@dataclass(slots=True)
class _Kept:
    """What the reference remembers of each kept message: its id, sender and local day."""

    message_id: str
    sender: int
    day: int
    when: datetime


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
    kept: list[_Kept] = field(default_factory=list)  # every kept message, in order
    latest_by_id: dict[str, int] = field(default_factory=dict)  # message id -> its latest position in kept
    questions: list[_Question] = field(default_factory=list)
    open_next: list[int] = field(default_factory=list)  # questions waiting for the next-message rule
    open_linked: set[int] = field(default_factory=set)  # questions waiting for a reply or a mention
    open_by_id: dict[str, int] = field(default_factory=dict)  # message id -> the latest question with it
    joined_at: dict[int, datetime] = field(default_factory=dict)
    next_edges: set[tuple[int, int, int]] = field(default_factory=set)
    owner_replied_next: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
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

    @property
    def cutoff(self) -> timedelta:
        return timedelta(minutes=self.options.response_cutoff_minutes)

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
        self.widen("export_first", "export_last", event.timestamp)
        if self.kept_day(event.timestamp) is None:
            return
        self.widen("first", "last", event.timestamp)
        agg.events += 1
        if event.kind not in (EventKind.JOIN, EventKind.LEAVE, EventKind.REMOVAL):
            return
        if event.member_id is None and event.member_name is None:
            return
        member = self.member(event.member_id, event.member_name)
        if event.kind is EventKind.JOIN:
            agg.joins.append((event.timestamp, member))
            self.joined_at[member] = event.timestamp
            agg.first_post_after_join.pop(member, None)  # a rejoin starts a new wait for the first post
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
        self.next_message_reply(message, sender, day)
        self.questions_and_answers(message, sender, day, targets)
        if message.reply_to is not None:
            self.reply_link(message.reply_to, sender, day)
        for target in targets:
            if target is not None and target != sender:
                agg.add_edge("mention", day, target, sender)
        self.hygiene(message, day, sender)
        joined = self.joined_at.get(sender)
        if joined is not None and sender not in agg.first_post_after_join and when >= joined:
            agg.first_post_after_join[sender] = when
        self.values(message, local, day)
        self.latest_by_id[message.id] = len(self.kept)
        self.kept.append(_Kept(message.id, sender, day, when))

    def count(self, day: int, hour: int, sender: int, when: datetime) -> None:
        """Messages per member and per local hour of the day, and the day's first and last message."""
        agg = self.agg
        members = agg.day_member.setdefault(day, {})
        members[sender] = members.get(sender, 0) + 1
        agg.day_hours.setdefault(day, [0] * 24)[hour] += 1
        first, last = agg.day_span.get(day, (when, when))
        agg.day_span[day] = (when if when < first else first, when if when > last else last)

    def next_message_reply(self, message: Message, sender: int, day: int) -> None:
        """Without reply links, a message replies to the message before it when someone else wrote it
        within NEXT_REPLY_MINUTES (kept only while the export shows no reply link: see finish)."""
        if not self.kept:
            return
        previous = self.kept[-1]
        if previous.sender != sender and message.timestamp - previous.when <= timedelta(minutes=NEXT_REPLY_MINUTES):
            self.next_edges.add((day, previous.sender, sender))
            if previous.sender in self.agg.owners:
                self.owner_replied_next[previous.message_id] = previous.day

    def questions_and_answers(self, message: Message, sender: int, day: int, targets: list[int | None]) -> None:
        """The message answers the questions asked before it, then may ask one itself.

        Next-message rule: a question is answered by the first later message by someone other than its
        asker, when that comes within the cutoff; either way that message closes it, and so does a
        message by the asker past the cutoff. Linked rule: the first later reply to the question, or
        mention of its asker, by someone else, within the cutoff; a message past the cutoff closes it."""
        when, cutoff = message.timestamp, self.cutoff
        still_open = []
        for position in self.open_next:
            question = self.questions[position]
            waited = when - question.asked
            if sender != question.asker:
                if waited <= cutoff:
                    question.next_answer = (waited.total_seconds() / 60, sender)
            elif waited <= cutoff:
                still_open.append(position)
        self.open_next = still_open
        for position in sorted(self.open_linked):
            if when - self.questions[position].asked > cutoff:
                self.close_linked(position)
        if message.reply_to is not None and message.reply_to in self.open_by_id:
            position = self.open_by_id[message.reply_to]
            if self.questions[position].asker != sender:
                self.answer_linked(position, when, sender)
        for target in targets:
            if target is not None and target != sender:
                for position in sorted(self.open_linked):
                    if self.questions[position].asker == target:
                        self.answer_linked(position, when, sender)
        if message.kind in (MessageKind.TEXT, MessageKind.LINK) and is_question(message.text):
            position = len(self.questions)
            self.questions.append(_Question(message.id, when, day, sender))
            self.open_next.append(position)
            self.open_linked.add(position)
            self.open_by_id[message.id] = position  # a reply to this id answers the latest question with it

    def answer_linked(self, position: int, when: datetime, responder: int) -> None:
        question = self.questions[position]
        question.linked_answer = ((when - question.asked).total_seconds() / 60, responder)
        self.close_linked(position)

    def close_linked(self, position: int) -> None:
        self.open_linked.discard(position)
        message_id = self.questions[position].message_id
        if self.open_by_id.get(message_id) == position:
            del self.open_by_id[message_id]

    def reply_link(self, reply_to: str, sender: int, day: int) -> None:
        """A reply link: an edge to the sender of the latest earlier message with that id, when it is
        among the last ``recent_ids`` kept messages; a reply to an older message still counts as a link."""
        agg = self.agg
        agg.has_reply_links = True
        where = self.latest_by_id.get(reply_to)
        if where is None or where < len(self.kept) - self.recent_ids:
            return
        replied = self.kept[where]
        if replied.sender != sender:
            agg.add_edge("reply", day, replied.sender, sender)
            if replied.sender in agg.owners:
                agg.owner_replied_link[reply_to] = replied.day

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
        """The Aggregate: the answers by reply links when the export has any, else by the next-message
        rule; questions still open less than the cutoff before the last kept record are pending."""
        agg = self.agg
        if not agg.has_reply_links:
            for day, target, responder in self.next_edges:
                agg.add_edge("next", day, target, responder)
            agg.owner_replied_next = self.owner_replied_next
        table = agg.questions
        for question in self.questions:
            answer = question.linked_answer if agg.has_reply_links else question.next_answer
            table.day.append(question.day)
            table.asker.append(question.asker)
            table.minutes.append(answer[0] if answer is not None else math.nan)
            table.responder.append(answer[1] if answer is not None else -1)
            pending = answer is None and agg.last is not None and agg.last - question.asked < self.cutoff
            table.pending.append(1 if pending else 0)
        return agg


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
                for column in ("day", "asker", "minutes", "responder", "pending")
            }
        elif item.name.endswith("_edges"):
            value = agg.edges(item.name.removesuffix("_edges"))  # type: ignore[arg-type]
        elif item.name == "day_member":
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
