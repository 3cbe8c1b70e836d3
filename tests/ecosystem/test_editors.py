"""Editors resolve the schema without a network: the modeline `init` writes points at a file that exists,
the schemas' $id are relative, and the SchemaStore entry matches what --plans-only calls a plan."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from sqtool.plan.files import is_plan_file
from sqtool.resources import schema_path
from sqtool.scaffold.render import relative_reference
from tests.conftest import REPO

PREFIX = "# yaml-language-server: $schema="


def modeline_target(plan: Path) -> Path:
    first = plan.read_text("utf-8").splitlines()[0]
    assert first.startswith(PREFIX), first
    reference = first.removeprefix(PREFIX)
    assert "\\" not in reference and "://" not in reference  # a relative path with forward slashes
    return plan.parent / reference


def test_init_without_a_repository_copy_points_at_the_shipped_schema(cli, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("init", "club/plan.yaml", "-p", "retail", "-y")
    assert result.exit_code == 0, result.stderr
    target = modeline_target(tmp_path / "club" / "plan.yaml")
    assert target.is_file() and target.resolve() == schema_path().resolve()
    assert "sqtool schema -o schemas/community-plan.schema.json" in result.stdout  # how to share one


def test_init_points_at_the_repository_copy_from_a_nested_folder(cli, tmp_path: Path, monkeypatch):
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "teams" / "reading").mkdir(parents=True)
    monkeypatch.chdir(repo)
    assert cli("schema", "-o", "schemas/community-plan.schema.json").exit_code == 0
    result = cli("init", "teams/reading/plan.yaml", "-p", "check-in", "-y")
    assert result.exit_code == 0, result.stderr
    plan = repo / "teams" / "reading" / "plan.yaml"
    assert plan.read_text("utf-8").startswith(f"{PREFIX}../../schemas/community-plan.schema.json\n")
    target = modeline_target(plan)
    assert target.read_bytes() == schema_path().read_bytes()
    assert "sqtool schema -o" not in result.stdout  # nothing to suggest: the copy is there


def test_a_copy_beside_the_plan_wins_and_the_search_stops_at_the_repository_top(cli, tmp_path: Path, monkeypatch):
    (tmp_path / "community-plan.schema.json").write_text("{}", "utf-8")  # above the repository: not used
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    monkeypatch.chdir(repo)
    assert cli("init", "plan.yaml", "-p", "retail", "-y").exit_code == 0
    assert modeline_target(repo / "plan.yaml").resolve() == schema_path().resolve()
    (repo / "near").mkdir()
    (repo / "near" / "community-plan.schema.json").write_bytes(schema_path().read_bytes())
    assert cli("init", "near/plan.yaml", "-p", "retail", "-y").exit_code == 0
    assert (repo / "near" / "plan.yaml").read_text("utf-8").startswith(f"{PREFIX}community-plan.schema.json\n")


@pytest.mark.parametrize(
    ("target", "folder", "flavour", "expected"),
    [
        (r"C:\repo\schemas\community-plan.schema.json", r"C:\repo\teams\a", PureWindowsPath,
         "../../schemas/community-plan.schema.json"),
        (r"D:\py\Lib\site-packages\sqtool\_data\schemas\community-plan.schema.json", r"C:\repo", PureWindowsPath,
         "file:///D:/py/Lib/site-packages/sqtool/_data/schemas/community-plan.schema.json"),
        ("/repo/schemas/community-plan.schema.json", "/repo", PurePosixPath, "schemas/community-plan.schema.json"),
    ],
)  # fmt: skip
def test_windows_paths_become_forward_slashes_or_a_file_uri(target, folder, flavour, expected):
    assert relative_reference(target, folder, flavour) == expected


def test_the_example_plan_and_both_schemas_resolve_offline():
    assert modeline_target(REPO / "examples" / "plan.yaml").is_file()
    for name in ("community-plan", "audit-report"):
        schema = json.loads(schema_path(name).read_text("utf-8"))
        assert schema["$id"] == f"{name}.schema.json"  # relative to wherever the file is read from


def test_the_schemastore_entry_is_ready():
    entry = json.loads((REPO / "editors" / "schemastore-catalog-entry.json").read_text("utf-8"))
    assert set(entry) == {"name", "description", "fileMatch", "url"}
    assert entry["url"].startswith("https://json.schemastore.org/") and entry["url"].endswith(".json")
    assert not entry["description"].endswith(".")  # SchemaStore's style
    for pattern in entry["fileMatch"]:
        example = pattern.replace("*", "club")
        assert is_plan_file(example), f"{example} would get the schema in editors but not the hooks"
    assert "editors/schemastore-catalog-entry.json" in (REPO / "docs" / "editor.md").read_text("utf-8")
