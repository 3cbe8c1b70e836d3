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
]


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
