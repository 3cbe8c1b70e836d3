"""The text report's summary counts in proper English singular/plural and natural Chinese."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import REPO, CliInvoke

ONE_ERROR = (REPO / "tests" / "fixtures" / "plans" / "valid" / "minimal.yaml").read_text(
    encoding="utf-8"
) + "members:\n  target_size: many\n"


def test_one_of_each_is_singular(cli: CliInvoke, tmp_path: Path) -> None:
    plan = tmp_path / "a.yaml"
    plan.write_text(ONE_ERROR, encoding="utf-8")
    result = cli("validate", str(plan))
    assert result.stdout.splitlines()[-1] == "1 error, 0 warnings, 0 notes in 1 file"
    assert "(s)" not in result.stdout


def test_several_are_plural_and_chinese_reads_naturally(cli: CliInvoke, tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text(ONE_ERROR, encoding="utf-8")
    assert cli("validate", str(tmp_path)).stdout.splitlines()[-1] == "2 errors, 0 warnings, 0 notes in 2 files"
    chinese = cli("--lang", "zh", "validate", str(tmp_path)).stdout.splitlines()[-1]
    assert chinese == "2 个文件中共有 2 个错误、0 个警告和 0 条提示"


def test_all_clear_in_one_and_in_several_files(cli: CliInvoke) -> None:
    example = str(REPO / "examples" / "plan.yaml")
    assert cli("validate", example).stdout == "all clear: no findings in 1 file\n"
    assert cli("--lang", "zh", "validate", example).stdout == "全部通过：1 个文件没有问题\n"
    assert cli("validate", example, str(REPO / "tests" / "fixtures" / "plans" / "valid")).stdout.endswith(" files\n")
