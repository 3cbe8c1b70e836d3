"""JSON report: one object with the tool, the files looked at, the findings and a summary.

The shape is public API (documented in docs/output-formats.md): change it only with a migration note.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqtool.diagnostics import Finding, fix_first
from sqtool.reporters import ReportContext

SCHEMA_VERSION = 1


def render(findings: Sequence[Finding], context: ReportContext) -> str:
    ordered = fix_first(findings)
    document = {
        "version": SCHEMA_VERSION,
        "tool": {"name": "sqtool", "version": context.tool_version},
        "files": list(context.files),
        "findings": [
            {
                "rule_id": finding.rule_id,
                "severity": finding.severity.value,
                "message": finding.message,
                "hint": finding.hint,
                "path": finding.path,
                "line": finding.line,
                "col": finding.col,
            }
            for finding in ordered
        ],
        "summary": {
            severity: sum(1 for finding in ordered if finding.severity.value == severity)
            for severity in ("error", "warning", "info")
        }
        | {"files": len(context.files), "files_with_findings": len({f.path for f in ordered})},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
