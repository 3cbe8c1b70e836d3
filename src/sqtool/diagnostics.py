"""Finding: the one result type that checks, validation and audits hand to reporters."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from sqtool.errors import SqtoolError

FAIL_ON_LEVELS = ("error", "warning", "info", "never")  # never: findings never change the exit code


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe: error 3, warning 2, info 1."""
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(frozen=True, slots=True)
class Finding:
    rule_id: str
    severity: Severity
    message: str
    path: str
    line: int = 1
    col: int = 1
    hint: str | None = None

    def location(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


def fix_first(findings: Iterable[Finding]) -> list[Finding]:
    """Most severe first; at one level, file problems (SQ000 unreadable, SQ001 schema) before rule
    findings, since rules read what the schema vouches for; then by file and position."""
    return sorted(findings, key=lambda f: (-f.severity.rank, not _is_schema(f), f.path, f.line, f.col, f.rule_id))


def _is_schema(finding: Finding) -> bool:
    return finding.rule_id in ("SQ000", "SQ001")


def at_or_above(findings: Iterable[Finding], threshold: Severity) -> list[Finding]:
    return [finding for finding in findings if finding.severity.rank >= threshold.rank]


def fail_threshold(value: object, where: str = "--fail-on") -> Severity | None:
    """The severity a ``--fail-on`` value names (None for ``never``); anything else is a usage error."""
    name = str(value).strip().lower()
    if name == "never":
        return None
    try:
        return Severity(name)
    except ValueError:
        raise SqtoolError("core.bad_fail_on", hint="core.bad_fail_on_hint", value=str(value), where=where) from None
