"""--plans-only (the pre-commit hooks): which YAML files are plans, by name, folder or schema marker."""

from __future__ import annotations

from pathlib import Path

import pytest

from sqtool.plan.files import is_plan_file, only_plans

MARKER = "# yaml-language-server: $schema=../schemas/community-plan.schema.json\n"


@pytest.mark.parametrize(
    "name",
    ["plan.yaml", "plan.yml", "PLAN.YAML", "team-plan.yaml", "club_plan.yml", "club.plan.yaml", "plans/anything.yaml",
     "deep/plans/x.yml", r"C:\repo\plans\club.yaml", r"teams\reading-plan.yaml"],
)  # fmt: skip
def test_names_and_folders_that_make_a_plan(name: str):
    assert is_plan_file(name)  # decided by the name alone: the file need not exist


@pytest.mark.parametrize("name", ["airplan.yaml", "planet.yaml", "ci.yml", "plan.json", "plans.yaml", "plan"])
def test_names_that_do_not(name: str, tmp_path: Path):
    path = tmp_path / name
    path.write_text("on: push\n", "utf-8")
    assert not is_plan_file(path)


@pytest.mark.parametrize(
    "head",
    [
        MARKER,
        "\ufeff" + MARKER,  # BOM
        MARKER.replace("\n", "\r\n"),  # a file saved on Windows
        "---\n# yaml-language-server: $schema=https://example.org/s/community-plan.schema.json\n",
        "# yaml-language-server: $schema=C:/schemas/community-plan.schema.json\n",
    ],
)
def test_the_schema_marker_in_the_first_lines_makes_a_plan(head: str, tmp_path: Path):
    path = tmp_path / "reading.yaml"
    path.write_bytes((head + "version: 1\n").encode("utf-8"))
    assert is_plan_file(path)


def test_other_schemas_and_late_markers_do_not(tmp_path: Path):
    other = tmp_path / "a.yaml"
    other.write_text("# yaml-language-server: $schema=https://json.schemastore.org/github-workflow.json\n", "utf-8")
    late = tmp_path / "b.yaml"
    late.write_text("a: 1\n" * 6 + MARKER, "utf-8")
    assert only_plans([str(other), str(late), "-"]) == ["-"]


def test_check_and_validate_skip_files_that_are_not_plans(cli, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("ci.yaml").write_text("on: push\njobs: {}\n", "utf-8")
    Path("reading.yaml").write_text(MARKER + "version: 1\ncommunity:\n  name: 读书会\n", "utf-8")
    for command in ("check", "validate"):
        skipped = cli(command, "ci.yaml", "--plans-only")
        assert skipped.exit_code == 0, skipped.stdout
        assert "ci.yaml" not in skipped.stdout
        found = cli(command, "ci.yaml", "reading.yaml", "--plans-only")
        assert found.exit_code == 1 and "reading.yaml:2:1: error[SQ001]" in found.stdout
        assert "ci.yaml" not in found.stdout
        plain = cli(command, "ci.yaml")  # without the option every file is a plan
        assert plain.exit_code == 1 and "ci.yaml" in plain.stdout
    assert "--plans-only" in cli("check", "--help").stdout
    assert "pre-commit" in cli("--lang", "zh", "validate", "--help").stdout
