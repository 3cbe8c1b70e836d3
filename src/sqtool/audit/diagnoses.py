"""The five self-diagnoses of article 002, each scored 0-100 from the period's figures.

Scores (documented in docs/metrics.md): 70 or more is healthy, 40-69 watch, under 40 act; a
diagnosis with a missed target is at best watch.
"""

from __future__ import annotations

from dataclasses import replace

from sqtool.audit.aggregate import Aggregate
from sqtool.audit.options import Thresholds
from sqtool.audit.report import Diagnosis, Evidence, Period, PeriodFigures

HEALTHY, WATCH = 70, 40
OWNER_FULL_REPLY_SHARE = 0.5  # half of the owner's posts drawing a reply earns full marks
OWNER_FULL_REACH_SHARE = 0.2  # replies from a fifth of the other posters earns full marks
VIOLATIONS_PER_100_ZERO = 5.0  # five violations per 100 messages scores zero for hygiene
CUSTOMER_PENALTY = 10  # per customer who broke a conduct rule
VALUE_KEPT_TARGET = 0.8
MISSED_THRESHOLD_PENALTY = 15  # operations: a missed target weighs more than its share of the mean


def status_of(score: int) -> str:
    return "healthy" if score >= HEALTHY else "watch" if score >= WATCH else "act"


def _assessed(diagnosis_id: str, score: float, evidence: list[Evidence]) -> Diagnosis:
    value = max(0, min(100, round(score)))
    status = status_of(value)
    if status == "healthy" and any(item.ok is False for item in evidence):
        # a "healthy" label beside a missed target (and its drift warning) reads as a contradiction
        status = "watch"
    return Diagnosis(diagnosis_id, value, status, tuple(evidence), f"audit.action.{diagnosis_id}.{status}")


# what a diagnosis that cannot be measured lacks; each has its own "not assessed" text
# (audit.action.<diagnosis>.missing.<what>) saying what to provide
MISSING = ("owner", "members", "replies", "customer_tags", "non_customers", "questions_and_members", "plan",
           "value_outputs")  # fmt: skip


def _not_assessed(diagnosis_id: str, missing: str, evidence: list[Evidence] | None = None) -> Diagnosis:
    """Nothing to score: no number, the evidence there is, and what is missing."""
    return Diagnosis(
        diagnosis_id,
        None,
        "not_assessed",
        tuple(evidence or ()),
        f"audit.action.{diagnosis_id}.missing.{missing}",
        (missing,),
    )


def _at_least(value: float | None, threshold: float) -> bool | None:
    return None if value is None else value >= threshold


def _at_most(value: float | None, threshold: float) -> bool | None:
    return None if value is None else value <= threshold


def owner_pull(figures: PeriodFigures) -> Diagnosis:
    """50 * min(1, reply_share / 0.5) + 50 * min(1, reach_share / 0.2); 0 when the owner is silent."""
    owner = figures.owner
    if not owner.owners:
        return _not_assessed("owner_pull", "owner")
    evidence = [
        Evidence("owner_messages", owner.messages, None, "count", None),
        Evidence("owner_reply_share", owner.reply_share, OWNER_FULL_REPLY_SHARE, "share",
                 _at_least(owner.reply_share, OWNER_FULL_REPLY_SHARE)),
        Evidence("owner_reach_share", owner.reach_share, OWNER_FULL_REACH_SHARE, "share",
                 _at_least(owner.reach_share, OWNER_FULL_REACH_SHARE)),
    ]  # fmt: skip
    if owner.messages == 0:
        return _assessed("owner_pull", 0, evidence)
    reply_part = min(1.0, (owner.reply_share or 0.0) / OWNER_FULL_REPLY_SHARE)
    reach_part = min(1.0, (owner.reach_share or 0.0) / OWNER_FULL_REACH_SHARE)
    return _assessed("owner_pull", 50 * reply_part + 50 * reach_part, evidence)


def opinion_leaders(figures: PeriodFigures) -> Diagnosis:
    """100 * min(1, present / needed). Not assessed without a member count (nothing is needed) or
    when nobody answered or mentioned anyone in the period (nobody can draw answers)."""
    leaders = figures.opinion_leaders
    needed = leaders.needed
    if not needed:
        return _not_assessed("opinion_leaders", "members")
    evidence = [
        Evidence("leaders_present", leaders.present, needed, "count", leaders.present >= needed),
        Evidence("leaders_min_responders", leaders.min_responders, None, "count", None),
    ]
    if leaders.present == 0 and not leaders.candidates:  # not one member drew an answer or a mention
        return _not_assessed("opinion_leaders", "replies", evidence)
    diagnosis = _assessed("opinion_leaders", 100 * min(1.0, leaders.present / needed), evidence)
    if diagnosis.status == "watch" and not leaders.candidates:  # no candidate to invite: recruit instead
        return replace(diagnosis, action_key="audit.action.opinion_leaders.act")
    return diagnosis


def customers_as_fans(figures: PeriodFigures, agg: Aggregate, period: Period) -> Diagnosis:
    """100 * min(1, customer posting share / other members' posting share) - 10 per customer who broke a rule.

    Needs a roster with ``customer`` tags: without them customers cannot be told from fans."""
    if not agg.customers:
        return _not_assessed("customers_as_fans", "customer_tags")
    first, last = period.first.toordinal(), period.last.toordinal()
    posting = {member for member, count in agg.messages_by_member(first, last).items() if count}
    customers_posting = len(agg.customers & posting)
    customer_share = customers_posting / len(agg.customers)
    others = figures.participation.members - len(agg.customers)
    others_posting = len(posting - agg.customers)
    others_share = others_posting / others if others > 0 else None
    violators = len({member for member, _kind in agg.violations_between(first, last)} & agg.customers)
    evidence = [
        Evidence("customer_posting_share", customer_share, others_share, "share",
                 _at_least(customer_share, others_share) if others_share is not None else None),
        Evidence("others_posting_share", others_share, None, "share", None),
        Evidence("customer_violators", violators, 0, "count", violators == 0),
    ]  # fmt: skip
    if others_share is None:  # every member is a customer: nobody to compare them with
        return _not_assessed("customers_as_fans", "non_customers", evidence)
    ratio = 1.0 if customer_share >= others_share else customer_share / others_share
    diagnosis = _assessed("customers_as_fans", 100 * ratio - CUSTOMER_PENALTY * violators, evidence)
    if ratio >= 1.0 and diagnosis.status != "healthy":
        # customers post at least as much as the others: only broken rules cost points, and the
        # advice says that, not that customers speak less
        return replace(diagnosis, action_key="audit.action.customers_as_fans.conduct")
    return diagnosis


def operations(figures: PeriodFigures, thresholds: Thresholds) -> Diagnosis:
    """100 * mean of the parts that can be measured (weekly active share / its minimum, max unanswered
    share / unanswered share, max first-response minutes / median, 1 - violations per 100 / 5; each
    part capped at 1), minus 15 for each of the first three thresholds that is missed."""
    response = figures.responsiveness
    weekly = figures.weekly_active_share
    unanswered, median = response.unanswered_share, response.median_first_response_minutes
    per_100 = figures.hygiene.violations_per_100
    parts: list[float] = []
    if weekly is not None:
        parts.append(
            min(1.0, weekly / thresholds.min_weekly_active_share) if thresholds.min_weekly_active_share else 1.0
        )
    if unanswered is not None:
        parts.append(
            1.0 if unanswered <= thresholds.max_unanswered_share else thresholds.max_unanswered_share / unanswered
        )
    if median is not None:
        parts.append(
            1.0 if median <= thresholds.max_first_response_minutes else thresholds.max_first_response_minutes / median
        )
    measured = bool(parts)  # hygiene alone does not make operations measurable
    parts.append(max(0.0, 1 - per_100 / VIOLATIONS_PER_100_ZERO))
    evidence = [
        Evidence("weekly_active_share", weekly, thresholds.min_weekly_active_share, "share",
                 _at_least(weekly, thresholds.min_weekly_active_share)),
        Evidence("unanswered_share", unanswered, thresholds.max_unanswered_share, "share",
                 _at_most(unanswered, thresholds.max_unanswered_share)),
        Evidence("median_first_response_minutes", median, thresholds.max_first_response_minutes, "minutes",
                 _at_most(median, thresholds.max_first_response_minutes)),
        Evidence("violations_per_100", per_100, None, "count", per_100 < 1),
    ]  # fmt: skip
    if not measured:
        return _not_assessed("operations", "questions_and_members", evidence)
    missed = sum(1 for item in evidence[:3] if item.ok is False)
    return _assessed("operations", 100 * sum(parts) / len(parts) - MISSED_THRESHOLD_PENALTY * missed, evidence)


def value_output(figures: PeriodFigures, thresholds: Thresholds, has_plan: bool) -> Diagnosis:
    """50 * min(1, held / planned over all value outputs) + 50 * min(1, value posts per week / minimum).

    Without a plan there is nothing to match posts against: not assessed."""
    if not has_plan:
        return _not_assessed("value_output", "plan")
    items = [i for i in figures.value.items if i.section == "value_output" and i.planned]
    per_week = figures.value.value_posts_per_week
    planned = sum(i.planned or 0 for i in items)
    kept = sum(min(i.held, i.planned or 0) for i in items) / planned if planned else None
    evidence = [
        Evidence("value_kept_share", kept, VALUE_KEPT_TARGET, "share", _at_least(kept, VALUE_KEPT_TARGET)),
        Evidence("value_posts_per_week", per_week, thresholds.min_value_posts_per_week, "per_week",
                 _at_least(per_week, thresholds.min_value_posts_per_week)),
    ]  # fmt: skip
    if kept is None and per_week is None:  # the plan lists no value output: nothing to hold posts to
        return _not_assessed("value_output", "value_outputs", evidence)
    posts_part = (
        min(1.0, (per_week or 0.0) / thresholds.min_value_posts_per_week)
        if thresholds.min_value_posts_per_week
        else 1.0
    )
    if kept is None:  # value outputs planned, none due in so short a period: the posts alone
        return _assessed("value_output", 100 * posts_part, evidence)
    return _assessed("value_output", 50 * min(1.0, kept) + 50 * posts_part, evidence)


def diagnose(
    figures: PeriodFigures, agg: Aggregate, thresholds: Thresholds, *, has_plan: bool
) -> tuple[Diagnosis, ...]:
    """All five, in the order of article 002."""
    return (
        owner_pull(figures),
        opinion_leaders(figures),
        customers_as_fans(figures, agg, figures.period),
        operations(figures, thresholds),
        value_output(figures, thresholds, has_plan),
    )
