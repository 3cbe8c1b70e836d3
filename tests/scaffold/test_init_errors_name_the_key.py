"""`sqtool init` errors name the key that was set and say what to do."""

from __future__ import annotations

import re
from pathlib import Path

from sqtool.i18n import catalogue
from tests.conftest import CliInvoke

INIT = ("init", "--playbook", "check-in", "--yes")


def test_setting_a_section_to_a_value_names_it_and_asks_for_a_mapping(cli: CliInvoke, tmp_path: Path) -> None:
    result = cli(*INIT, str(tmp_path / "p.yaml"), "--set", "community=1")
    assert result.exit_code == 2
    assert "--set: error: community is a section of fields and needs a mapping, not the single value 1" in result.stderr
    assert "--set community.name=" in result.stderr  # the hint shows how
    assert "platform" not in result.stderr
    assert not (tmp_path / "p.yaml").exists()


def test_setting_a_list_to_a_value_asks_for_a_list(cli: CliInvoke, tmp_path: Path) -> None:
    result = cli(*INIT, str(tmp_path / "p.yaml"), "--set", "community.naming_method=content", "--set", "rituals=3")
    assert result.exit_code == 2
    assert "rituals needs a list" in result.stderr


def test_answers_file_that_is_a_list_says_answers_file(cli: CliInvoke, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("- community.name: 晨读会\n", encoding="utf-8")
    result = cli(*INIT, str(tmp_path / "p.yaml"), "--answers", str(answers))
    assert result.exit_code == 2
    assert "answers.yaml:1:1: error: the answers file must be a YAML mapping" in result.stderr
    assert "plan" not in result.stderr.splitlines()[0]
    assert "hint: for example a line `community.name: 晨读会`" in result.stderr


def test_answers_file_with_broken_yaml_says_answers_file(cli: CliInvoke, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("community:\n  name: [a\n", encoding="utf-8")
    result = cli(*INIT, str(tmp_path / "p.yaml"), "--answers", str(answers))
    assert result.exit_code == 2
    assert "error: cannot read the answers file:" in result.stderr and "hint:" in result.stderr


def test_set_value_that_is_not_yaml_is_an_error_unless_quoted(cli: CliInvoke, tmp_path: Path) -> None:
    broken = cli(*INIT, str(tmp_path / "p.yaml"), "--set", "community.name=[a")
    assert broken.exit_code == 2
    assert "--set community.name=[a does not read as a YAML value" in broken.stderr
    assert "--set 'community.name=\"[a\"'" in broken.stderr
    assert not (tmp_path / "p.yaml").exists()
    quoted = cli(*INIT, str(tmp_path / "p.yaml"), "--set", 'community.name="[a"')
    assert quoted.exit_code == 0, quoted.stderr
    assert "name: '[a'" in (tmp_path / "p.yaml").read_text(encoding="utf-8")


def test_answer_problems_are_lower_case_without_a_final_full_stop() -> None:
    for key, texts in catalogue().items():
        if key.startswith("scaffold.err."):
            assert not re.match(r"[A-Z][a-z ]", texts["en"]), key
            assert not texts["en"].endswith("."), key
            assert not texts["zh"].endswith("。"), key
