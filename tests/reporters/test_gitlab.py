import json
from dataclasses import replace

from sqtool.diagnostics import Finding, Severity
from sqtool.reporters import render
from sqtool.reporters.gitlab import fingerprint
from tests.reporters.samples import FINDINGS, context

REQUIRED = {"description", "check_name", "fingerprint", "severity", "location"}


def issues(findings, **changes):
    return json.loads(render("gitlab", findings, context(**changes)))


def test_shape_of_every_issue():
    result = issues(FINDINGS)
    assert isinstance(result, list) and len(result) == 3
    for issue in result:
        assert set(issue) >= REQUIRED
        assert issue["severity"] in {"blocker", "critical", "major", "minor", "info"}
        assert isinstance(issue["location"]["path"], str)
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert len(issue["fingerprint"]) == 64
    first = next(issue for issue in result if issue["check_name"] == "SQ001")
    assert first == {
        "type": "issue",
        "check_name": "SQ001",
        "description": "'target_size' must be an integer, got \"five hundred\"",
        "severity": "critical",
        "fingerprint": fingerprint(
            "SQ001", "plans/私域 增长.yaml", "'target_size' must be an integer, got \"five hundred\""
        ),
        "location": {"path": "plans/私域 增长.yaml", "lines": {"begin": 9}},
        "content": {"body": "write a whole number such as 500"},
    }


def test_severity_mapping():
    def severity_of(rule, severity):
        return issues([Finding(rule, severity, "m", "a.yaml")])[0]["severity"]

    assert severity_of("SQ000", Severity.ERROR) == "blocker"
    assert severity_of("SQ001", Severity.ERROR) == "critical"
    assert severity_of("SQ201", Severity.WARNING) == "major"
    assert severity_of("SQ504", Severity.INFO) == "info"


def test_fingerprint_is_stable_across_runs_and_line_moves():
    before = issues(FINDINGS)
    moved = issues([replace(f, line=f.line + 7, col=f.col + 2) for f in FINDINGS])
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in moved]
    assert before == issues(FINDINGS)


def test_fingerprint_changes_with_rule_path_or_message():
    base = Finding("SQ201", Severity.WARNING, "needs 5", "a.yaml", 3, 1)
    prints = {
        issues([finding])[0]["fingerprint"]
        for finding in (
            base,
            replace(base, rule_id="SQ202"),
            replace(base, path="b.yaml"),
            replace(base, message="needs 6"),
        )
    }
    assert len(prints) == 4


def test_repeated_issue_in_one_file_gets_distinct_fingerprints():
    same = [Finding("SQ301", Severity.WARNING, "bare link", "a.yaml", line, 1) for line in (30, 10, 20)]
    result = issues(same)
    assert len({issue["fingerprint"] for issue in result}) == 3
    # the first in the file keeps the plain fingerprint, so it survives edits elsewhere
    assert [issue["location"]["lines"]["begin"] for issue in result] == [10, 20, 30]
    assert result[0]["fingerprint"] == fingerprint("SQ301", "a.yaml", "bare link")


def test_dot_slash_paths_are_cleaned_and_share_fingerprints():
    plain = issues([Finding("SQ101", Severity.ERROR, "m", "plans/a.yaml")])
    dotted = issues([Finding("SQ101", Severity.ERROR, "m", "./plans/a.yaml")])
    assert plain == dotted
    assert plain[0]["location"]["path"] == "plans/a.yaml"


def test_clean_run_is_an_empty_array():
    assert issues([]) == []


def test_line_zero_or_negative_is_clamped_to_one():
    assert issues([Finding("SQ101", Severity.ERROR, "m", "a.yaml", 0, 0)])[0]["location"]["lines"]["begin"] == 1
