"""Random findings (any unicode, any numbers) never crash a reporter, and machine formats stay parseable."""

import json
import xml.etree.ElementTree as ET
from xml.parsers import expat

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sqtool.diagnostics import Finding, Severity
from sqtool.reporters import FORMATS, ReportContext, RuleDoc, render
from tests.reporters.test_sarif import assert_valid_sarif

# Surrogates included: file names decoded with surrogateescape can carry them.
any_text = st.text(st.characters(codec=None), max_size=40)
positions = st.integers(min_value=-3, max_value=2**40)
findings = st.builds(
    Finding,
    rule_id=any_text,
    severity=st.sampled_from(list(Severity)),
    message=any_text,
    path=any_text,
    line=positions,
    col=positions,
    hint=st.none() | any_text,
)
contexts = st.builds(
    ReportContext,
    tool_version=any_text,
    lang=st.sampled_from(["en", "zh"]),
    files=st.lists(any_text, max_size=4).map(tuple),
    color=st.booleans(),
    rules=st.dictionaries(
        any_text,
        st.builds(
            RuleDoc,
            rule_id=any_text,
            name=any_text,
            summary=any_text,
            source=any_text,
            severity=st.none() | st.sampled_from(list(Severity)),
            explanation=any_text,
        ),
        max_size=3,
    ),
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.lists(findings, max_size=6), contexts)
def test_every_format_renders_encodable_text(items, context):
    for name in FORMATS:
        output = render(name, items, context)
        assert isinstance(output, str) and output.endswith("\n")
        output.encode("utf-8")  # strict: no lone surrogate slips through


@SETTINGS
@given(st.lists(findings, max_size=6), contexts)
def test_machine_formats_stay_parseable(items, context):
    document = json.loads(render("json", items, context))
    assert len(document["findings"]) == len(items)
    issues = json.loads(render("gitlab", items, context))
    assert len(issues) == len(items)
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)

    log = json.loads(render("sarif", items, context))
    assert len(log["runs"][0]["results"]) == len(items)
    assert_valid_sarif(log)

    xml_bytes = render("junit", items, context).encode("utf-8")
    expat.ParserCreate("UTF-8").Parse(xml_bytes, True)
    assert sum(1 for _ in ET.fromstring(xml_bytes).iter("failure")) == len(items)


@SETTINGS
@given(st.lists(findings, max_size=6), contexts)
def test_line_formats_keep_one_line_per_finding(items, context):
    github = render("github", items, context).splitlines()
    assert len(github) == len(items) + 1 and all(line.startswith("::") for line in github[:-1])
    text = render("text", items, context).splitlines()
    assert len(text) == len(items) + sum(1 for item in items if item.hint) + 1
