"""The README's example commands that need no files of the user's run as written."""

from __future__ import annotations

import shlex

import pytest

from tests.conftest import REPO, run_sqtool

README = (REPO / "README.md").read_text(encoding="utf-8")

# (command as the README writes it, the exit codes it may end with)
COMMANDS = [
    ("sqtool playbooks", {0}),
    ("sqtool playbooks knowledge-course", {0}),
    ("sqtool validate examples/plan.yaml", {0}),
    ("sqtool check examples/plan.yaml", {0}),
    ("sqtool rules", {0}),
    ("sqtool --lang zh explain SQ201", {0}),
    ("sqtool audit examples/demo-wechat.csv --plan examples/plan.yaml", {0}),
    ("sqtool --lang zh --help", {0}),
    ("sqtool plan examples/plan.yaml --start 2026-06-01", {0}),
]


def test_readme_shows_the_plan_sheet_as_sqtool_prints_it():
    """The excerpt under "Plan the weeks ahead" is real output: each of its lines is in today's output."""
    section = README.split("## Plan the weeks ahead", 1)[1].split("## Audit a group", 1)[0]
    excerpt = section.split("output:\n\n```\n", 1)[1].split("```", 1)[0]
    printed = run_sqtool("plan", "examples/plan.yaml", "--start", "2026-06-01", cwd=REPO).stdout
    assert excerpt.strip() and excerpt in printed


def test_readme_shows_the_audit_opening_as_sqtool_prints_it():
    """The excerpt under "Try it" is the real opening of the main command's report (at 100 columns)."""
    section = README.split("The report starts with what it read", 1)[1]
    excerpt = section.split("```text\n", 1)[1].split("```", 1)[0]
    printed = run_sqtool(
        "audit", "examples/demo-wechat.csv", "--plan", "examples/plan.yaml", cwd=REPO, env={"COLUMNS": "100"}
    ).stdout
    assert excerpt.strip() and printed.startswith(excerpt)


@pytest.mark.parametrize(("command", "codes"), COMMANDS, ids=[command for command, _ in COMMANDS])
def test_readme_command_runs(command, codes):
    assert command in README, f"the README no longer shows {command!r}: update this list"
    result = run_sqtool(*shlex.split(command)[1:], cwd=REPO)
    assert result.returncode in codes, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_init_example_writes_a_plan_that_passes_check(tmp_path):
    command = "sqtool init plan.yaml -p retail -y --set community.name=阿果水果研究所"
    assert command in README
    result = run_sqtool(*shlex.split(command)[1:], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert run_sqtool("check", "plan.yaml", cwd=tmp_path).returncode == 0
