"""Small exports whose every figure was worked out by hand (arithmetic in the comments)."""

from datetime import UTC, date, timedelta

import pytest

from sqtool.audit import threads
from sqtool.audit.engine import run_audit
from sqtool.audit.options import AuditOptions
from sqtool.audit.roster import Roster, RosterMember
from sqtool.chat.model import EventKind
from sqtool.errors import SqtoolError
from tests.audit.builders import Chat, FakePlan

DAY = 24 * 60


def test_participation_of_three_posters_in_ten_members():
    chat = Chat()
    for minute in range(5):
        chat.say("alice", "hello", at=minute)
    for minute in range(3):
        chat.say("bob", "hi", at=10 + minute)
    chat.say("carol", "yo", at=20)
    chat.say("carol", "yo", at=21)
    report = run_audit(chat.sorted(), AuditOptions(members=10, tz=UTC))
    figures = report.current
    assert (figures.summary.messages, figures.summary.senders, figures.summary.members) == (10, 3, 10)
    assert figures.summary.members_source == "option"
    assert figures.participation.lurker_share == 0.7
    assert figures.participation.gini == pytest.approx(0.76)  # see test_tiers
    assert [t.message_share for t in figures.participation.tiers] == [0.5, 0.0, 0.5]
    assert figures.summary.first == chat.at(0) and figures.summary.last == chat.at(21)
    assert report.previous is None  # nothing before the first record


def test_response_times_by_turn_taking_without_links():
    chat = Chat()
    chat.say("alice", "how do I export?", at=0)
    chat.say("alice", "anyone?", at=1)
    chat.say("bob", "use the menu", at=13)  # the line after a question, within 15 minutes: answers both, 13 and 12
    chat.say("carol", "什么时候开始呢", at=20)  # nobody else speaks within a day: unanswered
    chat.say("dave", "hi", at=20 + DAY + 60)
    chat.say("erin", "请问在哪里？", at=20 + DAY + 70)  # open at the end, 10 minutes before it: pending
    chat.say("erin", "thanks", at=20 + DAY + 80)
    report = run_audit(chat.sorted(), AuditOptions(tz=UTC))
    response = report.current.responsiveness
    assert (response.questions, response.answered, response.unanswered, response.pending) == (4, 2, 1, 1)
    assert response.unanswered_share == pytest.approx(1 / 3)  # 1 of 3 judged
    assert response.median_first_response_minutes == 12.5  # median of 12 and 13
    assert response.p90_first_response_minutes == 13  # nearest rank: ceil(0.9 * 2) = 2nd of [12, 13]
    assert response.within_target_share == pytest.approx(2 / 3)  # both answers within 60 of 3 judged
    assert [(r.name, r.count) for r in response.responders] == [("bob", 2)]
    assert dict(response.evidence) == {"link": 0, "mention": 0, "thread": 0, "turn": 2}


def test_response_cutoff_is_configurable():
    chat = Chat()
    chat.say("alice", "why?", at=0)
    chat.say("bob", "@alice because", at=90, mentions=("alice",))
    chat.say("bob", "later", at=300)
    fast = run_audit(chat.sorted(), AuditOptions(tz=UTC, response_cutoff_minutes=60)).current.responsiveness
    assert (fast.answered, fast.unanswered) == (0, 1)
    slow = run_audit(chat.sorted(), AuditOptions(tz=UTC)).current.responsiveness
    assert (slow.answered, slow.median_first_response_minutes) == (1, 90)


def test_with_reply_links_answers_are_replies_or_mentions():
    chat = Chat()
    question = chat.say("alice", "how?", at=0)
    chat.say("bob", "good morning all", at=2)  # a greeting answers nothing
    chat.say("carol", "like this", at=7, reply_to=question)  # 7 minutes
    chat.say("dave", "why?", at=10)
    chat.say("erin", "@dave because", at=30, mentions=("dave",))  # 20 minutes
    chat.say("frank", "ok", at=3 * DAY)
    response = run_audit(chat.sorted(), AuditOptions(tz=UTC)).current.responsiveness
    assert (response.answered, response.unanswered) == (2, 0)
    assert response.median_first_response_minutes == 13.5  # (7 + 20) / 2
    assert {r.name for r in response.responders} == {"carol", "erin"}


def test_membership_joins_leaves_retention_and_first_posts():
    chat = Chat()
    chat.say("owner", "welcome", at=0)  # the window is the messages': it starts with this one
    chat.event(EventKind.JOIN, "u1", at=0)
    chat.event(EventKind.JOIN, "u2", at=0)
    chat.event(EventKind.LEAVE, "u1", at=3 * DAY)  # gone within 7 days
    chat.say("u2", "hello all", at=DAY)  # first post 24 h after joining
    chat.event(EventKind.JOIN, "u3", at=2 * DAY)
    chat.event(EventKind.JOIN, "u4", at=10 * DAY)
    chat.say("u4", "hi", at=10 * DAY + 120)  # first post 2 h after joining
    chat.event(EventKind.REMOVAL, "u3", at=20 * DAY)  # after 18 days: kept at 7, lost at 30
    chat.say("owner", "still here", at=41 * DAY)
    membership = run_audit(chat.sorted(), AuditOptions(tz=UTC)).current.membership
    assert (membership.joins, membership.leaves, membership.removals) == (4, 1, 1)
    # 7 days: all 4 joined at least 7 days before the end; u2, u3, u4 stayed -> 3/4
    assert (membership.retention_7, membership.retention_7_base) == (0.75, 4)
    # 30 days: all 4 joined 30+ days before day 41; u2 and u4 stayed -> 2/4
    assert (membership.retention_30, membership.retention_30_base) == (0.5, 4)
    # u2 and u4 posted of 4 joiners; median of 24 h and 2 h = 13 h
    assert membership.joiners_posting_share == 0.5
    assert membership.median_hours_to_first_post == 13


def test_opinion_leaders_owner_pull_and_needed():
    chat = Chat()
    lead = chat.say("lead", "a useful idea", at=0)
    for minute, who in enumerate(("a", "b", "c"), start=1):
        chat.say(who, "agree", at=minute, reply_to=lead)
    chat.say("d", "@lead great", at=5, mentions=("lead",))  # lead: a, b, c, d = 4 distinct
    minor = chat.say("minor", "me too", at=6)  # the line after d's: answers it (turn)
    chat.say("a", "yes", at=7, reply_to=minor)  # minor: 1 distinct
    for minute, (asker, text) in ((20, ("e", "how?")), (30, ("f", "why?"))):  # lead answers two questions ...
        question = chat.say(asker, text, at=minute)
        answer = chat.say("lead", "like so", at=minute + 1, reply_to=question)
        chat.say(asker, "thanks", at=minute + 2, reply_to=answer)  # ... and each answer drew thanks
    first = chat.say("boss", "today's case", at=60)
    second = chat.say("boss", "and another", at=61)
    chat.say("boss", "third", at=62)
    chat.say("boss", "fourth", at=63)
    chat.say("x", "thanks", at=70, reply_to=first)
    chat.say("y", "thanks", at=71, reply_to=second)
    chat.say("x", "more", at=72, reply_to=second)
    plan = FakePlan({"roles": {"owner": "boss"}})
    report = run_audit(chat.sorted(), AuditOptions(tz=UTC, members=250, plan=plan))
    leaders = report.current.opinion_leaders
    # posters: lead a b c d minor boss x y e f = 11; bar = max(3, ceil(11 * 0.15) = 2) = 3
    assert leaders.min_responders == 3
    # lead: answered by a, b, c, d, e, f; all 3 of their messages drew an answer, against the group's
    # 9 of 20 (3 >= 1.2 * 9/20 * 3 = 1.62); answered 2 questions of others. The owner is never counted.
    assert [(x.name, x.distinct_responders, x.drawn, x.answers) for x in leaders.leaders] == [("lead", 6, 3, 2)]
    assert leaders.needed == 3  # ceil(250 / 100)
    # answer edges: a, b, c -> lead; a -> minor; lead <-> e; lead <-> f; x, y -> boss (x twice: one edge)
    assert dict(leaders.evidence) == {"link": 10, "mention": 1, "thread": 0, "turn": 1}
    owner = report.current.owner
    # 4 owner posts, 2 drew replies; repliers x and y; 10 other posters
    assert (owner.messages, owner.replied, owner.reply_share, owner.distinct_repliers) == (4, 2, 0.5, 2)
    assert owner.reach_share == pytest.approx(2 / 10)
    pull = report.diagnoses[0]
    # 50 * min(1, 0.5 / 0.5) + 50 * min(1, 0.2 / 0.2) = 100
    assert (pull.id, pull.score, pull.status) == ("owner_pull", 100, "healthy")
    needed = report.diagnoses[1]
    assert (needed.score, needed.status) == (33, "act")  # 100 * 1 / 3


def test_window_and_previous_period_from_the_same_pass():
    chat = Chat()
    for day in range(14):  # days 0-6 one message a day, days 7-13 two a day
        chat.say("a", "x", at=day * DAY)
        if day >= 7:
            chat.say("b", "y", at=day * DAY + 5)
    start = chat.at(0).date()
    options = AuditOptions(tz=UTC, since=start + timedelta(days=7), until=start + timedelta(days=13))
    report = run_audit(chat.sorted(), options)
    assert report.current.period.days == 7
    assert (report.current.summary.messages, report.current.summary.senders) == (14, 2)
    assert report.previous is not None
    assert report.previous.period.first == start and report.previous.summary.messages == 7
    assert report.activity.silent_days == 0
    assert report.activity.slope_per_day == 0  # two a day throughout the window
    assert [w.messages for w in report.activity.weekly] == [14]


def test_activity_trend_silent_days_and_heatmap():
    chat = Chat()  # Monday 09:00 UTC
    for day, count in ((0, 1), (1, 2), (3, 4)):  # day 2 is silent
        for n in range(count):
            chat.say(f"m{n}", "x", at=day * DAY + n)
    activity = run_audit(chat.sorted(), AuditOptions(tz=UTC)).activity
    assert [d.messages for d in activity.daily] == [1, 2, 0, 4]
    assert activity.silent_days == 1
    # slope of 1, 2, 0, 4 against 0..3: mean x 1.5, mean y 1.75;
    # sum (x-mx)(y-my) = (-1.5)(-0.75) + (-0.5)(0.25) + (0.5)(-1.75) + (1.5)(2.25) = 3.5; sum (x-mx)^2 = 5
    assert activity.slope_per_day == pytest.approx(0.7)
    assert activity.heatmap[0][9] == 1 and activity.heatmap[1][9] == 2 and activity.heatmap[3][9] == 4


def test_roster_base_exclusion_and_customers():
    chat = Chat()
    chat.say("u1", "hi", at=0)
    chat.say("bot", "automatic notice", at=1)
    chat.say("c1", "hello", at=2)
    chat.say("stranger", "hey", at=3)
    roster = Roster(
        "r.csv",
        (
            RosterMember("u1", None),
            RosterMember("u2", None),
            RosterMember("c1", None, tags=frozenset({"customer"})),
            RosterMember("c2", None, tags=frozenset({"customer"})),
            RosterMember("bot", None, tags=frozenset({"staff"})),
        ),
    )
    report = run_audit(chat.sorted(), AuditOptions(tz=UTC, roster=roster, exclude=frozenset({"tag:staff"})))
    summary = report.current.summary
    # roster u1 u2 c1 c2 (bot excluded) + stranger who posted = 5 members; 3 posters
    assert (summary.members, summary.senders, summary.members_source) == (5, 3, "roster")
    assert report.excluded_records == 1
    fans = report.diagnoses[2]
    # customers posting 1/2; others: 5 - 2 = 3 members, u1 and stranger posted = 2/3;
    # 100 * min(1, 0.5 / 0.6667) = 75
    # 75 would be healthy, but customers post less than the others (a ✗ in the evidence): at best watch
    assert (fans.id, fans.score, fans.status) == ("customers_as_fans", 75, "watch")


def test_customers_not_assessed_without_tags():
    chat = Chat()
    chat.say("a", "x", at=0)
    fans = run_audit(chat.sorted(), AuditOptions(tz=UTC)).diagnoses[2]
    assert (fans.status, fans.score, fans.action_key) == (
        "not_assessed",
        None,
        "audit.action.customers_as_fans.missing.customer_tags",
    )
    assert fans.missing == ("customer_tags",)


def test_hygiene_counts_and_conduct_rules():
    chat = Chat()
    chat.say("spam", "https://shop.example.com", at=0)  # bare link
    chat.say("spam", "加我微信领优惠券", at=1)  # ad
    chat.say("a", "你有病吧", at=2)  # quarrel
    chat.say("b", "这篇讲用户分层的文章写得很清楚，推荐第二节 https://blog.example.com", at=3)  # fine
    plan = FakePlan({"rules": {"conduct": ["no_ads", "no_bare_links", "stay_on_topic"]}})
    hygiene = run_audit(chat.sorted(), AuditOptions(tz=UTC, plan=plan)).current.hygiene
    assert (hygiene.links, hygiene.bare_links, hygiene.ads, hygiene.quarrels) == (2, 1, 1, 1)
    assert hygiene.violations_per_100 == 75  # 3 of 4 messages
    assert [(c.rule, c.violations) for c in hygiene.conduct] == [
        ("no_ads", 1),
        ("no_bare_links", 1),
        ("stay_on_topic", None),
    ]
    assert hygiene.offenders[0].name == "spam" and hygiene.offenders[0].count == 2


def test_timezone_moves_messages_across_days():
    chat = Chat()
    chat.say("a", "late", at=15 * 60 + 30)  # 00:30 UTC next day... start is 09:00 UTC, +15.5 h
    from zoneinfo import ZoneInfo

    utc = run_audit(chat.sorted(), AuditOptions(tz=UTC)).current.period.first
    shanghai = run_audit(chat.sorted(), AuditOptions(tz=ZoneInfo("Asia/Shanghai"))).current.period.first
    assert utc == date(2026, 3, 3) and shanghai == date(2026, 3, 3)
    plan = FakePlan({"community": {"timezone": "America/Los_Angeles"}})
    assert run_audit(chat.sorted(), AuditOptions(plan=plan)).current.period.first == date(2026, 3, 2)


def test_empty_and_out_of_window_exports_are_clear_errors():
    with pytest.raises(SqtoolError) as caught:
        run_audit([], AuditOptions())
    assert caught.value.key == "audit.no_messages"
    chat = Chat()
    chat.event(EventKind.JOIN, "a", at=0)
    with pytest.raises(SqtoolError) as caught:
        run_audit(chat.sorted(), AuditOptions())
    assert caught.value.key == "audit.no_messages"
    chat.say("a", "x", at=1)
    with pytest.raises(SqtoolError) as caught:
        run_audit(chat.sorted(), AuditOptions(tz=UTC, since=date(2030, 1, 1)))
    assert caught.value.key == "audit.since_after_end"  # not a window "ending" on an --until nobody gave
    assert caught.value.args_for_message["last"] == "2026-03-02"
    with pytest.raises(SqtoolError) as caught:
        run_audit(chat.sorted(), AuditOptions(tz=UTC, until=date(2020, 1, 1)))
    assert caught.value.key == "audit.until_before_start"
    with pytest.raises(SqtoolError) as caught:
        run_audit(chat.sorted(), AuditOptions(tz=UTC, since=date(2026, 3, 5), until=date(2026, 3, 1)))
    assert caught.value.key == "audit.bad_window"
    with pytest.raises(SqtoolError) as caught:
        run_audit(chat.sorted(), AuditOptions(tz=UTC, since=date(2020, 1, 1), until=date(2020, 2, 1)))
    assert caught.value.key == "audit.empty_window"
    assert caught.value.args_for_message["first"] == "2026-03-02"


def test_one_person_export():
    chat = Chat()
    chat.say("solo", "anyone?", at=0)
    report = run_audit(chat.sorted(), AuditOptions(tz=UTC))
    p = report.current.participation
    assert (p.members, p.gini, p.writers_50, p.lurker_share) == (1, 0.0, 1, None)
    assert report.current.responsiveness.pending == 1
    assert any(note.key == "audit.note.lurkers_unknown" for note in report.notes)


def test_reply_links_resolve_through_a_bounded_window_of_recent_ids(monkeypatch):
    monkeypatch.setattr(threads, "RECENT_IDS", 3)
    chat = Chat()
    old = chat.say("lead", "first idea", at=0)
    for minute in range(1, 4):
        chat.say("filler", "👍", at=minute)  # pushes `old` out of the last 3 ids (and answers nothing)
    recent = chat.say("lead", "second idea", at=5)
    chat.say("a", "reply to the old one", at=6, reply_to=old)
    chat.say("b", "reply to the recent one", at=7, reply_to=recent)
    report = run_audit(chat.sorted(), AuditOptions(tz=UTC))
    reach = {x.name: x.distinct_responders for x in report.current.opinion_leaders.candidates}
    assert reach == {"lead": 1}  # only b's reply is resolved to its target
