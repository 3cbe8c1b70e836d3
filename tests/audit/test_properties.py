"""Invariants under hypothesis: tier shares sum to 1, Gini in [0, 1], no NaN, schema-valid JSON."""

import json
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sqtool.audit.engine import run_audit
from sqtool.audit.options import AuditOptions
from sqtool.audit.tiers import gini, participation
from sqtool.chat.model import Event, EventKind, Message, MessageKind
from sqtool.errors import SqtoolError
from sqtool.render.audit_json import report_to_json
from tests.audit.test_report_output import validator

TEXTS = ["hi", "怎么办？", "https://a.example", "加微信", "ok", "【每日案例】x", "why", "", "你有病"]
START = datetime(2026, 1, 5, tzinfo=UTC)

record = st.one_of(
    st.tuples(
        st.just("m"),
        st.integers(0, 60 * 24 * 20),
        st.sampled_from(["a", "b", "c", "d", "e"]),
        st.sampled_from(TEXTS),
        st.sampled_from(list(MessageKind)),
        st.booleans(),
    ),
    st.tuples(
        st.just("e"),
        st.integers(0, 60 * 24 * 20),
        st.sampled_from(["a", "b", "x"]),
        st.sampled_from([EventKind.JOIN, EventKind.LEAVE, EventKind.REMOVAL, EventKind.PIN]),
        st.just(None),
        st.just(False),
    ),
)


def build(raw):
    records = []
    for n, (tag, minute, who, what, kind, reply) in enumerate(sorted(raw, key=lambda r: r[1])):
        when = START + timedelta(minutes=minute)
        if tag == "m":
            reply_to = f"r{n - 1}" if reply and n else None
            records.append(Message(f"r{n}", when, who, who.upper(), what, kind, reply_to, ("a",) if reply else ()))
        else:
            records.append(Event(f"r{n}", when, what, who, who))
    return records


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(record, max_size=40), st.one_of(st.none(), st.integers(0, 300)))
def test_any_export_gives_a_sound_report_or_a_clear_error(raw, members):
    records = build(raw)
    try:
        report = run_audit(records, AuditOptions(tz=UTC, members=members))
    except SqtoolError as error:
        assert error.key == "audit.no_messages"
        assert not any(isinstance(r, Message) for r in records)
        return
    for figures in filter(None, (report.current, report.previous)):
        share = figures.participation
        assert abs(sum(t.message_share for t in share.tiers) - 1) < 1e-9
        assert abs(sum(t.message_share for t in share.tiers_posters) - 1) < 1e-9
        assert sum(t.members for t in share.tiers) == share.members
        assert 0 <= share.gini <= 1 and 0 <= share.gini_posters <= 1
        assert share.lorenz[0] == 0 and abs(share.lorenz[-1] - 1) < 1e-9
        assert list(share.lorenz) == sorted(share.lorenz)
    for diagnosis in report.diagnoses:
        assert diagnosis.score is None or 0 <= diagnosis.score <= 100
    document = report_to_json(report)
    json.dumps(document, allow_nan=False)
    assert not list(validator().iter_errors(document))


@given(st.lists(st.integers(0, 1000), max_size=200), st.one_of(st.none(), st.integers(0, 400)))
def test_tier_and_gini_invariants(counts, base):
    if sum(counts) == 0:
        return
    share = participation(counts, base)
    assert abs(sum(t.message_share for t in share.tiers) - 1) < 1e-9
    assert 0 <= gini(counts) <= 1
    assert share.writers_50 <= share.writers_80 <= share.posters
