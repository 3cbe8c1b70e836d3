"""Shell completion: `sqtool completion SHELL` prints typer's script; bash, sourcing it, completes
commands, plan files, rule ids (explain, --select lists) and playbook names."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sqtool.completion import plan_paths, playbook_names, rule_id_list, rule_ids
from tests.conftest import run_sqtool

SQTOOL = Path(sys.executable).parent / "sqtool"  # the console script of this environment


def bash_complete(line: str, cwd: Path) -> list[str]:
    """What bash offers for ``line`` (completing its last word) after sourcing `sqtool completion bash`."""
    words = line.split(" ")
    script = (
        "source <(sqtool completion bash)\n"
        'read -r -a COMP_WORDS <<< "$LINE"\n'
        '[[ "$LINE" == *" " ]] && COMP_WORDS+=("")\n'
        "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
        "_sqtool_completion sqtool\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    env = {key: value for key, value in os.environ.items() if not key.startswith("_SQTOOL")}
    env.update(LINE=line, PATH=os.pathsep.join([str(SQTOOL.parent), env["PATH"]]), LANG="en_US.UTF-8")
    done = subprocess.run(["bash", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert words[0] == "sqtool"
    return [item for item in done.stdout.splitlines() if item]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("completion")
    (root / "plans").mkdir()
    (root / "plans" / "club.yaml").write_text("version: 1\n", "utf-8")
    (root / "plan.yaml").write_text("version: 1\n", "utf-8")
    (root / "planning-notes.txt").write_text("not a plan\n", "utf-8")
    (root / ".hidden.yaml").write_text("version: 1\n", "utf-8")
    return root


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("sqtool ex", ["explain"]),
        ("sqtool com", ["completion"]),
        ("sqtool explain SQ20", ["SQ201", "SQ202", "SQ203", "SQ204", "SQ205"]),
        ("sqtool check --select SQ101,SQ10", ["SQ101,SQ102", "SQ101,SQ103", "SQ101,SQ104", "SQ101,SQ105",
                                                "SQ101,SQ106"]),
        ("sqtool check --ignore SQ00", ["SQ000", "SQ001", "SQ002"]),
        ("sqtool playbooks kn", ["knowledge-course"]),
        ("sqtool init -p re", ["retail"]),
        ("sqtool check pl", ["plan.yaml", "plans/"]),
        ("sqtool validate plans/", ["plans/club.yaml"]),
        ("sqtool audit chat.txt --plan pla", ["plan.yaml", "plans/"]),
    ],
)  # fmt: skip
def test_bash_completes(line, expected, folder):
    assert bash_complete(line, folder) == expected


def test_every_shell_has_a_script_and_others_are_refused(cli):
    for shell, marker in (("bash", "complete -o default -F"), ("zsh", "compdef"), ("fish", "complete --command")):
        result = cli("completion", shell)
        assert result.exit_code == 0 and marker in result.stdout and "_SQTOOL_COMPLETE" in result.stdout
    refused = cli("completion", "tcsh")
    assert refused.exit_code == 2 and "bash, zsh, fish" in refused.stderr
    chinese = run_sqtool("--lang", "zh", "completion", "--help")
    assert chinese.returncode == 0 and "补全" in chinese.stdout


def test_callbacks(folder, monkeypatch):
    monkeypatch.chdir(folder)
    drift = [rule_id for rule_id, _ in rule_ids("sq80")]  # any case
    assert drift[:2] == ["SQ801", "SQ802"] and all(rule_id.startswith("SQ80") for rule_id in drift)
    assert all(help_text for _, help_text in rule_ids(""))  # each id comes with its name
    assert rule_id_list("SQ201,sq20") == ["SQ201,SQ202", "SQ201,SQ203", "SQ201,SQ204", "SQ201,SQ205"]
    assert "retail" in playbook_names("") and playbook_names("zz") == []
    assert plan_paths("") == ["plan.yaml", "plans/"]  # no text file, no hidden file
    assert plan_paths(".h") == [".hidden.yaml"]
    assert plan_paths("nowhere/x") == []
    assert plan_paths(str(folder) + "/plans/c") == [f"{folder}/plans/club.yaml"]
