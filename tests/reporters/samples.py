"""Findings and contexts shared by the reporter tests, and the golden-file helper."""

from __future__ import annotations

import pytest

from sqtool.diagnostics import Finding, Severity
from sqtool.reporters import ReportContext, RuleDoc
from tests.conftest import FIXTURES, golden_text

GOLDEN = FIXTURES / "reporters"

# Three files: one with an error and a warning, one with a note, one clean. The texts carry the
# characters each format must escape: "%" and ":" for GitHub, a comma in a path, quotes, Chinese.
FINDINGS: tuple[Finding, ...] = (
    Finding(
        "SQ201",
        Severity.WARNING,
        "needs 5 opinion leaders for 500 members, plan names 2",
        "plans/私域 增长.yaml",
        14,
        3,
        "name 3 more members who answer questions (article 002)",
    ),
    Finding(
        "SQ001",
        Severity.ERROR,
        "'target_size' must be an integer, got \"five hundred\"",
        "plans/私域 增长.yaml",
        9,
        16,
        "write a whole number such as 500",
    ),
    Finding(
        "SQ504", Severity.INFO, "no offline interaction planned: 0% of rituals meet in person", "plans/b,c.yaml", 1, 1
    ),
)
FILES: tuple[str, ...] = ("plans/私域 增长.yaml", "plans/b,c.yaml", "plans/clean.yaml")
RULES = {
    "SQ201": RuleDoc("SQ201", "opinion-leaders-per-members", "Enough opinion leaders for the group's size", "002"),
    "SQ301": RuleDoc(
        "SQ301",
        "conduct-rules",
        "Conduct rules cover ads, bare links and quarrels",
        "001, 003",
        Severity.WARNING,
        "Without written rules every dispute is argued from scratch; list what is not allowed.",
    ),
}


def context(**changes: object) -> ReportContext:
    """The sample context (version pinned so golden files do not change with releases)."""
    base: dict[str, object] = {"tool_version": "9.9.9", "files": FILES, "rules": RULES}
    base.update(changes)
    return ReportContext(**base)  # type: ignore[arg-type]


def check_golden(request: pytest.FixtureRequest, name: str, actual: str) -> None:
    """Compare ``actual`` with ``tests/fixtures/reporters/<name>``, or rewrite it with --update-golden."""
    assert actual == golden_text(GOLDEN / name, actual), f"{name} differs; rerun with --update-golden if intended"
