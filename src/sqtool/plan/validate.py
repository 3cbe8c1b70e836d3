"""Validate plan files: load each one (SQ000 on YAML it refuses) and check it against the schema (SQ001)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqtool.diagnostics import Finding
from sqtool.plan.load import PlanLoadError, load_plan
from sqtool.plan.schema import schema_findings
from sqtool.settings import Lang


@dataclass(frozen=True, slots=True)
class Validation:
    files: tuple[str, ...]  # display paths of every file looked at, clean ones included
    findings: tuple[Finding, ...]

    @property
    def clean(self) -> bool:
        return not self.findings


def validate_file(source: str, *, lang: Lang = "en", stdin_text: str | None = None) -> tuple[str, list[Finding]]:
    """(display path, findings) for one plan; SqtoolError when it cannot be read at all."""
    try:
        plan = load_plan(source, lang=lang, stdin_text=stdin_text)
    except PlanLoadError as error:
        return error.findings[0].path, list(error.findings)
    return plan.path, schema_findings(plan, lang=lang)


def validate_files(sources: Sequence[str], *, lang: Lang = "en", stdin_text: str | None = None) -> Validation:
    """Validate every file of ``sources`` (already expanded: paths or "-")."""
    files: list[str] = []
    findings: list[Finding] = []
    for source in sources:
        path, found = validate_file(source, lang=lang, stdin_text=stdin_text)
        files.append(path)
        findings.extend(found)
    return Validation(tuple(files), tuple(findings))
