"""Rules never crash, whatever shape the data has: a plan with schema errors still gets its rule findings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from sqtool.plan.model import PlanModel
from sqtool.rules.config import CheckConfig
from sqtool.rules.engine import run_rules

KEYS = [
    "community", "positioning", "members", "roles", "rules", "value_output", "rituals", "growth", "offline",
    "monetization", "thresholds", "governance", "name", "slogan", "text", "type", "platform", "capacity",
    "launch_date", "target_size", "current_size", "opinion_leaders", "admins", "owner", "entry", "threshold",
    "fee", "amount", "criteria", "conduct", "incentives", "material", "recognition", "cadence", "day", "time",
    "kind", "host", "summary", "announce_days_before", "ab_expansion", "trigger_size", "filter", "purposes",
    "path", "events", "kol_per_members", "min_value_posts_per_week", "backup",
]  # fmt: skip

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["daily", "weekly", "sunday", "20:00-21:00", "25:99", "guest_share", "topic", "open", "paid",
                     "wechat", "2026-05-01", "自组织", "none", "sell_products", "产品销售", ""]),
    st.text(max_size=12),
)  # fmt: skip
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(KEYS), children, max_size=6),
    max_leaves=40,
)


@dataclass(frozen=True, slots=True)
class FakePlan:
    data: Any
    path: str = "fuzz.yaml"
    text: str = ""

    def position(self, pointer: tuple) -> tuple[int, int]:
        return (1, 1)

    def key_position(self, pointer: tuple) -> tuple[int, int]:
        return (1, 1)


@settings(max_examples=50, deadline=None)
@given(st.dictionaries(st.sampled_from(KEYS), values, max_size=10))
def test_rules_never_raise_on_any_shape(data) -> None:
    for lang in ("en", "zh"):
        findings = run_rules(PlanModel.of(FakePlan(data)), CheckConfig(), lang=lang, today=date(2026, 6, 1))
        assert all(finding.message and finding.hint for finding in findings)


@given(values)
@settings(max_examples=30, deadline=None)
def test_rules_accept_a_non_mapping_root(data) -> None:
    run_rules(PlanModel.of(FakePlan(data)), CheckConfig(), today=date(2026, 6, 1))
