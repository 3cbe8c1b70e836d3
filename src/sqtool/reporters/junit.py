"""JUnit XML for CI test tabs: one testsuite, one testcase per file, one failure per finding.

A file with no findings is a passing testcase. Text that XML 1.0 cannot carry (most control
characters) is shown as visible escapes; everything else, Chinese included, is kept as UTF-8.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from itertools import groupby

from sqtool.diagnostics import Finding
from sqtool.i18n import Translator
from sqtool.reporters import ReportContext
from sqtool.reporters.safe_text import xml_safe
from sqtool.reporters.text import grouped_by_file

SUITE_NAME = "sqtool"


def failure_line(finding: Finding, tr: Translator) -> str:
    """``path:line:col: severity[ID]: message`` as in the text report."""
    label = tr("severity." + finding.severity.value)
    return f"{finding.path}:{finding.line}:{finding.col}: {label}[{finding.rule_id}]: {finding.message}"


def testsuite(findings: Sequence[Finding], context: ReportContext) -> ET.Element:
    """The ``<testsuites>`` tree (one ``<testsuite>`` inside)."""
    tr = Translator(context.lang)
    by_path = {path: list(group) for path, group in groupby(grouped_by_file(findings), key=lambda f: f.path)}
    paths = list(dict.fromkeys([*context.files, *by_path]))
    failing = sum(1 for path in paths if by_path.get(path))
    counts = {"tests": str(len(paths)), "failures": str(failing), "errors": "0", "skipped": "0"}
    root = ET.Element("testsuites", {"name": SUITE_NAME, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE_NAME, **counts})
    for path in paths:
        shown = xml_safe(path)
        case = ET.SubElement(suite, "testcase", {"classname": SUITE_NAME, "name": shown, "file": shown})
        for finding in by_path.get(path, []):
            line = failure_line(finding, tr)
            body = line if not finding.hint else f"{line}\n  {tr('core.hint_prefix')}: {finding.hint}"
            failure = ET.SubElement(case, "failure", {"type": xml_safe(finding.rule_id), "message": xml_safe(line)})
            failure.text = xml_safe(body)
    return root


def render(findings: Sequence[Finding], context: ReportContext) -> str:
    root = testsuite(findings, context)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
