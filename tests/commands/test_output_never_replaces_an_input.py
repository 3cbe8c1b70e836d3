"""A report never replaces one of the plans it reads, --force or not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sqtool.errors import SqtoolError
from sqtool.plan.files import refuse_output_among_inputs
from tests.conftest import REPO, CliInvoke

PLAN = (REPO / "tests" / "fixtures" / "plans" / "valid" / "minimal.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["validate", "check"])
def test_output_that_is_an_input_plan_is_refused(cli: CliInvoke, tmp_path: Path, command: str) -> None:
    plan = tmp_path / "neg.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    result = cli(command, str(plan), "-o", str(plan), "--force")
    assert result.exit_code == 2
    assert f"{plan}: error: the report would overwrite {plan}, which is one of the plans being read" in result.stderr
    assert "hint:" in result.stderr
    assert plan.read_text(encoding="utf-8") == PLAN


@pytest.mark.parametrize("command", ["validate", "check"])
def test_output_inside_a_checked_folder_is_refused(cli: CliInvoke, tmp_path: Path, command: str) -> None:
    (tmp_path / "a.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(PLAN, encoding="utf-8")
    result = cli("--lang", "zh", command, str(tmp_path), "--output", str(tmp_path / "b.yaml"), "--force")
    assert result.exit_code == 2
    assert "正是要读取的计划之一" in result.stderr
    assert (tmp_path / "b.yaml").read_text(encoding="utf-8") == PLAN


def test_same_file_through_another_spelling_or_a_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    os.symlink(plan, tmp_path / "link.yaml")
    monkeypatch.chdir(tmp_path)
    for output in (Path("./p.yaml"), tmp_path / "link.yaml", tmp_path / "sub" / ".." / "p.yaml"):
        with pytest.raises(SqtoolError):
            refuse_output_among_inputs(output, ["p.yaml"])
    refuse_output_among_inputs(tmp_path / "report.txt", ["p.yaml", "-"])  # another file is fine
    refuse_output_among_inputs(None, ["p.yaml"])


def test_a_different_output_is_still_written(cli: CliInvoke, tmp_path: Path) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    result = cli("check", str(plan), "-o", str(tmp_path / "report.txt"), "--today", "2026-06-01")
    assert result.exit_code in (0, 1)
    assert (tmp_path / "report.txt").is_file()
