"""The hooks of .pre-commit-hooks.yaml, run by the real `pre-commit try-repo` on a throwaway repository
of plans: a failing plan fails the commit, a passing one passes, other YAML files are left alone.

The hooks' repository is a snapshot of this checkout committed to a temporary git repository, so the
test needs no network except the package index that pip installs the hook's environment from.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

pytestmark = pytest.mark.slow

SNAPSHOT = (
    "src", "schemas", "playbooks", "pyproject.toml", "hatch_build.py", "README.md", "LICENSE", ".pre-commit-hooks.yaml",
)  # fmt: skip
GOOD = (REPO / "examples" / "plan.yaml").read_text("utf-8")
# a plan found by its marker only (its name and folder say nothing): the schema wants positioning and roles
MARKED_BAD = "# yaml-language-server: $schema=../community-plan.schema.json\nversion: 1\ncommunity:\n  name: 读书会\n"
NOT_A_PLAN = "name: ci\non: [push]\njobs: {}\n"  # a workflow: the hooks must not read it as a plan


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def hooks_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This checkout's package and hook file, committed (try-repo installs the hook from a commit)."""
    folder = tmp_path_factory.mktemp("sqtool-hooks")
    for name in SNAPSHOT:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.so"))
        else:
            shutil.copy2(source, folder / name)
    git(folder, "init", "-q")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "snapshot")
    return folder


def plans_repo(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir()
    git(folder, "init", "-q")
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, "utf-8")
    git(folder, "add", "-A")
    return folder


def try_repo(hooks: Path, project: Path) -> subprocess.CompletedProcess[str]:
    """Every hook of ``hooks`` on every file of ``project`` (try-repo installs the environment each time)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GITHUB_", "PRE_COMMIT"))}
    # the hook's environment installs sqtool from the snapshot; its native readers are left out (a minute of
    # compiling per install; tests/native/ builds and tests them)
    env.update(LANG="en_US.UTF-8", NO_COLOR="1", SQTOOL_BUILD_NATIVE="0")
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hooks), "--all-files", "--color", "never"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_the_hook_file_declares_check_and_validate_for_yaml_files():
    hooks = {hook["id"]: hook for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))}
    assert set(hooks) == {"sqtool-check", "sqtool-validate"}
    for hook_id, command in (("sqtool-check", "check"), ("sqtool-validate", "validate")):
        assert hooks[hook_id]["entry"] == f"sqtool {command} --plans-only"
        assert hooks[hook_id]["language"] == "python" and hooks[hook_id]["types"] == ["yaml"]


def test_a_failing_plan_fails_both_hooks_and_a_passing_one_passes(hooks_repo, tmp_path):
    failing = plans_repo(
        tmp_path / "failing",
        {"plans/club-plan.yaml": GOOD, "teams/reading.yaml": MARKED_BAD, ".github/workflows/ci.yaml": NOT_A_PLAN},
    )
    result = try_repo(hooks_repo, failing)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    for name in ("sqtool check (community plans)", "sqtool validate (community plans, schema only)"):
        assert any(line.startswith(name) and line.endswith("Failed") for line in output.splitlines()), output
    # found by its marker, reported once by each hook; the workflow is skipped and the good plan is clean
    assert output.count("teams/reading.yaml:2:1: error[SQ001]: 'positioning' is missing") == 2, output
    assert "ci.yaml" not in output and "club-plan.yaml" not in output

    passing = plans_repo(tmp_path / "passing", {"plans/club-plan.yaml": GOOD, "ci.yaml": NOT_A_PLAN})
    result = try_repo(hooks_repo, passing)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("Passed") == 2, result.stdout


def test_the_readme_config_runs_the_installed_sqtool(tmp_path):
    """The README's .pre-commit-config.yaml (repo: local, sqtool on PATH) fails on a bad plan, passes a good one."""
    readme = (REPO / "README.md").read_text("utf-8")
    block = re.search(r"```yaml\n(# \.pre-commit-config\.yaml\n.*?)```", readme, re.S)
    assert block, "README lost its pre-commit example"
    project = plans_repo(
        tmp_path / "project",
        {".pre-commit-config.yaml": block.group(1), "plans/a.yaml": GOOD, "team-plan.yml": MARKED_BAD},
    )
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GITHUB_", "PRE_COMMIT"))}
    bin_dir = str(Path(sys.executable).parent)  # where this environment's `sqtool` script is
    env.update(PRE_COMMIT_HOME=str(tmp_path / "home"), PATH=os.pathsep.join([bin_dir, env["PATH"]]), NO_COLOR="1")
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]
    failed = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert failed.returncode == 1 and "team-plan.yml:2:1: error[SQ001]" in failed.stdout, failed.stdout
    (project / "team-plan.yml").unlink()
    git(project, "add", "-A")
    passed = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr
