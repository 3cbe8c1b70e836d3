"""Options that do not do what was asked say so (issue 16): --exclude matching nobody, --exclude tag:X
without a roster (or with no one tagged), --members below the posters seen."""

from __future__ import annotations

import json

import pytest

from tests.conftest import REPO

DEMO = str(REPO / "examples" / "demo-wechat.csv")

TEXTS = {
    "en": {
        "nobody": "--exclude 'ghost' matched nobody in the export or the roster",
        "no_roster": "--exclude tag:bot needs --roster",
        "untagged": "--exclude tag:bot: no one in the roster has the tag 'bot'",
        "raised": "--members 50 is fewer than the 119 people who posted: counted as 119 members",
    },
    "zh": {
        "nobody": "--exclude 'ghost' 在导出记录和名单里都没有对上任何人",
        "no_roster": "--exclude tag:bot 需要配合 --roster 使用",
        "untagged": "名单里没有人带 'bot' 标签",
        "raised": "--members 50 少于实际发过言的 119 人：已按 119 名成员计算",
    },
}


def audit(cli, lang, *args):
    result = cli("--lang", lang, "audit", DEMO, "--tz", "Asia/Shanghai", *args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_exclude_matching_nobody_warns_and_one_matching_does_not(cli, lang):
    out = audit(cli, lang, "--exclude", "ghost", "--exclude", "陈姐")
    assert TEXTS[lang]["nobody"] in out
    assert "'陈姐'" not in out.split("\n\n")[0]  # 陈姐 posted: excluded without a warning
    assert any(TEXTS[lang]["nobody"] in line for line in out.splitlines()[:6])  # on top, before the diagnoses


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_exclude_tag_without_a_roster_warns(cli, lang):
    assert TEXTS[lang]["no_roster"] in audit(cli, lang, "--exclude", "tag:bot")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_exclude_tag_nobody_has_warns(cli, tmp_path, lang):
    roster = tmp_path / "roster.csv"
    roster.write_text("id,name,tags\nwxid_tvkjratw84mg,陈姐,admin\n", encoding="utf-8")
    assert TEXTS[lang]["untagged"] in audit(cli, lang, "--roster", str(roster), "--exclude", "tag:bot")
    tagged = audit(cli, lang, "--roster", str(roster), "--exclude", "tag:admin")
    assert "tag:admin" not in tagged  # a tag someone has: excluded, no warning


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_members_below_the_posters_says_it_was_raised(cli, lang):
    out = audit(cli, lang, "--members", "50")
    assert TEXTS[lang]["raised"] in out
    assert "--members" not in audit(cli, lang, "--members", "500").split("\n\n")[0]


def test_the_json_report_carries_the_warnings(cli):
    document = json.loads(audit(cli, "en", "--members", "50", "--exclude", "ghost", "-r", "json"))
    notes = " ".join(document["notes"])
    assert "matched nobody" in notes and "counted as 119 members" in notes
