"""Scoring rules of the five self-diagnoses (docs/metrics.md), checked on figures set by hand."""

from dataclasses import replace
from datetime import UTC

import pytest

from sqtool.audit import diagnoses
from sqtool.audit.engine import run_audit
from sqtool.audit.options import AuditOptions, Thresholds
from sqtool.audit.report import OwnerPull, ValueItem, ValueOutput
from tests.audit.builders import Chat


@pytest.fixture(scope="module")
def figures():
    chat = Chat()
    chat.say("a", "hello", at=0)
    chat.say("b", "hi", at=1)
    return run_audit(chat.sorted(), AuditOptions(tz=UTC, members=10)).current


@pytest.mark.parametrize(
    ("score", "status"), [(100, "healthy"), (70, "healthy"), (69, "watch"), (40, "watch"), (39, "act")]
)
def test_status_bands(score, status):
    assert diagnoses.status_of(score) == status


def test_operations_mean_of_parts_minus_missed_targets(figures):
    thresholds = Thresholds(min_weekly_active_share=0.5, max_unanswered_share=0.2, max_first_response_minutes=60)
    response = replace(figures.responsiveness, unanswered_share=0.4, median_first_response_minutes=30.0)
    hygiene = replace(figures.hygiene, violations_per_100=1.0)
    case = replace(figures, responsiveness=response, hygiene=hygiene, weekly_active_share=0.25)
    result = diagnoses.operations(case, thresholds)
    # parts: active 0.25 / 0.5 = 0.5; unanswered 0.2 / 0.4 = 0.5; response 1; hygiene 1 - 1/5 = 0.8
    # 100 * (0.5 + 0.5 + 1 + 0.8) / 4 = 70; two targets missed: 70 - 2 * 15 = 40
    assert (result.score, result.status) == (40, "watch")
    assert [e.ok for e in result.evidence] == [False, False, True, False]


def test_operations_with_nothing_but_hygiene(figures):
    case = replace(
        figures,
        weekly_active_share=None,
        responsiveness=replace(figures.responsiveness, unanswered_share=None, median_first_response_minutes=None),
        hygiene=replace(figures.hygiene, violations_per_100=10.0),
    )
    assert diagnoses.operations(case, Thresholds()).score == 0  # 1 - 10 / 5 is floored at 0


def test_owner_pull_formula(figures):
    owner = OwnerPull(("boss",), messages=10, replied=2, reply_share=0.2, distinct_repliers=3, reach_share=0.1)
    # 50 * min(1, 0.2 / 0.5) + 50 * min(1, 0.1 / 0.2) = 20 + 25 = 45
    assert diagnoses.owner_pull(replace(figures, owner=owner)).score == 45
    silent = OwnerPull(("boss",), 0, 0, None, 0, None)
    assert diagnoses.owner_pull(replace(figures, owner=silent)).status == "act"
    unknown = OwnerPull((), 0, 0, None, 0, None)
    assert diagnoses.owner_pull(replace(figures, owner=unknown)).status == "not_assessed"


def test_value_output_formula(figures):
    items = (
        ValueItem("value_output", 0, "daily", "daily", 28, 21, 0.75),
        ValueItem("value_output", 1, "weekly", "weekly", 4, 4, 1.0),
        ValueItem("rituals", 0, "night", "weekly", 4, 0, 0.0),  # rituals do not count here
    )
    case = replace(figures, value=ValueOutput(items, 25, 6.25))
    result = diagnoses.value_output(case, Thresholds(min_value_posts_per_week=5), has_plan=True)
    # kept (21 + 4) / (28 + 4) = 0.78125; posts min(1, 6.25 / 5) = 1; 50 * 0.78125 + 50 = 89.06 -> 89
    assert (result.score, result.status) == (89, "watch")  # 78% kept misses the 80% target: at best watch
    kept = replace(figures, value=ValueOutput(items[1:], 25, 6.25))
    assert diagnoses.value_output(kept, Thresholds(min_value_posts_per_week=5), has_plan=True).status == "healthy"
    empty = replace(figures, value=ValueOutput((), 0, None))
    assert diagnoses.value_output(empty, Thresholds(), has_plan=True).score == 0
    assert diagnoses.value_output(empty, Thresholds(), has_plan=False).status == "not_assessed"


def test_opinion_leaders_formula(figures):
    leaders = replace(figures.opinion_leaders, needed=5, present=2)
    assert diagnoses.opinion_leaders(replace(figures, opinion_leaders=leaders)).score == 40  # 100 * 2 / 5
    none_needed = replace(figures.opinion_leaders, needed=0, present=0)
    assert diagnoses.opinion_leaders(replace(figures, opinion_leaders=none_needed)).score == 100


def test_every_action_and_label_exists_in_both_languages():
    from sqtool.i18n import catalogue

    texts = catalogue()
    for diagnosis in ("owner_pull", "opinion_leaders", "customers_as_fans", "operations", "value_output"):
        assert f"audit.diagnosis.{diagnosis}" in texts
        for status in ("healthy", "watch", "act", "missing"):
            assert f"audit.action.{diagnosis}.{status}" in texts
    for rule in ("SQ801", "SQ802", "SQ803", "SQ804", "SQ805", "SQ806"):
        assert f"audit.drift.{rule}" in texts and f"rules.{rule}.hint" in texts
