"""Run the registry over loaded plans: schema findings first, then every enabled rule, minus disables."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqtool.diagnostics import Finding
from sqtool.i18n import Translator
from sqtool.rules import suppress
from sqtool.rules.config import CheckConfig
from sqtool.rules.registry import PlanView, Rule, RuleContext, all_rules
from sqtool.settings import Lang

# Load errors are never filtered: nothing else can be checked in such a file.
UNFILTERED = ("SQ000",)


def run_rules(plan: PlanView, config: CheckConfig, *, lang: Lang = "en", today: date | None = None) -> list[Finding]:
    """The findings of every enabled rule on ``plan`` (severity overrides applied, no suppressions)."""
    tr = Translator(lang)
    day = today or date.today()
    found: list[Finding] = []
    for item in all_rules():
        if item.check is None or not config.enabled(item.id):
            continue
        severity = config.severity_of(item.id, item.severity)
        context = RuleContext(plan=plan, config=config, tr=tr, today=day, rule=item, severity=severity)
        found.extend(item.check(context))
    return found


def filter_findings(findings: Iterable[Finding], config: CheckConfig, text: str) -> list[Finding]:
    """Apply select/ignore and severity overrides to findings made elsewhere (the schema), then disables."""
    kept: list[Finding] = []
    for finding in findings:
        if finding.rule_id in UNFILTERED:
            kept.append(finding)
            continue
        if not config.enabled(finding.rule_id):
            continue
        severity = config.severity_of(finding.rule_id, finding.severity)
        kept.append(finding if severity is finding.severity else replace(finding, severity=severity))
    return suppress.apply(kept, text)


def check_plan(
    plan: PlanView,
    config: CheckConfig,
    *,
    schema_findings: Sequence[Finding] = (),
    lang: Lang = "en",
    today: date | None = None,
) -> list[Finding]:
    """Schema findings, then rule findings, for one plan; inline disables in its text applied."""
    schema = filter_findings(schema_findings, config, plan.text)
    rules = suppress.apply(run_rules(plan, config, lang=lang, today=today), plan.text)
    return [*schema, *rules]


@dataclass(frozen=True, slots=True)
class CheckResult:
    findings: tuple[Finding, ...]
    files: tuple[str, ...]


def check_files(
    sources: Sequence[str],
    config: CheckConfig,
    *,
    lang: Lang = "en",
    today: date | None = None,
    stdin_text: str | None = None,
    on_file: Callable[[str], None] | None = None,
) -> CheckResult:
    """Load each plan (``-`` reads ``stdin_text``), validate it against the schema and run the rules."""
    from sqtool.plan.load import PlanLoadError, load_plan
    from sqtool.plan.schema import schema_findings

    findings: list[Finding] = []
    files: list[str] = []
    for source in sources:
        if on_file is not None:
            on_file(source)
        try:
            plan = load_plan(source, lang=lang, stdin_text=stdin_text)
        except PlanLoadError as error:
            findings.extend(error.findings)
            files.append(error.findings[0].path if error.findings else source)
            continue
        files.append(plan.path)
        findings.extend(
            check_plan(plan, config, schema_findings=schema_findings(plan, lang=lang), lang=lang, today=today)
        )
    return CheckResult(tuple(findings), tuple(files))


def rule_docs(lang: Lang = "en") -> dict[str, object]:
    """Every rule as a reporters.RuleDoc, keyed by id (SARIF and JUnit describe rules with these)."""
    from sqtool.reporters import RuleDoc

    tr = Translator(lang)
    return {
        item.id: RuleDoc(rule_id=item.id, name=item.name(tr), summary=item.summary(tr), source=sources_text(item))
        for item in all_rules()
    }


def sources_text(item: Rule) -> str:
    return ", ".join(item.sources)
