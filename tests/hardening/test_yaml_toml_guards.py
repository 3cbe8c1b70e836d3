"""Every YAML sqtool reads (plans, .sqtool.yaml, rosters, answers) goes through the plan loader's
guards, and pyproject.toml is read with the same care: each hostile file ends in a named error."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from sqtool.audit.roster import load_roster
from sqtool.errors import SqtoolError
from sqtool.plan.load import MAX_INT_DIGITS, PlanLoadError, parse_yaml
from sqtool.rules.config import discover, read_config_file
from tests.conftest import REPO, CliInvoke

BIG = "1" * 4400  # more digits than Python converts (4,300)
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n"
    for n in range(9)
)  # 390 bytes that expand to 9 * 5**9 values
DEEP = "select: " + "[" * 1500 + "]" * 1500 + "\n"
EXPORT = REPO / "examples" / "demo-wechat.csv"
PLAN = REPO / "examples" / "plan.yaml"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (BOMB, "alias"),
        (DEEP, "nested"),
        ("select: [SQ2]\nselect: [SQ3]\n", "duplicate key 'select'"),
        (f"kol_per_members: {BIG}\n", f"more than {MAX_INT_DIGITS} digits"),
        ("select: !!python/object/apply:os.system ['true']\n", "!!python/object/apply:os.system"),
    ],
)
def test_a_hostile_sqtool_yaml_is_a_named_error_with_a_position(tmp_path: Path, text: str, problem: str) -> None:
    (tmp_path / ".sqtool.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(SqtoolError) as caught:
        discover(tmp_path)
    assert caught.value.key == "check.config_syntax"
    assert caught.value.line is not None and caught.value.path.endswith(".sqtool.yaml")
    assert problem in str(caught.value.args_for_message["reason"])


def test_check_finds_the_hostile_config_in_the_current_folder_and_stops_fast(
    cli: CliInvoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 390-byte bomb used to take over a minute and 5 GiB; it is refused before expanding."""
    (tmp_path / ".sqtool.yaml").write_text(BOMB, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("check", str(PLAN))
    assert result.exit_code == 2
    assert ".sqtool.yaml:" in result.stderr and "alias" in result.stderr
    assert "internal error" not in result.stderr


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("tool = 5\n", "config.tool_not_table"),
        ("[tool]\nsqtool = 5\n", "config.tool_not_table"),
        (f"[tool.sqtool]\nkol_per_members = {BIG}\n", "config.number_too_long"),
        ("[tool.sqtool]\nselect = " + "[" * 1500 + "]" * 1500 + "\n", "config.too_deep"),
        ("[tool.sqtool\n", "check.config_syntax"),
    ],
)
def test_a_hostile_pyproject_is_a_named_error(tmp_path: Path, text: str, key: str) -> None:
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    with pytest.raises(SqtoolError) as caught:
        discover(tmp_path)
    assert caught.value.key == key
    assert caught.value.path == str(tmp_path / "pyproject.toml")


def test_a_pyproject_without_sqtool_settings_is_still_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.black]\nline-length = 100\n", encoding="utf-8")
    assert discover(tmp_path) is None or not discover(tmp_path)[1].startswith(str(tmp_path))


def test_a_config_that_is_not_utf8_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / ".sqtool.yaml"
    path.write_bytes(b"select: [\xff\xfe]\n")
    with pytest.raises(SqtoolError) as caught:
        read_config_file(path)
    assert caught.value.key == "plan.bad_utf8" and caught.value.path == str(path)


def test_config_errors_are_in_the_users_language(cli: CliInvoke, tmp_path: Path) -> None:
    config = tmp_path / "cfg.yaml"
    config.write_text("select: [SQ2]\nselect: [SQ3]\n", encoding="utf-8")
    result = cli("--lang", "zh", "check", str(PLAN), "--config", str(config))
    assert result.exit_code == 2
    assert "重复的键" in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "key"),
    [
        ("roster.yaml", f"- id: {BIG}\n", "audit.roster_bad_yaml"),
        ("roster.yaml", "- !!python/object/apply:os.system ['echo hi']\n", "audit.roster_bad_yaml"),
        ("roster.yaml", BOMB.replace("a: &a", "members: &a"), "audit.roster_bad_yaml"),
        ("roster.yaml", "- {id: u1, id: u2}\n", "audit.roster_bad_yaml"),
        ("roster.yaml", "members: " + "[" * 1500 + "]" * 1500, "audit.roster_bad_yaml"),
        ("roster.csv", None, "audit.roster_no_member_column"),  # binary bytes
    ],
)
def test_a_hostile_roster_is_a_named_error(tmp_path: Path, name: str, content: str | None, key: str) -> None:
    path = tmp_path / name
    if content is None:
        path.write_bytes(bytes(range(256)) * 40)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(SqtoolError) as caught:
        load_roster(path)
    assert caught.value.key == key


def test_yaml_rosters_keep_their_lines_and_dates(tmp_path: Path) -> None:
    path = tmp_path / "roster.yaml"
    path.write_text("members:\n  - {id: u1, joined: 2026-03-01}\n  - name: 小林\n    joined: nope\n", encoding="utf-8")
    with pytest.raises(SqtoolError) as caught:
        load_roster(path)
    assert (caught.value.key, caught.value.line) == ("audit.roster_bad_date", 3)


def test_a_hostile_roster_through_the_cli_exits_2(cli: CliInvoke, tmp_path: Path) -> None:
    roster = tmp_path / "roster.yaml"
    roster.write_text("- !!python/object/apply:os.system ['echo pwned']\n", encoding="utf-8")
    result = cli("audit", str(EXPORT), "--roster", str(roster), "--tz", "UTC")
    assert result.exit_code == 2
    assert "roster.yaml:1:3" in result.stderr and "pwned" not in result.stdout


@pytest.mark.parametrize(
    "text",
    [f"members.target_size: {BIG}\n", BOMB, "community:\n  name: a\n  name: b\n", "x: " + "[" * 1500 + "]" * 1500],
)
def test_a_hostile_answers_file_is_a_named_error(cli: CliInvoke, tmp_path: Path, text: str) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(text, encoding="utf-8")
    result = cli("init", str(tmp_path / "plan.yaml"), "--answers", str(answers))
    assert result.exit_code == 2
    assert str(answers) in result.stderr and "internal error" not in result.stderr
    assert not (tmp_path / "plan.yaml").exists()


def test_a_plan_with_a_4300_digit_number_is_an_sq000_finding(cli: CliInvoke, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.read_text(encoding="utf-8").replace("current_size: 300", f"current_size: {BIG}"), "utf-8")
    result = cli("validate", str(plan))
    assert result.exit_code == 1
    assert "error[SQ000]" in result.stdout and f"more than {MAX_INT_DIGITS} digits" in result.stdout


def test_parse_yaml_keeps_plan_rules_for_other_documents() -> None:
    loaded = parse_yaml("- 07:00\n- yes\n- 0x10\n- '12'\n", "<list>")
    assert loaded.data == ["07:00", "yes", 16, "12"]
    assert loaded.position((1,)) == (2, 3)
    assert parse_yaml("", "<empty>").data is None
    quoted = parse_yaml(f"id: '{BIG}'\n", "<quoted>")  # quoted digits are text, any length
    assert quoted.data == {"id": BIG}
    with pytest.raises(PlanLoadError) as caught:
        parse_yaml("a: 1\na: 2\n", "<dup>")
    assert caught.value.key == "yaml.load_failed" and caught.value.line == 2


def test_a_csv_roster_with_lone_carriage_returns_is_read(tmp_path: Path) -> None:
    """A lone CR used to raise csv.Error ("new-line character seen in unquoted field") unhandled."""
    path = tmp_path / "roster.csv"
    path.write_bytes(b"id,name\ru1,Amy\ru2,Bo\n")
    assert [member.id for member in load_roster(path).members] == ["u1", "u2"]


def test_a_csv_error_in_a_roster_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("id,name\nu1," + "x" * (200 * 1024) + "\n", encoding="utf-8")
    previous = csv.field_size_limit(128 * 1024)  # process-wide; the export readers may have raised it
    try:
        with pytest.raises(SqtoolError) as caught:
            load_roster(path)
    finally:
        csv.field_size_limit(previous)
    assert caught.value.key == "audit.roster_bad_csv" and caught.value.line is not None
