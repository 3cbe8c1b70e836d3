"""ordered() and the one-export de-duplication work in chunks (issue 7 speed); they must give what
the plain one-record-at-a-time rules give, whatever the chunk size and the disorder."""

from __future__ import annotations

import bisect
from collections import deque
from datetime import UTC, datetime, timedelta
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from sqtool.chat import read
from sqtool.chat.model import Message, Record

START = datetime(2026, 5, 1, tzinfo=UTC)


def reference_ordered(records: list[Record], window: int) -> list[Record]:
    """The rule, one record at a time: append when in order, else insert; emit beyond the window."""
    buffer: deque[Record] = deque()
    latest = None
    out: list[Record] = []
    for record in records:
        if latest is None or latest <= record.timestamp:
            buffer.append(record)
            latest = record.timestamp
        else:
            buffer.insert(bisect.bisect_right(buffer, record.timestamp, key=lambda r: r.timestamp), record)
        if len(buffer) > window:
            out.append(buffer.popleft())
    return out + list(buffer)


def reference_unique(records: list[Record]) -> list[Record]:
    """One export: drop a record when an earlier one at the same instant has its sender, text and id."""
    out: list[Record] = []
    current, seen = None, set()
    for record in records:
        if record.timestamp != current:
            current, seen = record.timestamp, set()
        key = (record.sender_id, record.text, record.id)
        if key not in seen:
            seen.add(key)
            out.append(record)
    return out


records_strategy = st.lists(
    st.tuples(
        st.integers(0, 4),  # seconds: many records share an instant
        st.sampled_from(["a", "b"]),  # sender
        st.sampled_from(["hi", "ok"]),  # text
        st.integers(0, 6),  # id: ids repeat
    ),
    max_size=40,
)


def build(rows: list[tuple[int, str, str, int]]) -> list[Record]:
    return [Message(str(ident), START + timedelta(seconds=second), who, who, text) for second, who, text, ident in rows]


@settings(max_examples=300, deadline=None)
@given(rows=records_strategy, chunk=st.integers(1, 7), window=st.integers(1, 6))
def test_ordered_in_chunks_is_ordered_one_by_one(rows, chunk, window):
    records = build(rows)
    with patch.object(read, "_CHUNK", chunk):
        assert list(read.ordered(iter(records), window=window)) == reference_ordered(records, window)


@settings(max_examples=300, deadline=None)
@given(rows=records_strategy, chunk=st.integers(1, 7))
def test_one_export_dedup_in_chunks_is_dedup_one_by_one(rows, chunk):
    records = sorted(build(rows), key=lambda r: r.timestamp)
    chat = read.ChatRead([], [], UTC)
    with patch.object(read, "_CHUNK", chunk):
        kept = list(chat._one(iter(records)))
    assert kept == reference_unique(records)
    assert chat.duplicates == len(records) - len(kept)
