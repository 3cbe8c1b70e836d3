"""expand_inputs: files, folders, globs and "-" become a sorted, de-duplicated list of plan paths."""

from __future__ import annotations

import pytest

from sqtool.errors import SqtoolError
from sqtool.plan.files import expand_inputs


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("plans/b.yaml", "plans/a.yml", "plans/sub/c.YAML", "plans/.git/x.yaml", "plans/notes.txt", "top.yaml"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("version: 1\n", encoding="utf-8")
    return tmp_path


def test_files_are_kept_as_given(tree):
    assert expand_inputs(["top.yaml", "plans/notes.txt"]) == ["top.yaml", "plans/notes.txt"]


def test_folders_are_searched_recursively_sorted_without_hidden_folders(tree):
    assert expand_inputs(["plans"]) == ["plans/a.yml", "plans/b.yaml", "plans/sub/c.YAML"]
    assert expand_inputs(["plans/"]) == ["plans/a.yml", "plans/b.yaml", "plans/sub/c.YAML"]


def test_current_folder_gives_plain_relative_paths(tree):
    assert expand_inputs(["."])[:2] == ["plans/a.yml", "plans/b.yaml"]
    assert "top.yaml" in expand_inputs(["."])


def test_globs_keep_only_yaml_files(tree):
    assert expand_inputs(["plans/*"]) == ["plans/a.yml", "plans/b.yaml", "plans/sub/c.YAML"]
    assert expand_inputs(["**/*.yaml"]) == ["plans/b.yaml", "top.yaml"]


def test_stdin_and_duplicates(tree):
    assert expand_inputs(["-", "top.yaml", "./top.yaml", "top.yaml", "-"]) == ["-", "top.yaml", "./top.yaml"]


def test_missing_file(tree):
    with pytest.raises(SqtoolError) as caught:
        expand_inputs(["top.yaml", "nope.yaml"])
    assert caught.value.key == "fs.not_found"
    assert caught.value.where() == "nope.yaml"


def test_glob_without_match(tree):
    with pytest.raises(SqtoolError) as caught:
        expand_inputs(["plans/*.json"])
    assert caught.value.key == "plan.no_match"


def test_folder_without_plans(tree):
    (tree / "empty").mkdir()
    with pytest.raises(SqtoolError) as caught:
        expand_inputs(["empty"])
    assert caught.value.key == "plan.no_plans_in_folder"
