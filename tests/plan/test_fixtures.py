"""Golden tests: each broken plan under tests/fixtures/plans/broken/ gives exactly the findings in NAME.expected.

An expected file holds one line per finding, ``line:col RULE message``, in the order the JSON report
lists them. After a deliberate change of wording, regenerate with ``pytest --update-golden
tests/plan/test_fixtures.py`` and review the diff.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, golden_text

BROKEN = FIXTURES / "plans" / "broken"
VALID = FIXTURES / "plans" / "valid"

BROKEN_PLANS = sorted(path.name for path in BROKEN.glob("*.yaml"))
VALID_PLANS = sorted(path.name for path in VALID.glob("*.yaml"))


def finding_lines(stdout: str) -> str:
    report = json.loads(stdout)
    return "".join(f"{f['line']}:{f['col']} {f['rule_id']} {f['message']}\n" for f in report["findings"])


def test_there_are_enough_broken_plans():
    assert len(BROKEN_PLANS) >= 10


@pytest.mark.parametrize("name", BROKEN_PLANS)
def test_broken_plan_matches_its_golden_file(name, cli, monkeypatch):
    monkeypatch.chdir(BROKEN)
    result = cli("validate", "--format", "json", name)
    assert result.exit_code == 1, result.stderr
    actual = finding_lines(result.stdout)
    expected_file = BROKEN / name.replace(".yaml", ".expected")
    assert actual == golden_text(expected_file, actual)
    assert all(f["path"] == name for f in json.loads(result.stdout)["findings"])


@pytest.mark.parametrize("name", VALID_PLANS)
def test_valid_plans_are_clean(name, cli, monkeypatch):
    monkeypatch.chdir(VALID)
    result = cli("validate", name)
    assert result.exit_code == 0, result.stdout
    assert result.stdout.startswith("all clear")


def test_bom_crlf_fixture_really_has_bom_and_crlf():
    raw = (BROKEN / "bom_crlf.yaml").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n")


def test_tab_fixture_really_has_a_tab():
    assert "\n\tname:" in (BROKEN / "tab_indent.yaml").read_text(encoding="utf-8")


def test_alias_bomb_is_refused_in_well_under_a_second(cli, monkeypatch):
    monkeypatch.chdir(BROKEN)
    started = time.perf_counter()
    result = cli("validate", "alias_bomb.yaml")
    assert time.perf_counter() - started < 0.5
    assert result.exit_code == 1
    assert "alias bomb" in result.stdout


def test_broken_plans_in_chinese(cli, monkeypatch):
    monkeypatch.chdir(BROKEN)
    result = cli("--lang", "zh", "validate", "wrong_type.yaml", "duplicate_key.yaml", "tab_indent.yaml")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert 'wrong_type.yaml:8:16: 错误[SQ001]: “target_size”应为整数，实际是 "five hundred"' in lines
    assert "duplicate_key.yaml:5:3: 错误[SQ000]: 重复的键“name”：第 3 行已经定义过" in lines
    assert "tab_indent.yaml:3:1: 错误[SQ000]: YAML 不允许用 Tab 缩进" in lines
    assert "  提示: 请写介于 1 和 100000000 之间的整数，例如 target_size: 100" in lines
    assert "3 个文件中共有 3 个错误" in lines[-1]


def test_every_fixture_has_an_expected_file():
    expected = {path.name.replace(".expected", ".yaml") for path in BROKEN.glob("*.expected")}
    assert expected == set(BROKEN_PLANS)


def test_fixture_paths_exist():
    assert Path(BROKEN).is_dir() and Path(VALID).is_dir()
