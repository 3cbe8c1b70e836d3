"""End to end: every format through `sqtool validate --format NAME` (built on the plan branch).

`validate` and `check` offer every name in FORMATS; these tests run once a command that does is
registered, and are skipped in a checkout that has none yet.
"""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from sqtool.reporters import FORMATS
from tests.reporters.test_sarif import assert_valid_sarif

# Parses as YAML but breaks the schema (version must be 1; community and positioning are required).
BROKEN = "version: 2\nroles:\n  owner: 周老师\n"


@pytest.fixture
def broken_plan(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    return "plans/broken.yaml"


def test_help_offers_every_format(cli):
    result = cli("validate", "--help")
    assert result.exit_code == 0
    for name in FORMATS:
        assert name in result.stdout


def test_text(cli, broken_plan):
    result = cli("validate", "--format", "text", broken_plan)
    assert result.exit_code == 1
    assert re.search(r"^plans/broken\.yaml:\d+:\d+: error\[SQ001\]: ", result.stdout, re.MULTILINE)
    assert "\x1b" not in result.stdout  # CliRunner's stdout is no terminal


def test_text_in_chinese(cli, broken_plan):
    result = cli("--lang", "zh", "validate", broken_plan)
    assert result.exit_code == 1
    assert "错误[SQ001]" in result.stdout
    assert "个文件中共有" in result.stdout


def test_colour_always_and_no_color(cli, broken_plan):
    assert "\x1b[" in cli("--color", "always", "validate", broken_plan).stdout
    assert "\x1b[" not in cli("--color", "auto", "validate", broken_plan, env={"NO_COLOR": "1"}).stdout
    assert "\x1b[" not in cli("--no-color", "validate", broken_plan, env={"FORCE_COLOR": "1"}).stdout


def test_github_by_flag_and_inside_actions(cli, broken_plan):
    flagged = cli("validate", "--format", "github", broken_plan)
    assert flagged.exit_code == 1
    assert flagged.stdout.startswith("::error file=plans/broken.yaml,line=")
    automatic = cli("validate", broken_plan, env={"GITHUB_ACTIONS": "true"})
    assert automatic.stdout == flagged.stdout


def test_json_gitlab_sarif_junit_parse(cli, broken_plan):
    outputs = {name: cli("validate", "--format", name, broken_plan) for name in ("json", "gitlab", "sarif", "junit")}
    assert {name: result.exit_code for name, result in outputs.items()} == dict.fromkeys(outputs, 1)
    assert json.loads(outputs["json"].stdout)["findings"][0]["path"] == "plans/broken.yaml"
    assert json.loads(outputs["gitlab"].stdout)[0]["location"]["path"] == "plans/broken.yaml"
    log = json.loads(outputs["sarif"].stdout)
    assert_valid_sarif(log)
    assert log["runs"][0]["artifacts"] == [{"location": {"uri": "plans/broken.yaml"}}]
    suite = ET.fromstring(outputs["junit"].stdout.encode("utf-8"))
    first = next(suite.iter("testcase"))
    assert first.get("classname") == "plans/broken.yaml" and first.get("name").startswith("SQ001 ")
