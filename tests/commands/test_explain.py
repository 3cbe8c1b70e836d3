"""`sqtool explain`: translated level, one name per language for the 1-9-90 ratio, no private paths."""

from __future__ import annotations

import json
import re

import pytest

from sqtool.i18n import Translator
from sqtool.messages import rules as rule_messages
from sqtool.messages import scaffold as scaffold_messages
from sqtool.rules.registry import all_rules
from tests.conftest import REPO, CliInvoke


def test_zh_explain_names_the_default_level_in_chinese(cli: CliInvoke) -> None:
    result = cli("--lang", "zh", "explain", "SQ201")
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    assert "默认级别：警告" in first and "warning" not in first


def test_en_explain_keeps_the_english_level(cli: CliInvoke) -> None:
    assert "default severity: warning" in cli("explain", "SQ201").stdout.splitlines()[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_explain_never_points_at_a_folder_users_do_not_have(cli: CliInvoke, lang: str) -> None:
    for item in all_rules():
        text = cli("--lang", lang, "explain", item.id).stdout
        assert "shared/" not in text and "seeds" not in text, item.id
    assert "docs/sources.md" in cli("--lang", lang, "explain", "SQ201").stdout


def test_the_ratio_has_one_name_per_language() -> None:
    en, zh = Translator("en"), Translator("zh")
    english = " ".join(text for entry in _catalogue() for lang, text in entry.items() if lang == "en")
    chinese = " ".join(text for entry in _catalogue() for lang, text in entry.items() if lang == "zh")
    for text in (english, chinese):
        assert not re.search(r"1/9/90|1990", text)
    assert "1-9-90 ratio" in en("rules.SQ201.why") and "1-9-90 比例" in zh("rules.SQ201.why")
    assert "1-9-90 ratio" in english and "1-9-90 比例" in chinese


def _catalogue() -> list[dict[str, str]]:
    entries = list(scaffold_messages.MESSAGES.values())
    entries += [{"en": en, "zh": zh} for texts in rule_messages._RULES.values() for en, zh in texts.values()]
    return entries


def test_sources_page_describes_every_article_and_docs_link_it() -> None:
    page = (REPO / "docs" / "sources.md").read_text(encoding="utf-8")
    for article in ("000", "001", "002", "003", "004"):
        assert f"| {article} |" in page and f"**{article}**" in page
    for doc in ("rules.md", "check.md", "plan-file.md"):
        text = (REPO / "docs" / doc).read_text(encoding="utf-8")
        assert "sources.md" in text and "shared/seeds" not in text, doc


@pytest.mark.parametrize(("lang", "needle"), [("en", "ritual-kept"), ("zh", "仪式按计划举行")])
def test_drift_rules_are_explained_and_listed(cli, lang: str, needle: str) -> None:
    """SQ801-SQ806 live in the one registry: `explain` explains them and `rules` lists them."""
    explained = cli("--lang", lang, "explain", "SQ801")
    assert explained.exit_code == 0 and needle in explained.stdout
    assert "sqtool audit" in explained.stdout and "--fail-on warning" in explained.stdout
    listed = cli("--lang", lang, "rules", "--format", "json")
    ids = [rule["id"] for rule in json.loads(listed.stdout)["rules"]]
    assert {f"SQ80{n}" for n in range(1, 7)} <= set(ids)
