"""The manifest: loaded with the plans' YAML guards, every schema problem told at its line and column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sqtool.chat.readers import FORMAT_NAMES
from sqtool.errors import SqtoolError
from sqtool.portfolio.manifest import load_manifest, manifest_schema, parse_manifest

GOOD = """\
version: 1
defaults:
  plan: plans/shop.yaml
  tz: Asia/Shanghai
  tags: {brand: 咖啡}
groups:
  - name: 上海1群
    exports: exports/sh1.csv
    members: 480
    tags: {city: 上海}
  - name: 北京1群
    exports: [exports/bj1.txt, "exports/bj1-*.txt"]
    plan: plans/bj.yaml
    roster: rosters/bj1.csv
    tags: {city: 北京, brand: 茶}
"""


def _error(text: str) -> SqtoolError:
    with pytest.raises(SqtoolError) as caught:
        parse_manifest(text, "groups.yaml")
    return caught.value


def test_a_manifest_loads_with_defaults_and_paths_against_its_folder() -> None:
    """Defaults fill what a group leaves out; a group's own value and tags win; paths join the manifest's folder."""
    manifest = parse_manifest(GOOD, "m/groups.yaml", base=Path("m"))
    first, second = manifest.groups
    assert first.name == "上海1群" and first.exports == ("m/exports/sh1.csv",)
    assert first.plan == "m/plans/shop.yaml" and first.tz == "Asia/Shanghai" and first.members == 480
    assert dict(first.tags) == {"brand": "咖啡", "city": "上海"}
    assert second.exports == ("m/exports/bj1.txt", "m/exports/bj1-*.txt")
    assert second.plan == "m/plans/bj.yaml" and second.roster == "m/rosters/bj1.csv"
    assert dict(second.tags) == {"brand": "茶", "city": "北京"}
    assert manifest.tag_keys == ("brand", "city")
    assert (first.line, second.line) == (7, 11)


@pytest.mark.parametrize(
    ("text", "line", "col", "words"),
    [
        ("groups:\n  - name: a\n    exports: a.csv\n    member: 3\n", 4, 5, "unknown key 'member'"),
        ("groups:\n  - name: a\n    members: 3\n", 2, 5, "'exports' is missing"),
        ("groups:\n  - name: a\n    exports: a.csv\n    members: -3\n", 4, 14, "'members' must be at least 0"),
        ("groups:\n  - name: a\n    exports: a.csv\n    format: whatsup\n", 4, 13, "must be one of"),
        ("groups:\n  - name: a\n    exports: []\n", 3, 14, "'exports' must be a path or a list of paths"),
        ("groups:\n  - name: '  '\n    exports: a.csv\n", 2, 11, "'name' must not be empty"),
        ("groups:\n  - name: a\n    exports: a.csv\n    tags: {the city: x}\n", 4, 12, "tag name 'the city'"),
        ("version: 2\ngroups:\n  - {name: a, exports: a.csv}\n", 1, 10, "'version' must be 1"),
        ("groups: []\n", 1, 9, "'groups' must list at least 1"),
        ("gruops:\n  - {name: a, exports: a.csv}\n", 1, 1, "unknown key 'gruops'"),
        ("groups:\n  - name: a\n    exports: a.csv\n    exports: b.csv\n", 4, 5, "exports"),  # duplicate key
    ],
)
def test_every_schema_problem_has_its_line_and_column(text: str, line: int, col: int, words: str) -> None:
    """Unknown and missing keys, types, bounds, enums, empty names, tag names and YAML itself, each at its place."""
    error = _error(text)
    assert (error.path, error.line, error.col) == ("groups.yaml", line, col), error.args_for_message
    assert words in str(error.args_for_message.get("message")), error.args_for_message


def test_two_groups_of_one_name_are_refused_at_the_second() -> None:
    """Names key each group's history: a repeated one is an error naming the first line."""
    error = _error("groups:\n  - name: a\n    exports: a.csv\n  - name: a\n    exports: b.csv\n")
    assert (error.key, error.line, error.col) == ("portfolio.duplicate_group", 4, 11)
    assert error.args_for_message["first"] == 2


def test_an_empty_manifest_and_a_folder_are_told_so(tmp_path: Path) -> None:
    """Nothing in the file, or a folder given for the manifest, is a clear error, not a traceback."""
    assert _error("# nothing yet\n").key == "portfolio.manifest_empty"
    with pytest.raises(SqtoolError) as caught:
        load_manifest(tmp_path)
    assert caught.value.key == "portfolio.manifest_is_folder"


def test_the_schema_lists_every_reader_format() -> None:
    """A new reader format must be allowed in the manifest too."""
    assert tuple(manifest_schema()["$defs"]["format"]["enum"]) == FORMAT_NAMES


def test_the_schema_is_valid_json_schema() -> None:
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(manifest_schema())
    assert json.loads(json.dumps(manifest_schema()))["$id"] == "portfolio-manifest.schema.json"


def test_the_cli_says_where_the_manifest_is_wrong_in_both_languages(cli, tmp_path: Path, monkeypatch) -> None:
    """Exit 2 with file:line:col, the message and a hint; in Chinese with --lang zh."""
    monkeypatch.chdir(tmp_path)
    Path("groups.yaml").write_text("groups:\n  - name: a\n    exports: a.csv\n    member: 3\n", encoding="utf-8")
    result = cli("portfolio", "groups.yaml")
    assert result.exit_code == 2
    assert "groups.yaml:4:5: error: invalid manifest: unknown key 'member' in 'groups[0]'" in result.stderr
    assert "keys allowed here:" in result.stderr and "members" in result.stderr
    result = cli("--lang", "zh", "portfolio", "groups.yaml")
    assert result.exit_code == 2
    assert "groups.yaml:4:5:" in result.stderr and "群清单有误：“groups[0]”中有未知的键“member”" in result.stderr
