"""The conversation model holds its calibration (docs/metrics.md, "Calibration") on a small seeded
conversation: at 0%, 30% and 100% reply links and on the text exports, the audit's unanswered share,
median first response and opinion leaders stay within the tolerances of the simulator's truth."""

from __future__ import annotations

import pytest

from tests.audit.calibration import (
    LEADER_PRECISION,
    LEADER_RECALL,
    MEDIAN_SHARE,
    UNANSWERED_POINTS,
    measured,
    precision_recall,
    truth,
)
from tests.audit.simulator import simulate

EXPORTS = [("telegram", 0.0), ("telegram", 0.3), ("telegram", 1.0), ("text", 0.0)]


@pytest.fixture(scope="module", params=["en", "zh"])
def conversation(request):
    return simulate(seed=1, days=28, lang=request.param)


@pytest.mark.parametrize(("export", "share"), EXPORTS)
def test_the_audit_finds_the_truth_whatever_the_reply_links(conversation, export, share):
    expected = truth(conversation)
    name = ("whatsapp" if conversation.lang == "en" else "wechat") if export == "text" else export
    found = measured(conversation, name, share)
    assert abs(found.unanswered_share - expected.unanswered_share) <= UNANSWERED_POINTS
    assert abs(found.median_minutes - expected.median_minutes) <= MEDIAN_SHARE * expected.median_minutes
    precision, recall = precision_recall(found.leaders, expected.leaders)
    assert precision >= LEADER_PRECISION and recall >= LEADER_RECALL


def test_the_simulator_knows_its_leaders(conversation):
    """The truth is not circular: the simulator's leaders are the members it made answer and post."""
    expected = truth(conversation)
    assert len(expected.leaders) == 4 and 0.15 < expected.unanswered_share < 0.45
