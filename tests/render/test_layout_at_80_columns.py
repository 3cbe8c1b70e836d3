"""Tables and prose at 80 columns, aligned by display width in Chinese."""

from __future__ import annotations

import pytest
from wcwidth import wcswidth

from sqtool.i18n import Translator
from sqtool.rules.registry import all_rules
from sqtool.scaffold.playbooks import list_playbooks
from tests.conftest import CliInvoke

COLUMNS = {"COLUMNS": "80"}
LEVELS = ("错误", "警告", "提示")


def _widest(text: str) -> int:
    return max(wcswidth(line) for line in text.splitlines())


def _level_columns(text: str) -> set[int]:
    """Display column where the level cell starts, on every line that has one."""
    return {
        wcswidth(line[: line.index(level)])
        for line in text.splitlines()
        for level in LEVELS
        if line.startswith("SQ") and level in line
    }


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rules_table_fits_80_columns(cli: CliInvoke, lang: str) -> None:
    result = cli("--lang", lang, "rules", env=COLUMNS)
    assert result.exit_code == 0
    assert _widest(result.stdout) <= 80
    assert all(item.id in result.stdout for item in all_rules())


def test_zh_rules_table_is_aligned_by_display_width(cli: CliInvoke) -> None:
    assert len(_level_columns(cli("--lang", "zh", "rules", env=COLUMNS).stdout)) == 1


def test_zh_statistics_table_is_aligned_by_display_width(cli: CliInvoke, tmp_path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "version: 1\ncommunity:\n  name: 晨读营\n  platform: wechat\nmembers:\n  target_size: 800\n"
        "roles:\n  owner: 林老师\n  admins: []\n  opinion_leaders: [王姐]\n",
        encoding="utf-8",
    )
    result = cli("--lang", "zh", "check", str(plan), "--statistics", "--today", "2026-06-01", env=COLUMNS)
    table = result.stdout.split("各规则的问题数", 1)[1]
    rows = [line for line in table.splitlines() if "SQ" in line]
    assert len(rows) > 3
    assert len({wcswidth(line[: line.index("SQ")]) for line in rows}) == 1
    assert len({wcswidth(line[: line.index(level)]) for line in rows for level in LEVELS if level in line}) == 1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_explain_wraps_prose_at_the_terminal_width(cli: CliInvoke, lang: str) -> None:
    snippets = {Translator(lang)("explain.bad"), Translator(lang)("explain.good")}
    for item in all_rules():
        text = cli("--lang", lang, "explain", item.id, env=COLUMNS).stdout
        prose = [block for block in text.split("\n\n") if block.splitlines()[0] not in snippets]
        assert _widest("\n".join(prose)) <= 80, item.id  # YAML snippets are shown exactly as written


def test_explain_uses_the_room_of_a_wider_terminal(cli: CliInvoke) -> None:
    narrow = cli("explain", "SQ201", env={"COLUMNS": "60"}).stdout
    wide = cli("explain", "SQ201", env={"COLUMNS": "100"}).stdout
    assert _widest(narrow) <= 60 < _widest(wide) <= 100


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_playbooks_table_fits_and_wraps_at_word_boundaries(cli: CliInvoke, lang: str) -> None:
    result = cli("--lang", lang, "playbooks", env=COLUMNS)
    assert result.exit_code == 0
    assert _widest(result.stdout) <= 80
    lines = result.stdout.splitlines()
    for line in lines:
        cells = [cell for cell in line.split("  ") if cell.strip()]
        assert not any(cell.strip()[0] in "、，。）" for cell in cells), line
    words = {word for line in lines for word in line.split()}
    for playbook in list_playbooks():
        if lang == "en":  # an English title is split only between words
            assert set(playbook.title_in("en").split()) <= words, playbook.title_in("en")
