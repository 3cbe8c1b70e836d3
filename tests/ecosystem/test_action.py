"""action.yml: its shell steps run here as a runner would (inputs in env, GITHUB_PATH, GITHUB_OUTPUT),
and the README's workflow example uses it as written."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO
from tests.reporters.test_sarif import assert_valid_sarif

ACTION = yaml.safe_load((REPO / "action.yml").read_text("utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")
GOOD = (REPO / "examples" / "plan.yaml").read_text("utf-8")
BAD = "version: 1\ncommunity:\n  name: 读书会\n"


def shell_steps() -> list[dict]:
    return [step for step in ACTION["runs"]["steps"] if "run" in step]


def run_action(
    workspace: Path, runner_temp: Path, inputs: dict[str, str], *, install: bool = True
) -> tuple[int, dict[str, str], str]:
    """Run the shell steps in order as GitHub does (``install=False``: sqtool is on GITHUB_PATH already);
    returns the last exit code, the step outputs and the text printed."""
    values = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()} | inputs
    path_file, output_file = runner_temp / "path", runner_temp / "output"
    if install:
        path_file.write_text("", "utf-8")
    output_file.write_text("", "utf-8")
    context = {f"inputs.{name}": value for name, value in values.items()} | {"github.action_path": str(REPO)}
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GITHUB_", "VIRTUAL_ENV"))}
    env.update(GITHUB_ACTIONS="true", RUNNER_TEMP=str(runner_temp), GITHUB_PATH=str(path_file))
    env.update(GITHUB_OUTPUT=str(output_file), LANG="en_US.UTF-8", PIP_DISABLE_PIP_VERSION_CHECK="1")
    code, text = 0, ""
    for step in shell_steps() if install else shell_steps()[1:]:
        assert step["shell"] == "bash"
        step_env = dict(env)
        for key, value in step.get("env", {}).items():
            step_env[key] = EXPRESSION.sub(lambda m: context[m.group(1)], str(value))
        added = [line for line in path_file.read_text("utf-8").splitlines() if line]
        step_env["PATH"] = os.pathsep.join([*reversed(added), env["PATH"]])
        done = subprocess.run(  # as `shell: bash` runs a step
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=workspace,
            env=step_env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        code, text = done.returncode, text + done.stdout + done.stderr
        if code != 0:
            break
    outputs = dict(line.split("=", 1) for line in output_file.read_text("utf-8").splitlines() if "=" in line)
    return code, outputs, text


def test_steps_use_inputs_only_through_env():
    """No ${{ }} inside a script: an input with quotes or $() cannot inject shell code."""
    for step in shell_steps():
        assert "${{" not in step["run"], step["name"]
    assert set(ACTION["inputs"]) >= {"paths", "fail-on", "sarif-file", "sqtool"}
    assert ACTION["runs"]["using"] == "composite"


@pytest.mark.slow
def test_install_check_with_annotations_and_sarif(tmp_path: Path):
    workspace, temp = tmp_path / "repo", tmp_path / "runner"
    (workspace / "plans").mkdir(parents=True)
    temp.mkdir()
    (workspace / "plans" / "club.yaml").write_text(GOOD, "utf-8")
    (workspace / "plans" / "reading.yaml").write_text(BAD, "utf-8")
    (workspace / "ci.yml").write_text("on: push\n", "utf-8")  # not a plan: skipped with plans-only

    code, outputs, text = run_action(workspace, temp, {"paths": "plans ci.yml"})
    assert code == 1, text
    assert "::error file=plans/reading.yaml,line=1,col=1,title=SQ001::" in text  # a workflow annotation
    assert outputs == {"exit-code": "1", "sarif-file": "sqtool.sarif"}
    document = json.loads((workspace / "sqtool.sarif").read_text("utf-8"))
    assert_valid_sarif(document)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in document["runs"][0]["results"]}
    assert uris == {"plans/reading.yaml"}

    # installed once per runner; a clean tree passes (warnings do not fail at the default fail-on)
    (workspace / "plans" / "reading.yaml").unlink()
    assert (temp / "sqtool-venv" / "bin" / "sqtool").exists()
    code, outputs, text = run_action(workspace, temp, {"paths": "plans", "sarif-file": ""}, install=False)
    assert code == 0 and outputs == {"exit-code": "0", "sarif-file": ""}, text
    shutil.rmtree(temp / "sqtool-venv")


def test_readme_workflow_uses_this_action_and_uploads_the_sarif():
    readme = (REPO / "README.md").read_text("utf-8")
    block = re.search(r"```yaml\n(# \.github/workflows/plans\.yml.*?)```", readme, re.S)
    assert block, "README lost its workflow example"
    workflow = yaml.safe_load(block.group(1))
    steps = workflow["jobs"]["plans"]["steps"]
    ours = [step for step in steps if "sqtool" in str(step.get("uses", ""))]
    assert ours and set(ours[0].get("with", {})) <= set(ACTION["inputs"])
    upload = next(step for step in steps if "upload-sarif" in str(step.get("uses", "")))
    assert upload["if"].startswith("always()")  # findings fail the check step; the SARIF still goes up
    assert workflow["permissions"]["security-events"] == "write"
