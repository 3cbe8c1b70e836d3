"""Member lists to act on, against a chat whose answers are counted by hand: who never posted, who went
silent, which joiners never spoke, which question nobody answered; and the lists in every format."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date

import jsonschema

from sqtool.audit.engine import run_audit
from sqtool.audit.options import AuditOptions
from sqtool.audit.roster import Roster, RosterMember
from sqtool.chat.model import EventKind
from sqtool.i18n import Translator
from sqtool.render.audit import render_report
from sqtool.render.audit_json import report_to_json
from sqtool.render.lists_csv import lists_csv_files
from sqtool.resources import schema_path
from tests.audit.builders import Chat

DAY = 24 * 60


def hand_counted_chat() -> Chat:
    """Seventy days (2026-03-02 to 2026-05-10). By hand:
    - never posted: carol (on the roster, no message at all); gone: dave left, so he is not listed;
    - gone silent (nothing in the last 30 days, 2026-04-11 on): alice (3 messages, last 2026-03-04);
    - joined but never posted: erin (joined day 50); frank joined day 52 and posted, so not listed;
    - unanswered: bob's question on day 60 at 10:00 (nobody writes after it within the cutoff);
      alice's question on day 1 was answered by bob three minutes later."""
    chat = Chat()
    chat.say("alice", "How do I export the chat history?", at=1 * DAY)
    chat.say("bob", "Menu, then export: it takes a minute", at=1 * DAY + 3)
    chat.say("alice", "thanks a lot, that worked", at=1 * DAY + 10)
    chat.say("alice", "see you all at the meetup", at=2 * DAY)
    chat.event(EventKind.LEAVE, "dave", at=3 * DAY)
    chat.say("bob", "weekly notes are up", at=20 * DAY)
    chat.event(EventKind.JOIN, "erin", at=50 * DAY)
    chat.event(EventKind.JOIN, "frank", at=52 * DAY)
    chat.say("frank", "hello everyone, glad to be here", at=52 * DAY + 5)
    chat.say("bob", "Does anyone have the slides from Tuesday's talk about pricing?", at=60 * DAY + 60)
    chat.say("bob", "last call for the meetup", at=69 * DAY)
    return chat


ROSTER = Roster(
    "roster.csv",
    tuple(RosterMember(name, name, None, frozenset()) for name in ("alice", "bob", "carol", "dave")),
)


def _report():  # type: ignore[no-untyped-def]
    return run_audit(hand_counted_chat().sorted(), AuditOptions(tz=UTC, roster=ROSTER, tables=True))


def test_lists_match_the_hand_count() -> None:
    lists = _report().lists
    assert lists is not None
    assert [m.name for m in lists.never_posted] == ["carol"]
    assert lists.never_posted_base == "roster"
    assert [(m.name, m.messages, m.last_day) for m in lists.gone_silent] == [("alice", 3, date(2026, 3, 4))]
    assert [m.name for m in lists.joiners_silent] == ["erin"]
    assert lists.joiners_silent[0].joined is not None and lists.joiners_silent[0].joined.date() == date(2026, 4, 21)
    assert [(q.asker, q.asked.strftime("%Y-%m-%d %H:%M")) for q in lists.unanswered] == [("bob", "2026-05-01 10:00")]
    # 40 characters at most: 39 of the question and an ellipsis
    assert lists.unanswered[0].opening == "Does anyone have the slides from Tuesda…"
    assert len(lists.unanswered[0].opening) == 40


def test_without_a_roster_nobody_can_be_listed_as_never_posted() -> None:
    report = run_audit(hand_counted_chat().sorted(), AuditOptions(tz=UTC))
    assert report.lists is not None and report.lists.never_posted_base is None
    text = render_report(report, "text", "en", color=False)
    assert "Never posted (–) Give --roster" in text


def test_lists_csv_has_a_bom_and_every_row() -> None:
    """Excel opens UTF-8 only with a BOM; every list is a file even when empty."""
    lists = _report().lists
    assert lists is not None
    files = lists_csv_files(lists)
    assert sorted(files) == sorted(
        f"lists-{n}.csv" for n in ("never_posted", "gone_silent", "joiners_silent", "unanswered", "leader_candidates")
    )
    assert all(text.startswith("\ufeff") for text in files.values())
    rows = list(csv.DictReader(io.StringIO(files["lists-gone_silent.csv"].lstrip("\ufeff"))))
    assert rows == [{"id": "alice", "name": "alice", "messages": "3", "last_post": "2026-03-04", "joined": ""}]
    unanswered = list(csv.DictReader(io.StringIO(files["lists-unanswered.csv"].lstrip("\ufeff"))))
    assert unanswered[0]["asked"] == "2026-05-01T10:00:00+00:00" and unanswered[0]["asker"] == "bob"


def test_lists_reach_json_markdown_and_html() -> None:
    """Every report format carries the lists; the JSON keys are in the published schema."""
    report = _report()
    document = report_to_json(report)
    jsonschema.validate(document, json.loads(schema_path("audit-report").read_text(encoding="utf-8")))
    assert [m["name"] for m in document["lists"]["never_posted"]] == ["carol"]
    assert document["lists"]["unanswered"][0]["asker"] == "bob"
    markdown = render_report(report, "md", "zh", color=False)
    assert "### 从未发言 (1)" in markdown and "| carol |" in markdown
    html = render_report(report, "html", "en", color=False)
    assert 'id="list-joiners_silent"' in html and "<td>erin</td>" in html
    assert Translator("en")("lists.gone_silent", days=30) in html
