"""The fast pass (audit/fastpass.py) against the plain reference pass (tests/audit/reference_pass.py).

Both must fill the same Aggregate, every field, from the same records and options: on generated chats
that take each path of the batched pass, on hand-made edge cases, and on hypothesis record streams.
"""

from __future__ import annotations

import random
from array import array
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sqtool._native import ENVIRONMENT
from sqtool.audit import fastpass, threads
from sqtool.audit.aggregate import RECENT_IDS, Aggregate
from sqtool.audit.fastpass import Accumulator
from sqtool.audit.options import AuditOptions
from sqtool.audit.roster import Roster, RosterMember
from sqtool.audit.threads_native import NativeThreads
from sqtool.audit.value import PlannedItem, planned_items
from sqtool.chat.model import Event, EventKind, Message, MessageKind, Record
from sqtool.plan.model import PlanModel
from tests.audit.builders import Chat
from tests.audit.golden_chat import chat_variant, generated_chat
from tests.audit.reference_pass import differences, reference_pass
from tests.native.helpers import native_built

BERLIN = ZoneInfo("Europe/Berlin")
ITEMS = planned_items(
    PlanModel.from_data(
        {
            "value_output": [{"name": "case", "cadence": "daily", "time": "09:00", "keywords": ["每日案例"]}],
            "rituals": [{"name": "friday", "cadence": "weekly", "day": "friday", "host": "member 1"}],
        }
    )
)


@dataclass(frozen=True, slots=True)
class Setup:
    """What both passes are given besides the records."""

    options: AuditOptions
    tz: tzinfo
    owner_keys: frozenset[str] = frozenset({"u0"})
    items: tuple[PlannedItem, ...] = ITEMS
    recent_ids: int = RECENT_IDS
    backend: str = "native"  # the conversation model the fast pass runs: C++ (threads_native) or Python


# The fast pass runs the conversation model in C++ where the native module is built, else in Python;
# both are compared with the reference pass. (tests/native/test_backend.py fails when a compiler is
# there and the module is not built, so a missing build cannot hide here.)
BACKENDS = ("python", "native") if native_built() else ("python",)


def run_fast(records: list[Record], setup: Setup, batch: int, monkeypatch: pytest.MonkeyPatch) -> Aggregate:
    with monkeypatch.context() as patch:
        patch.setattr(fastpass, "BATCH", batch)
        patch.setattr(threads, "RECENT_IDS", setup.recent_ids)
        patch.setenv(ENVIRONMENT, setup.backend)
        accumulator = Accumulator(setup.options, setup.tz, setup.owner_keys, setup.items)
        assert isinstance(accumulator.threads, NativeThreads) == (setup.backend == "native")
        accumulator.feed(records)
        return accumulator.finish()


def run_reference(records: list[Record], setup: Setup) -> Aggregate:
    with mock.patch.object(threads, "RECENT_IDS", setup.recent_ids):
        return reference_pass(records, setup.options, setup.tz, setup.owner_keys, setup.items)


def assert_same(records: list[Record], setup: Setup, batch: int, monkeypatch: pytest.MonkeyPatch) -> Aggregate:
    fast = run_fast(records, setup, batch, monkeypatch)
    assert differences(fast, run_reference(records, setup)) == {}
    return fast


# -- generated chats (tests/audit/golden_chat.py) --

ZONES = ("Europe/Berlin", "Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns", "Pacific/Apia")
ROSTER = Roster(
    "roster.csv",
    (
        RosterMember("u1", "member 1", tags=frozenset({"customer"})),
        RosterMember("u2", None, tags=frozenset({"大客户"})),
        RosterMember(None, "member 5", tags=frozenset({"customer"})),  # known by name only
        RosterMember("u7", "member 7", tags=frozenset({"staff"})),  # excluded by tag
        RosterMember("u8", "member 8"),
        RosterMember("u999", "never posts"),
    ),
)


def _microseconds(records: list[Record]) -> list[Record]:
    rng = random.Random(3)
    return [replace(r, timestamp=r.timestamp + timedelta(microseconds=rng.randrange(1_000_000))) for r in records]


def _nameless(records: list[Record]) -> list[Record]:
    """Some messages without a name, some without an id, some renamed."""
    rng = random.Random(4)
    changed: list[Record] = []
    for record in records:
        if isinstance(record, Message):
            roll = rng.random()
            if roll < 0.05:
                record = replace(record, sender_name="")
            elif roll < 0.1:
                record = replace(record, sender_id="")
            elif roll < 0.12:
                record = replace(record, sender_name="member 3")  # someone else's name
        changed.append(record)
    return changed


def _berlin(**changes: object) -> AuditOptions:
    return AuditOptions(tz=BERLIN, exclude=frozenset({"u3"}), **changes)  # type: ignore[arg-type]


# name -> (records, setup); 3,000 generated records unless said otherwise
GENERATED: dict[str, Callable[[], tuple[list[Record], Setup]]] = {
    **{
        f"zone {zone}": (
            lambda zone=zone: (chat_variant("unlinked"), Setup(AuditOptions(tz=ZoneInfo(zone)), ZoneInfo(zone)))
        )
        for zone in ZONES
    },
    "window": lambda: (
        chat_variant("linked"),
        Setup(_berlin(since=date(2026, 4, 20), until=date(2026, 5, 10)), BERLIN),
    ),
    "window unlinked": lambda: (
        chat_variant("unlinked"),
        Setup(_berlin(since=date(2026, 4, 1), until=date(2026, 4, 3)), BERLIN),
    ),
    "since only": lambda: (chat_variant("linked"), Setup(_berlin(since=date(2026, 5, 1)), BERLIN)),
    "until only": lambda: (chat_variant("unlinked"), Setup(_berlin(until=date(2026, 4, 15)), BERLIN)),
    "roster and exclusions": lambda: (
        chat_variant("linked"),
        Setup(
            AuditOptions(tz=BERLIN, roster=ROSTER, exclude=frozenset({"tag:STAFF", "member 9", "u4"})),
            BERLIN,
            owner_keys=frozenset({"u0", "member 2", "member 300"}),  # member 300 only ever joins
        ),
    ),
    "short cutoff": lambda: (chat_variant("unlinked"), Setup(_berlin(response_cutoff_minutes=30), BERLIN)),
    "short cutoff linked": lambda: (chat_variant("linked"), Setup(_berlin(response_cutoff_minutes=30), BERLIN)),
    "microseconds": lambda: (_microseconds(chat_variant("unlinked")), Setup(_berlin(), BERLIN)),
    "nameless and renamed": lambda: (_nameless(chat_variant("linked")), Setup(_berlin(), BERLIN)),
    "nameless unlinked": lambda: (_nameless(chat_variant("unlinked")), Setup(_berlin(), BERLIN)),
    "few recent ids": lambda: (chat_variant("linked"), Setup(_berlin(), BERLIN, recent_ids=7)),
    "own ad words": lambda: (
        chat_variant("linked"),
        Setup(_berlin(ad_keywords=("分享", "SAME", "Tool")), BERLIN, items=()),
    ),
    "no ad words": lambda: (chat_variant("unlinked"), Setup(_berlin(ad_keywords=()), BERLIN)),
    "long chat": lambda: (generated_chat(12_000, linked=True, seed=2), Setup(_berlin(), BERLIN)),
}
# (the five variants of golden_chat.chat_variant with batches of 1, 7 and 4096: tests/audit/test_fast_pass.py)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("batch", [7, 4096])
@pytest.mark.parametrize("name", list(GENERATED))
def test_the_fast_pass_fills_the_aggregate_of_the_reference_pass(
    name: str, batch: int, backend: str, monkeypatch
) -> None:
    records, setup = GENERATED[name]()
    setup = replace(setup, backend=backend)
    agg = assert_same(records, setup, batch, monkeypatch)
    assert agg.messages > 50 and len(agg.questions) > 5  # the scenario is not empty


# -- hand-made edge cases --


def _late_and_never() -> list[Record]:
    """Questions answered in time, late, never, by the asker only, at the cutoff's edge, and still open."""
    chat = Chat()
    chat.say("a", "how do I start?", at=0)
    chat.say("a", "anyone?", at=5)
    chat.say("b", "like this", at=29)  # answers both within 30
    chat.say("c", "what about tags?", at=100)
    chat.say("d", "later", at=131)  # 31 minutes: too late, the question stays unanswered
    chat.say("e", "why not?", at=200)
    chat.say("e", "still?", at=215)
    chat.say("e", "hello?", at=240)  # past the cutoff of the first: it closes, unanswered
    chat.say("f", "because", at=244)  # answers the two others
    chat.say("g", "is it 30 minutes exactly?", at=300)
    chat.say("h", "yes", at=330)  # at the edge: answered
    chat.say("i", "last one?", at=400)  # pending: nothing follows within the cutoff
    return chat.sorted()


def _linked_answers() -> list[Record]:
    chat = Chat()
    first = chat.say("a", "how do I start?", at=0)
    chat.say("b", "unrelated", at=1)
    chat.say("a", "self reply?", at=2, reply_to=first)  # the asker: no answer
    chat.say("c", "@a like this", at=3, mentions=("@a",))  # a mention of the asker answers it
    second = chat.say("a", "and then?", at=10)
    chat.say("d", "late", at=45, reply_to=second)  # past 30 minutes: no answer
    third = chat.say("e", "what now?", at=50)
    chat.say("f", "this", at=60, reply_to=third)
    chat.say("g", "reply to nothing", at=61, reply_to="missing")
    chat.say("h", "who is x?", at=70, mentions=("@nobody",))
    return chat.sorted()


def _events_and_joins() -> list[Record]:
    chat = Chat()
    chat.event(EventKind.JOIN, "n1", at=0)
    chat.say("n1", "hi all", at=5)
    chat.event(EventKind.LEAVE, "n1", at=60)
    chat.event(EventKind.JOIN, "n1", at=120)  # a comeback: still one join, the wait runs from the first
    chat.say("n1", "back", at=180)
    chat.event(EventKind.REMOVAL, "n2", at=200)
    chat.event(EventKind.PIN, "n1", at=210)
    chat.records.append(Event("x1", chat.at(220), EventKind.JOIN, None, "name only"))
    chat.records.append(Message("x2", chat.at(230), "id-9", "name only", "hello, what's this?"))
    chat.records.append(Event("x3", chat.at(240), EventKind.JOIN, None, None))
    chat.records.append(Message("x4", chat.at(250), "bot", "Bot", "beep?", is_bot=True))
    chat.say("n2", "ok", at=260)
    return chat.sorted()


def _disorder_and_short_cutoff() -> list[Record]:
    """A question answered by a record stamped before it, and a question whose cutoff the pass's
    expiry meets behind an earlier-opened, later-stamped question."""
    chat = Chat()
    chat.say("a", "first?", at=100)
    chat.say("b", "stamped earlier", at=90)  # next-message rule: answers with -10 minutes
    chat.say("c", "third?", at=200)
    early = chat.say("d", "asked earlier?", at=150)  # opened after "third?", asked 50 minutes before it
    chat.say("e", "reply", at=190, reply_to=early)  # 40 minutes after it was asked: past a 30-minute cutoff
    chat.say("f", "mention @d", at=230, mentions=("@d",))
    return chat.records  # as given, not sorted


def _overlapping_value_outputs() -> tuple[list[Record], tuple[PlannedItem, ...]]:
    """One message that matches two value outputs."""
    items = planned_items(
        PlanModel.from_data(
            {
                "value_output": [
                    {"name": "case", "cadence": "daily", "keywords": ["案例"]},
                    {"name": "daily case", "cadence": "daily", "keywords": ["每日案例"]},
                ]
            }
        )
    )
    chat = Chat()
    chat.say("a", "【每日案例】第 1 期", at=0)
    chat.say("b", "另一个案例", at=10)
    return chat.sorted(), items


CASES: dict[str, Callable[[], tuple[list[Record], Setup]]] = {
    "late and never": lambda: (_late_and_never(), Setup(AuditOptions(tz=UTC, response_cutoff_minutes=30), UTC)),
    "linked answers": lambda: (_linked_answers(), Setup(AuditOptions(tz=UTC, response_cutoff_minutes=30), UTC)),
    "events and joins": lambda: (_events_and_joins(), Setup(AuditOptions(tz=UTC), UTC, owner_keys=frozenset({"n1"}))),
    "next-message window edge": lambda: (
        [
            Message("a", datetime(2026, 5, 1, 12, 0, 0, 123_457, tzinfo=UTC), "u1", "a", "hello"),
            Message("b", datetime(2026, 5, 1, 12, 10, 0, 123_457, tzinfo=UTC), "u2", "b", "at the edge: a reply"),
            Message("c", datetime(2026, 5, 1, 12, 20, 0, 123_458, tzinfo=UTC), "u1", "a", "a microsecond late"),
        ],
        Setup(AuditOptions(tz=UTC), UTC, owner_keys=frozenset({"u1"})),
    ),
    "disorder, default cutoff": lambda: (_disorder_and_short_cutoff(), Setup(AuditOptions(tz=UTC), UTC)),
    "disorder, no reply links": lambda: (
        [replace(record, reply_to=None) for record in _disorder_and_short_cutoff()],
        Setup(AuditOptions(tz=UTC, response_cutoff_minutes=30), UTC),
    ),
    "late record after the cutoff": lambda: (
        [
            Message("q", datetime(2026, 5, 4, 10, 0, tzinfo=UTC), "a", "A", "how do I do this?"),
            Message("m2", datetime(2026, 5, 4, 10, 40, tzinfo=UTC), "a", "A", "still stuck"),
            Event("e", datetime(2026, 5, 4, 10, 41, tzinfo=UTC), EventKind.SERVICE),
            Message("m3", datetime(2026, 5, 4, 9, 59, tzinfo=UTC), "b", "B", "like this"),
        ],
        Setup(AuditOptions(tz=UTC, response_cutoff_minutes=30), UTC),
    ),
}


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("batch", [7, 4096])
def test_microsecond_stamps(batch: int, backend: str, monkeypatch) -> None:
    """Both passes measure minutes the same way (audit/threads.py, from POSIX seconds), microseconds too."""
    records = _microseconds(chat_variant("linked"))
    setup = Setup(_berlin(), BERLIN, backend=backend)
    assert differences(run_fast(records, setup, batch, monkeypatch), run_reference(records, setup)) == {}


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("batch", [1, 2, 4096])
@pytest.mark.parametrize("name", list(CASES))
def test_hand_made_cases_agree(name: str, batch: int, backend: str, monkeypatch) -> None:
    records, setup = CASES[name]()
    assert_same(records, replace(setup, backend=backend), batch, monkeypatch)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("batch", [1, 4096])
def test_out_of_order_answers_past_the_cutoff(batch: int, backend: str, monkeypatch) -> None:
    """Out of time order, a reply 40 minutes after a question (cutoff 30) does not answer it."""
    records = _disorder_and_short_cutoff()
    setup = Setup(AuditOptions(tz=UTC, response_cutoff_minutes=30), UTC, backend=backend)
    assert_same(records, setup, batch, monkeypatch)


@pytest.mark.xfail(
    strict=True,
    reason="fast pass: value_posts counts a message once per value output it matches (3 on the day: one message "
    "matches two items), docs/metrics.md says messages that match any value output (2)",
)
def test_a_message_matching_two_value_outputs(monkeypatch) -> None:
    records, items = _overlapping_value_outputs()
    assert_same(records, Setup(AuditOptions(tz=UTC), UTC, items=items), 4096, monkeypatch)


# -- hypothesis: record streams --

NAMES = ("a", "b", "c", "d", "e")
TEXTS = (
    "hi",
    "怎么办？",
    "how so",
    "ok?",
    "https://a.example/x?y=1",
    "see https://a.example/long/path with a few words about it",
    "www.example.org",
    "加微信 vx123",
    "Promo Code inside",
    "你有病",
    "shut up",
    "【每日案例】x",
    "好的吗",
    " is it",
    "",
    "@b look",
    "İs it?",
)
ZONE_CHOICES = (UTC, BERLIN, ZoneInfo("Asia/Kathmandu"), timezone(timedelta(hours=-3, minutes=-30)))


@st.composite
def record_streams(draw: st.DrawFn) -> list[Record]:
    """Mostly time-ordered records a few minutes apart (sometimes stamped back), with repeated and
    dangling reply ids, mentions by name and id, renames, nameless senders, bots and events."""
    count = draw(st.integers(1, 40))
    start = datetime(2026, 3, 28, 22, 0, tzinfo=UTC)  # Berlin changes its clocks that night
    minute = 0.0
    ids: list[str] = []
    records: list[Record] = []
    for n in range(count):
        minute += draw(st.sampled_from((0, 0.5, 1, 3, 9.99, 10, 10.01, 29, 31, 200, 1500, -5, -40)))
        when = start + timedelta(minutes=minute, microseconds=draw(st.sampled_from((0, 0, 1, 999_999))))
        who = draw(st.sampled_from(NAMES))
        if draw(st.integers(0, 9)) == 0:
            kind = draw(st.sampled_from((EventKind.JOIN, EventKind.LEAVE, EventKind.REMOVAL, EventKind.PIN)))
            member_id = draw(st.sampled_from((who, None, None)))
            name = draw(st.sampled_from((f"name {who}", None)))
            records.append(Event(f"e{n}", when, kind, member_id, name))
            continue
        ident = draw(st.sampled_from((f"m{n}", f"m{n}", f"m{n % 4}")))  # some ids repeat
        reply_to = draw(st.one_of(st.none(), st.none(), st.sampled_from((*ids[-5:], "gone"))))
        mention = draw(st.sampled_from(((), (), (), ("@name b",), ("c",), ("@a", "@zz"))))
        sender_id = draw(st.sampled_from((who, who, who, "")))
        name = draw(st.sampled_from((f"name {who}", f"name {who}", "", "renamed")))
        records.append(
            Message(
                ident,
                when,
                sender_id,
                name,
                draw(st.sampled_from(TEXTS)),
                draw(st.sampled_from(list(MessageKind))),
                reply_to,
                mention,
                is_bot=draw(st.integers(0, 15)) == 0,
            )
        )
        ids.append(ident)
    return records


@st.composite
def setups(draw: st.DrawFn) -> tuple[Setup, int]:
    tz = draw(st.sampled_from(ZONE_CHOICES))
    since = draw(st.sampled_from((None, date(2026, 3, 29), date(2026, 3, 30))))
    until = draw(st.sampled_from((None, date(2026, 3, 29), date(2026, 3, 31))))
    options = AuditOptions(
        tz=tz,
        since=since,
        until=until,
        response_cutoff_minutes=draw(st.sampled_from((30, 1440))),
        exclude=draw(st.sampled_from((frozenset(), frozenset({"e"}), frozenset({"name d", "tag:vip"})))),
        roster=draw(st.sampled_from((None, Roster("r", (RosterMember("a", "name a", tags=frozenset({"vip"})),))))),
    )
    owners = draw(st.sampled_from((frozenset(), frozenset({"a"}), frozenset({"name b", "c"}))))
    recent_ids = draw(st.sampled_from((RECENT_IDS, 3)))
    setup = Setup(options, tz, owners, ITEMS, recent_ids=recent_ids, backend=draw(st.sampled_from(BACKENDS)))
    return setup, draw(st.sampled_from((1, 2, 3, 4096)))


def _compare_streams(records: list[Record], chosen: tuple[Setup, int], *, answers: bool) -> None:
    setup, batch = chosen
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast = run_fast(records, setup, batch, monkeypatch)
    reference = run_reference(records, setup)
    if not answers:  # see test_out_of_order_answers_past_the_cutoff
        for agg in (fast, reference):
            agg.questions.minutes, agg.questions.responder, agg.questions.pending = array("d"), array("i"), bytearray()
    # microsecond stamps: see test_microsecond_stamps_by_the_linked_rule
    assert differences(fast, reference, minutes_tolerance=1e-6) == {}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=record_streams(), chosen=setups())
def test_time_ordered_record_streams_agree(records: list[Record], chosen: tuple[Setup, int]) -> None:
    _compare_streams(sorted(records, key=lambda record: record.timestamp), chosen, answers=True)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=record_streams(), chosen=setups())
def test_out_of_order_record_streams_agree_but_for_answers(records: list[Record], chosen: tuple[Setup, int]) -> None:
    """Out of time order the fast pass may answer a question past its cutoff (a known discrepancy, see
    test_out_of_order_answers_past_the_cutoff): everything else must agree."""
    _compare_streams(records, chosen, answers=False)
