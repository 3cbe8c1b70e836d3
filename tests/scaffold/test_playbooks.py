"""Every bundled playbook is a complete plan: valid, clean under every rule, with bilingual metadata."""

from __future__ import annotations

import re

import pytest

from sqtool.diagnostics import Severity
from sqtool.plan.load import load_plan
from sqtool.plan.schema import schema_findings
from sqtool.rules.config import CheckConfig
from sqtool.rules.engine import check_files
from sqtool.scaffold.keypath import plan_schema
from sqtool.scaffold.playbooks import list_playbooks, load_playbook, playbook_names, playbooks_dir

REQUIRED_KINDS = {
    "knowledge-course",
    "brand-fans",
    "customer-care",
    "local-club",
    "professional-network",
    "retail",
    "check-in",
    "open-source",
}


def test_the_eight_community_types_are_bundled():
    assert set(playbook_names()) >= REQUIRED_KINDS


@pytest.mark.parametrize("name", playbook_names())
def test_playbook_is_valid_and_passes_every_rule(name):
    path = str(load_playbook(name).path)
    assert schema_findings(load_plan(path)) == []
    result = check_files([path], CheckConfig())
    errors = [finding for finding in result.findings if finding.severity is Severity.ERROR]
    assert errors == [], [finding.message for finding in errors]


@pytest.mark.parametrize("name", playbook_names())
def test_playbook_metadata_is_bilingual_and_cites_articles(name):
    playbook = load_playbook(name)
    for texts in (playbook.title, playbook.summary):
        assert texts["en"].strip() and texts["zh"].strip()
        assert re.search(r"[\u4e00-\u9fff]", texts["zh"]), "the Chinese text is Chinese"
    assert playbook.purposes and playbook.platforms and playbook.typical_size
    plan = playbook.plan()
    assert "playbook" not in plan, "init starts from the plan without its metadata"
    assert set(playbook.purposes) == set(plan["monetization"]["purposes"])
    assert plan["community"]["platform"] in playbook.platforms
    for item in [*plan["value_output"], *plan["rituals"]]:
        assert item["keywords"], f"{item['name']} has keywords for the audit to find it"
    sections = set(plan_schema()["properties"]) - {"playbook"}
    assert playbook.sources and set(playbook.sources) <= sections
    for articles in playbook.sources.values():
        assert articles and all(re.fullmatch(r"00[0-4]", article) for article in articles)


def test_plan_copies_are_independent():
    first = load_playbook("retail").plan()
    first["roles"]["admins"].append("someone")
    assert "someone" not in load_playbook("retail").plan()["roles"]["admins"]


def test_list_is_sorted_and_complete():
    assert [playbook.name for playbook in list_playbooks()] == playbook_names()


def test_sqtool_check_passes_on_the_playbooks_folder(cli):
    result = cli("check", str(playbooks_dir()))
    assert result.exit_code == 0, result.stdout
    assert f"no findings in {len(playbook_names())} files" in result.stdout


def test_playbooks_command_lists_every_playbook(cli):
    result = cli("playbooks")
    assert result.exit_code == 0
    for name in playbook_names():
        assert name in result.stdout
    assert "sqtool init --playbook NAME" in result.stdout


def test_playbooks_command_shows_one_in_chinese(cli):
    result = cli("--lang", "zh", "playbooks", "check-in")
    assert result.exit_code == 0
    assert "学习打卡群" in result.stdout
    assert "每天" in result.stdout  # cadences in words
    assert "sqtool init --playbook check-in" in result.stdout


def test_playbooks_command_prints_the_file(cli):
    result = cli("playbooks", "open-source", "--yaml")
    assert result.exit_code == 0
    assert result.stdout == load_playbook("open-source").path.read_text(encoding="utf-8")


def test_unknown_playbook_is_a_usage_error_listing_the_names(cli):
    result = cli("playbooks", "nope")
    assert result.exit_code == 2
    assert "nope" in result.stderr and "retail" in result.stderr
