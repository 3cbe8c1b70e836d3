"""Reporters: each turns a list of Findings into text in one format. They never pick exit codes.

This package's ``__init__`` stays light (no rich, json, xml or hashing imports): the CLI imports it
to list ``FORMATS`` in ``--help``, and each reporter module is imported only when it renders.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from sqtool.diagnostics import Finding, Severity
from sqtool.settings import Lang


@dataclass(frozen=True, slots=True)
class RuleDoc:
    """What a report needs to know about a rule (SARIF rule metadata, JUnit names)."""

    rule_id: str
    name: str
    summary: str
    source: str = ""  # the seed article(s) it comes from, e.g. "002"
    severity: Severity | None = None  # the rule's default severity (SARIF defaultConfiguration)
    explanation: str = ""  # why the rule exists and what to do, in the report's language (SARIF help)


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
    "github": "github",
    "gitlab": "gitlab",
    "sarif": "sarif",
    "junit": "junit",
}

# A lone surrogate (a file name decoded with surrogateescape, say) cannot be written as UTF-8.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def render(format_name: str, findings: Sequence[Finding], context: ReportContext) -> str:
    """Render ``findings`` in ``format_name`` (one of FORMATS); the result always encodes as UTF-8.

    An unknown format name raises SqtoolError (exit 2) naming the known ones. Paths are cleaned
    once here (no leading ``./``) so every format names a file alike: "./a.yaml" is "a.yaml".
    """
    if format_name not in FORMATS:  # e.g. a format named in a config file rather than on the command line
        from sqtool.errors import SqtoolError

        raise SqtoolError(
            "report.unknown_format", hint="report.unknown_format_hint", name=format_name, choices=", ".join(FORMATS)
        )
    module = importlib.import_module(f"{__name__}.{FORMATS[format_name]}")
    findings = [f if f.path == clean_path(f.path) else replace(f, path=clean_path(f.path)) for f in findings]
    context = replace(context, files=tuple(dict.fromkeys(clean_path(path) for path in context.files)))
    return _LONE_SURROGATE.sub("\ufffd", module.render(findings, context))


def clean_path(path: str) -> str:
    """The path as reports show it: no leading ``./`` (GitHub then fails to match the file)."""
    while path.startswith("./") and len(path) > 2:
        path = path[2:]
    return path


def default_format(environ: Mapping[str, str] | None = None) -> str:
    """ "github" inside GitHub Actions (``GITHUB_ACTIONS=true``), else "text"."""
    environ = os.environ if environ is None else environ
    return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"


def format_help(lang: Lang = "en") -> str:
    """One line per format ("name: what it is for") for a command's ``--format`` help."""
    from sqtool.i18n import Translator

    tr = Translator(lang)
    return "\n".join(f"{name}: {tr('report.format.' + name)}" for name in FORMATS)
