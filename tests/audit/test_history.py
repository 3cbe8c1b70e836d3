"""Audit history per group: saved by group and period, a period saved again replaces the old one,
one group shown (or every group listed, or one period deleted), format-1 databases migrated in place."""

import json
import shutil
import sqlite3
from dataclasses import asdict, fields
from datetime import UTC, datetime, timedelta

import pytest

from sqtool.audit.engine import run_audit
from sqtool.audit.history import (
    DIAGNOSES,
    LEGACY_GROUP,
    Group,
    SavedFigures,
    default_history_path,
    delete_period,
    group_of,
    list_groups,
    load_history,
    plan_group,
    save_figures,
    save_summary,
)
from sqtool.audit.options import AuditOptions
from sqtool.errors import SqtoolError
from tests.audit.builders import START, Chat
from tests.conftest import FIXTURES, REPO, run_sqtool

CLUB = Group("plan:Club:plan.yaml", "Club (plan.yaml)")
FORMAT_1 = FIXTURES / "history" / "format-1.sqlite"  # saved by sqtool before histories were per group
FORMAT_2 = (
    FIXTURES / "history" / "format-2.sqlite"
)  # saved by sqtool 2026-12-06, before HistoryEntry extended SavedFigures


def small_report(messages: int, week: int = 0):
    """``messages`` messages by three people over one day, ``week`` weeks after START."""
    chat = Chat(START + timedelta(weeks=week))
    for n in range(messages):
        chat.say(f"m{n % 3}", "hello", at=n)
    return run_audit(chat.sorted(), AuditOptions(tz=UTC, members=20))


def test_round_trip_keeps_every_figure(tmp_path):
    path = tmp_path / "deep" / "history.sqlite"
    first = save_summary(path, small_report(6), CLUB, saved_at=datetime(2026, 5, 1, tzinfo=UTC))
    second = save_summary(path, small_report(9, week=1), CLUB, saved_at=datetime(2026, 6, 1, tzinfo=UTC))
    assert (first.id, second.id, first.replaced, second.replaced) == (1, 2, 0, 0)
    assert second.period == "2026-03-09..2026-03-09"
    entries = load_history(path, CLUB.key)
    assert [e.messages for e in entries] == [6, 9]
    assert entries[0].saved_at == "2026-05-01T00:00:00+00:00"
    assert entries[1].members == 20 and entries[1].senders == 3
    assert entries[1].lurker_share == pytest.approx(17 / 20)
    assert entries[1].score("owner_pull") is None  # no owner known: not assessed
    assert entries[0].scores[0][0] == "owner_pull"
    assert entries[1].group == CLUB and entries[1].period == "2026-03-09..2026-03-09"


def test_saving_a_period_again_replaces_it(tmp_path):
    path = tmp_path / "h.sqlite"
    save_summary(path, small_report(6), CLUB)
    again = save_summary(path, small_report(12), CLUB)  # same day: same period
    assert again.replaced == 1
    assert [e.messages for e in load_history(path, CLUB.key)] == [12]
    other = Group("plan:Other:other.yaml", "Other (other.yaml)")
    assert save_summary(path, small_report(3), other).replaced == 0  # another group's period is its own
    assert [e.messages for e in load_history(path, CLUB.key)] == [12]


def test_entries_are_ordered_by_period_not_by_saving(tmp_path):
    path = tmp_path / "h.sqlite"
    save_summary(path, small_report(5, week=2), CLUB, saved_at=datetime(2026, 1, 1, tzinfo=UTC))
    save_summary(path, small_report(4, week=0), CLUB, saved_at=datetime(2026, 2, 1, tzinfo=UTC))
    assert [e.period_first for e in load_history(path, CLUB.key)] == ["2026-03-02", "2026-03-16"]
    assert delete_period(path, CLUB.key, "2026-03-02", "2026-03-02") == 1
    assert [e.messages for e in load_history(path, CLUB.key)] == [5]


def test_the_group_key_of_an_audit():
    """The plan's community name and file; else the export's group; else the export path, resolved."""
    assert plan_group("私域增长研习社", "some/folder/plan.yaml") == Group(
        "plan:私域增长研习社:plan.yaml", "私域增长研习社 (plan.yaml)"
    )
    assert plan_group(None, "a/plan.yaml").label == "plan.yaml"
    by_export = group_of(community_name=None, plan_path=None, export_group="读书会 (42)", exports=("x.json",))
    assert by_export == Group("export:读书会 (42)", "读书会 (42)")
    by_path = group_of(community_name=None, plan_path=None, export_group=None, exports=("./a/chat.txt",))
    assert by_path.key.startswith("path:/") and by_path.key.endswith("/a/chat.txt") and by_path.label == "chat.txt"
    assert group_of(community_name=None, plan_path=None, export_group=None, exports=("a/chat.txt",)) == by_path


def test_default_path_is_beside_the_plan(tmp_path):
    assert default_history_path(str(tmp_path / "plans" / "a.yaml")) == tmp_path / "plans" / ".sqtool" / "history.sqlite"
    assert str(default_history_path(None)) == ".sqtool/history.sqlite"
    assert str(default_history_path("-")) == ".sqtool/history.sqlite"


def test_missing_and_foreign_files_are_clear_errors(tmp_path):
    with pytest.raises(SqtoolError) as caught:
        load_history(tmp_path / "none.sqlite")
    assert caught.value.key == "audit.history_missing"
    junk = tmp_path / "junk.sqlite"
    junk.write_text("this is not a database", "utf-8")
    with pytest.raises(SqtoolError) as caught:
        load_history(junk)
    assert caught.value.key == "audit.history_bad"
    newer = tmp_path / "newer.sqlite"
    connection = sqlite3.connect(newer)
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    with pytest.raises(SqtoolError) as caught:
        load_history(newer)
    assert caught.value.key == "audit.history_newer"


def format_1_beside_its_plan(tmp_path):
    """The format-1 fixture where sqtool kept it: .sqtool/history.sqlite beside examples/plan.yaml."""
    folder = tmp_path / "club"
    (folder / ".sqtool").mkdir(parents=True)
    shutil.copyfile(REPO / "examples" / "plan.yaml", folder / "plan.yaml")
    shutil.copyfile(FORMAT_1, folder / ".sqtool" / "history.sqlite")
    return folder


def test_a_format_1_database_is_migrated_in_place(tmp_path):
    """The fixture was written by sqtool before this change: three audits with examples/plan.yaml (July
    saved twice) and one without a plan. Migrated, the plan's audits join its group (community name
    read from the plan beside the database) and the planless one the legacy group; nothing is lost."""
    folder = format_1_beside_its_plan(tmp_path)
    path = folder / ".sqtool" / "history.sqlite"
    groups = list_groups(path)
    assert [(g.group.label, g.audits, g.first, g.last) for g in groups] == [
        ("", 1, "2026-08-01", "2026-08-31"),
        ("私域增长研习社 (plan.yaml)", 2, "2026-06-01", "2026-07-31"),  # July once: the later save
    ]
    assert groups[0].group.key == LEGACY_GROUP
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 2
    assert connection.execute("SELECT count(*) FROM audits").fetchone()[0] == 4  # migrated, none dropped
    connection.close()
    club = plan_group("私域增长研习社", "plan.yaml")
    assert [e.messages for e in load_history(path, club.key)] == [2281, 2332]
    # a new save of July replaces both July rows of the old format
    report = small_report(3)
    assert save_summary(path, report, club).replaced == 0  # March: new
    assert [e.period_first for e in load_history(path, club.key)] == ["2026-03-02", "2026-06-01", "2026-07-01"]


def test_a_format_1_database_without_its_plan_keeps_the_file_name(tmp_path):
    path = tmp_path / "history.sqlite"
    shutil.copyfile(FORMAT_1, path)
    labels = [g.group.label for g in list_groups(path)]
    assert labels == ["", "plan.yaml"]


def test_history_finds_the_database_beside_the_plan(tmp_path):
    plan = tmp_path / "plan.yaml"
    shutil.copyfile(REPO / "examples" / "plan.yaml", plan)
    save_summary(default_history_path(str(plan)), small_report(4), plan_group("私域增长研习社", str(plan)))
    result = run_sqtool("history", "--plan", str(plan), "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["audits"][0]["messages"] == 4
    assert document["group"] == {"key": "plan:私域增长研习社:plan.yaml", "label": "私域增长研习社 (plan.yaml)"}


def test_an_empty_history_says_how_to_fill_it(cli, tmp_path):
    path = tmp_path / "empty.sqlite"
    sqlite3.connect(path).close()
    result = cli("history", "--history", str(path))
    assert result.exit_code == 0 and "Saved audits: 0" in result.stdout and "--save" in result.stdout


def figures_only(entry):
    """The SavedFigures part of a history entry, as a dict."""
    return {item.name: getattr(entry, item.name) for item in fields(SavedFigures)}


def test_an_entry_read_back_is_the_figures_saved(tmp_path):
    """HistoryEntry extends SavedFigures: what save_figures stored comes back field for field, and
    a figure added to SavedFigures cannot be forgotten by the history."""
    saved = SavedFigures(
        plan=None,
        period_first="2026-06-01",
        period_last="2026-06-30",
        messages=12,
        senders=5,
        members=None,
        lurker_share=None,
        gini=0.4,
        weekly_active_share=0.5,
        leaders_present=1,
        leaders_needed=2,
        median_first_response_minutes=None,
        unanswered_share=0.25,
        scores=(
            ("owner_pull", 7),
            ("opinion_leaders", None),
            ("customers_as_fans", 1),
            ("operations", 0),
            ("value_output", 99),
        ),
    )
    path = tmp_path / "h.sqlite"
    save_figures(path, [(CLUB, saved)], saved_at=datetime(2026, 7, 1, tzinfo=UTC))
    (entry,) = load_history(path, CLUB.key)
    assert isinstance(entry, SavedFigures)
    assert figures_only(entry) == asdict(saved)
    assert (entry.id, entry.saved_at, entry.group) == (1, "2026-07-01T00:00:00+00:00", CLUB)


def test_a_database_saved_before_the_fold_reads_exactly_as_it_did(tmp_path):
    """format-2.sqlite was written by save_figures before HistoryEntry and SavedFigures were folded
    (every column set, and a row of NULLs); every field reads back as it was saved."""
    path = tmp_path / "h.sqlite"
    shutil.copyfile(FORMAT_2, path)
    entries = load_history(path)
    assert [asdict(entry) for entry in entries] == [
        {
            "id": 1,
            "saved_at": "2026-07-02T08:30:00+00:00",
            "plan": "plan.yaml",
            "period_first": "2026-06-01",
            "period_last": "2026-06-30",
            "messages": 2281,
            "senders": 41,
            "members": 120,
            "lurker_share": 0.658,
            "gini": 0.71,
            "weekly_active_share": 0.22,
            "leaders_present": 2,
            "leaders_needed": 5,
            "median_first_response_minutes": 12.5,
            "unanswered_share": 0.31,
            "scores": (
                ("owner_pull", 3),
                ("opinion_leaders", 2),
                ("customers_as_fans", None),
                ("operations", 4),
                ("value_output", 1),
            ),
            "group": {"key": "plan:Club:plan.yaml", "label": "Club (plan.yaml)"},
        },
        {
            "id": 2,
            "saved_at": "2026-08-03T09:00:00+00:00",
            "plan": None,
            "period_first": "2026-07-01",
            "period_last": "2026-07-31",
            "messages": 17,
            "senders": 4,
            "members": None,
            "lurker_share": None,
            "gini": 0.25,
            "weekly_active_share": None,
            "leaders_present": 0,
            "leaders_needed": None,
            "median_first_response_minutes": None,
            "unanswered_share": None,
            "scores": tuple((name, None) for name in DIAGNOSES),
            "group": {"key": "export:读书会", "label": "读书会"},
        },
    ]
    assert [asdict(entry) for entry in load_history(path, last=1)] == [asdict(entries[1])]


def test_a_migrated_format_1_database_reads_every_field_as_before(tmp_path):
    """The format-1 fixture's planless audit, migrated, field for field as sqtool read it before the fold."""
    folder = format_1_beside_its_plan(tmp_path)
    entry = load_history(folder / ".sqtool" / "history.sqlite", LEGACY_GROUP)[0]
    assert asdict(entry) == {
        "id": 4,
        "saved_at": "2026-12-06T11:21:24+00:00",
        "plan": None,
        "period_first": "2026-08-01",
        "period_last": "2026-08-31",
        "messages": 2034,
        "senders": 94,
        "members": None,
        "lurker_share": None,
        "gini": 0.7500366116445951,
        "weekly_active_share": None,
        "leaders_present": 3,
        "leaders_needed": 1,
        "median_first_response_minutes": 50.0,
        "unanswered_share": 0.3826086956521739,
        "scores": (
            ("owner_pull", None),
            ("opinion_leaders", 100),
            ("customers_as_fans", None),
            ("operations", 67),
            ("value_output", None),
        ),
        "group": {"key": LEGACY_GROUP, "label": ""},
    }
