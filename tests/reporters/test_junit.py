import xml.etree.ElementTree as ET
from xml.dom import minidom
from xml.parsers import expat

import pytest

from sqtool.diagnostics import Finding, Severity
from sqtool.reporters import render
from tests.reporters.samples import FINDINGS, context


def parse(xml_text: str) -> ET.Element:
    # expat is strict XML 1.0: it refuses control characters, bad escapes and broken nesting
    parser = expat.ParserCreate("UTF-8")
    parser.Parse(xml_text.encode("utf-8"), True)
    minidom.parseString(xml_text.encode("utf-8"))
    return ET.fromstring(xml_text.encode("utf-8"))


def test_one_testcase_per_finding_and_one_per_clean_file():
    root = parse(render("junit", FINDINGS, context()))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert suite.get("tests") == "4" and suite.get("failures") == "3" and suite.get("errors") == "0"
    cases = [(case.get("classname"), case.get("name")) for case in suite.findall("testcase")]
    assert cases == [
        ("plans/私域 增长.yaml", "SQ001 9:16"),
        ("plans/私域 增长.yaml", "SQ201 14:3"),
        ("plans/b,c.yaml", "SQ504 1:1"),
        ("plans/clean.yaml", "no findings"),
    ]
    clean = suite.findall("testcase")[-1]
    assert clean.findall("failure") == [] and clean.get("file") == "plans/clean.yaml"
    assert all(len(case.findall("failure")) == 1 for case in suite.findall("testcase")[:-1])
    assert suite.findall("testcase")[0].get("file") == "plans/私域 增长.yaml"


def test_each_failure_carries_rule_position_and_message():
    root = parse(render("junit", FINDINGS, context()))
    cases = [c for c in root.iter("testcase") if c.get("classname") == "plans/私域 增长.yaml"]
    failures = [case.find("failure") for case in cases]
    assert [f.get("type") for f in failures] == ["SQ001", "SQ201"]
    assert failures[0].get("message") == (
        "plans/私域 增长.yaml:9:16: error[SQ001]: 'target_size' must be an integer, got \"five hundred\""
    )
    assert failures[0].text.splitlines()[1] == "  hint: write a whole number such as 500"


def test_case_names_do_not_change_with_the_language():
    names = [[c.get("name") for c in parse(render("junit", FINDINGS, context(lang=lang))).iter("testcase")]
             for lang in ("en", "zh")]  # fmt: skip
    assert names[0] == names[1]


def test_chinese_labels():
    root = parse(render("junit", FINDINGS, context(lang="zh")))
    messages = [f.get("message") for f in root.iter("failure")]
    assert any("错误[SQ001]" in m for m in messages)


HOSTILE = 'bad ]]> <tag attr="x"> & \x00\x01\x08\x0b\x0c\x1b\x7f\ufffe\uffff 社群\t\r\nend'


@pytest.mark.parametrize("where", ["message", "hint", "path", "rule_id"])
def test_hostile_text_gives_valid_xml(where):
    fields = {"rule_id": "SQ101", "message": "m", "hint": "h", "path": "a.yaml"}
    fields[where] = HOSTILE
    finding = Finding(fields["rule_id"], Severity.ERROR, fields["message"], fields["path"], 1, 1, fields["hint"])
    root = parse(render("junit", [finding], context(files=())))
    failure = next(root.iter("failure"))
    text = failure.text if where == "hint" else failure.get("message")
    assert "]]>" in text and '<tag attr="x">' in text and "社群" in text and "& " in text
    assert "\\x00" in text and "\\x1b" in text and "\\uffff" in text  # shown, not dropped


def test_no_files_no_findings_is_an_empty_suite():
    root = parse(render("junit", [], context(files=())))
    assert next(root.iter("testsuite")).get("tests") == "0"
