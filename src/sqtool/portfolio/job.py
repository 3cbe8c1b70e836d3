"""One group's audit as one pure, picklable job: ``audit_group(GroupJob) -> GroupOutcome``.

The job carries only plain values (paths, dates, the language and the input limits), so worker
processes and Dask workers run it as they would in-process; what comes back is a small summary
(a few hundred bytes), never the group's messages. A group that cannot be audited comes back with
its error, in the chosen language, instead of raising: one bad export never stops the others.
"""

from __future__ import annotations

import glob
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqtool.errors import SqtoolError
from sqtool.portfolio.manifest import GroupEntry
from sqtool.settings import Lang, Limits

if TYPE_CHECKING:
    from sqtool.audit.report import AuditReport

# renders one group's full report in the worker (--with-details); a module-level function, so it pickles
DetailRenderer = Callable[["AuditReport", Lang], str]

GLOB_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class GroupJob:
    """Everything one group's audit needs; the same for every executor."""

    entry: GroupEntry
    since: date
    until: date
    lang: Lang = "en"
    limits: Limits = field(default_factory=Limits)
    lenient: bool = False
    detail: DetailRenderer | None = None  # also render the group's own full report (--with-details)


@dataclass(frozen=True, slots=True)
class Failure:
    """Why a group could not be audited: the catalogue key, where (file:line:col), message and hint."""

    key: str
    where: str
    message: str
    hint: str | None = None


@dataclass(frozen=True, slots=True)
class GroupFigures:
    """The figures of one group in the period, and the ones of the period of the same length before."""

    period_first: date
    period_last: date
    members: int | None  # the membership base (roster, manifest members, plan); None: only posters known
    messages: int
    messages_previous: int | None  # None: nothing was recorded in the previous period
    active: int  # members who wrote at least one message
    active_previous: int | None
    lurker_share: float | None
    leaders_present: int
    leaders_needed: int | None
    unanswered_share: float | None
    median_first_response_minutes: float | None
    scores: tuple[tuple[str, int | None, str], ...]  # (diagnosis id, score 0-100, its status)
    drift: tuple[tuple[str, str], ...]  # (rule id, severity) of every drift finding
    last_message: datetime | None  # the last member message of the period
    formats: tuple[str, ...] = ()
    daily: tuple[int, ...] = ()  # member messages on each day of the period (the HTML's small multiples)
    gini: float = 0.0  # for the history
    weekly_active_share: float | None = None
    plan_path: str | None = None

    @property
    def mean_score(self) -> float | None:
        """The mean of the scores that could be assessed (None when none could)."""
        known = [score for _, score, _ in self.scores if score is not None]
        return sum(known) / len(known) if known else None


@dataclass(frozen=True, slots=True)
class GroupOutcome:
    """What one job returns: the group's figures, or why it failed. ``seconds``, ``worker`` and
    ``peak_rss_kib`` say how the job ran and take no part in comparing outcomes."""

    name: str
    tags: tuple[tuple[str, str], ...]
    figures: GroupFigures | None = None
    failure: Failure | None = None
    seconds: float = field(default=0.0, compare=False)
    cpu_seconds: float = field(default=0.0, compare=False)  # the worker's CPU time for this job
    worker: int = field(default=0, compare=False)  # the process id of the worker that ran it
    peak_rss_kib: int = field(default=0, compare=False)  # that worker's peak resident memory so far
    detail: str | None = field(default=None, compare=False, repr=False)  # the full report, when the job asked

    def tag(self, key: str) -> str | None:
        return dict(self.tags).get(key)


def audit_group(job: GroupJob) -> GroupOutcome:
    """Audit one group; never raises for bad input (the outcome carries the error instead)."""
    from sqtool.settings import limits_in_force

    started, cpu_started = time.perf_counter(), time.process_time()
    entry = job.entry
    try:
        with limits_in_force(job.limits):
            figures, detail = _figures(job)
        failure = None
    except SqtoolError as error:
        figures, detail, failure = None, None, _failure(error, job.lang)
    except OSError as error:  # what the system refused on a worker: a named error, as the CLI would say
        from sqtool.iosafety import named_os_error

        figures, detail, failure = None, None, _failure(named_os_error(error), job.lang)
    except RecursionError as error:  # a pathological input the guards did not stop: still only this group
        figures, detail = None, None
        failure = Failure("core.internal_error", "", f"{type(error).__name__}: {error}")
    return GroupOutcome(
        name=entry.name,
        tags=entry.tags,
        figures=figures,
        failure=failure,
        seconds=time.perf_counter() - started,
        cpu_seconds=time.process_time() - cpu_started,
        worker=os.getpid(),
        peak_rss_kib=_peak_rss_kib(),
        detail=detail,
    )


def expand_exports(patterns: tuple[str, ...]) -> list[str]:
    """Each export as written, a glob replaced by the files it matches (sorted; a glob URL by the objects
    fsspec lists); a glob that matches nothing is an error, as a missing file is."""
    from sqtool.chat.remote import glob_urls, is_url

    paths: list[str] = []
    for pattern in patterns:
        if not GLOB_CHARACTERS & set(pattern):
            paths.append(pattern)
            continue
        matched = glob_urls(pattern) if is_url(pattern) else sorted(glob.glob(pattern, recursive=True))
        if not matched:
            raise SqtoolError("portfolio.glob_empty", hint="portfolio.glob_empty_hint", path=pattern)
        paths.extend(matched)
    return paths


def _figures(job: GroupJob) -> tuple[GroupFigures, str | None]:
    from sqtool.audit.engine import run_audit
    from sqtool.audit.loading import audit_zone
    from sqtool.audit.options import AuditOptions
    from sqtool.audit.roster import load_roster
    from sqtool.chat.read import read_exports
    from sqtool.plan.model import PlanModel
    from sqtool.plan.schema import load_valid_plan

    entry = job.entry
    plan = PlanModel.of(load_valid_plan(entry.plan, job.lang)) if entry.plan is not None else None
    options = AuditOptions(
        since=job.since,
        until=job.until,
        tz=audit_zone(entry.tz, plan),
        members=entry.members,
        roster=load_roster(entry.roster, lang=job.lang) if entry.roster is not None else None,
        plan=plan,
        lang=job.lang,
    )
    records = read_exports(
        expand_exports(entry.exports), format=entry.format, tz=options.tz, lenient=job.lenient, lang=job.lang
    )
    try:
        report = run_audit(records, options)
    except SqtoolError as error:
        if error.key != "audit.empty_window":
            raise
        # no member message in the whole period: a dormant group, not a failed one; the export's last
        # message day is kept when it lies before the period (the status says since when it is quiet)
        last_day = date.fromisoformat(str(error.args_for_message["last"]))
        before = datetime.combine(last_day, datetime.min.time(), options.tz) if last_day < job.since else None
        figures = GroupFigures(
            period_first=job.since,
            period_last=job.until,
            members=entry.members,
            messages=0,
            messages_previous=None,
            active=0,
            active_previous=None,
            lurker_share=None,
            leaders_present=0,
            leaders_needed=None,
            unanswered_share=None,
            median_first_response_minutes=None,
            scores=(),
            drift=(),
            last_message=before,
            formats=tuple(getattr(records, "formats", ())),
            daily=(0,) * ((job.until - job.since).days + 1),
            plan_path=entry.plan,
        )
        return figures, None
    current, previous = report.current, report.previous
    figures = GroupFigures(
        period_first=current.period.first,
        period_last=current.period.last,
        members=current.summary.members,
        messages=current.summary.messages,
        messages_previous=previous.summary.messages if previous is not None else None,
        active=current.summary.senders,
        active_previous=previous.summary.senders if previous is not None else None,
        lurker_share=current.participation.lurker_share,
        leaders_present=current.opinion_leaders.present,
        leaders_needed=current.opinion_leaders.needed,
        unanswered_share=current.responsiveness.unanswered_share,
        median_first_response_minutes=current.responsiveness.median_first_response_minutes,
        scores=tuple((d.id, d.score, d.status) for d in report.diagnoses),
        drift=tuple((item.finding.rule_id, str(item.finding.severity)) for item in report.drift),
        last_message=current.summary.last,
        formats=report.source.formats,
        daily=tuple(day.messages for day in report.activity.daily),
        gini=current.participation.gini,
        weekly_active_share=current.weekly_active_share,
        plan_path=report.plan_path,
    )
    return figures, job.detail(report, job.lang) if job.detail is not None else None


def _failure(error: SqtoolError, lang: Lang) -> Failure:
    from sqtool.i18n import Translator

    message, hint = error.texts(Translator(lang))
    return Failure(error.key, error.where(), message, hint)


def _peak_rss_kib() -> int:
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows has no resource module
        return 0
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
