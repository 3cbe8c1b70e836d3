"""JUnit XML for CI test tabs: one testcase per finding (failing), one passing testcase per clean file.

Each finding is its own test case, so a CI test tab lists every problem instead of one per file:
``classname`` is the file, ``name`` the rule and position (``SQ201 14:3``). A file without findings
is one passing case named ``no findings``. Text that XML 1.0 cannot carry (most control characters)
is shown as visible escapes; everything else, Chinese included, is kept as UTF-8.
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
CLEAN_CASE = "no findings"  # the name of a clean file's passing test case (the same in every language)


def failure_line(finding: Finding, tr: Translator) -> str:
    """``path:line:col: severity[ID]: message`` as in the text report."""
    label = tr("severity." + finding.severity.value)
    return f"{finding.path}:{finding.line}:{finding.col}: {label}[{finding.rule_id}]: {finding.message}"


def case_name(finding: Finding) -> str:
    """``SQ201 14:3``: the rule and where it points, stable across languages."""
    return f"{finding.rule_id} {finding.line}:{finding.col}"


def testsuite(findings: Sequence[Finding], context: ReportContext) -> ET.Element:
    """The ``<testsuites>`` tree (one ``<testsuite>`` inside)."""
    tr = Translator(context.lang)
    by_path = {path: list(group) for path, group in groupby(grouped_by_file(findings), key=lambda f: f.path)}
    paths = list(dict.fromkeys([*context.files, *by_path]))
    clean = sum(1 for path in paths if not by_path.get(path))
    failures = sum(len(found) for found in by_path.values())
    counts = {"tests": str(failures + clean), "failures": str(failures), "errors": "0", "skipped": "0"}
    root = ET.Element("testsuites", {"name": SUITE_NAME, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE_NAME, **counts})
    for path in paths:
        shown = xml_safe(path)
        if not by_path.get(path):
            ET.SubElement(suite, "testcase", {"classname": shown, "name": CLEAN_CASE, "file": shown})
            continue
        for finding in by_path[path]:
            attributes = {"classname": shown, "name": xml_safe(case_name(finding)), "file": shown}
            case = ET.SubElement(suite, "testcase", {**attributes, "line": str(finding.line)})
            line = failure_line(finding, tr)
            body = line if not finding.hint else f"{line}\n  {tr('core.hint_prefix')}: {finding.hint}"
            failure = ET.SubElement(case, "failure", {"type": xml_safe(finding.rule_id), "message": xml_safe(line)})
            failure.text = xml_safe(body)
    return root


def render(findings: Sequence[Finding], context: ReportContext) -> str:
    root = testsuite(findings, context)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
