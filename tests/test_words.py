"""The words of the interface as a careful person writes them, in English and Chinese (issue 16):
platforms by their names, weekdays as people say them, zero counts as "nobody", drift findings that
name the figure in words with its key in brackets, and Chinese punctuation in Chinese lists."""

from __future__ import annotations

import pytest

from tests.conftest import REPO

DEMO = str(REPO / "examples" / "demo-wechat.csv")
PLAN = str(REPO / "examples" / "plan.yaml")

WORDS = {
    "en": {
        "weekday": "every Saturday 10:00",
        "platform": "Example community: 早安英语百日营 (WeChat)",
        "figure": "weekly active share (min_weekly_active_share): the plan sets 25%",
        "size": "the plan's target size (target_size) is 500",
        "nobody": "opinion leader 苏苏: 1 message and nobody responded",
        "people": "老王 (76), 阿杰 (43)",
        "read": "(WeChat)",
    },
    "zh": {
        "weekday": "每周六 10:00",
        "platform": "示例社群：早安英语百日营（微信群）",
        "figure": "周活跃成员占比（min_weekly_active_share）：计划设定",
        "size": "计划的目标规模（target_size）为 500",
        "nobody": "意见领袖「苏苏」发言 1 条，没有人回应",
        "people": "老王（76）、阿杰（43）",
        "read": "（微信群）",
    },
}


@pytest.fixture(scope="module")
def audits():
    """The demo audit against its plan, once per language (wide enough that no finding wraps)."""
    from typer.testing import CliRunner

    from sqtool.cli import app

    runner = CliRunner()
    env = {"LANG": "en_US.UTF-8", "LC_ALL": "", "NO_COLOR": "", "COLUMNS": "200"}
    return {
        lang: runner.invoke(app, ["--lang", lang, "audit", DEMO, "--plan", PLAN], env=env).stdout
        for lang in ("en", "zh")
    }


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_playbook_rhythm_says_weekdays_as_people_do(cli, lang):
    out = cli("--lang", lang, "playbooks", "check-in").stdout
    assert WORDS[lang]["weekday"] in out and WORDS[lang]["platform"] in out
    assert "周 周六" not in out and "weekly Saturday" not in out and "wechat" not in out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_drift_names_the_figure_in_words_with_its_key(audits, lang):
    out = audits[lang]
    assert WORDS[lang]["figure"] in out and WORDS[lang]["size"] in out
    assert "threshold min_" not in out and "指标 min_" not in out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_zero_counts_read_naturally(audits, lang):
    out = audits[lang]
    assert WORDS[lang]["nobody"] in out
    assert "drew 0 distinct" not in out and "只有 0 位" not in out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_lists_and_platform_in_the_languages_punctuation(audits, lang):
    out = audits[lang]
    assert WORDS[lang]["people"] in out and WORDS[lang]["read"] in out
    if lang == "zh":
        assert "wechat）" not in out and "(76)" not in out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_platform_named_in_the_wizards_capacity_message(cli, tmp_path, lang):
    result = cli(
        "--lang", lang, "init", str(tmp_path / "p.yaml"), "-p", "retail", "-y", "--set", "members.target_size=900"
    )
    assert result.exit_code == 2
    wanted = "900 members do not fit in one WeChat group" if lang == "en" else "900 人超出了一个微信群的容量"
    assert wanted in result.stderr and "wechat群" not in result.stderr
