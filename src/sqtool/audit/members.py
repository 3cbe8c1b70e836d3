"""Per-member and per-question rows of a period (for CSV tables and the Python API), from the aggregates."""

from __future__ import annotations

from collections import Counter

from sqtool.audit.aggregate import Aggregate, day_of
from sqtool.audit.report import MemberRow, Period, QuestionRow


def member_rows(agg: Aggregate, period: Period) -> tuple[MemberRow, ...]:
    """Every member of the period: the posters and, with a roster, its members who never posted
    (lurkers); most messages first, ties by name then id."""
    first, last = period.first.toordinal(), period.last.toordinal()
    messages: Counter[int] = Counter()
    active_days: Counter[int] = Counter()
    first_day: dict[int, int] = {}
    last_day: dict[int, int] = {}
    for day in range(first, last + 1):
        for member, count in agg.messages_on(day).items():
            if count:
                messages[member] += count
                active_days[member] += 1
                first_day.setdefault(member, day)
                last_day[member] = day
    asked: Counter[int] = Counter()
    answered: Counter[int] = Counter()
    for question in agg.questions.between(first, last):
        asked[question.asker] += 1
        if question.responder is not None:
            answered[question.responder] += 1
    total = sum(messages.values())
    members = set(messages) | set(agg.roster_members)
    rows = [
        MemberRow(
            id=agg.member_key(member),
            name=agg.display_name(member),
            messages=messages[member],
            message_share=messages[member] / total if total else 0.0,
            active_days=active_days[member],
            first_day=day_of(first_day[member]) if member in first_day else None,
            last_day=day_of(last_day[member]) if member in last_day else None,
            questions_asked=asked[member],
            first_responses=answered[member],
            in_roster=member in agg.roster_members,
            owner=member in agg.owners,
        )
        for member in members
    ]
    return tuple(sorted(rows, key=lambda row: (-row.messages, row.name, row.id)))


def question_rows(agg: Aggregate, period: Period) -> tuple[QuestionRow, ...]:
    """Every question asked in the period, in asking order, with its first response when there is one."""
    first, last = period.first.toordinal(), period.last.toordinal()
    return tuple(
        QuestionRow(
            day=day_of(question.day),
            asker_id=agg.member_key(question.asker),
            asker=agg.display_name(question.asker),
            answered=question.minutes is not None,
            pending=question.pending,
            minutes_to_first_response=question.minutes,
            responder_id=agg.member_key(question.responder) if question.responder is not None else None,
            responder=agg.display_name(question.responder) if question.responder is not None else None,
        )
        for question in agg.questions.between(first, last)
    )
