"""Run the registry over loaded plans: schema findings first, then every enabled rule, minus disables."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqtool.diagnostics import Finding
from sqtool.i18n import Translator
from sqtool.plan.model import PlanModel, PlanSource
from sqtool.reporters import RuleDoc
from sqtool.rules import suppress
from sqtool.rules.config import CheckConfig
from sqtool.rules.registry import Rule, RuleContext, all_rules
from sqtool.settings import Lang

# Load errors are never filtered by --select or a prefix: nothing else can be checked in such a file.
# Only naming the id itself in --ignore hides them (issue 16).
UNFILTERED = ("SQ000",)


def run_rules(plan: PlanModel, config: CheckConfig, *, lang: Lang = "en", today: date | None = None) -> list[Finding]:
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
            if finding.rule_id not in config.ignore:
                kept.append(finding)
            continue
        if not config.enabled(finding.rule_id):
            continue
        severity = config.severity_of(finding.rule_id, finding.severity)
        kept.append(finding if severity is finding.severity else replace(finding, severity=severity))
    return suppress.apply(kept, text)


def check_plan(
    plan: PlanSource,
    config: CheckConfig,
    *,
    schema_findings: Sequence[Finding] = (),
    lang: Lang = "en",
    today: date | None = None,
) -> list[Finding]:
    """Schema findings, then rule findings, for one plan; inline disables in its text applied."""
    schema = filter_findings(schema_findings, config, plan.text)
    model = PlanModel.of(plan)  # built once, after validation: every rule reads the same typed view
    rules = suppress.apply(run_rules(model, config, lang=lang, today=today), plan.text)
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
    workers: int | None = None,
) -> CheckResult:
    """Load each plan (``-`` reads ``stdin_text``), validate it against the schema and run the rules.

    Many plans are split over ``workers`` processes (default: one per core from PARALLEL_MIN plans on);
    results keep the order of ``sources``.
    """
    day = today or date.today()
    count = _worker_count(len(sources)) if workers is None else max(1, workers)
    job = _Job(config=config, lang=lang, today=day, stdin_text=stdin_text)
    if count == 1:
        return job(tuple(sources))
    size = max(1, min(CHUNK, -(-len(sources) // count)))
    chunks = [tuple(sources[start : start + size]) for start in range(0, len(sources), size)]
    from concurrent.futures import ProcessPoolExecutor

    _load_before_fork()
    # workers inherit the imports when forked (the command line); from a threaded host, a fork server
    context = multiprocessing.get_context(start_method())
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        parts = list(pool.map(job, chunks))
    return CheckResult(
        tuple(finding for part in parts for finding in part.findings),
        tuple(path for part in parts for path in part.files),
    )


def _load_before_fork() -> None:
    """Import what every worker needs (the loader, PyYAML, the quick schema test, the message catalogue
    the findings are worded from) once, before the workers are forked, rather than once in each."""
    from sqtool.i18n import catalogue
    from sqtool.plan import cnodes, schema, schemacheck

    catalogue()
    assert cnodes and schema and schemacheck  # imported for the workers


PARALLEL_MIN = 200  # below this, starting processes costs more than it saves
CHUNK = 100


def start_method() -> str:
    """How the workers start: forked when this process runs one thread (they inherit the imports and
    the compiled validator, the command line's case); else from a fork server (a notebook, a host with
    threads of its own: forking a threaded process may deadlock the child, and Python 3.12 warns)."""
    if threading.active_count() == 1 and _os_threads() == 1:
        return "fork"
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def _os_threads() -> int:
    """The threads of this process as the system counts them, which is what Python 3.12's fork warning
    counts: a thread a C library started (or ``_thread``) is not in ``threading``'s count. Where there
    is no /proc (macOS), Python's own count is all there is."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 1


def _worker_count(plans: int) -> int:
    if plans < PARALLEL_MIN or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


@dataclass(frozen=True, slots=True)
class _Job:
    """Check a run of plans; a picklable callable so worker processes can run it."""

    config: CheckConfig
    lang: Lang
    today: date
    stdin_text: str | None

    def __call__(self, sources: tuple[str, ...]) -> CheckResult:
        from sqtool.plan.load import PlanLoadError, load_plan
        from sqtool.plan.schema import schema_findings

        findings: list[Finding] = []
        files: list[str] = []
        for source in sources:
            try:
                plan = load_plan(source, lang=self.lang, stdin_text=self.stdin_text)
            except PlanLoadError as error:  # kept unless --ignore names the load error's id itself
                findings.extend(f for f in error.findings if f.rule_id not in self.config.ignore)
                files.append(error.findings[0].path if error.findings else source)
                continue
            files.append(plan.path)
            schema = schema_findings(plan, lang=self.lang)  # a quick validity test first, jsonschema only if it fails
            findings.extend(check_plan(plan, self.config, schema_findings=schema, lang=self.lang, today=self.today))
        return CheckResult(tuple(findings), tuple(files))


def rule_docs(lang: Lang = "en") -> dict[str, RuleDoc]:
    """Every rule `check` runs as a reporters.RuleDoc, keyed by id (SARIF and JUnit describe rules with these).

    The audit's drift rules (SQ8xx) are left out: a check never reports them."""
    tr, english = Translator(lang), Translator("en")
    return {
        item.id: RuleDoc(
            rule_id=item.id,
            name=item.name(english),  # an identifier (SARIF's reportingDescriptor.name): never localised
            summary=item.summary(tr),
            source=sources_text(item),
            severity=item.severity,
            explanation=tr(f"rules.{item.id}.why"),
        )
        for item in all_rules()
        if item.family != "drift"
    }


def sources_text(item: Rule) -> str:
    return ", ".join(item.sources)
