"""docs/plan-reference.md is generated from the plan schema and kept fresh; it covers every field with a
type, an English and a Chinese description, and an example."""

from __future__ import annotations

import json

from sqtool.plan.reference import DEFAULT_PATH, example_sources, main, render_markdown, split_description, walk
from sqtool.resources import schema_path


def schema_properties(node, defs, path=()) -> set[tuple[str, ...]]:
    """Every property path of the schema, found independently of the generator's walk."""
    found: set[tuple[str, ...]] = set()
    if isinstance(node, dict):
        if "$ref" in node:
            found |= schema_properties(defs[node["$ref"].rsplit("/", 1)[-1]], defs, path)
        for key, child in node.get("properties", {}).items():
            found.add((*path, key))
            found |= schema_properties(child, defs, (*path, key))
        if isinstance(node.get("items"), dict):
            found |= schema_properties(node["items"], defs, (*path, "[]"))
        for key in ("oneOf", "anyOf"):
            for alternative in node.get(key, ()):
                found |= schema_properties(alternative, defs, path)
    return found


def test_the_committed_page_is_what_the_script_writes():
    assert main(["--check", str(DEFAULT_PATH)]) == 0, "run: python -m sqtool.plan.reference"


def test_check_fails_on_a_stale_page(tmp_path):
    stale = tmp_path / "plan-reference.md"
    stale.write_text(render_markdown().replace("社群名称", "群名"), "utf-8")
    assert main(["--check", str(stale)]) == 1
    assert main([str(stale)]) == 0 and main(["--check", str(stale)]) == 0


def test_every_field_has_a_type_both_descriptions_and_an_example():
    schema = json.loads(schema_path().read_text("utf-8"))
    fields = list(walk(schema, example_sources()))
    assert {field.path for field in fields} == schema_properties(schema, schema["$defs"])
    page = DEFAULT_PATH.read_text("utf-8")
    for field in fields:
        name = ".".join(field.path)
        assert field.type and field.english and field.chinese, name
        assert any("\u4e00" <= char <= "\u9fff" for char in field.chinese), name
        assert field.section or field.example is not None, name
        assert f"| `{name}`" in page, name
    assert "| —" not in page  # every example found


def test_descriptions_split_into_languages():
    assert split_description("Who runs it / 谁来运营") == ("Who runs it", "谁来运营")
    assert split_description("A/B test notes / 说明") == ("A/B test notes", "说明")
