import json

from sqtool.reporters import render
from tests.reporters.samples import FINDINGS, context


def test_document_shape_and_summary():
    document = json.loads(render("json", FINDINGS, context()))
    assert document["version"] == 1
    assert document["tool"] == {"name": "sqtool", "version": "9.9.9"}
    assert document["files"] == ["plans/私域 增长.yaml", "plans/b,c.yaml", "plans/clean.yaml"]
    assert [f["rule_id"] for f in document["findings"]] == ["SQ001", "SQ201", "SQ504"]
    assert set(document["findings"][0]) == {"rule_id", "severity", "message", "hint", "path", "line", "col"}
    assert document["summary"] == {"error": 1, "warning": 1, "info": 1, "files": 3, "files_with_findings": 2}


def test_chinese_stays_readable():
    assert "私域 增长" in render("json", FINDINGS, context())


def test_dot_slash_paths_are_cleaned():
    document = json.loads(render("json", [], context(files=("./a.yaml", "a.yaml"))))
    assert document["files"] == ["a.yaml"]
