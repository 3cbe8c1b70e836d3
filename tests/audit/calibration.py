"""The truth of a simulated conversation and what sqtool measures of it, side by side.

Used by benchmarks/calibrate_threads.py (the table in docs/metrics.md) and by
tests/audit/test_threads_calibration.py (the same tolerances at a small, seeded size).
"""

from __future__ import annotations

import statistics
import tempfile
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from sqtool.audit.engine import run_audit
from sqtool.audit.options import AuditOptions
from sqtool.audit.text import is_question
from sqtool.chat.read import read_exports
from tests.audit.builders import FakePlan
from tests.audit.simulator import Conversation, telegram_json, wechat_text, whatsapp_text

CUTOFF_MINUTES = 24 * 60  # the audit's default --response-cutoff

# What the method must hold to, at every share of reply links and on the text exports (issue 14).
UNANSWERED_POINTS = 0.08
MEDIAN_SHARE = 0.25
LEADER_PRECISION = LEADER_RECALL = 0.8


@dataclass(frozen=True, slots=True)
class Figures:
    """The figures the calibration compares."""

    unanswered_share: float
    median_minutes: float
    leaders: frozenset[str]


def truth(conversation: Conversation) -> Figures:
    """The figures from the simulator's own knowledge: every message the audit takes for a question
    (so both sides judge the same questions), answered by its first true answer within the cutoff."""
    messages = conversation.messages
    last = messages[-1].when
    first_answer: dict[int, float] = {}
    for message in messages:
        parent = message.parent
        if parent is not None and parent not in first_answer and messages[parent].sender != message.sender:
            minutes = (message.when - messages[parent].when).total_seconds() / 60
            if minutes <= CUTOFF_MINUTES:
                first_answer[parent] = minutes
    judged = unanswered = 0
    times = []
    for message in messages:
        if message.kind != "text" or not is_question(message.text):
            continue
        if message.seq in first_answer:
            judged += 1
            times.append(first_answer[message.seq])
        elif (last - message.when).total_seconds() / 60 >= CUTOFF_MINUTES:
            judged += 1
            unanswered += 1
    return Figures(
        unanswered / judged,
        statistics.median(times),
        frozenset(conversation.names[member] for member in conversation.leaders),
    )


def measured(conversation: Conversation, export: str, share: float = 0.0) -> Figures:
    """What sqtool's audit finds in one export of the conversation: "telegram" (with ``share`` of the
    answers linked), "whatsapp" or "wechat" (no links)."""
    if export == "telegram":
        text, name = telegram_json(conversation.with_links(share)), "result.json"
    elif export == "whatsapp":
        text, name = whatsapp_text(conversation), "chat.txt"
    else:
        text, name = wechat_text(conversation), "wechat.txt"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(text, encoding="utf-8")
        plan = FakePlan({"roles": {"owner": conversation.names[conversation.owner]}})
        report = run_audit(read_exports([path], tz=UTC), AuditOptions(tz=UTC, plan=plan))
    figures = report.current
    return Figures(
        figures.responsiveness.unanswered_share or 0.0,
        figures.responsiveness.median_first_response_minutes or 0.0,
        frozenset(leader.name for leader in figures.opinion_leaders.leaders),
    )


def precision_recall(found: frozenset[str], expected: frozenset[str]) -> tuple[float, float]:
    hits = len(found & expected)
    return (hits / len(found) if found else 0.0), (hits / len(expected) if expected else 1.0)
