"""docs/output-formats.md shows real output: every example block is what the reporters print today."""

import pytest

from sqtool.diagnostics import Finding, Severity
from sqtool.reporters import FORMATS, ReportContext, RuleDoc, render
from tests.conftest import REPO

DOC = REPO / "docs" / "output-formats.md"
FINDINGS = [
    Finding(
        "SQ201",
        Severity.WARNING,
        "needs 5 opinion leaders for 500 members, plan names 2",
        "plans/a.yaml",
        14,
        3,
        "name 3 more members who answer questions",
    ),
    Finding(
        "SQ001",
        Severity.ERROR,
        "'target_size' must be an integer, got \"five hundred\"",
        "plans/a.yaml",
        9,
        16,
        "write a whole number such as 500",
    ),
]
RULES = {"SQ201": RuleDoc("SQ201", "opinion-leaders-per-members", "Enough opinion leaders for the group's size", "002")}


@pytest.mark.parametrize(("name", "lang"), [*((name, "en") for name in FORMATS), ("text", "zh")])
def test_example_in_the_docs_is_current_output(name, lang):
    context = ReportContext("0.1.0", lang=lang, files=("plans/a.yaml", "plans/b.yaml"), rules=RULES)
    example = render(name, FINDINGS, context).rstrip("\n")
    assert f"\n{example}\n```" in DOC.read_text(encoding="utf-8"), f"update the {name} ({lang}) example in {DOC.name}"


def test_every_format_has_a_section():
    text = DOC.read_text(encoding="utf-8")
    for name in FORMATS:
        assert f"## `{name}`" in text
