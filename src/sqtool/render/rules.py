"""The rule listing (`sqtool rules`), one rule's explanation (`sqtool explain`) and `check --statistics`."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import fields
from typing import Any

from sqtool.diagnostics import Finding
from sqtool.i18n import Translator
from sqtool.render.wrap import table, wrap
from sqtool.rules.config import RuleOptions
from sqtool.rules.registry import Rule


def rule_record(item: Rule, tr: Translator) -> dict[str, Any]:
    """One rule as `sqtool rules --format json` lists it (keys are public API).

    ``name`` is the stable English name in every language, so scripts need not care about --lang;
    ``title`` is the same name in the output language, for people.
    """
    return {
        "id": item.id,
        "name": item.name(Translator("en")),
        "title": item.name(tr),
        "severity": item.severity.value,
        "sources": list(item.sources),
        "family": item.family,
        "summary": item.summary(tr),
        "options": list(item.options),
    }


def rules_json(rules: Sequence[Rule], tr: Translator) -> str:
    return json.dumps({"version": 1, "rules": [rule_record(item, tr) for item in rules]}, ensure_ascii=False, indent=2)


def rules_table(rules: Sequence[Rule], tr: Translator, width: int) -> str:
    """Four columns that fit 80 terminal columns: the name leads the wrapped "checks" cell instead of a column."""
    rows = [
        [
            item.id,
            tr(f"severity.{item.severity.value}"),
            ", ".join(item.sources) or tr("check.no_source"),
            tr("check.name_and_summary", name=item.name(tr), summary=item.summary(tr)),
        ]
        for item in rules
    ]
    headers = ["check.col.rule", "check.col.severity", "check.col.source", "check.col.summary"]
    return table([tr(key) for key in headers], rows, width=width, wrap_columns=[3])


def statistics_table(findings: Sequence[Finding], rules: Sequence[Rule], tr: Translator) -> str:
    """Counts per rule, most frequent first: ``count  rule  severity  name``."""
    from tabulate import tabulate

    counts = Counter((finding.rule_id, finding.severity.value) for finding in findings)
    by_id = {item.id: item for item in rules}
    rows = [
        [count, rule_id, tr(f"severity.{severity}"), by_id[rule_id].name(tr) if rule_id in by_id else ""]
        for (rule_id, severity), count in sorted(counts.items(), key=lambda entry: (-entry[1], entry[0]))
    ]
    headers = [tr("check.col.count"), tr("check.col.rule"), tr("check.col.severity"), tr("check.col.name")]
    return f"{tr('check.statistics_title')}\n{tabulate(rows, headers=headers, tablefmt='simple')}"


def explain_text(item: Rule, tr: Translator, width: int = 80) -> str:
    """The full explanation of one rule: source, why, a failing and a passing snippet, how to configure.

    Prose is wrapped to ``width`` columns; the YAML snippets are shown exactly as written.
    """

    def prose(text: str, indent: str = "") -> list[str]:
        return wrap(text, width, indent=indent, subsequent_indent=indent)

    severity = tr(f"severity.{item.severity.value}")
    lines = prose(f"{item.id} {item.name(tr)} ({tr('explain.default_severity', severity=severity)})")
    if item.sources:
        lines += prose(tr("explain.source", articles=", ".join(item.sources)))
    else:
        lines += prose(tr("explain.no_source"))
    lines += prose(item.summary(tr))
    lines += ["", tr("explain.why"), *prose(tr(f"rules.{item.id}.why"), "  ")]
    for heading, key in (("explain.bad", "bad"), ("explain.good", "good")):
        lines += ["", tr(heading), _indent(tr(f"rules.{item.id}.{key}"))]
    lines += ["", tr("explain.configure")]
    if item.family == "drift":
        configure = tr("explain.configure_drift", severity=item.severity.value)
    else:
        configure = tr("explain.configure_text", rule=item.id)
    for line in configure.split("\n"):
        lines += wrap(line, width, indent="  ", subsequent_indent="    ")
    defaults = {field.name: field.default for field in fields(RuleOptions)}
    for name in item.options:
        option_line = tr("explain.option", name=name, default=defaults[name], setting=name.replace("_", "-"))
        lines += wrap(option_line, width, indent="  ", subsequent_indent="    ")
    return "\n".join(lines) + "\n"


def _indent(block: str) -> str:
    return "\n".join(f"  {line}" if line else "" for line in block.split("\n"))
