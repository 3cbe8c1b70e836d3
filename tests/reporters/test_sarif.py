import json
from functools import cache

import jsonschema
import pytest
from jsonschema.protocols import Validator

from sqtool.diagnostics import Finding, Severity
from sqtool.reporters import render
from sqtool.reporters.sarif import SARIF_SCHEMA, artifact_uri
from tests.conftest import FIXTURES
from tests.reporters.samples import FINDINGS, RULES, context

SCHEMA_FILE = FIXTURES / "sarif" / "sarif-schema-2.1.0.json"


@cache
def validators() -> tuple[Validator, ...]:
    """The official schema declares draft-04; the SARIF docs and GitHub use it as draft-07: check both."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return tuple(
        cls(schema, format_checker=cls.FORMAT_CHECKER)
        for cls in (jsonschema.Draft7Validator, jsonschema.Draft4Validator)
    )


def assert_valid_sarif(document: dict) -> None:
    for validator in validators():
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def sarif(findings, **changes) -> dict:
    return json.loads(render("sarif", findings, context(**changes)))


def test_vendored_schema_is_the_official_one():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["id"] == SARIF_SCHEMA
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert len(schema["definitions"]) == 52


def test_uri_formats_are_really_checked():
    # without rfc3986-validator jsonschema skips "uri-reference" silently; this keeps the check honest
    document = sarif(FINDINGS)
    document["runs"][0]["artifacts"][0]["location"]["uri"] = "plans/a b.yaml"
    draft7, _ = validators()
    assert [error.validator for error in draft7.iter_errors(document)] == ["format"]


def test_the_validators_do_reject_a_broken_log():
    document = sarif(FINDINGS)
    document["runs"][0]["results"][0]["level"] = "fatal"
    del document["runs"][0]["tool"]["driver"]["name"]
    for validator in validators():
        assert len(list(validator.iter_errors(document))) >= 2


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_sample_validates_against_the_official_schema(lang):
    assert_valid_sarif(sarif(FINDINGS, lang=lang))


def test_clean_run_validates_and_lists_every_file():
    document = sarif([])
    assert_valid_sarif(document)
    run = document["runs"][0]
    assert run["results"] == []
    assert [a["location"]["uri"] for a in run["artifacts"]] == [
        "plans/%E7%A7%81%E5%9F%9F%20%E5%A2%9E%E9%95%BF.yaml",
        "plans/b,c.yaml",
        "plans/clean.yaml",
    ]


def test_driver_and_rules():
    document = sarif(FINDINGS)
    assert document["version"] == "2.1.0" and document["$schema"] == SARIF_SCHEMA
    driver = document["runs"][0]["tool"]["driver"]
    assert driver["name"] == "sqtool" and driver["version"] == "9.9.9"
    assert driver["informationUri"].startswith("https://")
    # documented rules (SQ201, SQ301) plus every rule seen (SQ001, SQ504), sorted by id
    assert [rule["id"] for rule in driver["rules"]] == ["SQ001", "SQ201", "SQ301", "SQ504"]
    sq201 = driver["rules"][1]
    assert sq201 == {
        "id": "SQ201",
        "name": RULES["SQ201"].name,
        "shortDescription": {"text": RULES["SQ201"].summary},
        "properties": {"source": "002"},
    }
    assert driver["rules"][0] == {"id": "SQ001"}
    sq301 = driver["rules"][2]
    assert sq301["defaultConfiguration"] == {"level": "warning"}
    assert sq301["fullDescription"] == sq301["help"] == {"text": RULES["SQ301"].explanation}


def test_results_point_at_rules_and_artifacts():
    run = sarif(FINDINGS)["runs"][0]
    assert [r["ruleId"] for r in run["results"]] == ["SQ001", "SQ201", "SQ504"]  # fix-first
    assert [r["level"] for r in run["results"]] == ["error", "warning", "note"]
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        artifact = run["artifacts"][location["artifactLocation"]["index"]]
        assert artifact["location"]["uri"] == location["artifactLocation"]["uri"]
    first = run["results"][0]
    assert first["message"]["text"] == "'target_size' must be an integer, got \"five hundred\""
    assert first["locations"][0]["physicalLocation"]["region"] == {"startLine": 9, "startColumn": 16}
    assert first["properties"] == {"hint": "write a whole number such as 500"}
    assert run["columnKind"] == "unicodeCodePoints"


def test_file_only_in_findings_becomes_an_artifact():
    run = sarif([Finding("SQ101", Severity.ERROR, "m", "./extra.yaml", 0, -3)], files=())["runs"][0]
    assert run["artifacts"] == [{"location": {"uri": "extra.yaml"}}]
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 1}  # SARIF positions start at 1


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("plans/a.yaml", "plans/a.yaml"),
        ("plans\\win.yaml", "plans/win.yaml"),
        ("<stdin>", "%3Cstdin%3E"),
        ("a b#c?.yaml", "a%20b%23c%3F.yaml"),
        ("社群.yaml", "%E7%A4%BE%E7%BE%A4.yaml"),
        ("a:b.yaml", "a%3Ab.yaml"),
        ("/home/小林/plan.yaml", "file:///home/%E5%B0%8F%E6%9E%97/plan.yaml"),
        ("C:\\plans\\a b.yaml", "file:///C:/plans/a%20b.yaml"),
        ("//server/share/a.yaml", "file:////server/share/a.yaml"),
    ],
)
def test_artifact_uris_are_uri_references(path, uri):
    assert artifact_uri(path) == uri


def test_chinese_language_tag():
    assert sarif(FINDINGS, lang="zh")["runs"][0]["language"] == "zh-CN"
    assert sarif(FINDINGS)["runs"][0]["language"] == "en-US"
