"""GitLab Code Quality report: a JSON array of issues (a subset of the Code Climate format).

GitLab compares the fingerprints of a merge request with those of its target branch to tell new
issues from fixed ones, so a fingerprint hashes what identifies a problem (rule, file, message)
and not its line: adding a line above a problem must not make it "new".
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from sqtool.diagnostics import Finding, Severity
from sqtool.reporters import ReportContext
from sqtool.reporters.text import grouped_by_file

# SQ000 means the plan could not be read at all, so nothing else in it was checked.
UNREADABLE_RULE = "SQ000"
SEVERITY = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.INFO: "info"}


def gitlab_severity(finding: Finding) -> str:
    """blocker for an unreadable plan, else critical / major / info for error / warning / info."""
    return "blocker" if finding.rule_id == UNREADABLE_RULE else SEVERITY[finding.severity]


def fingerprint(rule_id: str, path: str, message: str, occurrence: int = 0) -> str:
    """SHA-256 of rule, path and message (and the occurrence number when the same issue repeats)."""
    parts = [rule_id, path, message] + ([str(occurrence)] if occurrence else [])
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def issues(findings: Sequence[Finding]) -> list[dict[str, object]]:
    """The Code Quality issues, files in path order and fix-first within a file."""
    seen: dict[tuple[str, str, str], int] = {}
    result: list[dict[str, object]] = []
    for finding in grouped_by_file(findings):
        identity = (finding.rule_id, finding.path, finding.message)
        # GitLab drops issues whose fingerprint repeats: number the 2nd, 3rd... of the same issue
        # (in position order, which fix-first keeps for findings of one rule and message).
        occurrence = seen.get(identity, -1) + 1
        seen[identity] = occurrence
        issue: dict[str, object] = {
            "type": "issue",
            "check_name": finding.rule_id,
            "description": finding.message,
            "severity": gitlab_severity(finding),
            "fingerprint": fingerprint(*identity, occurrence),
            "location": {"path": finding.path, "lines": {"begin": max(finding.line, 1)}},
        }
        if finding.hint:
            issue["content"] = {"body": finding.hint}
        result.append(issue)
    return result


def render(findings: Sequence[Finding], context: ReportContext) -> str:
    return json.dumps(issues(findings), ensure_ascii=False, indent=2) + "\n"
