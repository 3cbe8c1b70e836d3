"""Machine-readable rule names do not change with --lang."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import CliInvoke

PLAN = "version: 1\ncommunity:\n  name: 晨读营\n  platform: wechat\nmembers:\n  target_size: 800\n"


def test_rules_json_name_is_english_in_every_language(cli: CliInvoke) -> None:
    english = json.loads(cli("rules", "--format", "json").stdout)["rules"]
    chinese = json.loads(cli("--lang", "zh", "rules", "--format", "json").stdout)["rules"]
    assert [rule["name"] for rule in english] == [rule["name"] for rule in chinese]
    by_id = {rule["id"]: rule for rule in chinese}
    assert by_id["SQ201"]["name"] == "opinion-leader-ratio"
    assert by_id["SQ201"]["title"] == "意见领袖比例"
    assert {rule["id"]: rule["title"] for rule in english}["SQ201"] == "opinion-leader-ratio"


def test_sarif_rule_names_are_english_in_every_language(cli: CliInvoke, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    names = []
    for lang in ("en", "zh"):
        result = cli("--lang", lang, "check", str(plan), "--format", "sarif", "--today", "2026-06-01")
        rules = json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]
        names.append({rule["id"]: rule.get("name") for rule in rules})
    assert names[0] == names[1]
    assert names[1]["SQ201"] == "opinion-leader-ratio"
