"""audit/lists.OpenQuestions: the unanswered questions made when read (issue 22's memory target) are the
OpenQuestions a tuple held before, by hand: who asked, when (in the audit's zone), the opening words."""

from __future__ import annotations

import pickle
from datetime import datetime, timedelta, timezone

import pytest

from sqtool.audit.engine import run_audit
from sqtool.audit.lists import OpenQuestions
from sqtool.audit.options import AuditOptions
from sqtool.audit.report import OpenQuestion
from tests.audit.builders import Chat

DAY = 24 * 60
ZONE = timezone(timedelta(hours=8))


def _questions() -> OpenQuestions:
    """Three questions nobody answers (days 1, 2, 3 at 09:00 UTC, 17:00 in the zone) and one answered at once."""
    chat = Chat()
    chat.say("amy", "How do I export the chat history?", at=1 * DAY)
    chat.say("ben", "Does anyone have the slides from Tuesday's talk about pricing?", at=2 * DAY)
    chat.say("amy", "怎么做用户分层？", at=3 * DAY)
    chat.say("amy", "anyone around?", at=4 * DAY)
    chat.say("ben", "yes, here", at=4 * DAY + 1)
    chat.say("cat", "closing note", at=9 * DAY)
    lists = run_audit(chat.sorted(), AuditOptions(tz=ZONE)).lists
    assert lists is not None and isinstance(lists.unanswered, OpenQuestions)
    return lists.unanswered


def test_the_questions_as_counted_by_hand() -> None:
    """Three unanswered, in asking order, times in the audit's zone, openings cut at 40 characters."""
    questions = _questions()
    expected = (
        OpenQuestion(datetime(2026, 3, 3, 17, 0, tzinfo=ZONE), "amy", "amy", "How do I export the chat history?"),
        OpenQuestion(
            datetime(2026, 3, 4, 17, 0, tzinfo=ZONE), "ben", "ben", "Does anyone have the slides from Tuesda…"
        ),
        OpenQuestion(datetime(2026, 3, 5, 17, 0, tzinfo=ZONE), "amy", "amy", "怎么做用户分层？"),
    )
    assert len(questions) == 3
    assert questions == expected and expected == questions
    assert tuple(questions) == expected
    assert questions[0] == expected[0] and questions[-1] == expected[-1]
    assert questions[1:] == expected[1:] and questions[::-1] == expected[::-1]
    assert questions[0].asked.utcoffset() == timedelta(hours=8)
    with pytest.raises(IndexError):
        questions[3]
    assert hash(questions) == hash(expected)
    assert pickle.loads(pickle.dumps(questions)) == expected  # portfolio workers hand reports back pickled
