"""Inline disables: ``# sqtool: disable=SQ201`` on a line, ``# sqtool: disable-file=SQ504`` anywhere."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqtool.diagnostics import Finding

# The comment must start at the line start or after whitespace, as YAML requires of comments.
_DIRECTIVE = re.compile(r"(?:^|\s)#\s*sqtool:\s*(disable-file|disable)\s*=\s*([A-Za-z0-9_,\s]+)")


@dataclass(frozen=True, slots=True)
class Suppressions:
    whole_file: tuple[str, ...] = ()
    by_line: tuple[tuple[int, tuple[str, ...]], ...] = ()  # (1-based line, ids or prefixes)

    def covers(self, finding: Finding) -> bool:
        if _matches(finding.rule_id, self.whole_file):
            return True
        return any(line == finding.line and _matches(finding.rule_id, ids) for line, ids in self.by_line)


def _matches(rule_id: str, selectors: Iterable[str]) -> bool:
    return any(selector == "ALL" or rule_id.startswith(selector) for selector in selectors)


def parse(text: str) -> Suppressions:
    """Read every directive; one on a line of its own also covers the next line that has content."""
    whole_file: list[str] = []
    by_line: list[tuple[int, tuple[str, ...]]] = []
    pending: list[tuple[str, ...]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        match = _DIRECTIVE.search(line)
        ids = tuple(part.strip().upper() for part in match.group(2).split(",") if part.strip()) if match else ()
        if match and match.group(1) == "disable-file":
            whole_file.extend(ids)
            continue
        if stripped and not stripped.startswith("#"):
            for waiting in pending:
                by_line.append((number, waiting))
            pending = []
        if match:
            by_line.append((number, ids))
            if stripped.startswith("#"):
                pending.append(ids)
    return Suppressions(tuple(whole_file), tuple(by_line))


def apply(findings: Iterable[Finding], text: str) -> list[Finding]:
    """The findings that no directive in ``text`` disables."""
    if "sqtool:" not in text:
        return list(findings)
    suppressions = parse(text)
    return [finding for finding in findings if not suppressions.covers(finding)]
