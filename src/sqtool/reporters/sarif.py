"""SARIF 2.1.0 log (one run) for code-scanning dashboards such as GitHub's.

Every file looked at is an artifact, clean ones included; every rule in ``context.rules`` and every
rule id seen in a finding is a reportingDescriptor, so ``ruleIndex`` and ``index`` always resolve.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import quote

from sqtool.diagnostics import Finding, Severity, fix_first
from sqtool.reporters import ReportContext, RuleDoc

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://sqtool.dev"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

# RFC 3986 characters that may stay as they are in a URI path; everything else (spaces, CJK,
# "<stdin>") is percent-encoded as UTF-8, which SARIF consumers decode back. ":" stays only in
# absolute file URIs ("C:"): in a relative reference "a:b.yaml" would read as scheme "a".
_URI_SAFE = "/@!$&'()*+,;=-._~"


def artifact_uri(path: str) -> str:
    """The URI of a display path: relative stays relative (forward slashes, percent-encoded UTF-8),
    absolute becomes ``file:///...`` (a bare ``/x`` would read as relative to the repository root)."""
    posix = path.replace("\\", "/")
    if PurePosixPath(posix).is_absolute() or PureWindowsPath(path).is_absolute():
        drive_or_root = "" if posix.startswith("/") else "/"
        return "file://" + drive_or_root + quote(posix, safe=_URI_SAFE + ":", errors="surrogatepass")
    return quote(posix, safe=_URI_SAFE, errors="surrogatepass")


def rule_descriptor(rule_id: str, doc: RuleDoc | None) -> dict[str, object]:
    """A SARIF reportingDescriptor: the id, then whatever the RuleDoc knows (name, texts, level, source)."""
    descriptor: dict[str, object] = {"id": rule_id}
    if doc is None:
        return descriptor
    if doc.name:
        descriptor["name"] = doc.name
    if doc.summary:
        descriptor["shortDescription"] = {"text": doc.summary}
    if doc.explanation:
        descriptor["fullDescription"] = {"text": doc.explanation}
        descriptor["help"] = {"text": doc.explanation}
    if doc.severity is not None:
        descriptor["defaultConfiguration"] = {"level": LEVEL[doc.severity]}
    if doc.source:
        descriptor["properties"] = {"source": doc.source}
    return descriptor


def sarif_log(findings: Sequence[Finding], context: ReportContext) -> dict[str, object]:
    """The SARIF log as plain JSON-ready data."""
    ordered = fix_first(findings)
    rule_ids = sorted(set(context.rules) | {finding.rule_id for finding in ordered})
    rule_index = {rule_id: index for index, rule_id in enumerate(rule_ids)}
    paths = list(dict.fromkeys([*context.files, *(finding.path for finding in ordered)]))
    artifact_index = {path: index for index, path in enumerate(paths)}
    results = []
    for finding in ordered:
        result: dict[str, object] = {
            "ruleId": finding.rule_id,
            "ruleIndex": rule_index[finding.rule_id],
            "level": LEVEL[finding.severity],
            "message": {"text": finding.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {
                            "uri": artifact_uri(finding.path),
                            "index": artifact_index[finding.path],
                        },
                        "region": {"startLine": max(finding.line, 1), "startColumn": max(finding.col, 1)},
                    }
                }
            ],
        }
        if finding.hint:
            result["properties"] = {"hint": finding.hint}
        results.append(result)
    driver = {
        "name": "sqtool",
        "version": context.tool_version,
        "informationUri": INFORMATION_URI,
        "rules": [rule_descriptor(rule_id, context.rules.get(rule_id)) for rule_id in rule_ids],
    }
    run = {
        "tool": {"driver": driver},
        "language": "zh-CN" if context.lang == "zh" else "en-US",
        # The YAML loader counts columns in characters, not UTF-16 units.
        "columnKind": "unicodeCodePoints",
        "artifacts": [{"location": {"uri": artifact_uri(path)}} for path in paths],
        "results": results,
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def render(findings: Sequence[Finding], context: ReportContext) -> str:
    return json.dumps(sarif_log(findings, context), ensure_ascii=False, indent=2) + "\n"
