"""The fast pass fed MessageRuns (columns, no Message objects) against the plain reference pass.

A native reader hands the audit runs of usual messages as columns (chat/model.py MessageRun, read by
``ChatRead.parts()``); the pass takes them whole (audit/fastpass.py ``_batch``, the times made only
where asked). Here the records of tests/audit/test_pass_differential.py's scenarios and hypothesis
streams are cut into parts, runs and lists of records at random places, and the Aggregate must be
the reference pass's on the same records, every field, with either conversation model.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sqtool._native import ENVIRONMENT
from sqtool.audit import fastpass, threads
from sqtool.audit.aggregate import Aggregate
from sqtool.audit.fastpass import Accumulator
from sqtool.chat.model import Message, MessageRun, Record
from tests.audit.reference_pass import differences
from tests.audit.test_pass_differential import (
    BACKENDS,
    GENERATED,
    Setup,
    record_streams,
    run_reference,
    setups,
)


def _can_run(record: Record) -> bool:
    """What a native run holds: a message at whole seconds, no mentions, not a bot."""
    return type(record) is Message and record.timestamp.microsecond == 0 and not record.mentions and not record.is_bot


def _run(messages: list[Message]) -> MessageRun | None:
    """The messages as one run, its times made from its seconds; None when two messages at the same
    second carry different offsets (a reader's run never does)."""
    times: dict[float, datetime] = {}
    for message in messages:
        seconds = message.timestamp.timestamp()
        if times.setdefault(seconds, message.timestamp).utcoffset() != message.timestamp.utcoffset():
            return None
    return MessageRun(
        times.__getitem__,
        [message.id for message in messages],
        [message.timestamp.timestamp() for message in messages],
        [message.sender_id for message in messages],
        [message.sender_name for message in messages],
        [message.text for message in messages],
        [message.kind for message in messages],
        [message.reply_to for message in messages],
    )


def in_parts(records: list[Record], rng: random.Random) -> list[list[Record] | MessageRun]:
    """The records cut into parts at random places: each run of messages a native run could hold
    becomes a MessageRun (or a few), the rest lists of records."""
    parts: list[list[Record] | MessageRun] = []
    at = 0
    while at < len(records):
        size = rng.choice((1, 2, 5, 40, 700, 5000))
        piece = records[at : at + size]
        at += len(piece)
        start = 0
        while start < len(piece):
            stop = start
            while stop < len(piece) and _can_run(piece[stop]):
                stop += 1
            run = _run(piece[start:stop]) if stop > start and rng.random() < 0.9 else None  # type: ignore[arg-type]
            if run is not None:
                parts.append(run)
                start = stop
            stop = start
            while stop < len(piece) and (not _can_run(piece[stop]) or stop == start):
                stop += 1
            if stop > start:
                parts.append(piece[start:stop])
                start = stop
    return parts


class _Parts:
    """Records as a ChatRead gives them to the pass: ``parts()``."""

    def __init__(self, parts: list[list[Record] | MessageRun]) -> None:
        self._parts = parts

    def parts(self) -> list[list[Record] | MessageRun]:
        return self._parts


def run_in_parts(
    records: list[Record], setup: Setup, batch: int, seed: int, monkeypatch: pytest.MonkeyPatch
) -> tuple[Aggregate, int]:
    """The fast pass fed ``records`` in parts; also the number of MessageRuns among them."""
    parts = in_parts(records, random.Random(seed))
    assert [r for p in parts for r in (p.messages() if type(p) is MessageRun else p)] == records
    with monkeypatch.context() as patch:
        patch.setattr(fastpass, "BATCH", batch)
        patch.setattr(threads, "RECENT_IDS", setup.recent_ids)
        patch.setenv(ENVIRONMENT, setup.backend)
        accumulator = Accumulator(setup.options, setup.tz, setup.owner_keys, setup.items)
        accumulator.feed(_Parts(parts))  # type: ignore[arg-type]  # what the pass asks of a ChatRead
        return accumulator.finish(), sum(type(part) is MessageRun for part in parts)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("batch", [7, 4096])
@pytest.mark.parametrize("name", list(GENERATED))
def test_runs_fill_the_aggregate_of_the_reference_pass(name: str, batch: int, backend: str, monkeypatch) -> None:
    """Every generated scenario (zones, windows, rosters and exclusions, renames, nameless senders)
    fed in parts with runs: the reference pass's Aggregate."""
    records, setup = GENERATED[name]()
    setup = replace(setup, backend=backend)
    fast, runs = run_in_parts(records, setup, batch, len(name), monkeypatch)
    assert differences(fast, run_reference(records, setup)) == {}
    assert fast.messages > 50 and (runs > 10 or name == "microseconds")  # runs were fed


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=record_streams(), chosen=setups(), seed=st.integers(0, 1000))
def test_record_streams_in_parts_agree(records: list[Record], chosen: tuple[Setup, int], seed: int) -> None:
    """Hypothesis streams (events, bots, mentions, repeated ids, a clock change) in time order, fed in
    parts with runs: the reference pass's Aggregate."""
    records = sorted(records, key=lambda record: record.timestamp)
    setup, batch = chosen
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast, _runs = run_in_parts(records, setup, batch, seed, monkeypatch)
    assert differences(fast, run_reference(records, setup), minutes_tolerance=1e-6) == {}
