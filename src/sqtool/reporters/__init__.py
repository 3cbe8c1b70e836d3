"""Reporters: each turns a list of Findings into text in one format. They never pick exit codes."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from sqtool.diagnostics import Finding
from sqtool.settings import Lang


@dataclass(frozen=True, slots=True)
class RuleDoc:
    """What a report needs to know about a rule (SARIF rule metadata, JUnit names)."""

    rule_id: str
    name: str
    summary: str
    source: str = ""  # the seed article(s) it comes from, e.g. "002"


@dataclass(frozen=True, slots=True)
class ReportContext:
    tool_version: str
    lang: Lang = "en"
    files: tuple[str, ...] = ()  # every file looked at, clean ones included
    color: bool = False  # only the text reporter uses it
    rules: Mapping[str, RuleDoc] = field(default_factory=dict)


Reporter = Callable[[Sequence[Finding], ReportContext], str]

# format name -> module under sqtool.reporters that defines render(findings, context) -> str
FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json_report",
}


def render(format_name: str, findings: Sequence[Finding], context: ReportContext) -> str:
    """Render ``findings`` in ``format_name`` (one of FORMATS)."""
    module = importlib.import_module(f"{__name__}.{FORMATS[format_name]}")
    return module.render(findings, context)
