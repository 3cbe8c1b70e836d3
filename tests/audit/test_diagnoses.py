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


def test_operations_with_nothing_but_hygiene_is_not_assessed(figures):
    """No question and no member count: hygiene alone is not operations, so no score (never 100)."""
    case = replace(
        figures,
        weekly_active_share=None,
        responsiveness=replace(figures.responsiveness, unanswered_share=None, median_first_response_minutes=None),
    )
    result = diagnoses.operations(case, Thresholds())
    assert (result.score, result.status, result.missing) == (None, "not_assessed", ("questions_and_members",))
    assert result.action_key == "audit.action.operations.missing.questions_and_members"
    weekly_only = replace(case, weekly_active_share=0.5)  # one part measured: scored
    assert diagnoses.operations(weekly_only, Thresholds()).status != "not_assessed"


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
    none_planned = diagnoses.value_output(empty, Thresholds(), has_plan=True)
    assert (none_planned.score, none_planned.status, none_planned.missing) == (None, "not_assessed", ("value_outputs",))
    assert diagnoses.value_output(empty, Thresholds(), has_plan=False).missing == ("plan",)
    # value outputs planned but none due in a short period: the posts per week alone (100 * min(1, 2 / 5) = 40)
    not_due = replace(
        figures, value=ValueOutput((ValueItem("value_output", 0, "monthly", "monthly", 0, 0, None),), 2, 2.0)
    )
    assert diagnoses.value_output(not_due, Thresholds(min_value_posts_per_week=5), has_plan=True).score == 40


def test_opinion_leaders_formula(figures):
    leaders = replace(figures.opinion_leaders, needed=5, present=2)
    assert diagnoses.opinion_leaders(replace(figures, opinion_leaders=leaders)).score == 40  # 100 * 2 / 5
    for needed in (0, None):  # no member count: nothing to hold the leaders to, never "100 healthy"
        unknown = replace(figures.opinion_leaders, needed=needed, present=0)
        result = diagnoses.opinion_leaders(replace(figures, opinion_leaders=unknown))
        assert (result.score, result.status, result.missing) == (None, "not_assessed", ("members",))
    # watch with nobody below the bar: the advice cannot be "invite the candidates listed below"
    alone = replace(figures.opinion_leaders, needed=2, present=1, candidates=())
    result = diagnoses.opinion_leaders(replace(figures, opinion_leaders=alone))
    assert (result.status, result.action_key) == ("watch", "audit.action.opinion_leaders.act")
    nobody = replace(figures.opinion_leaders, needed=2, present=0, leaders=(), candidates=())
    result = diagnoses.opinion_leaders(replace(figures, opinion_leaders=nobody))
    assert (result.status, result.missing) == ("not_assessed", ("replies",))


def test_every_action_and_label_exists_in_both_languages():
    from sqtool.i18n import catalogue

    texts = catalogue()
    for diagnosis in ("owner_pull", "opinion_leaders", "customers_as_fans", "operations", "value_output"):
        assert f"audit.diagnosis.{diagnosis}" in texts
        for status in ("healthy", "watch", "act"):
            assert f"audit.action.{diagnosis}.{status}" in texts
    for diagnosis, missing in (("owner_pull", "owner"), ("opinion_leaders", "members"), ("opinion_leaders", "replies"),
                               ("customers_as_fans", "customer_tags"), ("customers_as_fans", "non_customers"),
                               ("operations", "questions_and_members"), ("value_output", "plan"),
                               ("value_output", "value_outputs")):  # fmt: skip
        assert missing in diagnoses.MISSING
        assert texts[f"audit.action.{diagnosis}.missing.{missing}"]["zh"].startswith("未评估")
    assert "audit.action.customers_as_fans.conduct" in texts
    for rule in ("SQ801", "SQ802", "SQ803", "SQ804", "SQ805", "SQ806"):
        assert f"audit.drift.{rule}" in texts and f"rules.{rule}.hint" in texts


def roster_figures(tmp_path, rows):
    """An audit of three posters (two of them customers) with the roster ``rows`` (name,tags)."""
    from sqtool.audit.roster import load_roster

    roster = tmp_path / "roster.csv"
    roster.write_text("name,tags\n" + "\n".join(rows) + "\n", "utf-8")
    chat = Chat()
    chat.say("cust1", "我们店铺下周上新，大家看看", at=0)
    chat.say("cust2", "加我微信领优惠券", at=1)  # an ad: a broken rule
    chat.say("cust1", "顺便问下群里有人用过吗", at=2)
    chat.say("fan", "好的", at=3)
    return run_audit(chat.sorted(), AuditOptions(tz=UTC, roster=load_roster(str(roster)))).diagnoses[2]


def test_customers_who_post_more_are_not_told_they_speak_less(tmp_path):
    """Customers post more than the others (2 of 2 against 1 of 3), one broke a rule: the advice is
    about the rule, never "customers speak less"."""
    fans = roster_figures(tmp_path, ["cust1,customer", "cust2,customer", "fan,", "quiet1,", "quiet2,"])
    shares = {e.key: e.value for e in fans.evidence}
    assert shares["customer_posting_share"] == 1.0 and shares["others_posting_share"] == pytest.approx(1 / 3)
    assert (fans.score, fans.status) == (90, "watch")  # 100 - 10 for the one customer who posted an ad
    assert fans.action_key == "audit.action.customers_as_fans.conduct"


def test_a_roster_of_customers_only_is_not_assessed(tmp_path):
    fans = roster_figures(tmp_path, ["cust1,customer", "cust2,customer", "fan,customer"])
    assert (fans.score, fans.status, fans.missing) == (None, "not_assessed", ("non_customers",))
