"""Opinion leaders (002 self-check two): members besides the owner whose posts regularly draw answers
from many others and who answer others' questions (who answers whom: audit/threads.py)."""

from __future__ import annotations

import math

from sqtool.audit.aggregate import Aggregate
from sqtool.audit.report import Leader, OpinionLeaders, Period
from sqtool.audit.threads import EVIDENCE

# A leader's posts drew answers from at least this many distinct others, or from 15% of the period's
# posters when that is more (a bigger room needs a wider echo) ...
MIN_RESPONDERS = 3
RESPONDER_SHARE = 0.15
# ... regularly: their messages drew an answer at least this many times as often as the group's
# messages do on average (a heavy poster whose chatter now and then gets one does not qualify) ...
DRAWN_FACTOR = 1.2
# ... and they gave at least this share of the period's answers to questions, and two at least (an
# authority, not only a broadcaster).
MIN_ANSWERS = 2
ANSWER_SHARE = 0.08
CANDIDATES = 5


def responders_by_member(agg: Aggregate, period: Period) -> dict[int, set[int]]:
    """Distinct responders of each member in the period (Aggregate.responders: computed once per period)."""
    return agg.responders(period.first.toordinal(), period.last.toordinal())


def members_needed(base: int | None, kol_per_members: float) -> int | None:
    """ceil(members / kol_per_members): 500 members at one per 100 need 5."""
    if base is None:
        return None
    return math.ceil(base / kol_per_members) if base > 0 else 0


def opinion_leaders(
    agg: Aggregate, period: Period, messages: dict[int, int], base: int | None, kol_per_members: float
) -> OpinionLeaders:
    """The period's opinion leaders, the owners left out (their pull is self-check one)."""
    first, last = period.first.toordinal(), period.last.toordinal()
    posters = sum(1 for count in messages.values() if count > 0)
    bar = max(MIN_RESPONDERS, math.ceil(posters * RESPONDER_SHARE))
    drawn, answers = agg.drawn_by_member(first, last), agg.answers_by_member(first, last)
    ranked = sorted(
        (
            Leader(
                agg.display_name(member),
                len(responders),
                messages.get(member, 0),
                drawn.get(member, 0),
                answers.get(member, 0),
            )
            for member, responders in responders_by_member(agg, period).items()
            if member not in agg.owners
        ),
        key=lambda leader: (-leader.distinct_responders, -leader.messages, leader.name),
    )
    total = sum(messages.values())
    usual = sum(drawn.values()) / total if total else 0.0  # the share of all messages that drew an answer
    needed_answers = max(MIN_ANSWERS, math.ceil(ANSWER_SHARE * sum(answers.values())))
    present = tuple(leader for leader in ranked if is_leader(leader, bar, usual, needed_answers))
    evidence = agg.edge_evidence(first, last)
    return OpinionLeaders(
        needed=members_needed(base, kol_per_members),
        present=len(present),
        min_responders=bar,
        evidence=tuple((name, evidence.get(code, 0)) for code, name in enumerate(EVIDENCE)),
        leaders=present,
        candidates=tuple(leader for leader in ranked if leader not in present)[:CANDIDATES],
    )


def is_leader(leader: Leader, bar: int, usual: float, needed_answers: int) -> bool:
    """Many distinct responders, answers drawn more often than the group's usual share, others'
    questions answered."""
    return (
        leader.distinct_responders >= bar
        and leader.messages > 0
        and leader.drawn >= DRAWN_FACTOR * usual * leader.messages
        and leader.answers >= needed_answers
    )
