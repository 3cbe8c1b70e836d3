"""`sqtool validate` and `sqtool schema` end to end: exit codes, formats, stdin, globs, --output, colour."""

from __future__ import annotations

import json

import pytest

from sqtool.reporters import FORMATS
from tests.conftest import REPO, run_sqtool

EXAMPLE = REPO / "examples" / "plan.yaml"
VALID = (
    "version: 1\n"
    "community: {name: 晨跑小队}\n"
    "positioning: {shared_attribute: 跑者, common_goal: 每周三跑}\n"
    "roles: {owner: 阿强}\n"
)
BROKEN = VALID.replace("roles: {owner: 阿强}", "roles: {admins: [小美]}")


@pytest.fixture
def plans(tmp_path, monkeypatch):
    """A folder with two valid plans, one broken plan and a file that is no plan."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plans" / "team").mkdir(parents=True)
    (tmp_path / "plans" / "a.yaml").write_text(VALID, encoding="utf-8")
    (tmp_path / "plans" / "team" / "b.yml").write_text(VALID, encoding="utf-8")
    (tmp_path / "plans" / "team" / "c.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "plans" / "README.md").write_text("not a plan", encoding="utf-8")
    return tmp_path


def test_the_example_plan_is_valid(cli):
    result = cli("validate", str(EXAMPLE))
    assert result.exit_code == 0
    assert result.stdout == "all clear: no findings in 1 file\n"


def test_invalid_plan_exits_1_with_position(cli, plans):
    result = cli("validate", "plans/team/c.yaml")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == "plans/team/c.yaml:4:1: error[SQ001]: 'owner' is missing from 'roles'"
    assert "Traceback" not in result.stdout + result.stderr


def test_dot_slash_is_not_shown(cli, plans):
    result = cli("validate", "./plans/team/c.yaml")
    assert result.stdout.startswith("plans/team/c.yaml:4:1:")


def test_missing_file_exits_2(cli, plans):
    result = cli("validate", "plans/a.yaml", "nope.yaml")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "nope.yaml: error: no such file",
        "  hint: check the path; globs and folders are expanded by sqtool",
    ]


def test_undecodable_file_exits_2_naming_the_offset(cli, plans):
    (plans / "latin1.yaml").write_bytes("version: 1\ncommunity: {name: café}\n".encode("latin-1"))
    result = cli("validate", "latin1.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith("latin1.yaml: error: the file is not valid UTF-8 (bad byte at offset 32)")


def test_folder_is_expanded_recursively_and_sorted(cli, plans):
    result = cli("validate", "--format", "json", "plans")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["files"] == ["plans/a.yaml", "plans/team/b.yml", "plans/team/c.yaml"]
    assert [f["path"] for f in report["findings"]] == ["plans/team/c.yaml"]


def test_quoted_glob_is_expanded_by_sqtool(cli, plans):
    result = cli("validate", "--format", "json", "plans/**/*.y*ml")
    assert json.loads(result.stdout)["files"] == ["plans/a.yaml", "plans/team/b.yml", "plans/team/c.yaml"]
    result = cli("validate", "plans/*.yaml")
    assert result.exit_code == 0
    assert result.stdout == "all clear: no findings in 1 file\n"


def test_glob_without_match_and_empty_folder_exit_2(cli, plans):
    (plans / "empty").mkdir()
    (plans / "empty" / ".hidden").mkdir()
    (plans / "empty" / ".hidden" / "x.yaml").write_text(VALID, encoding="utf-8")
    result = cli("validate", "nothing/*.yaml")
    assert result.exit_code == 2
    assert "no YAML file matches 'nothing/*.yaml'" in result.stderr
    result = cli("validate", "empty")
    assert result.exit_code == 2
    assert result.stderr.startswith("empty: error: the folder holds no .yaml or .yml file")


def test_stdin(cli):
    result = cli("validate", "-", input=BROKEN)
    assert result.exit_code == 1
    assert result.stdout.startswith("<stdin>:4:1: error[SQ001]: 'owner' is missing from 'roles'")
    assert cli("validate", "-", input=VALID).exit_code == 0


def test_stdin_as_a_subprocess():
    result = run_sqtool("validate", "-", input=BROKEN)
    assert result.returncode == 1
    assert result.stdout.startswith("<stdin>:4:1: error[SQ001]:")


def test_chinese_output(cli, plans):
    result = cli("--lang", "zh", "validate", "plans/team/c.yaml")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "plans/team/c.yaml:4:1: 错误[SQ001]: “roles”缺少“owner”"
    assert lines[1] == "  提示: 请在此处添加“owner:”（群主：社群围绕的那个人或品牌（文章 002））"
    missing = cli("--lang", "zh", "validate", "nope.yaml")
    assert missing.stderr.startswith("nope.yaml: 错误: 文件不存在")


def test_chinese_from_the_locale(cli, plans):
    result = cli("validate", "plans/team/c.yaml", env={"LANG": "zh_CN.UTF-8"})
    assert "错误[SQ001]" in result.stdout


def test_output_file_is_written_and_only_sqtools_own_report_replaced_without_force(cli, plans):
    """A report sqtool wrote is replaced on the next run; a file sqtool did not write needs --force."""
    result = cli("validate", "--format", "json", "--output", "report.json", "plans")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "report written to report.json\n"
    first = (plans / "report.json").read_text(encoding="utf-8")
    assert json.loads(first)["summary"]["error"] == 1

    (plans / "plans" / "team" / "c.yaml").write_text(VALID, encoding="utf-8")
    rerun = cli("--quiet", "validate", "--output", "report.json", "plans")
    assert rerun.exit_code == 0 and rerun.stderr == ""
    assert (plans / "report.json").read_text(encoding="utf-8").startswith("all clear")

    (plans / "report.json").write_text(first.replace('"sqtool"', '"other"'), encoding="utf-8")  # not sqtool's
    refused = cli("validate", "--output", "report.json", "plans")
    assert refused.exit_code == 2
    assert refused.stderr.startswith("report.json: error: the file already exists and was left as it is")
    assert "--force" in refused.stderr

    forced = cli("--quiet", "validate", "--output", "report.json", "--force", "plans")
    assert forced.exit_code == 0
    assert forced.stderr == ""
    assert (plans / "report.json").read_text(encoding="utf-8").startswith("all clear")


def test_every_registered_format_is_offered_and_works(cli, plans):
    help_text = cli("validate", "--help").stdout
    for name in FORMATS:
        assert name in help_text
        result = cli("validate", "--format", name, "plans/team/c.yaml")
        assert result.exit_code == 1, (name, result.stderr)
        assert result.stdout


def test_unknown_format_is_a_usage_error(cli, plans):
    result = cli("validate", "--format", "nope", "plans/a.yaml")
    assert result.exit_code == 2
    assert "nope" in result.stderr


def test_github_actions_picks_the_github_format_when_registered(cli, plans):
    automatic = cli("validate", "plans/team/c.yaml", env={"GITHUB_ACTIONS": "true"})
    expected = "github" if "github" in FORMATS else "text"
    flagged = cli("validate", "--format", expected, "plans/team/c.yaml")
    assert automatic.stdout == flagged.stdout
    chosen = cli("validate", "--format", "json", "plans/team/c.yaml", env={"GITHUB_ACTIONS": "true"})
    assert json.loads(chosen.stdout)["files"] == ["plans/team/c.yaml"]


def test_colour_follows_the_settings(cli, plans):
    assert "\x1b[" in cli("--color", "always", "validate", "plans/team/c.yaml").stdout
    assert "\x1b[" not in cli("validate", "plans/team/c.yaml").stdout  # auto, and CliRunner is no terminal
    assert "\x1b[" not in cli("--no-color", "validate", "plans/team/c.yaml").stdout
    assert "\x1b[" not in cli("--color", "always", "validate", "--format", "json", "plans/team/c.yaml").stdout


def test_help_shows_examples_and_both_commands(cli):
    top = cli("--help").stdout
    assert "validate" in top and "schema" in top
    help_text = cli("validate", "--help").stdout
    assert "sqtool validate examples/plan.yaml" in help_text
    assert "cat plan.yaml | sqtool validate -" in help_text
    assert "sqtool schema > community-plan.schema.json" in cli("schema", "--help").stdout


def test_no_arguments_is_a_usage_error(cli):
    assert cli("validate").exit_code == 2


def test_schema_prints_the_shipped_schema(cli):
    result = cli("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$id"] == "community-plan.schema.json"  # relative: resolves to the file itself, offline
    assert result.stdout == (REPO / "schemas" / "community-plan.schema.json").read_text(encoding="utf-8")


def test_schema_output_refuses_to_overwrite(cli, tmp_path):
    target = tmp_path / "s.json"
    assert cli("schema", "--output", str(target)).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["title"]
    target.write_text("mine", encoding="utf-8")
    refused = cli("schema", "--output", str(target))
    assert refused.exit_code == 2
    assert target.read_text(encoding="utf-8") == "mine"
    assert cli("schema", "--output", str(target), "--force").exit_code == 0
    assert target.read_text(encoding="utf-8") != "mine"


def test_subprocess_exit_codes_and_no_traceback(tmp_path):
    (tmp_path / "bad.yaml").write_text("a: [\n", encoding="utf-8")
    broken = run_sqtool("validate", "bad.yaml", cwd=tmp_path)
    assert broken.returncode == 1
    assert broken.stdout.startswith("bad.yaml:2:1: error[SQ000]: invalid YAML")
    missing = run_sqtool("validate", "missing.yaml", cwd=tmp_path)
    assert missing.returncode == 2
    assert "Traceback" not in missing.stderr + broken.stderr
